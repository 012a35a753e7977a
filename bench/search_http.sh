#!/usr/bin/env bash
# Search over HTTP: `maplace bench search-http` serves a synthetic corpus (1,000,000 offers +
# 100,000 trainings by default, nothing stored) through the real server, and wrk sends it
# GET /api/v1/search queries (words, prefixes, typos, filters, place + radius) on 127.0.0.1:
# first with every answer computed, with GET /api/v1/sante as the HTTP stack's ceiling, then
# with the index's cached answers (a second server start).
# Usage: bench/search_http.sh   (release build first: cmake --preset release && cmake --build --preset release)
#   OFFERS=100000 TRAININGS=10000 QUERIES=20000 CACHED_ANSWERS=4096 DURATION=10 CONNECTIONS=32 bench/search_http.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${MAPLACE_BIN:-build/release/src/app/maplace}
[ -x "$bin" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is needed (apt install wrk)" >&2; exit 1; }
var=$(mktemp -d)
log=$var/server.log
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$var"; }
trap cleanup EXIT

# The places of the queries: the communes of the seed, as script/server loads them.
"$bin" --var-dir "$var" import areas data/seed/bassins_emploi.csv >/dev/null
"$bin" --var-dir "$var" import communes node_modules/@etalab/decoupage-administratif/data/communes.json >/dev/null
"$bin" --var-dir "$var" import commune-positions data/seed/commune_positions.csv >/dev/null

paths=$var/paths.txt
start_server() {  # start_server <search cached answers>: sets pid and url
  local started; started=$(date +%s)
  : >"$log"
  MAPLACE_SEARCH_CACHED_ANSWERS=$1 "$bin" --var-dir "$var" bench search-http --port 0 \
    --offers "${OFFERS:-1000000}" --trainings "${TRAININGS:-100000}" \
    --queries "${QUERIES:-20000}" --queries-file "$paths" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "maplace listening on" "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.5
  done
  url=$(grep -o 'http://[^ ]*' "$log" | head -1)
  url=${url%/}
  echo "Server (cached answers: $1) ready in $(( $(date +%s) - started )) s (corpus generated and indexed); RSS $(( $(grep VmRSS /proc/$pid/status | awk '{print $2}') / 1024 )) MB" >&2
}
stop_server() {
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

# The queries: the engine benchmark's generator (words, prefixes, typos, filters, place +
# radius), drawn with Zipf's law (the query of rank r with weight 1/r), the shape of site-search
# logs: a few queries are asked very often, and a long tail once.
lua=$var/queries.lua
cat >"$lua" <<LUA
local paths, cumulative, total = {}, {}, 0
for line in io.lines("$paths") do
  paths[#paths + 1] = line
  total = total + 1 / #paths
  cumulative[#paths] = total
end
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init(args) math.randomseed(seed * 7919) end
request = function()
  local x, low, high = math.random() * total, 1, #paths
  while low < high do
    local mid = math.floor((low + high) / 2)
    if cumulative[mid] < x then low = mid + 1 else high = mid end
  end
  return wrk.format("GET", paths[low])
end
LUA
echo
echo "| endpoint | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---:|"
run() {  # run <label> <wrk args...>
  local label=$1; shift
  local out
  out=$(wrk -t2 -c"${CONNECTIONS:-32}" -d"${DURATION:-10}s" --latency "$@")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  # Answers other than 2xx (a query the server refused) and socket errors: both must be 0.
  errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  echo "| $label | $rps | $p50 | $p99 | $errors |"
}
start_server 0
run "GET /api/v1/search, ${QUERIES:-20000} queries (Zipf), every answer computed" -s "$lua" "$url"
run "GET /api/v1/sante (the HTTP stack alone)" "$url/api/v1/sante"
stop_server
start_server "${CACHED_ANSWERS:-4096}"
run "GET /api/v1/search, the same mix, cached answers (from cold)" -s "$lua" "$url"
stop_server
grep -h "search cache:" "$log" | sed 's/^[^ ]* [a-z]* /Server: /'
grep -h "search benchmark corpus" "$log" | sed 's/^[^ ]* [a-z]* /Server: /'
