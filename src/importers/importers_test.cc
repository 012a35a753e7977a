// Imports of the real open-data files of ../shared/data into an empty store, on SQLite and on
// PostgreSQL (MAPLACE_TEST_POSTGRES_URL).
#include "importers/importers.h"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
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

std::vector<Source> Sources() {
  const std::string source = storage::EnvOr("MAPLACE_SOURCE_DIR");
  return StandardSources(SharedData(),
                         std::filesystem::path(source.empty() ? "." : source) / "node_modules");
}

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
  // Imports every dataset, or only those of the kinds named.
  void ImportAll(std::initializer_list<std::string_view> only = {}) {
    for (const auto& source : Sources()) {
      if (only.size() && std::find(only.begin(), only.end(), source.kind) == only.end()) continue;
      ASSERT_THAT(Import(source.kind, source.path), IsOk()) << source.kind;
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
  EXPECT_EQ(Count("SELECT COUNT(*) FROM communes WHERE department = '972'"), 34);
  EXPECT_GT(Count("SELECT COUNT(*) FROM communes"), 34000);  // all of France
  EXPECT_EQ(Count("SELECT COUNT(*) FROM commune_areas"), 34);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM commune_positions"), 34);
  // Fort-de-France has three postal codes in codes-postaux 4.1.2: 97200, 97212 and 97234.
  EXPECT_EQ(
      Count("SELECT COUNT(DISTINCT postal_code) FROM postal_codes WHERE insee_code = '97209'"), 3);
  EXPECT_EQ(Count("SELECT population FROM communes WHERE insee_code = '97201'"), 1682);
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
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dataset_imports"), 15);
}

TEST_P(ImportTest, TheCataloguesLoadCompletely) {
  ImportAll();
  // Certif Info: 7121 rows (PROVENANCE.md), 62 codes repeated once per ONISEP code.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications"), 7041);
  // 16552 links (PROVENANCE.md), the repeated certifications repeating theirs.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certification_rome"), 16222);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfas"), 20);
  // 393 rows (PROVENANCE.md), 3 of them national agreements without an IDCC.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM collective_agreements"), 390);
  // 4086 rows (PROVENANCE.md), 115 of them repeats.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opco_certifications"), 3971);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opco_certifications WHERE opco = 'akto'"), 164);

  // PROVENANCE.md's example, with its ROME link.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE certifinfo_code = '53259' AND "
                  "label = 'BP charpentier de marine' AND level = 4 AND rncp_code = 'RNCP38410' "
                  "AND cfd_code = '45023407' AND apprenticeship = 1"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certification_rome WHERE certifinfo_code = '53259' AND "
                  "rome_code = 'H2206' AND rank = 1"),
            1);
  // Missing values are NULL, never 0 or "": no level, no RNCP fiche, no CFD, a fiche the kit
  // does not list (RNCP38410 is newer than the kit).
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE level IS NULL"), 969);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE level < 3 OR level > 8"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE rncp_code IS NULL"), 1729);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE cfd_code IS NULL"), 3345);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE rncp_code = '' OR cfd_code = ''"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE certifinfo_code = '53259' AND "
                  "rncp_apprenticeship IS NULL"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE rncp_apprenticeship IS NULL"), 4177);
  // Certif Info's 2 is kept as published, not read as yes, even where the kit says oui.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE apprenticeship = 2"), 1304);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE certifinfo_code = '92903' AND "
                  "apprenticeship = 2 AND rncp_apprenticeship = 1"),
            1);
  // The kit fills the code Certif Info leaves empty when it gives exactly one.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE certifinfo_code = '13143' AND "
                  "rncp_code = 'RNCP4220' AND cfd_code = '17022007' AND rncp_apprenticeship = 1"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications WHERE certifinfo_code = '12711' AND "
                  "rncp_code = 'RNCP10980' AND cfd_code = '1703260F'"),
            1);

  // One establishment per SIRET: the EPLEFPA de Croix-Rivail has two sites.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfas WHERE name = 'EPLEFPA DE CROIX-RIVAIL'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfas WHERE siret = '18972002200202' AND uai = '9720826R' "
                  "AND postal_code = '97233' AND commune = 'Schœlcher' AND "
                  "trade_name = 'CENTRE DE FORMATION DES APPRENTIS'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfas WHERE trade_name IS NULL"), 6);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfas WHERE trade_name = '' OR uai = '' OR "
                  "postal_code IS NULL"),
            0);

  EXPECT_EQ(Count("SELECT COUNT(*) FROM collective_agreements WHERE idcc = '0016' AND "
                  "short_title = 'Transports routiers et activités auxiliaires du transport'"),
            1);
}

TEST_P(ImportTest, TheCataloguesReadEveryRowOfTheirFiles) {
  // The row counts of each PROVENANCE.md.
  auto certifications = Read("certifications", SharedData() / "certifications");
  ASSERT_THAT(certifications, IsOk());
  EXPECT_EQ(certifications->rows_read, 7121 + 16552 + 5707);
  // Codes the kit cannot fill because it gives several counterparts.
  ASSERT_EQ(certifications->warnings.size(), 2u);
  EXPECT_EQ(certifications->warnings[0].rfind("5 certifications without an RNCP code", 0), 0u);
  EXPECT_EQ(certifications->warnings[1].rfind("4 certifications without a CFD", 0), 0u);
  auto cfas = Read("cfa", SharedData() / "cfa/organismes_formation_apprentissage_martinique.csv");
  ASSERT_THAT(cfas, IsOk());
  EXPECT_EQ(cfas->rows_read, 20);
  auto idcc = Read("idcc", SharedData() / "idcc");
  ASSERT_THAT(idcc, IsOk());
  EXPECT_EQ(idcc->rows_read, 393 + 4086);
  EXPECT_EQ(idcc->warnings, std::vector<std::string>{"3 agreements without an IDCC were left out"});
}

TEST_P(ImportTest, TheKitIsOptional) {
  const auto from = SharedData() / "certifications";
  const auto to = scratch() / "certifinfo";
  std::filesystem::create_directories(to);
  for (const char* name : {"certifinfo_certifications.csv", "certifinfo_rome.csv"})
    std::filesystem::copy_file(from / name, to / name);
  auto dataset = Read("certifications", to);
  ASSERT_THAT(dataset, IsOk());
  EXPECT_EQ(dataset->rows_read, 7121 + 16552);
  ASSERT_EQ(dataset->tables.at(0).second.size(), 7041u);
  std::size_t without_rncp = 0, with_kit_access = 0;
  for (const auto& row : dataset->tables.at(0).second) {
    without_rncp += !row.at(4).has_value();
    with_kit_access += row.at(7).has_value();
  }
  EXPECT_EQ(without_rncp, 1729u + 39u);  // the 39 codes the kit fills stay empty
  EXPECT_EQ(with_kit_access, 0u);
}

TEST_P(ImportTest, ASecondImportChangesNothing) {
  ImportAll();
  for (const auto& source : Sources()) {
    auto again = Import(source.kind, source.path);
    ASSERT_THAT(again, IsOk());
    EXPECT_EQ(again->total.added, 0) << source.kind;
    EXPECT_EQ(again->total.changed, 0) << source.kind;
    EXPECT_EQ(again->total.removed, 0) << source.kind;
    EXPECT_GT(again->total.unchanged, 0) << source.kind;
  }
}

TEST_P(ImportTest, ABrokenRowRefusesTheWholeFileAndNamesItsLine) {
  ImportAll({"bmo"});
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

// The real line `number` of a shared file.
std::string LineOf(const std::filesystem::path& path, std::size_t number) {
  std::ifstream in(path);
  std::string line;
  for (std::size_t n = 1; n <= number; ++n) std::getline(in, line);
  return line;
}

std::string Replaced(std::string line, const std::string& from, const std::string& to) {
  const auto at = line.find(from);
  EXPECT_NE(at, std::string::npos) << from << " not in " << line;
  if (at != std::string::npos) line.replace(at, from.size(), to);
  return line;
}

TEST_P(ImportTest, ABadCertificationLevelRefusesTheFolder) {
  ImportAll({"certifications"});
  const auto from = SharedData() / "certifications";
  const auto to = scratch() / "certifications";
  std::filesystem::create_directories(to);
  for (const char* name : {"certifinfo_rome.csv", "kit_apprentissage_cfd_rncp_20231218.csv"})
    std::filesystem::copy_file(from / name, to / name);
  // Line 596 is the BP charpentier de marine, level 4.
  const auto file = from / "certifinfo_certifications.csv";
  CopyWithLine(file, to / "certifinfo_certifications.csv", 596,
               Replaced(LineOf(file, 596), ",450,4,38410,", ",450,9,38410,"));
  auto refused = Import("certifications", to);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(
      refused.error().message.find("certifinfo_certifications.csv:596: column "
                                   "'niveau_europeen': '9' is not a level (3 to 8, or empty)"),
      std::string::npos)
      << refused.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certifications"), 7041);
  EXPECT_EQ(Count("SELECT level FROM certifications WHERE certifinfo_code = '53259'"), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM certification_rome"), 16222);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dataset_imports WHERE kind = 'certifications'"), 1);
}

TEST_P(ImportTest, ABadSiretRefusesTheCfaFile) {
  ImportAll({"cfa"});
  const auto file = SharedData() / "cfa/organismes_formation_apprentissage_martinique.csv";
  // Line 21 is the CCI's CFA, 18972002200202: one digit off fails the Luhn check.
  const auto broken = CopyWithLine(file, scratch() / "cfa.csv", 21,
                                   Replaced(LineOf(file, 21), "18972002200202", "18972002200203"));
  auto refused = Import("cfa", broken);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(refused.error().message.find(
                "cfa.csv:21: column 'siret': '18972002200203' fails the SIRET check digit"),
            std::string::npos)
      << refused.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfas"), 20);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfas WHERE siret = '18972002200202'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dataset_imports WHERE kind = 'cfa'"), 1);
}

TEST_P(ImportTest, LaPosteSiretsHaveTheirOwnCheck) {
  const auto file = SharedData() / "cfa/organismes_formation_apprentissage_martinique.csv";
  // La Poste (SIREN 356000000): the sum of the digits is a multiple of 5, Luhn does not apply.
  const auto accepted =
      CopyWithLine(file, scratch() / "poste.csv", 21,
                   Replaced(LineOf(file, 21), "18972002200202", "35600000000001"));
  ASSERT_THAT(Import("cfa", accepted), IsOk());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfas WHERE siret = '35600000000001'"), 1);
  const auto refused = CopyWithLine(file, scratch() / "poste2.csv", 21,
                                    Replaced(LineOf(file, 21), "18972002200202", "35600000000002"));
  EXPECT_THAT(Import("cfa", refused), HasErrorCode(ErrorCode::kInvalidArgument));
}

TEST_P(ImportTest, ABadIdccRefusesTheFolder) {
  ImportAll({"idcc"});
  const auto from = SharedData() / "idcc";
  const auto to = scratch() / "idcc";
  std::filesystem::create_directories(to);
  std::filesystem::copy_file(from / "opco_rncp_perimetre.csv", to / "opco_rncp_perimetre.csv");
  const auto file = from / "idcc_conventions_collectives.csv";
  CopyWithLine(file, to / "idcc_conventions_collectives.csv", 2,
               Replaced(LineOf(file, 2), "0016,", "16,"));
  auto refused = Import("idcc", to);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(
      refused.error().message.find(
          "idcc_conventions_collectives.csv:2: column 'idcc': '16' is not an IDCC (4 digits)"),
      std::string::npos)
      << refused.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM collective_agreements WHERE idcc = '0016'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM collective_agreements"), 390);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opco_certifications"), 3971);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dataset_imports WHERE kind = 'idcc'"), 1);
}

TEST_P(ImportTest, AFileThatFailsHalfwayChangesNothing) {
  ImportAll({"bmo"});
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
  ImportAll({"bmo"});
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

TEST_P(ImportTest, TheLastDatasetsLoad) {
  ImportAll({"fap2021", "tension-2021", "diplomas", "cfa-sifa"});
  // The row counts of each PROVENANCE.md.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM fap2021_families"), 341);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM fap2021_families WHERE fap341_code = 'A0X41a' AND "
                  "fap228_code = 'A0X41' AND fap86_code = 'A0X' AND fap22_code = 'A' AND "
                  "fap22_label = 'Agriculture, marine, pêche'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tension_indicators"), 214);
  // 2021;A1101;0203;16,61538462;28,25;5;5;1;5;4;4;5: means in hundredths, rounded.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tension_indicators WHERE year = 2021 AND "
                  "rome_code = 'A1101' AND area_code = '203' AND offers_x100 = 1662 AND "
                  "job_seekers_x100 = 2825 AND tension = 5 AND labour_shortage = 1 AND "
                  "training_specificity = 5"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tension_indicators WHERE tension = 5"), 60);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tension_indicators WHERE area_code NOT IN "
                  "('201', '202', '203', '204')"),
            0);
  // 577 rows (PROVENANCE.md): 500-23118 U is listed twice, the 2006 diploma and its renovation.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM professional_diplomas"), 576);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM professional_diplomas WHERE cfd_code = '50023118' AND "
                  "rncp_code = 'RNCP37891' AND last_session IS NULL"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM professional_diplomas WHERE cfd_code = '40024202' AND "
                  "diploma_code = '400-24202 V' AND diploma_type = 'BAC PRO' AND level = 4 AND "
                  "rncp_code = 'RNCP751' AND first_session = 1999"),
            1);
  // Two without an RNCP code, one "en cours".
  EXPECT_EQ(Count("SELECT COUNT(*) FROM professional_diplomas WHERE rncp_code IS NULL"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM professional_diplomas WHERE sector IS NULL"), 49);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM professional_diplomas WHERE last_session IS NULL"), 512);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM professional_diplomas WHERE level = 3"), 215);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfa_sifa"), 8);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfa_sifa WHERE siret IS NULL"), 5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfa_sifa WHERE surveyed IS NULL"), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfa_sifa WHERE uai = '9720858A' AND "
                  "siret = '43755645900018' AND postal_code = '97224' AND town = 'DUCOS'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cfa_sifa WHERE siret = '' OR specificity = ''"), 0);

  auto diplomas = Read("diplomas", SharedData() / "certifications" /
                                       "diplomes_professionnels_education_nationale.csv");
  ASSERT_THAT(diplomas, IsOk());
  EXPECT_EQ(diplomas->rows_read, 577);
  EXPECT_EQ(diplomas->warnings, std::vector<std::string>{"1 diplomas replaced by a newer one "
                                                         "with the same code were left out"});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dataset_imports"), 4);
}

TEST_P(ImportTest, ABadQuintileRefusesTheTensionFile) {
  ImportAll({"tension-2021"});
  const auto file = SharedData() / "bmo/tension_rome_bassin_martinique_2021.csv";
  // Line 2 is A1101 in area 0203, whose working conditions are in quintile 4.
  const auto broken =
      CopyWithLine(file, scratch() / "tension.csv", 2,
                   Replaced(LineOf(file, 2), ";28,25;5;5;1;5;4;", ";28,25;5;5;1;5;7;"));
  auto refused = Import("tension-2021", broken);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(refused.error().message.find("tension.csv:2: column 'ind_cond_travail_d': '7' is "
                                         "not a quintile (1 to 5, or empty)"),
            std::string::npos)
      << refused.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tension_indicators"), 214);
  EXPECT_EQ(Count("SELECT working_conditions FROM tension_indicators WHERE rome_code = 'A1101' "
                  "AND area_code = '203'"),
            4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dataset_imports WHERE kind = 'tension-2021'"), 1);
}

TEST_P(ImportTest, UnknownKindsAndMissingFilesAreRefused) {
  EXPECT_THAT(Import("nope", SharedData()), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(Import("bmo", scratch() / "absent.csv"), HasErrorCode(ErrorCode::kNotFound));
}

INSTANTIATE_TEST_SUITE_P(Stores, ImportTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::importers
