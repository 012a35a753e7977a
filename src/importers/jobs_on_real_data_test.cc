// The jobs model on the real open data: job sheets, the crosswalk and the tension ranking
// (SQLite; the repository contract covers PostgreSQL).
#include <gtest/gtest.h>

#include <fstream>

#include "core/embedded_files.h"
#include "core/error_matchers.h"
#include "domain/jobs/jobs_service.h"
#include "domain/reference/import_service.h"
#include "importers/importers.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::jobs {
namespace {

std::filesystem::path SharedData() {
  const std::string source = storage::EnvOr("MAPLACE_SOURCE_DIR");
  return std::filesystem::path(source.empty() ? "." : source) / ".." / "shared" / "data";
}

class JobsOnRealData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(SharedData())) return;
    db_ = new storage::TestDatabase("sqlite");
    store_ = storage::OpenAndMigrate(StorageConfig{db_->url(), 2})->release();
    SystemClock clock;
    reference::ImportService service(*store_, clock);
    const std::string source = storage::EnvOr("MAPLACE_SOURCE_DIR");
    for (const auto& [kind, path] : importers::StandardSources(
             SharedData(), std::filesystem::path(source.empty() ? "." : source) / "node_modules")) {
      if (kind == "certifications" || kind == "cfa" || kind == "idcc") continue;
      auto dataset = importers::Read(kind, path);
      ASSERT_THAT(dataset, IsOk());
      ASSERT_THAT(service.Import(*dataset), IsOk());
    }
  }
  static void TearDownTestSuite() {
    delete store_;
    delete db_;
  }
  void SetUp() override {
    if (!store_) GTEST_SKIP() << "no ../shared/data beside the project";
    jobs_ =
        std::make_unique<JobsService>(*store_, ParseFapOverrides(embedded::FapTwins().at(0).bytes));
  }
  // The figure of one family, year and area, as the job sheet holds it.
  static const HiringFigure* Find(const JobSheet& sheet, int year, const std::string& fap,
                                  const std::string& area) {
    for (const auto& f : sheet.figures) {
      if (f.year == year && f.fap_code == fap && f.area_code == area) return &f;
    }
    return nullptr;
  }

  static storage::TestDatabase* db_;
  static storage::SqlStore* store_;
  std::unique_ptr<JobsService> jobs_;
};
storage::TestDatabase* JobsOnRealData::db_ = nullptr;
storage::SqlStore* JobsOnRealData::store_ = nullptr;

TEST_F(JobsOnRealData, TheWeldersSheetShowsEveryYearAsPublished) {
  auto sheet = jobs_->Sheet("H2913");
  ASSERT_THAT(sheet, IsOk());
  EXPECT_EQ(sheet->job.grand_domain_code, "H");
  EXPECT_FALSE(sheet->job.titles.empty());
  EXPECT_FALSE(sheet->job.definition.empty());
  EXPECT_EQ(sheet->job.v3_label, "Soudage manuel");
  // 2023 (FAP 2009 "Soudeurs", D2Z42), as published: 42 projects, all difficult, in the Centre.
  const HiringFigure* centre = Find(*sheet, 2023, "D2Z42", "201");
  ASSERT_NE(centre, nullptr);
  EXPECT_EQ(centre->projects, 42);
  EXPECT_EQ(centre->difficult, 42);
  EXPECT_EQ(centre->seasonal, 24);
  // In the South, 8 projects and the rest secret: not zero.
  const HiringFigure* south = Find(*sheet, 2023, "D2Z42", "203");
  ASSERT_NE(south, nullptr);
  EXPECT_EQ(south->projects, 8);
  EXPECT_FALSE(south->difficult.has_value());
  // 2024 and 2025 use FAP 2021 ("Soudeurs", D1X33), joined through the same label.
  const HiringFigure* later = Find(*sheet, 2024, "D1X33", "201");
  ASSERT_NE(later, nullptr);
  EXPECT_FALSE(later->projects.has_value());  // secret in the published table
  std::set<int> years;
  for (const auto& f : sheet->figures) years.insert(f.year);
  EXPECT_EQ(years, (std::set<int>{2023, 2024, 2025}));
}

TEST_F(JobsOnRealData, PlumbersKeepTheirTrendAcrossTheNomenclatureChange) {
  // "Plombiers chauffagistes" (2024, B2X33) and "Plombiers, chauffagistes" (2023, B4Z41).
  auto ranking = jobs_->Ranking({2024, std::nullopt, std::nullopt});
  ASSERT_THAT(ranking, IsOk());
  auto plumbers = std::find_if(ranking->families.begin(), ranking->families.end(),
                               [](const auto& f) { return f.fap_code == "B2X33"; });
  ASSERT_NE(plumbers, ranking->families.end());
  EXPECT_TRUE(plumbers->previous_projects.has_value());
  EXPECT_FALSE(plumbers->jobs.empty());
}

TEST_F(JobsOnRealData, TheSecurityAgentsSheetHasFigures) {
  auto sheet = jobs_->Sheet("K2503");
  ASSERT_THAT(sheet, IsOk());
  EXPECT_FALSE(sheet->figures.empty());
  EXPECT_EQ(sheet->areas.size(), 4u);
  EXPECT_EQ(sheet->areas[0].short_name, "Centre");
}

TEST_F(JobsOnRealData, UnknownAndMalformedCodes) {
  EXPECT_THAT(jobs_->Sheet("Z9999"), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(jobs_->Sheet("A9999"), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(jobs_->Sheet("<script>"), HasErrorCode(ErrorCode::kInvalidArgument));
}

TEST_F(JobsOnRealData, TheRankingIsOrderedAndHonestAboutSecrets) {
  auto ranking = jobs_->Ranking({});
  ASSERT_THAT(ranking, IsOk());
  EXPECT_EQ(ranking->query.year, 2025);  // the latest by default
  EXPECT_EQ(ranking->years, (std::vector<int>{2023, 2024, 2025}));
  ASSERT_GT(ranking->families.size(), 50u);
  for (std::size_t i = 0; i < ranking->families.size(); ++i) {
    EXPECT_EQ(ranking->families[i].rank, static_cast<int>(i) + 1);
    if (i > 0) {
      EXPECT_GE(ranking->families[i - 1].score, ranking->families[i].score);
    }
  }
  // Over the four areas, a family with a secret cell is a lower bound.
  bool any_lower_bound = false;
  for (const auto& f : ranking->families) any_lower_bound |= f.lower_bound;
  EXPECT_TRUE(any_lower_bound);
  // The territory total equals the published sum of the four areas.
  auto centre = jobs_->Ranking({2023, std::string("201"), std::nullopt});
  ASSERT_THAT(centre, IsOk());
  std::int64_t total = 0;
  for (const auto& f : centre->families) total += f.projects.value_or(0);
  EXPECT_GT(total, 0);
}

TEST_F(JobsOnRealData, RankingFiltersAreChecked) {
  EXPECT_THAT(jobs_->Ranking({2025, std::string("999"), std::nullopt}),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(jobs_->Ranking({2019, std::nullopt, std::nullopt}),
              HasErrorCode(ErrorCode::kInvalidArgument));
  auto industry = jobs_->Ranking({2025, std::nullopt, std::string("H")});
  ASSERT_THAT(industry, IsOk());
  ASSERT_FALSE(industry->families.empty());
  for (const auto& f : industry->families) {
    EXPECT_TRUE(std::any_of(f.jobs.begin(), f.jobs.end(), [](const auto& job) {
      return job[0] == 'H';
    })) << f.fap_code;
  }
}

TEST_F(JobsOnRealData, ANewImportIsSeenAtOnce) {
  auto projects_of = [&](const char* fap) {
    auto ranking = jobs_->Ranking({2023, std::string("201"), std::nullopt});
    EXPECT_THAT(ranking, IsOk());
    for (const auto& f : ranking->families)
      if (f.fap_code == fap) return f.projects;
    return std::optional<std::int64_t>{};
  };
  EXPECT_EQ(projects_of("A0Z40"), 253);  // builds and caches the model
  // The same file with one published figure changed (line 2: Agriculteurs salariés, Centre).
  const auto original = SharedData() / "bmo/bmo_martinique_2023_2025.csv";
  const auto changed = db_->scratch().string() + ".bmo.csv";
  {
    std::ifstream in(original);
    std::ofstream out(changed);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (n == 2) line.replace(line.find(",253,"), 5, ",260,");
      out << line << "\n";
    }
  }
  SystemClock clock;
  reference::ImportService service(*store_, clock);
  ASSERT_THAT(service.Import(*importers::Read("bmo", changed)), IsOk());
  EXPECT_EQ(projects_of("A0Z40"), 260);
  ASSERT_THAT(service.Import(*importers::Read("bmo", original)), IsOk());
  EXPECT_EQ(projects_of("A0Z40"), 253);
  std::filesystem::remove(changed);
}

TEST_F(JobsOnRealData, TheCrosswalkSaysWhatItCannotJoin) {
  auto unmapped = jobs_->UnmappedFamilies();
  ASSERT_THAT(unmapped, IsOk());
  std::string list;
  for (const auto& code : *unmapped) list += code + " ";
  std::cout << unmapped->size() << " FAP 2021 families without a FAP 2009 twin: " << list << "\n";
  // Every decision of the overrides file is used: none of its families is left unmapped.
  const auto overrides = ParseFapOverrides(embedded::FapTwins().at(0).bytes);
  EXPECT_GT(overrides.size(), 20u);
  for (const auto& [fap2021, fap2009] : overrides) {
    EXPECT_EQ(std::count(unmapped->begin(), unmapped->end(), fap2021), 0) << fap2021;
  }
  EXPECT_LT(unmapped->size(), 50u);
}

}  // namespace
}  // namespace maplace::jobs
