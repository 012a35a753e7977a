// Imports of the real open-data files of ../shared/data into an empty store, on SQLite and on
// PostgreSQL (MAPLACE_TEST_POSTGRES_URL).
#include "importers/importers.h"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fstream>
#include <sstream>

#include "core/error_matchers.h"
#include "domain/reference/import_service.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::importers {
namespace {

std::filesystem::path SharedData() {
  const std::string source = storage::EnvOr("MAPLACE_SOURCE_DIR");
  return std::filesystem::path(source.empty() ? "." : source) / ".." / "shared" / "data";
}

struct Source {
  const char* kind;
  const char* path;
};
const Source kSources[] = {
    {"rome", "rome/v460"},
    {"rome-v3", "rome/rome_v346_codes.csv"},
    {"fap-rome", "rome/fap2009_pcs_rome.csv"},
    {"bmo", "bmo/bmo_martinique_2023_2025.csv"},
    {"areas", "bmo/bassins_emploi_martinique.csv"},
    {"communes", "communes/communes_martinique.csv"},
};

// A copy of a shared file with one line replaced, in the test's scratch folder.
std::filesystem::path CopyWithLine(const std::filesystem::path& from,
                                   const std::filesystem::path& to, std::size_t line_number,
                                   const std::string& replacement) {
  std::ifstream in(from);
  std::ofstream out(to);
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    out << (n == line_number ? replacement : line) << "\n";
  }
  return to;
}

class ImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SharedData()))
      GTEST_SKIP() << "no ../shared/data beside the project";
    if (GetParam() == "postgres" && storage::EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<storage::TestDatabase>(GetParam());
    auto store = storage::OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    service_ = std::make_unique<reference::ImportService>(*store_, clock_);
    std::filesystem::create_directories(scratch());
  }
  void TearDown() override {
    if (db_) std::filesystem::remove_all(scratch());
  }
  std::filesystem::path scratch() const { return db_->scratch().string() + ".d"; }

  Result<reference::ImportReport> Import(const std::string& kind,
                                         const std::filesystem::path& path) {
    auto dataset = Read(kind, path);
    if (!dataset) return Fail(dataset.error());
    return service_->Import(*dataset);
  }
  void ImportAll() {
    for (const auto& source : kSources) {
      ASSERT_THAT(Import(source.kind, SharedData() / source.path), IsOk()) << source.kind;
    }
  }
  // A direct query, to check what the store holds.
  std::unique_ptr<soci::session> Sql() {
    const std::string& url = db_->url();
    if (GetParam() == "sqlite")
      return std::make_unique<soci::session>(soci::sqlite3, "db=" + url.substr(9));
    return std::make_unique<soci::session>(soci::postgresql, url);
  }
  long long Count(const std::string& query) {
    long long n = -1;
    *Sql() << query, soci::into(n);
    return n;
  }

  std::unique_ptr<storage::TestDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  SystemClock clock_;
  std::unique_ptr<reference::ImportService> service_;
};

TEST_P(ImportTest, EveryDatasetLoadsCompletely) {
  ImportAll();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM rome_jobs"), 1584);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM rome_job_titles"), 13120);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM rome_grand_domains"), 14);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM rome_v3_labels"), 532);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bmo_figures"), 1287);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employment_areas"), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM communes"), 34);
  EXPECT_GT(Count("SELECT COUNT(*) FROM rome_job_skills"), 50000);
  // The published totals of hiring projects (non-secret cells), PROVENANCE.md.
  EXPECT_EQ(Count("SELECT SUM(projects) FROM bmo_figures WHERE year = 2023"), 16107);
  EXPECT_EQ(Count("SELECT SUM(projects) FROM bmo_figures WHERE year = 2024"), 13711);
  EXPECT_EQ(Count("SELECT SUM(projects) FROM bmo_figures WHERE year = 2025"), 13013);
  // Secret cells are NULL, never 0.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bmo_figures WHERE projects IS NULL"), 264);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bmo_figures WHERE year = 2023 AND fap_code = 'D2Z42' "
                  "AND area_code = '203' AND difficult IS NULL AND projects = 8"),
            1);
  // Texts are unescaped: the official file writes l''entretien.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM rome_jobs WHERE definition LIKE '%''''%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM rome_jobs WHERE code = 'H2913' AND definition <> ''"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dataset_imports"), 6);
}

TEST_P(ImportTest, ASecondImportChangesNothing) {
  ImportAll();
  for (const auto& source : kSources) {
    auto again = Import(source.kind, SharedData() / source.path);
    ASSERT_THAT(again, IsOk());
    EXPECT_EQ(again->total.added, 0) << source.kind;
    EXPECT_EQ(again->total.changed, 0) << source.kind;
    EXPECT_EQ(again->total.removed, 0) << source.kind;
    EXPECT_GT(again->total.unchanged, 0) << source.kind;
  }
}

TEST_P(ImportTest, ABrokenRowRefusesTheWholeFileAndNamesItsLine) {
  ImportAll();
  const auto bmo = SharedData() / "bmo/bmo_martinique_2023_2025.csv";
  const auto broken =
      CopyWithLine(bmo, scratch() / "bmo.csv", 10,
                   "2023,A1Z40,Maraîchers,Z,Autres métiers,02,Martinique,972,Martinique,202,"
                   "MARTINIQUE NORD ATLANTIQUE,douze,4,0,,");
  auto refused = Import("bmo", broken);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(refused.error().message.find("bmo.csv:10: column 'met': 'douze' is not a whole number"),
            std::string::npos)
      << refused.error().message;
  EXPECT_EQ(Count("SELECT SUM(projects) FROM bmo_figures WHERE year = 2023"), 16107);
}

TEST_P(ImportTest, AFileThatFailsHalfwayChangesNothing) {
  ImportAll();
  // Line 1200 is a 2025 row: earlier rows are valid and read, yet none of them is kept.
  const auto bmo = SharedData() / "bmo/bmo_martinique_2023_2025.csv";
  std::ifstream in(bmo);
  std::stringstream all;
  all << in.rdbuf();
  std::string content = all.str();
  // Change a figure in line 2 (kept valid) and break line 1200.
  auto path = CopyWithLine(bmo, scratch() / "step1.csv", 2,
                           "2023,A0Z40,Agriculteurs salariés,Z,Autres métiers,02,Martinique,972,"
                           "Martinique,201,MARTINIQUE CENTRE,254,145,72,57.1,28.3");
  auto broken = CopyWithLine(path, scratch() / "step2.csv", 1200, "2025,???");
  ASSERT_THAT(Import("bmo", broken), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(Count("SELECT projects FROM bmo_figures WHERE year = 2023 AND fap_code = 'A0Z40' "
                  "AND area_code = '201'"),
            253);
  // The valid change alone is one changed row.
  auto changed = Import("bmo", path);
  ASSERT_THAT(changed, IsOk());
  EXPECT_EQ(changed->total.changed, 1);
  EXPECT_EQ(changed->total.added + changed->total.removed, 0);
}

TEST_P(ImportTest, AYearFileReplacesOnlyItsYear) {
  ImportAll();
  // A file holding only the 2024 rows, one of them removed.
  const auto bmo = SharedData() / "bmo/bmo_martinique_2023_2025.csv";
  std::ifstream in(bmo);
  std::ofstream out(scratch() / "bmo2024.csv");
  std::string line;
  int kept = 0;
  bool dropped = false;
  for (int n = 0; std::getline(in, line); ++n) {
    if (n == 0 || line.rfind("2024,", 0) == 0) {
      if (n > 0 && !dropped) {
        dropped = true;
        continue;
      }
      out << line << "\n";
      kept += n > 0;
    }
  }
  out.close();
  auto report = Import("bmo", scratch() / "bmo2024.csv");
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->total.removed, 1);
  EXPECT_EQ(report->total.unchanged, kept);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bmo_figures WHERE year = 2023"), 416);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bmo_figures WHERE year = 2025"), 425);
}

TEST_P(ImportTest, UnknownKindsAndMissingFilesAreRefused) {
  EXPECT_THAT(Import("nope", SharedData()), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(Import("bmo", scratch() / "absent.csv"), HasErrorCode(ErrorCode::kNotFound));
}

INSTANTIATE_TEST_SUITE_P(Stores, ImportTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::importers
