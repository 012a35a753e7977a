#!/usr/bin/env bash
# HTTP benchmark: maplace (release build) against nginx serving the same bytes, with wrk.
# Targets: the home page GET / (dynamic, rendered by ctemplate on each request) and the static
# file GET /static/css/maplace.css (served from memory). Everything stays on 127.0.0.1.
# Usage: bench/http.sh              (DURATION=10 CONNECTIONS=32 THREADS=2 by default)
#        DURATION=30 CONNECTIONS=64 bench/http.sh > results.md
# Progress goes to stderr, the Markdown report to stdout. Not a test: script/test never runs it.
# Needs: the release build (script/server or `cmake --build --preset release`), wrk, nginx, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=2
MAPLACE_BIN=${MAPLACE_BIN:-$PWD/build/release/src/app/maplace}
NGINX_BIN=${NGINX_BIN:-/usr/sbin/nginx}
HOME_PATH=/
STATIC_PATH=/static/css/maplace.css

log() { echo "==> $*" >&2; }
die() { echo "bench/http.sh: $*" >&2; exit 1; }

for tool in wrk curl "$NGINX_BIN" "$MAPLACE_BIN"; do
  command -v "$tool" >/dev/null || die "missing $tool"
done
[[ $DURATION =~ ^[0-9]+$ && $CONNECTIONS =~ ^[0-9]+$ && $THREADS =~ ^[0-9]+$ ]] \
  || die "DURATION, CONNECTIONS and THREADS must be whole numbers"
(( DURATION > 0 && THREADS > 0 && CONNECTIONS >= THREADS )) \
  || die "need DURATION > 0 and CONNECTIONS >= THREADS > 0"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maplace-bench.XXXXXX")
maplace_pid=""
nginx_pid=""

stop_pid() { # stop_pid PID: SIGTERM, then SIGKILL after 5 s
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in {1..50}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop_pid "$maplace_pid"
  stop_pid "$nginx_pid"
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_maplace [serve options…]: starts maplace on a free port, sets maplace_pid and maplace_url.
start_maplace() {
  local out=$tmp/maplace.out port=""
  mkdir -p "$tmp/var"
  chmod 700 "$tmp/var"
  # The access log (one line per request on stdout) stays on: it is part of the real path.
  # It goes to a file so that a terminal does not slow the server down.
  "$MAPLACE_BIN" --var-dir "$tmp/var" serve --port 0 "$@" >"$out" 2>"$tmp/maplace.err" &
  maplace_pid=$!
  for _ in {1..100}; do
    port=$(sed -n 's|^maplace listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$out" | head -n1)
    [[ -n $port ]] && break
    kill -0 "$maplace_pid" 2>/dev/null || { cat "$tmp/maplace.err" >&2; die "maplace exited"; }
    sleep 0.1
  done
  [[ -n $port ]] || die "maplace did not print its port within 10 s"
  maplace_url=http://127.0.0.1:$port
}

start_nginx() { # sets nginx_pid and nginx_url; retries on a port taken in the meantime
  local port user_line=""
  # Workers drop to nobody when run as root; they must be able to read the document root.
  if (( EUID == 0 )); then user_line="user nobody $(id -gn nobody 2>/dev/null || echo nogroup);"; fi
  chmod 755 "$tmp"
  for _ in {1..10}; do
    port=$(( 20000 + RANDOM % 40000 ))
    ss -Htln "sport = :$port" 2>/dev/null | grep -q . && continue
    cat >"$tmp/nginx.conf" <<EOF
# Reference server for bench/http.sh (generated).
$user_line
daemon off;
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log $tmp/nginx-access.log combined;
  client_body_temp_path $tmp/nginx-body;
  proxy_temp_path $tmp/nginx-proxy;
  fastcgi_temp_path $tmp/nginx-fastcgi;
  uwsgi_temp_path $tmp/nginx-uwsgi;
  scgi_temp_path $tmp/nginx-scgi;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;  # like maplace: wrk's connections stay open for the whole run
  server_tokens off;
  types { text/html html; text/css css; }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css;  # text/html is in the default list
  server {
    listen 127.0.0.1:$port;
    root $tmp/www;
    # The same response headers as maplace, so that both send about as many bytes.
    location = / {
      try_files /index.html =404;
      add_header Cache-Control "no-cache";
      include $tmp/nginx-headers.conf;
    }
    location /static/ {
      add_header Cache-Control "public, max-age=86400";
      include $tmp/nginx-headers.conf;
    }
  }
}
EOF
    cat >"$tmp/nginx-headers.conf" <<'EOF'
add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
add_header X-Content-Type-Options nosniff;
add_header X-Frame-Options DENY;
add_header Referrer-Policy same-origin;
add_header Cross-Origin-Opener-Policy same-origin;
add_header Permissions-Policy "camera=(), microphone=(), payment=()";
add_header X-Request-Id $request_id;
EOF
    "$NGINX_BIN" -p "$tmp" -c "$tmp/nginx.conf" -e "$tmp/nginx-error.log" 2>"$tmp/nginx.stderr" &
    nginx_pid=$!
    for _ in {1..50}; do
      kill -0 "$nginx_pid" 2>/dev/null || break
      if curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$port$STATIC_PATH" 2>/dev/null; then
        nginx_url=http://127.0.0.1:$port
        return 0
      fi
      sleep 0.1
    done
    stop_pid "$nginx_pid"
    nginx_pid=""
    grep -q 'Address already in use' "$tmp/nginx-error.log" 2>/dev/null || break
  done
  cat "$tmp/nginx-error.log" "$tmp/nginx.stderr" >&2 2>/dev/null || true
  die "nginx did not start"
}

ms() { # wrk latency ("812.00us", "1.23ms", "1.01s") to milliseconds with two decimals
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else { printf "?" } }'
}

rows=()
# bench LABEL URL: warm-up, measured run, appends a Markdown row to rows.
bench() {
  local label=$1 url=$2 out rps p50 p99 requests
  log "$label: $url (warm-up ${WARMUP} s, then ${DURATION} s)"
  timeout $(( WARMUP + 30 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null \
    || die "$label: wrk warm-up failed"
  out=$(timeout $(( DURATION + 30 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url") \
    || die "$label: wrk failed"
  echo "$out" >"$tmp/wrk-${#rows[@]}.txt"
  if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then
    echo "$out" >&2
    die "$label: some responses were not 2xx — the figures are void"
  fi
  if grep -q 'Socket errors' <<<"$out"; then
    echo "$out" >&2
    die "$label: socket errors (connect/read/write/timeout) — the figures are void"
  fi
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  [[ -n $rps && -n $p50 && -n $p99 ]] || { echo "$out" >&2; die "$label: cannot parse wrk output"; }
  rows+=("| $label | $rps | $(ms "$p50") | $(ms "$p99") | $requests |")
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "Starting maplace (default threads) and saving the two responses"
start_maplace
mkdir -p "$tmp/www/static/css"
curl -fsS --max-time 5 -o "$tmp/www/index.html" "$maplace_url$HOME_PATH"
curl -fsS --max-time 5 -o "$tmp/www${STATIC_PATH}" "$maplace_url$STATIC_PATH"
chmod -R a+rX "$tmp/www"
default_threads=$("$MAPLACE_BIN" serve --help | sed -n 's/.*Request threads (default \([0-9]*\)).*/\1/p')
default_threads=${default_threads:-8}

log "Starting nginx"
start_nginx
curl -fsS --max-time 5 "$nginx_url$HOME_PATH" | cmp -s - "$tmp/www/index.html" \
  || die "nginx does not serve the same bytes as maplace for $HOME_PATH"
curl -fsS --max-time 5 "$nginx_url$STATIC_PATH" | cmp -s - "$tmp/www$STATIC_PATH" \
  || die "nginx does not serve the same bytes as maplace for $STATIC_PATH"

bench "maplace home, $default_threads threads" "$maplace_url$HOME_PATH"
bench "nginx home" "$nginx_url$HOME_PATH"
bench "maplace static, $default_threads threads" "$maplace_url$STATIC_PATH"
bench "nginx static" "$nginx_url$STATIC_PATH"

log "Restarting maplace with --threads 2"
stop_pid "$maplace_pid"
maplace_pid=""
start_maplace --threads 2
bench "maplace home, 2 threads" "$maplace_url$HOME_PATH"

cat <<EOF
## HTTP

wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency (after a ${WARMUP} s warm-up), keep-alive, 127.0.0.1.
Home page: $(wc -c <"$tmp/www/index.html") bytes of HTML; static file: $(wc -c <"$tmp/www${STATIC_PATH}") bytes of CSS.

| Target | Requests/s | p50 (ms) | p99 (ms) | Requests |
|---|---:|---:|---:|---:|
$(printf '%s\n' "${rows[@]}")

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(uname -sr); load average before the run: $load_before
- maplace: release build, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $default_threads request threads by default, access log on (to a file)
- nginx: $("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //'), 2 workers, sendfile on, access log on (to a file)
- wrk: $( (wrk -v 2>&1 || true) | head -n1 | awk '{ print $2 }'), $THREADS threads, $CONNECTIONS connections, on the same CPUs as the servers
EOF
