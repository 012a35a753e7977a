// Whole-server tests of issue 5: employers' sign-up with a SIRET, the advisors' queue, offers
// and their public page, reports; and that one organisation never reaches another's offers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"

namespace maplace::app {
namespace {

using testing_http::HttpClient;
using testing_http::HttpResponse;

class EmployerHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("employer");
    Config config = TestConfig(dir_);
    auto platform = Platform::Open(config);
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
    ASSERT_THAT(SeedKitchenReference(platform_->store()), IsOk());
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient Client() { return HttpClient(base_); }
  // The token of the link in the latest mail to `to`.
  std::string MailedToken(const std::string& to, const std::string& pattern = "jeton=") {
    EXPECT_THAT(platform_->mail_sender().DeliverDue(), IsOk());
    std::string token, latest;
    for (const auto& entry : std::filesystem::directory_iterator(dir_ / "mail")) {
      std::ifstream in(entry.path());
      std::stringstream content;
      content << in.rdbuf();
      if (!Contains(content.str(), "To: <" + to + ">")) continue;
      std::string found = Match(content.str(), pattern + "([A-Za-z0-9_-]+)");
      if (!found.empty() && entry.path().filename().string() > latest) {
        token = found;
        latest = entry.path().filename().string();
      }
    }
    return token;
  }
  HttpClient Staff(people::Role role, const std::string& email) {
    NewUser(*platform_, role, email, "Conseillère");
    return LoggedIn(*platform_, base_, email);
  }

  // Signs an employer up through the form and confirms the address.
  HttpClient SignUpEmployer(const std::string& email, const std::string& siret,
                            const std::string& name) {
    HttpClient client = Client();
    auto form = client.Get("/inscription/entreprise");
    EXPECT_EQ(form.status, 200);
    auto done = client.PostForm("/inscription/entreprise", {{"csrf", Csrf(form)},
                                                            {"name", name},
                                                            {"siret", siret},
                                                            {"address", "12 rue Victor Hugo"},
                                                            {"commune_code", "97213"},
                                                            {"headcount", "1-9"},
                                                            {"idcc", "1979"},
                                                            {"naf", ""},
                                                            {"display_name", "Jean Patron"},
                                                            {"email", email},
                                                            {"password", kTestPassword}});
    EXPECT_EQ(done.status, 303) << done.body;
    const std::string token = MailedToken(email);
    EXPECT_FALSE(token.empty());
    auto confirm = client.Get("/inscription/confirmer?jeton=" + token);
    auto confirmed =
        client.PostForm("/inscription/confirmer", {{"csrf", Csrf(confirm)}, {"jeton", token}});
    EXPECT_EQ(confirmed.status, 303);
    return client;
  }

  std::vector<std::pair<std::string, std::string>> OfferForm(const std::string& csrf,
                                                             const std::string& title) {
    return {{"csrf", csrf},
            {"rome_code", "Personnel de cuisine (G1602)"},
            {"title", title},
            {"level", "3"},
            {"contract", "apprentissage"},
            {"start_date", ""},
            {"duration_months", "24"},
            {"positions", "1"},
            {"rhythm", "2 jours au CFA / 3 jours en entreprise"},
            {"description", "Vous apprendrez la cuisine créole auprès de notre chef."},
            {"commune_code", "97213"},
            {"pause_after_applications", ""}};
  }
  // Creates a draft through the form; returns its id.
  std::string PostOffer(HttpClient& client, const std::string& title) {
    auto form = client.Get("/employeur/offres/nouvelle");
    EXPECT_EQ(form.status, 200);
    auto created = client.PostForm("/employeur/offres", OfferForm(Csrf(form), title));
    EXPECT_EQ(created.status, 303) << created.body;
    return Match(created.Header("location"), "/employeur/offres/([0-9]+)");
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
};

TEST_F(EmployerHttpTest, AnInvalidSiretIsRefusedInFrenchAndNothingIsStored) {
  HttpClient client = Client();
  auto form = client.Get("/inscription/entreprise");
  auto done = client.PostForm("/inscription/entreprise", {{"csrf", Csrf(form)},
                                                          {"name", "<script>alert(1)</script>"},
                                                          {"siret", "123 456 789 00016"},
                                                          {"display_name", "Jean"},
                                                          {"email", "jean@example.mq"},
                                                          {"password", kTestPassword}});
  EXPECT_EQ(done.status, 422);
  EXPECT_TRUE(Contains(done.body, "Ce numéro SIRET n&#39;existe pas"));
  EXPECT_FALSE(Contains(done.body, "<script>alert(1)"));
  EXPECT_TRUE(Contains(done.body, "123 456 789 00016"));  // kept in the field
  EXPECT_THAT(platform_->store().Read([](Repositories& r) -> Status {
    EXPECT_TRUE(r.organisations().List()->empty());
    EXPECT_FALSE(r.users().FindByEmail("jean@example.mq").has_value());
    return Ok();
  }),
              IsOk());
}

TEST_F(EmployerHttpTest, FromSignUpToValidationToAPublishedOffer) {
  HttpClient employer = SignUpEmployer("patron@example.mq", "123 456 789 00015", "Restaurant Bèlè");
  // Not validated yet: drafts only, and the employer is told why.
  auto list = employer.Get("/employeur/offres");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "pas encore validée"));
  const std::string id = PostOffer(employer, "Apprenti cuisinier");
  ASSERT_FALSE(id.empty());
  auto manage = employer.Get("/employeur/offres/" + id);
  EXPECT_TRUE(Contains(manage.body, "Vous ne pouvez pas encore publier"));
  EXPECT_TRUE(Contains(manage.body, "Ce que coûtera l'apprenti"));
  EXPECT_TRUE(Contains(manage.body, "/simulateurs/cout-apprenti?"));
  auto refused =
      employer.PostForm("/employeur/offres/" + id + "/publier", {{"csrf", Csrf(manage)}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(Client().Get("/offres/" + id).status, 404);

  // An advisor validates.
  HttpClient advisor = Staff(people::Role::kAdvisor, "conseil@example.mq");
  auto queue = advisor.Get("/conseil/organisations");
  EXPECT_EQ(queue.status, 200);
  EXPECT_TRUE(Contains(queue.body, "Restaurant Bèlè"));
  EXPECT_TRUE(Contains(queue.body, "12345678900015"));
  const std::string organisation = Match(queue.body, "data-organisation=\"([0-9]+)\"");
  auto validated = advisor.PostForm("/conseil/organisations/" + organisation + "/valider",
                                    {{"csrf", Csrf(queue)}});
  EXPECT_EQ(validated.status, 303);
  EXPECT_TRUE(Contains(advisor.Get("/conseil/organisations").body,
                       "Aucune organisation n'attend de validation"));

  // Now it publishes, and the public page shows it.
  manage = employer.Get("/employeur/offres/" + id);
  auto published =
      employer.PostForm("/employeur/offres/" + id + "/publier", {{"csrf", Csrf(manage)}});
  EXPECT_EQ(published.status, 303);
  auto page = Client().Get("/offres/" + id);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Apprenti cuisinier"));
  EXPECT_TRUE(Contains(page.body, "Restaurant Bèlè"));
  EXPECT_TRUE(Contains(page.body, "Le Lamentin"));
  EXPECT_TRUE(Contains(page.body, "/metiers/G1602"));

  // A near-duplicate asks for a confirmation.
  const std::string twin = PostOffer(employer, "Apprentie cuisinière");
  manage = employer.Get("/employeur/offres/" + twin);
  EXPECT_TRUE(Contains(manage.body, "ressemble beaucoup"));
  EXPECT_EQ(
      employer.PostForm("/employeur/offres/" + twin + "/publier", {{"csrf", Csrf(manage)}}).status,
      409);
  EXPECT_EQ(employer
                .PostForm("/employeur/offres/" + twin + "/publier",
                          {{"csrf", Csrf(manage)}, {"confirmer", "1"}})
                .status,
            303);
}

TEST_F(EmployerHttpTest, AnOfferFormWithBadValuesStoresNothing) {
  HttpClient employer = SignUpEmployer("patron@example.mq", "12345678900015", "Snack");
  auto form = employer.Get("/employeur/offres/nouvelle");
  auto fields = OfferForm(Csrf(form), "<b>Apprenti</b>");
  for (auto& [name, value] : fields) {
    if (name == "start_date") value = "2001-01-01";
    if (name == "positions") value = "-3";
    if (name == "description") value = std::string(5001, 'x');
  }
  auto done = employer.PostForm("/employeur/offres", fields);
  EXPECT_EQ(done.status, 422);
  EXPECT_TRUE(Contains(done.body, "La date de début est déjà passée"));
  EXPECT_TRUE(Contains(done.body, "Le nombre de postes va de 1 à 50"));
  EXPECT_TRUE(Contains(done.body, "au plus 5000 caractères"));
  EXPECT_TRUE(Contains(done.body, "&lt;b&gt;Apprenti&lt;/b&gt;"));
  EXPECT_TRUE(Contains(employer.Get("/employeur/offres").body, "pas encore d'offre"));
}

TEST_F(EmployerHttpTest, AnEmployerNeverReachesAnotherEmployersOffer) {
  HttpClient owner = SignUpEmployer("a@example.mq", "12345678900015", "Entreprise A");
  HttpClient other = SignUpEmployer("b@example.mq", "52345678900016", "Entreprise B");
  const std::string id = PostOffer(owner, "Apprenti cuisinier");
  ASSERT_FALSE(id.empty());
  const std::string csrf = Csrf(other.Get("/employeur/offres/nouvelle"));
  EXPECT_EQ(other.Get("/employeur/offres/" + id).status, 404);
  EXPECT_EQ(other.Get("/employeur/offres/" + id + "/modifier").status, 404);
  for (const char* action : {"", "/publier", "/dupliquer", "/prolonger", "/pause", "/reprendre",
                             "/pourvue", "/cloturer"}) {
    auto response = other.PostForm("/employeur/offres/" + id + action, OfferForm(csrf, "Volé"));
    EXPECT_EQ(response.status, 404) << action;
  }
  EXPECT_FALSE(Contains(other.Get("/employeur/offres").body, "Apprenti cuisinier"));
  auto mine = owner.Get("/employeur/offres/" + id);
  EXPECT_EQ(mine.status, 200);
  EXPECT_TRUE(Contains(mine.body, "Apprenti cuisinier"));
}

TEST_F(EmployerHttpTest, AReportedOfferIsHiddenByAnAdvisor) {
  HttpClient employer = SignUpEmployer("patron@example.mq", "12345678900015", "Snack");
  HttpClient advisor = Staff(people::Role::kAdvisor, "conseil@example.mq");
  auto queue = advisor.Get("/conseil/organisations");
  const std::string organisation = Match(queue.body, "data-organisation=\"([0-9]+)\"");
  ASSERT_EQ(
      advisor
          .PostForm("/conseil/organisations/" + organisation + "/valider", {{"csrf", Csrf(queue)}})
          .status,
      303);
  const std::string id = PostOffer(employer, "Apprenti cuisinier");
  auto manage = employer.Get("/employeur/offres/" + id);
  ASSERT_EQ(
      employer.PostForm("/employeur/offres/" + id + "/publier", {{"csrf", Csrf(manage)}}).status,
      303);

  HttpClient visitor = Client();
  auto page = visitor.Get("/offres/" + id);
  EXPECT_EQ(visitor.PostForm("/offres/" + id + "/signaler", {{"csrf", Csrf(page)}}).status, 422);
  EXPECT_EQ(visitor
                .PostForm("/offres/" + id + "/signaler",
                          {{"csrf", Csrf(page)}, {"reason", "fraud"}, {"details", "Argent"}})
                .status,
            303);
  queue = advisor.Get("/conseil/organisations");
  EXPECT_TRUE(Contains(queue.body, "semble frauduleuse"));
  EXPECT_EQ(advisor
                .PostForm("/conseil/offres/" + id + "/masquer",
                          {{"csrf", Csrf(queue)}, {"reason", "Demande d'argent."}})
                .status,
            303);
  EXPECT_EQ(Client().Get("/offres/" + id).status, 404);
  EXPECT_TRUE(Contains(employer.Get("/employeur/offres/" + id).body, "Demande d&#39;argent."));
}

TEST_F(EmployerHttpTest, AdvisorsAskForDetailsThenTheEmployerCompletesThem) {
  HttpClient employer = SignUpEmployer("patron@example.mq", "12345678900015", "Snack");
  HttpClient advisor = Staff(people::Role::kAdvisor, "conseil@example.mq");
  auto queue = advisor.Get("/conseil/organisations");
  const std::string organisation = Match(queue.body, "data-organisation=\"([0-9]+)\"");
  EXPECT_EQ(advisor
                .PostForm("/conseil/organisations/" + organisation + "/refuser",
                          {{"csrf", Csrf(queue)}, {"message", ""}})
                .status,
            422);
  EXPECT_EQ(advisor
                .PostForm("/conseil/organisations/" + organisation + "/precisions",
                          {{"csrf", Csrf(queue)}, {"message", "Quel est votre code NAF ?"}})
                .status,
            303);
  auto details = employer.Get("/organisation/details");
  EXPECT_TRUE(Contains(details.body, "Quel est votre code NAF ?"));
  auto saved = employer.PostForm("/organisation/details", {{"csrf", Csrf(details)},
                                                           {"name", "Snack"},
                                                           {"siret", "12345678900015"},
                                                           {"address", "12 rue Victor Hugo"},
                                                           {"commune_code", "97213"},
                                                           {"headcount", "1-9"},
                                                           {"idcc", "1979"},
                                                           {"naf", "56.10C"}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_TRUE(Contains(advisor.Get("/conseil/organisations").body, "5610C"));
}

TEST_F(EmployerHttpTest, TheReminderLinkExtendsTheOfferInOneClick) {
  HttpClient employer = SignUpEmployer("patron@example.mq", "12345678900015", "Snack");
  ASSERT_THAT(platform_->store().Write([](Repositories& r) -> Status {
    auto all = *r.organisations().List();
    all.front().status = people::OrganisationStatus::kValidated;
    return r.organisations().Update(all.front());
  }),
              IsOk());
  const std::string id = PostOffer(employer, "Apprenti cuisinier");
  auto manage = employer.Get("/employeur/offres/" + id);
  ASSERT_EQ(
      employer.PostForm("/employeur/offres/" + id + "/publier", {{"csrf", Csrf(manage)}}).status,
      303);
  // Seven days before the end: shorten the offer's life rather than wait.
  ASSERT_THAT(platform_->store().Write([&](Repositories& r) -> Status {
    auto offer = *r.offers().FindById(std::stoll(id));
    offer.expires_at = std::time(nullptr) + 3 * 24 * 3600;
    return r.offers().Update(offer);
  }),
              IsOk());
  auto ticked = platform_->offers().Tick();
  ASSERT_THAT(ticked, IsOk());
  EXPECT_EQ(ticked->reminded, 1);
  const std::string token = MailedToken("patron@example.mq", "prolonger\\?jeton=");
  ASSERT_FALSE(token.empty());
  HttpClient visitor = Client();
  auto confirm = visitor.Get("/offres/prolonger?jeton=" + token);
  EXPECT_EQ(confirm.status, 200);
  auto extended =
      visitor.PostForm("/offres/prolonger", {{"csrf", Csrf(confirm)}, {"jeton", token}});
  EXPECT_EQ(extended.status, 200);
  EXPECT_TRUE(Contains(extended.body, "reste en ligne jusqu&#39;au"));
  EXPECT_EQ(
      visitor.PostForm("/offres/prolonger", {{"csrf", Csrf(confirm)}, {"jeton", token}}).status,
      404);
}

TEST_F(EmployerHttpTest, MarkupIsRefusedInOffersAndEscapedWhereverTextIsShownBack) {
  const std::string script = "<script>alert(1)</script>";
  HttpClient employer = SignUpEmployer("patron@example.mq", "12345678900015", "Snack");
  // Every text field of the offer form refuses markup, and nothing is stored.
  auto form = employer.Get("/employeur/offres/nouvelle");
  for (const char* field : {"title", "rhythm", "description"}) {
    auto fields = OfferForm(Csrf(form), "Apprenti cuisinier");
    for (auto& [name, value] : fields)
      if (name == field) value = "Texte " + script + " assez long pour la description.";
    auto done = employer.PostForm("/employeur/offres", fields);
    EXPECT_EQ(done.status, 422) << field;
    EXPECT_FALSE(Contains(done.body, script)) << field;
    EXPECT_TRUE(Contains(done.body, "&lt;script&gt;")) << field;  // kept, escaped, in the field
  }
  EXPECT_TRUE(Contains(employer.Get("/employeur/offres").body, "pas encore d&#39;offre") ||
              Contains(employer.Get("/employeur/offres").body, "pas encore d'offre"));

  // What others write (an advisor's message, a report) is shown escaped.
  HttpClient advisor = Staff(people::Role::kAdvisor, "conseil@example.mq");
  auto queue = advisor.Get("/conseil/organisations");
  const std::string organisation = Match(queue.body, "data-organisation=\"([0-9]+)\"");
  ASSERT_EQ(advisor
                .PostForm("/conseil/organisations/" + organisation + "/precisions",
                          {{"csrf", Csrf(queue)}, {"message", script}})
                .status,
            303);
  for (const char* path : {"/organisation/details", "/employeur/offres"}) {
    auto page = employer.Get(path);
    EXPECT_FALSE(Contains(page.body, script)) << path;
    EXPECT_TRUE(Contains(page.body, "&lt;script&gt;")) << path;
  }
  EXPECT_FALSE(Contains(advisor.Get("/conseil/organisations").body, script));

  ASSERT_THAT(platform_->store().Write([](Repositories& r) -> Status {
    auto all = *r.organisations().List();
    all.front().status = people::OrganisationStatus::kValidated;
    return r.organisations().Update(all.front());
  }),
              IsOk());
  const std::string id = PostOffer(employer, "Apprenti cuisinier");
  auto manage = employer.Get("/employeur/offres/" + id);
  ASSERT_EQ(
      employer.PostForm("/employeur/offres/" + id + "/publier", {{"csrf", Csrf(manage)}}).status,
      303);
  HttpClient visitor = Client();
  auto page = visitor.Get("/offres/" + id);
  ASSERT_EQ(visitor
                .PostForm("/offres/" + id + "/signaler",
                          {{"csrf", Csrf(page)}, {"reason", "other"}, {"details", script}})
                .status,
            303);
  queue = advisor.Get("/conseil/organisations");
  EXPECT_FALSE(Contains(queue.body, script));
  EXPECT_TRUE(Contains(queue.body, "&lt;script&gt;"));
}

}  // namespace
}  // namespace maplace::app
