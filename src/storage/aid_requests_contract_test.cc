// Aid requests and payments (migration 0009) on SQLite and on PostgreSQL
// (MAPLACE_TEST_POSTGRES_URL, set by script/test): the service's whole path on the real store,
// and the four-eyes and once-only rules that the database refuses to break even when raw SQL
// tries.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <filesystem>

#include "core/error_matchers.h"
#include "domain/aid_requests/aid_request_service.h"
#include "domain/budgets/budgets.h"
#include "domain/journal/invariants.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using aid_requests::AidRequestService;
using aid_requests::Payment;
using aid_requests::RequestRecord;
using aid_requests::RequestState;
using people::Actor;
using people::Role;

constexpr UnixSeconds kNow = 1'760'000'000;
constexpr char kIban[] = "FR76 3000 6000 0112 3456 7890 189";

const aids::Rules& DefaultRules() {
  static const aids::Rules rules = *aids::LoadRules(aids::EmbeddedRulesFiles());
  return rules;
}

aids::Situation Mobility() {
  aids::Situation s;
  s.territory = aids::Territory::kMartinique;
  s.apprentice.birth_date = *ParseIsoDate("2006-03-15");
  s.employer.headcount = 8;
  s.contract.concluded_on = s.contract.starts_on = *ParseIsoDate("2025-09-01");
  s.contract.ends_on = *ParseIsoDate("2027-08-31");
  s.date = *ParseIsoDate("2025-10-01");
  s.mobility.destination = aids::MobilityDestination::kHexagone;
  return s;
}

class AidRequestsContract : public ::testing::TestWithParam<std::string> {
 protected:
  AidRequestsContract()
      : aids_(DefaultRules()),
        box_(*crypto::SecretBox::FromKeyFileText(crypto::SecretBox::NewKeyLine("k1"))),
        clock_(kNow) {}

  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    young_ = User("jeune@example.org", Role::kYoungPerson);
    advisor_ = User("conseil@example.org", Role::kAdvisor);
    manager_ = User("resp@example.org", Role::kManager);
    other_manager_ = User("resp2@example.org", Role::kManager);
    finance_ = User("finance@example.org", Role::kFinance);
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      budgets::Envelope e;
      e.aid_id = "ultramarine-mobility";
      e.year = 2025;
      e.label = "Mobilité ultramarine 2025";
      e.allocated_cents = 1'000'000;
      auto id = budgets::CreateEnvelope(r, e, {manager_.user_id, kNow, ""});
      if (!id) return Fail(id.error());
      envelope_ = *id;
      return Ok();
    }),
                IsOk());
    const auto dir = db_->scratch().parent_path() / "documents";
    std::filesystem::create_directories(dir);
    service_ = std::make_unique<AidRequestService>(*store_, aids_, box_, clock_,
                                                   aid_requests::ServiceOptions{{}, dir});
  }

  Actor User(const std::string& email, Role role) {
    Actor actor;
    actor.role = role;
    actor.email = email;
    actor.display_name = email;
    EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto id = r.users().Create(
          {0, email, email, role, people::UserStatus::kActive, "x", false, kNow, kNow});
      if (!id) return Fail(id.error());
      actor.user_id = *id;
      return Ok();
    }),
                IsOk());
    return actor;
  }

  // A request committed against `envelope` (envelope_ when 0) by the people of the fixture.
  std::int64_t Committed(std::int64_t envelope = 0) {
    auto started =
        service_->StartRequest(young_, {"ultramarine-mobility", Mobility(), "", std::nullopt});
    EXPECT_THAT(started, IsOk());
    const std::int64_t id = started->request.id;
    EXPECT_THAT(service_->SetBankAccount(young_, id, "Mélissa Joseph", kIban, ""), IsOk());
    EXPECT_THAT(service_->Submit(young_, id), IsOk());
    EXPECT_THAT(service_->TakeUp(advisor_, id), IsOk());
    EXPECT_THAT(service_->Approve(manager_, id, "Conforme."), IsOk());
    EXPECT_THAT(service_->Commit(other_manager_, id, envelope != 0 ? envelope : envelope_), IsOk());
    return id;
  }

  RequestRecord Find(std::int64_t id) { return service_->View(advisor_, id)->record; }

  // A connection of its own to the same database, outside the store.
  std::unique_ptr<soci::session> RawSession() {
    if (GetParam() == "sqlite") {
      auto sql = std::make_unique<soci::session>(soci::sqlite3, "db=" + store_->location());
      *sql << "PRAGMA busy_timeout=10000";
      *sql << "PRAGMA foreign_keys=ON";
      return sql;
    }
    return std::make_unique<soci::session>(soci::postgresql, store_->location());
  }

  // Whether the database refuses `statement` (an exception), run on a raw connection, with a
  // message holding `why` (lower-cased: "check", "unique", a trigger's words).
  bool Refused(const std::string& statement, std::string_view why = "") {
    auto sql = RawSession();
    try {
      *sql << statement;
    } catch (const std::exception& e) {
      last_refusal_ = e.what();
      std::string lower = last_refusal_;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      // PostgreSQL says "duplicate key" for a UNIQUE key.
      if (why == "unique" && lower.find("duplicate key") != std::string::npos) return true;
      EXPECT_NE(lower.find(why), std::string::npos) << last_refusal_;
      return true;
    }
    return false;
  }

  // An INSERT of a payment of request `id` with these values.
  std::string PaymentInsert(std::int64_t id, int instalment, const std::string& key,
                            std::int64_t batch, std::int64_t executor, std::int64_t committer) {
    const RequestRecord r = Find(id);
    return fmt::format(
        "INSERT INTO payments (request_id, instalment, amount_cents, idempotency_key, batch_id, "
        "bank_account_id, envelope_id, executed_by, requester_id, instructor_id, approver_id, "
        "committer_id, created_at) VALUES ({}, {}, 100, '{}', {}, {}, {}, {}, {}, {}, {}, {}, {})",
        id, instalment, key, batch, *r.bank_account_id, *r.envelope_id, executor,
        r.request.hands.requester, *r.request.hands.instructor, *r.request.hands.approver,
        committer, kNow);
  }

  std::int64_t Batch(const std::string& message_id) {
    std::int64_t id = 0;
    EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
      bool created = false;
      auto batch = r.aid_requests().CreateOrFindBatch(created, message_id, finance_.user_id, kNow);
      if (!batch) return Fail(batch.error());
      id = batch->id;
      return Ok();
    }),
                IsOk());
    return id;
  }

  aids::AidsService aids_;
  crypto::SecretBox box_;
  ManualClock clock_;
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
  std::unique_ptr<AidRequestService> service_;
  Actor young_, advisor_, manager_, other_manager_, finance_;
  std::int64_t envelope_ = 0;
  std::string last_refusal_;
};

TEST_P(AidRequestsContract, TheWholePathPaysOnceAndKeepsTheInvariants) {
  const std::int64_t id = Committed();
  ASSERT_THAT(service_->AddDocument(young_, id, "%PDF-1.4 x", "programme.pdf"),
              HasErrorCode(ErrorCode::kFailedPrecondition));  // decided: no more documents
  auto paid = service_->PayBatch(finance_, "LOT-1", {{id, 1, 300000}});
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->paid_now, 1);
  auto replay = service_->PayBatch(finance_, "LOT-1", {{id, 1, 300000}});
  ASSERT_THAT(replay, IsOk());
  EXPECT_EQ(replay->paid_now, 0);
  EXPECT_EQ(replay->batch.id, paid->batch.id);

  const RequestRecord r = Find(id);
  EXPECT_EQ(r.request.state, RequestState::kPaid);
  EXPECT_EQ(r.request.paid_cents, 300000);
  EXPECT_EQ(r.request.hands.requester, young_.user_id);
  EXPECT_EQ(r.request.hands.instructor, advisor_.user_id);
  EXPECT_EQ(r.request.hands.approver, manager_.user_id);
  EXPECT_EQ(r.request.hands.committer, other_manager_.user_id);
  EXPECT_EQ(r.envelope_id, envelope_);
  EXPECT_EQ(r.decision_reason, "Conforme.");
  auto view = service_->View(young_, id);
  ASSERT_THAT(view, IsOk());
  ASSERT_EQ(view->payments.size(), 1u);
  const Payment& p = view->payments[0];
  EXPECT_EQ(p.idempotency_key, fmt::format("LOT-1-{}-1", id));
  EXPECT_EQ(p.executed_by, finance_.user_id);
  EXPECT_EQ(p.hands.committer, other_manager_.user_id);
  EXPECT_EQ(view->iban_masked, "FR76 **** **** **** **** ***0 189");
  EXPECT_GE(view->messages.size(), 5u);
  EXPECT_THAT(service_->List(advisor_, aid_requests::Queue::kToPay)->size(), 0u);
  // A queue of two states: each state is bound under its own name.
  auto to_instruct = service_->List(advisor_, aid_requests::Queue::kToInstruct);
  ASSERT_THAT(to_instruct, IsOk());
  EXPECT_EQ(to_instruct->size(), 0u);
  EXPECT_THAT(service_->Mine(young_)->size(), 1u);

  auto checks = aid_requests::InvariantChecks();
  checks.push_back(journal::ChainCheck());
  for (const auto& report : journal::RunChecks(*store_, checks))
    EXPECT_TRUE(report.ran && report.passed) << report.name << ": " << report.detail;
}

TEST_P(AidRequestsContract, TheDatabaseRefusesAnApproverWhoInstructed) {
  auto started =
      service_->StartRequest(young_, {"ultramarine-mobility", Mobility(), "", std::nullopt});
  ASSERT_THAT(started, IsOk());
  const std::int64_t id = started->request.id;
  ASSERT_THAT(service_->Submit(young_, id), IsOk());
  ASSERT_THAT(service_->TakeUp(advisor_, id), IsOk());
  EXPECT_TRUE(Refused(
      fmt::format(
          "UPDATE aid_requests SET approver_id = instructor_id, state = 'approved' WHERE id = {}",
          id),
      "check"));
  EXPECT_TRUE(
      Refused(fmt::format("UPDATE aid_requests SET approver_id = requester_id WHERE id = {}", id),
              "check"));
  EXPECT_TRUE(
      Refused(fmt::format("UPDATE aid_requests SET committer_id = instructor_id WHERE id = {}", id),
              "check"));
  EXPECT_TRUE(
      Refused(fmt::format("UPDATE aid_requests SET instructor_id = requester_id WHERE id = {}", id),
              "never change once set"));
  // A hand once set stays: the instructor cannot be swapped for the approver afterwards.
  EXPECT_TRUE(Refused(
      fmt::format("UPDATE aid_requests SET instructor_id = {} WHERE id = {}", manager_.user_id, id),
      "never change once set"));
  // Committed without a committer or an envelope.
  EXPECT_TRUE(Refused(fmt::format("UPDATE aid_requests SET state = 'committed' WHERE id = {}", id),
                      "check"));
  EXPECT_EQ(Find(id).request.state, RequestState::kUnderInstruction);
}

TEST_P(AidRequestsContract, TheDatabaseRefusesAPaymentByOneOfTheHands) {
  const std::int64_t id = Committed();
  const std::int64_t batch = Batch("LOT-RAW");
  const std::int64_t committer = other_manager_.user_id;
  // Executed by the committer, the approver, the instructor: the CHECK.
  EXPECT_TRUE(Refused(PaymentInsert(id, 1, "K1", batch, committer, committer), "check"));
  EXPECT_TRUE(Refused(PaymentInsert(id, 1, "K2", batch, manager_.user_id, committer), "check"));
  EXPECT_TRUE(Refused(PaymentInsert(id, 1, "K3", batch, advisor_.user_id, committer), "check"));
  // The committer executes, claiming someone else committed: the trigger compares the copies
  // with the request.
  EXPECT_TRUE(
      Refused(PaymentInsert(id, 1, "K4", batch, committer, finance_.user_id), "copy its hands"));
  // A correct payment passes; a second one for the same instalment does not.
  EXPECT_FALSE(Refused(PaymentInsert(id, 1, "K5", batch, finance_.user_id, committer)))
      << last_refusal_;
  EXPECT_TRUE(Refused(PaymentInsert(id, 1, "K6", batch, finance_.user_id, committer), "unique"));
  // Nor one with the same key for another instalment.
  EXPECT_TRUE(Refused(PaymentInsert(id, 2, "K5", batch, finance_.user_id, committer), "unique"));
  // Payments are never changed or deleted.
  EXPECT_TRUE(Refused("UPDATE payments SET amount_cents = 1", "never changed"));
  EXPECT_TRUE(Refused("DELETE FROM payments", "never"));
}

TEST_P(AidRequestsContract, AConditionalUpdateLosesToAConcurrentChange) {
  auto started =
      service_->StartRequest(young_, {"ultramarine-mobility", Mobility(), "", std::nullopt});
  ASSERT_THAT(started, IsOk());
  RequestRecord stale = *started;
  ASSERT_THAT(service_->Submit(young_, stale.request.id), IsOk());
  stale.request.state = RequestState::kSubmitted;
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    return r.aid_requests().Update(stale, RequestState::kDraft, 0);
  }),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  stale.request.id = 999'999;
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    return r.aid_requests().Update(stale, RequestState::kDraft, 0);
  }),
              HasErrorCode(ErrorCode::kNotFound));
}

TEST_P(AidRequestsContract, ABatchAndAPaymentAreInsertedOnce) {
  const std::int64_t id = Committed();
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& repo = r.aid_requests();
    bool created = false;
    auto batch = repo.CreateOrFindBatch(created, "LOT-2", finance_.user_id, kNow);
    EXPECT_TRUE(created);
    auto again = repo.CreateOrFindBatch(created, "LOT-2", advisor_.user_id, kNow + 5);
    EXPECT_FALSE(created);
    EXPECT_EQ(again->id, batch->id);
    EXPECT_EQ(again->created_by, finance_.user_id);
    const RequestRecord rec = *repo.Find(id);
    Payment p{0,
              id,
              1,
              1000,
              "LOT-2-x",
              batch->id,
              *rec.bank_account_id,
              envelope_,
              finance_.user_id,
              rec.request.hands,
              kNow};
    EXPECT_EQ(repo.InsertPayment(p), true);
    EXPECT_EQ(repo.InsertPayment(p), false);  // same key
    p.idempotency_key = "LOT-2-y";
    EXPECT_EQ(repo.InsertPayment(p), false);  // same instalment
    auto found = repo.FindPaymentByKey("LOT-2-x");
    EXPECT_TRUE(found && *found && (*found)->amount_cents == 1000);
    EXPECT_EQ(repo.Payments(std::nullopt, batch->id)->size(), 1u);
    EXPECT_THAT(repo.SetBatchState(batch->id, aid_requests::BatchState::kOpen,
                                   aid_requests::BatchState::kSent, kNow + 9),
                IsOk());
    EXPECT_EQ(repo.FindBatch(batch->id)->sent_at, kNow + 9);
    EXPECT_THAT(repo.SetBatchState(batch->id, aid_requests::BatchState::kOpen,
                                   aid_requests::BatchState::kSent, kNow + 9),
                HasErrorCode(ErrorCode::kFailedPrecondition));
    return Ok();
  }),
              IsOk());
}

// The crash test of issue 7: a payment batch is killed (SIGKILL, in a child process with its
// own connections) at each chosen point, then replayed with the same key by a fresh service:
// every instalment is paid exactly once and every invariant holds.
TEST_P(AidRequestsContract, AKilledPaymentBatchIsReplayedWithoutLossOrDouble) {
  std::int64_t big_envelope = 0;
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    budgets::Envelope e;
    e.aid_id = "ultramarine-mobility";
    e.year = 2025;
    e.funding_source = budgets::FundingSource::kState;
    e.label = "Mobilité ultramarine 2025, État";
    e.allocated_cents = 10'000'000;
    auto id = budgets::CreateEnvelope(r, e, {manager_.user_id, kNow, ""});
    if (!id) return Fail(id.error());
    big_envelope = *id;
    return Ok();
  }),
              IsOk());
  auto committed = [&] { return Committed(big_envelope); };

  int batches = 0;
  for (const char* point : {"payment-inserted", "batch-before-commit", "batch-committed"}) {
    SCOPED_TRACE(point);
    const std::int64_t a = committed(), b = committed();
    const std::string key = fmt::format("CRASH-{}", ++batches);
    const std::vector<aid_requests::PaymentOrder> orders = {{a, 1, 300000}, {b, 1, 300000}};

    const pid_t child = fork();
    ASSERT_NE(child, -1);
    if (child == 0) {
      // The child never touches the parent's connections: its own store, its own service.
      setenv("MAPLACE_CRASH_AT", point, 1);
      auto store = OpenAndMigrate(StorageConfig{db_->url(), 1});
      if (!store) _exit(3);
      AidRequestService service(**store, aids_, box_, clock_,
                                aid_requests::ServiceOptions{{}, db_->scratch().parent_path()});
      (void)service.PayBatch(finance_, key, orders);
      _exit(4);  // not reached: the crash point kills the process
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "exit status " << WEXITSTATUS(status);
    EXPECT_EQ(WTERMSIG(status), SIGKILL);

    // Started again, the same batch is replayed with the same key.
    auto replay = service_->PayBatch(finance_, key, orders);
    ASSERT_THAT(replay, IsOk());
    EXPECT_EQ(replay->paid_now, std::string_view(point) == "batch-committed" ? 0 : 2);
    EXPECT_EQ(replay->payments.size(), 2u);
    for (std::int64_t id : {a, b}) {
      const RequestRecord r = Find(id);
      EXPECT_EQ(r.request.state, RequestState::kPaid);
      EXPECT_EQ(r.request.paid_cents, 300000);
    }
  }
  auto envelope = [&] {
    budgets::Envelope out;
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      auto e = r.budgets().Find(big_envelope);
      if (!e) return Fail(e.error());
      out = *e;
      return Ok();
    }),
                IsOk());
    return out;
  }();
  EXPECT_EQ(envelope.committed_cents, 6 * 300000);
  EXPECT_EQ(envelope.paid_cents, 6 * 300000);
  auto checks = aid_requests::InvariantChecks();
  checks.push_back(journal::ChainCheck());
  for (const auto& report : journal::RunChecks(*store_, checks))
    EXPECT_TRUE(report.ran && report.passed) << report.name << ": " << report.detail;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AidRequestsContract, ::testing::Values("sqlite"));
INSTANTIATE_TEST_SUITE_P(Postgres, AidRequestsContract, ::testing::Values("postgres"));

}  // namespace
}  // namespace maplace::storage
