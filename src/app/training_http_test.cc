// Whole-server tests of the CFAs' training catalogue (issue 5 §5) and of trainings in search
// (issue 4): the CFA's pages, a CSV import with its row errors, another CFA's 404, the public
// training and CFA pages, and a published training found by the search API at once.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"
#include "domain/reference/tables.h"

namespace maplace::app {
namespace {

using testing_http::HttpClient;
using testing_http::HttpResponse;

constexpr char kHeader[] =
    "rncp;cfd;niveau;intitule;rythme;dates_debut;duree_mois;places;commune_insee;codes_rome;"
    "contact_nom;contact_email;contact_telephone;publiee\n";

class TrainingHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("training");
    Config config = TestConfig(dir_);
    auto platform = Platform::Open(config);
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    SeedReference();
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  void SeedReference() {
    namespace t = reference::tables;
    using reference::Row;
    ASSERT_THAT(platform_->store().Write([](Repositories& r) -> Status {
      const std::vector<std::pair<const reference::TableSpec*, std::vector<Row>>> tables = {
          {&t::RomeGrandDomains(), {{"G", "Hôtellerie-restauration"}, {"H", "Industrie"}}},
          {&t::RomeProfessionalDomains(),
           {{"G16", "Production culinaire"}, {"H29", "Mécanique, travail des métaux"}}},
          {&t::RomeJobs(),
           {{"G1602", "Personnel de cuisine", "G", "G16", "G1602", "Prépare des plats.", ""},
            {"H2913", "Soudage manuel", "H", "H29", "H2913", "Assemble des pièces.", ""}}},
          {&t::RomeJobTitles(),
           {{"1", "H2913", "Soudeur / Soudeuse", "Soudeur", "1"},
            {"3", "G1602", "Commis / Commise de cuisine", "Commis de cuisine", "1"}}},
          {&t::EmploymentAreas(), {{"201", "MARTINIQUE CENTRE"}}},
          {&t::Communes(),
           {{"97213", "Le Lamentin", "972", "40000"}, {"97209", "Fort-de-France", "972", "76000"}}},
          {&t::CommuneAreas(), {{"97213", "201"}, {"97209", "201"}}},
          {&t::CommunePositions(),
           {{"97213", "14613000", "-60999000"}, {"97209", "14616000", "-61059000"}}},
          {&t::Certifications(),
           {{"100001", "CAP Cuisine", "CAP", "3", "RNCP37859", "50022137", "1", "1"},
            {"100002", "BTS Conception et réalisation en chaudronnerie", "BTS", "5", "RNCP35414",
             std::nullopt, "1", "1"}}},
          {&t::CertificationRome(), {{"100001", "G1602", "1"}, {"100002", "H2913", "1"}}},
      };
      for (const auto& [spec, rows] : tables)
        if (auto s = r.reference().Sync(*spec, rows); !s) return Fail(s.error());
      return Ok();
    }),
                IsOk());
  }

  // A CFA user of a new CFA organisation (validated unless said otherwise), logged in.
  HttpClient Cfa(const std::string& email, const std::string& name, bool validated = true) {
    const std::int64_t user = NewUser(*platform_, people::Role::kCfa, email, "Marie");
    organisations_[email] =
        NewOrganisation(*platform_,
                        {.kind = people::OrganisationKind::kCfa,
                         .name = name,
                         .address = "1 boulevard du Général de Gaulle",
                         .commune_code = "97209",
                         .status = validated ? people::OrganisationStatus::kValidated
                                             : people::OrganisationStatus::kPending},
                        user);
    return LoggedIn(*platform_, base_, email);
  }

  std::vector<std::pair<std::string, std::string>> Form(const std::string& csrf,
                                                        const std::string& title) {
    return {{"csrf", csrf},
            {"rncp_code", "RNCP37859"},
            {"cfd_code", ""},
            {"level", ""},
            {"title", title},
            {"rome_codes", ""},
            {"start_dates", "2027-09-01 2028-01-10"},
            {"duration_months", "24"},
            {"places", "12"},
            {"rhythm", "2 semaines au CFA / 2 semaines en entreprise"},
            {"commune_code", "97213"},
            {"contact_name", "Marie Joseph"},
            {"contact_email", "formations@cfa.example"},
            {"contact_phone", ""}};
  }
  std::string Create(HttpClient& client, const std::string& title) {
    auto form = client.Get("/cfa/formations/nouvelle");
    EXPECT_EQ(form.status, 200);
    auto created = client.PostForm("/cfa/formations", Form(Csrf(form), title));
    EXPECT_EQ(created.status, 303) << created.body;
    return Match(created.Header("location"), "/cfa/formations/([0-9]+)");
  }
  HttpResponse Import(HttpClient& client, const std::string& csv) {
    auto page = client.Get("/cfa/formations");
    EXPECT_EQ(page.status, 200);
    const std::string boundary = "----maplace-test-boundary";
    std::string body = "--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + Csrf(page) +
                       "\r\n--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"catalogue\"; "
                       "filename=\"catalogue.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
                       csv + "\r\n--" + boundary + "--\r\n";
    return client.Send("POST", "/cfa/formations/import", body,
                       {"Content-Type: multipart/form-data; boundary=" + boundary});
  }
  nlohmann::json Api(const std::string& query) {
    HttpResponse response = HttpClient(base_).Get("/api/v1/search?" + query);
    EXPECT_EQ(response.status, 200) << response.body;
    return nlohmann::json::parse(response.body);
  }
  std::size_t CountTrainings() {
    std::size_t n = 0;
    EXPECT_THAT(platform_->store().Read([&](Repositories& r) -> Status {
      for (const auto& [email, id] : organisations_)
        n += r.trainings().ListByOrganisation(id)->size();
      return Ok();
    }),
                IsOk());
    return n;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
  std::map<std::string, std::int64_t> organisations_;
};

TEST_F(TrainingHttpTest, ACfaCreatesEditsPublishesAndWithdrawsATraining) {
  HttpClient cfa = Cfa("cfa@example.mq", "CFA du Lamentin");
  auto empty = cfa.Get("/cfa/formations");
  EXPECT_EQ(empty.status, 200);
  EXPECT_TRUE(Contains(empty.body, "Votre catalogue est vide"));
  const std::string id = Create(cfa, "CAP Cuisine créole");
  ASSERT_FALSE(id.empty());
  auto manage = cfa.Get("/cfa/formations/" + id);
  EXPECT_EQ(manage.status, 200);
  EXPECT_TRUE(Contains(manage.body, "Non publiée"));
  EXPECT_TRUE(Contains(manage.body, "Niveau 3"));  // from the reference certification
  EXPECT_TRUE(Contains(manage.body, "/metiers/G1602"));
  EXPECT_EQ(HttpClient(base_).Get("/formations/" + id).status, 404);

  // Edit with a bad value: French message, nothing changed.
  auto edit = cfa.Get("/cfa/formations/" + id + "/modifier");
  EXPECT_EQ(edit.status, 200);
  auto fields = Form(Csrf(edit), "CAP Cuisine créole");
  for (auto& [name, value] : fields)
    if (name == "places") value = "0";
  auto refused = cfa.PostForm("/cfa/formations/" + id, fields);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Le nombre de places va de 1 à 500."));
  for (auto& [name, value] : fields)
    if (name == "places") value = "14";
  EXPECT_EQ(cfa.PostForm("/cfa/formations/" + id, fields).status, 303);
  EXPECT_TRUE(Contains(cfa.Get("/cfa/formations/" + id).body, "<dd>14</dd>"));

  EXPECT_EQ(cfa.PostForm("/cfa/formations/" + id + "/publier", {{"csrf", Csrf(manage)}}).status,
            303);
  auto page = HttpClient(base_).Get("/formations/" + id);
  EXPECT_EQ(page.status, 200);
  for (const char* fact :
       {"CAP Cuisine créole", "CAP Cuisine (RNCP37859 — CFD 50022137)", "Niveau 3 (CAP, BEP)",
        "2 semaines au CFA / 2 semaines en entreprise", "septembre 2027", "24 mois", "<dd>14</dd>",
        "Le Lamentin", "CFA du Lamentin", "Fort-de-France", "/metiers/G1602",
        "Personnel de cuisine", "non connu", "formations@cfa.example"})
    EXPECT_TRUE(Contains(page.body, fact)) << fact;
  const std::string cfa_id = Match(page.body, R"re(href="/cfas/([0-9]+)")re");
  auto cfa_page = HttpClient(base_).Get("/cfas/" + cfa_id);
  EXPECT_EQ(cfa_page.status, 200);
  EXPECT_TRUE(Contains(cfa_page.body, "/formations/" + id));

  EXPECT_EQ(cfa.PostForm("/cfa/formations/" + id + "/retirer", {{"csrf", Csrf(manage)}}).status,
            303);
  EXPECT_EQ(HttpClient(base_).Get("/formations/" + id).status, 404);
  EXPECT_FALSE(Contains(HttpClient(base_).Get("/cfas/" + cfa_id).body, "/formations/" + id));
  EXPECT_EQ(cfa.PostForm("/cfa/formations/" + id + "/supprimer", {{"csrf", Csrf(manage)}}).status,
            303);
  EXPECT_EQ(CountTrainings(), 0u);
}

TEST_F(TrainingHttpTest, AnotherCfaGetsA404OnEveryRouteOfATraining) {
  HttpClient owner = Cfa("a@example.mq", "CFA A");
  HttpClient other = Cfa("b@example.mq", "CFA B");
  const std::string id = Create(owner, "CAP Cuisine");
  ASSERT_FALSE(id.empty());
  auto list = other.Get("/cfa/formations");
  const std::string csrf = Csrf(list);
  EXPECT_FALSE(Contains(list.body, "CAP Cuisine"));
  EXPECT_EQ(other.Get("/cfa/formations/" + id).status, 404);
  EXPECT_EQ(other.Get("/cfa/formations/" + id + "/modifier").status, 404);
  EXPECT_EQ(other.PostForm("/cfa/formations/" + id, Form(csrf, "Volée")).status, 404);
  for (const char* action : {"/publier", "/retirer", "/supprimer"})
    EXPECT_EQ(other.PostForm("/cfa/formations/" + id + action, {{"csrf", csrf}}).status, 404)
        << action;
  EXPECT_EQ(owner.Get("/cfa/formations/" + id).status, 200);
  EXPECT_TRUE(Contains(owner.Get("/cfa/formations/" + id).body, "CAP Cuisine"));
  // An employer is no CFA: 403 on the CFA's space.
  NewUser(*platform_, people::Role::kEmployer, "patron@example.mq", "Jean");
  HttpClient boss = LoggedIn(*platform_, base_, "patron@example.mq");
  EXPECT_EQ(boss.Get("/cfa/formations/" + id).status, 403);
}

TEST_F(TrainingHttpTest, ACsvWithABadRowImportsNothingAndNamesTheRow) {
  HttpClient cfa = Cfa("cfa@example.mq", "CFA du Lamentin");
  const std::string csv =
      std::string(kHeader) +
      "RNCP37859;;;CAP Cuisine;;2027-09-01;24;12;97213;;;a@cfa.example;;oui\n"
      "RNCP35414;;;BTS Chaudronnerie;;2027-09-01;24;500000;97213;;;a@cfa.example;;oui\n"
      "RNCP99999;;3;Titre inconnu;;2027-09-01;24;10;97213;G1602;;a@cfa.example;;oui\n";
  auto refused = Import(cfa, csv);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "rien n'a été enregistré"));
  EXPECT_TRUE(
      Contains(refused.body, "ligne 3 : colonne places : Le nombre de places va de 1 à 500."));
  EXPECT_TRUE(Contains(refused.body, "ligne 4 : colonne rncp : Cette certification n&#39;est pas"));
  EXPECT_FALSE(Contains(refused.body, "ligne 2 :"));
  EXPECT_EQ(CountTrainings(), 0u);
  EXPECT_EQ(Api("q=cuisine&kind=training")["total"], 0);
}

TEST_F(TrainingHttpTest, AGoodCsvImportsEveryTrainingAndAReimportChangesNothing) {
  HttpClient cfa = Cfa("cfa@example.mq", "CFA du Lamentin");
  const std::string csv =
      std::string(kHeader) +
      "RNCP37859;;;CAP Cuisine;2 semaines / 2 semaines;2027-09-01;24;12;97213;;;"
      "a@cfa.example;;oui\n"
      "RNCP37859;;;CAP Cuisine;;01/09/2027 10/01/2028;24;8;97209;;;;0596 12 34 56;oui\n"
      "RNCP35414;;;BTS Chaudronnerie;;2027-09-01;24;10;97213;;;a@cfa.example;;oui\n";
  auto imported = Import(cfa, csv);
  EXPECT_EQ(imported.status, 303) << imported.body;
  auto list = cfa.Get(imported.Header("location"));
  EXPECT_TRUE(Contains(list.body, "3 formation(s) ajoutée(s), 0 modifiée(s), 0 inchangée(s)"));
  EXPECT_EQ(CountTrainings(), 3u);
  EXPECT_EQ(Api("kind=training")["total"], 3);

  auto again = Import(cfa, csv);
  EXPECT_EQ(again.status, 303);
  EXPECT_TRUE(Contains(cfa.Get(again.Header("location")).body,
                       "0 formation(s) ajoutée(s), 0 modifiée(s), 3 inchangée(s)"));
  EXPECT_EQ(CountTrainings(), 3u);
  EXPECT_EQ(Api("kind=training")["total"], 3);

  // The template is served as a CSV attachment.
  auto model = cfa.Get("/cfa/formations/modele.csv");
  EXPECT_EQ(model.status, 200);
  EXPECT_TRUE(Contains(model.Header("content-type"), "text/csv"));
  EXPECT_TRUE(Contains(model.Header("content-disposition"), "attachment"));
  EXPECT_TRUE(Contains(model.body, "rncp;cfd;niveau;intitule"));
}

TEST_F(TrainingHttpTest, APublishedTrainingIsFoundBySearchAtOnce) {
  HttpClient cfa = Cfa("cfa@example.mq", "CFA du Lamentin");
  EXPECT_EQ(Api("q=soudure&kind=training")["total"], 0);
  auto imported = Import(
      cfa, std::string(kHeader) +
               "RNCP35414;;;BTS Chaudronnerie;;2027-09-01;24;10;97213;;;a@cfa.example;;oui\n");
  ASSERT_EQ(imported.status, 303) << imported.body;
  // « soudure » is not in the title: the job family of H2913 (the certification's) finds it.
  nlohmann::json body = Api("q=soudure&kind=training");
  ASSERT_EQ(body["total"], 1);
  const nlohmann::json& hit = body["results"][0];
  EXPECT_EQ(hit["title"], "BTS Chaudronnerie");
  EXPECT_EQ(hit["subtitle"], "CFA du Lamentin");
  EXPECT_EQ(hit["commune"], "Le Lamentin");
  EXPECT_EQ(hit["level"], 5);
  EXPECT_EQ(hit["kind"], "training");
  const std::string url = hit["url"];
  EXPECT_TRUE(url.rfind("/formations/", 0) == 0) << url;
  EXPECT_EQ(HttpClient(base_).Get(url).status, 200);
  EXPECT_TRUE(Contains(HttpClient(base_).Get("/recherche?q=soudure").body, "BTS Chaudronnerie"));

  // Withdrawn, it is gone from search at once.
  const std::string id = Match(url, "/formations/([0-9]+)");
  auto manage = cfa.Get("/cfa/formations/" + id);
  EXPECT_EQ(cfa.PostForm("/cfa/formations/" + id + "/retirer", {{"csrf", Csrf(manage)}}).status,
            303);
  EXPECT_EQ(Api("q=soudure&kind=training")["total"], 0);
}

TEST_F(TrainingHttpTest, AnUnvalidatedCfaImportsButPublishesNothing) {
  HttpClient cfa = Cfa("cfa@example.mq", "CFA en attente", false);
  auto list = cfa.Get("/cfa/formations");
  EXPECT_TRUE(Contains(list.body, "pas encore validé"));
  auto imported =
      Import(cfa, std::string(kHeader) +
                      "RNCP37859;;;CAP Cuisine;;2027-09-01;24;12;97213;;;a@cfa.example;;oui\n");
  EXPECT_EQ(imported.status, 303);
  EXPECT_EQ(CountTrainings(), 1u);
  EXPECT_EQ(Api("kind=training")["total"], 0);
  const std::string id = Match(cfa.Get("/cfa/formations").body, "data-training=\"([0-9]+)\"");
  auto manage = cfa.Get("/cfa/formations/" + id);
  auto refused = cfa.PostForm("/cfa/formations/" + id + "/publier", {{"csrf", Csrf(manage)}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(Contains(refused.body, "pas encore validé"));
}

TEST_F(TrainingHttpTest, MarkupIsRefusedAndEscapedInTheCatalogue) {
  HttpClient cfa = Cfa("cfa@example.mq", "CFA <b>gras</b>");
  auto form = cfa.Get("/cfa/formations/nouvelle");
  auto refused = cfa.PostForm("/cfa/formations", Form(Csrf(form), "<script>alert(1)</script>"));
  EXPECT_EQ(refused.status, 422);
  EXPECT_FALSE(Contains(refused.body, "<script>alert(1)"));
  EXPECT_TRUE(Contains(refused.body, "&lt;script&gt;"));
  auto imported =
      Import(cfa, std::string(kHeader) +
                      "RNCP37859;;;<i>CAP</i>;;2027-09-01;24;12;97213;;;a@cfa.example;;oui\n");
  EXPECT_EQ(imported.status, 422);
  EXPECT_FALSE(Contains(imported.body, "<i>CAP"));
  const std::string id = Create(cfa, "CAP Cuisine");
  auto manage = cfa.Get("/cfa/formations/" + id);
  cfa.PostForm("/cfa/formations/" + id + "/publier", {{"csrf", Csrf(manage)}});
  auto page = HttpClient(base_).Get("/formations/" + id);
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(Contains(page.body, "<b>gras</b>"));
  EXPECT_TRUE(Contains(page.body, "CFA &lt;b&gt;gras&lt;/b&gt;"));
}

}  // namespace
}  // namespace maplace::app
