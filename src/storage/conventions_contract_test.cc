// Partner conventions (migration 0020) on SQLite and on PostgreSQL (MAPLACE_TEST_POSTGRES_URL,
// set by script/test): the repository's filters, and the service on a real store (who may do
// what, French refusals, the schedule within the amount, the envelopes' use read from the money
// journal, every money change audited and journalled).
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/budgets/budgets.h"
#include "domain/conventions/convention_service.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using conventions::CommitmentStatus;
using conventions::ConventionFilter;
using conventions::ConventionInput;
using conventions::ConventionService;
using conventions::Period;
using people::OrganisationKind;
using people::Role;

class FixedClock final : public Clock {
 public:
  UnixSeconds Now() const override { return now; }
  UnixSeconds now = 1795000000;  // 2026-11-18 in Martinique
};

class ConventionsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto user = [&](const std::string& email, Role role) {
        return *r.users().Create(people::User{0, email, "Nom " + email, role,
                                              people::UserStatus::kActive, "x", false, 1, 1});
      };
      manager_ = {user("direction@example.mq", Role::kManager), Role::kManager};
      advisor_ = {user("conseil@example.mq", Role::kAdvisor), Role::kAdvisor};
      employer_ = {user("patron@example.mq", Role::kEmployer), Role::kEmployer};
      auto org = [&](OrganisationKind kind, const std::string& name) {
        people::Organisation o;
        o.kind = kind;
        o.name = name;
        o.created_at = 1;
        return *r.organisations().Create(o);
      };
      ladom_ = org(OrganisationKind::kPartner, "Agence de mobilité outre-mer");
      mission_ = org(OrganisationKind::kPartner, "Mission locale du Nord");
      company_ = org(OrganisationKind::kEmployer, "Hôtel Bleu");
      budgets::Envelope e;
      e.aid_id = "ultramarine-mobility";
      e.year = 2026;
      e.funding_source = budgets::FundingSource::kConvention;
      e.partner = "LADOM";
      e.label = "Mobilité 2026 — convention LADOM";
      e.allocated_cents = 10'000'000;
      auto id = budgets::CreateEnvelope(r, e, {manager_.user_id, 10, ""});
      if (!id) return Fail(id.error());
      envelope_ = *id;
      return Ok();
    }),
                IsOk());
  }

  ConventionInput Input(std::int64_t partner, const std::string& object, const char* starts,
                        const char* ends, std::int64_t cents) {
    ConventionInput in;
    in.organisation_id = partner;
    in.reference = "CONV-2026-01";
    in.object = object;
    in.starts_on = starts;
    in.ends_on = ends;
    in.amount_cents = cents;
    return in;
  }

  std::vector<audit::AuditEvent> Events() {
    return *ReadValue(*store_, [](Repositories& r) { return r.audit().Latest(100); });
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
  FixedClock clock_;
  people::Actor manager_, advisor_, employer_;
  std::int64_t ladom_ = 0, mission_ = 0, company_ = 0, envelope_ = 0;
};

TEST_P(ConventionsContract, ListFiltersByPartnerPeriodYearWordsAndLateCommitments) {
  ConventionService service(*store_, clock_);  // today: 2026-11-18
  auto current = service.Create(
      manager_, Input(ladom_, "Mobilité des alternants", "2026-01-01", "2027-06-30", 15'000'000));
  ASSERT_THAT(current, IsOk());
  auto ended = service.Create(
      manager_, Input(mission_, "Repérage des jeunes", "2024-01-01", "2025-12-31", 2'000'000));
  ASSERT_THAT(ended, IsOk());
  auto upcoming = service.Create(
      manager_, Input(ladom_, "Mobilité 2027 — Hexagone", "2027-01-01", "2027-12-31", 1'000'000));
  ASSERT_THAT(upcoming, IsOk());

  auto ids = [&](ConventionFilter f) {
    std::vector<std::int64_t> out;
    auto rows = service.List(advisor_, f);
    EXPECT_THAT(rows, IsOk());
    for (const auto& row : *rows) out.push_back(row.convention.id);
    return out;
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(ids({}), (V{*upcoming, *current, *ended}));  // newest start first
  EXPECT_EQ(ids({.organisation_id = ladom_}), (V{*upcoming, *current}));
  EXPECT_EQ(ids({.period = Period::kCurrent}), (V{*current}));
  EXPECT_EQ(ids({.period = Period::kUpcoming}), (V{*upcoming}));
  EXPECT_EQ(ids({.period = Period::kEnded}), (V{*ended}));
  EXPECT_EQ(ids({.year = 2025}), (V{*ended}));
  EXPECT_EQ(ids({.year = 2027}), (V{*upcoming, *current}));
  EXPECT_EQ(ids({.q = "MOBILITE hexagone"}), (V{*upcoming}));  // accents and case aside
  EXPECT_EQ(ids({.q = "conv-2026 REPERAGE"}), (V{*ended}));    // the reference too

  // A commitment past its due date and neither met nor missed makes the convention late.
  EXPECT_EQ(ids({.late = true}), V{});
  auto commitment = service.AddCommitment(
      manager_, *current, {"Accompagner 40 jeunes", "jeunes partis", "40", "2026-10-31"});
  ASSERT_THAT(commitment, IsOk());
  EXPECT_EQ(ids({.late = true}), (V{*current}));
  ASSERT_THAT(service.RecordProgress(advisor_, *commitment, {"41", "met", "Objectif dépassé"}),
              IsOk());
  EXPECT_EQ(ids({.late = true}), V{});
  auto row = service.List(advisor_, {.organisation_id = ladom_, .period = Period::kCurrent});
  ASSERT_EQ(row->size(), 1u);
  EXPECT_EQ(row->front().partner_name, "Agence de mobilité outre-mer");
  EXPECT_EQ(row->front().commitments, 1);
  EXPECT_EQ(row->front().commitments_met, 1);
}

TEST_P(ConventionsContract, TermsAreForManagersAndFinanceProgressForEveryStaffMember) {
  ConventionService service(*store_, clock_);
  auto input = Input(ladom_, "Mobilité", "2026-01-01", "2026-12-31", 100'000);
  EXPECT_THAT(service.Create(advisor_, input), HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(service.Create(employer_, input), HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(service.List(employer_, {}), HasErrorCode(ErrorCode::kPermissionDenied));
  auto id = service.Create(manager_, input);
  ASSERT_THAT(id, IsOk());
  EXPECT_THAT(service.Sheet(employer_, *id), HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(service.AddInstalment(advisor_, *id, {"2026-03-01", 50'000}),
              HasErrorCode(ErrorCode::kPermissionDenied));
  auto commitment =
      service.AddCommitment(manager_, *id, {"Informer les CFA", "réunions", "4", "2026-12-31"});
  ASSERT_THAT(commitment, IsOk());
  EXPECT_THAT(service.AddCommitment(advisor_, *id, {"x", "y", "1", "2026-12-31"}),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(service.RecordProgress(employer_, *commitment, {"1", "in_progress", ""}),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(service.RecordProgress(advisor_, *commitment, {"1", "in_progress", ""}), IsOk());
}

TEST_P(ConventionsContract, RefusesBadFormsInFrenchAndStoresNothing) {
  ConventionService service(*store_, clock_);
  ConventionInput bad = Input(company_, "<b>Mobilité</b>", "2026-12-31", "2026-01-01", 0);
  bad.amount_cents.reset();
  auto refused = service.Create(manager_, bad);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(refused.error().fields.contains("object"));
  EXPECT_EQ(refused.error().fields.at("ends_on"),
            "La date de fin ne peut précéder la date de début.");
  EXPECT_EQ(refused.error().fields.at("amount"),
            "Indiquez le montant de la convention en euros (ex. 150 000).");
  // An employer is not a partner; an unknown envelope is refused.
  ConventionInput not_partner = Input(company_, "Mobilité", "2026-01-01", "2026-12-31", 100);
  EXPECT_EQ(service.Create(manager_, not_partner).error().fields.at("organisation_id"),
            "Choisissez un partenaire de la liste.");
  ConventionInput unknown = Input(ladom_, "Mobilité", "2026-01-01", "2026-12-31", 100);
  unknown.envelope_ids = {envelope_ + 99};
  EXPECT_EQ(service.Create(manager_, unknown).error().fields.at("envelopes"),
            "Choisissez des enveloppes de la liste.");
  EXPECT_TRUE(service.List(manager_, {})->empty());

  auto id = service.Create(manager_, Input(ladom_, "Mobilité", "2026-01-01", "2026-12-31", 1000));
  ASSERT_THAT(id, IsOk());
  auto commitment = service.AddCommitment(manager_, *id, {"", "", "quarante", "demain"});
  ASSERT_THAT(commitment, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(commitment.error().fields.size(), 4u);
  EXPECT_EQ(commitment.error().fields.at("target"),
            "Indiquez la cible, un nombre entier positif (ex. 40).");
  auto ok = service.AddCommitment(manager_, *id, {"Informer", "réunions", "4", "2026-12-31"});
  auto progress = service.RecordProgress(advisor_, *ok, {"-1", "done", ""});
  EXPECT_EQ(progress.error().fields.at("achieved"),
            "Indiquez la valeur atteinte, un nombre entier (ex. 12).");
  EXPECT_EQ(progress.error().fields.at("status"), "Choisissez l'état de l'engagement.");
  EXPECT_TRUE(service.Sheet(manager_, *id)->follow_ups.empty());
}

TEST_P(ConventionsContract, TheScheduleStaysWithinTheAmountAndEveryMoneyChangeIsJournalled) {
  ConventionService service(*store_, clock_);
  auto input = Input(ladom_, "Mobilité", "2026-01-01", "2026-12-31", 100'000);
  auto id = service.Create(manager_, input);
  ASSERT_THAT(id, IsOk());
  auto first = service.AddInstalment(manager_, *id, {"2026-03-01", 60'000});
  ASSERT_THAT(first, IsOk());
  auto over = service.AddInstalment(manager_, *id, {"2026-09-01", 40'001});
  ASSERT_THAT(over, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(over.error().fields.at("instalment_amount"),
            "L'échéancier dépasserait le montant de la convention.");
  ASSERT_THAT(service.AddInstalment(manager_, *id, {"2026-09-01", 40'000}), IsOk());
  // The amount cannot fall below the schedule.
  input.amount_cents = 99'999;
  EXPECT_EQ(service.Update(manager_, *id, input).error().fields.at("amount"),
            "Le montant ne peut être inférieur au total de l'échéancier.");
  input.amount_cents = 120'000;
  ASSERT_THAT(service.Update(manager_, *id, input), IsOk());

  ASSERT_THAT(service.SetReceived(manager_, *first, true), IsOk());
  EXPECT_THAT(service.SetReceived(manager_, *first, true),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  auto sheet = service.Sheet(advisor_, *id);
  ASSERT_THAT(sheet, IsOk());
  EXPECT_EQ(sheet->row.convention.amount_cents, 120'000);
  EXPECT_EQ(sheet->scheduled_cents, 100'000);
  EXPECT_EQ(sheet->row.received_cents, 60'000);
  ASSERT_EQ(sheet->instalments.size(), 2u);
  EXPECT_EQ(sheet->instalments[0].received_on, MartiniqueDate(clock_.now));
  EXPECT_FALSE(sheet->instalments[1].received_on);

  // Each money change is in the journal with its amount, under the convention.
  auto journal = *ReadValue(*store_, [](Repositories& r) { return r.journal().Page(0, 100); });
  std::vector<std::pair<std::string, std::int64_t>> money;
  for (const auto& entry : journal)
    if (entry.subject == "convention:" + std::to_string(*id))
      money.emplace_back(entry.action, entry.amount_cents.value_or(-1));
  using M = std::vector<std::pair<std::string, std::int64_t>>;
  EXPECT_EQ(money, (M{{"convention.created", 100'000},
                      {"convention.instalment_added", 60'000},
                      {"convention.instalment_added", 40'000},
                      {"convention.amount_changed", 20'000},
                      {"convention.instalment_received", 60'000}}));
  int updated = 0;
  for (const auto& e : Events())
    if (e.action == "convention.updated" && e.actor_user_id == manager_.user_id) ++updated;
  EXPECT_EQ(updated, 1);
}

TEST_P(ConventionsContract, TheSheetSaysHowMuchOfTheEnvelopesWasCommittedAndPaid) {
  ConventionService service(*store_, clock_);
  auto input = Input(ladom_, "Mobilité", "2026-01-01", "2026-12-31", 10'000'000);
  input.envelope_ids = {envelope_, envelope_};  // once
  auto id = service.Create(manager_, input);
  ASSERT_THAT(id, IsOk());
  // Aid requests approved and paid on the envelope, as the aid requests' service does it.
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    const budgets::Actor by{manager_.user_id, clock_.now, ""};
    if (auto s = budgets::Commit(r, envelope_, 300'000, by); !s) return s;
    if (auto s = budgets::Commit(r, envelope_, 120'000, by); !s) return s;
    return budgets::RecordPayment(r, envelope_, 120'000, by);
  }),
              IsOk());
  auto sheet = service.Sheet(advisor_, *id);
  ASSERT_THAT(sheet, IsOk());
  ASSERT_EQ(sheet->envelopes.size(), 1u);
  EXPECT_EQ(sheet->envelopes[0].envelope.label, "Mobilité 2026 — convention LADOM");
  EXPECT_EQ(sheet->envelopes[0].committed_cents, 420'000);
  EXPECT_EQ(sheet->envelopes[0].paid_cents, 120'000);
  EXPECT_EQ(sheet->committed_cents, 420'000);
  EXPECT_EQ(sheet->paid_cents, 120'000);

  // Unlinking the envelope leaves the sheet without it.
  input.envelope_ids = {};
  ASSERT_THAT(service.Update(manager_, *id, input), IsOk());
  EXPECT_TRUE(service.Sheet(advisor_, *id)->envelopes.empty());
}

TEST_P(ConventionsContract, ProgressIsKeptAsWrittenNewestFirst) {
  ConventionService service(*store_, clock_);
  auto id = service.Create(manager_, Input(ladom_, "Mobilité", "2026-01-01", "2026-12-31", 100));
  auto commitment =
      service.AddCommitment(manager_, *id, {"Accompagner 40 jeunes", "jeunes", "40", "2026-12-31"});
  ASSERT_THAT(commitment, IsOk());
  ASSERT_THAT(service.RecordProgress(advisor_, *commitment, {"12", "in_progress", "Premier bilan"}),
              IsOk());
  clock_.now += 86400;
  ASSERT_THAT(service.RecordProgress(manager_, *commitment, {"25", "in_progress", ""}), IsOk());
  auto sheet = service.Sheet(advisor_, *id);
  ASSERT_EQ(sheet->commitments.size(), 1u);
  EXPECT_EQ(sheet->commitments[0].achieved, 25);
  EXPECT_EQ(sheet->commitments[0].status, CommitmentStatus::kInProgress);
  ASSERT_EQ(sheet->follow_ups.size(), 2u);
  EXPECT_EQ(sheet->follow_ups[0].achieved, 25);
  EXPECT_EQ(sheet->follow_ups[0].author_name, "Nom direction@example.mq");
  EXPECT_EQ(sheet->follow_ups[1].note, "Premier bilan");
  EXPECT_EQ(sheet->follow_ups[1].recorded_on, MartiniqueDate(clock_.now - 86400));
}

INSTANTIATE_TEST_SUITE_P(Databases, ConventionsContract, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace maplace::storage
