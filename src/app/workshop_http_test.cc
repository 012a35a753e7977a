// Whole-server tests of the workshops and POEC programmes (issue 8 §4, §5): an advisor creates
// a session, invites the CFAs of one employment area, CFA users register (the last seat, then
// the waiting list, promoted on a cancellation), the calendar file, attendance and the survey;
// a POEC programme with outcomes; and route × role: organisations see only their own
// registrations, young people and visitors nothing of the staff pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"
#include "domain/reference/tables.h"

namespace maplace::app {
namespace {

using testing_http::HttpClient;
using testing_http::HttpResponse;

class WorkshopHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("workshops");
    auto platform = Platform::Open(TestConfig(dir_));
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
    namespace t = reference::tables;
    using reference::Row;
    ASSERT_THAT(platform_->store().Write([](Repositories& r) -> Status {
      const std::vector<std::pair<const reference::TableSpec*, std::vector<Row>>> tables = {
          {&t::RomeGrandDomains(), {{"H", "Industrie"}}},
          {&t::RomeProfessionalDomains(), {{"H29", "Mécanique, travail des métaux"}}},
          {&t::RomeJobs(),
           {{"H2913", "Soudeur / Soudeuse", "H", "H29", "H2913", "Assemble des métaux.", ""}}},
          {&t::EmploymentAreas(), {{"201", "MARTINIQUE CENTRE"}, {"202", "MARTINIQUE SUD"}}},
          {&t::Communes(),
           {{"97213", "Le Lamentin", "972", "40000"}, {"97227", "Sainte-Anne", "972", "4500"}}},
          {&t::CommuneAreas(), {{"97213", "201"}, {"97227", "202"}}},
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

  // A validated organisation in `commune` with its members.
  std::int64_t Organisation(people::OrganisationKind kind, const std::string& name,
                            const std::string& commune, const std::vector<std::int64_t>& members) {
    const std::int64_t id =
        NewOrganisation(*platform_, {.kind = kind, .name = name, .commune_code = commune});
    for (auto m : members)
      EXPECT_THAT(platform_->accounts().AddMember(id, m, people::MemberRole::kMember), IsOk());
    return id;
  }
  std::vector<Mail> MailsTo(const std::string& email) {
    std::vector<Mail> out;
    EXPECT_THAT(platform_->store().Read([&](Repositories& r) -> Status {
      auto latest = r.outbox().Latest(1000);
      if (!latest) return Fail(latest.error());
      for (const auto& m : *latest)
        if (m.mail.to == email) out.push_back(m.mail);
      std::reverse(out.begin(), out.end());  // oldest first
      return Ok();
    }),
                IsOk());
    return out;
  }
  // A session created through the staff's forms; returns its id.
  std::string CreateSession(HttpClient& advisor, const std::string& capacity,
                            const std::string& starts, const std::string& ends) {
    auto list = advisor.Get("/conseil/ateliers");
    EXPECT_EQ(list.status, 200);
    auto theme = advisor.PostForm("/conseil/ateliers/themes",
                                  {{"csrf", Csrf(list)},
                                   {"theme_name", "Recruter un apprenti"},
                                   {"theme_description", "Les étapes du recrutement."}});
    EXPECT_EQ(theme.status, 303) << theme.body;
    auto form = advisor.Get("/conseil/ateliers/nouvelle");
    const std::string theme_id = Match(form.body, R"re(<option value="([0-9]+)">Recruter)re");
    EXPECT_FALSE(theme_id.empty());
    auto created = advisor.PostForm("/conseil/ateliers", {{"csrf", Csrf(form)},
                                                          {"theme_id", theme_id},
                                                          {"title", "Accueillir son apprenti"},
                                                          {"starts_at", starts},
                                                          {"ends_at", ends},
                                                          {"place", "Le Lamentin, salle 2"},
                                                          {"online_link", ""},
                                                          {"capacity", capacity},
                                                          {"speakers", "Mme Fictive"},
                                                          {"description", "Les premiers jours."}});
    EXPECT_EQ(created.status, 303) << created.body;
    return Match(created.Header("location"), "/conseil/ateliers/([0-9]+)");
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
};

TEST_F(WorkshopHttpTest, InviteRegisterWaitPromoteAttendAndRate) {
  NewUser(*platform_, people::Role::kAdvisor, "conseil@opco.mq", "Conseillère");
  const auto ana = NewUser(*platform_, people::Role::kCfa, "ana@cfa-centre.mq", "Ana Centre");
  const auto bob = NewUser(*platform_, people::Role::kCfa, "bob@cfa-centre.mq", "Bob Centre");
  const auto sud = NewUser(*platform_, people::Role::kCfa, "sud@cfa-sud.mq", "Sophie Sud");
  const auto boss = NewUser(*platform_, people::Role::kEmployer, "chef@resto.mq", "Chef");
  Organisation(people::OrganisationKind::kCfa, "CFA du Centre", "97213", {ana, bob});
  Organisation(people::OrganisationKind::kCfa, "CFA du Sud", "97227", {sud});
  Organisation(people::OrganisationKind::kEmployer, "Restaurant du Centre", "97213", {boss});
  HttpClient advisor = LoggedIn(*platform_, base_, "conseil@opco.mq");

  // A form with mistakes comes back in French and stores nothing.
  auto form = advisor.Get("/conseil/ateliers/nouvelle");
  auto bad = advisor.PostForm("/conseil/ateliers", {{"csrf", Csrf(form)},
                                                    {"theme_id", ""},
                                                    {"title", "<b>Atelier</b>"},
                                                    {"starts_at", "2030-12-03T09:00"},
                                                    {"ends_at", "2030-12-03T08:00"},
                                                    {"place", ""},
                                                    {"online_link", ""},
                                                    {"capacity", "0"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "La fin doit venir après le début"));
  EXPECT_TRUE(Contains(bad.body, "Indiquez un lieu, un lien de visioconférence"));
  EXPECT_TRUE(Contains(bad.body, "&lt;b&gt;Atelier&lt;/b&gt;"));
  EXPECT_TRUE(Contains(advisor.Get("/conseil/ateliers").body, "0 session(s)"));

  const std::string id = CreateSession(advisor, "1", "2030-12-03T09:00", "2030-12-03T12:00");
  ASSERT_FALSE(id.empty());
  auto page = advisor.Get("/conseil/ateliers/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "de 09:00 à 12:00"));

  // Preview: the CFAs of the Centre area only, then send.
  auto preview = advisor.Get("/conseil/ateliers/" + id + "/invitations?apercu=1&kind=cfa&area=201");
  ASSERT_EQ(preview.status, 200);
  EXPECT_TRUE(Contains(preview.body, "1 structure(s) concernée(s), dont 1 à inviter"));
  EXPECT_TRUE(Contains(preview.body, "CFA du Centre"));
  EXPECT_FALSE(Contains(preview.body, "CFA du Sud"));
  EXPECT_FALSE(Contains(preview.body, "Restaurant du Centre"));
  auto sent = advisor.PostForm("/conseil/ateliers/" + id + "/invitations",
                               {{"csrf", Csrf(preview)}, {"kind", "cfa"}, {"area", "201"}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  ASSERT_EQ(MailsTo("ana@cfa-centre.mq").size(), 1u);
  EXPECT_TRUE(Contains(MailsTo("ana@cfa-centre.mq")[0].body, "/ateliers/" + id));
  EXPECT_TRUE(MailsTo("sud@cfa-sud.mq").empty());
  EXPECT_TRUE(MailsTo("chef@resto.mq").empty());
  // Sending again invites nobody twice.
  EXPECT_TRUE(Contains(
      advisor.Get("/conseil/ateliers/" + id + "/invitations?apercu=1&kind=cfa&area=201").body,
      "dont 0 à inviter"));

  // Ana registers herself: the only seat. Then Bob: the waiting list.
  HttpClient ana_client = LoggedIn(*platform_, base_, "ana@cfa-centre.mq");
  auto list = ana_client.Get("/ateliers");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "Accueillir son apprenti"));
  auto session_page = ana_client.Get("/ateliers/" + id);
  ASSERT_EQ(session_page.status, 200);
  auto none =
      ana_client.PostForm("/ateliers/" + id + "/inscription", {{"csrf", Csrf(session_page)}});
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(Contains(none.body, "Cochez au moins une personne"));
  auto outsider =
      ana_client.PostForm("/ateliers/" + id + "/inscription",
                          {{"csrf", Csrf(session_page)}, {"person", std::to_string(sud)}});
  EXPECT_EQ(outsider.status, 422);
  auto registered =
      ana_client.PostForm("/ateliers/" + id + "/inscription",
                          {{"csrf", Csrf(session_page)}, {"person", std::to_string(ana)}});
  ASSERT_EQ(registered.status, 303) << registered.body;
  auto waiting =
      ana_client.PostForm("/ateliers/" + id + "/inscription",
                          {{"csrf", Csrf(session_page)}, {"person", std::to_string(bob)}});
  ASSERT_EQ(waiting.status, 303) << waiting.body;
  auto mine = ana_client.Get("/ateliers/" + id);
  EXPECT_TRUE(
      Contains(mine.body, "Ana Centre : <strong class=\"status status--registered\">Inscrit"));
  EXPECT_TRUE(Contains(
      mine.body, "Bob Centre : <strong class=\"status status--waiting\">Liste d&#39;attente"));
  EXPECT_TRUE(Contains(MailsTo("bob@cfa-centre.mq").back().subject, "Liste d'attente"));

  // The calendar file, for the registered organisation and staff only.
  auto ics = ana_client.Get("/ateliers/" + id + "/calendrier.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_TRUE(Contains(ics.Header("content-type"), "text/calendar"));
  EXPECT_TRUE(Contains(ics.body, "BEGIN:VCALENDAR\r\n"));
  EXPECT_TRUE(Contains(ics.body, "DTSTART:20301203T130000Z\r\n"));  // 09:00 in Martinique
  EXPECT_TRUE(Contains(ics.body, "DTEND:20301203T160000Z\r\n"));
  HttpClient sud_client = LoggedIn(*platform_, base_, "sud@cfa-sud.mq");
  EXPECT_EQ(sud_client.Get("/ateliers/" + id + "/calendrier.ics").status, 404);

  // A material to download: by staff and the registered organisation only, checked by content.
  const auto upload = [&](const std::string& name, const std::string& bytes) {
    const std::string body =
        "--Bnd\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + Csrf(page) +
        "\r\n--Bnd\r\nContent-Disposition: form-data; name=\"material\"; "
        "filename=\"" +
        name + "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n--Bnd--\r\n";
    return advisor.Send("POST", "/conseil/ateliers/" + id + "/supports", body,
                        {"Content-Type: multipart/form-data; boundary=Bnd"});
  };
  auto not_pdf = upload("support.pdf", "MZ not a pdf");
  EXPECT_EQ(not_pdf.status, 422);
  EXPECT_TRUE(Contains(not_pdf.body, "Déposez un PDF ou un document bureautique"));
  ASSERT_EQ(upload("support atelier.pdf", "%PDF-1.4\n%%EOF\n").status, 303);
  const std::string material =
      Match(advisor.Get("/conseil/ateliers/" + id).body, R"re(/ateliers/supports/([0-9]+))re");
  ASSERT_FALSE(material.empty());
  auto download = ana_client.Get("/ateliers/supports/" + material);
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, "%PDF-1.4\n%%EOF\n");
  EXPECT_TRUE(Contains(ana_client.Get("/ateliers/" + id).body, "support atelier.pdf"));

  // Another organisation sees the session but none of the Centre's registrations, and cannot
  // cancel them.
  EXPECT_EQ(sud_client.Get("/ateliers/supports/" + material).status, 404);
  auto other = sud_client.Get("/ateliers/" + id);
  ASSERT_EQ(other.status, 200);
  EXPECT_FALSE(Contains(other.body, "Ana Centre"));
  EXPECT_FALSE(Contains(other.body, "Bob Centre"));
  EXPECT_TRUE(Contains(other.body, "Complet"));
  const std::string ana_registration = Match(
      mine.body,
      R"re(name="registration" value="([0-9]+)"><button class="btn btn--link" type="submit">Annuler l'inscription de Ana)re");
  ASSERT_FALSE(ana_registration.empty());
  auto stolen = sud_client.PostForm("/ateliers/" + id + "/annulation",
                                    {{"csrf", Csrf(other)}, {"registration", ana_registration}});
  EXPECT_EQ(stolen.status, 404);

  // Ana cancels: Bob is promoted and told by mail.
  auto cancelled = ana_client.PostForm("/ateliers/" + id + "/annulation",
                                       {{"csrf", Csrf(mine)}, {"registration", ana_registration}});
  ASSERT_EQ(cancelled.status, 303) << cancelled.body;
  EXPECT_TRUE(Contains(MailsTo("bob@cfa-centre.mq").back().subject, "Une place s'est libérée"));
  auto staff_page = advisor.Get("/conseil/ateliers/" + id);
  EXPECT_TRUE(Contains(staff_page.body, "1 inscrits sur 1 (0 libres), 0 en liste d'attente"));

  // Attendance on the day, then the survey once the session is over (its dates moved back).
  auto sheet = advisor.Get("/conseil/ateliers/" + id + "/emargement");
  ASSERT_EQ(sheet.status, 200);
  const std::string bob_registration = Match(sheet.body, R"re(name="present" value="([0-9]+)")re");
  ASSERT_FALSE(bob_registration.empty());
  auto marked = advisor.PostForm("/conseil/ateliers/" + id + "/emargement",
                                 {{"csrf", Csrf(sheet)}, {"present", bob_registration}});
  ASSERT_EQ(marked.status, 303) << marked.body;
  ASSERT_THAT(platform_->store().Write([&](Repositories& r) -> Status {
    auto s = r.workshops().FindSession(std::stoll(id));
    if (!s) return Fail(s.error());
    s->input.starts_at = 1'000'000'000;
    s->input.ends_at = 1'000'003'600;
    return r.workshops().UpdateSession(*s);
  }),
              IsOk());
  auto survey = advisor.PostForm("/conseil/ateliers/" + id + "/enquete", {{"csrf", Csrf(sheet)}});
  ASSERT_EQ(survey.status, 303) << survey.body;
  const auto mails = MailsTo("bob@cfa-centre.mq");
  const std::string token = Match(mails.back().body, "/ateliers/avis/([A-Za-z0-9_-]+)");
  ASSERT_FALSE(token.empty()) << mails.back().body;
  HttpClient anyone(base_);
  auto form_page = anyone.Get("/ateliers/avis/" + token);
  ASSERT_EQ(form_page.status, 200);
  auto no_rating = anyone.PostForm("/ateliers/avis/" + token, {{"csrf", Csrf(form_page)}});
  EXPECT_EQ(no_rating.status, 422);
  EXPECT_TRUE(Contains(no_rating.body, "Choisissez une note de 1 à 5"));
  auto rated =
      anyone.PostForm("/ateliers/avis/" + token,
                      {{"csrf", Csrf(form_page)}, {"rating", "4"}, {"comment", "Concret."}});
  EXPECT_EQ(rated.status, 200) << rated.body;
  auto again = anyone.PostForm("/ateliers/avis/" + token,
                               {{"csrf", Csrf(form_page)}, {"rating", "1"}, {"comment", ""}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(anyone.Get("/ateliers/avis/nimportequoi").status, 404);
  auto rated_page = advisor.Get("/conseil/ateliers/" + id);
  EXPECT_TRUE(Contains(rated_page.body, "4,0 / 5 (1 avis)"));
  EXPECT_TRUE(Contains(rated_page.body, "Concret."));

  // Follow-up action, and the exports.
  auto action =
      advisor.PostForm("/conseil/ateliers/" + id + "/actions",
                       {{"csrf", Csrf(rated_page)}, {"action", "Rappeler le CFA du Centre"}});
  EXPECT_EQ(action.status, 303);
  EXPECT_TRUE(Contains(advisor.Get("/conseil/ateliers/" + id).body, "Rappeler le CFA du Centre"));
  auto xlsx = advisor.Get("/conseil/ateliers/export?annee=2001");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_TRUE(Contains(xlsx.Header("content-type"), "spreadsheetml"));
  EXPECT_EQ(advisor.Get("/conseil/ateliers/" + id + "/export").status, 200);

  // The steering figures of the year.
  auto figures = workshops::SessionsInYear(platform_->store(), 2001);
  ASSERT_THAT(figures, IsOk());
  ASSERT_EQ(figures->size(), 1u);
  EXPECT_EQ(figures->front().stats.attended, 1);
  EXPECT_EQ(figures->front().stats.ratings, 1);
  EXPECT_EQ(figures->front().organisations_attending, 1);
}

TEST_F(WorkshopHttpTest, StaffPagesAreForStaffOnly) {
  NewUser(*platform_, people::Role::kAdvisor, "conseil@opco.mq", "Conseillère");
  const auto ana = NewUser(*platform_, people::Role::kCfa, "ana@cfa.mq", "Ana");
  const auto boss = NewUser(*platform_, people::Role::kEmployer, "chef@resto.mq", "Chef");
  NewUser(*platform_, people::Role::kYoungPerson, "lea@example.mq", "Léa");
  Organisation(people::OrganisationKind::kCfa, "CFA", "97213", {ana});
  Organisation(people::OrganisationKind::kEmployer, "Resto", "97213", {boss});
  HttpClient advisor = LoggedIn(*platform_, base_, "conseil@opco.mq");
  const std::string id = CreateSession(advisor, "5", "2030-12-03T09:00", "2030-12-03T12:00");
  ASSERT_FALSE(id.empty());

  const std::vector<std::string> staff_pages = {"/conseil/ateliers",
                                                "/conseil/ateliers/" + id,
                                                "/conseil/ateliers/nouvelle",
                                                "/conseil/ateliers/" + id + "/emargement",
                                                "/conseil/ateliers/" + id + "/invitations",
                                                "/conseil/ateliers/export",
                                                "/conseil/poec",
                                                "/conseil/poec/nouveau"};
  HttpClient young = LoggedIn(*platform_, base_, "lea@example.mq");
  HttpClient cfa = LoggedIn(*platform_, base_, "ana@cfa.mq");
  HttpClient employer = LoggedIn(*platform_, base_, "chef@resto.mq");
  HttpClient visitor(base_);
  for (const auto& path : staff_pages) {
    EXPECT_EQ(young.Get(path).status, 403) << path;
    EXPECT_EQ(cfa.Get(path).status, 403) << path;
    EXPECT_EQ(employer.Get(path).status, 403) << path;
    auto anonymous = visitor.Get(path);
    EXPECT_EQ(anonymous.status, 303) << path;
    EXPECT_TRUE(Contains(anonymous.Header("location"), "/connexion")) << path;
  }
  // The organisations' pages are for employers' and CFAs' members.
  EXPECT_EQ(young.Get("/ateliers").status, 403);
  EXPECT_EQ(young.Get("/ateliers/" + id).status, 403);
  EXPECT_EQ(visitor.Get("/ateliers/" + id + "/calendrier.ics").status, 303);
  EXPECT_EQ(employer.Get("/ateliers/" + id).status, 200);
  EXPECT_EQ(cfa.Get("/ateliers").status, 200);
  // Advisors reach everything.
  for (const auto& path : staff_pages) EXPECT_EQ(advisor.Get(path).status, 200) << path;
}

TEST_F(WorkshopHttpTest, PoecProgrammeWithCohortAndOutcomes) {
  NewUser(*platform_, people::Role::kAdvisor, "conseil@opco.mq", "Conseillère");
  HttpClient advisor = LoggedIn(*platform_, base_, "conseil@opco.mq");
  auto form = advisor.Get("/conseil/poec/nouveau");
  ASSERT_EQ(form.status, 200);
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"csrf", Csrf(form)},
      {"title", "POEC Soudeurs"},
      {"rome_code", "Soudeur / Soudeuse (H2913)"},
      {"training_organisation", "AFPA Martinique"},
      {"hours", "401"},
      {"funding", "OPCO 2i, France Travail"},
      {"partner_opcos", "OPCO 2i"}};
  auto too_long = advisor.PostForm("/conseil/poec", fields);
  EXPECT_EQ(too_long.status, 422);
  EXPECT_TRUE(Contains(too_long.body, "Une POEC dure au plus 400 heures"));
  EXPECT_TRUE(Contains(advisor.Get("/conseil/poec").body, "Aucun programme"));
  auto fixed = fields;
  fixed[4].second = "400";
  auto created = advisor.PostForm("/conseil/poec", fixed);
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string id = Match(created.Header("location"), "/conseil/poec/([0-9]+)");
  auto programme = advisor.Get("/conseil/poec/" + id);
  ASSERT_EQ(programme.status, 200);
  EXPECT_TRUE(Contains(programme.body, "Soudeur / Soudeuse (H2913)"));

  auto partner = advisor.PostForm(
      "/conseil/poec/" + id + "/partenaires",
      {{"csrf", Csrf(programme)}, {"company", "Soudure Caraïbes"}, {"positions", "3"}});
  EXPECT_EQ(partner.status, 303);
  auto bad_cohort =
      advisor.PostForm("/conseil/poec/" + id + "/promotions", {{"csrf", Csrf(programme)},
                                                               {"label", "Promotion 2026"},
                                                               {"start_date", "2026-05-01"},
                                                               {"end_date", "2026-02-01"},
                                                               {"place", "Le Lamentin"}});
  EXPECT_EQ(bad_cohort.status, 422);
  EXPECT_TRUE(Contains(bad_cohort.body, "La fin doit venir après le début"));
  auto cohort =
      advisor.PostForm("/conseil/poec/" + id + "/promotions", {{"csrf", Csrf(programme)},
                                                               {"label", "Promotion 2026"},
                                                               {"start_date", "2026-02-01"},
                                                               {"end_date", "2026-05-29"},
                                                               {"place", "Le Lamentin"}});
  ASSERT_EQ(cohort.status, 303) << cohort.body;
  const std::string cohort_path =
      cohort.Header("location").substr(0, cohort.Header("location").find('?'));
  auto cohort_page = advisor.Get(cohort_path);
  ASSERT_EQ(cohort_page.status, 200);
  for (const char* name : {"Zoé Fictive", "Albert Fictif", "Chloé Fictive"}) {
    auto added = advisor.PostForm(cohort_path + "/candidats", {{"csrf", Csrf(cohort_page)},
                                                               {"name", name},
                                                               {"email", ""},
                                                               {"phone", "0696 00 00 00"},
                                                               {"commune_code", "97213"}});
    ASSERT_EQ(added.status, 303) << added.body;
  }
  cohort_page = advisor.Get(cohort_path);
  auto candidate = [&](const std::string& name) {
    return Match(cohort_page.body, "id=\"candidat-([0-9]+)\">\\s*<h3 class=\"card-title\">" + name);
  };
  const auto path = [&](const std::string& name, const std::string& outcome,
                        const std::string& company) {
    return advisor.PostForm(cohort_path + "/parcours", {{"csrf", Csrf(cohort_page)},
                                                        {"candidate", candidate(name)},
                                                        {"stage", "training"},
                                                        {"hours_attended", "390"},
                                                        {"outcome", outcome},
                                                        {"company", company},
                                                        {"outcome_date", "2026-06-15"}});
  };
  // Hired without a company: refused in French, nothing stored.
  auto missing = path("Zoé Fictive", "cdi", "");
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(Contains(missing.body, "Indiquez l&#39;entreprise qui a recruté le candidat"));
  EXPECT_EQ(path("Zoé Fictive", "cdi", "Soudure Caraïbes").status, 303);
  EXPECT_EQ(path("Albert Fictif", "alternance", "Chaudronnerie du Lamentin").status, 303);
  EXPECT_EQ(path("Chloé Fictive", "other", "").status, 303);

  programme = advisor.Get("/conseil/poec/" + id);
  EXPECT_TRUE(Contains(programme.body, "2 personnes recrutées dans 2 entreprises"));
  EXPECT_TRUE(Contains(programme.body, "<td>Soudure Caraïbes</td><td>1</td><td>3</td>"));
  EXPECT_TRUE(Contains(programme.body, "<td>Chaudronnerie du Lamentin</td><td>1</td><td>—</td>"));
  EXPECT_TRUE(Contains(programme.body, "<td>Embauché en CDI</td><td>1</td>"));
  EXPECT_TRUE(Contains(programme.body, "<td>Autre situation / sans emploi</td><td>1</td>"));
  auto xlsx = advisor.Get("/conseil/poec/" + id + "/candidats.xlsx?sortie=cdi");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_TRUE(Contains(xlsx.Header("content-type"), "spreadsheetml"));
  EXPECT_EQ(advisor.Get("/conseil/poec/export").status, 200);

  auto year = poec::PoecOutcomesInYear(platform_->store(), 2026);
  ASSERT_THAT(year, IsOk());
  EXPECT_EQ(year->hired, 2);
  EXPECT_EQ(year->companies, 2);
  EXPECT_EQ(year->with_outcome, 3);
  EXPECT_EQ(poec::PoecOutcomesInYear(platform_->store(), 2027)->hired, 0);
}

}  // namespace
}  // namespace maplace::app
