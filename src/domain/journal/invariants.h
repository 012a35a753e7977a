#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/journal/journal_repository.h"
#include "domain/store.h"

namespace maplace::journal {

// What one invariant check found: passed, with a short summary ("1234 entries"), or a breach
// naming the first offending record ("entry 57 hash mismatch").
struct CheckOutcome {
  bool passed = true;
  std::string detail;
};

// A named check over the repositories, free of SQL, run in its own read transaction. An Error
// means the check could not run (the store is unavailable), not a breach.
struct InvariantCheck {
  std::string name;  // "chain"
  std::function<Result<CheckOutcome>(Repositories&)> run;
};

// The money journal's chain: seq is 1, 2, 3, … without gap; entry 1's prev_hash is
// kGenesisHash and every other entry's is the stored hash of the one before; every hash equals
// EntryHash of its row. Reads the journal in pages of `page_size`. Passes with
// "N entries, head <hash>" (or "0 entries"); a breach names the first offending entry and
// counts the others: "entry 57 hash mismatch (2 other breaches)".
Result<CheckOutcome> VerifyChain(JournalRepository& journal, int page_size = 1000);
// VerifyChain as the check named "chain".
InvariantCheck ChainCheck(int page_size = 1000);

// One line of `maplace audit verify`.
struct CheckReport {
  std::string name;
  bool ran = true;  // false: the check could not run; `detail` holds the error
  bool passed = false;
  std::string detail;
};

// Runs every check, each in its own Store::Read, in order; never stops early.
std::vector<CheckReport> RunChecks(Store& store, const std::vector<InvariantCheck>& checks);

}  // namespace maplace::journal
