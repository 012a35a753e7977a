// Whole-server tests of enquiries (issue 4 §3, issue 5 §5): a spontaneous application to an
// employer and a request for information to a CFA, answered from the organisation's space and
// read in « Mes messages »; every organisation route refused to another organisation of the
// same kind; the daily limit of a young person; the CFAs' partner companies; the limits on
// reports of offers (issue 5 §6); the unsubscribe link and its effect on relays (issue 5 §7).
#include <gtest/gtest.h>

#include <filesystem>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"
#include "core/text.h"
#include "domain/outbox/unsubscribe.h"

namespace maplace::app {
namespace {

using people::OrganisationKind;
using people::Role;
using testing_http::HttpClient;
using testing_http::HttpResponse;

class EnquiryHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("enquiries");
    auto platform = Platform::Open(TestConfig(dir_));
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

  std::int64_t Organisation(OrganisationKind kind, const std::string& name,
                            const std::string& siret, bool validated = true) {
    return NewOrganisation(*platform_,
                           {.kind = kind,
                            .name = name,
                            .siret = siret,
                            .commune_code = "97213",
                            .status = validated ? people::OrganisationStatus::kValidated
                                                : people::OrganisationStatus::kPending});
  }
  // A new person signed in, an administrator of `organisation` when given.
  HttpClient SignedIn(Role role, const std::string& email, std::int64_t organisation = 0) {
    const std::int64_t user = NewUser(*platform_, role, email);
    if (organisation) {
      EXPECT_THAT(platform_->accounts().AddMember(organisation, user, people::MemberRole::kAdmin),
                  IsOk());
    }
    return LoggedIn(*platform_, base_, email);
  }
  std::int64_t Training(std::int64_t cfa, const std::string& title) {
    std::int64_t id = 0;
    EXPECT_THAT(platform_->store().Write([&](Repositories& r) -> Status {
      auto members = r.organisations().Members(cfa);
      trainings::Training t;
      t.organisation_id = cfa;
      t.created_by = members->empty() ? 1 : members->front().user.id;
      t.input.rncp_code = "RNCP37859";
      t.input.level = 3;
      t.input.title = title;
      t.input.start_dates = {"2027-09-01"};
      t.input.duration_months = 24;
      t.input.places = 12;
      t.input.commune_code = "97213";
      t.input.rome_codes = {"G1602"};
      t.published = true;
      t.created_at = t.updated_at = 1;
      auto created = r.trainings().Create(t);
      if (!created) return Fail(created.error());
      id = *created;
      return Ok();
    }),
                IsOk());
    return id;
  }
  std::vector<Mail> MailsTo(const std::string& to) {
    std::vector<Mail> out;
    EXPECT_THAT(platform_->store().Read([&](Repositories& r) -> Status {
      auto latest = r.outbox().Latest(500);
      for (const auto& m : *latest)
        if (m.mail.to == to) out.push_back(m.mail);
      return Ok();
    }),
                IsOk());
    return out;
  }
  int Enquiries() {
    int n = 0;
    EXPECT_THAT(platform_->store().Read([&](Repositories& r) -> Status {
      for (auto author : {1, 2, 3, 4, 5, 6, 7, 8})
        n += *r.enquiries().CountByAuthorSince(author, 0);
      return Ok();
    }),
                IsOk());
    return n;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
};

TEST_F(EnquiryHttpTest, ASpontaneousApplicationIsAnsweredByItsEmployerOnly) {
  const auto a = Organisation(OrganisationKind::kEmployer, "Restaurant Bèlè", "73282932000074");
  const auto b = Organisation(OrganisationKind::kEmployer, "Garage du Nord", "55210055400013");
  const auto pending = Organisation(OrganisationKind::kEmployer, "En attente", "", false);
  HttpClient employer_a = SignedIn(Role::kEmployer, "chef@example.mq", a);
  HttpClient employer_b = SignedIn(Role::kEmployer, "garage@example.mq", b);
  HttpClient cfa = SignedIn(Role::kCfa, "cfa@example.mq",
                            Organisation(OrganisationKind::kCfa, "CFA Caraïbes", ""));
  HttpClient young = SignedIn(Role::kYoungPerson, "lea@example.mq");
  const std::string offer = PublishOffer(employer_a, "Apprenti cuisinier");

  // The public page: name, commune, published offers, the button.
  auto page = HttpClient(base_).Get("/entreprises/" + std::to_string(a));
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Restaurant Bèlè"));
  EXPECT_TRUE(Contains(page.body, "Le Lamentin"));
  EXPECT_TRUE(Contains(page.body, "/offres/" + offer));
  EXPECT_TRUE(Contains(page.body, "Candidature spontanée"));
  EXPECT_EQ(HttpClient(base_).Get("/entreprises/" + std::to_string(pending)).status, 404);
  // A visitor is sent to log in; another role may not apply.
  EXPECT_EQ(HttpClient(base_).Get("/entreprises/" + std::to_string(a) + "/candidature").status,
            303);
  EXPECT_EQ(cfa.Get("/entreprises/" + std::to_string(a) + "/candidature").status, 403);

  const std::string path = "/entreprises/" + std::to_string(a) + "/candidature";
  auto form = young.Get(path);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "Avez-vous déjà une place dans un CFA ?"));
  // Markup and a missing fact: French errors, nothing stored, the text shown back escaped.
  auto refused = young.PostForm(path, {{"csrf", Csrf(form)},
                                       {"message", "<script>alert(1)</script>"},
                                       {"start_date", ""},
                                       {"rhythm", ""}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Les signes &lt; et &gt; ne sont pas acceptés"));
  EXPECT_TRUE(Contains(refused.body, "Dites si vous avez déjà une place dans un CFA."));
  EXPECT_TRUE(Contains(refused.body, "&lt;script&gt;"));
  EXPECT_FALSE(Contains(refused.body, "<script>alert"));
  EXPECT_EQ(Enquiries(), 0);
  EXPECT_EQ(young
                .PostForm("/entreprises/" + std::to_string(pending) + "/candidature",
                          {{"csrf", Csrf(form)}, {"message", "Bonjour"}, {"cfa_place", "no"}})
                .status,
            404);

  auto sent = young.PostForm(path, {{"csrf", Csrf(form)},
                                    {"message", "Bonjour, la cuisine créole me passionne."},
                                    {"start_date", ""},
                                    {"rhythm", "2 jours au CFA"},
                                    {"cfa_place", "yes"}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.Header("location"), "/mes-messages?info=envoye");
  ASSERT_EQ(MailsTo("chef@example.mq").size(), 1u);
  EXPECT_TRUE(MailsTo("garage@example.mq").empty());

  auto inbox = employer_a.Get("/employeur/candidatures-spontanees");
  ASSERT_EQ(inbox.status, 200);
  const std::string id = Match(inbox.body, R"re(/employeur/candidatures-spontanees/([0-9]+))re");
  ASSERT_FALSE(id.empty());
  EXPECT_TRUE(Contains(inbox.body, "Nom lea@example.mq"));
  EXPECT_FALSE(
      Contains(employer_b.Get("/employeur/candidatures-spontanees").body, "Nom lea@example.mq"));

  // Every route of the enquiry, for the other employer: 404; for a CFA user: 403.
  const std::string base = "/employeur/candidatures-spontanees/" + id;
  auto other = employer_b.Get("/employeur/candidatures-spontanees");
  EXPECT_EQ(employer_b.Get(base).status, 404);
  EXPECT_EQ(employer_b.Get(base + "/cv").status, 404);
  EXPECT_EQ(employer_b
                .PostForm(base + "/repondre",
                          {{"csrf", Csrf(other)}, {"kind", "answer"}, {"text", "Non."}})
                .status,
            404);
  EXPECT_EQ(employer_b.PostForm(base + "/clore", {{"csrf", Csrf(other)}}).status, 404);
  EXPECT_EQ(cfa.Get(base).status, 403);
  EXPECT_EQ(cfa.Get("/employeur/candidatures-spontanees").status, 403);
  EXPECT_TRUE(Contains(young.Get("/mes-messages").body, "Envoyée"));

  auto view = employer_a.Get(base);
  ASSERT_EQ(view.status, 200);
  EXPECT_TRUE(Contains(view.body, "Oui, j&#39;ai déjà une place en CFA"));
  EXPECT_TRUE(Contains(view.body, "2 jours au CFA"));
  EXPECT_TRUE(Contains(young.Get("/mes-messages").body, "Lue"));
  auto empty = employer_a.PostForm(base + "/repondre",
                                   {{"csrf", Csrf(view)}, {"kind", "interview"}, {"text", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Contains(empty.body, "Proposez au moins un créneau"));
  auto answered = employer_a.PostForm(
      base + "/repondre",
      {{"csrf", Csrf(view)}, {"kind", "interview"}, {"text", "Mardi 12 à 10 h, au restaurant."}});
  ASSERT_EQ(answered.status, 303) << answered.body;
  auto mine = young.Get("/mes-messages");
  EXPECT_TRUE(Contains(mine.body, "Mardi 12 à 10 h, au restaurant."));
  EXPECT_TRUE(Contains(mine.body, "Répondue"));
  EXPECT_TRUE(Contains(mine.body, "Restaurant Bèlè"));
  ASSERT_EQ(MailsTo("lea@example.mq").size(), 1u);
  EXPECT_TRUE(Contains(MailsTo("lea@example.mq")[0].body, "Mardi 12 à 10 h"));
  EXPECT_TRUE(MailsTo("lea@example.mq")[0].list_unsubscribe.empty());  // transactional
}

TEST_F(EnquiryHttpTest, AnInformationRequestIsAnsweredByItsCfaOnly) {
  const auto a = Organisation(OrganisationKind::kCfa, "CFA Caraïbes", "");
  const auto b = Organisation(OrganisationKind::kCfa, "CFA du Nord", "");
  HttpClient cfa_a = SignedIn(Role::kCfa, "cfa@example.mq", a);
  HttpClient cfa_b = SignedIn(Role::kCfa, "nord@example.mq", b);
  HttpClient employer =
      SignedIn(Role::kEmployer, "chef@example.mq",
               Organisation(OrganisationKind::kEmployer, "Resto", "73282932000074"));
  HttpClient young = SignedIn(Role::kYoungPerson, "lea@example.mq");
  const auto training = Training(a, "CAP Cuisine");
  const auto other_training = Training(b, "CAP Pâtisserie");

  auto page = young.Get("/formations/" + std::to_string(training));
  ASSERT_EQ(page.status, 200);
  const std::string link =
      "/cfas/" + std::to_string(a) + "/demande?formation=" + std::to_string(training);
  EXPECT_TRUE(Contains(page.body, link));
  EXPECT_TRUE(Contains(young.Get("/cfas/" + std::to_string(a)).body,
                       "/cfas/" + std::to_string(a) + "/demande\""));
  auto form = young.Get(link);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "CAP Cuisine"));
  EXPECT_TRUE(Contains(form.body, "Trouver un employeur"));
  const std::string post = "/cfas/" + std::to_string(a) + "/demande";
  auto refused = young.PostForm(post, {{"csrf", Csrf(form)},
                                       {"formation", std::to_string(training)},
                                       {"subject", ""},
                                       {"message", ""}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Choisissez l&#39;objet de votre demande."));
  // A training of another CFA is not this CFA's.
  EXPECT_EQ(young
                .PostForm(post, {{"csrf", Csrf(form)},
                                 {"formation", std::to_string(other_training)},
                                 {"subject", "dates"},
                                 {"message", "Quand ?"}})
                .status,
            404);
  EXPECT_EQ(Enquiries(), 0);
  auto sent = young.PostForm(post, {{"csrf", Csrf(form)},
                                    {"formation", std::to_string(training)},
                                    {"subject", "dates"},
                                    {"message", "Quand commence la prochaine rentrée ?"}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  ASSERT_EQ(MailsTo("cfa@example.mq").size(), 1u);
  EXPECT_TRUE(MailsTo("nord@example.mq").empty());

  auto list = cfa_a.Get("/cfa/demandes");
  ASSERT_EQ(list.status, 200);
  const std::string id = Match(list.body, R"re(/cfa/demandes/([0-9]+))re");
  ASSERT_FALSE(id.empty());
  EXPECT_TRUE(Contains(list.body, "Dates de rentrée (CAP Cuisine)"));
  EXPECT_FALSE(Contains(cfa_b.Get("/cfa/demandes").body, "Nom lea@example.mq"));
  const std::string base = "/cfa/demandes/" + id;
  auto other = cfa_b.Get("/cfa/demandes");
  EXPECT_EQ(cfa_b.Get(base).status, 404);
  EXPECT_EQ(
      cfa_b.PostForm(base + "/repondre", {{"csrf", Csrf(other)}, {"kind", "answer"}, {"text", "x"}})
          .status,
      404);
  EXPECT_EQ(cfa_b.PostForm(base + "/clore", {{"csrf", Csrf(other)}}).status, 404);
  EXPECT_EQ(employer.Get(base).status, 403);
  EXPECT_EQ(employer.Get("/cfa/demandes").status, 403);
  // The employer's routes with the CFA's enquiry id: not theirs either.
  EXPECT_EQ(employer.Get("/employeur/candidatures-spontanees/" + id).status, 404);

  auto view = cfa_a.Get(base);
  ASSERT_EQ(view.status, 200);
  EXPECT_TRUE(Contains(view.body, "Quand commence la prochaine rentrée ?"));
  auto answered = cfa_a.PostForm(
      base + "/repondre",
      {{"csrf", Csrf(view)}, {"kind", "answer"}, {"text", "La rentrée est le 1er septembre."}});
  ASSERT_EQ(answered.status, 303) << answered.body;
  auto mine = young.Get("/mes-messages");
  EXPECT_TRUE(Contains(mine.body, "La rentrée est le 1er septembre."));
  EXPECT_TRUE(Contains(mine.body, "CFA Caraïbes"));
  // The young person closes it; the CFA can no longer answer.
  ASSERT_EQ(young.PostForm("/mes-messages/" + id + "/clore", {{"csrf", Csrf(mine)}}).status, 303);
  auto closed = cfa_a.PostForm(base + "/repondre",
                               {{"csrf", Csrf(view)}, {"kind", "answer"}, {"text", "Encore"}});
  EXPECT_EQ(closed.status, 409);
  EXPECT_TRUE(Contains(closed.body, "Cette demande est close"));
  // Another young person cannot close it.
  HttpClient tom = SignedIn(Role::kYoungPerson, "tom@example.mq");
  auto toms = tom.Get("/mes-messages");
  EXPECT_EQ(tom.PostForm("/mes-messages/" + id + "/clore", {{"csrf", Csrf(toms)}}).status, 404);
}

TEST_F(EnquiryHttpTest, TenEnquiriesADayThenAFrenchMessage) {
  const auto a = Organisation(OrganisationKind::kCfa, "CFA Caraïbes", "");
  SignedIn(Role::kCfa, "cfa@example.mq", a);
  HttpClient young = SignedIn(Role::kYoungPerson, "lea@example.mq");
  const std::string post = "/cfas/" + std::to_string(a) + "/demande";
  auto form = young.Get(post);
  for (int i = 0; i < 10; ++i)
    ASSERT_EQ(young
                  .PostForm(post, {{"csrf", Csrf(form)},
                                   {"subject", "other"},
                                   {"message", "Question " + std::to_string(i)}})
                  .status,
              303);
  auto refused = young.PostForm(
      post, {{"csrf", Csrf(form)}, {"subject", "other"}, {"message", "Une de trop"}});
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(Contains(refused.body, "Réessayez demain"));
  EXPECT_EQ(Enquiries(), 10);
}

TEST_F(EnquiryHttpTest, ACfaManagesItsOwnPartnerCompanies) {
  const auto employer =
      Organisation(OrganisationKind::kEmployer, "Restaurant Bèlè", "73282932000074");
  HttpClient cfa_a = SignedIn(Role::kCfa, "cfa@example.mq",
                              Organisation(OrganisationKind::kCfa, "CFA Caraïbes", ""));
  HttpClient cfa_b = SignedIn(Role::kCfa, "nord@example.mq",
                              Organisation(OrganisationKind::kCfa, "CFA du Nord", ""));
  HttpClient boss = SignedIn(Role::kEmployer, "chef@example.mq", employer);
  EXPECT_EQ(boss.Get("/cfa/partenaires").status, 403);

  auto search = cfa_a.Get("/cfa/partenaires?q=bèlè");
  ASSERT_EQ(search.status, 200);
  EXPECT_TRUE(Contains(search.body, "Ajouter Restaurant Bèlè"));
  ASSERT_EQ(cfa_a
                .PostForm("/cfa/partenaires", {{"csrf", Csrf(search)},
                                               {"employer", std::to_string(employer)},
                                               {"note", "Deux apprentis en cuisine"}})
                .status,
            303);
  auto bad = cfa_a.PostForm("/cfa/partenaires", {{"csrf", Csrf(search)},
                                                 {"name", "Boulangerie <b>Pain</b>"},
                                                 {"siret", "12345678901234"},
                                                 {"note", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "SIRET"));
  EXPECT_TRUE(Contains(bad.body, "Les signes &lt; et &gt; ne sont pas acceptés"));
  ASSERT_EQ(cfa_a
                .PostForm("/cfa/partenaires", {{"csrf", Csrf(search)},
                                               {"name", "Boulangerie Pain Doré"},
                                               {"siret", "356 000 000 00048"},
                                               {"note", ""}})
                .status,
            303);
  auto list = cfa_a.Get("/cfa/partenaires");
  EXPECT_TRUE(Contains(list.body, "Deux apprentis en cuisine"));
  EXPECT_TRUE(Contains(list.body, "Boulangerie Pain Doré"));
  EXPECT_TRUE(Contains(list.body, "35600000000048"));
  // Another CFA sees none of them and cannot remove them; they are on no public page.
  auto other = cfa_b.Get("/cfa/partenaires");
  EXPECT_FALSE(Contains(other.body, "Boulangerie Pain Doré"));
  const std::string id = Match(list.body, R"re(/cfa/partenaires/([0-9]+)/retirer)re");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(cfa_b.PostForm("/cfa/partenaires/" + id + "/retirer", {{"csrf", Csrf(other)}}).status,
            404);
  EXPECT_FALSE(Contains(HttpClient(base_).Get("/entreprises/" + std::to_string(employer)).body,
                        "CFA Caraïbes"));
  ASSERT_EQ(cfa_a.PostForm("/cfa/partenaires/" + id + "/retirer", {{"csrf", Csrf(list)}}).status,
            303);
  EXPECT_EQ(
      Match(cfa_a.Get("/cfa/partenaires").body, R"re(/cfa/partenaires/([0-9]+)/retirer)re") == id,
      false);
}

TEST_F(EnquiryHttpTest, ReportsOfAnOfferAreLimitedPerVisitorAndPerAddress) {
  HttpClient employer =
      SignedIn(Role::kEmployer, "chef@example.mq",
               Organisation(OrganisationKind::kEmployer, "Restaurant", "73282932000074"));
  const std::string offer = PublishOffer(employer, "Apprenti cuisinier");
  auto report = [&](HttpClient& visitor) {
    auto page = visitor.Get("/offres/" + offer);
    return visitor.PostForm("/offres/" + offer + "/signaler",
                            {{"csrf", Csrf(page)}, {"reason", "fraud"}, {"details", ""}});
  };
  HttpClient first(base_);
  EXPECT_EQ(report(first).status, 303);
  auto again = report(first);
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(Contains(again.body, "Vous avez déjà signalé cette offre"));
  // Four more visitors from the same address: 5 in the hour; the sixth is refused.
  for (int i = 0; i < 4; ++i) {
    HttpClient visitor(base_);
    EXPECT_EQ(report(visitor).status, 303) << i;
  }
  HttpClient sixth(base_);
  auto refused = report(sixth);
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(Contains(refused.body, "Trop de signalements"));
  int reports = 0;
  ASSERT_THAT(platform_->store().Read([&](Repositories& r) -> Status {
    reports = static_cast<int>(r.offers().OpenReports()->size());
    return Ok();
  }),
              IsOk());
  EXPECT_EQ(reports, 5);
}

TEST_F(EnquiryHttpTest, AnUnsubscribedCfaGetsNoRelayMailAndTheEmployerIsTold) {
  const auto cfa_a = Organisation(OrganisationKind::kCfa, "CFA Caraïbes", "");
  const auto cfa_b = Organisation(OrganisationKind::kCfa, "CFA du Nord", "");
  SignedIn(Role::kCfa, "cfa@example.mq", cfa_a);
  SignedIn(Role::kCfa, "nord@example.mq", cfa_b);
  Training(cfa_a, "CAP Cuisine");
  Training(cfa_b, "CAP Cuisine");
  HttpClient employer =
      SignedIn(Role::kEmployer, "chef@example.mq",
               Organisation(OrganisationKind::kEmployer, "Restaurant", "73282932000074"));
  const std::string offer = PublishOffer(employer, "Apprenti cuisinier");

  std::string url;
  ASSERT_THAT(platform_->store().Write([&](Repositories& r) -> Status {
    auto made = outbox::UnsubscribeUrl(r, base_, "cfa@example.mq", outbox::kListRelayedOffers);
    if (!made) return Fail(made.error());
    url = *made;
    return Ok();
  }),
              IsOk());
  const std::string path = url.substr(base_.size());
  HttpClient anyone(base_);
  auto ask = anyone.Get(path);  // opening the link changes nothing
  ASSERT_EQ(ask.status, 200);
  EXPECT_TRUE(Contains(ask.body, "Ne plus recevoir ces courriels"));
  auto forged = anyone.Get("/desabonnement?adresse=nord%40example.mq&liste=relayed_offers&cle=" +
                           Match(path, "cle=([^&]+)"));
  EXPECT_EQ(forged.status, 404);
  EXPECT_TRUE(Contains(forged.body, "Ce lien de désabonnement n&#39;est pas valide"));
  // RFC 8058 one-click: a POST to the link itself, no cookie, no CSRF token.
  auto done = anyone.Send("POST", path, "List-Unsubscribe=One-Click",
                          {"Content-Type: application/x-www-form-urlencoded"});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(Contains(done.body, "est fait : l"));

  auto relay = employer.Get("/employeur/offres/" + offer + "/relayer");
  ASSERT_EQ(relay.status, 200);
  auto sent = employer.PostForm(
      "/employeur/offres/" + offer + "/relayer",
      {{"csrf", Csrf(relay)}, {"cfa", std::to_string(cfa_a)}, {"cfa", std::to_string(cfa_b)}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  auto told = employer.Get(sent.Header("location"));
  EXPECT_TRUE(Contains(told.body, "L&#39;un d&#39;eux a choisi de ne plus recevoir"));
  EXPECT_TRUE(MailsTo("cfa@example.mq").empty());
  auto to_b = MailsTo("nord@example.mq");
  ASSERT_EQ(to_b.size(), 1u);
  EXPECT_TRUE(Contains(to_b[0].body,
                       "Pour ne plus les recevoir, en un clic : " + base_ + "/desabonnement?"));
  EXPECT_EQ(to_b[0].list_unsubscribe.rfind(base_ + "/desabonnement?", 0), 0u);
  // The unsubscribed CFA still finds the offer in its space.
  HttpClient cfa = SignedIn(Role::kCfa, "cfa2@example.mq", cfa_a);
  EXPECT_TRUE(Contains(cfa.Get("/cfa/offres-relayees").body, "Apprenti cuisinier"));
}

}  // namespace
}  // namespace maplace::app
