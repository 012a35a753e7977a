// The budget envelopes (domain/budgets) on SQLite and on PostgreSQL (MAPLACE_TEST_POSTGRES_URL,
// set by script/test): their amounts stay in order whatever the interleaving of transactions.
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <barrier>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <thread>
#include <vector>

#include "core/error_matchers.h"
#include "domain/budgets/budgets.h"
#include "domain/budgets/consumption.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using budgets::Envelope;
using budgets::FundingSource;

constexpr UnixSeconds kNow = 1'760'000'000;
const budgets::Actor kFinance{42, kNow, "10.0.0.7"};

Envelope Mobility(std::int64_t allocated_cents, FundingSource source = FundingSource::kOpco,
                  std::string partner = "") {
  Envelope e;
  e.aid_id = "ultramarine-mobility";
  e.year = 2025;
  e.funding_source = source;
  e.partner = std::move(partner);
  e.label = "Mobilité ultramarine 2025";
  e.allocated_cents = allocated_cents;
  return e;
}

class BudgetsContract : public ::testing::TestWithParam<std::string> {
 protected:
  // One connection per racing worker.
  static constexpr int kPoolSize = 8;

  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), kPoolSize});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
  }

  bool sqlite() const { return GetParam() == "sqlite"; }

  std::int64_t Create(const Envelope& envelope) {
    std::int64_t id = 0;
    EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto created = budgets::CreateEnvelope(r, envelope, kFinance);
      if (!created) return Fail(created.error());
      id = *created;
      return Ok();
    }),
                IsOk());
    return id;
  }
  Envelope Find(std::int64_t id) {
    Envelope found;
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      auto e = r.budgets().Find(id);
      if (!e) return Fail(e.error());
      found = *e;
      return Ok();
    }),
                IsOk());
    return found;
  }
  // Runs one budgets operation in its own write transaction.
  Status Writing(const std::function<Status(Repositories&)>& work) { return store_->Write(work); }
  // How many audit events of `action` name the envelope.
  int AuditCount(std::string_view action, std::int64_t id) {
    int count = 0;
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      auto events = r.audit().Latest(10'000);
      if (!events) return Fail(events.error());
      for (const auto& e : *events) {
        if (e.action == action && e.subject == "envelope:" + std::to_string(id)) ++count;
      }
      return Ok();
    }),
                IsOk());
    return count;
  }
  // A connection of its own to the same database, outside the store.
  std::unique_ptr<soci::session> RawSession() {
    if (sqlite()) {
      auto sql = std::make_unique<soci::session>(soci::sqlite3, "db=" + store_->location());
      *sql << "PRAGMA busy_timeout=10000";
      *sql << "PRAGMA synchronous=FULL";
      return sql;
    }
    return std::make_unique<soci::session>(soci::postgresql, store_->location());
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
};

TEST_P(BudgetsContract, EnvelopesAreCreatedFoundAndListed) {
  const auto opco = Create(Mobility(1'000'000));
  const auto ladom = Create(Mobility(500'000, FundingSource::kConvention, "LADOM"));
  auto older = Mobility(100);
  older.year = 2024;
  Create(older);

  const Envelope found = Find(ladom);
  EXPECT_EQ(found.aid_id, "ultramarine-mobility");
  EXPECT_EQ(found.year, 2025);
  EXPECT_EQ(found.funding_source, FundingSource::kConvention);
  EXPECT_EQ(found.partner, "LADOM");
  EXPECT_EQ(found.label, "Mobilité ultramarine 2025");
  EXPECT_EQ(found.allocated_cents, 500'000);
  EXPECT_EQ(found.committed_cents, 0);
  EXPECT_EQ(found.paid_cents, 0);
  EXPECT_EQ(found.created_at, kNow);
  EXPECT_EQ(found.updated_at, kNow);
  EXPECT_EQ(AuditCount(budgets::kCreatedAction, ladom), 1);

  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    auto of_2025 = r.budgets().List(2025);
    EXPECT_THAT(of_2025, IsOk());
    EXPECT_EQ(of_2025->size(), 2u);
    EXPECT_EQ(of_2025->at(0).id, ladom);  // "convention" before "opco"
    EXPECT_EQ(of_2025->at(1).id, opco);
    auto all = r.budgets().List(std::nullopt);
    EXPECT_EQ(all->size(), 3u);
    EXPECT_EQ(all->back().year, 2024);
    EXPECT_THAT(r.budgets().Find(9999), HasErrorCode(ErrorCode::kNotFound));
    return Ok();
  }),
              IsOk());

  auto duplicate = Writing([&](Repositories& r) -> Status {
    auto id =
        budgets::CreateEnvelope(r, Mobility(1, FundingSource::kConvention, "LADOM"), kFinance);
    return id ? Ok() : Status(Fail(id.error()));
  });
  ASSERT_THAT(duplicate, HasErrorCode(ErrorCode::kAlreadyExists));
  EXPECT_EQ(duplicate.error().fields.count("partner"), 1u);
  // Another partner is another envelope.
  Create(Mobility(1, FundingSource::kDelegation, "OPCO EP"));
}

TEST_P(BudgetsContract, MovementsKeepTheAmountsInOrder) {
  const auto id = Create(Mobility(100'000));
  const auto other = Create(Mobility(0, FundingSource::kState));
  using budgets::Commit, budgets::Release, budgets::RecordPayment, budgets::Transfer;
  auto commit = [&](std::int64_t amount) {
    return Writing([&](Repositories& r) { return Commit(r, id, amount, kFinance); });
  };

  EXPECT_THAT(commit(60'000), IsOk());
  EXPECT_THAT(commit(40'000), IsOk());
  auto short_of = commit(1);
  ASSERT_THAT(short_of, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_EQ(short_of.error().fields.at("amount_cents"), "L'enveloppe ne couvre pas ce montant.");
  EXPECT_THAT(commit(0), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(commit(budgets::kMaxAmountCents + 1), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(Writing([&](Repositories& r) { return Commit(r, 9999, 1, kFinance); }),
              HasErrorCode(ErrorCode::kNotFound));

  // Paid money is no longer committed-and-unpaid: it cannot be released.
  EXPECT_THAT(Writing([&](Repositories& r) { return RecordPayment(r, id, 70'000, kFinance); }),
              IsOk());
  EXPECT_THAT(Writing([&](Repositories& r) { return RecordPayment(r, id, 30'001, kFinance); }),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(Writing([&](Repositories& r) { return Release(r, id, 30'001, kFinance); }),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(Writing([&](Repositories& r) { return Release(r, id, 25'000, kFinance); }), IsOk());
  Envelope e = Find(id);
  EXPECT_EQ(e.allocated_cents, 100'000);
  EXPECT_EQ(e.committed_cents, 75'000);
  EXPECT_EQ(e.paid_cents, 70'000);
  EXPECT_EQ(e.available_cents(), 25'000);

  // Only uncommitted money moves; a refused transfer changes neither envelope.
  EXPECT_THAT(Writing([&](Repositories& r) { return Transfer(r, id, other, 25'001, kFinance); }),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(Writing([&](Repositories& r) { return Transfer(r, id, 9999, 1, kFinance); }),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(Writing([&](Repositories& r) { return Transfer(r, 9999, id, 1, kFinance); }),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(Writing([&](Repositories& r) { return Transfer(r, id, id, 1, kFinance); }),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(Find(other).allocated_cents, 0);
  EXPECT_EQ(Find(id).allocated_cents, 100'000);
  EXPECT_THAT(Writing([&](Repositories& r) { return Transfer(r, id, other, 25'000, kFinance); }),
              IsOk());
  EXPECT_EQ(Find(id).allocated_cents, 75'000);
  EXPECT_EQ(Find(other).allocated_cents, 25'000);
  EXPECT_THAT(Writing([&](Repositories& r) { return Transfer(r, other, id, 5'000, kFinance); }),
              IsOk());
  EXPECT_EQ(Find(id).allocated_cents, 80'000);
  EXPECT_EQ(Find(other).allocated_cents, 20'000);

  // Each accepted movement is audited, the refused ones are not.
  EXPECT_EQ(AuditCount(budgets::kCommittedAction, id), 2);
  EXPECT_EQ(AuditCount(budgets::kPaidAction, id), 1);
  EXPECT_EQ(AuditCount(budgets::kReleasedAction, id), 1);
  EXPECT_EQ(AuditCount(budgets::kTransferredOutAction, id), 1);
  EXPECT_EQ(AuditCount(budgets::kTransferredInAction, id), 1);
  EXPECT_EQ(AuditCount(budgets::kTransferredInAction, other), 1);
}

// The store's sums for a few envelopes, as the convention sheet reads them, against the movements
// counted by hand, the envelopes' own columns and the months of the /budgets page.
TEST_P(BudgetsContract, ConsumptionOfSumsOnlyTheEnvelopesAsked) {
  const auto a = Create(Mobility(100'000));
  const auto b = Create(Mobility(50'000, FundingSource::kState));
  const auto c = Create(Mobility(50'000, FundingSource::kConvention, "LADOM"));
  using budgets::Commit, budgets::Release, budgets::RecordPayment, budgets::Transfer;
  const budgets::Actor in_march{42, 1'772'400'000, ""};  // 2026-03-01T21:20Z
  const budgets::Actor in_april{42, 1'775'100'000, ""};  // 2026-04-02T03:20Z
  const std::vector<std::function<Status(Repositories&)>> movements{
      [&](Repositories& r) { return Commit(r, a, 60'000, in_march); },
      [&](Repositories& r) { return Commit(r, a, 15'000, in_april); },
      [&](Repositories& r) { return Release(r, a, 5'000, in_april); },  // an approval cancelled
      [&](Repositories& r) { return RecordPayment(r, a, 40'000, in_april); },
      [&](Repositories& r) { return Transfer(r, a, b, 1'000, in_april); },
      [&](Repositories& r) { return Commit(r, b, 20'000, in_march); },
      [&](Repositories& r) { return RecordPayment(r, b, 20'000, in_april); },
      [&](Repositories& r) { return Commit(r, c, 9'999, in_march); },  // not asked
      [&](Repositories& r) { return RecordPayment(r, c, 9'999, in_april); },
  };
  for (const auto& movement : movements) ASSERT_THAT(Writing(movement), IsOk());
  // A movement rolled back with its transaction leaves nothing to count.
  EXPECT_THAT(Writing([&](Repositories& r) -> Status {
                EXPECT_THAT(Commit(r, a, 1'000, in_april), IsOk());
                return Fail(ErrorCode::kFailedPrecondition, "the approval itself failed");
              }),
              HasErrorCode(ErrorCode::kFailedPrecondition));

  std::map<std::int64_t, budgets::EnvelopeConsumption> used;
  std::vector<budgets::MonthlyConsumption> months;
  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    auto of = budgets::ConsumptionOf(r, {b, a, 9999, a});
    if (!of) return Fail(of.error());
    used = *of;
    auto by_month = budgets::ConsumptionByMonth(r, std::nullopt);
    if (!by_month) return Fail(by_month.error());
    months = *by_month;
    return Ok();
  }),
              IsOk());
  EXPECT_EQ(used, (std::map<std::int64_t, budgets::EnvelopeConsumption>{
                      {a, {a, 60'000 + 15'000 - 5'000, 40'000, -1'000}},
                      {b, {b, 20'000, 20'000, 1'000}},
                      {9999, {9999, 0, 0, 0}},  // no such envelope: nothing moved
                  }));
  for (const auto id : {a, b}) {
    const Envelope e = Find(id);
    EXPECT_EQ(used[id].committed_cents, e.committed_cents);
    EXPECT_EQ(used[id].paid_cents, e.paid_cents);
    budgets::EnvelopeConsumption summed{id};
    for (const auto& m : months) {
      if (m.envelope_id != id) continue;
      summed.committed_cents += m.committed_cents;
      summed.paid_cents += m.paid_cents;
      summed.transferred_cents += m.transferred_cents;
    }
    EXPECT_EQ(used[id], summed);
  }
}

TEST_P(BudgetsContract, TheTableRefusesAmountsOutOfOrder) {
  const auto id = Create(Mobility(100));
  auto sql = RawSession();
  const long long key = id;
  for (const char* update : {"UPDATE aid_envelopes SET committed_cents = 101 WHERE id = :id",
                             "UPDATE aid_envelopes SET paid_cents = 1 WHERE id = :id",
                             "UPDATE aid_envelopes SET allocated_cents = -1 WHERE id = :id"}) {
    EXPECT_THROW((*sql << update, soci::use(key)), soci::soci_error) << update;
  }
  EXPECT_THROW((*sql << "INSERT INTO aid_envelopes (aid_id, year, funding_source, partner, label, "
                        "allocated_cents, created_at, updated_at) VALUES ('x', 2025, 'opco', "
                        "'LADOM', 'x', 1, 0, 0)"),
               soci::soci_error);
  EXPECT_EQ(Find(id).committed_cents, 0);
}

// A person who proposes a transfer never decides it, whatever writes to the table.
TEST_P(BudgetsContract, TransferProposalsNeedASecondPersonEvenInRawSql) {
  auto from = Create(Mobility(10'000)), to = Create(Mobility(0, FundingSource::kState));
  std::int64_t proposer = 0, manager = 0;
  ASSERT_THAT(Writing([&](Repositories& r) -> Status {
                for (auto [who, email] :
                     {std::pair{&proposer, "p@example.org"}, {&manager, "m@example.org"}}) {
                  auto id = r.users().Create({0, email, email, people::Role::kManager,
                                              people::UserStatus::kActive, "x", false, kNow, kNow});
                  if (!id) return Fail(id.error());
                  *who = *id;
                }
                return Ok();
              }),
              IsOk());
  std::int64_t id = 0;
  ASSERT_THAT(Writing([&](Repositories& r) -> Status {
                auto proposed = budgets::ProposeTransfer(r, from, to, 4'000, "Report",
                                                         budgets::Actor{proposer, kNow, ""});
                if (!proposed) return Fail(proposed.error());
                id = *proposed;
                return Ok();
              }),
              IsOk());
  const long long key = id, self = proposer;
  auto sql = RawSession();
  EXPECT_THROW((*sql << "UPDATE envelope_transfers SET state = 'approved', decided_by = :b, "
                        "decided_at = 1 WHERE id = :id",
                soci::use(self), soci::use(key)),
               soci::soci_error);
  EXPECT_THROW(
      (*sql << "UPDATE envelope_transfers SET state = 'approved' WHERE id = :id", soci::use(key)),
      soci::soci_error);  // a decision names who took it
  sql.reset();
  ASSERT_THAT(
      Writing([&](Repositories& r) {
        return budgets::DecideTransfer(r, id, true, "", budgets::Actor{manager, kNow + 60, ""});
      }),
      IsOk());
  EXPECT_THAT(Writing([&](Repositories& r) {
                return r.budgets().DecideTransfer(id, budgets::TransferState::kRefused, manager,
                                                  kNow, "x");
              }),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_EQ(Find(from).allocated_cents, 6'000);
  EXPECT_EQ(Find(to).allocated_cents, 4'000);
  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    auto list = r.budgets().ListTransfers();
    if (!list) return Fail(list.error());
    EXPECT_EQ(list->size(), 1u);
    budgets::TransferProposal expected{
        id,       from, to,      4'000,     "Report", budgets::TransferState::kApproved,
        proposer, kNow, manager, kNow + 60, ""};
    EXPECT_EQ(list->front(), expected);
    return Ok();
  }),
              IsOk());
}

// The race of issue 7: 8 workers approve 300 requests of 100 € against an envelope of
// 10 000 €. Workers go in rounds: at each round they all start at once (a barrier), so they
// contend for the same row every time. No sleeping.
constexpr int kWorkers = 8;
constexpr int kAttempts = 300;
constexpr std::int64_t kAmount = 10'000;        // 100 €
constexpr std::int64_t kAllocated = 1'000'000;  // 10 000 €

struct RaceOutcome {
  int approved = 0;
  int refused = 0;
  std::vector<std::string> errors;
  long long millis = 0;
};

// One approval attempt: true when approved, false when refused. It must call `sync` exactly
// once, on every path, so that the workers meet in the middle of their attempts.
using Approve = std::function<Result<bool>(int worker, const std::function<void()>& sync)>;

RaceOutcome Race(const Approve& approve) {
  std::barrier start(kWorkers), middle(kWorkers);
  std::vector<RaceOutcome> outcomes(kWorkers);
  const auto began = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      auto sync = [&] { middle.arrive_and_wait(); };
      for (int round = 0; round * kWorkers < kAttempts; ++round) {
        start.arrive_and_wait();
        if (round * kWorkers + w >= kAttempts) {  // the last round is not full
          sync();
          continue;
        }
        auto approved = approve(w, sync);
        if (!approved)
          outcomes[w].errors.push_back(approved.error().message);
        else if (*approved)
          ++outcomes[w].approved;
        else
          ++outcomes[w].refused;
      }
    });
  }
  for (auto& t : workers) t.join();
  RaceOutcome total;
  total.millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - began)
                     .count();
  for (auto& o : outcomes) {
    total.approved += o.approved;
    total.refused += o.refused;
    total.errors.insert(total.errors.end(), o.errors.begin(), o.errors.end());
  }
  return total;
}

// INV-BUDGET (reference/security.md §3.1): what was approved fits the envelope and is exactly
// what the envelope says is committed.
bool BudgetInvariantHolds(const RaceOutcome& race, const Envelope& e) {
  return race.approved * kAmount <= e.allocated_cents &&
         race.approved * kAmount == e.committed_cents;
}

TEST_P(BudgetsContract, ConcurrentApprovalsNeverOverCommit) {
  ASSERT_EQ(store_->dialect(), sqlite() ? Dialect::kSqlite : Dialect::kPostgres);
  if (sqlite()) {
    ASSERT_TRUE(std::filesystem::is_regular_file(store_->location()));
  }
  const auto id = Create(Mobility(kAllocated));

  RaceOutcome race = Race([&](int, const std::function<void()>& sync) -> Result<bool> {
    bool synced = false;
    auto status = store_->Write([&](Repositories& r) {
      // On PostgreSQL every worker holds an open transaction on its own connection before
      // any of them updates: the updates really run at once. SQLite's BEGIN IMMEDIATE admits
      // one writer at a time, so its workers meet before their transactions instead.
      if (!sqlite()) {
        sync();
        synced = true;
      }
      return budgets::Commit(r, id, kAmount, {7, kNow, ""});
    });
    if (!synced) sync();
    if (status) return true;
    if (status.error().code == ErrorCode::kFailedPrecondition) return false;
    return Fail(status.error());
  });
  std::cout << "[ race     ] " << GetParam() << " conditional update: " << race.approved
            << " approved, " << race.refused << " refused in " << race.millis << " ms\n";

  EXPECT_TRUE(race.errors.empty()) << race.errors.front();
  EXPECT_EQ(race.approved, 100);
  EXPECT_EQ(race.refused, 200);
  const Envelope e = Find(id);
  EXPECT_EQ(e.committed_cents, kAllocated);
  EXPECT_EQ(e.paid_cents, 0);
  EXPECT_TRUE(BudgetInvariantHolds(race, e));
  EXPECT_EQ(AuditCount(budgets::kCommittedAction, id), 100);
}

// The test of the test: the same race with the naive read-then-write (read the committed
// amount in one transaction, write committed + amount in another if it fits) breaks the
// invariant, so the race above would catch that bug. The workers all read before any writes.
TEST_P(BudgetsContract, NaiveReadThenWriteIsCaughtByTheRace) {
  const auto id = Create(Mobility(kAllocated));
  std::vector<std::unique_ptr<soci::session>> sessions;
  for (int w = 0; w < kWorkers; ++w) sessions.push_back(RawSession());

  RaceOutcome race = Race([&](int w, const std::function<void()>& sync) -> Result<bool> {
    soci::session& sql = *sessions[static_cast<std::size_t>(w)];
    const long long key = id;
    long long committed = 0, allocated = 0;
    try {
      sql << "SELECT committed_cents, allocated_cents FROM aid_envelopes WHERE id = :id",
          soci::use(key), soci::into(committed), soci::into(allocated);
    } catch (const std::exception& e) {
      sync();
      return Fail(ErrorCode::kInternal, e.what());
    }
    sync();
    if (committed + kAmount > allocated) return false;
    try {
      const long long value = committed + kAmount;
      sql << "UPDATE aid_envelopes SET committed_cents = :c WHERE id = :id", soci::use(value),
          soci::use(key);
    } catch (const std::exception& e) {
      return Fail(ErrorCode::kInternal, e.what());  // the table's CHECK stopped an over-commit
    }
    return true;
  });
  const Envelope e = Find(id);
  std::cout << "[ race     ] " << GetParam() << " naive read-then-write: " << race.approved
            << " approved (" << race.approved * kAmount / 100 << " €), committed "
            << e.committed_cents / 100 << " € in " << race.millis << " ms\n";

  EXPECT_FALSE(BudgetInvariantHolds(race, e));
  EXPECT_GT(race.approved, 100);                          // over-approved
  EXPECT_NE(race.approved * kAmount, e.committed_cents);  // lost updates
  EXPECT_LE(e.committed_cents, e.allocated_cents);        // the CHECK still holds
}

INSTANTIATE_TEST_SUITE_P(Stores, BudgetsContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::storage
