// Whole-server tests of steering (issue 9 §2, §3, §5) on the hand-counted dataset of
// storage/reporting_dataset.h: the indicators' API and pages for staff only, with the filters
// applied or said not applicable, the records behind a figure for the roles allowed, the public
// statistics with small counts not published.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"
#include "storage/reporting_dataset.h"

namespace maplace::app {
namespace {

using people::Role;
using testing_http::HttpClient;

class SteeringHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("steering");
    auto platform = Platform::Open(TestConfig(dir_));
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
    ASSERT_THAT(storage::reporting_dataset::Write(platform_->store()), IsOk());
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient SignedIn(Role role, const std::string& email) {
    return app::SignedIn(*platform_, base_, role, email);
  }

  static std::map<std::string, nlohmann::json> ById(const std::string& body) {
    std::map<std::string, nlohmann::json> out;
    const auto parsed = nlohmann::json::parse(body);
    for (const auto& i : parsed.at("indicators")) out[i.at("id").get<std::string>()] = i;
    return out;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
};

TEST_F(SteeringHttpTest, IndicatorsAndTheirRecordsAreForStaffOnly) {
  const std::vector<std::string> gets = {
      "/pilotage?annee=2026", "/api/v1/indicators?year=2026",
      "/pilotage/detail?indicateur=aids.requests&ligne=submitted&annee=2026"};
  struct Who {
    Role role;
    bool staff;
  };
  for (const Who who : {Who{Role::kYoungPerson, false}, Who{Role::kEmployer, false},
                        Who{Role::kCfa, false}, Who{Role::kAdmin, false}, Who{Role::kAdvisor, true},
                        Who{Role::kManager, true}, Who{Role::kFinance, true}}) {
    const std::string role(people::RoleCode(who.role));
    auto client = SignedIn(who.role, role + "@opco.mq");
    for (const auto& path : gets) {
      auto response = client.Get(path);
      EXPECT_EQ(response.status, who.staff ? 200 : 403) << role << " " << path;
      if (!who.staff) {
        EXPECT_FALSE(Contains(response.body, "Kévin Louis")) << role << " " << path;
      }
    }
    // Applications are for advisors and managers; finance sees aid requests only.
    auto applications =
        client.Get("/pilotage/detail?indicateur=applications.funnel&ligne=hired&annee=2026");
    const bool may = who.role == Role::kAdvisor || who.role == Role::kManager;
    EXPECT_EQ(applications.status, may ? 200 : 403) << role;
    EXPECT_EQ(Contains(applications.body, "Hôtel du Centre"), may) << role;
    // The dashboard links to those records only for whom may open them.
    if (who.staff) {
      EXPECT_EQ(Contains(client.Get("/pilotage?annee=2026").body,
                         "indicateur=applications.funnel&amp;ligne=hired"),
                may)
          << role;
    }
  }
  HttpClient visitor(base_);
  EXPECT_EQ(visitor.Get("/api/v1/indicators?year=2026").status, 401);
  EXPECT_EQ(visitor.Get("/pilotage").status, 303);
}

TEST_F(SteeringHttpTest, TheApiGivesEveryFigureWithItsDefinitionAndFilters) {
  auto manager = SignedIn(Role::kManager, "direction2@opco.mq");
  auto all = manager.Get("/api/v1/indicators?year=2026");
  ASSERT_EQ(all.status, 200) << all.body;
  auto i = ById(all.body);
  ASSERT_TRUE(i.contains("applications.funnel")) << all.body.substr(0, 3000);
  EXPECT_EQ(i["applications.funnel"]["value"], 4);
  EXPECT_EQ(i["applications.funnel"]["previous"], 2);
  EXPECT_EQ(i["young_people.accompanied"]["value"], 7);
  EXPECT_EQ(i["hires.tension"]["value"], 1);
  EXPECT_EQ(i["aids.requests"]["value"], 5);
  EXPECT_EQ(i["applications.response_days"]["unit"], "days");
  EXPECT_FALSE(i["budget.paid"]["definition"].get<std::string>().empty());

  auto centre = manager.Get("/api/v1/indicators?year=2026&area=201&opco=akto&rome=M1607");
  ASSERT_EQ(centre.status, 200) << centre.body;
  EXPECT_EQ(nlohmann::json::parse(centre.body)["filters"],
            (nlohmann::json{{"year", 2026}, {"area", "201"}, {"opco", "akto"}, {"rome", "M1607"}}));
  i = ById(centre.body);
  EXPECT_EQ(i["applications.funnel"]["value"], 2);
  EXPECT_EQ(i["applications.funnel"]["filters_applied"],
            (nlohmann::json{"year", "area", "opco", "rome"}));
  EXPECT_EQ(i["aids.requests"]["value"], 2);
  EXPECT_EQ(i["aids.requests"]["filters_not_applicable"], nlohmann::json{"rome"});
  EXPECT_EQ(i["budget.allocated"]["filters_not_applicable"],
            (nlohmann::json{"area", "opco", "rome"}));

  auto bad = manager.Get("/api/v1/indicators?year=2026&area=999&level=12&rome=soudeur");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "level")) << bad.body;
  EXPECT_EQ(manager.Get("/api/v1/indicators?year=1999").status, 422);
  EXPECT_EQ(manager.Get("/api/v1/indicators?year=2026&area=999").status, 422);
  EXPECT_EQ(manager.Get("/api/v1/indicators?year=2026&opco=nope").status, 422);
}

TEST_F(SteeringHttpTest, TheDashboardComparesTheYearsAndListsTheRecordsOfAFigure) {
  auto advisor = SignedIn(Role::kAdvisor, "conseil2@opco.mq");
  auto page = advisor.Get("/pilotage?annee=2026&area=201");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, R"(role="img")"));
  EXPECT_TRUE(Contains(page.body, "Sans objet pour ce chiffre"));
  EXPECT_TRUE(Contains(page.body, R"(<option value="201" selected>)"));
  auto bad = advisor.Get("/pilotage?annee=2026&rome=soudeur");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "Un code ROME est une lettre et quatre chiffres"));

  auto hired =
      advisor.Get("/pilotage/detail?indicateur=applications.funnel&ligne=hired&annee=2026");
  ASSERT_EQ(hired.status, 200);
  EXPECT_TRUE(Contains(hired.body, "Secrétaire"));
  EXPECT_FALSE(Contains(hired.body, "Maçon"));
  auto submitted =
      advisor.Get("/pilotage/detail?indicateur=aids.requests&ligne=submitted&annee=2026&opco=akto");
  ASSERT_EQ(submitted.status, 200);
  EXPECT_TRUE(Contains(submitted.body, "Mélissa Joseph"));
  EXPECT_FALSE(Contains(submitted.body, "Kévin Louis"));  // the builder is Constructys
  EXPECT_EQ(advisor.Get("/pilotage/detail?indicateur=budget.paid&annee=2026").status, 404);
}

TEST_F(SteeringHttpTest, PublicStatisticsLeaveSmallCountsOut) {
  HttpClient visitor(base_);
  auto page = visitor.Get("/statistiques?annee=2026");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "non publié"));
  auto csv = visitor.Get("/statistiques.csv?annee=2026");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(Contains(csv.body, "2026;aids.requests;\"Demandes d'aide\";5\r\n")) << csv.body;
  EXPECT_TRUE(Contains(csv.body, "2026;applications.sent;\"Candidatures envoyées\";non publié"));
  EXPECT_TRUE(Contains(csv.body, "2026;aids.requests.submitted;"));
  EXPECT_FALSE(Contains(csv.body, ";3\r\n"));  // 3 submitted requests: not given out
  EXPECT_EQ(visitor.Get("/statistiques.csv?annee=1999").status, 422);
}

}  // namespace
}  // namespace maplace::app
