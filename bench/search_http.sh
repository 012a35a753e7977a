#!/usr/bin/env bash
# Search over HTTP: `maplace bench search-http` serves a synthetic corpus (1,000,000 offers +
# 100,000 trainings by default, nothing stored) through the real server, and wrk sends it a
# rotation of GET /api/v1/search queries (words, prefixes, filters, place + radius) on
# 127.0.0.1, then GET /api/v1/sante in the same run as the HTTP stack's ceiling.
# Usage: bench/search_http.sh   (release build first: cmake --preset release && cmake --build --preset release)
#   OFFERS=100000 TRAININGS=10000 DURATION=10 CONNECTIONS=32 bench/search_http.sh
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

started=$(date +%s)
"$bin" --var-dir "$var" bench search-http --port 0 --offers "${OFFERS:-1000000}" \
  --trainings "${TRAININGS:-100000}" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q "maplace listening on" "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
url=$(grep -o 'http://[^ ]*' "$log" | head -1)
url=${url%/}
echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h "search benchmark corpus" "$log" | sed 's/^[^ ]* [a-z]* /Server: /'
echo "Server ready in $(( $(date +%s) - started )) s (corpus generated and indexed); RSS $(( $(grep VmRSS /proc/$pid/status | awk '{print $2}') / 1024 )) MB"

lua=$var/queries.lua
cat >"$lua" <<'LUA'
local paths = {
  "/api/v1/search?q=soudeur",
  "/api/v1/search?q=boulang",
  "/api/v1/search?q=cuisine&level=3",
  "/api/v1/search?q=vendeur&commune=97213&radius_km=30",
  "/api/v1/search?q=electricien&sort=recent",
  "/api/v1/search?kind=offer&level=4&contract=apprentissage",
  "/api/v1/search?q=aide%20soignant",
  "/api/v1/search?q=cariste&commune=97209",
  "/api/v1/search?q=mecanicien%20auto&kind=training",
  "/api/v1/search?q=informatique&commune=97213&radius_km=50&sort=distance",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
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
run "GET /api/v1/search (10 queries in rotation)" -s "$lua" "$url"
run "GET /api/v1/sante (the HTTP stack alone)" "$url/api/v1/sante"
