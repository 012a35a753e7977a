// The steering aggregates (issue 9) on SQLite and on PostgreSQL (MAPLACE_TEST_POSTGRES_URL, set
// by script/test), against the hand-counted dataset of reporting_dataset.h.
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "storage/database.h"
#include "storage/reporting_dataset.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using namespace reporting_dataset;
using reporting::FunnelStep;
using reporting::Scope;

// Martinique years: 1 January 04:00 UTC to the next.
constexpr UnixSeconds k2025 = 1'735'704'000, k2026 = 1'767'240'000, k2027 = 1'798'776'000;

class ReportingContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    auto ids = Write(*store_);
    ASSERT_THAT(ids, IsOk());
    ids_ = *ids;
  }
  template <typename F>
  auto Read(F&& f) {
    return ReadValue(*store_, [&](Repositories& r) { return f(r.reporting()); });
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
  Ids ids_;
};

TEST_P(ReportingContract, FunnelCountsEachStepByMartiniqueYear) {
  auto funnel = [&](const Scope& scope, UnixSeconds from, UnixSeconds to) {
    return *Read([&](auto& r) { return r.ApplicationFunnel(scope, from, to); });
  };
  EXPECT_EQ(funnel({}, k2026, k2027), (reporting::Funnel{4, 3, 2, 1}));
  EXPECT_EQ(funnel({}, k2025, k2026), (reporting::Funnel{2, 1, 0, 1}));
  EXPECT_EQ(funnel({.area = "201"}, k2026, k2027), (reporting::Funnel{2, 2, 1, 1}));
  EXPECT_EQ(funnel({.branch = "1596"}, k2026, k2027), (reporting::Funnel{2, 1, 1, 0}));
  EXPECT_EQ(funnel({.opco = "akto"}, k2026, k2027), (reporting::Funnel{2, 2, 1, 1}));
  EXPECT_EQ(funnel({.level = 3}, k2026, k2027), (reporting::Funnel{2, 1, 1, 0}));
  EXPECT_EQ(funnel({.rome = "M1607"}, k2026, k2027), (reporting::Funnel{2, 2, 1, 1}));
  EXPECT_EQ(funnel({.area = "201", .rome = "F1703"}, k2026, k2027), (reporting::Funnel{}));
}

TEST_P(ReportingContract, DelaysHiresAndApplicants) {
  auto delays = Read([&](auto& r) { return r.FirstReplyDelays({}, k2026, k2027); });
  ASSERT_THAT(delays, IsOk());
  EXPECT_EQ(*delays, (std::vector<std::int64_t>{kDay, 2 * kDay, 4 * kDay}));
  auto hires = Read([&](auto& r) { return r.Hires({}, k2026, k2027); });
  ASSERT_THAT(hires, IsOk());
  EXPECT_EQ(*hires,
            (std::vector<reporting::HireCell>{{"F1703", "202", ids_.builder, 1, "Maçonnerie"},
                                              {"M1607", "201", ids_.hotel, 1, "Secrétariat"}}));
  EXPECT_TRUE(Read([&](auto& r) { return r.Hires({}, k2025, k2026); })->empty());
  auto applicants = Read([&](auto& r) { return r.Applicants({}, k2026, k2027); });
  EXPECT_EQ(*applicants, (std::vector<std::int64_t>{ids_.u1, ids_.u2, ids_.u3}));
}

TEST_P(ReportingContract, AidRequestsByAidAndStateLeaveDraftsOut) {
  auto cells = Read([&](auto& r) { return r.AidRequests({}, k2026, k2027); });
  ASSERT_THAT(cells, IsOk());
  EXPECT_EQ(*cells, (std::vector<reporting::RequestCell>{
                        {"driving-licence", "rejected", 1, 50'000},
                        {"driving-licence", "submitted", 2, 100'000},
                        {"ultramarine-mobility", "committed", 1, 200'000},
                        {"ultramarine-mobility", "submitted", 1, 100'000}}));
  auto akto = Read([&](auto& r) { return r.AidRequests({.opco = "akto"}, k2026, k2027); });
  EXPECT_EQ(akto->size(), 2u);  // the hotel's two; young people's own requests have no OPCO
  auto people = Read([&](auto& r) { return r.AidRequestPeople({}, k2025, k2026); });
  EXPECT_EQ(*people, (std::vector<reporting::RequestPerson>{{ids_.u2, std::nullopt, "Jeune 2"}}));
  // r3 names « M. JOSEPH »: its link to Mélissa's follow-up says who she is.
  auto named = Read([&](auto& r) { return r.AidRequestPeople({.area = "201"}, k2026, k2027); });
  ASSERT_THAT(named, IsOk());
  ASSERT_EQ(named->size(), 2u);
  for (const auto& p : *named)
    EXPECT_EQ(p.linked.has_value(), p.beneficiary_name == "M. JOSEPH") << p.beneficiary_name;
  auto kinds = Read([&](auto& r) { return r.CommittedByContractKind(2026); });
  EXPECT_EQ(*kinds, (std::vector<reporting::RequestCell>{{"", "apprentissage", 1, 200'000},
                                                         {"", "professionnalisation", 0, 0}}));
}

TEST_P(ReportingContract, ApprenticesAtTheRequestingOrganisations) {
  // The hotel and the builder asked in 2026: their apprentices, as employer (Mélissa at both).
  auto at = Read([&](auto& r) { return r.ApprenticesAtRequesters({}, k2026, k2027); });
  ASSERT_THAT(at, IsOk());
  std::vector<std::string> names;
  for (const auto& a : *at)
    names.push_back(std::to_string(a.organisation_id == ids_.hotel) + " " + a.first_name +
                    (a.who.account_id ? " (account)" : ""));
  EXPECT_EQ(names,
            (std::vector<std::string>{"1 Mélissa", "1 Léa", "0 Mélissa", "0 Jordan (account)"}));
  // Only the hotel asked in the Centre; nobody asked in 2025 but young people themselves.
  EXPECT_EQ(Read([&](auto& r) {
              return r.ApprenticesAtRequesters({.area = "201"}, k2026, k2027);
            })->size(),
            2u);
  EXPECT_TRUE(Read([&](auto& r) { return r.ApprenticesAtRequesters({}, k2025, k2026); })->empty());
}

TEST_P(ReportingContract, FollowedApprenticesByMartiniqueYearAndTheirContracts) {
  const auto firsts = [&](const reporting::Scope& scope, UnixSeconds from, UnixSeconds to) {
    auto followed = Read([&](auto& r) { return r.FollowedApprentices(scope, from, to); });
    EXPECT_THAT(followed, IsOk());
    std::vector<std::optional<std::int64_t>> accounts;
    for (const auto& a : *followed) accounts.push_back(a.account_id);
    return accounts;
  };
  // 2026: Mélissa's difficulty and link, Jordan's note of 31 December 23:30 there.
  EXPECT_EQ(firsts({}, k2026, k2027),
            (std::vector<std::optional<std::int64_t>>{std::nullopt, ids_.u5}));
  EXPECT_EQ(firsts({}, k2025, k2026), (std::vector<std::optional<std::int64_t>>{ids_.u5}));
  EXPECT_EQ(firsts({}, k2027, k2027 + 365 * kDay).size(), 1u);  // Léa's action
  // Through any of their contracts: Mélissa's builder contract is in the Nord Atlantique.
  EXPECT_EQ(firsts({.area = "202"}, k2026, k2027).size(), 2u);
  EXPECT_EQ(firsts({.area = "201"}, k2026, k2027).size(), 1u);
  EXPECT_EQ(firsts({.opco = "constructys", .level = 3}, k2026, k2027).size(), 2u);
  EXPECT_TRUE(firsts({.branch = "1979", .level = 3}, k2026, k2027).empty());
  EXPECT_TRUE(firsts({.rome = "F1703"}, k2026, k2027).empty());
}

TEST_P(ReportingContract, GrantedPaidOffersAndOrganisationsByKey) {
  using Counts = std::vector<reporting::KeyCount>;
  EXPECT_EQ(*Read([&](auto& r) { return r.GrantedByAid({}, k2026, k2027); }),
            (Counts{{"ultramarine-mobility", 1, 200'000}}));
  EXPECT_TRUE(
      Read([&](auto& r) { return r.GrantedByAid({.area = "201"}, k2026, k2027); })->empty());
  EXPECT_EQ(*Read([&](auto& r) { return r.PaidByAid({}, k2026, k2027); }),
            (Counts{{"ultramarine-mobility", 1, 50'000}}));
  EXPECT_EQ(*Read([&](auto& r) { return r.PaidByAid({}, k2027, k2027 + 365 * kDay); }),
            (Counts{{"ultramarine-mobility", 1, 50'000}}));
  EXPECT_EQ(*Read([&](auto& r) { return r.OffersPublished({}, k2026, k2027); }),
            (Counts{{"apprentissage", 2, 0}}));
  EXPECT_EQ(*Read([&](auto& r) { return r.OffersPublished({.level = 3}, k2026, k2027); }),
            (Counts{{"apprentissage", 1, 0}}));
  EXPECT_TRUE(Read([&](auto& r) { return r.OffersFilled({}, k2026, k2027); })->empty());
  EXPECT_EQ(*Read([&](auto& r) { return r.NewOrganisations({}, k2026, k2027); }),
            (Counts{{"employer", 2, 0}}));
  EXPECT_EQ(*Read([&](auto& r) { return r.NewOrganisations({.opco = "akto"}, k2026, k2027); }),
            (Counts{{"employer", 1, 0}}));
  EXPECT_TRUE(Read([&](auto& r) { return r.NewOrganisations({}, k2025, k2026); })->empty());
}

TEST_P(ReportingContract, DrillDownListsTheRecordsOfAStep) {
  auto hired =
      Read([&](auto& r) { return r.ApplicationLines({}, k2026, k2027, FunnelStep::kHired, 10); });
  ASSERT_THAT(hired, IsOk());
  ASSERT_EQ(hired->size(), 1u);
  EXPECT_EQ(hired->front().title, "Secrétaire");
  EXPECT_EQ(hired->front().who, "Hôtel du Centre");
  EXPECT_EQ(hired->front().state, "hired");
  auto sent =
      Read([&](auto& r) { return r.ApplicationLines({}, k2026, k2027, FunnelStep::kSent, 2); });
  EXPECT_EQ(sent->size(), 2u);             // the limit
  EXPECT_EQ(sent->front().at, kLast2026);  // newest first
  auto submitted =
      Read([&](auto& r) { return r.AidRequestLines({}, k2026, k2027, "", "submitted", 10); });
  ASSERT_EQ(submitted->size(), 3u);
  EXPECT_EQ(submitted->front().who, "Kévin Louis");
  auto driving = Read([&](auto& r) {
    return r.AidRequestLines({.area = "201"}, k2026, k2027, "driving-licence", "", 10);
  });
  EXPECT_EQ(driving->size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Databases, ReportingContract, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace maplace::storage
