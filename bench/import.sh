#!/usr/bin/env bash
# Import benchmark: the full ROME and BMO (and the small files) into an empty SQLite store and an
# empty throwaway PostgreSQL database (COPY path), then a second import of each (the diff path).
# Reference: the raw load of the largest ROME file by the databases' own tools (sqlite3 .import,
# psql \copy), without any validation. Prints a Markdown table.
# Usage: bench/import.sh   (needs ../shared/data and a release build: cmake --build --preset release)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${MAPLACE_BIN:-build/release/src/app/maplace}
data=${MAPLACE_DATA:-../shared/data}
[ -x "$bin" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
[ -d "$data" ] || { echo "no $data" >&2; exit 1; }

tmp=$(mktemp -d)
source script/lib/postgres.sh
cleanup() { stop_throwaway_postgres; rm -rf "$tmp"; }
trap cleanup EXIT
start_throwaway_postgres >/dev/null

# run <store label> <pass label>: imports every dataset, prints one table row per kind.
run() {
  local store=$1 pass=$2
  # "Imported rome from …: 195898 rows read in 1.74 s (112366 rows/s)"
  env "${env_for_store[@]}" "$bin" --var-dir "$tmp/var" import-all "$data" | grep '^Imported' |
    sed -E "s/^Imported ([a-z0-9-]+) from .*: ([0-9]+) rows read in ([0-9.]+) s \(([0-9]+) rows\/s\)/| $store | $pass | \1 | \2 | \3 | \4 |/"
}

echo "Import benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $(nproc) cores"
echo
echo "| store | pass | kind | rows read | seconds | rows/s |"
echo "|---|---|---|---:|---:|---:|"
env_for_store=(MAPLACE_DATABASE_URL="sqlite://$tmp/var/maplace.db")
run SQLite first
run SQLite again
env_for_store=(MAPLACE_DATABASE_URL="$MAPLACE_TEST_POSTGRES_URL")
run PostgreSQL first
run PostgreSQL again

# Reference: the raw load of the 118 923 links by the databases' own CSV loaders.
links="$data/rome/v460/unix_liens_rome_referentiels_v460_utf8.csv"
rows=$(( $(wc -l <"$links") - 1 ))
start=$(date +%s.%N)
sqlite3 "$tmp/raw.db" "CREATE TABLE l (code_rome TEXT, code_compo_bloc TEXT, code_rubrique TEXT, code_ogr TEXT);" \
  ".import --csv --skip 1 $links l"
s=$(echo "$(date +%s.%N) - $start" | bc)
echo "| SQLite (sqlite3 .import, reference) | raw | liens | $rows | $(printf %.2f "$s") | $(printf %.0f "$(echo "$rows / $s" | bc -l)") |"
psql -q "$MAPLACE_TEST_POSTGRES_URL" -c "CREATE TABLE raw_l (code_rome TEXT, code_compo_bloc TEXT, code_rubrique TEXT, code_ogr TEXT)"
start=$(date +%s.%N)
psql -q "$MAPLACE_TEST_POSTGRES_URL" -c "\\copy raw_l FROM '$links' CSV HEADER"
s=$(echo "$(date +%s.%N) - $start" | bc)
echo "| PostgreSQL (psql \\copy, reference) | raw | liens | $rows | $(printf %.2f "$s") | $(printf %.0f "$(echo "$rows / $s" | bc -l)") |"
