#!/usr/bin/env bash
# The maplace command line, as an administrator uses it: exit codes, messages, and effects on a
# real SQLite file. Usage: cli_test.sh <path to maplace>
set -uo pipefail
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0 passes=0
m() { "$bin" --var-dir "$dir" "$@"; }
expect() {  # expect <description> <expected exit code> <command...>; output in $out
  local what=$1 code=$2; shift 2
  out=$("$@" 2>&1); local rc=$?
  if [ "$rc" -eq "$code" ]; then passes=$((passes + 1)); else
    failures=$((failures + 1)); echo "FAIL: $what: exit $rc, wanted $code"; echo "$out" | head -5; fi
}
contains() {  # contains <description> <text>
  if grep -qF -- "$2" <<<"$out"; then passes=$((passes + 1)); else
    failures=$((failures + 1)); echo "FAIL: $1: output lacks '$2'"; echo "$out" | head -5; fi
}

expect "help" 0 "$bin" --help
contains "help lists serve" "serve"
expect "subcommand help" 0 "$bin" user add --help
expect "no subcommand" 106 "$bin"
expect "migrate" 0 m migrate
contains "first migration" "migration(s)."
if grep -q "Applied 0 migration" <<<"$out"; then failures=$((failures + 1)); echo "FAIL: first migrate applied nothing"; else passes=$((passes + 1)); fi
expect "migrate again" 0 m migrate
contains "nothing left" "Applied 0 migration(s)."
expect "demo on an empty store" 0 m demo --logins-file "$dir/logins.txt"
contains "demo admin" "admin@demo.icicestmaplace.fr"
# One round of the reminders on the demo; every task ran (the summary names each).
expect "tick" 0 m tick
contains "tick summary" "unanswered application(s)"
contains "tick workshops" "workshop reminder(s)"
[ "$(stat -c %a "$dir/logins.txt")" = 600 ] && passes=$((passes + 1)) || {
  failures=$((failures + 1)); echo "FAIL: logins file is not private"; }
expect "add a user" 0 m user add --email Lea@OPCO.mq --name "Léa Conseil" --role advisor
contains "generated password" "with password"
expect "add the same e-mail" 1 m user add --email lea@opco.mq --name "Léa" --role advisor
expect "unknown role" 1 m user add --email x@opco.mq --name "X" --role boss
contains "role named" "unknown role: boss"
expect "weak password" 1 sh -c "echo 'password1234' | '$bin' --var-dir '$dir' user add --email y@opco.mq --name Y --role admin --password-stdin"
contains "policy message" "trop courant"
expect "list" 0 m user list
contains "listed" "lea@opco.mq"
expect "demo refused with real accounts" 1 m demo
contains "demo refusal" "real accounts"
expect "backup" 0 m backup "$dir/backup.db"
expect "disable" 0 m user disable --email lea@opco.mq
expect "list after disable" 0 m user list
contains "disabled" "disabled"
expect "restore" 0 m restore "$dir/backup.db"
expect "list after restore" 0 m user list
if grep -q "lea@opco.mq.*disabled" <<<"$out"; then failures=$((failures + 1)); echo "FAIL: restore kept the change"; else passes=$((passes + 1)); fi
echo "not a database" >"$dir/garbage.db"
expect "restore refuses garbage" 1 m restore "$dir/garbage.db"
expect "restore of a missing file" 1 m restore "$dir/none.db"
expect "disable unknown" 1 m user disable --email nobody@opco.mq
expect "bad database URL" 1 env MAPLACE_DATABASE_URL=mysql://x "$bin" migrate
contains "URL message" "MAPLACE_DATABASE_URL"
expect "bad port" 105 "$bin" serve --port 70000

# The money journal: verify passes on a fresh store and on rows chained by hand as
# src/domain/journal/journal_entry.h documents (commitments: a payment.executed entry would need
# its payment row, which the journal.payments check looks for); a row altered behind the
# trigger is named.
audit_dir=$(mktemp -d)
a() { "$bin" --var-dir "$audit_dir" "$@"; }
expect "audit verify on a fresh store" 0 a audit verify
contains "empty chain" "ok chain: 0 entries"
prev=0000000000000000000000000000000000000000000000000000000000000000
for seq in 1 2 3; do
  hash=$( { printf '%s\x1f' "$seq" 1754000000 7 request.committed "request:$seq" 10000 approved committed
            printf '%s' "$prev"; } | sha256sum | cut -c1-64)
  sqlite3 "$audit_dir/maplace.db" "INSERT INTO money_journal VALUES ($seq, 1754000000, 7,
    'request.committed', 'request:$seq', 10000, 'approved', 'committed', '$prev', '$hash')"
  prev=$hash
done
expect "audit verify on a chain of three" 0 a audit verify
contains "three entries" "ok chain: 3 entries, head $prev"
expect "journal update refused" 19 \
  sqlite3 "$audit_dir/maplace.db" "UPDATE money_journal SET amount_cents = 1"  # SQLITE_CONSTRAINT
contains "trigger message" "append-only"
sqlite3 "$audit_dir/maplace.db" "DROP TRIGGER money_journal_no_update;
  UPDATE money_journal SET amount_cents = 99999999 WHERE seq = 2"
expect "audit verify after tampering" 1 a audit verify
contains "tampered entry named" "BREACH chain: entry 2 hash mismatch"
rm -rf "$audit_dir"

# The seed that script/server loads on a first start stays importable.
root=$(cd "$(dirname "$0")/../.." && pwd)
seed_dir=$(mktemp -d)
for entry in "areas data/seed/bassins_emploi.csv" \
             "communes node_modules/@etalab/decoupage-administratif/data/communes.json" \
             "postal-codes node_modules/codes-postaux/codes-postaux.json" \
             "commune-positions data/seed/commune_positions.csv" "rome data/seed/rome" \
             "rome-v3 data/seed/rome_v3_labels.csv" "fap-rome data/seed/fap2009_pcs_rome.csv" \
             "bmo data/seed/bmo_principaux_metiers.csv"; do
  set -- $entry
  expect "seed: $1" 0 "$bin" --var-dir "$seed_dir" import "$1" "$root/$2"
done
if grep -q "no FAP 2009 twin" <<<"$out"; then failures=$((failures + 1)); echo "FAIL: seed families without ROME jobs"; else passes=$((passes + 1)); fi
rm -rf "$seed_dir"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
