#!/usr/bin/env bash
# Search benchmark: the maplace index against SQLite FTS5 and PostgreSQL full-text search on the
# same synthetic corpus (1,000,000 offers + 100,000 trainings by default) and the same queries;
# prints a Markdown report (p50/p99 per engine in CPU time and wall time, queries/s, build time,
# memory) and checks that plain-word and filter queries return the same match sets everywhere.
# Usage: bench/search.sh   (release build first: cmake --preset release && cmake --build --preset release)
#   OFFERS=100000 TRAININGS=10000 QUERIES=1000 REFERENCE_QUERIES=200 POSTGRES=1 bench/search.sh
# POSTGRES=1 starts a throwaway PostgreSQL (script/lib/postgres.sh) for the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${MAPLACE_BIN:-build/release/src/app/maplace}
[ -x "$bin" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
args=(--offers "${OFFERS:-1000000}" --trainings "${TRAININGS:-100000}" --queries "${QUERIES:-1000}"
      --reference-queries "${REFERENCE_QUERIES:-200}")
if [ "${POSTGRES:-0}" = 1 ]; then
  # shellcheck source=script/lib/postgres.sh
  source script/lib/postgres.sh
  trap stop_throwaway_postgres EXIT
  start_throwaway_postgres
  args+=(--postgres "$MAPLACE_TEST_POSTGRES_URL")
fi
echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# Queries run on one thread (the index is built on one thread per core).
"$bin" bench search "${args[@]}"
