#include "domain/journal/invariants.h"

#include <fmt/format.h>

#include <optional>

namespace maplace::journal {
namespace {

// The first breach found in the chain, or nullopt.
std::optional<std::string> BreachOf(const JournalEntry& e, std::int64_t expected_seq,
                                    const std::string& expected_prev) {
  if (e.seq != expected_seq) {
    return expected_seq == 1
               ? fmt::format("entry {} comes first, expected entry 1", e.seq)
               : fmt::format("entry {} follows entry {} (gap or reorder)", e.seq, expected_seq - 1);
  }
  if (e.prev_hash != expected_prev) {
    return expected_seq == 1 ? fmt::format("entry {} prev_hash is not the genesis hash", e.seq)
                             : fmt::format("entry {} prev_hash does not link to entry {}", e.seq,
                                           expected_seq - 1);
  }
  if (EntryHash(e) != e.hash) return fmt::format("entry {} hash mismatch", e.seq);
  return std::nullopt;
}

}  // namespace

Result<CheckOutcome> VerifyChain(JournalRepository& journal, int page_size) {
  std::int64_t count = 0, breaches = 0, expected_seq = 1;
  std::string expected_prev(kGenesisHash), first_breach;
  for (;;) {
    auto page = journal.Page(expected_seq - 1, page_size);
    if (!page) return tl::unexpected(page.error());
    if (page->empty()) break;
    for (const auto& e : *page) {
      if (auto breach = BreachOf(e, expected_seq, expected_prev)) {
        if (breaches++ == 0) first_breach = *breach;
      }
      // Resume from the stored row, so one altered entry is reported once rather than
      // breaking every link after it.
      ++count;
      expected_seq = e.seq + 1;
      expected_prev = e.hash;
    }
  }
  if (breaches == 0) {
    if (count == 0) return CheckOutcome{true, "0 entries"};
    return CheckOutcome{true, fmt::format("{} entries, head {}", count, expected_prev)};
  }
  if (breaches == 1) return CheckOutcome{false, first_breach};
  return CheckOutcome{false, fmt::format("{} ({} other breach{})", first_breach, breaches - 1,
                                         breaches == 2 ? "" : "es")};
}

InvariantCheck ChainCheck(int page_size) {
  return {"chain",
          [page_size](Repositories& repos) { return VerifyChain(repos.journal(), page_size); }};
}

std::vector<CheckReport> RunChecks(Store& store, const std::vector<InvariantCheck>& checks) {
  std::vector<CheckReport> reports;
  for (const auto& check : checks) {
    CheckReport report{check.name, true, false, {}};
    auto status = store.Read([&](Repositories& repos) -> Status {
      auto outcome = check.run(repos);
      if (!outcome) return tl::unexpected(outcome.error());
      report.passed = outcome->passed;
      report.detail = outcome->detail;
      return Ok();
    });
    if (!status) {
      report.ran = false;
      report.passed = false;
      report.detail = status.error().message;
    }
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace maplace::journal
