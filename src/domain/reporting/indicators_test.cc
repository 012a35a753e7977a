// The indicators against values counted by hand on a known dataset (storage/reporting_dataset.h)
// in a SQLite file: the year boundary in Martinique time (UTC−4), the filters applied or not
// applicable, the drill-down's roles and the small-count suppression of the public figures.
#include "domain/reporting/indicators.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "storage/database.h"
#include "storage/reporting_dataset.h"
#include "storage/test_database.h"

namespace maplace::reporting {
namespace {

using namespace storage::reporting_dataset;
const people::Actor kManager{7, people::Role::kManager, "m@opco.mq", "Direction"};
const people::Actor kFinance{8, people::Role::kFinance, "f@opco.mq", "Finance"};

class IndicatorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::TestDatabase>("sqlite");
    auto store = storage::OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    auto ids = Write(*store_);
    ASSERT_THAT(ids, IsOk());
    ids_ = *ids;
    jobs_ = std::make_unique<jobs::JobsService>(*store_, std::map<std::string, std::string>{});
  }
  std::map<std::string, Indicator> Compute(Filters filters) {
    auto computed = reporting::Compute(*store_, kManager, filters, jobs_.get());
    EXPECT_THAT(computed, IsOk());
    std::map<std::string, Indicator> out;
    if (computed) {
      for (auto& i : *computed) out[i.id] = i;
    }
    return out;
  }
  static std::map<std::string, std::int64_t> Parts(const Indicator& i, bool previous = false) {
    std::map<std::string, std::int64_t> out;
    for (const auto& b : i.breakdown) out[b.key] = previous ? b.previous : b.value;
    return out;
  }

  std::unique_ptr<storage::TestDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<jobs::JobsService> jobs_;
  Ids ids_;
};

TEST_F(IndicatorsTest, EveryFigureOfTheYearAndTheOneBefore) {
  auto i = Compute({.year = 2026});
  EXPECT_EQ(i["budget.allocated"].value, 5'000'000);
  EXPECT_EQ(i["budget.allocated"].previous, 3'000'000);
  EXPECT_EQ(i["budget.committed"].value, 200'000);
  EXPECT_EQ(i["budget.committed"].previous, 0);
  EXPECT_EQ(i["budget.paid"].value, 100'000);  // r7's two instalments, on the 2026 envelope
  EXPECT_EQ(i["budget.alternance"].value, 200'000);
  EXPECT_EQ(Parts(i["budget.alternance"]),
            (std::map<std::string, std::int64_t>{{"apprentissage", 200'000},
                                                 {"professionnalisation", 0}}));

  // u1, u2, u3 applied; u1, u4, Kévin and Mélissa (by her name at her employer, and by the
  // request linked to her follow-up) asked for aids; Mélissa and Jordan (u5's account) were
  // followed, Jordan on 31 December at 23:30.
  EXPECT_EQ(i["young_people.accompanied"].value, 7);
  EXPECT_EQ(Parts(i["young_people.accompanied"]),
            (std::map<std::string, std::int64_t>{
                {"applications", 3}, {"aid_requests", 4}, {"follow_ups", 2}}));
  // u4, u5 applied; u2 asked; Jordan's risk of 31 December 2025 is u5 again.
  EXPECT_EQ(i["young_people.accompanied"].previous, 3);
  EXPECT_EQ(Parts(i["young_people.accompanied"], true),
            (std::map<std::string, std::int64_t>{
                {"applications", 2}, {"aid_requests", 1}, {"follow_ups", 1}}));

  // The hotel's contract started and ended in 2026; the builder's started in 2025, broke in 2026.
  EXPECT_EQ(i["contracts.started"].value, 1);
  EXPECT_EQ(i["contracts.started"].previous, 1);
  EXPECT_EQ(Parts(i["contracts.started"]),
            (std::map<std::string, std::int64_t>{{"apprentissage", 1}}));
  EXPECT_EQ(i["contracts.broken"].value, 1);
  EXPECT_EQ(i["contracts.broken"].previous, 0);
  EXPECT_EQ(i["contracts.completed"].value, 1);

  EXPECT_EQ(i["applications.funnel"].value, 4);
  EXPECT_EQ(Parts(i["applications.funnel"]),
            (std::map<std::string, std::int64_t>{
                {"sent", 4}, {"replied", 3}, {"interview", 2}, {"hired", 1}}));
  EXPECT_EQ(Parts(i["applications.funnel"], true),
            (std::map<std::string, std::int64_t>{
                {"sent", 2}, {"replied", 1}, {"interview", 0}, {"hired", 1}}));
  EXPECT_EQ(i["applications.response_days"].value, 2);  // 1, 2, 4 days
  EXPECT_EQ(i["applications.response_days"].previous, 369);
  EXPECT_EQ(i["applications.response_days"].unit, Unit::kDays);

  // The secretary hired in the Centre (60 % difficult projects there) is in a tension job; the
  // mason hired in the Nord Atlantique (20 % there, 80 % in the Centre) is not.
  EXPECT_EQ(i["hires.tension"].value, 1);
  EXPECT_EQ(Parts(i["hires.tension"]),
            (std::map<std::string, std::int64_t>{{"tension", 1}, {"other", 1}}));
  EXPECT_EQ(i["hires.tension"].previous, 0);
  // The same two hires by job, by two employers.
  EXPECT_EQ(i["hires.by_job"].value, 2);
  EXPECT_EQ(i["hires.by_job"].breakdown,
            (std::vector<Breakdown>{{"F1703", "Maçonnerie (F1703)", 1, 0},
                                    {"M1607", "Secrétariat (M1607)", 1, 0}}));
  EXPECT_EQ(i["hires.employers"].value, 2);
  EXPECT_EQ(i["hires.employers"].previous, 0);

  EXPECT_EQ(i["aids.requests"].value, 5);
  EXPECT_EQ(i["aids.requests"].previous, 1);
  EXPECT_EQ(Parts(i["aids.requests"]), (std::map<std::string, std::int64_t>{
                                           {"committed", 1}, {"rejected", 1}, {"submitted", 3}}));
  EXPECT_EQ(
      Parts(i["aids.requests_by_aid"]),
      (std::map<std::string, std::int64_t>{{"driving-licence", 3}, {"ultramarine-mobility", 2}}));
  EXPECT_EQ(i["aids.amounts"].value, 450'000);
  EXPECT_EQ(i["aids.amounts"].previous, 100'000);
  EXPECT_EQ(i["aids.granted"].value, 200'000);
  EXPECT_EQ(i["aids.granted"].previous, 0);
  // Paid on 31 December 2026 at 23:30 there; the second instalment is 2027's.
  EXPECT_EQ(i["aids.paid"].value, 50'000);
  EXPECT_EQ(Parts(i["aids.paid"]),
            (std::map<std::string, std::int64_t>{{"ultramarine-mobility", 50'000}}));
  EXPECT_EQ(i["offers.published"].value, 2);
  EXPECT_EQ(i["organisations.new"].value, 2);
  EXPECT_EQ(i["workshops.sessions"].value, 0);
  // The masons' POEC: three outcomes in 2026, two hires by one company; one hire on
  // 31 December 2025.
  EXPECT_EQ(i["poec.outcomes"].value, 3);
  EXPECT_EQ(i["poec.outcomes"].previous, 1);
  EXPECT_EQ(i["poec.hires"].value, 2);
  EXPECT_EQ(Parts(i["poec.hires"]),
            (std::map<std::string, std::int64_t>{{"companies", 1}, {"hired", 2}}));
  EXPECT_EQ(Parts(i["poec.hires"], true),
            (std::map<std::string, std::int64_t>{{"companies", 1}, {"hired", 1}}));

  for (const auto& [id, indicator] : i) {
    EXPECT_FALSE(indicator.definition.empty()) << id;
    EXPECT_NE(indicator.definition.find("Filtre"), std::string::npos) << id;
    EXPECT_EQ(indicator.filters_applied, (std::vector<std::string>{"year"})) << id;
    EXPECT_TRUE(indicator.filters_not_applicable.empty()) << id;
  }
}

TEST_F(IndicatorsTest, TheLastHalfHourOfTheYearInMartiniqueBelongsToIt) {
  // a3 and r4 (31 December 2026, 23:30 there) count in 2026; a4 and r5 (31 December 2025,
  // 23:30) in 2025; a7 (1 January 2027, 00:30) in 2027 only.
  auto y2027 = Compute({.year = 2027});
  EXPECT_EQ(y2027["applications.funnel"].value, 1);
  EXPECT_EQ(y2027["applications.funnel"].previous, 4);
  EXPECT_EQ(y2027["aids.requests"].value, 0);
  EXPECT_EQ(y2027["aids.requests"].previous, 5);
  EXPECT_EQ(y2027["aids.paid"].value, 50'000);
  EXPECT_EQ(y2027["aids.paid"].previous, 50'000);
  auto y2025 = Compute({.year = 2025});
  EXPECT_EQ(y2025["applications.funnel"].value, 2);
  EXPECT_EQ(y2025["aids.requests"].value, 1);
  // u6 applied; Léa's action was entered on 1 January 2027 at 00:30 there.
  EXPECT_EQ(y2027["young_people.accompanied"].value, 2);
}

TEST_F(IndicatorsTest, FiltersAreAppliedOrSaidNotApplicable) {
  auto centre = Compute({.year = 2026, .area = "201"});
  EXPECT_EQ(Parts(centre["applications.funnel"]),
            (std::map<std::string, std::int64_t>{
                {"sent", 2}, {"replied", 2}, {"interview", 1}, {"hired", 1}}));
  // u1 and u2 applied in the Centre; the hotel's Mélissa asked and was followed; u1's own
  // request carries no area; Jordan's follow-up is through the builder, in the Nord Atlantique.
  EXPECT_EQ(centre["young_people.accompanied"].value, 3);
  EXPECT_EQ(Parts(centre["young_people.accompanied"]),
            (std::map<std::string, std::int64_t>{
                {"applications", 2}, {"aid_requests", 1}, {"follow_ups", 1}}));
  // In the Nord Atlantique: u3 and u1 applied, Kévin was asked for, Jordan (u5) was followed,
  // and Mélissa, whose broken contract was with the builder.
  EXPECT_EQ(Compute({.year = 2026, .area = "202"})["young_people.accompanied"].value, 5);
  EXPECT_EQ(centre["aids.requests"].value, 2);
  EXPECT_EQ(centre["hires.tension"].value, 1);
  EXPECT_EQ(centre["offers.published"].value, 1);   // the secretary's, at the hotel
  EXPECT_EQ(centre["organisations.new"].value, 1);  // the hotel
  EXPECT_EQ(Parts(centre["organisations.new"]),
            (std::map<std::string, std::int64_t>{{"employer", 1}}));
  // u4's own request carries no area: neither granted nor paid in the Centre.
  EXPECT_EQ(centre["aids.granted"].value, 0);
  EXPECT_EQ(centre["aids.paid"].value, 0);
  EXPECT_EQ(centre["aids.paid"].filters_applied, (std::vector<std::string>{"year", "area"}));
  EXPECT_EQ(centre["contracts.started"].value, 1);  // the hotel's
  EXPECT_EQ(centre["contracts.broken"].value, 0);
  EXPECT_EQ(centre["contracts.started"].filters_applied,
            (std::vector<std::string>{"year", "area"}));
  EXPECT_EQ(centre["aids.requests"].filters_applied, (std::vector<std::string>{"year", "area"}));
  EXPECT_EQ(centre["budget.allocated"].value, 5'000'000);  // envelopes have no area…
  EXPECT_EQ(centre["budget.allocated"].filters_not_applicable,
            (std::vector<std::string>{"area"}));  // …and say so

  auto masons = Compute({.year = 2026, .opco = "constructys", .rome = "F1703"});
  EXPECT_EQ(masons["applications.funnel"].value, 2);  // a3, a5
  EXPECT_EQ(masons["hires.tension"].value, 0);
  EXPECT_EQ(Parts(masons["hires.tension"]), (std::map<std::string, std::int64_t>{{"other", 1}}));
  // Only applications count with a ROME filter: u3, u1.
  EXPECT_EQ(masons["young_people.accompanied"].value, 2);
  EXPECT_EQ(masons["young_people.accompanied"].filters_applied,
            (std::vector<std::string>{"year", "opco", "rome"}));
  // Aid requests honour the OPCO (Kévin's builder) but not the ROME, and say so.
  EXPECT_EQ(masons["aids.requests"].value, 1);
  EXPECT_EQ(masons["aids.requests"].filters_applied, (std::vector<std::string>{"year", "opco"}));
  EXPECT_EQ(masons["aids.requests"].filters_not_applicable, (std::vector<std::string>{"rome"}));

  EXPECT_EQ(masons["offers.published"].value, 1);
  EXPECT_EQ(Parts(masons["offers.published"]),
            (std::map<std::string, std::int64_t>{{"apprentissage", 1}}));
  EXPECT_EQ(masons["organisations.new"].value, 1);  // the builder, by its OPCO; not by ROME
  EXPECT_EQ(masons["organisations.new"].filters_not_applicable, (std::vector<std::string>{"rome"}));
  // « n masons hired in m companies », through applications and through the POEC.
  EXPECT_EQ(masons["hires.by_job"].value, 1);
  EXPECT_EQ(masons["hires.employers"].value, 1);
  EXPECT_EQ(masons["poec.hires"].value, 2);
  EXPECT_EQ(masons["poec.hires"].filters_applied, (std::vector<std::string>{"year", "rome"}));
  EXPECT_EQ(masons["poec.hires"].filters_not_applicable, (std::vector<std::string>{"opco"}));
  EXPECT_EQ(Compute({.year = 2026, .rome = "M1607"})["poec.hires"].value, 0);
  // The builder's contract broke in 2026; the register has no ROME.
  EXPECT_EQ(masons["contracts.broken"].value, 1);
  EXPECT_EQ(masons["contracts.started"].value, 0);
  EXPECT_EQ(masons["contracts.broken"].filters_not_applicable, (std::vector<std::string>{"rome"}));

  auto level4 = Compute({.year = 2026, .branch = "1979", .level = 4});
  EXPECT_EQ(level4["contracts.started"].value, 1);  // the hotel's
  EXPECT_EQ(level4["contracts.started"].filters_applied,
            (std::vector<std::string>{"year", "branch", "level"}));
  EXPECT_TRUE(level4["contracts.started"].filters_not_applicable.empty());
  EXPECT_EQ(level4["applications.funnel"].value, 2);
  EXPECT_EQ(level4["applications.response_days"].value, 3);  // 2 and 4 days
}

TEST_F(IndicatorsTest, TheRegistersFiltersCross) {
  // The Centre alone has the hotel's contract started, level 3 alone the builder's broken one;
  // together, neither.
  auto centre = Compute({.year = 2026, .area = "201"});
  EXPECT_EQ(centre["contracts.started"].value, 1);
  EXPECT_EQ(centre["contracts.broken"].value, 0);
  auto level3 = Compute({.year = 2026, .level = 3});
  EXPECT_EQ(level3["contracts.started"].value, 0);
  EXPECT_EQ(level3["contracts.broken"].value, 1);
  EXPECT_EQ(Parts(level3["contracts.broken"]),
            (std::map<std::string, std::int64_t>{{"apprentissage", 1}}));
  auto both = Compute({.year = 2026, .area = "201", .level = 3});
  EXPECT_EQ(both["contracts.started"].value, 0);
  EXPECT_EQ(both["contracts.broken"].value, 0);
  EXPECT_EQ(both["contracts.broken"].filters_applied,
            (std::vector<std::string>{"year", "area", "level"}));
  // Level 3: u3 and u1 applied to the mason's offer; Mélissa (her builder's contract) and Jordan
  // were followed; aid requests carry no level.
  EXPECT_EQ(level3["young_people.accompanied"].value, 4);
  EXPECT_EQ(Parts(level3["young_people.accompanied"]),
            (std::map<std::string, std::int64_t>{
                {"applications", 2}, {"aid_requests", 0}, {"follow_ups", 2}}));
}

TEST_F(IndicatorsTest, BadFiltersAreRefusedInFrenchAndOnlyStaffSeeIndicators) {
  people::Actor young{1, people::Role::kYoungPerson, "j@x.mq", "Jeune"};
  EXPECT_THAT(reporting::Compute(*store_, young, {.year = 2026}),
              HasErrorCode(ErrorCode::kPermissionDenied));
  auto bad = reporting::Compute(
      *store_, kManager,
      {.year = 1999, .area = "999", .branch = "19", .opco = "x", .level = 9, .rome = "M16"});
  ASSERT_THAT(bad, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(bad.error().fields.size(), 6u);
  EXPECT_EQ(bad.error().fields.at("area"), "Ce bassin d'emploi n'existe pas.");
}

TEST_F(IndicatorsTest, DrillDownShowsTheRecordsToThoseAllowed) {
  auto hired = DrillDown(*store_, kManager, "applications.funnel", "hired", {.year = 2026});
  ASSERT_THAT(hired, IsOk());
  ASSERT_EQ(hired->size(), 1u);
  EXPECT_EQ(hired->front().title, "Secrétaire");
  // Finance sees aid requests, not applications.
  EXPECT_THAT(DrillDown(*store_, kFinance, "applications.funnel", "sent", {.year = 2026}),
              HasErrorCode(ErrorCode::kPermissionDenied));
  auto rejected = DrillDown(*store_, kFinance, "aids.requests", "rejected", {.year = 2026});
  ASSERT_THAT(rejected, IsOk());
  ASSERT_EQ(rejected->size(), 1u);
  EXPECT_EQ(rejected->front().who, "M. JOSEPH");
  EXPECT_EQ(DrillDown(*store_, kFinance, "aids.requests_by_aid", "driving-licence",
                      {.year = 2026, .opco = "constructys"})
                ->size(),
            1u);
  EXPECT_THAT(DrillDown(*store_, kManager, "aids.requests", "nonsense", {.year = 2026}),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(DrillDown(*store_, kManager, "budget.allocated", "", {.year = 2026}),
              HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(IndicatorsTest, PublicFiguresBelowFiveAreNotPublished) {
  auto figures = PublicFigures(*store_, 2026);
  ASSERT_THAT(figures, IsOk());
  std::map<std::string, PublicFigure> by_id;
  for (const auto& f : *figures) by_id[f.id] = f;
  EXPECT_TRUE(by_id["aids.requests"].published);  // 5: not below 5
  EXPECT_EQ(by_id["aids.requests"].value, 5);
  EXPECT_FALSE(by_id["aids.requests.submitted"].published);  // 3
  EXPECT_EQ(by_id["aids.requests.submitted"].value, 0);      // not given out either
  EXPECT_FALSE(by_id["applications.sent"].published);        // 4
  EXPECT_EQ(by_id["applications.sent"].value, 0);
  EXPECT_FALSE(by_id["applications.hired"].published);
  EXPECT_FALSE(by_id["offers.published"].published);
  EXPECT_FALSE(by_id["organisations.new"].published);
  // The year before: one request only.
  auto before = PublicFigures(*store_, 2025);
  for (const auto& f : *before) {
    if (f.id == "aids.requests") {
      EXPECT_FALSE(f.published);
    }
  }
}

}  // namespace
}  // namespace maplace::reporting
