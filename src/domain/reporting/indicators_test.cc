// The indicators against values counted by hand on a known dataset, with the year boundary in
// Martinique time (UTC−4) and the small-count suppression of the public figures.
#include "domain/reporting/indicators.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/budgets/budgets.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::reporting {
namespace {

using aid_requests::RequestState;

constexpr UnixSeconds kMid2025 = 1'751'371'200;         // 2025-07-01T12:00Z
constexpr UnixSeconds kNewYearUtc2026 = 1'767'232'800;  // 2026-01-01T02:00Z: still 2025 there
constexpr UnixSeconds kMid2026 = 1'782'907'200;         // 2026-07-01T12:00Z
const people::Actor kManager{7, people::Role::kManager, "m@opco.mq", "Direction"};

class IndicatorsTest : public ::testing::Test {
 protected:
  void Envelope(int year, std::int64_t allocated, std::int64_t committed) {
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      budgets::Envelope e;
      e.aid_id = "ultramarine-mobility";
      e.year = year;
      e.funding_source = budgets::FundingSource::kOpco;
      e.label = "Mobilité";
      e.allocated_cents = allocated;
      auto id = budgets::CreateEnvelope(r, e, {1, kMid2025, ""});
      if (!id) return Fail(id.error());
      if (committed > 0) return budgets::Commit(r, *id, committed, {1, kMid2025, ""});
      return Ok();
    }),
                IsOk());
  }
  void Request(UnixSeconds created, RequestState state, std::int64_t requester,
               std::optional<std::int64_t> organisation = std::nullopt,
               std::string beneficiary = "", std::int64_t amount = 100'000) {
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      aid_requests::RequestRecord record;
      record.request.aid_id = "ultramarine-mobility";
      record.request.state = state;
      record.request.amount_cents = amount;
      record.request.organisation_id = organisation;
      record.request.hands.requester = requester;
      record.request.created_at = record.request.updated_at = created;
      record.beneficiary_name = std::move(beneficiary);
      if (state == RequestState::kCommitted || state == RequestState::kPaid) {
        record.request.hands.instructor = 300;
        record.request.hands.committer = 301;
        record.envelope_id = 1;
      }
      if (state == RequestState::kPaid) record.request.paid_cents = amount;
      auto id = r.aid_requests().Create(record);
      if (!id) return Fail(id.error());
      return Ok();
    }),
                IsOk());
  }
  void Organisation(UnixSeconds created, people::OrganisationKind kind, bool demo = false) {
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      people::Organisation o;
      o.kind = kind;
      o.name = "Organisation";
      o.is_demo = demo;
      o.created_at = created;
      auto id = r.organisations().Create(o);
      if (!id) return Fail(id.error());
      return Ok();
    }),
                IsOk());
  }
  std::map<std::string, Indicator> Compute(int year) {
    auto computed = reporting::Compute(store_, kManager, {year});
    EXPECT_THAT(computed, IsOk());
    std::map<std::string, Indicator> out;
    if (computed) {
      for (auto& i : *computed) out[i.id] = i;
    }
    return out;
  }

  fakes::InMemoryStore store_;
};

TEST_F(IndicatorsTest, BudgetsAreSummedByTheirYear) {
  Envelope(2025, 5'000'000, 1'200'000);
  Envelope(2026, 3'000'000, 0);
  auto i = Compute(2026);
  EXPECT_EQ(i["budget.allocated"].value, 3'000'000);
  EXPECT_EQ(i["budget.allocated"].previous, 5'000'000);
  EXPECT_EQ(i["budget.committed"].value, 0);
  EXPECT_EQ(i["budget.committed"].previous, 1'200'000);
  EXPECT_EQ(i["budget.paid"].value, 0);
  EXPECT_EQ(i["budget.allocated"].unit, Unit::kCents);
  ASSERT_EQ(i["budget.allocated"].breakdown.size(), 1u);
  EXPECT_EQ(i["budget.allocated"].breakdown[0].key, "ultramarine-mobility");
  EXPECT_FALSE(i["budget.allocated"].definition.empty());
}

TEST_F(IndicatorsTest, RequestsAndPeopleCountByMartiniqueYear) {
  // 2 AM UTC on 1 January 2026 is 10 PM on 31 December 2025 in Martinique.
  Request(kNewYearUtc2026, RequestState::kSubmitted, 100);
  Request(kMid2026, RequestState::kCommitted, 100);  // the same young person again
  Request(kMid2026, RequestState::kPaid, 101);
  Request(kMid2026, RequestState::kDraft, 102);  // a draft is not a request yet
  // An employer names two apprentices, one of them twice however typed.
  Request(kMid2026, RequestState::kRejected, 200, 9, "Mélissa Joseph");
  Request(kMid2026, RequestState::kSubmitted, 200, 9, "  mélissa joseph ");
  Request(kMid2026, RequestState::kSubmitted, 200, 9, "Kévin Louis");

  auto i = Compute(2026);
  EXPECT_EQ(i["aids.requests"].value, 5);
  EXPECT_EQ(i["aids.requests"].previous, 1);
  std::map<std::string, std::int64_t> by_state;
  for (const auto& b : i["aids.requests"].breakdown) by_state[b.key] = b.value;
  EXPECT_EQ(by_state, (std::map<std::string, std::int64_t>{
                          {"committed", 1}, {"paid", 1}, {"rejected", 1}, {"submitted", 2}}));
  EXPECT_EQ(i["aids.granted"].value, 200'000);        // the committed and the paid one
  EXPECT_EQ(i["young_people.accompanied"].value, 4);  // 100, 101, Mélissa, Kévin
  EXPECT_EQ(i["young_people.accompanied"].previous, 1);
  EXPECT_EQ(Compute(2025)["aids.requests"].value, 1);
}

TEST_F(IndicatorsTest, OrganisationsLeaveTheDemoOut) {
  Organisation(kMid2026, people::OrganisationKind::kEmployer);
  Organisation(kMid2026, people::OrganisationKind::kCfa);
  Organisation(kMid2026, people::OrganisationKind::kEmployer, /*demo=*/true);
  Organisation(kMid2026, people::OrganisationKind::kPartner);  // entered by an advisor
  Organisation(kMid2025, people::OrganisationKind::kEmployer);
  auto i = Compute(2026);
  EXPECT_EQ(i["organisations.new"].value, 2);
  EXPECT_EQ(i["organisations.new"].previous, 1);
}

TEST_F(IndicatorsTest, OnlyStaffSeeIndicatorsAndYearsAreChecked) {
  people::Actor young{1, people::Role::kYoungPerson, "j@x.mq", "Jeune"};
  EXPECT_THAT(reporting::Compute(store_, young, {2026}),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(reporting::Compute(store_, kManager, {1999}),
              HasErrorCode(ErrorCode::kInvalidArgument));
}

TEST_F(IndicatorsTest, PublicFiguresBelowFiveAreNotPublished) {
  for (int k = 0; k < 6; ++k) Organisation(kMid2026, people::OrganisationKind::kEmployer);
  for (int k = 0; k < 2; ++k) Organisation(kMid2026, people::OrganisationKind::kCfa);
  auto figures = PublicFigures(store_, 2026);
  ASSERT_THAT(figures, IsOk());
  std::map<std::string, PublicFigure> by_id;
  for (const auto& f : *figures) by_id[f.id] = f;
  EXPECT_TRUE(by_id["organisations.new"].published);
  EXPECT_EQ(by_id["organisations.new"].value, 8);
  EXPECT_TRUE(by_id["organisations.new.employer"].published);
  EXPECT_EQ(by_id["organisations.new.employer"].value, 6);
  EXPECT_FALSE(by_id["organisations.new.cfa"].published);
  EXPECT_EQ(by_id["organisations.new.cfa"].value, 0);  // not given out either
  EXPECT_FALSE(by_id["aids.requests"].published);      // 0 requests: below 5
}

}  // namespace
}  // namespace maplace::reporting
