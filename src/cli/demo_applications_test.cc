// The demo's applications on a real SQLite file, after the demo accounts and offers made as
// `maplace demo` makes them, and the steering's figures computed from them.
#include "cli/demo_applications.h"

#include <gtest/gtest.h>

#include "cli/demo_command.h"
#include "cli/demo_offers.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/error_matchers.h"
#include "domain/jobs/jobs_service.h"
#include "domain/reference/tables.h"
#include "domain/reporting/indicators.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::cli {
namespace {

using applications::Application;
using applications::ApplicationStatus;
using applications::Reply;

constexpr UnixSeconds kNow = 1'795'802'400;      // 27 November 2026, 14:00 in Martinique
constexpr UnixSeconds kNewYear = 1'798'894'800;  // 2 January 2027, 09:00 in Martinique
const people::Actor kManager{7, people::Role::kManager, "m@opco.mq", "Direction"};

int YearOf(UnixSeconds at) { return static_cast<int>(MartiniqueDate(at).year()); }

struct Stored {
  Application application;
  std::vector<Reply> replies;
  std::string rome;
};

class DemoApplicationsTest : public ::testing::Test {
 protected:
  // The demo at `now`: its accounts, and its offers when `jobs` (their jobs and commune, and a
  // BMO survey where sellers and welders of the Centre are hard to recruit, pastry cooks not).
  void Open(UnixSeconds now, bool jobs = true) {
    clock_.Advance(now - clock_.Now());
    auto store = storage::OpenAndMigrate(StorageConfig{db_.url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    offers_ = std::make_unique<offers::OfferService>(*store_, clock_, offers::OfferSettings{});
    accounts_ = std::make_unique<people::AccountService>(*store_, hasher_, policy_, throttle_,
                                                         clock_, people::AccountSettings{});
    if (jobs) {
      namespace t = reference::tables;
      using reference::Row;
      ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
        const std::vector<std::pair<const reference::TableSpec*, std::vector<Row>>> tables = {
            {&t::RomeGrandDomains(), {{"D", "Commerce"}, {"G", "Hôtellerie"}, {"H", "Industrie"}}},
            {&t::RomeProfessionalDomains(),
             {{"D11", "Vente"}, {"G16", "Production culinaire"}, {"H29", "Mécanique"}}},
            {&t::RomeJobs(),
             {{"G1610", "Pâtisserie", "G", "G16", "G1610", "", ""},
              {"D1106", "Vente en alimentation", "D", "D11", "D1106", "", ""},
              {"H2913", "Soudage manuel", "H", "H29", "H2913", "", ""}}},
            {&t::EmploymentAreas(), {{"201", "MARTINIQUE CENTRE"}}},
            {&t::Communes(), {{"97213", "Le Lamentin", "972", "40000"}}},
            {&t::CommuneAreas(), {{"97213", "201"}}},
            {&t::FapRome(), {{"R1Z60", "D1106"}, {"D2Z42", "H2913"}}},
            {&t::BmoFigures(),
             {{"2025", "R1Z60", "201", "Vendeurs", "R", "Commerce", "100", "60", "0"},
              {"2025", "D2Z42", "201", "Soudeurs", "D", "Industrie", "50", "45", "0"}}},
        };
        for (const auto& [spec, rows] : tables)
          if (auto s = r.reference().Sync(*spec, rows); !s) return Fail(s.error());
        return Ok();
      }),
                  IsOk());
    }
    ASSERT_THAT(CreateDemo(*accounts_), IsOk());
    auto offers = CreateDemoOffers(*store_, *offers_);
    ASSERT_THAT(offers, IsOk());
    ASSERT_EQ(*offers, jobs ? 4 : 0);
  }

  // The demo employer's applications, oldest first, with their replies and their offer's job.
  std::vector<Stored> Applications() {
    std::vector<Stored> out;
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      auto organisations = r.organisations().List();
      if (!organisations) return Fail(organisations.error());
      for (const auto& o : *organisations) {
        if (o.kind != people::OrganisationKind::kEmployer) continue;
        auto listed = r.applications().ListByOrganisation(o.id);
        if (!listed) return Fail(listed.error());
        for (const auto& a : *listed) {
          auto replies = r.applications().Replies(a.id);
          auto offer = r.offers().FindById(a.offer_id);
          if (!replies || !offer) return Fail(ErrorCode::kInternal, "unreadable");
          out.insert(out.begin(), {a, *replies, offer->input.rome_code});
        }
      }
      return Ok();
    }),
                IsOk());
    return out;
  }

  std::int64_t UserId(const std::string& email) {
    std::int64_t id = 0;
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      auto user = r.users().FindByEmail(email);
      if (!user) return Fail(user.error());
      id = user->id;
      return Ok();
    }),
                IsOk());
    return id;
  }

  std::vector<people::User> Users() {
    auto users = accounts_->ListUsers();
    EXPECT_THAT(users, IsOk());
    return users ? *users : std::vector<people::User>{};
  }

  storage::TestDatabase db_{"sqlite"};
  ManualClock clock_{kNow};
  crypto::PasswordHasher hasher_{crypto::PasswordHasher::Minimum()};
  people::PasswordPolicy policy_{""};
  people::LoginThrottle throttle_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<offers::OfferService> offers_;
  std::unique_ptr<people::AccountService> accounts_;
};

TEST_F(DemoApplicationsTest, ApplicantsApplyOverTwoYearsAndRecruitersAnswerSomeOnce) {
  Open(kNow);
  auto written = CreateDemoApplications(*store_, *offers_, kNow);
  ASSERT_THAT(written, IsOk());
  const auto stored = Applications();
  ASSERT_EQ(stored.size(), static_cast<std::size_t>(*written));
  EXPECT_EQ(*written, 48);  // 46 by the 30 demo applicants, 2 by the demo young person

  // Thirty demo applicants who cannot sign in, beside the seven demo accounts.
  const auto users = Users();
  EXPECT_EQ(users.size(), 37u);
  int applicants = 0;
  for (const auto& user : users) {
    EXPECT_TRUE(user.is_demo) << user.email;
    if (user.email.starts_with("candidat")) {
      ++applicants;
      EXPECT_EQ(user.status, people::UserStatus::kDisabled);
      EXPECT_EQ(user.role, people::Role::kYoungPerson);
    }
  }
  EXPECT_EQ(applicants, 30);

  std::map<ApplicationStatus, int> statuses;
  std::map<int, int> years;
  std::set<std::pair<std::int64_t, std::int64_t>> pairs;
  for (const auto& s : stored) {
    const Application& a = s.application;
    ++statuses[a.status];
    ++years[YearOf(a.created_at)];
    EXPECT_TRUE(pairs.insert({a.applicant_id, a.offer_id}).second) << "one application per offer";
    EXPECT_LE(a.created_at, kNow);
    EXPECT_LE(a.updated_at, kNow);
    // The status is the last reply's; the replies come after the application, in order.
    UnixSeconds last = a.created_at;
    for (const auto& reply : s.replies) {
      EXPECT_GT(reply.created_at, last);
      last = reply.created_at;
    }
    EXPECT_LE(last, kNow);
    const std::string final_kind = s.replies.empty() ? "" : s.replies.back().kind;
    switch (a.status) {
      case ApplicationStatus::kNew:
        EXPECT_EQ(a.seen_at, 0);
        [[fallthrough]];
      case ApplicationStatus::kSeen:
        EXPECT_TRUE(s.replies.empty());
        break;
      case ApplicationStatus::kInterview:
        EXPECT_EQ(final_kind, "interview");
        break;
      case ApplicationStatus::kRefused:
        EXPECT_EQ(final_kind, "refusal");
        EXPECT_TRUE(applications::IsRefusalReason(a.refusal_reason)) << a.refusal_reason;
        break;
      case ApplicationStatus::kHired:
        EXPECT_EQ(final_kind, "hire");
        break;
    }
    // Left unanswered for a week: reminded once, then.
    const UnixSeconds answered = s.replies.empty() ? kNow : s.replies.front().created_at;
    EXPECT_EQ(a.reminded_at, a.created_at + 7 * 86'400 <= answered ? a.created_at + 7 * 86'400 : 0);
  }
  for (auto status : applications::AllStatuses())
    EXPECT_GT(statuses[status], 0) << applications::StatusCode(status);
  EXPECT_GE(years[2025], 15);
  EXPECT_GE(years[2026], 20);
  EXPECT_EQ(years.size(), 2u);

  // The demo young person: two applications, one with an interview proposed, none to welding.
  const std::int64_t young = UserId("jeune@demo.icicestmaplace.fr");
  int own = 0, invited = 0;
  for (const auto& s : stored) {
    if (s.application.applicant_id != young) continue;
    ++own;
    EXPECT_NE(s.rome, "H2913");
    if (s.application.status == ApplicationStatus::kInterview) ++invited;
  }
  EXPECT_EQ(own, 2);
  EXPECT_EQ(invited, 1);

  // The offers count their applications (the search cards show it).
  std::map<std::int64_t, int> per_offer;
  for (const auto& s : stored) ++per_offer[s.application.offer_id];
  for (const auto& [offer, count] : per_offer) {
    auto found = offers_->GetPublished(offer);
    ASSERT_THAT(found, IsOk());
    EXPECT_EQ(found->offer.applications, count);
  }

  // Once: a second run writes nothing.
  auto again = CreateDemoApplications(*store_, *offers_, kNow + 3600);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(Applications().size(), stored.size());
  EXPECT_EQ(Users().size(), 37u);
}

TEST_F(DemoApplicationsTest, TheSteeringShowsTheFunnelResponseTimesAndHiresInTension) {
  Open(kNow);
  ASSERT_THAT(CreateDemoApplications(*store_, *offers_, kNow), IsOk());
  jobs::JobsService jobs(*store_, {});
  auto computed = reporting::Compute(*store_, kManager, {.year = 2026}, &jobs);
  ASSERT_THAT(computed, IsOk());
  std::map<std::string, reporting::Indicator> figures;
  for (const auto& i : *computed) figures[i.id] = i;

  // The funnel as counted from the stored applications of each year.
  std::map<int, std::map<std::string, std::int64_t>> expected;
  std::map<int, std::int64_t> tension_hires;
  for (const auto& s : Applications()) {
    auto& year = expected[YearOf(s.application.created_at)];
    ++year["sent"];
    if (!s.replies.empty()) ++year["replied"];
    for (const auto& r : s.replies) {
      if (r.kind == "interview") ++year["interview"];
      if (r.kind == "hire") {
        ++year["hired"];
        if (s.rome != "G1610") ++tension_hires[YearOf(r.created_at)];
      }
    }
  }
  const auto& funnel = figures["applications.funnel"];
  EXPECT_EQ(funnel.value, expected[2026]["sent"]);
  EXPECT_EQ(funnel.previous, expected[2025]["sent"]);
  for (const auto& part : funnel.breakdown) {
    EXPECT_EQ(part.value, expected[2026][part.key]) << part.key;
    EXPECT_EQ(part.previous, expected[2025][part.key]) << part.key;
    EXPECT_GT(part.value, 0) << part.key;
    EXPECT_GT(part.previous, 0) << part.key;
  }
  EXPECT_EQ(funnel.breakdown.size(), 4u);
  EXPECT_GT(figures["applications.response_days"].value, 0);
  EXPECT_GT(figures["applications.response_days"].previous, 0);
  // Sellers and welders of the Centre are in tension in the 2025 survey; pastry cooks are not.
  EXPECT_EQ(figures["hires.tension"].value, tension_hires[2026]);
  EXPECT_EQ(figures["hires.tension"].previous, tension_hires[2025]);
  EXPECT_GT(tension_hires[2026], 0);
  EXPECT_GT(tension_hires[2025], 0);
}

TEST_F(DemoApplicationsTest, NothingIsDatedAfterNowOnTheSecondDayOfTheYear) {
  Open(kNewYear);
  auto written = CreateDemoApplications(*store_, *offers_, kNewYear);
  ASSERT_THAT(written, IsOk());
  EXPECT_GT(*written, 40);
  int this_year = 0;
  for (const auto& s : Applications()) {
    EXPECT_LE(s.application.created_at, kNewYear);
    EXPECT_LE(s.application.updated_at, kNewYear);
    for (const auto& r : s.replies) EXPECT_LE(r.created_at, kNewYear);
    if (YearOf(s.application.created_at) == 2027) ++this_year;
  }
  EXPECT_GT(this_year, 0);
}

TEST_F(DemoApplicationsTest, NothingBeforeTheDemoOffers) {
  Open(kNow, false);
  auto written = CreateDemoApplications(*store_, *offers_, kNow);
  ASSERT_THAT(written, IsOk());
  EXPECT_EQ(*written, 0);
  EXPECT_EQ(Users().size(), 7u);
}

}  // namespace
}  // namespace maplace::cli
