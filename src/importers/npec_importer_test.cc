// `maplace import npec` on the fixtures of testdata/npec (see its PROVENANCE.md), on SQLite,
// PostgreSQL (MAPLACE_TEST_POSTGRES_URL) and the in-memory store.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"
#include "domain/reference/import_service.h"
#include "importers/importers.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::importers {
namespace {

std::filesystem::path Fixture(const std::string& name) {
  const std::string source = storage::EnvOr("MAPLACE_SOURCE_DIR");
  return std::filesystem::path(source.empty() ? "." : source) / "src/importers/testdata/npec" /
         name;
}

// A copy of a fixture with line `line_number` replaced (or removed when `replacement` is
// nullopt), in `folder`.
std::filesystem::path Edited(const std::filesystem::path& folder, std::size_t line_number,
                             const std::optional<std::string>& replacement) {
  std::ifstream in(Fixture("referentiel_npec.csv"));
  const auto to = folder / "edited.csv";
  std::ofstream out(to);
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (n != line_number)
      out << line << "\n";
    else if (replacement)
      out << *replacement << "\n";
  }
  return to;
}

constexpr char kLabel[] = "Titre fictif de test : agent de maintenance";

class NpecImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && storage::EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    if (GetParam() == "memory") {
      store_ = std::make_unique<fakes::InMemoryStore>();
      folder_ = std::filesystem::temp_directory_path() /
                ("maplace-npec-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    } else {
      db_ = std::make_unique<storage::TestDatabase>(GetParam());
      auto store = storage::OpenAndMigrate(StorageConfig{db_->url(), 2});
      ASSERT_THAT(store, IsOk());
      store_ = std::move(*store);
      folder_ = db_->scratch().string() + ".d";
    }
    std::filesystem::create_directories(folder_);
    service_ = std::make_unique<reference::ImportService>(*store_, clock_);
  }
  void TearDown() override {
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
  }

  Result<reference::ImportReport> Import(const std::filesystem::path& path) {
    auto dataset = Read("npec", path);
    if (!dataset) return Fail(dataset.error());
    return service_->Import(*dataset);
  }
  std::vector<aids::Npec> Branches(const std::string& rncp) {
    std::vector<aids::Npec> out;
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      auto found = r.aids().NpecsForCertification(rncp);
      if (!found) return Fail(found.error());
      out = std::move(*found);
      return Ok();
    }),
                IsOk());
    return out;
  }
  Result<aids::Npec> Find(const std::string& rncp, const std::string& cpne) {
    Result<aids::Npec> out = Fail(ErrorCode::kInternal, "not read");
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      out = r.aids().FindNpec(rncp, cpne);
      return Ok();
    }),
                IsOk());
    return out;
  }

  std::unique_ptr<storage::TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::filesystem::path folder_;
  SystemClock clock_;
  std::unique_ptr<reference::ImportService> service_;
};

TEST_P(NpecImportTest, ReadsTheReferentielExport) {
  auto report = Import(Fixture("referentiel_npec.csv"));
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->rows_read, 6);  // the blank line is not a row
  EXPECT_EQ(report->total, (reference::SyncCounts{5, 0, 0, 0}));
  EXPECT_EQ(report->source.publisher, "France compétences");
  EXPECT_EQ(report->warnings.size(), 2u);  // one NC, one pair with two dates

  // The published values (api-apprentissage's test of the April 2024 référentiel).
  auto published = Find("RNCP1002", "2");
  ASSERT_THAT(published, IsOk());
  EXPECT_EQ(*published, (aids::Npec{"RNCP1002", "2", "CNPE des sociétés financières",
                                    "Mise en oeuvre caoutchoucs élastomères thermoplastiques",
                                    949700, ParseIsoDate("2023-10-15"), "A"}));
  EXPECT_THAT(Find("RNCP1002", "4"), HasErrorCode(ErrorCode::kNotFound));  // NC: not set yet

  // Every branch of a certification, lowest first; the 2025 amount replaced the 2024 one.
  auto branches = Branches("RNCP99901");
  ASSERT_EQ(branches.size(), 2u);
  EXPECT_EQ(branches[0], (aids::Npec{"RNCP99901", "9002", "CPNE fictive B", kLabel, 650050,
                                     ParseIsoDate("2025-09-01"), "A"}));
  EXPECT_EQ(branches[1].cpne_code, "9001");
  EXPECT_EQ(branches[1].yearly_cents, 700000);
  // One cell, two fiches; 8 123,456 € rounds to the cent; no date given.
  for (const char* rncp : {"RNCP99902", "RNCP99903"}) {
    auto both = Find(rncp, "9001");
    ASSERT_THAT(both, IsOk()) << rncp;
    EXPECT_EQ(both->yearly_cents, 812346);
    EXPECT_EQ(both->applicable_from, std::nullopt);
    EXPECT_EQ(both->certification_label, "Titre fictif bis ; deux fiches");
    EXPECT_EQ(both->status, "D");
  }
  EXPECT_TRUE(Branches("RNCP404").empty());
}

TEST_P(NpecImportTest, ASecondImportChangesNothingAndTheWindows1252ExportIsTheSame) {
  ASSERT_THAT(Import(Fixture("referentiel_npec.csv")), IsOk());
  auto again = Import(Fixture("referentiel_npec.csv"));
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->total, (reference::SyncCounts{0, 0, 0, 5}));
  // The same rows exported by Excel in Windows-1252 with commas: nothing changes either.
  auto ansi = Import(Fixture("referentiel_npec_windows1252.csv"));
  ASSERT_THAT(ansi, IsOk());
  EXPECT_EQ(ansi->total, (reference::SyncCounts{0, 0, 0, 5}));
  EXPECT_EQ(Find("RNCP1002", "2")->cpne_label, "CNPE des sociétés financières");
}

TEST_P(NpecImportTest, ANewEditionReplacesTheTable) {
  ASSERT_THAT(Import(Fixture("referentiel_npec.csv")), IsOk());
  // Line 7 (RNCP99901, CPNE 9001) gone, line 8's amount changed.
  const auto changed = folder_ / "changed.csv";
  {
    std::ifstream in(Edited(folder_, 7, std::nullopt));
    std::stringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    text.replace(text.find("6500,5"), 6, "6600");
    std::ofstream(changed) << text;
  }
  auto report = Import(changed);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->total, (reference::SyncCounts{0, 1, 1, 3}));
  EXPECT_THAT(Find("RNCP99901", "9001"), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_EQ(Find("RNCP99901", "9002")->yearly_cents, 660000);
}

TEST_P(NpecImportTest, ABadLineRefusesTheWholeFileAndNamesIt) {
  ASSERT_THAT(Import(Fixture("referentiel_npec.csv")), IsOk());
  const std::string row = "RNCP99901;Titre fictif;Organisme fictif;TP;9001;CPNE fictive A;{};A;{}";
  const struct {
    std::string line;
    std::string message;
  } cases[] = {
      {fmt::format(fmt::runtime(row), "sept mille", "01/09/2025"), ":8: column 'NPEC final'"},
      {fmt::format(fmt::runtime(row), "-7000", "01/09/2025"), ":8: column 'NPEC final'"},
      {fmt::format(fmt::runtime(row), "7000", "31/02/2025"),
       ":8: column 'Date d'applicabilité des NPEC'"},
      {"RNCP-X;Titre;Org;TP;9001;CPNE fictive A;7000;A;", ":8: column 'Code RNCP'"},
      {"RNCP99901;Titre;Org;TP;;CPNE fictive A;7000;A;", ":8: column 'Code CPNE'"},
      {"RNCP99901;Titre;Org;TP;9001;;7000;A;", ":8: column 'CPNE'"},
      // The same pair and date as line 7 with another amount.
      {fmt::format(fmt::runtime(row), "7100", "01/09/2025"), "already has 700000 on line 7"},
  };
  for (const auto& c : cases) {
    auto result = Import(Edited(folder_, 8, c.line));
    ASSERT_THAT(result, HasErrorCode(ErrorCode::kInvalidArgument)) << c.line;
    EXPECT_NE(result.error().message.find(c.message), std::string::npos) << result.error().message;
  }
  // Nothing of the refused files was written.
  EXPECT_EQ(Find("RNCP99901", "9002")->yearly_cents, 650050);
}

TEST_P(NpecImportTest, AFileWithoutTheReferentielHeaderIsRefused) {
  auto renamed = Edited(folder_, 4,
                        "Code RNCP;Libellé de la formation;Certificateur;Libellé du Diplôme;Code "
                        "CPNE;Branche;NPEC final;Statut;Date d'applicabilité des NPEC");
  auto result = Import(renamed);
  ASSERT_THAT(result, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(result.error().message.find(":4: column 'CPNE': required column missing"),
            std::string::npos)
      << result.error().message;

  auto other = Edited(folder_, 4, "rncp;cpne;montant");
  result = Import(other);
  ASSERT_THAT(result, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(result.error().message.find("no header row"), std::string::npos);
  EXPECT_THAT(Import(folder_ / "missing.csv"), HasErrorCode(ErrorCode::kNotFound));
}

INSTANTIATE_TEST_SUITE_P(Stores, NpecImportTest, ::testing::Values("sqlite", "postgres", "memory"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::importers
