// Whole-server tests: the platform as `maplace serve` wires it, on 127.0.0.1 (port 0), with a
// real SQLite file, exercised over real HTTP.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"
#include "core/text.h"
#include "importers/importers.h"
#include "web/page.h"

namespace maplace::app {
namespace {

using testing_http::HttpClient;
using testing_http::HttpResponse;

class HttpTest : public ::testing::Test {
 protected:
  // The address people use; https:// makes cookies Secure with the __Host- prefix.
  virtual std::string PublicUrl() { return ""; }
  // The delegation's account for the transfer files; "" leaves it unconfigured.
  virtual std::string DebtorIban() { return "FR7630006000011234567890189"; }

  void SetUp() override {
    dir_ = NewTestDir("http");
    Config config = TestConfig(dir_);
    config.payments.debtor_iban = DebtorIban();
    config.web.max_form_bytes = 16 * 1024;
    config.web.public_url = PublicUrl();
    auto platform = Platform::Open(config);
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient Client() { return HttpClient(base_); }

  // The CSRF token of a page's form.
  // The token of the link in the last mail to `to`, once the outbox has been delivered.
  std::string MailedToken(const std::string& to) {
    EXPECT_THAT(platform_->mail_sender().DeliverDue(), IsOk());
    std::string token;
    for (const auto& entry : std::filesystem::directory_iterator(dir_ / "mail")) {
      std::ifstream in(entry.path());
      std::stringstream content;
      content << in.rdbuf();
      if (content.str().find("To: <" + to + ">") == std::string::npos) continue;
      std::string found = Match(content.str(), "jeton=([A-Za-z0-9_-]+)");
      if (!found.empty() && entry.path().filename().string() > last_mail_) {
        token = found;
        last_mail_ = entry.path().filename().string();
      }
    }
    return token;
  }
  // A signed-in client for a new account with this role.
  HttpClient SignedIn(people::Role role, const std::string& email) {
    return app::SignedIn(*platform_, base_, role, email, nullptr, "Test Person");
  }
  HttpClient LoggedIn(const std::string& email) { return app::LoggedIn(*platform_, base_, email); }

  // Imports the real open data of ../shared/data, as `maplace import` does; false (the test
  // should skip) when the folder is not beside the project.
  bool ImportSharedData() {
    const char* source = std::getenv("MAPLACE_SOURCE_DIR");
    const auto data = std::filesystem::path(source ? source : ".") / ".." / "shared" / "data";
    if (!std::filesystem::exists(data)) return false;
    const auto node_modules = std::filesystem::path(source ? source : ".") / "node_modules";
    for (const auto& [kind, path] : importers::StandardSources(data, node_modules)) {
      // What the job pages read; the catalogues are tested in importers_test.
      if (kind == "cfa" || kind == "idcc" || kind == "diplomas" || kind == "cfa-sifa" ||
          kind == "fap2021" || kind == "tension-2021")
        continue;
      auto dataset = importers::Read(kind, path);
      EXPECT_THAT(dataset, IsOk()) << kind;
      if (!dataset) return false;
      EXPECT_THAT(platform_->imports().Import(*dataset), IsOk()) << kind;
    }
    return true;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
  std::string last_mail_;
};

bool Matches(const std::string& body, const std::string& pattern) {
  return std::regex_search(body, std::regex(pattern));
}

TEST_F(HttpTest, HomePageIsFrenchAndCarriesTheSecurityHeaders) {
  HttpResponse home = Client().Get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(home.body.find("Ici c'est ma place"), std::string::npos);
  const std::string csp = home.Header("content-security-policy");
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(home.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(home.Header("referrer-policy"), "same-origin");
  EXPECT_EQ(home.Header("server"), "");
  EXPECT_FALSE(home.Header("x-request-id").empty());
  EXPECT_TRUE(home.Headers("set-cookie").empty());  // no form, no cookie
  EXPECT_EQ(home.body.find("<script>"), std::string::npos);
  EXPECT_EQ(home.body.find("style=\""), std::string::npos);
}

TEST_F(HttpTest, LegalPagesExist) {
  for (const char* path : {"/mentions-legales", "/donnees-personnelles", "/accessibilite"}) {
    EXPECT_EQ(Client().Get(path).status, 200) << path;
  }
}

TEST_F(HttpTest, StaticFilesAreCachedAndRevalidated) {
  HttpResponse css = Client().Get("/static/css/maplace.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.Header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.Header("cache-control"), "public, max-age=86400");
  const std::string etag = css.Header("etag");
  ASSERT_FALSE(etag.empty());
  HttpResponse again = Client().Get("/static/css/maplace.css", {"If-None-Match: " + etag});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(Client().Get("/static/nope.css").status, 404);
  EXPECT_EQ(Client().Get("/static/../templates/layout.tpl").status, 404);
}

TEST_F(HttpTest, UnknownPathsAndMethodsGetFrenchErrors) {
  HttpResponse missing = Client().Get("/nulle-part");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("Page introuvable"), std::string::npos);
  EXPECT_EQ(missing.Header("cache-control"), "no-store");
  HttpResponse api = Client().Get("/api/v1/nulle-part");
  EXPECT_EQ(api.status, 404);
  EXPECT_NE(api.body.find("\"code\":\"not_found\""), std::string::npos);
  HttpResponse wrong = Client().Send("DELETE", "/connexion", "", {});
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("allow"), "GET, POST");
  EXPECT_EQ(Client().Head("/").status, 200);
}

TEST_F(HttpTest, SignUpConfirmLogOutAndLogBackIn) {
  HttpClient browser = Client();
  HttpResponse form = browser.Get("/inscription");
  ASSERT_EQ(form.status, 200);
  const std::string csrf = Csrf(form);
  ASSERT_FALSE(csrf.empty());
  ASSERT_EQ(browser.cookies.count("maplace_csrf"), 1u);
  EXPECT_NE(form.Header("set-cookie").find("HttpOnly"), std::string::npos);

  HttpResponse bad = browser.PostForm("/inscription", {{"csrf", csrf},
                                                       {"email", "pas-une-adresse"},
                                                       {"display_name", "Marie"},
                                                       {"password", "court"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Il y a 2 erreurs"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"pas-une-adresse\""), std::string::npos);  // kept
  EXPECT_EQ(bad.body.find("court"), std::string::npos);  // the password is never echoed

  HttpResponse sent = browser.PostForm("/inscription", {{"csrf", csrf},
                                                        {"email", "marie@example.mq"},
                                                        {"display_name", "Marie Joseph"},
                                                        {"password", kTestPassword}});
  ASSERT_EQ(sent.status, 303);
  EXPECT_EQ(sent.Header("location"), "/inscription/envoyee");
  const std::string token = MailedToken("marie@example.mq");
  ASSERT_FALSE(token.empty());

  HttpResponse confirm = browser.Get("/inscription/confirmer?jeton=" + token);
  EXPECT_EQ(confirm.status, 200);
  HttpResponse activated =
      browser.PostForm("/inscription/confirmer", {{"csrf", Csrf(confirm)}, {"jeton", token}});
  ASSERT_EQ(activated.status, 303);
  const std::string cookie = activated.Header("set-cookie");
  EXPECT_NE(cookie.find("maplace_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  const std::string session = browser.cookies["maplace_session"];
  EXPECT_EQ(session.size(), 22u);  // 128 bits

  HttpResponse space = browser.Get("/espace");
  EXPECT_EQ(space.status, 200);
  EXPECT_NE(space.body.find("Bonjour Marie Joseph"), std::string::npos);
  EXPECT_EQ(space.Header("cache-control"), "no-store");

  HttpResponse out = browser.PostForm("/deconnexion", {{"csrf", Csrf(space)}});
  EXPECT_EQ(out.status, 303);
  HttpClient replay = Client();
  replay.cookies["maplace_session"] = session;  // the old cookie is dead on the server
  HttpResponse after = replay.Get("/espace");
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.Header("location"), "/connexion?retour=%2Fespace");

  HttpResponse login_form = browser.Get("/connexion");
  HttpResponse login = browser.PostForm("/connexion", {{"csrf", Csrf(login_form)},
                                                       {"email", "MARIE@example.mq"},
                                                       {"password", kTestPassword},
                                                       {"retour", "/compte"}});
  EXPECT_EQ(login.status, 303);
  EXPECT_EQ(login.Header("location"), "/compte");
  EXPECT_NE(browser.cookies["maplace_session"], session);  // a new token at each login
}

TEST_F(HttpTest, LoginDoesNotTellWhichAccountsExist) {
  (void)SignedIn(people::Role::kYoungPerson, "marie@example.mq");
  HttpClient browser = Client();
  const std::string csrf = Csrf(browser.Get("/connexion"));
  HttpResponse wrong = browser.PostForm(
      "/connexion", {{"csrf", csrf}, {"email", "marie@example.mq"}, {"password", "mauvais mdp!!"}});
  HttpResponse unknown = browser.PostForm(
      "/connexion", {{"csrf", csrf}, {"email", "qui@example.mq"}, {"password", "mauvais mdp!!"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  auto strip = [](std::string body) {
    return std::regex_replace(body, std::regex("value=\"[^\"]*\""), "");
  };
  EXPECT_EQ(strip(wrong.body), strip(unknown.body));

  const std::string reset_csrf = Csrf(browser.Get("/mot-de-passe-oublie"));
  HttpResponse known = browser.PostForm("/mot-de-passe-oublie",
                                        {{"csrf", reset_csrf}, {"email", "marie@example.mq"}});
  HttpResponse nobody =
      browser.PostForm("/mot-de-passe-oublie", {{"csrf", reset_csrf}, {"email", "qui@example.mq"}});
  EXPECT_EQ(known.status, nobody.status);
  EXPECT_EQ(known.Header("location"), nobody.Header("location"));
}

TEST_F(HttpTest, RepeatedFailedLoginsAreAnswered429) {
  (void)SignedIn(people::Role::kYoungPerson, "marie@example.mq");
  HttpClient browser = Client();
  const std::string csrf = Csrf(browser.Get("/connexion"));
  const std::time_t first_failure = std::time(nullptr);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(browser
                  .PostForm("/connexion", {{"csrf", csrf},
                                           {"email", "marie@example.mq"},
                                           {"password", "mauvais mot de passe"}})
                  .status,
              401);
  }
  HttpResponse blocked = browser.PostForm(
      "/connexion", {{"csrf", csrf}, {"email", "marie@example.mq"}, {"password", kTestPassword}});
  EXPECT_EQ(blocked.status, 429);
  // 15 minutes from the first failure, in whole seconds: 900 unless a second turned meanwhile.
  const long elapsed = static_cast<long>(std::time(nullptr) - first_failure);
  const long retry_after = std::atol(blocked.Header("retry-after").c_str());
  EXPECT_LE(retry_after, 900);
  EXPECT_GE(retry_after, 900 - elapsed);
  EXPECT_NE(blocked.body.find("Trop de tentatives"), std::string::npos);
}

TEST_F(HttpTest, PasswordResetThroughTheMailedLink) {
  HttpClient old_session = SignedIn(people::Role::kYoungPerson, "marie@example.mq");
  HttpClient browser = Client();
  ASSERT_EQ(
      browser
          .PostForm("/mot-de-passe-oublie", {{"csrf", Csrf(browser.Get("/mot-de-passe-oublie"))},
                                             {"email", "marie@example.mq"}})
          .status,
      303);
  const std::string token = MailedToken("marie@example.mq");
  ASSERT_FALSE(token.empty());
  HttpResponse form = browser.Get("/mot-de-passe/nouveau?jeton=" + token);
  HttpResponse weak =
      browser.PostForm("/mot-de-passe/nouveau",
                       {{"csrf", Csrf(form)}, {"jeton", token}, {"password", "qwerty123456"}});
  EXPECT_EQ(weak.status, 422);
  HttpResponse done = browser.PostForm(
      "/mot-de-passe/nouveau",
      {{"csrf", Csrf(form)}, {"jeton", token}, {"password", "une nouvelle phrase"}});
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(old_session.Get("/espace").status, 303);  // every session ended
  HttpResponse reused =
      browser.PostForm("/mot-de-passe/nouveau",
                       {{"csrf", Csrf(form)}, {"jeton", token}, {"password", "encore une autre"}});
  EXPECT_EQ(reused.status, 404);
  EXPECT_THAT(platform_->accounts().Login("marie@example.mq", "une nouvelle phrase", ""), IsOk());
}

TEST_F(HttpTest, StateChangesNeedTheCsrfTokenAndOurOrigin) {
  HttpClient browser = SignedIn(people::Role::kYoungPerson, "marie@example.mq");
  const std::string csrf = Csrf(browser.Get("/compte"));
  EXPECT_EQ(browser.PostForm("/deconnexion", {}).status, 403);
  EXPECT_EQ(browser.PostForm("/deconnexion", {{"csrf", "forged"}}).status, 403);
  EXPECT_EQ(
      browser.PostForm("/deconnexion", {{"csrf", csrf}}, {"Origin: https://evil.example"}).status,
      403);
  EXPECT_EQ(browser.Get("/espace").status, 200);  // still logged in
  EXPECT_EQ(browser.PostForm("/deconnexion", {{"csrf", csrf}}, {"Origin: " + base_}).status, 303);
}

TEST_F(HttpTest, BodiesAreCheckedForTypeAndSize) {
  HttpClient browser = Client();
  const std::string csrf = Csrf(browser.Get("/connexion"));
  EXPECT_EQ(browser.Send("POST", "/connexion", "{}", {"Content-Type: application/json"}).status,
            415);
  EXPECT_EQ(browser
                .PostForm("/connexion",
                          {{"csrf", csrf}, {"email", std::string(20000, 'a')}, {"password", "x"}})
                .status,
            413);
}

TEST_F(HttpTest, EmailChangeIsConfirmedFromTheNewAddress) {
  HttpClient browser = SignedIn(people::Role::kYoungPerson, "marie@example.mq");
  HttpResponse account = browser.Get("/compte");
  HttpResponse asked = browser.PostForm("/compte/adresse", {{"csrf", Csrf(account)},
                                                            {"new_email", "marie@nouveau.mq"},
                                                            {"current_password", kTestPassword}});
  ASSERT_EQ(asked.status, 303);
  const std::string token = MailedToken("marie@nouveau.mq");
  ASSERT_FALSE(token.empty());
  HttpClient other_browser = Client();  // the link may be opened anywhere
  HttpResponse page = other_browser.Get("/compte/adresse/confirmer?jeton=" + token);
  EXPECT_EQ(
      other_browser.PostForm("/compte/adresse/confirmer", {{"csrf", Csrf(page)}, {"jeton", token}})
          .status,
      200);
  EXPECT_THAT(platform_->accounts().Login("marie@nouveau.mq", kTestPassword, ""), IsOk());
}

TEST_F(HttpTest, OrganisationAdministratorsInviteColleagues) {
  HttpClient boss = SignedIn(people::Role::kEmployer, "patron@boulangerie.mq");
  HttpResponse page = boss.Get("/organisation");
  ASSERT_EQ(page.status, 200);
  ASSERT_EQ(boss.PostForm("/organisation/invitations", {{"csrf", Csrf(page)},
                                                        {"email", "vendeuse@boulangerie.mq"},
                                                        {"role", "member"}})
                .status,
            303);
  const std::string token = MailedToken("vendeuse@boulangerie.mq");
  HttpClient invitee = Client();
  HttpResponse invitation = invitee.Get("/invitation?jeton=" + token);
  ASSERT_EQ(invitation.status, 200);
  EXPECT_NE(invitation.body.find("Org patron@boulangerie.mq"), std::string::npos);
  HttpResponse joined = invitee.PostForm("/invitation", {{"csrf", Csrf(invitation)},
                                                         {"jeton", token},
                                                         {"display_name", "Aline"},
                                                         {"password", kTestPassword}});
  EXPECT_EQ(joined.status, 303);
  HttpResponse members = invitee.Get("/organisation");
  EXPECT_NE(members.body.find("vendeuse@boulangerie.mq"), std::string::npos);
  EXPECT_EQ(members.body.find("Inviter un collègue"), std::string::npos);  // members do not invite
}

TEST_F(HttpTest, AdministratorsSeeTheMailOutbox) {
  HttpClient admin = SignedIn(people::Role::kAdmin, "admin@opco.mq");
  ASSERT_THAT(platform_->accounts().RequestPasswordReset("admin@opco.mq", ""), IsOk());
  HttpResponse list = admin.Get("/admin/courriels");
  ASSERT_EQ(list.status, 200);
  const std::string id = Match(list.body, R"re(href="/admin/courriels/(\d+)")re");
  ASSERT_FALSE(id.empty());
  HttpResponse mail = admin.Get("/admin/courriels/" + id);
  EXPECT_EQ(mail.status, 200);
  EXPECT_NE(mail.body.find("Réinitialiser votre mot de passe"), std::string::npos);
  EXPECT_EQ(admin.Get("/admin/courriels/abc").status, 404);
}

TEST_F(HttpTest, UserInputIsEscapedEverywhere) {
  const std::string name = "<img src=x onerror=alert(1)>";
  auto user = platform_->accounts().CreateUser(
      {"xss@example.mq", name, people::Role::kYoungPerson, kTestPassword});
  ASSERT_THAT(user, IsOk());
  HttpClient browser = LoggedIn("xss@example.mq");
  for (const char* path : {"/espace", "/compte"}) {
    HttpResponse page = browser.Get(path);
    EXPECT_EQ(page.body.find(name), std::string::npos) << path;
    EXPECT_NE(page.body.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos) << path;
  }
  HttpClient admin = SignedIn(people::Role::kAdmin, "admin@opco.mq");
  EXPECT_EQ(admin.Get("/admin/utilisateurs").body.find(name), std::string::npos);
}

TEST_F(HttpTest, ApiAnswersJson) {
  HttpResponse health = Client().Get("/api/v1/sante");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  HttpResponse anonymous = Client().Get("/api/v1/moi");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_NE(anonymous.body.find("\"code\":\"unauthenticated\""), std::string::npos);
  HttpResponse me = SignedIn(people::Role::kAdvisor, "lea@opco.mq").Get("/api/v1/moi");
  EXPECT_EQ(me.status, 200);
  EXPECT_NE(me.body.find("\"role\":\"advisor\""), std::string::npos);
}

TEST_F(HttpTest, JobPagesSayWhenNoDataWasImported) {
  HttpResponse ranking = Client().Get("/metiers");
  EXPECT_EQ(ranking.status, 200);
  EXPECT_TRUE(Contains(ranking.body, "pas encore été importés"));
  HttpResponse sources = Client().Get("/sources");
  EXPECT_EQ(sources.status, 200);
  EXPECT_TRUE(Contains(sources.body, "Aucune donnée de référence"));
  EXPECT_EQ(Client().Get("/metiers/H2913").status, 404);
  EXPECT_EQ(Client().Get("/bassins/201").status, 404);
  // Everybody finds the pages: in the main menu and the footer.
  HttpResponse home = Client().Get("/");
  EXPECT_TRUE(Contains(home.body, R"(<a href="/metiers">Métiers qui recrutent</a>)"));
  EXPECT_TRUE(Contains(home.body, R"(<a href="/sources">Sources des données</a>)"));
}

TEST_F(HttpTest, TheRankingShowsTheSurveyAsPublished) {
  if (!ImportSharedData()) GTEST_SKIP() << "no ../shared/data beside the project";
  HttpResponse centre = Client().Get("/metiers?year=2025&area=201");
  ASSERT_EQ(centre.status, 200);
  // Cooks top the Centre in 2025: 116 projects, 98 difficult (84.5 %), 108 the year before.
  EXPECT_TRUE(Matches(centre.body,
                      R"re(<td class="num">1</td>\s*<th scope="row">Cuisiniers</th>\s*)re"
                      R"re(<td class="num">59,0</td>\s*<td class="num">116</td>\s*)re"
                      R"re(<td class="num">98<span class="cell-sub"> \(84,5)re"
                      "\u202f"  // French: a narrow no-break space before %
                      R"re(%\)</span>)re"));
  EXPECT_TRUE(Contains(centre.body, "(108 en 2024)"));
  EXPECT_TRUE(Contains(centre.body, R"(<a href="/metiers/G1609">Cuisinier / Cuisinière</a>)"));
  EXPECT_TRUE(Contains(centre.body, R"(<option value="201" selected>Centre</option>)"));
  EXPECT_TRUE(Contains(centre.body, "projets ÷ (projets + 50)"));  // the score is explained
  EXPECT_TRUE(Contains(centre.body, R"(<label for="sector">Secteur</label>)"));
  EXPECT_TRUE(Contains(centre.body, "non publié"));
  EXPECT_FALSE(Contains(centre.body, "au moins"));  // one area: no partial sums
  EXPECT_FALSE(Contains(centre.body, "style=\""));

  // Over the whole island, sums that leave out secret cells say so.
  HttpResponse island = Client().Get("/metiers");
  ASSERT_EQ(island.status, 200);
  EXPECT_TRUE(Contains(island.body, "Classement 2025, Martinique"));
  EXPECT_TRUE(Contains(island.body, "au moins "));
  EXPECT_TRUE(Contains(island.body, "secret statistique"));
  EXPECT_TRUE(Contains(island.body, R"(<a href="/bassins/201">Centre</a>)"));

  HttpResponse hotels = Client().Get("/metiers?area=201&sector=G");
  ASSERT_EQ(hotels.status, 200);
  EXPECT_TRUE(Contains(hotels.body, R"(<th scope="row">Cuisiniers</th>)"));
  EXPECT_FALSE(Contains(hotels.body, R"(<th scope="row">Soudeurs</th>)"));

  // Bad filters: the form again, with the French message beside the field.
  HttpResponse year = Client().Get("/metiers?year=abcd");
  EXPECT_EQ(year.status, 422);
  EXPECT_TRUE(Contains(year.body, "L&#39;année s&#39;écrit avec quatre chiffres."));
  EXPECT_TRUE(Contains(year.body, R"(<a href="#year">)"));
  EXPECT_TRUE(Contains(year.body, R"(id="year" name="year" aria-invalid="true")"));
  HttpResponse area = Client().Get("/metiers?area=999");
  EXPECT_EQ(area.status, 422);
  EXPECT_TRUE(Contains(area.body, "Ce bassin d&#39;emploi n&#39;existe pas."));
  EXPECT_TRUE(Contains(area.body, R"(<form class="form filters")"));
  EXPECT_FALSE(Contains(area.body, "<table"));
  EXPECT_EQ(Client().Get("/metiers?year=1999").status, 422);
  EXPECT_EQ(Client().Get("/metiers?sector=%3Cscript%3E").status, 422);
}

TEST_F(HttpTest, TheJobSheetShowsTheFiguresExactlyAsPublished) {
  if (!ImportSharedData()) GTEST_SKIP() << "no ../shared/data beside the project";
  HttpResponse sheet = Client().Get("/metiers/H2913");
  ASSERT_EQ(sheet.status, 200);
  EXPECT_TRUE(Contains(sheet.body, R"(<h1 class="page-title">Soudeur / Soudeuse</h1>)"));
  EXPECT_TRUE(Contains(sheet.body, "anciennement « Soudage manuel »"));
  // The certifications that lead to it (Certif Info links the ROME 3 code), with their level.
  EXPECT_TRUE(Matches(sheet.body,
                      R"re(<th scope="row">Titre professionnel soudeur TIG électrode )re"
                      R"re(enrobée</th><td>[^<]*</td><td>3</td><td>RNCP34738</td>)re"));
  EXPECT_TRUE(Contains(sheet.body, "<h3>Soudeurs</h3>"));
  EXPECT_TRUE(Contains(sheet.body, "FAP 2009 D2Z42 (2023) ; FAP 2021 D1X33 (2024, 2025)"));
  // 2023 in the Centre: 42 projects, 42 difficult, 24 seasonal; in the South, 8 and two secrets.
  EXPECT_TRUE(Matches(sheet.body, R"re(<th scope="row">Centre</th><td class="num">42</td>)re"
                                  R"re(<td class="num">42</td><td class="num">24</td>)re"));
  EXPECT_TRUE(Matches(sheet.body,
                      R"re(<th scope="row">Sud</th><td class="num">8</td>)re"
                      R"re(<td class="num">non publié</td><td class="num">non publié</td>)re"));
  // The chart, and its numbers in a table: 50 in 2023, at least 28 in 2024 (the Centre is secret).
  EXPECT_TRUE(
      Contains(sheet.body, R"(role="img" aria-labelledby="famille-1-title famille-1-desc")"));
  EXPECT_TRUE(Contains(sheet.body, "2023 : 50 ; 2024 : au moins 28 ; 2025 : au moins 67.</desc>"));
  EXPECT_TRUE(
      Contains(sheet.body, "Soudeurs : projets de recrutement par année, toute la Martinique"));
  EXPECT_TRUE(Contains(sheet.body, R"(<th scope="row">2023</th><td class="num">50</td>)"));
  EXPECT_TRUE(Contains(sheet.body, R"(<th scope="row">2024</th><td class="num">au moins 28</td>)"));
  EXPECT_TRUE(Contains(sheet.body, "Source : France Travail, ROME 4.0 et enquête BMO ; Dares."));
  EXPECT_FALSE(Contains(sheet.body, "style=\""));

  HttpResponse guards = Client().Get("/metiers/K2503");
  EXPECT_EQ(guards.status, 200);
  EXPECT_TRUE(Contains(guards.body, "<h3>Agents de sécurité et de surveillance</h3>"));

  HttpResponse unknown = Client().Get("/metiers/A9999");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(Contains(unknown.body, "Page introuvable"));
  EXPECT_EQ(Client().Get("/metiers/%3Cscript%3E").status, 404);
  HttpResponse lower = Client().Get("/metiers/h2913");
  EXPECT_EQ(lower.status, 301);
  EXPECT_EQ(lower.Header("location"), "/metiers/H2913");

  // The API says null for a secret cell, never 0.
  HttpResponse api = Client().Get("/api/v1/jobs/H2913");
  ASSERT_EQ(api.status, 200);
  const auto json = nlohmann::json::parse(api.body);
  bool checked = false;
  for (const auto& family : json.at("bmo_families")) {
    if (family.at("fap_code") != "D2Z42") continue;
    for (const auto& f : family.at("figures")) {
      if (f.at("year") != 2023 || f.at("area") != "203") continue;
      EXPECT_EQ(f.at("projects"), 8);
      EXPECT_TRUE(f.at("difficult").is_null());
      EXPECT_TRUE(f.at("seasonal").is_null());
      EXPECT_TRUE(f.at("share_difficult").is_null());
      checked = true;
    }
  }
  EXPECT_TRUE(checked);
}

TEST_F(HttpTest, AreaAndSourcesPages) {
  if (!ImportSharedData()) GTEST_SKIP() << "no ../shared/data beside the project";
  HttpResponse centre = Client().Get("/bassins/201");
  ASSERT_EQ(centre.status, 200);
  EXPECT_TRUE(Contains(centre.body, R"(<h1 class="page-title">Bassin d'emploi Centre</h1>)"));
  EXPECT_TRUE(Matches(
      centre.body,
      R"re(<th scope="row">Fort-de-France</th><td>97200, 97212, 97234</td><td class="num">\d+)re"
      "\u202f"
      R"re(\d{3}</td>)re"));
  EXPECT_TRUE(Contains(centre.body, R"(<th scope="row">Cuisiniers</th>)"));
  EXPECT_TRUE(Matches(centre.body, R"re(<tr>\s*<td class="num">10</td>)re"));
  EXPECT_FALSE(Matches(centre.body, R"re(<tr>\s*<td class="num">11</td>)re"));  // the top 10
  EXPECT_EQ(Client().Get("/bassins/999").status, 404);

  HttpResponse sources = Client().Get("/sources");
  ASSERT_EQ(sources.status, 200);
  EXPECT_TRUE(Matches(sources.body,
                      R"re(<th scope="row">Enquête Besoins en main-d&#39;œuvre \(BMO\)[^<]*</th>)re"
                      R"re(<td>France Travail, Crédoc</td><td>Licence Ouverte[^<]*</td>)re"
                      R"re(<td class="file-name">bmo_martinique_2023_2025.csv</td>)re"
                      R"re(<td>\d\d/\d\d/\d{4} à \d\d:\d\d</td>)re"));
  EXPECT_TRUE(Contains(sources.body, "<h2 id=\"licence\">La Licence Ouverte</h2>"));
}

// Every route of the table, for every role and for a visitor: allowed or denied as declared.
TEST_F(HttpTest, EveryRouteAllowsExactlyTheRolesItDeclares) {
  int checked = 0;
  std::vector<std::optional<people::Role>> who = {std::nullopt};
  for (auto role : people::kAllRoles) who.push_back(role);
  int n = 0;
  for (const auto& route : platform_->router().routes()) {
    const std::string path = std::regex_replace(route.pattern, std::regex(":[a-z_]+"), "1");
    for (const auto& role : who) {
      HttpClient client = Client();
      std::optional<people::Actor> actor;
      if (role) {
        client = SignedIn(*role, "walker" + std::to_string(n++) + "@example.mq");
        actor = *platform_->accounts().Authenticate(client.cookies["maplace_session"]);
      }
      const bool allowed = route.access.Allows(actor);
      HttpResponse response;
      if (route.method == "GET") {
        response = client.Get(path);
      } else {
        const std::string csrf = Csrf(client.Get(role ? "/compte" : "/connexion"));
        response = client.PostForm(path, {{"csrf", csrf}});
      }
      const std::string label = route.method + " " + route.pattern + " as " +
                                (role ? std::string(people::RoleCode(*role)) : "visitor");
      // A page denies a visitor by sending them to log in, and a signed-in person with a 403;
      // the API answers 401 or 403. (A handler's own 401, a wrong password, is not a denial.)
      const bool api = route.pattern.rfind("/api/", 0) == 0;
      const bool denied = response.status == 403 || (api && response.status == 401) ||
                          (response.status == 303 &&
                           response.Header("location").rfind("/connexion?retour=", 0) == 0);
      EXPECT_EQ(!denied, allowed) << label << " answered " << response.status;
      if (!allowed && role) {
        EXPECT_EQ(response.status, 403) << label;
      }
      if (!allowed) {
        EXPECT_EQ(response.body.find("walker"), std::string::npos) << label;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 8 * 20);
}

TEST_F(HttpTest, ARouteWithoutAccessDeclarationStopsTheServer) {
  web::Router router;
  router.Get("/oubli", web::Access{}, [](web::Request&) { return web::Text(200, "x"); });
  auto status = router.Validate();
  ASSERT_THAT(status, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_NE(status.error().message.find("GET /oubli declares no access"), std::string::npos);
  web::ServerContext context;
  context.config.port = 0;
  web::Server server(context, router);
  EXPECT_THAT(server.Start(), HasErrorCode(ErrorCode::kFailedPrecondition));
}

TEST_F(HttpTest, MultipartUploadsAreParsedAndLimited) {
  web::Router router;
  router.Add({"POST", "/envoi", web::Access::Public(), web::BodyKind::kMultipart,
              [](web::Request& request) {
                std::string out = request.Form("titre");
                for (const auto& f : request.files)
                  out += "|" + f.field + ":" + f.filename + ":" + std::to_string(f.bytes.size());
                return web::Text(200, out);
              }});
  auto templates = web::Templates::Load();
  web::ServerContext context;
  context.config.port = 0;
  context.config.max_upload_bytes = 1000;
  context.csrf_key = "k";
  context.accounts = &platform_->accounts();
  context.templates = templates->get();
  web::Server server(context, router);
  ASSERT_THAT(server.Start(), IsOk());
  HttpClient client(server.public_url());
  web::Request fake;
  fake.csrf_key = "k";
  fake.anon_csrf_cookie = "visitor";
  client.cookies["maplace_csrf"] = "visitor";
  const std::string token = fake.CsrfToken();
  auto body = [&](std::size_t size) {
    return "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token +
           "\r\n--B\r\nContent-Disposition: form-data; name=\"titre\"\r\n\r\nMon CV"
           "\r\n--B\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n"
           "Content-Type: application/pdf\r\n\r\n" +
           std::string(size, 'x') + "\r\n--B--\r\n";
  };
  HttpResponse ok =
      client.Send("POST", "/envoi", body(300), {"Content-Type: multipart/form-data; boundary=B"});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "Mon CV|cv:cv.pdf:300");
  HttpResponse big =
      client.Send("POST", "/envoi", body(2000), {"Content-Type: multipart/form-data; boundary=B"});
  EXPECT_EQ(big.status, 413);
  HttpResponse broken =
      client.Send("POST", "/envoi", "garbage", {"Content-Type: multipart/form-data; boundary=B"});
  EXPECT_EQ(broken.status, 400);
  server.Stop();
}

}  // namespace
}  // namespace maplace::app

namespace maplace::app {
namespace {

class HttpsTest : public HttpTest {
 protected:
  std::string PublicUrl() override { return "https://icicestmaplace.test"; }
};

TEST_F(HttpsTest, BehindTlsCookiesAreSecureWithTheHostPrefix) {
  NewUser(*platform_, people::Role::kYoungPerson, "marie@example.mq", "Marie");
  HttpClient browser = Client();
  HttpResponse form = browser.Get("/connexion");
  const std::string csrf_cookie = form.Header("set-cookie");
  EXPECT_EQ(csrf_cookie.rfind("__Host-maplace_csrf=", 0), 0u);
  EXPECT_NE(csrf_cookie.find("; Secure"), std::string::npos);
  EXPECT_NE(form.Header("strict-transport-security").find("max-age="), std::string::npos);
  HttpResponse login = browser.PostForm(
      "/connexion",
      {{"csrf", Csrf(form)}, {"email", "marie@example.mq"}, {"password", kTestPassword}},
      {"Origin: https://icicestmaplace.test"});
  ASSERT_EQ(login.status, 303);
  const std::string session = login.Header("set-cookie");
  EXPECT_EQ(session.rfind("__Host-maplace_session=", 0), 0u);
  EXPECT_NE(session.find("; Secure"), std::string::npos);
  EXPECT_NE(session.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(session.find("; Path=/"), std::string::npos);
  EXPECT_EQ(session.find("Domain="), std::string::npos);
  EXPECT_EQ(browser.Get("/espace").status, 200);
}

}  // namespace
}  // namespace maplace::app

// The aids simulators: POST /api/v1/simulate, « Quelles aides pour moi ? » step by step, and
// « Combien coûte un apprenti ? ».
namespace maplace::app {
namespace {

// A 19-year-old in Martinique, level 4, in a company of 8: 43 % of the SMIC the first year.
constexpr char kSituation[] = R"({
  "territory": "972",
  "contract": {"starts_on": "2025-09-01", "ends_on": "2027-08-31", "certification_level": 4},
  "apprentice": {"birth_date": "2006-03-15"},
  "employer": {"headcount": 8}})";

// The young person's answers for that situation, step by step.
const std::vector<std::vector<std::pair<std::string, std::string>>> kYoungSteps = {
    {{"contrat", "apprentissage"},
     {"debut", "2025-09-01"},
     {"fin", "2027-08-31"},
     {"niveau", "4"},
     {"territoire", "972"}},
    {{"naissance", "2006-03-15"}, {"rqth", "non"}, {"diplome", "aucun"}},
    {{"effectif", "8"}},
    {{"mobilite", "non"}, {"permis", "oui"}, {"permis_aide", "non"}},
    {{"locataire", "oui"}, {"loyer", "350"}, {"prive", "oui"}}};
const char* const kYoungStepIds[] = {"contrat", "vous", "employeur", "deplacements", "logement"};

std::string Query(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [key, value] : fields)
    out += (out.empty() ? "" : "&") + key + "=" + text::UrlEncode(value);
  return out;
}

// The hidden inputs of a page's form, as a query.
std::string HiddenFields(const std::string& body) {
  std::vector<std::pair<std::string, std::string>> fields;
  const std::regex hidden(R"re(<input type="hidden" name="([a-z_]+)" value="([^"]*)">)re");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), hidden);
       it != std::sregex_iterator(); ++it) {
    if ((*it)[1] != "csrf") fields.emplace_back((*it)[1], (*it)[2]);
  }
  return Query(fields);
}

HttpResponse PostJson(HttpClient client, const std::string& body) {
  return client.Send("POST", "/api/v1/simulate", body, {"Content-Type: application/json"});
}

TEST_F(HttpTest, SimulateApiGivesPayAndAidsWithoutACookie) {
  HttpResponse one = PostJson(Client(), kSituation);
  ASSERT_EQ(one.status, 200) << one.body;
  const auto json = nlohmann::json::parse(one.body);
  ASSERT_FALSE(json["pay"].empty());
  EXPECT_EQ(json["pay"][0]["minimum_monthly_cents"], 77477);
  EXPECT_EQ(json["pay"][0]["percent"], 43);
  bool state_aid = false;
  for (const auto& aid : json["aids"])
    if (aid["id"] == "state-hiring-aid") state_aid = aid["eligible"].get<bool>();
  EXPECT_TRUE(state_aid);
  EXPECT_FALSE(json["years"].empty());

  HttpResponse two = PostJson(Client(), std::string("[") + kSituation + "," + kSituation + "]");
  ASSERT_EQ(two.status, 200) << two.body;
  EXPECT_EQ(nlohmann::json::parse(two.body).size(), 2u);
}

TEST_F(HttpTest, SimulateApiNamesWhatIsWrongInFrench) {
  HttpResponse garbled = PostJson(Client(), "{not json");
  EXPECT_EQ(garbled.status, 400);
  EXPECT_TRUE(Contains(garbled.body, "\"code\":\"invalid_argument\""));

  auto no_birth = nlohmann::json::parse(kSituation);
  no_birth["apprentice"].erase("birth_date");
  HttpResponse missing = PostJson(Client(), no_birth.dump());
  ASSERT_EQ(missing.status, 400) << missing.body;
  const auto fields = nlohmann::json::parse(missing.body)["error"]["fields"];
  EXPECT_TRUE(fields.contains("apprentice.birth_date")) << missing.body;

  auto backwards = nlohmann::json::parse(kSituation);
  backwards["contract"]["ends_on"] = "2025-01-31";
  HttpResponse ends_early = PostJson(Client(), "[" + backwards.dump() + "]");
  ASSERT_EQ(ends_early.status, 400) << ends_early.body;
  EXPECT_TRUE(Contains(ends_early.body, "[0].contract.")) << ends_early.body;

  std::string many = "[";
  for (int i = 0; i < 51; ++i) many += std::string(i ? "," : "") + "{}";
  EXPECT_EQ(PostJson(Client(), many + "]").status, 413);
  EXPECT_EQ(PostJson(Client(), "[]").status, 400);
  EXPECT_EQ(PostJson(Client(), "42").status, 400);
  // A form body is not JSON.
  EXPECT_EQ(Client().PostForm("/api/v1/simulate", {{"a", "b"}}).status, 415);
}

TEST_F(HttpTest, TheYoungPersonsSimulatorAsksStepByStepAndKeepsAnswers) {
  HttpClient browser = Client();
  HttpResponse page = browser.Get("/simulateurs/mes-aides");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Étape 1 sur 5"));
  std::string carried;
  for (std::size_t i = 0; i < kYoungSteps.size(); ++i) {
    EXPECT_TRUE(Contains(page.body, "name=\"etape\" value=\"" + std::string(kYoungStepIds[i])))
        << "step " << i << "\n"
        << page.body;
    carried = HiddenFields(page.body);
    page = browser.Get("/simulateurs/mes-aides?" + carried + "&" + Query(kYoungSteps[i]) +
                       "&aller=suivant");
    ASSERT_EQ(page.status, 200) << "after step " << kYoungStepIds[i] << "\n" << page.body;
    if (i == 0) {
      EXPECT_TRUE(Contains(page.body, "Votre date de naissance"));
    }
    if (i == 2) {  // overseas and 18 or over: mobility and licence questions
      EXPECT_TRUE(Contains(page.body, "hors de votre territoire"));
      EXPECT_TRUE(Contains(page.body, "permis de conduire B"));
      // « Précédent » goes back to the employer step with its answer kept.
      HttpResponse back =
          browser.Get("/simulateurs/mes-aides?" + HiddenFields(page.body) + "&aller=precedent");
      ASSERT_EQ(back.status, 200);
      EXPECT_TRUE(Contains(back.body, "name=\"etape\" value=\"employeur\""));
      EXPECT_TRUE(Contains(
          back.body, R"(id="effectif" name="effectif" type="text" inputmode="numeric" value="8")"))
          << back.body;
    }
  }
  // The result: pay first, with why, then the aids by what to do next.
  EXPECT_TRUE(Contains(page.body, "Votre résultat"));
  EXPECT_TRUE(Contains(page.body, "774,77\u202f€"));
  EXPECT_TRUE(Contains(page.body, "43 % du SMIC car vous avez 19 ans et êtes en 1re année"));
  EXPECT_LT(page.body.find("Votre salaire"), page.body.find("Vos aides"));
  EXPECT_TRUE(Contains(page.body, "À demander à votre CFA"));
  EXPECT_TRUE(Contains(page.body, "À demander à Action Logement"));
  EXPECT_TRUE(Contains(page.body, "Versées à votre employeur"));
  EXPECT_TRUE(Contains(page.body, "Aide au permis de conduire des apprentis"));
  EXPECT_TRUE(Contains(page.body, "Condition remplie"));
  // The link resumes it, with no cookie.
  const std::string link = Match(page.body, R"re(id="lien" type="url" value="([^"]+)")re");
  ASSERT_FALSE(link.empty());
  const std::string path = link.substr(link.find("/simulateurs/"));
  HttpResponse resumed = Client().Get(std::regex_replace(path, std::regex("&amp;"), "&"));
  EXPECT_EQ(resumed.status, 200);
  EXPECT_TRUE(Contains(resumed.body, "774,77\u202f€"));
}

TEST_F(HttpTest, TheYoungPersonsSimulatorAsksOnlyWhatMatters) {
  // In the Hexagone and 17 at the start: no mobility nor licence step at all.
  HttpResponse employer = Client().Get(
      "/simulateurs/mes-aides?etape=employeur&aller=suivant&contrat=apprentissage&debut=2025-09-01"
      "&fin=2027-08-31&niveau=3&territoire=hexagone&naissance=2008-03-15&rqth=non");
  ASSERT_EQ(employer.status, 200);
  EXPECT_TRUE(Contains(employer.body, "name=\"etape\" value=\"logement\""));
  EXPECT_TRUE(Contains(employer.body, "Étape 4 sur 4"));
  // A bad answer stays on its step, with the summary and the message by the field.
  HttpResponse bad = Client().Get(
      "/simulateurs/mes-aides?etape=contrat&aller=suivant&contrat=apprentissage&debut=2025-09-01"
      "&fin=2025-01-01&niveau=4&territoire=972");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "Il y a 1 erreur"));
  EXPECT_TRUE(Contains(bad.body, "La fin du contrat doit venir après son début."));
  EXPECT_TRUE(Contains(bad.body, "href=\"#fin\""));
}

TEST_F(HttpTest, TheEmployersSimulatorGivesEachYear) {
  HttpResponse form = Client().Get("/simulateurs/cout-apprenti");
  ASSERT_EQ(form.status, 200);
  EXPECT_FALSE(Contains(form.body, "Année par année"));
  HttpResponse result = Client().Get(
      "/simulateurs/cout-apprenti?calcul=1&debut=2025-09-01&fin=2027-08-31&naissance=2006-03-15"
      "&niveau=4&effectif=8&territoire=972&rqth=non&npec=7500");
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_TRUE(Contains(result.body, "Année par année"));
  EXPECT_TRUE(Contains(result.body, "1re année"));
  EXPECT_TRUE(Contains(result.body, "2e année"));
  EXPECT_TRUE(Contains(result.body, "774,77\u202f€"));
  EXPECT_TRUE(Contains(result.body, "Aide à l&#39;embauche d&#39;un apprenti"));
  EXPECT_TRUE(Contains(result.body, "Reste à charge"));
  EXPECT_TRUE(Contains(result.body, "43 % du SMIC car l&#39;apprenti a 19 ans"));
  HttpResponse missing = Client().Get("/simulateurs/cout-apprenti?calcul=1&debut=2025-09-01");
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(Contains(missing.body, "Écrivez le nombre de salariés"));
}

TEST_F(HttpTest, ASimulationIsSentByMailAtMostThreeTimesPerAddress) {
  HttpClient browser = Client();
  std::string query;
  for (const auto& step : kYoungSteps) query += (query.empty() ? "" : "&") + Query(step);
  HttpResponse result = browser.Get("/simulateurs/mes-aides?" + query + "&aller=resultat");
  ASSERT_EQ(result.status, 200);
  const std::string csrf = Csrf(result);
  ASSERT_FALSE(csrf.empty());
  std::vector<std::pair<std::string, std::string>> form = {{"csrf", csrf},
                                                           {"simulateur", "mes-aides"}};
  for (const auto& step : kYoungSteps) form.insert(form.end(), step.begin(), step.end());

  auto bad = form;
  bad.emplace_back("email", "pas-une-adresse");
  HttpResponse refused = browser.PostForm("/simulateurs/envoyer", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Saisissez une adresse e-mail complète"));
  EXPECT_TRUE(Contains(refused.body, "774,77\u202f€"));  // the result is still there

  auto good = form;
  good.emplace_back("email", "Jade@Example.mq");
  HttpResponse sent = browser.PostForm("/simulateurs/envoyer", good);
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_TRUE(Contains(sent.Header("location"), "envoi=ok"));
  EXPECT_TRUE(Contains(browser.Get(sent.Header("location")).body, "C'est envoyé"));
  ASSERT_THAT(platform_->mail_sender().DeliverDue(), IsOk());
  std::string mail;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "mail")) {
    std::ifstream in(entry.path());
    std::stringstream content;
    content << in.rdbuf();
    if (Contains(content.str(), "jade@example.mq")) mail = content.str();
  }
  ASSERT_FALSE(mail.empty());
  EXPECT_TRUE(Contains(mail, "Quelles aides pour moi")) << mail;

  EXPECT_EQ(browser.PostForm("/simulateurs/envoyer", good).status, 303);
  EXPECT_EQ(browser.PostForm("/simulateurs/envoyer", good).status, 303);
  HttpResponse fourth = browser.PostForm("/simulateurs/envoyer", good);
  EXPECT_EQ(fourth.status, 429);
  EXPECT_TRUE(Contains(fourth.body, "Trop d&#39;envois"));
  EXPECT_FALSE(fourth.Header("retry-after").empty());
}

TEST(PlatformTest, ABadRulesFileStopsTheStartWithItsName) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("maplace-rules-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "smic.toml") << "[[smic]]\nfrom = \"pas une date\"\n";
  Config config;
  config.storage.url = "sqlite://" + (dir / "maplace.db").string();
  config.aids.rules_dir = dir.string();
  auto platform = Platform::Open(config);
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(platform.has_value());
  EXPECT_TRUE(Contains(platform.error().message, "smic.toml")) << platform.error().message;
}

}  // namespace
}  // namespace maplace::app

namespace maplace::app {
namespace {

// The period of the first contract year under the June 2026 SMIC, in the API's answer.
std::int64_t June2026Minimum(const HttpResponse& answer) {
  const auto json = nlohmann::json::parse(answer.body);
  for (const auto& period : json["pay"])
    if (period["from"] == "2026-06-01") return period["minimum_monthly_cents"].get<std::int64_t>();
  return -1;
}

TEST_F(HttpTest, AdministratorsChangeAnUncertainRuleParameterWithAReason) {
  const std::string situation =
      R"({"date":"2025-10-01","territory":"972","contract":{"starts_on":"2025-09-01","ends_on":"2027-08-31","certification_level":4},"apprentice":{"birth_date":"2006-03-15"},"employer":{"headcount":8}})";
  auto simulate = [&] { return PostJson(Client(), situation); };
  // 12,31 € × 151,67 h = 1 867,02 € × 43 % = 802,82 €
  EXPECT_EQ(June2026Minimum(simulate()), 80282);

  HttpClient admin = SignedIn(people::Role::kAdmin, "admin@opco.mq");
  HttpResponse list = admin.Get("/admin/regles");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("SMIC horaire au 1er juin 2026"), std::string::npos);
  EXPECT_NE(list.body.find("aucun décret lu"), std::string::npos);  // the source is shown
  HttpResponse form = admin.Get("/admin/regles/smic_2026_06_hourly_euros");
  ASSERT_EQ(form.status, 200);

  // A value that is not a number, or no reason: refused, nothing changes.
  HttpResponse bad = admin.PostForm("/admin/regles/smic_2026_06_hourly_euros",
                                    {{"csrf", Csrf(form)}, {"value", "douze"}, {"reason", "JO"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Saisissez un nombre"), std::string::npos);
  HttpResponse no_reason =
      admin.PostForm("/admin/regles/smic_2026_06_hourly_euros",
                     {{"csrf", Csrf(form)}, {"value", "12,50"}, {"reason", " "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_NE(no_reason.body.find("Dites pourquoi"), std::string::npos);
  EXPECT_EQ(June2026Minimum(simulate()), 80282);

  HttpResponse saved = admin.PostForm(
      "/admin/regles/smic_2026_06_hourly_euros",
      {{"csrf", Csrf(form)}, {"value", "12,50"}, {"reason", "Décret du 28 mai 2026 publié au JO"}});
  EXPECT_EQ(saved.status, 303);
  // 12,50 € × 151,67 h = 1 895,83 € × 43 % = 815,21 €
  EXPECT_EQ(June2026Minimum(simulate()), 81521);
  EXPECT_NE(admin.Get("/admin/regles").body.find("Modifiée le"), std::string::npos);

  // The rules still refuse what they refuse: a yes-no parameter takes 0 or 1.
  HttpResponse yes_no = admin.PostForm("/admin/regles/ctm_aids_enabled",
                                       {{"csrf", Csrf(form)}, {"value", "2"}, {"reason", "test"}});
  EXPECT_EQ(yes_no.status, 422);

  EXPECT_EQ(
      SignedIn(people::Role::kManager, "dir@opco.mq")
          .PostForm("/admin/regles/smic_2026_06_hourly_euros/retablir", {{"csrf", Csrf(form)}})
          .status,
      403);
  HttpResponse reset =
      admin.PostForm("/admin/regles/smic_2026_06_hourly_euros/retablir", {{"csrf", Csrf(form)}});
  EXPECT_EQ(reset.status, 303);
  EXPECT_EQ(June2026Minimum(simulate()), 80282);
  EXPECT_EQ(admin.Get("/admin/regles/nope").status, 404);
}

}  // namespace
}  // namespace maplace::app

namespace maplace::app {
namespace {

// The young person's answers for a contract in Martinique with a mobility to the Hexagone.
std::string MobilityAnswers(const std::string& already_received = "non") {
  return "contrat=apprentissage&debut=2025-09-01&fin=2027-08-31&niveau=4&territoire=972"
         "&naissance=2006-03-15&rqth=non&diplome=aucun&effectif=8&mobilite=hexagone"
         "&mobilite_recue=" +
         already_received + "&permis=non&locataire=non";
}

std::vector<std::pair<std::string, std::string>> FieldsOf(const std::string& query) {
  std::vector<std::pair<std::string, std::string>> fields;
  std::stringstream in(query);
  std::string pair;
  while (std::getline(in, pair, '&')) {
    const auto eq = pair.find('=');
    fields.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
  }
  return fields;
}

// A multipart body with the CSRF token and one file in the field "document".
HttpResponse Upload(HttpClient& client, const std::string& path, const std::string& csrf,
                    const std::string& filename, const std::string& bytes) {
  const std::string body =
      "--Bnd\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf +
      "\r\n--Bnd\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + filename +
      "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n--Bnd--\r\n";
  return client.Send("POST", path, body, {"Content-Type: multipart/form-data; boundary=Bnd"});
}

const std::string kPdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

TEST_F(HttpTest, AYoungPersonRequestsTheMobilityAidFromTheSimulatorResult) {
  const std::string result = "/simulateurs/mes-aides?" + MobilityAnswers() + "&aller=resultat";
  // A visitor is asked to log in, and comes back to the same result.
  HttpResponse visitor = Client().Get(result);
  ASSERT_EQ(visitor.status, 200) << visitor.body;
  EXPECT_TRUE(Contains(visitor.body, "Connectez-vous pour demander cette aide"));
  EXPECT_TRUE(Contains(visitor.body, "/connexion?retour=%2Fsimulateurs%2Fmes-aides%3F"));
  EXPECT_FALSE(Contains(visitor.body, "action=\"/simulateurs/demander\""));

  HttpClient young = SignedIn(people::Role::kYoungPerson, "jeune@example.mq");
  HttpResponse page = young.Get(result);
  ASSERT_EQ(page.status, 200);
  ASSERT_TRUE(Contains(page.body, "Demander cette aide")) << page.body;
  EXPECT_TRUE(Contains(page.body, "name=\"aide\" value=\"ultramarine-mobility\""));
  // Only the delegation's aids get the button.
  EXPECT_FALSE(Contains(page.body, "name=\"aide\" value=\"state-hiring-aid\""));

  auto fields = FieldsOf(MobilityAnswers());
  fields.emplace_back("csrf", Csrf(page));
  fields.emplace_back("simulateur", "mes-aides");
  fields.emplace_back("aide", "ultramarine-mobility");
  // An amount in the form is not an answer: the server computes it again.
  fields.emplace_back("amount_cents", "999999");
  HttpResponse started = young.PostForm("/simulateurs/demander", fields);
  ASSERT_EQ(started.status, 303) << started.body;
  const std::string location = started.Header("location");
  const std::string id = Match(location, "^/mes-demandes/([0-9]+)");
  ASSERT_FALSE(id.empty()) << location;
  const std::string base = "/mes-demandes/" + id;

  HttpResponse draft = young.Get(base);
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_TRUE(Contains(draft.body, "Aide à la mobilité ultramarine des apprentis"));
  EXPECT_TRUE(Contains(draft.body, "Brouillon"));
  EXPECT_TRUE(Contains(draft.body, "3\u202f000,00\u202f€"));
  EXPECT_TRUE(Contains(draft.body, "Envoyer ma demande"));
  HttpResponse list = young.Get("/mes-demandes");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "href=\"" + base + "\""));
  EXPECT_TRUE(Contains(list.body, "3\u202f000,00\u202f€"));
  EXPECT_TRUE(Contains(list.body, "Brouillon"));

  // Documents: checked by content and size, stored under a random name.
  const std::string csrf = Csrf(draft);
  HttpResponse pdf = Upload(young, base + "/pieces", csrf, "attestation.pdf", kPdf);
  ASSERT_EQ(pdf.status, 303) << pdf.body;
  HttpResponse html = Upload(young, base + "/pieces", csrf, "faux.pdf", "<html><script>x</script>");
  EXPECT_EQ(html.status, 422);
  EXPECT_TRUE(Contains(html.body, "Le fichier doit être un PDF, un JPEG ou un PNG."));
  EXPECT_TRUE(Contains(html.body, "href=\"#document\""));
  HttpResponse big =
      Upload(young, base + "/pieces", csrf, "gros.pdf", kPdf + std::string(5 * 1024 * 1024, 'x'));
  EXPECT_EQ(big.status, 422);
  EXPECT_TRUE(Contains(big.body, "Le fichier doit faire 5 Mo au plus."));
  HttpResponse sly = Upload(young, base + "/pieces", csrf, "../../secret.pdf", kPdf);
  ASSERT_EQ(sly.status, 303) << sly.body;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "documents"))
    EXPECT_TRUE(Matches(entry.path().filename().string(), "^[A-Za-z0-9_-]{32}$")) << entry.path();
  EXPECT_FALSE(std::filesystem::exists(dir_ / "secret.pdf"));
  HttpResponse with_documents = young.Get(base);
  EXPECT_TRUE(Contains(with_documents.body, "attestation.pdf"));
  EXPECT_TRUE(Contains(with_documents.body, ">secret.pdf<"));
  EXPECT_FALSE(Contains(with_documents.body, "../"));
  const std::string document =
      Match(with_documents.body, "href=\"" + base + "/pieces/([0-9]+)\">attestation");
  ASSERT_FALSE(document.empty()) << with_documents.body;
  HttpResponse download = young.Get(base + "/pieces/" + document);
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kPdf);
  EXPECT_EQ(download.Header("content-type"), "application/pdf");
  EXPECT_EQ(download.Header("content-disposition"),
            "attachment; filename=\"piece-" + document + ".pdf\"");
  EXPECT_EQ(download.Header("x-content-type-options"), "nosniff");
  bool sandboxed = false;
  for (const auto& csp : download.Headers("content-security-policy")) sandboxed |= csp == "sandbox";
  EXPECT_TRUE(sandboxed);

  // Bank details: a bad checksum is refused in French, a good IBAN shown masked only.
  HttpResponse bad_iban = young.PostForm(base + "/banque", {{"csrf", csrf},
                                                            {"holder", "Léa Marie-Sainte"},
                                                            {"iban", "FR7630006000011234567890188"},
                                                            {"bic", ""}});
  EXPECT_EQ(bad_iban.status, 422);
  EXPECT_TRUE(Contains(bad_iban.body, "href=\"#iban\""));
  EXPECT_TRUE(Contains(bad_iban.body,
                       "L&#39;IBAN est incorrect : vérifiez les caractères (clé de contrôle)."))
      << bad_iban.body;
  EXPECT_FALSE(Contains(bad_iban.body, "FR7630006000011234567890188"));
  HttpResponse bank =
      young.PostForm(base + "/banque", {{"csrf", csrf},
                                        {"holder", "Léa Marie-Sainte"},
                                        {"iban", "FR76 3000 6000 0112 3456 7890 189"},
                                        {"bic", ""}});
  ASSERT_EQ(bank.status, 303) << bank.body;
  HttpResponse banked = young.Get(base);
  EXPECT_FALSE(Contains(banked.body, "3456 7890"));
  EXPECT_TRUE(Contains(banked.body, "FR76 ")) << banked.body;
  EXPECT_TRUE(Contains(banked.body, "Léa Marie-Sainte"));

  // A message, then the submission.
  EXPECT_EQ(young.PostForm(base + "/message", {{"csrf", csrf}, {"message", ""}}).status, 422);
  EXPECT_EQ(young.PostForm(base + "/message", {{"csrf", csrf}, {"message", "Je pars en janvier."}})
                .status,
            303);
  HttpResponse submitted = young.PostForm(base + "/envoyer", {{"csrf", csrf}});
  ASSERT_EQ(submitted.status, 303) << submitted.body;
  HttpResponse sent = young.Get(base);
  EXPECT_TRUE(Contains(sent.body, "Envoyée"));
  EXPECT_TRUE(Contains(sent.body, "Je pars en janvier."));
  EXPECT_FALSE(Contains(sent.body, "Envoyer ma demande"));
  EXPECT_EQ(young.PostForm(base + "/envoyer", {{"csrf", csrf}}).status, 409);

  // The advisor asks for a complement: the young person reads what is missing and answers.
  HttpClient advisor = SignedIn(people::Role::kAdvisor, "conseil@example.mq");
  auto staff = platform_->accounts().Authenticate(advisor.cookies["maplace_session"]);
  ASSERT_TRUE(staff);
  const std::int64_t request_id = std::stoll(id);
  ASSERT_THAT(platform_->aid_requests().TakeUp(*staff, request_id), IsOk());
  ASSERT_THAT(platform_->aid_requests().RequestComplement(*staff, request_id,
                                                          "Il manque le programme de la mobilité."),
              IsOk());
  HttpResponse missing = young.Get(base);
  EXPECT_TRUE(Contains(missing.body, "Ce qui manque"));
  EXPECT_TRUE(Contains(missing.body, "Il manque le programme de la mobilité."));
  EXPECT_TRUE(Contains(missing.body, "Complément demandé"));
  HttpResponse empty = young.PostForm(base + "/complement", {{"csrf", csrf}, {"message", " "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Contains(empty.body, "href=\"#complement\"")) << empty.body;
  EXPECT_EQ(Upload(young, base + "/pieces", csrf, "programme.pdf", kPdf).status, 303);
  EXPECT_EQ(
      young
          .PostForm(base + "/complement", {{"csrf", csrf}, {"message", "Le programme est ajouté."}})
          .status,
      303);
  HttpResponse answered = young.Get(base);
  EXPECT_FALSE(Contains(answered.body, "Ce qui manque"));
  EXPECT_TRUE(Contains(answered.body, "Le programme est ajouté."));
  EXPECT_TRUE(Contains(answered.body, "Conseiller")) << answered.body;

  // Someone else's request does not exist for them, nor its documents.
  HttpClient other = SignedIn(people::Role::kYoungPerson, "autre@example.mq");
  EXPECT_EQ(other.Get(base).status, 404);
  EXPECT_EQ(other.Get(base + "/pieces/" + document).status, 404);
  const std::string other_csrf = Csrf(other.Get("/compte"));
  EXPECT_EQ(Upload(other, base + "/pieces", other_csrf, "x.pdf", kPdf).status, 404);
  EXPECT_EQ(other.PostForm(base + "/message", {{"csrf", other_csrf}, {"message", "coucou"}}).status,
            404);
  EXPECT_FALSE(Contains(other.Get("/mes-demandes").body, base));
  EXPECT_EQ(young.Get("/mes-demandes/abc").status, 404);
}

TEST_F(HttpTest, AnEmployerRequestsAnAidForItsApprenticeByName) {
  HttpClient employer = SignedIn(people::Role::kEmployer, "patron@example.mq");
  HttpResponse page =
      employer.Get("/simulateurs/mes-aides?" + MobilityAnswers() + "&aller=resultat");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Nom et prénom de l'apprenti")) << page.body;
  auto fields = FieldsOf(MobilityAnswers());
  fields.emplace_back("csrf", Csrf(page));
  fields.emplace_back("simulateur", "mes-aides");
  fields.emplace_back("aide", "ultramarine-mobility");
  HttpResponse nameless = employer.PostForm("/simulateurs/demander", fields);
  EXPECT_EQ(nameless.status, 422);
  EXPECT_TRUE(Contains(nameless.body, "Indiquez le nom de l&#39;apprenti."));
  fields.emplace_back("beneficiary_name", "Noé Bellay");
  HttpResponse started = employer.PostForm("/simulateurs/demander", fields);
  ASSERT_EQ(started.status, 303) << started.body;
  HttpResponse list = employer.Get("/mes-demandes");
  EXPECT_TRUE(Contains(list.body, "Noé Bellay"));
  EXPECT_TRUE(Contains(list.body, "Les demandes de votre organisation"));
}

TEST_F(HttpTest, ARequestForAnAidTheEngineRefusesIsRefusedWithItsReason) {
  HttpClient young = SignedIn(people::Role::kYoungPerson, "deja@example.mq");
  HttpResponse page =
      young.Get("/simulateurs/mes-aides?" + MobilityAnswers("oui") + "&aller=resultat");
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(Contains(page.body, "name=\"aide\" value=\"ultramarine-mobility\""));
  auto fields = FieldsOf(MobilityAnswers("oui"));
  fields.emplace_back("csrf", Csrf(page));
  fields.emplace_back("simulateur", "mes-aides");
  fields.emplace_back("aide", "ultramarine-mobility");
  HttpResponse refused = young.PostForm("/simulateurs/demander", fields);
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(Contains(refused.body, "Cette aide ne correspond pas à votre situation"))
      << refused.body;
  EXPECT_TRUE(Contains(refused.body, "Revenir au résultat"));
  EXPECT_FALSE(Contains(young.Get("/mes-demandes").body, "/mes-demandes/1"));
  // An aid paid by another body is not requested here.
  fields.back().second = "state-hiring-aid";
  HttpResponse elsewhere = young.PostForm("/simulateurs/demander", fields);
  EXPECT_EQ(elsewhere.status, 409);
  EXPECT_TRUE(Contains(elsewhere.body, "Cette aide ne se demande pas ici"));
}

// The staff side of aid requests, through the SQL store: instruction, four-eyes refusals,
// commitment against an envelope, an idempotent payment batch and its files.
class StaffRequestsTest : public HttpTest {
 protected:
  people::Actor ActorOf(HttpClient& client) {
    return *platform_->accounts().Authenticate(client.cookies["maplace_session"]);
  }
  // A submitted request for the ultramarine mobility aid of `amount_cents`, with a document and
  // bank details, made through the service (independent of the requester's pages).
  std::int64_t SubmittedRequest(const people::Actor& young, std::int64_t amount_cents) {
    aids::Situation s;
    s.territory = aids::Territory::kMartinique;
    s.apprentice.birth_date = *ParseIsoDate("2006-03-15");
    s.employer.headcount = 8;
    s.contract.certification_level = 4;
    s.contract.concluded_on = s.contract.starts_on = *ParseIsoDate("2025-09-01");
    s.contract.ends_on = *ParseIsoDate("2027-08-31");
    s.date = *ParseIsoDate("2025-10-01");
    s.mobility.destination = aids::MobilityDestination::kHexagone;
    auto& service = platform_->aid_requests();
    auto started = service.StartRequest(young, {"ultramarine-mobility", s, "", amount_cents});
    EXPECT_THAT(started, IsOk());
    const std::int64_t id = started->request.id;
    EXPECT_THAT(service.AddDocument(young, id, "%PDF-1.7 programme", "programme é.pdf"), IsOk());
    EXPECT_THAT(service.SetBankAccount(young, id, "Mélissa Joseph",
                                       "FR76 3000 6000 0112 3456 7890 189", "BNPAFRPP"),
                IsOk());
    EXPECT_THAT(service.Submit(young, id), IsOk());
    return id;
  }
  static int ThisYear() {
    using namespace std::chrono;
    const auto now = floor<days>(system_clock::now() - hours(4));
    return static_cast<int>(year_month_day{now}.year());
  }
  // The manager creates an envelope of the mobility aid for this year through /budgets.
  std::string CreateEnvelope(HttpClient& manager, const std::string& allocated) {
    HttpResponse form = manager.Get("/budgets");
    EXPECT_EQ(form.status, 200);
    HttpResponse created = manager.PostForm(
        "/budgets", {{"csrf", Csrf(form)},
                     {"aid_id", "ultramarine-mobility"},
                     {"year", std::to_string(ThisYear())},
                     {"funding_source", "opco"},
                     {"partner", ""},
                     {"label", "Mobilité " + std::to_string(ThisYear()) + " — fonds propres"},
                     {"allocated_cents", allocated}});
    EXPECT_EQ(created.status, 303) << created.body;
    return created.Header("location");
  }
  // Changes a user's role behind the application, as a promotion would.
  void SetRole(const std::string& email, const std::string& role) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "maplace.db").string().c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    const std::string sql = "UPDATE users SET role = '" + role + "' WHERE email = '" + email + "'";
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  std::string Path(std::int64_t id, const std::string& rest = "") {
    return "/conseil/demandes/" + std::to_string(id) + rest;
  }
  HttpResponse Act(HttpClient& client, std::int64_t id, const std::string& action,
                   std::vector<std::pair<std::string, std::string>> fields = {}) {
    fields.emplace_back("csrf", Csrf(client.Get(Path(id))));
    return client.PostForm(Path(id, "/" + action), fields);
  }
};

TEST_F(StaffRequestsTest, FromInstructionToPaymentWithFourEyes) {
  HttpClient young = SignedIn(people::Role::kYoungPerson, "melissa@example.mq");
  HttpClient advisor = SignedIn(people::Role::kAdvisor, "lea@opco.mq");
  HttpClient manager = SignedIn(people::Role::kManager, "direction@opco.mq");
  HttpClient finance = SignedIn(people::Role::kFinance, "finances@opco.mq");
  const people::Actor young_actor = ActorOf(young);

  EXPECT_EQ(CreateEnvelope(manager, "10 000"), "/budgets?info=cree");
  HttpResponse budgets = advisor.Get("/budgets");
  ASSERT_EQ(budgets.status, 200);
  EXPECT_TRUE(Contains(budgets.body, "10\u202f000,00\u202f€"));
  EXPECT_FALSE(Contains(budgets.body, "Créer l'enveloppe"));  // advisors only read
  EXPECT_EQ(young.Get("/budgets").status, 403);
  // A malformed envelope is refused in French beside its field.
  HttpResponse bad = manager.PostForm("/budgets", {{"csrf", Csrf(manager.Get("/budgets"))},
                                                   {"aid_id", "ultramarine-mobility"},
                                                   {"year", "deux mille"},
                                                   {"funding_source", "opco"},
                                                   {"label", "x"},
                                                   {"allocated_cents", "-5"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "Saisissez une année"));
  EXPECT_TRUE(Contains(bad.body, "Saisissez un montant en euros"));

  const std::int64_t id = SubmittedRequest(young_actor, 100000);  // 1 000 €, below the threshold

  // The queue and the request, with the engine's re-evaluation and the document.
  HttpResponse queue = advisor.Get("/conseil/demandes");
  ASSERT_EQ(queue.status, 200);
  EXPECT_TRUE(Contains(queue.body, "À instruire (1)"));
  EXPECT_TRUE(Contains(queue.body, Path(id)));
  EXPECT_TRUE(Contains(queue.body, "1\u202f000,00\u202f€"));
  HttpResponse page = advisor.Get(Path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Prendre en charge"));
  EXPECT_TRUE(Contains(page.body, "ouvre toujours droit à cette aide"));
  EXPECT_TRUE(Contains(page.body, "Condition remplie"));
  EXPECT_TRUE(Contains(page.body, "programme é.pdf"));
  EXPECT_TRUE(Contains(page.body, "FR76"));
  EXPECT_FALSE(Contains(page.body, "3000 6000 0112"));  // the IBAN is masked
  EXPECT_FALSE(Contains(manager.Get(Path(id)).body, "Prendre en charge"));
  const std::string document =
      Match(page.body, R"re(href="(/conseil/demandes/\d+/documents/\d+)")re");
  ASSERT_FALSE(document.empty());
  HttpResponse file = advisor.Get(document);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "%PDF-1.7 programme");
  EXPECT_EQ(file.Header("content-type"), "application/pdf");
  EXPECT_TRUE(Contains(file.Header("content-disposition"), "attachment;"));
  EXPECT_EQ(file.Header("x-content-type-options"), "nosniff");
  bool sandboxed = false;
  for (const auto& csp : file.Headers("content-security-policy")) sandboxed |= csp == "sandbox";
  EXPECT_TRUE(sandboxed);
  EXPECT_EQ(young.Get(document).status, 403);  // the staff's route; theirs is on their pages
  EXPECT_EQ(advisor.Get(Path(id, "/documents/999")).status, 404);
  EXPECT_EQ(advisor.Get(Path(999)).status, 404);

  // Take up, ask a complement (required), the young person answers.
  EXPECT_EQ(Act(advisor, id, "prendre-en-charge").status, 303);
  HttpResponse empty = Act(advisor, id, "complement", {{"message", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Contains(empty.body, "Dites ce qui manque à la demande."));
  EXPECT_EQ(
      Act(advisor, id, "complement", {{"message", "Le programme signé, s'il vous plaît."}}).status,
      303);
  EXPECT_TRUE(Contains(advisor.Get("/conseil/demandes").body, "En attente de complément (1)"));
  ASSERT_THAT(platform_->aid_requests().AnswerComplement(young_actor, id, "Le voici, signé."),
              IsOk());
  EXPECT_TRUE(Contains(advisor.Get(Path(id)).body, "Le voici, signé."));

  // Below the threshold the instructor decides, with a reason; a manager may not approve it.
  HttpResponse by_manager =
      Act(manager, id, "decision", {{"decision", "accorder"}, {"reason", "ok"}});
  EXPECT_EQ(by_manager.status, 403);
  EXPECT_TRUE(Contains(by_manager.body, "Seul le conseiller qui instruit décide."));
  HttpResponse no_reason = Act(advisor, id, "decision", {{"decision", "accorder"}, {"reason", ""}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Contains(no_reason.body, "Indiquez le motif de la décision."));
  EXPECT_EQ(Act(advisor, id, "decision",
                {{"decision", "accorder"}, {"reason", "Mobilité conforme au programme."}})
                .status,
            303);

  // The instructor cannot commit; a manager commits against the envelope.
  HttpResponse page_manager = manager.Get(Path(id));
  EXPECT_TRUE(Contains(page_manager.body, "À engager") || Contains(page_manager.body, "Engager"));
  const std::string envelope =
      Match(page_manager.body, R"re(<option value="(\d+)"[^>]*>Mobilité)re");
  ASSERT_FALSE(envelope.empty()) << page_manager.body;
  EXPECT_TRUE(Contains(page_manager.body, "reste 10\u202f000,00\u202f€"));
  HttpResponse by_instructor = advisor.PostForm(
      Path(id, "/engager"), {{"csrf", Csrf(advisor.Get(Path(id)))}, {"envelope_id", envelope}});
  EXPECT_EQ(by_instructor.status, 403);
  EXPECT_EQ(Act(manager, id, "engager", {{"envelope_id", envelope}}).status, 303);
  EXPECT_TRUE(Contains(advisor.Get("/budgets").body, "9\u202f000,00\u202f€"));

  // Finance pays in a batch; the same form sent again pays nothing more.
  EXPECT_EQ(advisor.Get("/finance/paiements").status, 403);
  HttpResponse payments = finance.Get("/finance/paiements");
  ASSERT_EQ(payments.status, 200);
  const std::string key = Match(payments.body, R"re(name="batch_key" value="([A-Z0-9-]+)")re");
  ASSERT_FALSE(key.empty());
  const std::string sid = std::to_string(id);
  const std::vector<std::pair<std::string, std::string>> batch = {{"csrf", Csrf(payments)},
                                                                  {"batch_key", key},
                                                                  {"pay", sid},
                                                                  {"instalment_" + sid, "1"},
                                                                  {"amount_" + sid, "1000,00"}};
  HttpResponse paid = finance.PostForm("/finance/paiements", batch);
  ASSERT_EQ(paid.status, 303) << paid.body;
  const std::string batch_page = paid.Header("location");
  EXPECT_TRUE(Contains(batch_page, "info=paye"));
  HttpResponse replay = finance.PostForm("/finance/paiements", batch);
  ASSERT_EQ(replay.status, 303);
  EXPECT_TRUE(Contains(replay.Header("location"), "info=rejoue"));
  HttpResponse lot = finance.Get(replay.Header("location"));
  EXPECT_TRUE(Contains(lot.body, "été payé une seconde fois"));
  EXPECT_TRUE(Contains(lot.body, key + "-" + sid + "-1"));
  auto view = platform_->aid_requests().View(young_actor, id);
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->payments.size(), 1u);
  EXPECT_EQ(view->record.request.paid_cents, 100000);
  EXPECT_TRUE(Contains(advisor.Get(Path(id)).body, "Payée"));
  EXPECT_TRUE(Contains(advisor.Get("/budgets").body, "1\u202f000,00\u202f€"));

  // The files of the batch.
  const std::string lot_path = Match(batch_page, R"re(^(/finance/lots/\d+))re");
  HttpResponse xml = finance.Get(lot_path + "/virements.xml");
  ASSERT_EQ(xml.status, 200) << xml.body;
  EXPECT_EQ(xml.Header("content-type"), "application/xml");
  EXPECT_EQ(xml.Header("content-disposition"),
            "attachment; filename=\"virements-" + key + ".xml\"");
  EXPECT_TRUE(Contains(xml.body, "pain.001.001.03"));
  EXPECT_TRUE(Contains(xml.body, "FR7630006000011234567890189"));
  HttpResponse csv = finance.Get(lot_path + "/comptabilite.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(Contains(csv.Header("content-disposition"), "attachment;"));
  EXPECT_TRUE(Contains(csv.body, key));
  EXPECT_EQ(manager.Get(lot_path + "/virements.xml").status, 403);

  // Sent, then confirmed; not twice.
  HttpResponse sent =
      finance.PostForm(lot_path + "/envoye", {{"csrf", Csrf(finance.Get(lot_path))}});
  EXPECT_EQ(sent.status, 303);
  EXPECT_TRUE(Contains(finance.Get(lot_path).body, "Marquer confirmé"));
  EXPECT_EQ(
      finance.PostForm(lot_path + "/confirme", {{"csrf", Csrf(finance.Get(lot_path))}}).status,
      303);
  EXPECT_TRUE(Contains(finance.Get(lot_path).body, "Confirmé par la banque"));
  EXPECT_EQ(finance.PostForm(lot_path + "/envoye", {{"csrf", Csrf(finance.Get(lot_path))}}).status,
            409);

  // Paid, the advisor closes it; then nothing more can be done on it.
  EXPECT_TRUE(Contains(advisor.Get(Path(id)).body, "Clôturer la demande"));
  EXPECT_EQ(Act(advisor, id, "cloturer").status, 303);
  EXPECT_EQ(platform_->aid_requests().View(young_actor, id)->record.request.state,
            aid_requests::RequestState::kClosed);
  EXPECT_FALSE(Contains(advisor.Get(Path(id)).body, "Clôturer la demande"));
  EXPECT_EQ(Act(advisor, id, "cloturer").status, 409);
}

TEST_F(StaffRequestsTest, AManagerWhoInstructedCannotCommit) {
  HttpClient young = SignedIn(people::Role::kYoungPerson, "melissa@example.mq");
  HttpClient advisor = SignedIn(people::Role::kAdvisor, "lea@opco.mq");
  HttpClient manager = SignedIn(people::Role::kManager, "direction@opco.mq");
  (void)CreateEnvelope(manager, "5000");
  const std::int64_t id = SubmittedRequest(ActorOf(young), 100000);
  EXPECT_EQ(Act(advisor, id, "prendre-en-charge").status, 303);
  EXPECT_EQ(
      Act(advisor, id, "decision", {{"decision", "accorder"}, {"reason", "Conforme."}}).status,
      303);
  // Léa, who instructed, becomes a manager: she still cannot commit this request.
  SetRole("lea@opco.mq", "manager");
  HttpClient promoted = LoggedIn("lea@opco.mq");
  HttpResponse page = promoted.Get(Path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(Contains(page.body, "/engager"));  // the form is not offered
  const std::string envelope = Match(manager.Get(Path(id)).body, R"re(<option value="(\d+)")re");
  ASSERT_FALSE(envelope.empty());
  HttpResponse refused = Act(promoted, id, "engager", {{"envelope_id", envelope}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(Contains(refused.body,
                       "La personne qui engage ne peut pas être celle qui a instruit ou demandé."));
  EXPECT_TRUE(Contains(manager.Get("/budgets").body, "5\u202f000,00\u202f€"));  // nothing committed
}

// Transfers between envelopes are approved like requests: finance proposes, a manager who did
// not propose approves, and only then does the money move; the month's movements show it.
TEST_F(StaffRequestsTest, ATransferBetweenEnvelopesMovesMoneyOnlyOnceAManagerApproves) {
  HttpClient manager = SignedIn(people::Role::kManager, "direction@opco.mq");
  HttpClient finance = SignedIn(people::Role::kFinance, "finances@opco.mq");
  HttpClient advisor = SignedIn(people::Role::kAdvisor, "lea@opco.mq");
  EXPECT_EQ(CreateEnvelope(manager, "10 000"), "/budgets?info=cree");
  HttpResponse state = manager.PostForm("/budgets", {{"csrf", Csrf(manager.Get("/budgets"))},
                                                     {"aid_id", "ultramarine-mobility"},
                                                     {"year", std::to_string(ThisYear())},
                                                     {"funding_source", "state"},
                                                     {"partner", ""},
                                                     {"label", "Mobilité — État"},
                                                     {"allocated_cents", "1 000"}});
  ASSERT_EQ(state.status, 303) << state.body;
  HttpResponse page = finance.Get("/budgets");
  const std::string from =
      Match(page.body, R"re(<option value="(\d+)">Mobilité \d+ — fonds propres)re");
  const std::string to = Match(page.body, R"re(<option value="(\d+)">Mobilité — État)re");
  ASSERT_FALSE(from.empty());
  ASSERT_FALSE(to.empty());
  EXPECT_FALSE(Contains(advisor.Get("/budgets").body, "Proposer le virement"));

  // Too much, and no reason: refused in French beside the fields, nothing proposed.
  HttpResponse bad = finance.PostForm("/budgets/virements", {{"csrf", Csrf(page)},
                                                             {"from_id", from},
                                                             {"to_id", to},
                                                             {"amount_cents", "10 000,01"},
                                                             {"reason", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "L&#39;enveloppe d&#39;origine n&#39;a pas assez"));
  EXPECT_TRUE(Contains(bad.body, "Dites pourquoi ces crédits changent d&#39;enveloppe."));
  EXPECT_TRUE(Contains(bad.body, "Aucun virement proposé."));

  HttpResponse proposed = finance.PostForm("/budgets/virements", {{"csrf", Csrf(page)},
                                                                  {"from_id", from},
                                                                  {"to_id", to},
                                                                  {"amount_cents", "4 000"},
                                                                  {"reason", "Report de crédits"}});
  ASSERT_EQ(proposed.status, 303) << proposed.body;
  EXPECT_EQ(proposed.Header("location"), "/budgets?info=propose#virements");
  HttpResponse listed = manager.Get("/budgets");
  EXPECT_TRUE(Contains(listed.body, "10 000,00 €"));  // nothing moved yet
  EXPECT_TRUE(Contains(listed.body, "À approuver"));
  const std::string transfer = Match(listed.body, R"re(action="/budgets/virements/(\d+)")re");
  ASSERT_FALSE(transfer.empty());
  // Finance cannot decide; a refusal needs a reason.
  EXPECT_EQ(finance
                .PostForm("/budgets/virements/" + transfer,
                          {{"csrf", Csrf(page)}, {"decision", "approve"}})
                .status,
            403);
  HttpResponse no_reason = manager.PostForm("/budgets/virements/" + transfer,
                                            {{"csrf", Csrf(listed)}, {"decision", "refuse"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Contains(no_reason.body, "Dites pourquoi le virement est refusé."));

  HttpResponse approved = manager.PostForm("/budgets/virements/" + transfer,
                                           {{"csrf", Csrf(listed)}, {"decision", "approve"}});
  ASSERT_EQ(approved.status, 303) << approved.body;
  HttpResponse after = advisor.Get("/budgets");
  EXPECT_TRUE(Contains(after.body, "6 000,00 €"));
  EXPECT_TRUE(Contains(after.body, "Approuvé"));
  EXPECT_TRUE(Contains(after.body, "+4 000,00 €"));  // the month's transfers in
  EXPECT_TRUE(Contains(after.body, "−4 000,00 €"));  // and out
  // Deciding again changes nothing.
  HttpResponse again =
      manager.PostForm("/budgets/virements/" + transfer,
                       {{"csrf", Csrf(listed)}, {"decision", "refuse"}, {"note", "Non"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(Contains(again.body, "Ce virement a déjà été décidé."));

  // A manager who proposes cannot approve their own proposal.
  HttpResponse own = manager.PostForm("/budgets/virements", {{"csrf", Csrf(listed)},
                                                             {"from_id", to},
                                                             {"to_id", from},
                                                             {"amount_cents", "100"},
                                                             {"reason", "Retour"}});
  ASSERT_EQ(own.status, 303) << own.body;
  HttpResponse mine = manager.Get("/budgets");
  EXPECT_TRUE(Contains(mine.body, "À approuver par une autre personne"));
  const std::string second = Match(mine.body, R"re(<tr id="virement-(\d+)">)re");
  ASSERT_FALSE(second.empty());
  HttpResponse self = manager.PostForm("/budgets/virements/" + second,
                                       {{"csrf", Csrf(mine)}, {"decision", "approve"}});
  EXPECT_EQ(self.status, 403);
  EXPECT_TRUE(Contains(self.body, "par une autre personne que celle qui l&#39;a proposé"));
}

// Steering (issue 9): the indicators with their definitions, for staff only; the public
// statistics with small counts not published.
TEST_F(StaffRequestsTest, TheSteeringPageAndApiGiveEachIndicatorWithItsDefinition) {
  HttpClient manager = SignedIn(people::Role::kManager, "direction@opco.mq");
  HttpClient young = SignedIn(people::Role::kYoungPerson, "melissa@example.mq");
  EXPECT_EQ(CreateEnvelope(manager, "10 000"), "/budgets?info=cree");

  HttpResponse page = manager.Get("/pilotage");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Budget des aides alloué"));
  EXPECT_TRUE(Contains(page.body, "10\u202f000,00\u202f€"));
  EXPECT_TRUE(Contains(page.body, "Somme des montants alloués."));
  EXPECT_TRUE(Contains(page.body, R"(role="img" aria-labelledby="chart-budget.allocated-title")"));
  EXPECT_TRUE(Contains(page.body, "Aide à la mobilité ultramarine des apprentis"));  // its table
  EXPECT_TRUE(Contains(page.body, ">Aide à la mobilité ultramar…</text>"));          // its chart
  EXPECT_EQ(young.Get("/pilotage").status, 403);
  EXPECT_EQ(young.Get("/api/v1/indicators").status, 403);

  HttpResponse api = manager.Get("/api/v1/indicators?year=" + std::to_string(ThisYear()));
  ASSERT_EQ(api.status, 200);
  const auto body = nlohmann::json::parse(api.body);
  EXPECT_EQ(body["year"], ThisYear());
  bool found = false;
  for (const auto& indicator : body["indicators"]) {
    EXPECT_FALSE(indicator["definition"].get<std::string>().empty()) << indicator["id"];
    if (indicator["id"] == "budget.allocated") {
      found = true;
      EXPECT_EQ(indicator["value"], 1'000'000);
      EXPECT_EQ(indicator["unit"], "cents");
      EXPECT_EQ(indicator["previous"], 0);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(manager.Get("/api/v1/indicators?year=1999").status, 422);

  HttpResponse statistics = young.Get("/statistiques");
  ASSERT_EQ(statistics.status, 200);
  EXPECT_TRUE(Contains(statistics.body, "non publié"));  // nothing reaches 5 here
  HttpResponse csv = Client().Get("/statistiques.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(Contains(csv.body, "annee;indicateur;libelle;valeur"));
}

TEST_F(StaffRequestsTest, PaymentFilesNeedTheDelegationsAccount) {
  HttpClient finance = SignedIn(people::Role::kFinance, "finances@opco.mq");
  HttpResponse empty = finance.Get("/finance/paiements");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(Contains(empty.body, "Aucune demande engagée ne reste à payer."));
  EXPECT_TRUE(Contains(empty.body, "Aucun lot."));
  HttpResponse nothing = finance.PostForm("/finance/paiements", {{"csrf", Csrf(empty)}});
  EXPECT_EQ(nothing.status, 422);
  EXPECT_TRUE(Contains(nothing.body, "Cochez au moins un versement à payer."));
  EXPECT_EQ(finance.Get("/finance/lots/1").status, 404);
  EXPECT_EQ(SignedIn(people::Role::kAdvisor, "lea@opco.mq").Get("/conseil/demandes").status, 200);
  EXPECT_EQ(SignedIn(people::Role::kAdmin, "admin@opco.mq").Get("/conseil/demandes").status, 403);
}

class StaffRequestsWithoutDebtorTest : public StaffRequestsTest {
 protected:
  std::string DebtorIban() override { return ""; }
};

TEST_F(StaffRequestsWithoutDebtorTest, SaysTheAccountIsNotConfigured) {
  HttpClient finance = SignedIn(people::Role::kFinance, "finances@opco.mq");
  HttpResponse page = finance.Get("/finance/paiements");
  EXPECT_TRUE(Contains(page.body, "MAPLACE_DEBTOR_IBAN"));
  HttpResponse xml = finance.Get("/finance/lots/1/virements.xml");
  EXPECT_EQ(xml.status, 409);
  EXPECT_TRUE(Contains(xml.body, "MAPLACE_DEBTOR_IBAN"));
}

}  // namespace
}  // namespace maplace::app

namespace maplace::app {
namespace {

TEST_F(HttpTest, StaffDownloadTheYearsWorkbook) {
  HttpClient advisor = SignedIn(people::Role::kAdvisor, "lea@opco.mq");
  HttpResponse book = advisor.Get("/conseil/export-aides.xlsx?annee=2025");
  ASSERT_EQ(book.status, 200) << book.body;
  EXPECT_EQ(book.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(book.Header("content-disposition").find("attachment; filename=\"aides-2025.xlsx\""),
            std::string::npos);
  EXPECT_EQ(book.body.substr(0, 2), "PK");  // a zip archive, as every XLSX
  EXPECT_EQ(advisor.Get("/conseil/export-aides.xlsx?annee=1900").status, 422);
  EXPECT_EQ(SignedIn(people::Role::kYoungPerson, "jeune@example.mq")
                .Get("/conseil/export-aides.xlsx")
                .status,
            403);
}

}  // namespace
}  // namespace maplace::app
