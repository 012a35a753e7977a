// Whole-server tests of the search (issue 4): the index is built from the store at start-up,
// an offer is searchable as soon as the request that published it returns, and gone as soon
// as it closes; places, radius and widening; the page and the API answer the same.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/search_test_support.h"
#include "app/test_support.h"
#include "core/error_matchers.h"

namespace maplace::app {
namespace {

using testing_http::HttpClient;
using testing_http::HttpResponse;

class SearchHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("search");
    Config config = TestConfig(dir_);
    auto platform = Platform::Open(config);
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    // Before the start: the index is built from the store then.
    ASSERT_THAT(SeedSearchReference(platform_->store()), IsOk());
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
    employer_ = NewEmployer(*platform_);
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::int64_t Publish(const std::string& rome, const std::string& title,
                       const std::string& commune) {
    return PublishOffer(*platform_, employer_, rome, title, commune);
  }

  nlohmann::json Api(const std::string& query) {
    HttpResponse response = HttpClient(base_).Get("/api/v1/search?" + query);
    EXPECT_EQ(response.status, 200) << response.body;
    return nlohmann::json::parse(response.body);
  }
  static std::vector<std::string> Titles(const nlohmann::json& body) {
    std::vector<std::string> titles;
    for (const auto& r : body["results"]) titles.push_back(r["title"]);
    return titles;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
  people::Actor employer_;
};

TEST_F(SearchHttpTest, JobsAreSearchableFromTheStart) {
  const nlohmann::json body = Api("q=soudeuse&kind=job");
  EXPECT_EQ(body["total"], 1);
  EXPECT_EQ(body["results"][0]["id"], "H2913");
  EXPECT_EQ(body["results"][0]["url"], "/metiers/H2913");
  EXPECT_EQ(body["results"][0]["subtitle"], "Industrie");
}

TEST_F(SearchHttpTest, AnOfferIsFoundAsSoonAsItIsPublishedAndGoneWhenClosed) {
  EXPECT_EQ(Api("q=soudure&kind=offer")["total"], 0);
  const std::int64_t id = Publish("H2913", "Apprenti chaudronnier TIG", "97213");
  // The answer kept for the same search before the offer was published is not served again.
  EXPECT_EQ(Api("q=soudure&kind=offer")["total"], 1);
  // The word « soudure » is in neither the title nor the text: the job family finds it.
  nlohmann::json body = Api("q=soudure&kind=offer&commune=Le%20Lamentin");
  ASSERT_EQ(body["total"], 1);
  const nlohmann::json& hit = body["results"][0];
  EXPECT_EQ(hit["id"], id);
  EXPECT_EQ(hit["title"], "Apprenti chaudronnier TIG");
  EXPECT_EQ(hit["subtitle"], "Soudure Caraïbes");
  EXPECT_EQ(hit["commune"], "Le Lamentin");
  EXPECT_EQ(hit["level"], 3);
  EXPECT_EQ(hit["contract"], "apprentissage");
  EXPECT_EQ(hit["start"], nullptr);  // « dès que possible »
  EXPECT_EQ(hit["applications"], 0);
  EXPECT_EQ(hit["distance_km"], 0.0);
  EXPECT_EQ(body["facets"]["level"]["3"], 1);
  EXPECT_EQ(body["place"]["name"], "Le Lamentin");
  EXPECT_EQ(body["place"]["widened"], false);
  EXPECT_EQ(Api("q=chaudr&kind=offer")["total"], 1);  // prefix while typing

  ASSERT_THAT(platform_->offers().Close(employer_, id), IsOk());
  EXPECT_EQ(Api("q=soudure&kind=offer")["total"], 0);
}

TEST_F(SearchHttpTest, ARadiusWithNothingInsideIsWidenedAndSaidSo) {
  Publish("G1602", "Commis de cuisine", "97226");      // Sainte-Anne, about 27 km away
  Publish("H2913", "Soudeur en alternance", "97209");  // Fort-de-France, about 7 km away
  nlohmann::json near = Api("kind=offer&commune=97213&radius_km=10&sort=distance");
  EXPECT_EQ(Titles(near), (std::vector<std::string>{"Soudeur en alternance"}));
  EXPECT_GT(near["results"][0]["distance_km"].get<double>(), 5.0);
  EXPECT_LT(near["results"][0]["distance_km"].get<double>(), 10.0);

  nlohmann::json widened = Api("q=cuisine&kind=offer&commune=97213&radius_km=10");
  EXPECT_EQ(Titles(widened), (std::vector<std::string>{"Commis de cuisine"}));
  EXPECT_EQ(widened["place"]["widened"], true);
  EXPECT_EQ(widened["place"]["radius_km"], 50.0);

  HttpResponse page =
      HttpClient(base_).Get("/recherche?q=cuisine&commune=Le+Lamentin&radius_km=10&kind=offer");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Commis de cuisine"));
  EXPECT_TRUE(Contains(page.body, "Rien dans le rayon demandé autour de Le Lamentin"));
  EXPECT_TRUE(Contains(page.body, "Sainte-Anne, à 2"));  // « à 27 km »

  // Without a chosen kind, the page lists offers and trainings near the place, and names the
  // jobs of the words beside them.
  HttpResponse all = HttpClient(base_).Get("/recherche?q=soudeur&commune=97213&radius_km=10");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(Contains(all.body, "Soudeur en alternance"));
  EXPECT_TRUE(Contains(all.body, "Les métiers de votre recherche"));
  EXPECT_TRUE(Contains(all.body, R"(<a href="/metiers/H2913">Soudage manuel</a>)"));
  EXPECT_TRUE(Contains(all.body, "1 résultat"));
}

// The map view: each result carries its commune's place, the page names the tile server, whose
// origin the Content-Security-Policy lets images come from; Leaflet is served by the platform.
TEST_F(SearchHttpTest, ResultsCarryTheirPlaceForTheMap) {
  Publish("H2913", "Soudeur en alternance", "97209");
  HttpResponse page = HttpClient(base_).Get("/recherche?q=soudeur&commune=97213&radius_km=30");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(Match(page.body,
                  R"re(data-lat="(14\.6\d+)" data-lon="-61\.\d+" data-commune="Fort-de-France")re"),
            "14.61600");  // the seed's position of Fort-de-France
  EXPECT_TRUE(
      Contains(page.body, R"(data-map-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png")"));
  EXPECT_TRUE(Contains(page.Header("content-security-policy"),
                       "img-src 'self' data: https://tile.openstreetmap.org;"));
  HttpResponse leaflet = HttpClient(base_).Get("/static/vendor/leaflet/leaflet.js");
  EXPECT_EQ(leaflet.status, 200);
  EXPECT_TRUE(Contains(leaflet.Header("content-type"), "javascript"));
  EXPECT_TRUE(Contains(leaflet.body, "Leaflet"));
  // Nothing placed, no map.
  HttpResponse nowhere = HttpClient(base_).Get("/recherche?q=zzzzzz");
  EXPECT_FALSE(Contains(nowhere.body, "data-map-tiles"));
}

TEST_F(SearchHttpTest, ACommuneWithoutAPositionIsNeitherOnTheMapNorAPlaceToSearchAround) {
  Publish("H2913", "Soudeur en alternance", "97230");  // La Trinité: no position in the seed
  HttpResponse page = HttpClient(base_).Get("/recherche?q=soudeur");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Soudeur en alternance"));
  EXPECT_FALSE(Contains(page.body, "data-lat="));  // not placed at 0, 0
  EXPECT_FALSE(Contains(page.body, "data-map-tiles"));
  HttpResponse around = HttpClient(base_).Get("/api/v1/search?q=soudeur&commune=97230");
  EXPECT_EQ(around.status, 400);
  EXPECT_EQ(nlohmann::json::parse(around.body)["error"]["fields"]["commune"],
            "Nous ne connaissons pas encore la position de cette commune : choisissez une "
            "commune voisine ou un bassin d'emploi.");
  // Its employment area still finds it.
  HttpResponse area = HttpClient(base_).Get("/api/v1/search?q=soudeur&area=201");
  EXPECT_EQ(area.status, 200);
  EXPECT_EQ(nlohmann::json::parse(area.body)["total"], 1);
}

TEST_F(SearchHttpTest, BadParametersAreRefusedInFrench) {
  HttpResponse api = HttpClient(base_).Get("/api/v1/search?level=12&commune=Paris&sort=distance");
  EXPECT_EQ(api.status, 400);
  const nlohmann::json error = nlohmann::json::parse(api.body)["error"];
  EXPECT_EQ(error["fields"]["level"], "Le niveau va de 3 (CAP) à 8 (doctorat).");
  EXPECT_EQ(error["fields"]["commune"], "Cette commune n'est pas dans nos territoires.");
  EXPECT_EQ(error["fields"]["sort"], "Pour trier par distance, indiquez une commune.");
  HttpResponse page = HttpClient(base_).Get("/recherche?commune=Paris");
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(Contains(page.body, "Cette commune n&#39;est pas dans nos territoires."));
}

// Issue 5 §4: an employer relays a published offer to the CFAs that train for its job,
// nearest first; the CFA is mailed, finds it in its space, and prints its poster.
TEST_F(SearchHttpTest, AnOfferIsRelayedToTheCfasThatTrainForItsJob) {
  auto cfa_actor = [&](const std::string& email, const std::string& name) {
    auto user =
        platform_->accounts().CreateUser({email, "Sandrine", people::Role::kCfa, kTestPassword});
    EXPECT_THAT(user, IsOk());
    auto org = platform_->accounts().CreateOrganisation(
        {0, people::OrganisationKind::kCfa, name, "", "9720001A"});
    EXPECT_THAT(org, IsOk());
    EXPECT_THAT(platform_->accounts().AddMember(*org, user->id, people::MemberRole::kAdmin),
                IsOk());
    auto session = platform_->accounts().Login(email, kTestPassword, "127.0.0.1");
    EXPECT_THAT(session, IsOk());
    return std::pair{*platform_->accounts().Authenticate(session->token), session->token};
  };
  auto train = [&](const people::Actor& cfa, const std::string& rome, const std::string& commune) {
    trainings::TrainingInput input;
    input.title = "Formation " + rome;
    input.rncp_code = "RNCP38410";
    input.level = 3;
    input.start_dates = {"2031-09-01"};
    input.duration_months = 24;
    input.places = 12;
    input.commune_code = commune;
    input.rome_codes = {rome};
    input.contact_email = "contact@cfa.mq";
    auto id = platform_->trainings().Create(cfa, input);
    ASSERT_THAT(id, IsOk());
    EXPECT_THAT(platform_->trainings().Publish(cfa, *id), IsOk());
  };
  auto [near, near_token] = cfa_actor("cfa@lamentin.mq", "CFA du Lamentin");
  auto [far, far_token] = cfa_actor("cfa@sainte-anne.mq", "CFA du Sud");
  auto [cook, cook_token] = cfa_actor("cfa@cuisine.mq", "CFA des cuisiniers");
  auto [unplaced, unplaced_token] = cfa_actor("cfa@trinite.mq", "CFA de La Trinité");
  train(unplaced, "H2913", "97230");  // a commune without a known position
  train(far, "H2913", "97226");
  train(near, "H2913", "97213");
  train(cook, "G1602", "97213");  // another job: not offered
  const std::int64_t offer = Publish("H2913", "Soudeur en alternance", "97209");

  HttpClient employer = HttpClient(base_);
  employer.cookies["maplace_session"] =
      platform_->accounts().Login("patron@soudure.mq", kTestPassword, "127.0.0.1")->token;
  const std::string path = "/employeur/offres/" + std::to_string(offer) + "/relayer";
  HttpResponse page = employer.Get(path);
  ASSERT_EQ(page.status, 200);
  const std::size_t lamentin = page.body.find("CFA du Lamentin");
  const std::size_t sud = page.body.find("CFA du Sud");
  ASSERT_NE(lamentin, std::string::npos);
  ASSERT_NE(sud, std::string::npos);
  EXPECT_LT(lamentin, sud);  // nearest first
  const std::size_t trinite = page.body.find("CFA de La Trinité");
  EXPECT_LT(sud, trinite);  // unknown distances last, and said so (not measured from 0, 0)
  EXPECT_TRUE(Contains(page.body, "La Trinité, distance inconnue"));
  EXPECT_FALSE(Contains(page.body, "CFA des cuisiniers"));
  const std::string csrf = Csrf(page);
  ASSERT_FALSE(csrf.empty());

  HttpResponse wrong = employer.PostForm(
      path, {{"csrf", csrf}, {"cfa", std::to_string(cook.membership->organisation_id)}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "Ce CFA ne forme pas à ce métier"));
  HttpResponse sent = employer.PostForm(
      path, {{"csrf", csrf}, {"cfa", std::to_string(near.membership->organisation_id)}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_TRUE(Contains(employer.Get(path).body, "Déjà envoyée à CFA du Lamentin"));
  ASSERT_THAT(platform_->store().Read([](Repositories& r) -> Status {
    auto mails = r.outbox().Latest(5);
    if (!mails) return Fail(mails.error());
    EXPECT_EQ(mails->front().mail.to, "cfa@lamentin.mq");
    EXPECT_TRUE(Contains(mails->front().mail.subject, "Soudeur en alternance"));
    EXPECT_TRUE(Contains(mails->front().mail.body, "/affiche"));
    return Ok();
  }),
              IsOk());

  HttpClient cfa = HttpClient(base_);
  cfa.cookies["maplace_session"] = near_token;
  HttpResponse relayed = cfa.Get("/cfa/offres-relayees");
  ASSERT_EQ(relayed.status, 200);
  EXPECT_TRUE(Contains(relayed.body, "Soudeur en alternance"));
  EXPECT_TRUE(Contains(relayed.body, "Soudure Caraïbes"));
  HttpClient other = HttpClient(base_);
  other.cookies["maplace_session"] = far_token;
  EXPECT_TRUE(Contains(other.Get("/cfa/offres-relayees").body, "Aucune offre ne vous a encore"));
  EXPECT_EQ(other.Get(path).status, 403);  // a CFA cannot relay

  HttpResponse poster = HttpClient(base_).Get("/offres/" + std::to_string(offer) + "/affiche");
  ASSERT_EQ(poster.status, 200);
  EXPECT_TRUE(Contains(poster.body, "<svg"));
  EXPECT_TRUE(Contains(poster.body, "/offres/" + std::to_string(offer)));
  ASSERT_THAT(platform_->offers().Close(employer_, offer), IsOk());
  EXPECT_EQ(HttpClient(base_).Get("/offres/" + std::to_string(offer) + "/affiche").status, 404);
}

TEST_F(SearchHttpTest, TheApiIsDescribedInOpenApi) {
  HttpResponse response = HttpClient(base_).Get("/api/openapi.json");
  ASSERT_EQ(response.status, 200);
  const nlohmann::json description = nlohmann::json::parse(response.body);
  EXPECT_EQ(description["openapi"], "3.0.3");
  EXPECT_TRUE(description["paths"].contains("/search"));
  EXPECT_TRUE(description["paths"].contains("/simulate"));
}

}  // namespace
}  // namespace maplace::app
