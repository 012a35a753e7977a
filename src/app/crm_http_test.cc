// Whole-server tests of the advisors' CRM (issue 8 §1-§3, §7): every new route refuses
// everyone but the delegation's staff; an advisor enters a company, a contact and a visit with
// a next action, finds them again by search and on « Ma semaine », filters and exports.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"
#include "domain/crm/branches.h"
#include "domain/reference/tables.h"

namespace maplace::app {
namespace {

using people::Role;
using testing_http::HttpClient;
using testing_http::HttpResponse;

class CrmHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("crm");
    auto platform = Platform::Open(TestConfig(dir_));
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
    namespace t = reference::tables;
    ASSERT_THAT(platform_->store().Write([](Repositories& r) -> Status {
      const std::vector<std::pair<const reference::TableSpec*, std::vector<reference::Row>>>
          tables = {
              {&t::Communes(), {{"97209", "Fort-de-France", "972", "76000"}}},
              {&t::CollectiveAgreements(),
               {{"1979", "Convention collective nationale des hôtels, cafés restaurants",
                 "Hôtels, cafés, restaurants"}}},
              {&crm::IdccBranchesTable(), {{"1979", "Hôtels, cafés, restaurants", "akto"}}},
          };
      for (const auto& [spec, rows] : tables)
        if (auto s = r.reference().Sync(*spec, rows); !s) return Fail(s.error());
      return Ok();
    }),
                IsOk());
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient SignedIn(Role role, const std::string& email) {
    std::int64_t organisation = 0;
    HttpClient client = app::SignedIn(*platform_, base_, role, email, &organisation);
    if (organisation != 0) organisation_of_[email] = organisation;
    return client;
  }

  // A company entered by `advisor` through the form; returns its id.
  std::string NewCompany(HttpClient& advisor, const std::string& name, const std::string& siret) {
    auto form = advisor.Get("/conseil/repertoire/nouvelle");
    EXPECT_EQ(form.status, 200);
    auto created = advisor.PostForm("/conseil/repertoire/nouvelle", {{"csrf", Csrf(form)},
                                                                     {"kind", "employer"},
                                                                     {"name", name},
                                                                     {"siret", siret},
                                                                     {"uai", ""},
                                                                     {"commune_code", "97209"},
                                                                     {"idcc", "1979"},
                                                                     {"naf", "5510Z"},
                                                                     {"headcount", "10-49"}});
    EXPECT_EQ(created.status, 303) << created.body;
    return Match(created.Header("location"), "/conseil/organisations/([0-9]+)");
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
  std::map<std::string, std::int64_t> organisation_of_;
};

TEST_F(CrmHttpTest, EveryCrmRouteIsForStaffOnly) {
  auto advisor = SignedIn(Role::kAdvisor, "conseil@example.mq");
  const std::string id = NewCompany(advisor, "Hôtel Bleu", "73282932000074");
  auto page = advisor.Get("/conseil/organisations/" + id);
  ASSERT_EQ(page.status, 200);
  const std::string csrf = Csrf(page);
  ASSERT_EQ(advisor
                .PostForm("/conseil/organisations/" + id + "/echanges",
                          {{"csrf", csrf},
                           {"kind", "call"},
                           {"occurred_on", "2026-11-20"},
                           {"summary", "Note confidentielle"},
                           {"next_action", "Relancer"},
                           {"next_action_due", "2026-11-30"}})
                .status,
            303);
  const std::string interaction =
      Match(advisor.Get("/conseil/organisations/" + id).body, R"re(data-interaction="([0-9]+)")re");
  ASSERT_FALSE(interaction.empty());
  ASSERT_EQ(advisor
                .PostForm("/conseil/organisations/" + id + "/contacts",
                          {{"csrf", csrf}, {"name", "Contact confidentiel"}})
                .status,
            303);
  const std::string contact =
      Match(advisor.Get("/conseil/organisations/" + id).body, R"re(data-contact="([0-9]+)")re");
  ASSERT_FALSE(contact.empty());

  const std::vector<std::string> gets = {"/conseil/ma-semaine",
                                         "/conseil/recherche?q=hotel",
                                         "/api/v1/conseil/recherche?q=hotel",
                                         "/conseil/repertoire",
                                         "/conseil/portefeuille",
                                         "/conseil/portefeuille.xlsx",
                                         "/conseil/repertoire.xlsx",
                                         "/conseil/repertoire/nouvelle",
                                         "/conseil/organisations/" + id,
                                         "/conseil/interactions",
                                         "/conseil/interactions.xlsx",
                                         "/conseil/jeunes/1",
                                         "/conseil/contacts/" + contact};
  const std::vector<std::string> posts = {"/conseil/repertoire/nouvelle",
                                          "/conseil/organisations/" + id + "/contacts",
                                          "/conseil/organisations/" + id + "/echanges",
                                          "/conseil/organisations/" + id + "/referent",
                                          "/conseil/echanges/" + interaction + "/fait",
                                          "/conseil/contacts/" + contact,
                                          "/conseil/contacts/" + contact + "/parti"};

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
        // /conseil/jeunes/1 is the advisor, not a young person.
        EXPECT_EQ(response.status, path == "/conseil/jeunes/1" ? 404 : 200) << role << " " << path;
      } else {
        EXPECT_EQ(response.status, 403) << role << " " << path;
        EXPECT_FALSE(Contains(response.body, "Note confidentielle")) << role << " " << path;
        EXPECT_FALSE(Contains(response.body, "Contact confidentiel")) << role << " " << path;
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
  // Visitors are sent to the login page; the JSON route answers 401.
  HttpClient visitor(base_);
  for (const auto& path : gets) {
    auto response = visitor.Get(path);
    EXPECT_EQ(response.status, path.rfind("/api/", 0) == 0 ? 401 : 303) << path;
  }
  // The employer's own pages say nothing of the CRM.
  auto employer = SignedIn(Role::kEmployer, "patron@example.mq");
  EXPECT_FALSE(Contains(employer.Get("/organisation").body, "Note confidentielle"));
  EXPECT_FALSE(Contains(employer.Get("/espace").body, "/conseil/"));
}

TEST_F(CrmHttpTest, AnAdvisorEntersACompanyAVisitAndFindsItOnHerWeek) {
  auto advisor = SignedIn(Role::kAdvisor, "conseil@example.mq");
  // A bad SIRET is refused in French and nothing is stored.
  auto form = advisor.Get("/conseil/repertoire/nouvelle");
  auto refused =
      advisor.PostForm("/conseil/repertoire/nouvelle", {{"csrf", Csrf(form)},
                                                        {"kind", "employer"},
                                                        {"name", "<script>alert(1)</script>"},
                                                        {"siret", "12345678900016"},
                                                        {"idcc", "19"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "SIRET")) << refused.body;
  EXPECT_TRUE(Contains(refused.body, "L&#39;IDCC compte 4 chiffres") ||
              Contains(refused.body, "L'IDCC compte 4 chiffres"));
  EXPECT_FALSE(Contains(refused.body, "<script>alert(1)</script>"));
  EXPECT_TRUE(Contains(advisor.Get("/conseil/repertoire").body, "0 organisation(s)"));

  const std::string id = NewCompany(advisor, "Hôtel du Morne Rouge", "73282932000074");
  auto page = advisor.Get("/conseil/organisations/" + id + "?info=organisation-creee");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Hôtels, cafés, restaurants"));  // the branch
  EXPECT_TRUE(Contains(page.body, "AKTO"));
  EXPECT_TRUE(Contains(page.body, "Validée"));

  auto contact = advisor.PostForm("/conseil/organisations/" + id + "/contacts",
                                  {{"csrf", Csrf(page)},
                                   {"name", "Josiane Éloi"},
                                   {"job_title", "Directrice"},
                                   {"email", "josiane@morne-rouge.mq"},
                                   {"phone", "0596 11 22 33"},
                                   {"notes", ""}});
  EXPECT_EQ(contact.status, 303) << contact.body;
  page = advisor.Get("/conseil/organisations/" + id);
  const std::string contact_id = Match(page.body, R"re(name="contacts" value="([0-9]+)")re");
  ASSERT_FALSE(contact_id.empty());

  // A visit without the next action's due date is refused; then logged.
  auto missing = advisor.PostForm("/conseil/organisations/" + id + "/echanges",
                                  {{"csrf", Csrf(page)},
                                   {"kind", "visit"},
                                   {"occurred_on", "2026-11-20"},
                                   {"summary", "Visite <b>du</b> restaurant"},
                                   {"contacts", contact_id},
                                   {"next_action", "Envoyer le devis"}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(Contains(missing.body, "Indiquez l&#39;échéance") ||
              Contains(missing.body, "Indiquez l'échéance"));
  EXPECT_TRUE(Contains(missing.body, "Visite &lt;b&gt;du&lt;/b&gt; restaurant"));
  const std::string due = FormatIsoDate(AddDays(platform_->crm().Today(), 3));
  auto logged = advisor.PostForm("/conseil/organisations/" + id + "/echanges",
                                 {{"csrf", Csrf(page)},
                                  {"kind", "visit"},
                                  {"occurred_on", FormatIsoDate(platform_->crm().Today())},
                                  {"summary", "Visite <b>du</b> restaurant"},
                                  {"contacts", contact_id},
                                  {"next_action", "Envoyer le devis"},
                                  {"next_action_due", due}});
  EXPECT_EQ(logged.status, 303) << logged.body;
  page = advisor.Get("/conseil/organisations/" + id);
  EXPECT_TRUE(Contains(page.body, "Rencontré(s) : Josiane Éloi"));
  EXPECT_TRUE(Contains(page.body, "Visite &lt;b&gt;du&lt;/b&gt; restaurant"));

  auto week = advisor.Get("/conseil/ma-semaine");
  ASSERT_EQ(week.status, 200);
  EXPECT_TRUE(Contains(week.body, "Envoyer le devis"));
  EXPECT_TRUE(Contains(week.body, "Hôtel du Morne Rouge"));
  EXPECT_TRUE(Contains(week.body, "Actions des 7 prochains jours (1)"));

  // Search: three letters, accents aside; a contact's e-mail; a SIRET.
  auto json = advisor.Get("/api/v1/conseil/recherche?q=hot");
  ASSERT_EQ(json.status, 200);
  EXPECT_TRUE(Contains(json.body, "Hôtel du Morne Rouge")) << json.body;
  EXPECT_TRUE(Contains(json.body, "/conseil/organisations/" + id));
  EXPECT_TRUE(Contains(advisor.Get("/conseil/recherche?q=JOSIANE%40").body, "Josiane Éloi"));
  EXPECT_TRUE(Contains(advisor.Get("/conseil/recherche?q=732+829").body, "Hôtel du Morne Rouge"));
  EXPECT_TRUE(Contains(advisor.Get("/conseil/recherche?q=h").body, "au moins 2 caractères"));

  // The directory's filters, and their export.
  EXPECT_TRUE(Contains(advisor.Get("/conseil/repertoire?opco=akto").body, "Hôtel du Morne Rouge"));
  EXPECT_FALSE(
      Contains(advisor.Get("/conseil/repertoire?opco=atlas").body, "Hôtel du Morne Rouge"));
  auto xlsx = advisor.Get("/conseil/repertoire.xlsx?opco=akto&branch=1979");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_TRUE(Contains(xlsx.Header("content-type"), "spreadsheetml"));
  auto interactions = advisor.Get("/conseil/interactions?action=open&q=morne");
  EXPECT_TRUE(Contains(interactions.body, "1 échange(s)"));

  // Portfolio: the advisor takes the company, then finds it in « Mon portefeuille ».
  EXPECT_FALSE(Contains(advisor.Get("/conseil/portefeuille").body, "Hôtel du Morne Rouge"));
  const std::string me = Match(page.body, R"re(<option value="([0-9]+)">Nom conseil@example.mq)re");
  ASSERT_FALSE(me.empty());
  EXPECT_EQ(advisor
                .PostForm("/conseil/organisations/" + id + "/referent",
                          {{"csrf", Csrf(page)}, {"advisor", me}})
                .status,
            303);
  auto portfolio = advisor.Get("/conseil/portefeuille?opco=akto");
  EXPECT_TRUE(Contains(portfolio.body, "Hôtel du Morne Rouge"));
  // Its export link keeps the filters and leads to a workbook (it was a 404).
  const std::string link =
      Match(portfolio.body, R"re(href="(/conseil/portefeuille\.xlsx[^"]*)")re");
  EXPECT_EQ(link, "/conseil/portefeuille.xlsx?opco=akto&amp;advisor=" + me);
  auto workbook = advisor.Get("/conseil/portefeuille.xlsx?opco=akto&advisor=" + me);
  ASSERT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.body.substr(0, 2), "PK");

  // Done: off « Ma semaine ».
  const std::string interaction = Match(week.body, R"re(data-interaction="([0-9]+)")re");
  auto done = advisor.PostForm("/conseil/echanges/" + interaction + "/fait",
                               {{"csrf", Csrf(week)}, {"back", "semaine"}});
  EXPECT_EQ(done.status, 303);
  EXPECT_TRUE(
      Contains(advisor.Get("/conseil/ma-semaine").body, "Actions des 7 prochains jours (0)"));
}

TEST_F(CrmHttpTest, AnAdvisorEditsAContactThenMarksHerAsGone) {
  auto advisor = SignedIn(Role::kAdvisor, "conseil@example.mq");
  const std::string id = NewCompany(advisor, "Hôtel du Morne Rouge", "73282932000074");
  auto page = advisor.Get("/conseil/organisations/" + id);
  ASSERT_EQ(advisor
                .PostForm("/conseil/organisations/" + id + "/contacts",
                          {{"csrf", Csrf(page)},
                           {"name", "Josiane Éloi"},
                           {"job_title", "Directrice"},
                           {"email", "josiane@morne-rouge.mq"}})
                .status,
            303);
  page = advisor.Get("/conseil/organisations/" + id);
  const std::string contact = Match(page.body, R"re(data-contact="([0-9]+)")re");
  ASSERT_FALSE(contact.empty());
  // Met during a visit before she leaves: the visit keeps her name.
  ASSERT_EQ(advisor
                .PostForm("/conseil/organisations/" + id + "/echanges",
                          {{"csrf", Csrf(page)},
                           {"kind", "visit"},
                           {"occurred_on", "2026-11-20"},
                           {"summary", "Visite du restaurant"},
                           {"contacts", contact}})
                .status,
            303);

  auto form = advisor.Get("/conseil/contacts/" + contact);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "value=\"josiane@morne-rouge.mq\""));
  // A bad e-mail and an empty name are refused in French; what was typed stays; nothing changes.
  auto refused = advisor.PostForm("/conseil/contacts/" + contact, {{"csrf", Csrf(form)},
                                                                   {"name", " "},
                                                                   {"job_title", "DRH"},
                                                                   {"email", "josiane@"},
                                                                   {"phone", "abc"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Indiquez le nom du contact."));
  EXPECT_TRUE(Contains(refused.body, "Cette adresse e-mail n&#39;est pas valide"));
  EXPECT_TRUE(Contains(refused.body, "Ce numéro de téléphone n&#39;est pas valide"));
  EXPECT_TRUE(Contains(refused.body, "value=\"DRH\""));
  EXPECT_TRUE(Contains(advisor.Get("/conseil/organisations/" + id).body, "Directrice"));

  auto saved =
      advisor.PostForm("/conseil/contacts/" + contact, {{"csrf", Csrf(form)},
                                                        {"name", "Josiane Éloi-Marie"},
                                                        {"job_title", "DRH"},
                                                        {"email", "JOSIANE@morne-rouge.mq"},
                                                        {"phone", "0596 11 22 33"},
                                                        {"notes", ""}});
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("location"),
            "/conseil/organisations/" + id + "?info=contact-modifie#contacts");
  page = advisor.Get("/conseil/organisations/" + id);
  EXPECT_TRUE(Contains(page.body, "Josiane Éloi-Marie</strong>, DRH"));
  EXPECT_TRUE(Contains(page.body, "josiane@morne-rouge.mq"));
  EXPECT_TRUE(Contains(page.body, "name=\"contacts\" value=\"" + contact + "\""));

  // Gone: listed apart, no longer offered among the people met, refused if posted anyway.
  ASSERT_EQ(advisor
                .PostForm("/conseil/contacts/" + contact + "/parti",
                          {{"csrf", Csrf(page)}, {"gone", "1"}})
                .status,
            303);
  page = advisor.Get("/conseil/organisations/" + id);
  EXPECT_TRUE(Contains(page.body, "Ont quitté l'organisation"));
  EXPECT_FALSE(Contains(page.body, "name=\"contacts\" value=\"" + contact + "\""));
  EXPECT_TRUE(Contains(page.body, "Rencontré(s) : Josiane Éloi-Marie"));
  auto met =
      advisor.PostForm("/conseil/organisations/" + id + "/echanges", {{"csrf", Csrf(page)},
                                                                      {"kind", "call"},
                                                                      {"occurred_on", "2026-11-21"},
                                                                      {"summary", "Appel"},
                                                                      {"contacts", contact}});
  EXPECT_EQ(met.status, 422);
  EXPECT_TRUE(Contains(met.body, "Josiane Éloi-Marie a quitté l&#39;organisation."));
  EXPECT_EQ(advisor
                .PostForm("/conseil/contacts/" + contact + "/parti",
                          {{"csrf", Csrf(page)}, {"gone", "1"}})
                .status,
            409);
  // Back again.
  ASSERT_EQ(advisor
                .PostForm("/conseil/contacts/" + contact + "/parti",
                          {{"csrf", Csrf(page)}, {"gone", "0"}})
                .status,
            303);
  EXPECT_FALSE(
      Contains(advisor.Get("/conseil/organisations/" + id).body, "Ont quitté l'organisation"));

  // Each change is audited.
  auto events = ReadValue(platform_->store(), [](Repositories& r) { return r.audit().Latest(50); });
  ASSERT_THAT(events, IsOk());
  std::vector<std::string> actions;
  for (const auto& e : *events)
    if (e.subject == "organisation:" + id && e.action.starts_with("crm.contact_"))
      actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"crm.contact_returned", "crm.contact_gone",
                                               "crm.contact_updated", "crm.contact_added"}));
}

}  // namespace
}  // namespace maplace::app
