// Whole-server tests of the young person's space (issue 4 §3): the profile form, what an
// employer may see of a minor's profile, favourites from the offer and search pages, saved
// searches, and the daily digest with its unsubscribe link.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/saved_search_digest.h"
#include "app/test_support.h"
#include "core/date.h"
#include "core/error_matchers.h"
#include "core/text.h"

namespace maplace::app {
namespace {

using testing_http::HttpClient;
using testing_http::HttpResponse;

// A birth date `years` years before today (Martinique), plus `days` days.
std::string BirthDate(int years, int days = 0) {
  return FormatIsoDate(AddDays(AddYears(MartiniqueDate(std::time(nullptr)), -years), days));
}

class YoungHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("young");
    auto platform = Platform::Open(TestConfig(dir_));
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    ASSERT_THAT(SeedKitchenReference(platform_->store()), IsOk());
    // After the reference data: the search index reads the communes at start-up.
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient SignedIn(people::Role role, const std::string& email, const std::string& name) {
    return app::SignedIn(*platform_, base_, role, email, nullptr, name);
  }
  // A young person signed in, whose id goes to `id`.
  HttpClient Young(const std::string& email, const std::string& name, std::int64_t* id) {
    *id = NewUser(*platform_, people::Role::kYoungPerson, email, name);
    return LoggedIn(*platform_, base_, email);
  }

  void Apply(HttpClient& young, const std::string& offer) {
    auto page = young.Get("/offres/" + offer + "/postuler");
    std::string body;
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"csrf", Csrf(page)},
             {"message", "Bonjour, la cuisine créole me passionne."},
             {"start_date", ""},
             {"cfa_place", "no"}})
      body +=
          "--Bnd\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    body += "--Bnd--\r\n";
    auto sent = young.Send("POST", "/offres/" + offer + "/postuler", body,
                           {"Content-Type: multipart/form-data; boundary=Bnd"});
    ASSERT_EQ(sent.status, 303) << sent.body;
  }

  std::vector<std::pair<std::string, std::string>> Profile(const std::string& csrf,
                                                           const std::string& birth, bool visible) {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"csrf", csrf},
        {"wishes", "cuisine créole"},
        {"rome_code", "Personnel de cuisine (G1602)"},
        {"level", "3"},
        {"commune", "Le Lamentin"},
        {"mobility_km", "25"},
        {"birth_date", birth},
        {"phone", "0696 12 34 56"}};
    if (visible) fields.emplace_back("visible", "1");
    return fields;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
};

TEST_F(YoungHttpTest, TheProfileFormRefusesMistakesInFrenchStoresNothingThenSaves) {
  HttpClient young = SignedIn(people::Role::kYoungPerson, "lea@example.mq", "Léa");
  auto page = young.Get("/mon-profil");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "href=\"/mon-profil\" aria-current=\"page\""));  // in the menu
  EXPECT_TRUE(Contains(page.body, "<option value=\"Le Lamentin\">"));
  auto bad = young.PostForm("/mon-profil", {{"csrf", Csrf(page)},
                                            {"wishes", "<b>cuisine</b>"},
                                            {"commune", "Paris"},
                                            {"mobility_km", "mille"},
                                            {"birth_date", "31/02/2005"},
                                            {"phone", "abc"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "Il y a 5 erreurs"));
  EXPECT_TRUE(Contains(bad.body, "Les signes &lt; et &gt; ne sont pas acceptés"));
  EXPECT_TRUE(Contains(bad.body, "Cette commune n&#39;est pas dans nos territoires") ||
              Contains(bad.body, "Cette commune n'est pas dans nos territoires"));
  EXPECT_TRUE(Contains(bad.body, "Indiquez une distance en kilomètres"));
  EXPECT_TRUE(Contains(bad.body, "Indiquez une date réelle"));
  EXPECT_TRUE(Contains(bad.body, "&lt;b&gt;cuisine&lt;/b&gt;"));  // what was typed, escaped
  EXPECT_FALSE(Contains(bad.body, "<b>cuisine</b>"));
  auto none = young.Get("/mon-profil");
  EXPECT_FALSE(Contains(none.body, "value=\"cuisine"));

  auto saved = young.PostForm("/mon-profil", Profile(Csrf(page), BirthDate(20), false));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.Header("location"), "/mon-profil?info=profil-enregistre");
  auto shown = young.Get("/mon-profil?info=profil-enregistre");
  EXPECT_TRUE(Contains(shown.body, "Votre profil est enregistré"));
  EXPECT_TRUE(Contains(shown.body, "value=\"cuisine créole\""));
  EXPECT_TRUE(Contains(shown.body, "value=\"Personnel de cuisine (G1602)\""));
  EXPECT_TRUE(Contains(shown.body, "value=\"0696123456\""));
  EXPECT_TRUE(Contains(shown.body, "/recherche?q=cuisine%20cr") ||
              Contains(shown.body, "/recherche?q=cuisine+cr"));

  // Employers and visitors do not reach it.
  HttpClient employer = SignedIn(people::Role::kEmployer, "chef@example.mq", "Chef");
  EXPECT_EQ(employer.Get("/mon-profil").status, 403);
  EXPECT_EQ(HttpClient(base_).Get("/mon-profil").status, 303);
}

TEST_F(YoungHttpTest, AMinorsProfileShowsNothingToEmployersUntilTheyTickTheBox) {
  HttpClient employer = SignedIn(people::Role::kEmployer, "chef@example.mq", "Chef");
  HttpClient other = SignedIn(people::Role::kEmployer, "garage@example.mq", "Garage");
  const std::string offer = PublishOffer(employer, "Apprenti cuisinier");
  std::int64_t id = 0;
  HttpClient young = Young("lea@example.mq", "Léa", &id);
  const std::string path = "/employeur/jeunes/" + std::to_string(id);
  auto form = young.Get("/mon-profil");
  // 17, turning 18 tomorrow.
  ASSERT_EQ(young.PostForm("/mon-profil", Profile(Csrf(form), BirthDate(18, 1), false)).status,
            303);
  EXPECT_TRUE(Contains(young.Get("/mon-profil").body, "Vous avez moins de 18 ans"));
  Apply(young, offer);
  // The employer reads the application they were sent, not the profile.
  auto inbox = employer.Get("/employeur/candidatures");
  EXPECT_TRUE(Contains(inbox.body, "Léa"));
  EXPECT_EQ(employer.Get(path).status, 404);
  const std::string application = Match(inbox.body, R"re(href="(/employeur/candidatures/\d+)")re");
  ASSERT_FALSE(application.empty()) << inbox.body;
  EXPECT_FALSE(Contains(employer.Get(application).body, path));  // no link to the profile

  ASSERT_EQ(young.PostForm("/mon-profil", Profile(Csrf(form), BirthDate(18, 1), true)).status, 303);
  EXPECT_TRUE(Contains(employer.Get(application).body, "href=\"" + path + "\""));
  auto seen = employer.Get(path);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_TRUE(Contains(seen.body, "cuisine créole"));
  EXPECT_TRUE(Contains(seen.body, "Le Lamentin"));
  EXPECT_FALSE(Contains(seen.body, "0696"));  // never a minor's phone
  EXPECT_FALSE(Contains(seen.body, BirthDate(18, 1)));
  EXPECT_EQ(other.Get(path).status, 404);  // not written to
  EXPECT_EQ(young.Get(path).status, 403);

  // An adult who applied and ticked the box: the phone too.
  std::int64_t adult_id = 0;
  HttpClient adult = Young("tom@example.mq", "Tom", &adult_id);
  auto adult_form = adult.Get("/mon-profil");
  ASSERT_EQ(adult.PostForm("/mon-profil", Profile(Csrf(adult_form), BirthDate(19), true)).status,
            303);
  Apply(adult, offer);
  EXPECT_TRUE(
      Contains(employer.Get("/employeur/jeunes/" + std::to_string(adult_id)).body, "0696123456"));
}

TEST_F(YoungHttpTest, FavouritesFromTheOfferAndSearchPagesStayListedWhenClosed) {
  HttpClient employer = SignedIn(people::Role::kEmployer, "chef@example.mq", "Chef");
  const std::string offer = PublishOffer(employer, "Apprenti cuisinier");
  const std::string second = PublishOffer(employer, "Commis de cuisine");
  // Visitors and employers get no button.
  EXPECT_FALSE(Contains(HttpClient(base_).Get("/offres/" + offer).body, "Ajouter aux favoris"));
  EXPECT_FALSE(Contains(employer.Get("/offres/" + offer).body, "Ajouter aux favoris"));

  HttpClient young = SignedIn(people::Role::kYoungPerson, "lea@example.mq", "Léa");
  auto page = young.Get("/offres/" + offer);
  ASSERT_TRUE(Contains(page.body, "Ajouter aux favoris"));
  EXPECT_EQ(young.PostForm("/mes-favoris", {{"kind", "offer"}, {"id", offer}}).status, 403);
  auto added = young.PostForm(
      "/mes-favoris",
      {{"csrf", Csrf(page)}, {"kind", "offer"}, {"id", offer}, {"retour", "/offres/" + offer}});
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(added.Header("location"), "/offres/" + offer);
  EXPECT_TRUE(Contains(young.Get("/offres/" + offer).body, "Dans vos favoris"));
  // Twice: no error. Somewhere else than the site: back to the favourites.
  auto again = young.PostForm(
      "/mes-favoris",
      {{"csrf", Csrf(page)}, {"kind", "offer"}, {"id", offer}, {"retour", "//evil.example/x"}});
  EXPECT_EQ(again.Header("location"), "/mes-favoris");
  EXPECT_EQ(young.PostForm("/mes-favoris", {{"csrf", Csrf(page)}, {"kind", "offer"}, {"id", "999"}})
                .status,
            404);

  // From the search results.
  auto results = young.Get("/recherche?q=commis&kind=offer");
  ASSERT_EQ(results.status, 200);
  EXPECT_TRUE(Contains(results.body, "Ajouter aux favoris : Commis de cuisine")) << results.body;
  auto from_search = young.PostForm("/mes-favoris", {{"csrf", Csrf(results)},
                                                     {"kind", "offer"},
                                                     {"id", second},
                                                     {"retour", "/recherche?q=commis&kind=offer"}});
  EXPECT_EQ(from_search.Header("location"), "/recherche?q=commis&kind=offer");
  EXPECT_TRUE(Contains(young.Get("/recherche?q=commis&kind=offer").body, "Dans vos favoris"));

  // The employer closes the first offer: still listed, marked closed, without its link.
  auto manage = employer.Get("/employeur/offres/" + offer);
  ASSERT_EQ(employer.PostForm("/employeur/offres/" + offer + "/cloturer", {{"csrf", Csrf(manage)}})
                .status,
            303);
  auto mine = young.Get("/mes-favoris");
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(Contains(mine.body, "Apprenti cuisinier"));
  EXPECT_TRUE(Contains(mine.body, "Clôturée"));
  EXPECT_FALSE(Contains(mine.body, "href=\"/offres/" + offer + "\""));
  EXPECT_TRUE(Contains(mine.body, "href=\"/offres/" + second + "\""));

  auto removed = young.PostForm(
      "/mes-favoris/retirer",
      {{"csrf", Csrf(mine)}, {"kind", "offer"}, {"id", offer}, {"retour", "/mes-favoris"}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_FALSE(Contains(young.Get("/mes-favoris").body, "Apprenti cuisinier"));
}

TEST_F(YoungHttpTest, ASavedSearchAlertsByMailAndItsLinkUnsubscribesWithoutLogin) {
  std::int64_t lea = 0;
  HttpClient young = Young("lea@example.mq", "Léa", &lea);
  // Visitors and employers see no « Enregistrer cette recherche ».
  EXPECT_FALSE(
      Contains(HttpClient(base_).Get("/recherche?q=cuisine").body, "Enregistrer cette recherche"));
  auto results = young.Get("/recherche?q=cuisine&commune=Le+Lamentin&radius_km=30&page=1");
  ASSERT_EQ(results.status, 200);
  ASSERT_TRUE(Contains(results.body, "Enregistrer cette recherche"));
  const std::string query = Match(results.body, R"re(name="query" value="([^"]+)")re");
  EXPECT_EQ(query, "commune=Le%20Lamentin&amp;q=cuisine&amp;radius_km=30");
  const std::string name = Match(results.body, R"re(name="name" type="text" value="([^"]+)")re");
  EXPECT_EQ(name, "cuisine près de Le Lamentin");

  // A search /recherche refuses cannot be saved.
  auto bad = young.PostForm("/mes-recherches",
                            {{"csrf", Csrf(results)}, {"query", "q=cuisine&radius_km=9999"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "Cette recherche contient une erreur"));

  auto saved = young.PostForm("/mes-recherches", {{"csrf", Csrf(results)},
                                                  {"query", "kind=offer&q=cuisine"},
                                                  {"name", name},
                                                  {"alerts", "1"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto list = young.Get("/mes-recherches");
  EXPECT_TRUE(Contains(list.body, "cuisine près de Le Lamentin"));
  EXPECT_TRUE(Contains(list.body, "« cuisine » · offres"));
  EXPECT_TRUE(Contains(list.body, "href=\"/recherche?kind=offer&amp;q=cuisine\""));
  EXPECT_TRUE(Contains(list.body, "activée"));
  auto twice = young.PostForm("/mes-recherches",
                              {{"csrf", Csrf(results)}, {"query", "q=cuisine&kind=offer"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(Contains(twice.body, "déjà enregistrée"));

  // Nothing new yet: no mail.
  auto& digest = platform_->saved_search_digest();
  EXPECT_EQ(digest.SendAll()->mails, 0);

  // An employer publishes a matching offer; the live index finds it.
  HttpClient employer = SignedIn(people::Role::kEmployer, "chef@example.mq", "Chef");
  const std::string offer = PublishOffer(employer, "Apprenti cuisinier");
  // A day later (a clock the test sets): the offer is news, once.
  ManualClock later(std::time(nullptr) + 5);
  auto sent = SendAlertsFromStore(platform_->store(), platform_->offers(), platform_->trainings(),
                                  platform_->young_people(), later);
  ASSERT_THAT(sent, IsOk());
  EXPECT_EQ(sent->searches, 1);
  EXPECT_EQ(sent->mails, 1);
  EXPECT_EQ(sent->offers, 1);
  EXPECT_EQ(SendAlertsFromStore(platform_->store(), platform_->offers(), platform_->trainings(),
                                platform_->young_people(), later)
                ->mails,
            0);                           // never twice
  EXPECT_EQ(digest.SendAll()->mails, 0);  // nor by the server's own digest

  std::string body;
  ASSERT_THAT(platform_->store().Read([&](Repositories& r) -> Status {
    auto latest = r.outbox().Latest(20);
    if (!latest) return Fail(latest.error());
    for (const auto& m : *latest)
      if (m.mail.to == "lea@example.mq") body = m.mail.body;
    return Ok();
  }),
              IsOk());
  EXPECT_TRUE(Contains(body, "Apprenti cuisinier"));
  EXPECT_TRUE(Contains(body, base_ + "/offres/" + offer));
  // The shared one-click link (outbox/unsubscribe.h), in the footer and in the headers.
  const std::string shared = Match(body, "(/desabonnement\\?adresse=[^\\s]+)");
  ASSERT_FALSE(shared.empty()) << body;
  EXPECT_FALSE(Contains(body, "/alertes/desabonnement"));
  std::string header;
  ASSERT_THAT(platform_->store().Read([&](Repositories& r) -> Status {
    auto latest = r.outbox().Latest(20);
    if (!latest) return Fail(latest.error());
    for (const auto& m : *latest)
      if (m.mail.to == "lea@example.mq") header = m.mail.list_unsubscribe;
    return Ok();
  }),
              IsOk());
  EXPECT_EQ(header, base_ + shared);
  // The links of mails sent before keep working.
  const std::string link =
      "/alertes/desabonnement?token=" + platform_->young_people().UnsubscribeToken(lea);

  // The link: a page with one button, no login; opening it changes nothing.
  HttpClient visitor(base_);
  auto ask = visitor.Get(link);
  ASSERT_EQ(ask.status, 200);
  EXPECT_TRUE(Contains(young.Get("/mes-recherches").body, "activée"));
  auto forged =
      visitor.PostForm("/alertes/desabonnement", {{"csrf", Csrf(ask)}, {"token", "1.deadbeef"}});
  EXPECT_EQ(forged.status, 400);
  EXPECT_TRUE(Contains(forged.body, "lien de désabonnement n&#39;est pas valide") ||
              Contains(forged.body, "lien de désabonnement n'est pas valide"));
  auto done = visitor.PostForm(
      "/alertes/desabonnement",
      {{"csrf", Csrf(ask)}, {"token", Match(ask.body, R"re(name="token" value="([^"]+)")re")}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(Contains(done.body, "vous ne recevrez plus d"));
  EXPECT_TRUE(Contains(young.Get("/mes-recherches").body, "désactivée"));

  // RFC 8058 one-click on the shared link: the address leaves the alerts' list.
  auto left = HttpClient(base_).Send("POST", shared, "List-Unsubscribe=One-Click",
                                     {"Content-Type: application/x-www-form-urlencoded"});
  ASSERT_EQ(left.status, 200) << left.body;
  auto unsubscribed = [&] {
    return *ReadValue(platform_->store(), [](Repositories& r) {
      return outbox::IsUnsubscribed(r, "lea@example.mq", outbox::kListSavedSearches);
    });
  };
  EXPECT_TRUE(unsubscribed());

  // Alerts back on (the address is back on the list), then the search deleted.
  const std::string id = Match(list.body, "/mes-recherches/([0-9]+)/alertes");
  EXPECT_EQ(
      young.PostForm("/mes-recherches/" + id + "/alertes", {{"csrf", Csrf(list)}, {"alerts", "1"}})
          .Header("location"),
      "/mes-recherches?info=alerte-activee");
  EXPECT_FALSE(unsubscribed());
  EXPECT_EQ(young.PostForm("/mes-recherches/" + id + "/supprimer", {{"csrf", Csrf(list)}}).status,
            303);
  EXPECT_TRUE(Contains(young.Get("/mes-recherches").body, "pas encore enregistré de recherche"));
  // Someone else's search is a 404.
  HttpClient tom = SignedIn(people::Role::kYoungPerson, "tom@example.mq", "Tom");
  auto tom_page = tom.Get("/mes-recherches");
  EXPECT_EQ(tom.PostForm("/mes-recherches/" + id + "/supprimer", {{"csrf", Csrf(tom_page)}}).status,
            404);
}

}  // namespace
}  // namespace maplace::app
