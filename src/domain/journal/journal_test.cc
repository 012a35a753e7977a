#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"
#include "domain/journal/invariants.h"
#include "domain/journal/journal_entry.h"

namespace maplace::journal {
namespace {

JournalEntry Submitted() {
  JournalEntry e;
  e.at = 1754000000;
  e.actor_user_id = 7;
  e.action = "request.submitted";
  e.subject = "request:12";
  e.amount_cents = 150000;
  e.before_ref = "draft";
  e.after_ref = "submitted";
  return e;
}

// The documented canonical form, pinned: `printf '1\x1f1754000000\x1f7\x1frequest.submitted
// \x1frequest:12\x1f150000\x1fdraft\x1fsubmitted\x1f000…0' | sha256sum`.
TEST(JournalEntryTest, CanonicalFormAndHashAreThoseDocumented) {
  JournalEntry e = Submitted();
  e.seq = 1;
  e.prev_hash = std::string(kGenesisHash);
  EXPECT_EQ(CanonicalForm(e),
            "1\x1f"
            "1754000000\x1f"
            "7\x1f"
            "request.submitted\x1f"
            "request:12\x1f"
            "150000\x1f"
            "draft\x1f"
            "submitted\x1f" +
                std::string(kGenesisHash));
  EXPECT_EQ(EntryHash(e), "efef6d307ff0f14ded10be5583d56d4028a0cad828b42a15df61cc4e00f192a6");

  JournalEntry bare{2,      1754000060, 0, "envelope.opened", "envelope:3", std::nullopt, "",
                    "open", "abc",      ""};
  EXPECT_EQ(EntryHash(bare), "563f12f8ba3599551d4f9da93665c9a33d069eccd19202bcaf89818059860482");
}

TEST(JournalEntryTest, AbsentAmountDiffersFromZero) {
  JournalEntry a = Submitted(), b = Submitted();
  a.amount_cents = std::nullopt;
  b.amount_cents = 0;
  EXPECT_NE(EntryHash(a), EntryHash(b));
}

TEST(JournalEntryTest, ControlCharactersAndMissingFieldsAreRefused) {
  JournalEntry e = Submitted();
  e.subject =
      "request:12\x1f"
      "forged";
  e.action.clear();
  e.after_ref = std::string(129, 'x');
  auto valid = ValidateForAppend(e);
  ASSERT_THAT(valid, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(valid.error().fields.count("subject"), 1u);
  EXPECT_EQ(valid.error().fields.count("action"), 1u);
  EXPECT_EQ(valid.error().fields.count("after_ref"), 1u);
  EXPECT_THAT(ValidateForAppend(Submitted()), IsOk());
}

TEST(JournalTest, AppendChainsEntriesFromTheGenesisHash) {
  fakes::InMemoryStore store;
  std::vector<JournalEntry> stored;
  for (int i = 0; i < 3; ++i) {
    ASSERT_THAT(store.Write([&](Repositories& r) -> Status {
      auto e = r.journal().Append(Submitted());
      if (!e) return tl::unexpected(e.error());
      stored.push_back(*e);
      return Ok();
    }),
                IsOk());
  }
  EXPECT_EQ(stored[0].seq, 1);
  EXPECT_EQ(stored[0].prev_hash, kGenesisHash);
  EXPECT_EQ(stored[1].seq, 2);
  EXPECT_EQ(stored[1].prev_hash, stored[0].hash);
  EXPECT_EQ(stored[2].prev_hash, stored[1].hash);
  EXPECT_EQ(stored[2].hash, EntryHash(stored[2]));

  auto reports = RunChecks(store, {ChainCheck(2)});  // pages of 2: the page edge is crossed
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].passed) << reports[0].detail;
  EXPECT_EQ(reports[0].detail, "3 entries, head " + stored[2].hash);
}

TEST(JournalTest, AnInvalidEntryIsNotAppended) {
  fakes::InMemoryStore store;
  JournalEntry bad = Submitted();
  bad.before_ref = "line\nbreak";
  EXPECT_THAT(store.Write([&](Repositories& r) -> Status {
    auto e = r.journal().Append(bad);
    return e ? Ok() : Status(tl::unexpected(e.error()));
  }),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(RunChecks(store, {ChainCheck()})[0].detail, "0 entries");
}

// A journal whose rows the test writes directly, as someone editing the database would.
class RawJournal final : public JournalRepository {
 public:
  std::vector<JournalEntry> rows;
  Result<std::vector<JournalEntry>> Page(std::int64_t after_seq, int limit) override {
    std::vector<JournalEntry> out;
    for (const auto& e : rows) {
      if (e.seq > after_seq && static_cast<int>(out.size()) < limit) out.push_back(e);
    }
    return out;
  }
  Result<std::vector<ActionTotal>> Totals(const std::vector<std::string>&) override {
    return Fail(ErrorCode::kInternal, "the chain checks do not sum amounts");
  }

 protected:
  Result<std::optional<JournalHead>> LockHead() override {
    if (rows.empty()) return std::optional<JournalHead>();
    return std::optional<JournalHead>(JournalHead{rows.back().seq, rows.back().hash});
  }
  Status Insert(const JournalEntry& entry) override {
    rows.push_back(entry);
    return Ok();
  }
};

class ChainCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 5; ++i) ASSERT_THAT(journal_.Append(Submitted()), IsOk());
  }
  CheckOutcome Check() {
    auto outcome = VerifyChain(journal_, 2);
    EXPECT_THAT(outcome, IsOk());
    return outcome.value_or(CheckOutcome{});
  }
  RawJournal journal_;
};

TEST_F(ChainCheckTest, AnIntactChainPasses) {
  auto outcome = Check();
  EXPECT_TRUE(outcome.passed);
  EXPECT_EQ(outcome.detail, "5 entries, head " + journal_.rows.back().hash);
}

TEST_F(ChainCheckTest, AnAlteredFieldIsAHashMismatchOfThatEntryOnly) {
  journal_.rows[2].amount_cents = 1;
  auto outcome = Check();
  EXPECT_FALSE(outcome.passed);
  EXPECT_EQ(outcome.detail, "entry 3 hash mismatch");
}

TEST_F(ChainCheckTest, ARehashedEntryBreaksTheNextLink) {
  journal_.rows[2].amount_cents = 1;
  journal_.rows[2].hash = EntryHash(journal_.rows[2]);
  EXPECT_EQ(Check().detail, "entry 4 prev_hash does not link to entry 3");
}

TEST_F(ChainCheckTest, ADeletedEntryIsAGap) {
  journal_.rows.erase(journal_.rows.begin() + 1);
  EXPECT_EQ(Check().detail, "entry 3 follows entry 1 (gap or reorder)");
}

TEST_F(ChainCheckTest, AForgedFirstEntryIsNamed) {
  journal_.rows[0].prev_hash = std::string(64, 'f');
  journal_.rows[0].hash = EntryHash(journal_.rows[0]);
  EXPECT_EQ(
      Check().detail,
      "entry 1 prev_hash is not the genesis hash (1 other breach)");  // and entry 2 no longer links
}

TEST_F(ChainCheckTest, EveryBreachIsCountedAndTheFirstNamed) {
  journal_.rows[1].action = "payment.executed";
  journal_.rows[4].subject = "payment:9";
  EXPECT_EQ(Check().detail, "entry 2 hash mismatch (1 other breach)");
}

TEST(RunChecksTest, ACheckThatCannotRunIsReportedAndTheOthersStillRun) {
  fakes::InMemoryStore store;
  InvariantCheck broken{"broken", [](Repositories&) -> Result<CheckOutcome> {
                          return Fail(ErrorCode::kUnavailable, "database is down");
                        }};
  InvariantCheck breached{"breached", [](Repositories&) -> Result<CheckOutcome> {
                            return CheckOutcome{false, "payment 3 paid twice"};
                          }};
  auto reports = RunChecks(store, {broken, ChainCheck(), breached});
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_FALSE(reports[0].ran);
  EXPECT_EQ(reports[0].detail, "database is down");
  EXPECT_TRUE(reports[1].passed);
  EXPECT_TRUE(reports[2].ran);
  EXPECT_FALSE(reports[2].passed);
  EXPECT_EQ(reports[2].detail, "payment 3 paid twice");
}

}  // namespace
}  // namespace maplace::journal
