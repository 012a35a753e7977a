// Whole-server tests of the partner conventions (issue 8 §6): staff read them, managers,
// finance and administrators set their terms and money, every staff member records progress on
// commitments; employers, CFAs and young people are refused everywhere.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/http_client.h"
#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"
#include "core/text.h"
#include "domain/budgets/budgets.h"

namespace maplace::app {
namespace {

using people::Role;
using testing_http::HttpClient;

class ConventionHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTestDir("conventions");
    auto platform = Platform::Open(TestConfig(dir_));
    ASSERT_THAT(platform, IsOk());
    platform_ = std::move(*platform);
    ASSERT_THAT(platform_->StartWeb(), IsOk());
    base_ = "http://127.0.0.1:" + std::to_string(platform_->server().port());
    partner_ = NewOrganisation(*platform_, {.kind = people::OrganisationKind::kPartner,
                                            .name = "Agence de mobilité outre-mer",
                                            .created_at = 1});
    ASSERT_THAT(platform_->store().Write([&](Repositories& r) -> Status {
      budgets::Envelope e;
      e.aid_id = "ultramarine-mobility";
      e.year = 2026;
      e.funding_source = budgets::FundingSource::kConvention;
      e.partner = "LADOM";
      e.label = "Mobilité 2026 — convention";
      e.allocated_cents = 10'000'000;
      auto envelope = budgets::CreateEnvelope(r, e, {0, 1, ""});
      if (!envelope) return Fail(envelope.error());
      envelope_ = *envelope;
      return Ok();
    }),
                IsOk());
  }
  void TearDown() override {
    platform_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient SignedIn(Role role, const std::string& email) {
    return app::SignedIn(*platform_, base_, role, email);
  }

  // A convention created by `manager` through the form; returns its id.
  std::string NewConvention(HttpClient& manager, const std::string& object) {
    auto form = manager.Get("/conseil/conventions/nouvelle");
    EXPECT_EQ(form.status, 200);
    auto created = manager.PostForm("/conseil/conventions/nouvelle",
                                    {{"csrf", Csrf(form)},
                                     {"organisation_id", std::to_string(partner_)},
                                     {"reference", "MOB-2026"},
                                     {"object", object},
                                     {"starts_on", "2026-01-01"},
                                     {"ends_on", "2026-12-31"},
                                     {"amount", "150 000"},
                                     {"envelopes", std::to_string(envelope_)}});
    EXPECT_EQ(created.status, 303) << created.body;
    return Match(created.Header("location"), "/conseil/conventions/([0-9]+)");
  }

  std::filesystem::path dir_;
  std::unique_ptr<Platform> platform_;
  std::string base_;
  std::int64_t partner_ = 0, envelope_ = 0;
};

TEST_F(ConventionHttpTest, StaffReadManagersAndFinanceEditEveryoneElseIsRefused) {
  auto manager = SignedIn(Role::kManager, "direction@example.mq");
  const std::string id = NewConvention(manager, "Mobilité confidentielle");
  ASSERT_FALSE(id.empty());
  auto page = manager.Get("/conseil/conventions/" + id);
  const std::string csrf = Csrf(page);
  ASSERT_EQ(manager
                .PostForm("/conseil/conventions/" + id + "/echeances",
                          {{"csrf", csrf}, {"due_on", "2026-03-01"}, {"instalment_amount", "1000"}})
                .status,
            303);
  ASSERT_EQ(manager
                .PostForm("/conseil/conventions/" + id + "/engagements",
                          {{"csrf", csrf},
                           {"description", "Accompagner 40 jeunes"},
                           {"indicator", "jeunes partis"},
                           {"target", "40"},
                           {"commitment_due_on", "2026-12-31"}})
                .status,
            303);
  page = manager.Get("/conseil/conventions/" + id);
  const std::string instalment =
      Match(page.body, R"re(/conseil/conventions/echeances/([0-9]+)/recue)re");
  const std::string commitment = Match(page.body, R"re(data-commitment="([0-9]+)")re");
  ASSERT_FALSE(instalment.empty());
  ASSERT_FALSE(commitment.empty());

  const std::vector<std::string> reads = {"/conseil/conventions", "/conseil/conventions.xlsx",
                                          "/conseil/conventions/" + id};
  const std::vector<std::string> edit_pages = {"/conseil/conventions/nouvelle",
                                               "/conseil/conventions/" + id + "/modifier"};
  const std::vector<std::string> edit_posts = {
      "/conseil/conventions/nouvelle", "/conseil/conventions/" + id + "/modifier",
      "/conseil/conventions/" + id + "/echeances",
      "/conseil/conventions/echeances/" + instalment + "/recue",
      "/conseil/conventions/" + id + "/engagements"};
  const std::string progress = "/conseil/conventions/engagements/" + commitment + "/suivi";

  struct Who {
    Role role;
    bool staff, editor;
  };
  for (const Who who : {Who{Role::kYoungPerson, false, false}, Who{Role::kEmployer, false, false},
                        Who{Role::kCfa, false, false}, Who{Role::kAdvisor, true, false},
                        Who{Role::kManager, true, true}, Who{Role::kFinance, true, true},
                        Who{Role::kAdmin, true, true}}) {
    const std::string role(people::RoleCode(who.role));
    auto client = SignedIn(who.role, role + "@example.mq");
    const std::string token = Csrf(client.Get("/compte"));
    ASSERT_FALSE(token.empty()) << role;
    for (const auto& path : reads) {
      auto response = client.Get(path);
      EXPECT_EQ(response.status, who.staff ? 200 : 403) << role << " " << path;
      if (!who.staff) {
        EXPECT_FALSE(Contains(response.body, "confidentielle")) << role << " " << path;
      }
    }
    for (const auto& path : edit_pages)
      EXPECT_EQ(client.Get(path).status, who.editor ? 200 : 403) << role << " " << path;
    for (const auto& path : edit_posts) {
      auto response = client.PostForm(path, {{"csrf", token}});
      if (who.editor)
        EXPECT_NE(response.status, 403) << role << " " << path;
      else
        EXPECT_EQ(response.status, 403) << role << " " << path;
    }
    auto recorded = client.PostForm(progress, {{"csrf", token},
                                               {"convention", id},
                                               {"commitment", commitment},
                                               {"achieved", "1"},
                                               {"status", "in_progress"}});
    EXPECT_EQ(recorded.status, who.staff ? 303 : 403) << role << " " << progress;
  }
  HttpClient visitor(base_);
  for (const auto& path : reads) EXPECT_EQ(visitor.Get(path).status, 303) << path;
}

TEST_F(ConventionHttpTest, AManagerSetsAConventionAnAdvisorFollowsItsCommitments) {
  auto manager = SignedIn(Role::kManager, "direction@example.mq");
  // Refused forms say what is wrong, in French, beside the fields; nothing is stored.
  auto form = manager.Get("/conseil/conventions/nouvelle");
  auto refused = manager.PostForm("/conseil/conventions/nouvelle",
                                  {{"csrf", Csrf(form)},
                                   {"organisation_id", std::to_string(partner_)},
                                   {"object", ""},
                                   {"starts_on", "2026-12-31"},
                                   {"ends_on", "2026-01-01"},
                                   {"amount", "beaucoup"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Indiquez l&#39;objet de la convention."));
  EXPECT_TRUE(Contains(refused.body, "La date de fin ne peut précéder la date de début."));
  EXPECT_TRUE(Contains(refused.body, "Indiquez le montant de la convention en euros"));
  EXPECT_TRUE(Contains(manager.Get("/conseil/conventions").body, "0 convention(s)"));

  const std::string id = NewConvention(manager, "Mobilité des alternants");
  auto page = manager.Get("/conseil/conventions/" + id + "?info=convention-creee");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "La convention est enregistrée."));
  EXPECT_TRUE(Contains(page.body, text::FrenchEuros(15'000'000)));
  EXPECT_TRUE(Contains(page.body, "Mobilité 2026 — convention"));
  // The schedule stays within the amount.
  auto over = manager.PostForm(
      "/conseil/conventions/" + id + "/echeances",
      {{"csrf", Csrf(page)}, {"due_on", "2026-03-01"}, {"instalment_amount", "150 000,01"}});
  EXPECT_EQ(over.status, 422);
  EXPECT_TRUE(Contains(over.body, "L&#39;échéancier dépasserait le montant de la convention."));
  ASSERT_EQ(manager
                .PostForm("/conseil/conventions/" + id + "/engagements",
                          {{"csrf", Csrf(page)},
                           {"description", "Accompagner 40 jeunes"},
                           {"indicator", "jeunes partis"},
                           {"target", "40"},
                           {"commitment_due_on", "2026-12-31"}})
                .status,
            303);

  // Aid requests committed and paid on the envelope show as the convention's money used.
  ASSERT_THAT(platform_->store().Write([&](Repositories& r) -> Status {
    if (auto s = budgets::Commit(r, envelope_, 3'000'000, {0, 2, ""}); !s) return s;
    return budgets::RecordPayment(r, envelope_, 1'500'000, {0, 3, ""});
  }),
              IsOk());

  auto advisor = SignedIn(Role::kAdvisor, "conseil@example.mq");
  page = advisor.Get("/conseil/conventions/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, text::FrenchEuros(3'000'000) + " engagés")) << page.body;
  EXPECT_TRUE(Contains(page.body, "(20 % du montant de la convention)"));
  EXPECT_TRUE(Contains(page.body, text::FrenchEuros(1'500'000) + " payés"));
  EXPECT_FALSE(Contains(page.body, "Modifier la convention"));  // not for advisors
  const std::string commitment = Match(page.body, R"re(data-commitment="([0-9]+)")re");
  auto bad = advisor.PostForm("/conseil/conventions/engagements/" + commitment + "/suivi",
                              {{"csrf", Csrf(page)},
                               {"convention", id},
                               {"commitment", commitment},
                               {"achieved", "douze"},
                               {"status", "in_progress"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "Indiquez la valeur atteinte, un nombre entier (ex. 12)."));
  auto recorded = advisor.PostForm("/conseil/conventions/engagements/" + commitment + "/suivi",
                                   {{"csrf", Csrf(page)},
                                    {"convention", id},
                                    {"commitment", commitment},
                                    {"achieved", "12"},
                                    {"status", "in_progress"},
                                    {"note", "Premier bilan"}});
  ASSERT_EQ(recorded.status, 303);
  page = advisor.Get(recorded.Header("location"));
  EXPECT_TRUE(Contains(page.body, "12 sur 40"));
  EXPECT_TRUE(Contains(page.body, "Premier bilan"));
  EXPECT_TRUE(Contains(page.body, "Nom conseil@example.mq"));

  // The list's filters; the partner's page links to its conventions.
  EXPECT_TRUE(Contains(advisor.Get("/conseil/conventions?period=current&q=alternants").body,
                       "1 convention(s)"));
  EXPECT_TRUE(Contains(advisor.Get("/conseil/conventions?period=ended").body, "0 convention(s)"));
  auto xlsx = advisor.Get("/conseil/conventions.xlsx?partner=" + std::to_string(partner_));
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  auto partner = advisor.Get("/conseil/organisations/" + std::to_string(partner_));
  EXPECT_TRUE(Contains(partner.body, "/conseil/conventions/" + id + "\""));

  // Each change is audited under the convention.
  auto events = ReadValue(platform_->store(), [](Repositories& r) { return r.audit().Latest(50); });
  ASSERT_THAT(events, IsOk());
  int progress = 0, created = 0;
  for (const auto& e : *events) {
    if (e.subject != "convention:" + id) continue;
    if (e.action == "convention.progress_recorded") ++progress;
    if (e.action == "convention.created") ++created;
  }
  EXPECT_EQ(progress, 1);
  EXPECT_EQ(created, 1);
}

}  // namespace
}  // namespace maplace::app
