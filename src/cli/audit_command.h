#pragma once

#include <iosfwd>
#include <vector>

#include "domain/journal/invariants.h"
#include "domain/store.h"

namespace maplace::cli {

// The checks `maplace audit verify` runs, in order: the money journal's chain ("chain"), then
// the money invariants of aid requests, envelopes and payments as their modules add them here.
std::vector<journal::InvariantCheck> MoneyChecks();

// `maplace audit verify`: runs every check, each in its own read transaction, and prints one
// line per check on `out`: "ok <name>: <summary>", "BREACH <name>: <first breach>" or
// "ERROR <name>: <why it could not run>". Returns the exit status: 0 when every check passed,
// 1 when any found a breach, 2 when none did but one could not run.
int AuditVerify(Store& store, const std::vector<journal::InvariantCheck>& checks,
                std::ostream& out);

}  // namespace maplace::cli
