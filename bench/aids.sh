#!/usr/bin/env bash
# Aids engine benchmark: full evaluations per second on one core (pay periods, every aid with its
# conditions said in French, contract checks, year summaries), and in the same run the reference,
# modele-social (the URSSAF publicodes rules, npm), through ../shared/reference/modele-social/eval.mjs.
# Usage: bench/aids.sh   (release build: cmake --preset release && cmake --build --preset release;
#                          npm packages installed by script/bootstrap; ../shared beside the project)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${MAPLACE_BIN:-build/release/src/app/maplace}
evaluations=${EVALUATIONS:-300000}
reference_runs=${REFERENCE_RUNS:-300}
oracle=${MAPLACE_SHARED:-../shared}/reference/modele-social/eval.mjs
[ -x "$bin" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
[ -f "$oracle" ] || { echo "no $oracle" >&2; exit 1; }

# eval.mjs imports 'publicodes' and 'modele-social': run a copy beside our node_modules.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$oracle" "$tmp/eval.mjs"
ln -s "$PWD/node_modules" "$tmp/node_modules"

ours=$(taskset -c 0 "$bin" bench aids --evaluations "$evaluations")
reference=$(cd "$tmp" && taskset -c 0 node eval.mjs --bench "$reference_runs")

node - "$ours" "$reference" <<'JS'
const [ours, ref] = process.argv.slice(2).map((s) => JSON.parse(s))
const refPerSecond = 1000 / ref.meanMs
const fmt = (x) => Math.round(x).toLocaleString('en-US').replace(/,/g, ' ')
console.log(`Aids benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, one core`)
console.log()
console.log('| engine | evaluations | mean | evaluations/s |')
console.log('|---|---:|---:|---:|')
console.log(`| maplace (\`maplace bench aids\`, ${ours.distinct_situations} situations) | ${fmt(ours.evaluations)} | ${ours.mean_microseconds.toFixed(1)} µs | ${fmt(ours.evaluations_per_second)} |`)
console.log(`| modele-social ${'11.1.0'} (eval.mjs, 21 outputs; construction ${ref.engineConstructionMs} ms) | ${fmt(ref.evaluations)} | ${ref.meanMs} ms (p50 ${ref.p50Ms}, p95 ${ref.p95Ms}) | ${fmt(refPerSecond)} |`)
console.log()
console.log(`Ratio: maplace is ${fmt(ours.evaluations_per_second / refPerSecond)} times faster.`)
JS
