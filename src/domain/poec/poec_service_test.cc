// POEC programmes on a SQLite test database: the 400-hour limit in French, outcomes and the
// « N personnes recrutées dans M entreprises » figure, staff only.
#include "domain/poec/poec_service.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::poec {
namespace {

TEST(PoecFigures, CompaniesAreCountedOnceWhateverTheCaseAndSpaces) {
  std::vector<Candidate> candidates(5);
  candidates[0].outcome = "cdi";
  candidates[0].company = "Soudure  Caraïbes";
  candidates[1].outcome = "alternance";
  candidates[1].company = "soudure caraïbes";
  candidates[2].outcome = "cdd12";
  candidates[2].company = "Métallerie du Robert";
  candidates[3].outcome = "other";
  const auto f = FiguresOf(candidates, {{0, 1, "Soudure Caraïbes", 3, 0}});
  EXPECT_EQ(f.candidates, 5);
  EXPECT_EQ(f.with_outcome, 4);
  EXPECT_EQ(f.hired, 3);
  EXPECT_EQ(f.companies, 2);
  ASSERT_EQ(f.by_company.size(), 2u);
  EXPECT_EQ(f.by_company[0].hired, 2);
  EXPECT_EQ(f.by_company[0].committed, 3);
  EXPECT_EQ(f.by_outcome[3].code, "other");
  EXPECT_EQ(f.by_outcome[3].count, 1);
}

class PoecServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::TestDatabase>("sqlite");
    auto store = storage::OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    service_ = std::make_unique<PoecService>(*store_, clock_);
    advisor_.user_id = 1;
    advisor_.role = people::Role::kAdvisor;
  }
  ManualClock clock_{1'796'227'200};
  std::unique_ptr<storage::TestDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<PoecService> service_;
  people::Actor advisor_;
};

TEST_F(PoecServiceTest, MoreThan400HoursIsRefusedInFrenchAndNothingIsStored) {
  ProgrammeInput in{"POEC Soudeurs", "H2913", "AFPA", 401, "", ""};
  auto refused = service_->CreateProgramme(advisor_, in);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(refused.error().fields.at("hours"),
            "Une POEC dure au plus 400 heures : réduisez la durée.");
  EXPECT_TRUE(service_->Programmes(advisor_)->empty());
  in.rome_code = "soudeur";
  EXPECT_TRUE(service_->CreateProgramme(advisor_, in).error().fields.count("rome_code"));
  in.hours = 400;
  in.rome_code = "Soudeur / Soudeuse (h2913)";
  auto created = service_->CreateProgramme(advisor_, in);
  ASSERT_THAT(created, IsOk());
  EXPECT_EQ(service_->Sheet(advisor_, *created)->programme.input.rome_code, "H2913");
  people::Actor cfa;
  cfa.role = people::Role::kCfa;
  EXPECT_THAT(service_->Sheet(cfa, *created), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_->Programmes(cfa), HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(PoecServiceTest, OutcomesMakeTheDirectorsFigure) {
  auto programme =
      service_->CreateProgramme(advisor_, {"POEC Soudeurs", "H2913", "AFPA", 300, "", ""});
  ASSERT_THAT(programme, IsOk());
  auto cohort =
      service_->CreateCohort(advisor_, *programme, "Promo", "2026-01-05", "2026-04-30", "");
  ASSERT_THAT(cohort, IsOk());
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 10; ++i)
    ids.push_back(*service_->AddCandidate(advisor_, *cohort, {"Candidat " + std::to_string(i)}));
  // Hours above the programme's are refused.
  auto over = service_->UpdatePath(advisor_, ids[0], {"training", 301, "", "", ""});
  EXPECT_THAT(over, HasErrorCode(ErrorCode::kInvalidArgument));
  // Nine hired in eight companies, one without a job.
  for (int i = 0; i < 9; ++i)
    ASSERT_THAT(
        service_->UpdatePath(advisor_, ids[static_cast<std::size_t>(i)],
                             {"training", 300, i % 2 ? "cdi" : "cdd12",
                              "Entreprise " + std::to_string(i == 8 ? 0 : i), "2026-05-15"}),
        IsOk());
  ASSERT_THAT(service_->UpdatePath(advisor_, ids[9], {"withdrawn", 120, "other", "", "2026-03-01"}),
              IsOk());
  auto sheet = service_->Sheet(advisor_, *programme);
  ASSERT_THAT(sheet, IsOk());
  EXPECT_EQ(sheet->figures.hired, 9);
  EXPECT_EQ(sheet->figures.companies, 8);
  EXPECT_EQ(sheet->cohorts.front().candidates.front().stage, Stage::kOutcome);
  auto year = PoecOutcomesInYear(*store_, 2026);
  ASSERT_THAT(year, IsOk());
  EXPECT_EQ(year->hired, 9);
  EXPECT_EQ(year->companies, 8);
  EXPECT_EQ(year->by_outcome[0].count, 4);  // CDI: candidates 1, 3, 5, 7
  EXPECT_EQ(PoecOutcomesInYear(*store_, 2025)->with_outcome, 0);
  EXPECT_EQ(PoecOutcomesInYear(*store_, 2026, "H2913")->companies, 8);  // the programme's job
  EXPECT_EQ(PoecOutcomesInYear(*store_, 2026, "G1602")->with_outcome, 0);
  auto xlsx = service_->ExportCandidates(advisor_, *programme, std::nullopt, "cdi");
  ASSERT_THAT(xlsx, IsOk());
  EXPECT_TRUE(xlsx->starts_with("PK"));
}

}  // namespace
}  // namespace maplace::poec
