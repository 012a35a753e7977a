// Whole-server tests of the contracts register and the follow-up (issue 8 §3): every new
// route refuses employers, CFAs and young people (even the apprentice whose record it is), and
// nothing of a follow-up or a note reaches them; a sensitive note is hidden from an advisor who
// is neither the referent nor its author.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"

namespace maplace::app {
namespace {

using people::Role;
using testing_http::HttpClient;

class ContractsHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("contracts");
    auto platform = Platform::Open(TestConfig(dir_));
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
    NewOrganisation(*platform_, {.kind = people::OrganisationKind::kEmployer,
                                 .name = "Hôtel Bleu",
                                 .siret = "73282932000074",
                                 .created_at = 1});
    NewOrganisation(*platform_, {.kind = people::OrganisationKind::kCfa,
                                 .name = "CFA Caraïbes",
                                 .siret = "55210055400013",
                                 .uai = "9720001A",
                                 .created_at = 1});
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient SignedIn(Role role, const std::string& email) {
    return app::SignedIn(*platform_, base_, role, email);
  }

  // A contract entered through the form; returns its id.
  std::string NewContract(HttpClient& advisor, const std::string& email,
                          const std::string& pay_year1) {
    auto form = advisor.Get("/conseil/contrats/nouveau");
    EXPECT_EQ(form.status, 200);
    auto created =
        advisor.PostForm("/conseil/contrats/nouveau", {{"csrf", Csrf(form)},
                                                       {"kind", "apprentissage"},
                                                       {"state", "running"},
                                                       {"last_name", "Joseph"},
                                                       {"first_name", "Léa"},
                                                       {"birth_date", "2009-06-10"},
                                                       {"email", email},
                                                       {"employer_siret", "73282932000074"},
                                                       {"cfa", "9720001A"},
                                                       {"rncp_code", "RNCP35632"},
                                                       {"certification_title", "CAP Cuisine"},
                                                       {"level", "3"},
                                                       {"concluded_on", "2026-08-20"},
                                                       {"starts_on", "2026-09-01"},
                                                       {"ends_on", "2028-08-31"},
                                                       {"tutor_name", "Marc Chef"},
                                                       {"pay_year1", pay_year1},
                                                       {"pay_year2", "1200"}});
    EXPECT_EQ(created.status, 303) << created.body;
    return Match(created.Header("location"), "/conseil/contrats/([0-9]+)");
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
};

TEST_F(ContractsHttpTest, EveryContractRouteIsForStaffOnly) {
  auto advisor = SignedIn(Role::kAdvisor, "conseil@example.mq");
  // The apprentice has an account: she must not read her own follow-up either.
  auto young = SignedIn(Role::kYoungPerson, "lea@example.mq");
  const std::string contract = NewContract(advisor, "lea@example.mq", "1 000");
  ASSERT_FALSE(contract.empty());
  auto page = advisor.Get("/conseil/contrats/" + contract);
  ASSERT_EQ(page.status, 200);
  const std::string apprentice = Match(page.body, R"re(/conseil/apprentis/([0-9]+))re");
  ASSERT_FALSE(apprentice.empty());
  const std::string record = "/conseil/apprentis/" + apprentice;
  const std::string csrf = Csrf(page);
  ASSERT_EQ(advisor
                .PostForm(record + "/notes",
                          {{"csrf", csrf}, {"note", "Suivi médical XYZ"}, {"sensitive", "1"}})
                .status,
            303);
  ASSERT_EQ(
      advisor.PostForm(record + "/notes", {{"csrf", csrf}, {"note", "Appel au tuteur ABC"}}).status,
      303);
  ASSERT_EQ(advisor
                .PostForm(record + "/difficultes", {{"csrf", csrf},
                                                    {"kind", "housing"},
                                                    {"date", "2026-10-01"},
                                                    {"text", "Logement précaire QRS"}})
                .status,
            303);
  ASSERT_EQ(advisor
                .PostForm(record + "/actions",
                          {{"csrf", csrf}, {"body", "Appeler le CFA"}, {"due_on", "2026-12-01"}})
                .status,
            303);
  auto file = advisor.Get(record);
  ASSERT_EQ(file.status, 200);
  EXPECT_TRUE(Contains(file.body, "Suivi médical XYZ"));  // the author reads it
  EXPECT_TRUE(Contains(file.body, "Mineur"));
  const std::string action = Match(file.body, R"re(/actions/([0-9]+)/fait)re");
  ASSERT_FALSE(action.empty());

  const std::vector<std::string> gets = {"/conseil/contrats",
                                         "/conseil/contrats.xlsx",
                                         "/conseil/contrats?state=running&level=3",
                                         "/conseil/contrats/nouveau",
                                         "/conseil/contrats/import",
                                         "/conseil/contrats/modele.csv",
                                         "/conseil/contrats/" + contract,
                                         record};
  const std::vector<std::string> posts = {"/conseil/contrats/nouveau",
                                          "/conseil/contrats/import",
                                          "/conseil/contrats/" + contract,
                                          record + "/difficultes",
                                          record + "/difficultes/levee",
                                          record + "/risque",
                                          record + "/actions",
                                          record + "/actions/" + action + "/fait",
                                          record + "/notes",
                                          record + "/aides",
                                          record + "/referent"};
  const std::vector<std::string> secrets = {"Suivi médical XYZ", "Appel au tuteur ABC",
                                            "Logement précaire QRS", "Joseph"};
  struct Who {
    Role role;
    bool staff;
  };
  for (const Who who :
       {Who{Role::kYoungPerson, false}, Who{Role::kEmployer, false}, Who{Role::kCfa, false},
        Who{Role::kAdvisor, true}, Who{Role::kManager, true}, Who{Role::kFinance, true},
        Who{Role::kAdmin, true}}) {
    const std::string role(people::RoleCode(who.role));
    auto client = SignedIn(who.role, role + "@example.mq");
    const std::string token = Csrf(client.Get("/compte"));
    ASSERT_FALSE(token.empty()) << role;
    for (const auto& path : gets) {
      auto response = client.Get(path);
      if (who.staff) {
        EXPECT_EQ(response.status, 200) << role << " " << path;
      } else {
        EXPECT_EQ(response.status, 403) << role << " " << path;
        for (const auto& secret : secrets)
          EXPECT_FALSE(Contains(response.body, secret)) << role << " " << path;
      }
    }
    for (const auto& path : posts) {
      auto response = client.PostForm(path, {{"csrf", token}});
      if (!who.staff)
        EXPECT_EQ(response.status, 403) << role << " " << path;
      else
        EXPECT_NE(response.status, 403) << role << " " << path;
    }
  }
  for (const auto& path : gets) {
    auto response = young.Get(path);
    EXPECT_EQ(response.status, 403) << path;
    for (const auto& secret : secrets) EXPECT_FALSE(Contains(response.body, secret)) << path;
  }
  // Visitors are sent to the login page.
  HttpClient visitor(base_);
  for (const auto& path : gets) EXPECT_EQ(visitor.Get(path).status, 303) << path;
  // The young person's own space says nothing of her follow-up.
  for (const char* path : {"/espace", "/mon-profil"})
    for (const auto& secret : secrets) EXPECT_FALSE(Contains(young.Get(path).body, secret)) << path;
}

TEST_F(ContractsHttpTest, AFailingCheckIsShownAndASensitiveNoteHiddenFromAnotherAdvisor) {
  auto advisor = SignedIn(Role::kAdvisor, "conseil@example.mq");
  auto other = SignedIn(Role::kAdvisor, "autre@example.mq");
  auto manager = SignedIn(Role::kManager, "chef@example.mq");
  const std::string contract = NewContract(advisor, "", "300");
  auto page = advisor.Get("/conseil/contrats/" + contract + "?info=contrat-enregistre");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "1 contrôle(s) en échec"));
  EXPECT_TRUE(Contains(page.body, "est inférieur au minimum"));
  EXPECT_TRUE(Contains(advisor.Get("/conseil/contrats?checks=failing").body, "1 contrat(s)"));

  // A refused form comes back with its French messages and what was typed.
  auto refused = advisor.PostForm("/conseil/contrats/" + contract,
                                  {{"csrf", Csrf(page)}, {"last_name", "Joseph"}, {"level", "9"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Choisissez le niveau de la certification"));

  const std::string apprentice = Match(page.body, R"re(/conseil/apprentis/([0-9]+))re");
  const std::string record = "/conseil/apprentis/" + apprentice;
  ASSERT_EQ(advisor
                .PostForm(record + "/notes",
                          {{"csrf", Csrf(page)}, {"note", "Suivi médical XYZ"}, {"sensitive", "1"}})
                .status,
            303);
  auto theirs = other.Get(record);
  ASSERT_EQ(theirs.status, 200);
  EXPECT_FALSE(Contains(theirs.body, "Suivi médical XYZ"));
  EXPECT_TRUE(Contains(theirs.body, "Note confidentielle : réservée"));
  // Once the other advisor is made the referent, she reads it.
  const std::string other_id =
      Match(theirs.body, R"re(<option value="([0-9]+)">Nom autre@example.mq)re");
  ASSERT_FALSE(other_id.empty());
  auto managers = manager.Get(record);
  EXPECT_TRUE(Contains(managers.body, "Suivi médical XYZ"));
  ASSERT_EQ(
      manager.PostForm(record + "/referent", {{"csrf", Csrf(managers)}, {"advisor", other_id}})
          .status,
      303);
  EXPECT_TRUE(Contains(other.Get(record).body, "Suivi médical XYZ"));

  auto xlsx = advisor.Get("/conseil/contrats.xlsx?state=running");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

}  // namespace
}  // namespace maplace::app
