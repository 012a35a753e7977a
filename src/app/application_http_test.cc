// Whole-server tests of applications (issue 4 §3, issue 5 §3): a young person applies with a
// CV, the employer answers from the inbox, the young person sees the answer; and nobody else
// reaches the application or the CV.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"

namespace maplace::app {
namespace {

using testing_http::HttpClient;
using testing_http::HttpResponse;

const std::string kPdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

// A multipart body: fields, then one file (omitted when `filename` is empty).
HttpResponse PostMultipart(HttpClient& client, const std::string& path,
                           const std::vector<std::pair<std::string, std::string>>& fields,
                           const std::string& file_field, const std::string& filename,
                           const std::string& bytes) {
  std::string body;
  for (const auto& [name, value] : fields)
    body +=
        "--Bnd\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  if (!filename.empty())
    body += "--Bnd\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" +
            filename + "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n";
  body += "--Bnd--\r\n";
  return client.Send("POST", path, body, {"Content-Type: multipart/form-data; boundary=Bnd"});
}

class ApplicationHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("applications");
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

  HttpClient SignedIn(people::Role role, const std::string& email, const std::string& name) {
    return app::SignedIn(*platform_, base_, role, email, nullptr, name);
  }

  std::vector<std::pair<std::string, std::string>> ApplyFields(const std::string& csrf) {
    return {{"csrf", csrf},
            {"message", "Bonjour, la cuisine créole me passionne depuis toujours."},
            {"start_date", ""},
            {"rhythm", "2 jours au CFA"},
            {"cfa_place", "in_progress"}};
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
};

TEST_F(ApplicationHttpTest, ApplyThenInviteThenTheYoungPersonSeesTheInterview) {
  HttpClient employer = SignedIn(people::Role::kEmployer, "chef@example.mq", "Chef");
  const std::string offer = PublishOffer(employer, "Apprenti cuisinier");
  ASSERT_FALSE(offer.empty());

  // A visitor is asked to log in and comes back to the offer.
  auto visitor = HttpClient(base_).Get("/offres/" + offer);
  EXPECT_EQ(visitor.status, 200);
  EXPECT_TRUE(Contains(visitor.body, "Se connecter pour postuler"));
  EXPECT_FALSE(Contains(visitor.body, "/postuler\""));

  HttpClient young = SignedIn(people::Role::kYoungPerson, "lea@example.mq", "Léa Joseph");
  auto page = young.Get("/offres/" + offer);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "action=\"/offres/" + offer + "/postuler\""));
  EXPECT_TRUE(Contains(page.body, "Déposer votre CV"));

  // A form with mistakes comes back in French, with what was typed, and stores nothing.
  auto bad = PostMultipart(young, "/offres/" + offer + "/postuler",
                           {{"csrf", Csrf(page)}, {"message", ""}, {"cfa_place", "peut-être"}},
                           "cv", "cv.pdf", kPdf);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "Écrivez quelques mots au recruteur"));
  EXPECT_TRUE(Contains(bad.body, "Dites si vous avez déjà une place dans un CFA"));
  auto markup = PostMultipart(young, "/offres/" + offer + "/postuler",
                              {{"csrf", Csrf(page)},
                               {"message", "<script>alert(1)</script>"},
                               {"rhythm", "<b>2/3</b>"},
                               {"cfa_place", "no"}},
                              "cv", "", "");
  EXPECT_EQ(markup.status, 422);
  EXPECT_TRUE(Contains(markup.body, "Les signes &lt; et &gt; ne sont pas acceptés"));
  EXPECT_FALSE(Contains(markup.body, "<script>alert(1)"));
  EXPECT_TRUE(Contains(markup.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));  // kept, escaped
  EXPECT_TRUE(Contains(young.Get("/mon-cv").body, "pas encore déposé de CV"));

  auto sent = PostMultipart(young, "/offres/" + offer + "/postuler", ApplyFields(Csrf(page)), "cv",
                            "mon cv.pdf", kPdf);
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.Header("location"), "/mes-candidatures?info=candidature-envoyee");
  auto mine = young.Get("/mes-candidatures");
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(Contains(mine.body, "Apprenti cuisinier"));
  EXPECT_TRUE(Contains(mine.body, "Envoyée"));
  EXPECT_TRUE(Contains(young.Get("/offres/" + offer).body, "Vous avez postulé à cette offre"));

  // The search cards show how many applications an offer already received.
  auto found = HttpClient(base_).Get("/api/v1/search?q=cuisinier&kind=offer");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_TRUE(Contains(found.body, "\"applications\":1")) << found.body;

  // The offer's page in the employer's space links to its applications.
  auto manage = employer.Get("/employeur/offres/" + offer);
  EXPECT_TRUE(Contains(manage.body, "/employeur/candidatures?offre=" + offer));

  // Applying twice is refused in French.
  auto twice =
      PostMultipart(young, "/offres/" + offer + "/postuler", ApplyFields(Csrf(page)), "cv", "", "");
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(Contains(twice.body, "Vous avez déjà postulé à cette offre"));

  // The employer's inbox.
  auto inbox = employer.Get("/employeur/candidatures");
  ASSERT_EQ(inbox.status, 200);
  EXPECT_TRUE(Contains(inbox.body, "Léa Joseph"));
  const std::string id = Match(inbox.body, "/employeur/candidatures/([0-9]+)\"");
  ASSERT_FALSE(id.empty());
  auto filtered = employer.Get("/employeur/candidatures?statut=interview");
  EXPECT_FALSE(Contains(filtered.body, "Léa Joseph"));
  auto xlsx = employer.Get("/employeur/candidatures/export?offre=" + offer);
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK"));

  auto application = employer.Get("/employeur/candidatures/" + id);
  ASSERT_EQ(application.status, 200);
  EXPECT_TRUE(Contains(application.body, "la cuisine créole me passionne"));
  EXPECT_TRUE(Contains(application.body, "Inscription en cours"));
  const std::string cv = Match(application.body, "href=\"/cv/([0-9]+)\"");
  ASSERT_FALSE(cv.empty());
  auto download = employer.Get("/cv/" + cv);
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kPdf);
  EXPECT_TRUE(Contains(download.Header("content-disposition"), "attachment"));
  EXPECT_TRUE(Contains(young.Get("/mes-candidatures").body, "Lue par le recruteur"));

  auto no_slots = employer.PostForm("/employeur/candidatures/" + id + "/entretien",
                                    {{"csrf", Csrf(application)}, {"slots", " "}});
  EXPECT_EQ(no_slots.status, 422);
  EXPECT_TRUE(Contains(no_slots.body, "Proposez au moins un créneau"));
  auto invited = employer.PostForm(
      "/employeur/candidatures/" + id + "/entretien",
      {{"csrf", Csrf(application)}, {"slots", "Mardi 19 janvier à 10 h, au restaurant"}});
  EXPECT_EQ(invited.status, 303) << invited.body;

  mine = young.Get("/mes-candidatures");
  EXPECT_TRUE(Contains(mine.body, "Entretien proposé"));
  EXPECT_TRUE(Contains(mine.body, "Mardi 19 janvier à 10 h, au restaurant"));
  EXPECT_TRUE(Contains(young.Get("/mon-cv/telecharger").body, "%PDF-"));
}

TEST_F(ApplicationHttpTest, AnotherEmployerOrYoungPersonGetsA404) {
  HttpClient employer = SignedIn(people::Role::kEmployer, "chef@example.mq", "Chef");
  const std::string offer = PublishOffer(employer, "Apprenti cuisinier");
  HttpClient young = SignedIn(people::Role::kYoungPerson, "lea@example.mq", "Léa");
  auto page = young.Get("/offres/" + offer);
  ASSERT_EQ(PostMultipart(young, "/offres/" + offer + "/postuler", ApplyFields(Csrf(page)), "cv",
                          "cv.pdf", kPdf)
                .status,
            303);
  auto application_page = employer.Get("/employeur/candidatures");
  const std::string id = Match(application_page.body, "/employeur/candidatures/([0-9]+)\"");
  const std::string cv =
      Match(employer.Get("/employeur/candidatures/" + id).body, "href=\"/cv/([0-9]+)\"");
  ASSERT_FALSE(cv.empty());

  HttpClient other_employer = SignedIn(people::Role::kEmployer, "garage@example.mq", "Garage");
  HttpClient other_young = SignedIn(people::Role::kYoungPerson, "tom@example.mq", "Tom");
  EXPECT_EQ(other_employer.Get("/employeur/candidatures/" + id).status, 404);
  EXPECT_FALSE(Contains(other_employer.Get("/employeur/candidatures").body, "Léa"));
  auto csrf = Csrf(other_employer.Get("/employeur/candidatures"));
  EXPECT_EQ(other_employer.PostForm("/employeur/candidatures/" + id + "/embauche", {{"csrf", csrf}})
                .status,
            404);
  EXPECT_EQ(other_employer.Get("/cv/" + cv).status, 404);
  EXPECT_EQ(other_young.Get("/cv/" + cv).status, 404);
  EXPECT_EQ(other_young.Get("/employeur/candidatures/" + id).status, 403);
  EXPECT_FALSE(Contains(other_young.Get("/mes-candidatures").body, "Apprenti cuisinier"));
  EXPECT_EQ(HttpClient(base_).Get("/cv/" + cv).status, 303);  // visitors: to the login
  EXPECT_EQ(young.Get("/cv/" + cv).status, 200);
}

TEST_F(ApplicationHttpTest, ACvIsCheckedByItsContentNotItsName) {
  HttpClient young = SignedIn(people::Role::kYoungPerson, "lea@example.mq", "Léa");
  auto page = young.Get("/mon-cv");
  ASSERT_EQ(page.status, 200);
  auto fake = PostMultipart(young, "/mon-cv", {{"csrf", Csrf(page)}}, "cv", "cv.pdf",
                            "<html><script>alert(1)</script></html>");
  EXPECT_EQ(fake.status, 422);
  EXPECT_TRUE(Contains(fake.body, "Le CV doit être un fichier PDF ou Word (DOCX)"));
  auto none = PostMultipart(young, "/mon-cv", {{"csrf", Csrf(page)}}, "cv", "", "");
  EXPECT_EQ(none.status, 422);
  auto path =
      PostMultipart(young, "/mon-cv", {{"csrf", Csrf(page)}}, "cv", "../../etc/passwd.pdf", kPdf);
  EXPECT_EQ(path.status, 422);
  EXPECT_TRUE(Contains(path.body, "ne doit pas contenir de chemin"));
  auto renamed = PostMultipart(young, "/mon-cv", {{"csrf", Csrf(page)}}, "cv", "cv.docx", kPdf);
  EXPECT_EQ(renamed.status, 422);
  EXPECT_TRUE(Contains(renamed.body, "son nom ne finit pas par « .pdf »"));
  auto too_large = PostMultipart(young, "/mon-cv", {{"csrf", Csrf(page)}}, "cv", "cv.pdf",
                                 "%PDF-" + std::string(3 * 1024 * 1024, 'x'));
  EXPECT_TRUE(too_large.status == 422 || too_large.status == 413) << too_large.status;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "documents") &&
               !std::filesystem::is_empty(dir_ / "documents"));
  auto saved = PostMultipart(young, "/mon-cv", {{"csrf", Csrf(page)}}, "cv", "passwd.pdf", kPdf);
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_TRUE(Contains(young.Get("/mon-cv").body, "passwd.pdf"));
  // Stored under a random name in the documents folder, nothing else there.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "documents")) {
    ++files;
    EXPECT_EQ(entry.path().filename().string().find("passwd"), std::string::npos);
  }
  EXPECT_EQ(files, 1);
}

}  // namespace
}  // namespace maplace::app
