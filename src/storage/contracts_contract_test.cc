// The contracts register and the follow-up (migration 0019) on SQLite and on PostgreSQL
// (MAPLACE_TEST_POSTGRES_URL): the repository, the service and the steering figures on a real
// store.
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/aids/rules.h"
#include "domain/contracts/contract_service.h"
#include "domain/contracts/figures.h"
#include "domain/crm/branches.h"
#include "domain/reference/tables.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using contracts::ContractInput;
using contracts::State;
using people::OrganisationKind;

class FixedClock final : public Clock {
 public:
  UnixSeconds Now() const override { return now; }
  UnixSeconds now = 1795000000;  // 2026-11-18 in Martinique
};

Date D(const char* iso) { return *ParseIsoDate(iso); }

std::shared_ptr<const aids::Rules> TestRules() {
  static auto rules =
      std::make_shared<const aids::Rules>(*aids::LoadRules(aids::EmbeddedRulesFiles()));
  return rules;
}

class ContractsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto user = [&](const std::string& email, const std::string& name, people::Role role) {
        return *r.users().Create(
            people::User{0, email, name, role, people::UserStatus::kActive, "x", false, 1, 1});
      };
      advisor_ = user("conseil@example.mq", "Anne Conseil", people::Role::kAdvisor);
      other_ = user("autre@example.mq", "Bruno Autre", people::Role::kAdvisor);
      manager_ = user("chef@example.mq", "Chloé Cheffe", people::Role::kManager);
      young_ = user("lea@example.mq", "Léa Jeune", people::Role::kYoungPerson);
      employer_user_ = user("rh@hotel.mq", "RH Hôtel", people::Role::kEmployer);
      auto org = [&](OrganisationKind kind, const std::string& name, const std::string& siret,
                     const std::string& uai, const std::string& idcc) {
        people::Organisation o;
        o.kind = kind;
        o.name = name;
        o.siret = siret;
        o.uai = uai;
        o.idcc = idcc;
        o.commune_code = "97209";
        o.created_at = 1;
        return *r.organisations().Create(o);
      };
      hotel_ = org(OrganisationKind::kEmployer, "Hôtel L'Écrin", "12345678900015", "", "1979");
      garage_ = org(OrganisationKind::kEmployer, "Garage du Lamentin", "73282932000074", "", "");
      cfa_ = org(OrganisationKind::kCfa, "CFA Caraïbes", "55210055400013", "9720001A", "");
      if (auto s = r.reference().Sync(crm::IdccBranchesTable(),
                                      {{"1979", "Hôtels, cafés, restaurants", "akto"}});
          !s)
        return Fail(s.error());
      return Ok();
    }),
                IsOk());
    service_ =
        std::make_unique<contracts::ContractService>(*store_, clock_, [] { return TestRules(); });
  }

  template <typename F>
  auto Read(F&& f) {
    return ReadValue(*store_, std::forward<F>(f));
  }

  people::Actor Staff(std::int64_t id, people::Role role) {
    people::Actor a;
    a.user_id = id;
    a.role = role;
    return a;
  }

  static ContractInput Valid() {
    ContractInput in;
    in.last_name = "Joseph";
    in.first_name = "Léa";
    in.birth_date = "2005-05-10";
    in.email = "lea@example.mq";
    in.employer_siret = "123 456 789 00015";
    in.cfa = "9720001a";
    in.rncp_code = "RNCP35632";
    in.certification_title = "CAP Cuisine";
    in.level = "3";
    in.concluded_on = "2025-08-20";
    in.starts_on = "01/09/2025";
    in.ends_on = "2027-08-31";
    in.tutor_name = "Marc Chef";
    in.tutor_experience_years = "5";
    in.pay_year1 = "1 200,00";
    in.pay_year2 = "1400";
    in.opco = "akto";
    return in;
  }

  FixedClock clock_;
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<contracts::ContractService> service_;
  std::int64_t advisor_ = 0, other_ = 0, manager_ = 0, young_ = 0, employer_user_ = 0;
  std::int64_t hotel_ = 0, garage_ = 0, cfa_ = 0;
};

TEST_P(ContractsContract, StoresAContractWithItsChecksAndFindsItsApprenticeAgain) {
  const auto advisor = Staff(advisor_, people::Role::kAdvisor);
  auto saved = service_->Create(advisor, Valid());
  ASSERT_THAT(saved, IsOk());
  EXPECT_FALSE(saved->checks.empty());
  for (const auto& c : saved->checks) EXPECT_TRUE(c.ok) << c.id << ": " << c.sentence;

  auto row = service_->Find(advisor, saved->contract_id);
  ASSERT_THAT(row, IsOk());
  EXPECT_EQ(row->employer_name, "Hôtel L'Écrin");
  EXPECT_EQ(row->cfa_uai, "9720001A");
  EXPECT_EQ(row->contract.starts_on, D("2025-09-01"));
  EXPECT_EQ(row->contract.pay_cents, (std::vector<std::int64_t>{120000, 140000}));
  EXPECT_EQ(row->contract.tutor_experience_years, 5);
  EXPECT_EQ(row->contract.checks, saved->checks);
  EXPECT_EQ(row->apprentice.young_person_id, young_);  // linked by e-mail
  EXPECT_EQ(row->apprentice.last_name, "Joseph");

  // A second contract of the same person (case and accents aside) is the same apprentice.
  ContractInput again = Valid();
  again.last_name = "JOSEPH";
  again.first_name = "Lea";
  again.starts_on = "2027-09-01";
  again.concluded_on = "2027-08-01";
  again.ends_on = "2028-08-31";
  again.kind = "professionnalisation";
  again.pay_year1 = "1 900";
  auto second = service_->Create(advisor, again);
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(second->apprentice_id, saved->apprentice_id);
  EXPECT_EQ(service_->Find(advisor, second->contract_id)->contract.kind,
            contracts::Kind::kProfessionalisation);
}

TEST_P(ContractsContract, AFailingCheckIsStoredAndTheContractSavedAnyway) {
  const auto advisor = Staff(advisor_, people::Role::kAdvisor);
  ContractInput in = Valid();
  in.pay_year1 = "500";
  auto saved = service_->Create(advisor, in);
  ASSERT_THAT(saved, IsOk());
  auto failing =
      std::find_if(saved->checks.begin(), saved->checks.end(), [](const auto& c) { return !c.ok; });
  ASSERT_NE(failing, saved->checks.end());
  EXPECT_EQ(failing->id, "minimum-pay");
  EXPECT_NE(failing->sentence.find("inférieur au minimum"), std::string::npos);
  contracts::ContractFilter only_failing;
  only_failing.failing_checks_only = true;
  auto page = service_->List(advisor, only_failing);
  ASSERT_THAT(page, IsOk());
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->rows[0].contract.FailedChecks(), 1);
}

TEST_P(ContractsContract, RefusesUnknownOrganisationsAndBadFieldsInFrench) {
  const auto advisor = Staff(advisor_, people::Role::kAdvisor);
  ContractInput in = Valid();
  in.employer_siret = "55210055400013";  // the CFA's SIRET, not an employer
  in.cfa = "9729999Z";
  in.ends_on = "2025-01-01";
  in.pay_year1 = "douze";
  auto saved = service_->Create(advisor, in);
  ASSERT_THAT(saved, HasErrorCode(ErrorCode::kInvalidArgument));
  const auto& f = saved.error().fields;
  EXPECT_NE(f.at("employer_siret").find("Aucun employeur"), std::string::npos);
  EXPECT_NE(f.at("cfa").find("Aucun CFA"), std::string::npos);
  EXPECT_EQ(f.at("ends_on"), "La fin du contrat doit suivre son début.");
  EXPECT_TRUE(f.count("pay_year1"));
  auto page = service_->List(advisor, {});
  EXPECT_EQ(page->total, 0);
  EXPECT_THAT(service_->Create(Staff(employer_user_, people::Role::kEmployer), Valid()),
              HasErrorCode(ErrorCode::kPermissionDenied));
}

TEST_P(ContractsContract, TheCertificationReferenceRefusesUnknownCodesAndGivesTheLevel) {
  const auto advisor = Staff(advisor_, people::Role::kAdvisor);
  ASSERT_THAT(store_->Write([](Repositories& r) -> Status {
    auto synced = r.reference().Sync(
        reference::tables::Certifications(),
        {{"100001", "CAP Cuisine", "CAP", "3", "RNCP35632", "50022137", "1", "1"}});
    if (!synced) return Fail(synced.error());
    return Ok();
  }),
              IsOk());
  ContractInput unknown = Valid();
  unknown.rncp_code = "RNCP99999";
  auto refused = service_->Create(advisor, unknown);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(refused.error().fields.at("rncp_code").find("référentiel"), std::string::npos);
  ContractInput known = Valid();
  known.level = "5";  // the reference says 3
  auto saved = service_->Create(advisor, known);
  ASSERT_THAT(saved, IsOk());
  EXPECT_EQ(service_->Find(advisor, saved->contract_id)->contract.level, 3);
}

TEST_P(ContractsContract, ABreakNeedsItsDateInitiativeAndReasonAndFiltersByState) {
  const auto advisor = Staff(advisor_, people::Role::kAdvisor);
  auto saved = service_->Create(advisor, Valid());
  ASSERT_THAT(saved, IsOk());
  ContractInput broken = Valid();
  broken.state = "broken";
  auto refused = service_->Update(advisor, saved->contract_id, broken);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(refused.error().fields.count("broken_on"));
  EXPECT_TRUE(refused.error().fields.count("break_initiative"));
  EXPECT_TRUE(refused.error().fields.count("break_reason"));
  broken.broken_on = "2026-02-15";
  broken.break_initiative = "apprentice";
  broken.break_reason = "Trop loin du domicile";
  broken.after_break = "cfa_without_contract";
  ASSERT_THAT(service_->Update(advisor, saved->contract_id, broken), IsOk());
  contracts::ContractFilter filter;
  filter.state = State::kBroken;
  auto page = service_->List(advisor, filter);
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->rows[0].contract.broken_on, D("2026-02-15"));
  EXPECT_EQ(page->rows[0].contract.after_break, "cfa_without_contract");
  filter.state = State::kRunning;
  EXPECT_EQ(service_->List(advisor, filter)->total, 0);
  // Running in 2025 and 2026, not in 2027 (broken in 2026).
  contracts::ContractFilter year;
  year.year = 2025;
  EXPECT_EQ(service_->List(advisor, year)->total, 1);
  year.year = 2027;
  EXPECT_EQ(service_->List(advisor, year)->total, 0);
  auto xlsx = service_->Export(advisor, filter);
  ASSERT_THAT(xlsx, IsOk());
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
}

TEST_P(ContractsContract, ImportIsAllOrNothingWithPerLineErrors) {
  const auto advisor = Staff(advisor_, people::Role::kAdvisor);
  const std::string header =
      "last_name;first_name;birth_date;employer_siret;cfa;certification_title;level;concluded_on;"
      "starts_on;ends_on;tutor_name;pay_year1\n";
  const std::string good =
      "Louis;Marc;2004-01-02;12345678900015;9720001A;BP Boulanger;4;"
      "2025-08-01;2025-09-01;2027-08-31;Jean Four;1300\n";
  const std::string bad =
      "Pierre;Anne;2004-01-02;99999999999999;9720001A;BP Boulanger;9;"
      "2025-08-01;2025-09-01;2027-08-31;Jean Four;1300\n";
  auto outcome = service_->ImportCsv(advisor, header + good + bad, false);
  ASSERT_THAT(outcome, IsOk());
  EXPECT_EQ(outcome->lines, 2);
  EXPECT_EQ(outcome->created, 0);
  ASSERT_GE(outcome->errors.size(), 2u);
  bool line3_level = false;
  for (const auto& e : outcome->errors)
    if (e.rfind("Ligne 3, colonne level", 0) == 0) line3_level = true;
  EXPECT_TRUE(line3_level);
  EXPECT_EQ(service_->List(advisor, {})->total, 0);

  auto dry = service_->ImportCsv(advisor, header + good, true);
  ASSERT_THAT(dry, IsOk());
  EXPECT_TRUE(dry->errors.empty());
  EXPECT_EQ(dry->created, 0);
  EXPECT_EQ(service_->List(advisor, {})->total, 0);

  auto done =
      service_->ImportCsv(advisor, header + good + good.substr(0, 5) + "e" + good.substr(5), false);
  ASSERT_THAT(done, IsOk());
  EXPECT_TRUE(done->errors.empty()) << done->errors.front();
  EXPECT_EQ(done->created, 2);
  EXPECT_EQ(service_->List(advisor, {})->total, 2);

  auto unknown = service_->ImportCsv(advisor, "nom;prenom\nA;B\n", false);
  ASSERT_THAT(unknown, IsOk());
  EXPECT_FALSE(unknown->errors.empty());
}

TEST_P(ContractsContract, SensitiveNotesAreReadByTheReferentManagersAndAuthorOnly) {
  const auto advisor = Staff(advisor_, people::Role::kAdvisor);
  const auto other = Staff(other_, people::Role::kAdvisor);
  const auto manager = Staff(manager_, people::Role::kManager);
  ContractInput in = Valid();
  in.birth_date = "2010-03-01";  // 16 on 2026-11-18
  in.starts_on = "2026-09-01";
  in.concluded_on = "2026-08-20";
  in.ends_on = "2028-08-31";
  auto saved = service_->Create(advisor, in);
  ASSERT_THAT(saved, IsOk());
  const std::int64_t id = saved->apprentice_id;
  // The manager writes a sensitive note before anyone is referent.
  ASSERT_THAT(service_->AddNote(manager, id, {"", "", "Suivi psychologique en cours", true}),
              IsOk());
  ASSERT_THAT(service_->AddNote(other, id, {"", "", "Appel au tuteur", false}), IsOk());
  ASSERT_THAT(service_->AssignReferent(manager, id, advisor_), IsOk());
  ASSERT_THAT(
      service_->AddDifficulty(advisor, id, {"housing", "2026-10-01", "Hébergée chez une tante"}),
      IsOk());
  ASSERT_THAT(service_->SetRisk(advisor, id, {"high", "", "Absences au CFA"}), IsOk());
  ASSERT_THAT(service_->AddAction(advisor, id, {"", "2026-11-25", "Appeler le CFA"}), IsOk());
  EXPECT_THAT(service_->AddDifficulty(advisor, id, {"weather", "2026-10-01", ""}),
              HasErrorCode(ErrorCode::kInvalidArgument));

  auto mine = service_->FollowUp(advisor, id);
  ASSERT_THAT(mine, IsOk());
  EXPECT_TRUE(mine->minor);
  EXPECT_EQ(mine->age, 16);
  EXPECT_EQ(mine->apprentice.risk, "high");
  EXPECT_EQ(mine->advisor_name, "Anne Conseil");
  ASSERT_EQ(mine->notes.size(), 2u);
  EXPECT_EQ(mine->notes[1].body, "Suivi psychologique en cours");  // the referent reads it
  EXPECT_EQ(mine->difficulties.size(), 1u);
  EXPECT_EQ(mine->actions.size(), 1u);
  EXPECT_EQ(mine->contracts.size(), 1u);

  auto theirs = service_->FollowUp(other, id);
  ASSERT_THAT(theirs, IsOk());
  EXPECT_FALSE(theirs->can_read_sensitive);
  ASSERT_EQ(theirs->notes.size(), 2u);
  EXPECT_TRUE(theirs->notes[1].hidden);
  EXPECT_EQ(theirs->notes[1].body, "");
  EXPECT_EQ(theirs->notes[0].body, "Appel au tuteur");
  EXPECT_EQ(service_->FollowUp(manager, id)->notes[1].body, "Suivi psychologique en cours");
  EXPECT_THAT(service_->FollowUp(Staff(young_, people::Role::kYoungPerson), id),
              HasErrorCode(ErrorCode::kPermissionDenied));

  ASSERT_THAT(service_->SetActionDone(advisor, mine->actions[0].id, true), IsOk());
  EXPECT_EQ(service_->FollowUp(advisor, id)->actions[0].done_on, D("2026-11-18"));
  EXPECT_THAT(service_->LinkAidRequest(advisor, id, "424242"),
              HasErrorCode(ErrorCode::kInvalidArgument));
  // Every change is audited; a note's audit names it, never its text.
  auto events = Read([&](Repositories& r) { return r.audit().Latest(50); });
  ASSERT_THAT(events, IsOk());
  int notes = 0;
  for (const auto& e : *events) {
    EXPECT_EQ(e.subject.find("psychologique"), std::string::npos) << e.subject;
    if (e.action == "contracts.note_added") ++notes;
  }
  EXPECT_EQ(notes, 2);
  EXPECT_TRUE(std::any_of(events->begin(), events->end(),
                          [](const auto& e) { return e.action == "contracts.created"; }));
  EXPECT_TRUE(std::any_of(events->begin(), events->end(),
                          [](const auto& e) { return e.action == "contracts.risk"; }));
  auto accounts = service_->ApprenticesOfAccount(advisor, young_);
  ASSERT_THAT(accounts, IsOk());
  EXPECT_EQ(accounts->size(), 1u);
}

TEST_P(ContractsContract, FiguresOfAYearCountStartsBreaksAndCompletions) {
  const auto advisor = Staff(advisor_, people::Role::kAdvisor);
  // Started 2025, completed 2026-08-31 (before today 2026-11-18).
  ContractInput a = Valid();
  a.ends_on = "2026-08-31";
  ASSERT_THAT(service_->Create(advisor, a), IsOk());
  // Started 2025, broken 2026, at the garage without a CFA branch.
  ContractInput b = Valid();
  b.last_name = "Marie";
  b.employer_siret = "73282932000074";
  b.state = "broken";
  b.broken_on = "2026-03-01";
  b.break_initiative = "employer";
  b.break_reason = "Fin de période d'essai";
  ASSERT_THAT(service_->Create(advisor, b), IsOk());
  // Started 2026, ends 2026-12-31: not completed yet on 2026-11-18.
  ContractInput c = Valid();
  c.last_name = "Rose";
  c.level = "5";
  c.concluded_on = "2026-01-01";
  c.starts_on = "2026-01-05";
  c.ends_on = "2026-12-31";
  ASSERT_THAT(service_->Create(advisor, c), IsOk());

  auto figures = ReadValue(
      *store_, [&](Repositories& r) { return contracts::FiguresOfYear(r, 2026, D("2026-11-18")); });
  ASSERT_THAT(figures, IsOk());
  EXPECT_EQ(figures->overall, (contracts::Counts{1, 1, 1}));
  ASSERT_EQ(figures->by_cfa.size(), 1u);
  EXPECT_EQ(figures->by_cfa[0].label, "CFA Caraïbes");
  EXPECT_EQ(figures->by_cfa[0].key, std::to_string(cfa_));
  ASSERT_EQ(figures->by_branch.size(), 2u);
  EXPECT_EQ(figures->by_branch[0].label, "Hôtels, cafés, restaurants");
  EXPECT_EQ(figures->by_branch[0].counts, (contracts::Counts{1, 0, 1}));
  EXPECT_EQ(figures->by_branch[1].label, "Non renseignée");
  EXPECT_EQ(figures->by_branch[1].counts, (contracts::Counts{0, 1, 0}));
  ASSERT_EQ(figures->by_level.size(), 2u);
  auto y2025 = ReadValue(
      *store_, [&](Repositories& r) { return contracts::FiguresOfYear(r, 2025, D("2026-11-18")); });
  EXPECT_EQ(y2025->overall, (contracts::Counts{2, 0, 0}));
  auto bad = ReadValue(
      *store_, [&](Repositories& r) { return contracts::FiguresOfYear(r, 1999, D("2026-11-18")); });
  EXPECT_THAT(bad, HasErrorCode(ErrorCode::kInvalidArgument));
}

INSTANTIATE_TEST_SUITE_P(Stores, ContractsContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::storage
