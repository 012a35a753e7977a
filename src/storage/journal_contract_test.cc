// The money journal (migration 0008) on SQLite and on PostgreSQL (MAPLACE_TEST_POSTGRES_URL,
// set by script/test): one chain under concurrent writers, append-only, tampering detected.
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <thread>

#include "core/error_matchers.h"
#include "domain/journal/invariants.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using journal::JournalEntry;

JournalEntry Payment(int n) {
  JournalEntry e;
  e.at = 1754000000 + n;
  e.actor_user_id = 3;
  e.action = "payment.executed";
  e.subject = "payment:" + std::to_string(n);
  e.amount_cents = 10000 + n;
  e.before_ref = "approved";
  e.after_ref = "paid";
  return e;
}

class JournalContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 4});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
  }

  Result<JournalEntry> Append(const JournalEntry& entry) {
    Result<JournalEntry> stored = Fail(ErrorCode::kInternal, "not run");
    auto status = store_->Write([&](Repositories& r) -> Status {
      stored = r.journal().Append(entry);
      return stored ? Ok() : Status(tl::unexpected(stored.error()));
    });
    if (!status) return tl::unexpected(status.error());
    return stored;
  }
  std::vector<JournalEntry> All() {
    std::vector<JournalEntry> all;
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      auto page = r.journal().Page(0, 1000000);
      if (!page) return tl::unexpected(page.error());
      all = *page;
      return Ok();
    }),
                IsOk());
    return all;
  }
  journal::CheckReport Verify() {
    return journal::RunChecks(*store_, {journal::ChainCheck(7)}).at(0);
  }
  // A connection of its own, as someone with the database's password would use.
  std::unique_ptr<soci::session> Raw() {
    const std::string& url = db_->url();
    return GetParam() == "sqlite"
               ? std::make_unique<soci::session>(soci::sqlite3, "db=" + url.substr(9))
               : std::make_unique<soci::session>(soci::postgresql, url);
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
};

TEST_P(JournalContract, EntriesReadBackAsAppended) {
  auto first = Append(Payment(1));
  JournalEntry no_amount = Payment(2);
  no_amount.amount_cents = std::nullopt;
  no_amount.before_ref = "";
  auto second = Append(no_amount);
  JournalEntry zero = Payment(3);
  zero.amount_cents = 0;
  zero.actor_user_id = 0;
  auto third = Append(zero);
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(second, IsOk());
  ASSERT_THAT(third, IsOk());
  EXPECT_EQ(first->seq, 1);
  EXPECT_EQ(first->prev_hash, journal::kGenesisHash);
  EXPECT_EQ(second->prev_hash, first->hash);
  EXPECT_EQ(All(), (std::vector<JournalEntry>{*first, *second, *third}));
  EXPECT_EQ(second->amount_cents, std::nullopt);
  EXPECT_EQ(third->amount_cents, 0);
}

TEST_P(JournalContract, AnAppendRolledBackWithItsTransactionLeavesNoTrace) {
  ASSERT_THAT(Append(Payment(1)), IsOk());
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    EXPECT_THAT(r.journal().Append(Payment(2)), IsOk());
    return Fail(ErrorCode::kFailedPrecondition, "the payment itself failed");
  }),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  auto next = Append(Payment(3));
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(next->seq, 2);
  EXPECT_EQ(All().size(), 2u);
  EXPECT_TRUE(Verify().passed) << Verify().detail;
}

TEST_P(JournalContract, ConcurrentWritersKeepOneUnbrokenChain) {
  constexpr int kThreads = 6, kEach = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        // Each append reads the head and writes the next entry in its own write transaction;
        // a pause between the two widens the window in which another writer could fork.
        auto status = store_->Write([&](Repositories& r) -> Status {
          auto e = r.journal().Append(Payment(t * kEach + i));
          if (!e) return tl::unexpected(e.error());
          std::this_thread::yield();
          return Ok();
        });
        if (!status) {
          ++failures;
          ADD_FAILURE() << status.error().message;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);

  const auto all = All();
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].seq, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(all[i].prev_hash, i == 0 ? std::string(journal::kGenesisHash) : all[i - 1].hash);
  }
  const auto report = Verify();
  EXPECT_TRUE(report.passed) << report.detail;
  EXPECT_EQ(report.detail, "150 entries, head " + all.back().hash);
}

TEST_P(JournalContract, UpdateAndDeleteByRawSqlAreRefused) {
  ASSERT_THAT(Append(Payment(1)), IsOk());
  ASSERT_THAT(Append(Payment(2)), IsOk());
  auto sql = Raw();
  EXPECT_THROW(*sql << "UPDATE money_journal SET amount_cents = 1 WHERE seq = 2", soci::soci_error);
  EXPECT_THROW(*sql << "DELETE FROM money_journal WHERE seq = 2", soci::soci_error);
  EXPECT_THROW(*sql << "DELETE FROM money_journal", soci::soci_error);
  if (GetParam() == "postgres") {
    EXPECT_THROW(*sql << "TRUNCATE money_journal", soci::soci_error);
  }
  sql.reset();
  EXPECT_EQ(All().size(), 2u);
  EXPECT_TRUE(Verify().passed);
}

TEST_P(JournalContract, TamperingWithTheTriggerDroppedIsDetected) {
  for (int i = 1; i <= 12; ++i) ASSERT_THAT(Append(Payment(i)), IsOk());
  EXPECT_TRUE(Verify().passed);
  {
    auto sql = Raw();
    if (GetParam() == "sqlite") {
      *sql << "DROP TRIGGER money_journal_no_update";
      *sql << "DROP TRIGGER money_journal_no_delete";
    } else {
      *sql << "ALTER TABLE money_journal DISABLE TRIGGER USER";
    }
    *sql << "UPDATE money_journal SET amount_cents = 99999999 WHERE seq = 9";
  }
  auto report = Verify();
  EXPECT_TRUE(report.ran);
  EXPECT_FALSE(report.passed);
  EXPECT_EQ(report.detail, "entry 9 hash mismatch");

  // Removing a row from the middle leaves a gap.
  *Raw() << "DELETE FROM money_journal WHERE seq = 4";
  EXPECT_EQ(Verify().detail, "entry 5 follows entry 3 (gap or reorder) (1 other breach)");
}

TEST_P(JournalContract, TotalsSumTheAmountsOfTheSubjectsAskedByAction) {
  auto entry = [](const std::string& subject, const std::string& action,
                  std::optional<std::int64_t> cents) {
    JournalEntry e = Payment(1);
    e.subject = subject;
    e.action = action;
    e.amount_cents = cents;
    return e;
  };
  const std::vector<JournalEntry> entries{
      entry("envelope:7", "envelope.committed", 30'000),
      entry("envelope:7", "envelope.committed", 5'000),
      entry("envelope:7", "envelope.released", 2'000),
      entry("envelope:7", "envelope.paid", 10'000),
      entry("envelope:7", "envelope.transferred_out", 1'000),
      entry("envelope:70", "envelope.committed", 999),  // another envelope, not asked
      entry("envelope:12", "envelope.transferred_in", 1'000),
      entry("envelope:12", "envelope.committed", 4'000),
      entry("envelope:12", "envelope.committed", std::nullopt),  // no amount: adds nothing
      entry("envelope:12", "envelope.note", std::nullopt),       // nor a total of its own
      entry("payment:7", "payment.executed", 123),
      entry("envelope:1699", "envelope.paid", 1),
  };
  // Subjects beyond the few hundred one query binds, so that the totals come from several.
  std::vector<std::string> asked{"envelope:12", "envelope:404", "envelope:7", "envelope:12"};
  for (int i = 1000; i < 1700; ++i) asked.push_back("envelope:" + std::to_string(i));
  asked.push_back("envelope:1699");
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    for (const auto& e : entries) {
      if (auto stored = r.journal().Append(e); !stored) return Fail(stored.error());
    }
    return Ok();
  }),
              IsOk());

  std::vector<journal::ActionTotal> totals;
  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    auto sums = r.journal().Totals(asked);
    if (!sums) return Fail(sums.error());
    totals = *sums;
    return Ok();
  }),
              IsOk());
  EXPECT_EQ(totals, (std::vector<journal::ActionTotal>{
                        {"envelope:12", "envelope.committed", 4'000},
                        {"envelope:12", "envelope.transferred_in", 1'000},
                        {"envelope:1699", "envelope.paid", 1},
                        {"envelope:7", "envelope.committed", 35'000},
                        {"envelope:7", "envelope.paid", 10'000},
                        {"envelope:7", "envelope.released", 2'000},
                        {"envelope:7", "envelope.transferred_out", 1'000},
                    }));
  auto none = ReadValue(*store_, [](Repositories& r) { return r.journal().Totals({}); });
  ASSERT_THAT(none, IsOk());
  EXPECT_TRUE(none->empty());
}

INSTANTIATE_TEST_SUITE_P(Stores, JournalContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::storage
