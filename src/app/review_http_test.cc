// Whole-server tests of the year-end review « Perspektiv Alternance » (issue 9 §4) on the demo
// workshops and POEC (made around today: the services check registrations against the clock)
// and two BMO surveys written for the test: the page, the
// workbook (the same bytes when regenerated) and the PDF, whose first page is rendered to PNG
// by pdftoppm and read back by pdftotext (poppler-utils); route × role.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "cli/demo_command.h"
#include "cli/demo_workshops.h"
#include "core/error_matchers.h"
#include "domain/conventions/convention_service.h"
#include "domain/reference/tables.h"
#include "domain/review/review_text.h"

namespace maplace::app {
namespace {

using people::Role;
using testing_http::HttpClient;

constexpr UnixSeconds kDay = 24 * 3600;

// The demo's day: today, or ten days before when its past workshop and POEC outcomes (30 to 21
// days before it) would straddle New Year; its registrations need it to be less than 14 days
// ago.
UnixSeconds DemoDay() {
  const UnixSeconds now = std::time(nullptr);
  const bool straddles =
      MartiniqueDate(now - 30 * kDay).year() != MartiniqueDate(now - 21 * kDay).year();
  return straddles ? now - 10 * kDay : now;
}

// Runs a command; its standard output, or "" when it failed.
std::string Output(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  return pclose(pipe) == 0 ? out : "";
}

// pdftotext writes the no-break spaces it finds; the checks read them as spaces.
std::string Spaced(std::string text) {
  for (const std::string nbsp : {"\u00a0", "\u202f"}) {
    for (auto at = text.find(nbsp); at != std::string::npos; at = text.find(nbsp, at + 1))
      text.replace(at, nbsp.size(), " ");
  }
  return text;
}

class ReviewHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("review");
    auto platform = Platform::Open(TestConfig(dir_));
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
    namespace t = reference::tables;
    using reference::Row;
    // Centre: welders rise into tension (30 % → 70 %), cooks fall (80 % → 40 %), cleaners stay
    // in tension (55 % → 60 %), gardeners have too few projects to count. Sud: the welders'
    // 2025 figures are secret, so nothing is compared there.
    auto bmo = [](const char* year, const char* fap, const char* area, const char* label,
                  std::optional<std::string> projects, std::optional<std::string> difficult) {
      return Row{year, fap, area, label, "Z", "Autres métiers", projects, difficult, "0"};
    };
    ASSERT_THAT(platform_->store().Write([&](Repositories& r) -> Status {
      const std::vector<std::pair<const reference::TableSpec*, std::vector<Row>>> tables = {
          {&t::EmploymentAreas(), {{"201", "MARTINIQUE CENTRE"}, {"203", "MARTINIQUE SUD"}}},
          {&t::Communes(),
           {{"97213", "Le Lamentin", "972", "40000"}, {"97227", "Sainte-Anne", "972", "4500"}}},
          {&t::CommuneAreas(), {{"97213", "201"}, {"97227", "203"}}},
          {&t::BmoFigures(),
           {bmo("2024", "D1X33", "201", "Soudeurs", "40", "12"),
            bmo("2025", "D1X33", "201", "Soudeurs", "50", "35"),
            bmo("2024", "S1X40", "201", "Cuisiniers", "100", "80"),
            bmo("2025", "S1X40", "201", "Cuisiniers", "100", "40"),
            bmo("2024", "T4X60", "201", "Agents d'entretien", "100", "55"),
            bmo("2025", "T4X60", "201", "Agents d'entretien", "100", "60"),
            bmo("2025", "A1X41", "201", "Jardiniers", "8", "8"),
            bmo("2024", "D1X33", "203", "Soudeurs", "20", "10"),
            bmo("2025", "D1X33", "203", "Soudeurs", std::nullopt, std::nullopt)}},
      };
      for (const auto& [spec, rows] : tables)
        if (auto s = r.reference().Sync(*spec, rows); !s) return Fail(s.error());
      return Ok();
    }),
                IsOk());
    auto logins = cli::CreateDemo(platform_->accounts());
    ASSERT_THAT(logins, IsOk());
    logins_ = *logins;
    // A partner's convention in force this year, with one commitment of two met.
    auto manager = platform_->accounts().CreateUser(
        {"direction@example.mq", "Direction", Role::kManager, "un manguier à Sainte-Anne"});
    ASSERT_THAT(manager, IsOk());
    const people::Actor director{manager->id, Role::kManager, "direction@example.mq", "Direction"};
    auto partner = platform_->accounts().CreateOrganisation(
        {0, people::OrganisationKind::kPartner, "Agence de mobilité (test)"});
    ASSERT_THAT(partner, IsOk());
    conventions::ConventionInput convention;
    convention.organisation_id = *partner;
    convention.object = "Mobilité en alternance";
    convention.starts_on = y_ + "-01-01";
    convention.ends_on = y_ + "-12-31";
    convention.amount_cents = 5'000'000;
    auto id = platform_->conventions().Create(director, convention);
    ASSERT_THAT(id, IsOk());
    for (const char* what : {"Jeunes partis en mobilité", "Employeurs informés"}) {
      auto commitment =
          platform_->conventions().AddCommitment(director, *id, {what, what, "10", y_ + "-12-31"});
      ASSERT_THAT(commitment, IsOk());
      if (std::string(what) == "Employeurs informés") {
        ASSERT_THAT(
            platform_->conventions().RecordProgress(director, *commitment, {"10", "met", "Fait."}),
            IsOk());
      }
    }
    ASSERT_THAT(cli::CreateDemoWorkshops(platform_->store(), platform_->workshops(),
                                         platform_->poec(), demo_day_),
                IsOk());
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient As(Role role) {
    HttpClient client(base_);
    for (const auto& login : logins_) {
      if (login.role != role) continue;
      auto session = platform_->accounts().Login(login.email, login.password, "127.0.0.1");
      EXPECT_THAT(session, IsOk());
      if (session) client.cookies["maplace_session"] = session->token;
    }
    return client;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
  std::vector<cli::DemoLogin> logins_;
  const UnixSeconds demo_day_ = DemoDay();
  // The year of the demo's past workshop and POEC outcomes, in Martinique.
  const int year_ = static_cast<int>(MartiniqueDate(demo_day_ - 30 * kDay).year());
  const std::string y_ = std::to_string(year_);
  std::string Path(const std::string& base) const { return base + "?annee=" + y_; }
};

TEST_F(ReviewHttpTest, OnlyTheSteeringStaffSeeTheReview) {
  const std::vector<std::string> paths = {Path("/pilotage/perspektiv"),
                                          Path("/pilotage/perspektiv.pdf"),
                                          Path("/pilotage/perspektiv.xlsx")};
  for (Role role : people::kAllRoles) {
    const bool allowed = role == Role::kAdvisor || role == Role::kManager || role == Role::kFinance;
    auto client = As(role);
    for (const auto& path : paths) {
      auto response = client.Get(path);
      EXPECT_EQ(response.status, allowed ? 200 : 403) << people::RoleCode(role) << " " << path;
      if (!allowed) {
        EXPECT_FALSE(Contains(response.body, "Soudeurs")) << path;
      }
    }
  }
  HttpClient visitor(base_);
  for (const auto& path : paths) EXPECT_EQ(visitor.Get(path).status, 303) << path;
  // A year outside 2020–2100, or not a year, is refused in French.
  auto manager = As(Role::kManager);
  for (const char* bad : {"1999", "deux-mille", "2101"}) {
    auto response = manager.Get(std::string("/pilotage/perspektiv?annee=") + bad);
    EXPECT_EQ(response.status, 422) << bad;
    EXPECT_TRUE(Contains(response.body, "Choisissez une année entre 2020 et 2100.")) << bad;
    EXPECT_EQ(manager.Get(std::string("/pilotage/perspektiv.pdf?annee=") + bad).status, 422);
  }
}

TEST_F(ReviewHttpTest, ThePageShowsTheActionsTheTensionAndOneSheetPerCfa) {
  auto page = As(Role::kManager).Get(Path("/pilotage/perspektiv"));
  ASSERT_EQ(page.status, 200);
  const std::string body = Spaced(page.body);
  EXPECT_TRUE(Contains(body, "Perspektiv Alternance " + y_));
  EXPECT_TRUE(Contains(body, "href=\"" + Path("/pilotage/perspektiv.pdf") + "\""));
  EXPECT_TRUE(Contains(body, "href=\"" + Path("/pilotage/perspektiv.xlsx") + "\""));
  // The demo's past workshop: one person of the demo CFA, present, rated 5; the same person
  // holds a seat at the upcoming one, in this year too unless it falls after New Year.
  const bool upcoming_this_year =
      MartiniqueDate(demo_day_ + 14 * kDay).year() == MartiniqueDate(demo_day_ - 30 * kDay).year();
  const std::string workshops =
      upcoming_this_year ? "2 sessions, 2 places réservées" : "1 session, 1 place réservée";
  EXPECT_TRUE(Contains(body, workshops + ", 1 personne présente de 1 organisation ; en " +
                                 std::to_string(year_ - 1) + " : 0 session, 0 personne présente."))
      << workshops;
  EXPECT_TRUE(Contains(body, "Satisfaction : 5,0 sur 5 (1 réponse au questionnaire)."));
  // The demo POEC: nine hired in eight companies, none the year before.
  EXPECT_TRUE(Contains(body, "9 personnes recrutées dans 8 entreprises"));
  EXPECT_TRUE(
      Contains(body, fmt::format("en {} : 0 personne recrutée dans 0 entreprise.", year_ - 1)));
  // BMO 2025 against 2024, area by area.
  EXPECT_TRUE(Contains(body, "Bassin Centre : 2 familles en tension en 2025"));
  EXPECT_TRUE(Contains(body, "Bassin Sud : 0 famille en tension en 2025"));
  EXPECT_TRUE(Contains(body,
                       "<th scope=\"row\">Soudeurs</th><td>hausse</td><td>50</td>"
                       "<td>30,0 %</td><td>70,0 %</td><td>+40,0</td>"));
  EXPECT_TRUE(Contains(body,
                       "<th scope=\"row\">Cuisiniers</th><td>baisse</td><td>100</td>"
                       "<td>80,0 %</td><td>40,0 %</td><td>−40,0</td>"));
  EXPECT_TRUE(Contains(body, "Nouvellement en tension : Soudeurs (70,0 %)"));
  EXPECT_FALSE(Contains(body, "Jardiniers"));  // 8 projects: too few to compare
  // One sheet per validated CFA, with its contracts from the register (none in this demo).
  EXPECT_TRUE(Contains(body, "Fiches CFA"));
  EXPECT_TRUE(Contains(body, "<dt>Personnes présentes aux ateliers</dt><dd>1</dd>"));
  EXPECT_TRUE(Contains(body, "<dt>Ruptures de contrat</dt><dd>0</dd>"));
  EXPECT_TRUE(Contains(body,
                       "<th scope=\"row\">Agence de mobilité (test)</th><td>Mobilité en "
                       "alternance</td><td>01/01/" +
                           y_ + " – 31/12/" + y_ + "</td><td>1 sur 2</td>"));
  EXPECT_FALSE(Contains(body, "50 000,00"));  // its money is not the review's
}

TEST_F(ReviewHttpTest, TheWorkbookIsTheSameBytesWhenRegenerated) {
  auto manager = As(Role::kManager);
  auto first = manager.Get(Path("/pilotage/perspektiv.xlsx"));
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body.substr(0, 2), "PK");
  EXPECT_TRUE(
      Contains(first.Header("content-disposition"), "perspektiv-alternance-" + y_ + ".xlsx"));
  auto second = As(Role::kAdvisor).Get(Path("/pilotage/perspektiv.xlsx"));
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(first.body, second.body);
  // Another year is another workbook.
  EXPECT_NE(manager.Get("/pilotage/perspektiv.xlsx?annee=" + std::to_string(year_ - 1)).body,
            first.body);
}

TEST_F(ReviewHttpTest, ThePdfReadsInFrenchWithPageNumbersAndRendersToPng) {
  auto manager = As(Role::kManager);
  auto pdf = manager.Get(Path("/pilotage/perspektiv.pdf"));
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  ASSERT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(manager.Get(Path("/pilotage/perspektiv.pdf")).body, pdf.body);  // same file
  const auto file = dir_ / "perspektiv.pdf";
  std::ofstream(file, std::ios::binary) << pdf.body;

  // Page 1, rendered as an image: a real page of A4 proportions.
  const auto png = dir_ / "page";
  ASSERT_EQ(Output("pdftoppm -png -r 40 -f 1 -l 1 -singlefile '" + file.string() + "' '" +
                   png.string() + "' && echo ok"),
            "ok\n");
  std::ifstream image(png.string() + ".png", std::ios::binary);
  std::string header(24, '\0');
  image.read(header.data(), 24);
  ASSERT_EQ(header.substr(1, 3), "PNG");
  auto big_endian = [&](std::size_t at) {
    return (static_cast<unsigned char>(header[at]) << 24) |
           (static_cast<unsigned char>(header[at + 1]) << 16) |
           (static_cast<unsigned char>(header[at + 2]) << 8) |
           static_cast<unsigned char>(header[at + 3]);
  };
  EXPECT_EQ(big_endian(16), 331u);  // 595 points at 40 dpi
  EXPECT_EQ(big_endian(20), 468u);  // 842 points

  const std::string info = Output("pdfinfo '" + file.string() + "'");
  const std::string pages = Match(info, R"(Pages:\s+([0-9]+))");
  ASSERT_FALSE(pages.empty()) << info;
  EXPECT_GE(std::stoi(pages), 5);  // results, actions, tension, a CFA, what is missing
  EXPECT_EQ(Match(info, R"(Title:\s+([^\n]+))"), "Perspektiv Alternance " + y_) << info;

  const std::string first = Spaced(Output("pdftotext -f 1 -l 1 -layout '" + file.string() + "' -"));
  EXPECT_TRUE(Contains(first, "Perspektiv Alternance " + y_)) << first;
  EXPECT_TRUE(Contains(first, fmt::format("Résultats {} et {}", year_, year_ - 1))) << first;
  EXPECT_TRUE(Contains(first, "Arrêté au 31 décembre " + y_ + ".")) << first;
  EXPECT_TRUE(Contains(first, "Page 1 sur " + pages)) << first;
  EXPECT_TRUE(Contains(first, "Sessions d'ateliers")) << first;  // the chart's labels

  const std::string all = Spaced(Output("pdftotext -layout '" + file.string() + "' -"));
  EXPECT_TRUE(Contains(all, "Page " + pages + " sur " + pages)) << all;
  EXPECT_TRUE(Contains(all, "9 personnes recrutées dans 8 entreprises")) << all;
  EXPECT_TRUE(Contains(all, "Bassin Centre : 2 familles en tension en 2025")) << all;
  EXPECT_TRUE(Contains(all, "+40,0 pts")) << all;  // the welders' bar
  EXPECT_TRUE(Contains(all, "−40,0 pts")) << all;  // the cooks'
  EXPECT_TRUE(Contains(all, "Nouvellement en tension : Soudeurs (70,0 %)")) << all;
  EXPECT_TRUE(Contains(all, "Fiche CFA : ")) << all;
  EXPECT_TRUE(Contains(all, "Mobilité en alternance")) << all;  // the convention
  // French typography: pdftotext reads no-break spaces back as spaces, so the text set is
  // checked where it is made.
  EXPECT_EQ(review::FrenchSpacing("Bassin Centre : 2 ; « Soudeurs » ?"),
            "Bassin Centre\u00a0: 2\u202f; «\u00a0Soudeurs\u00a0»\u202f?");
}

}  // namespace
}  // namespace maplace::app
