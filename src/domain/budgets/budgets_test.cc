#include "domain/budgets/budgets.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::budgets {
namespace {

const Actor kFinance{42, 1'760'000'000, "10.0.0.7"};

Envelope Valid() {
  Envelope e;
  e.aid_id = "ultramarine-mobility";
  e.year = 2025;
  e.funding_source = FundingSource::kConvention;
  e.partner = " LADOM ";
  e.label = "  Mobilité ultramarine 2025 ";
  e.allocated_cents = 1'000'000;
  e.committed_cents = 99;  // ignored: an envelope starts with nothing committed
  return e;
}

Result<std::int64_t> Create(Store& store, const Envelope& e) {
  std::int64_t id = 0;
  auto status = store.Write([&](Repositories& r) -> Status {
    auto created = CreateEnvelope(r, e, kFinance);
    if (!created) return Fail(created.error());
    id = *created;
    return Ok();
  });
  if (!status) return Fail(status.error());
  return id;
}

TEST(BudgetsTest, FundingSourcesHaveStableCodes) {
  for (auto source : {FundingSource::kOpco, FundingSource::kDelegation, FundingSource::kConvention,
                      FundingSource::kState}) {
    EXPECT_EQ(ParseFundingSource(FundingSourceCode(source)), source);
    EXPECT_FALSE(FundingSourceLabel(source).empty());
  }
  EXPECT_EQ(ParseFundingSource("ladom"), std::nullopt);
  EXPECT_TRUE(NeedsPartner(FundingSource::kDelegation));
  EXPECT_FALSE(NeedsPartner(FundingSource::kState));
}

TEST(BudgetsTest, CreateCleansTheEnvelopeAndAuditsIt) {
  fakes::InMemoryStore store;
  auto id = Create(store, Valid());
  ASSERT_THAT(id, IsOk());
  ASSERT_THAT(store.Read([&](Repositories& r) -> Status {
    auto e = r.budgets().Find(*id);
    EXPECT_THAT(e, IsOk());
    EXPECT_EQ(e->partner, "LADOM");
    EXPECT_EQ(e->label, "Mobilité ultramarine 2025");
    EXPECT_EQ(e->committed_cents, 0);
    EXPECT_EQ(e->created_at, kFinance.now);
    auto events = r.audit().Latest(10);
    EXPECT_EQ(events->size(), 1u);
    EXPECT_EQ(events->front().action, kCreatedAction);
    EXPECT_EQ(events->front().subject, "envelope:" + std::to_string(*id));
    EXPECT_EQ(events->front().actor_user_id, 42);
    EXPECT_EQ(events->front().client_address, "10.0.0.7");
    return Ok();
  }),
              IsOk());
  auto again = Create(store, Valid());
  ASSERT_THAT(again, HasErrorCode(ErrorCode::kAlreadyExists));
  EXPECT_EQ(again.error().fields.count("partner"), 1u);
}

TEST(BudgetsTest, CreateNamesEveryFieldAtFault) {
  fakes::InMemoryStore store;
  Envelope bad = Valid();
  bad.aid_id = "Mobilité!";
  bad.year = 1999;
  bad.partner = "";
  bad.label = " ";
  bad.allocated_cents = -1;
  auto created = Create(store, bad);
  ASSERT_THAT(created, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(created.error().fields.size(), 5u);
  EXPECT_EQ(created.error().fields.at("partner"),
            "Indiquez le partenaire qui finance cette enveloppe.");

  Envelope own = Valid();
  own.funding_source = FundingSource::kOpco;  // the OPCO's own funds have no partner
  auto refused = Create(store, own);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(refused.error().fields.count("partner"), 1u);
  own.partner = "";
  EXPECT_THAT(Create(store, own), IsOk());
}

TEST(BudgetsTest, CommitIsRefusedBeyondTheAllocationAndWritesNothing) {
  fakes::InMemoryStore store;
  Envelope e = Valid();
  e.allocated_cents = 30'000;
  auto id = Create(store, e);
  ASSERT_THAT(id, IsOk());
  for (int i = 0; i < 3; ++i) {
    EXPECT_THAT(store.Write([&](Repositories& r) { return Commit(r, *id, 10'000, kFinance); }),
                IsOk());
  }
  auto refused = store.Write([&](Repositories& r) { return Commit(r, *id, 10'000, kFinance); });
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_EQ(refused.error().fields.at("amount_cents"), "L'enveloppe ne couvre pas ce montant.");
  EXPECT_THAT(store.Write([&](Repositories& r) { return Commit(r, *id, 0, kFinance); }),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(store.Write([&](Repositories& r) { return Commit(r, 404, 1, kFinance); }),
              HasErrorCode(ErrorCode::kNotFound));
  ASSERT_THAT(store.Read([&](Repositories& r) -> Status {
    EXPECT_EQ(r.budgets().Find(*id)->committed_cents, 30'000);
    EXPECT_EQ(r.audit().Latest(100)->size(), 4u);  // created, three commits
    // The same four movements are chained in the money journal, with their amounts; the
    // refused ones left nothing.
    auto chained = r.journal().Page(0, 100);
    EXPECT_THAT(chained, IsOk());
    if (!chained) return Ok();
    EXPECT_EQ(chained->size(), 4u);
    if (chained->size() != 4u) return Ok();
    EXPECT_EQ((*chained)[0].action, kCreatedAction);
    EXPECT_EQ((*chained)[0].amount_cents, 30'000);
    EXPECT_EQ((*chained)[3].action, kCommittedAction);
    EXPECT_EQ((*chained)[3].subject, "envelope:" + std::to_string(*id));
    EXPECT_EQ((*chained)[3].amount_cents, 10'000);
    return Ok();
  }),
              IsOk());
}

TEST(BudgetsTest, ReleasePaymentAndTransferFollowTheSameRules) {
  fakes::InMemoryStore store;
  Envelope a = Valid();
  a.allocated_cents = 10'000;
  Envelope b = Valid();
  b.partner = "OPCO EP";
  b.allocated_cents = 0;
  auto from = Create(store, a), to = Create(store, b);
  ASSERT_THAT(from, IsOk());
  ASSERT_THAT(to, IsOk());
  auto run = [&](const std::function<Status(Repositories&)>& work) { return store.Write(work); };
  ASSERT_THAT(run([&](Repositories& r) { return Commit(r, *from, 6'000, kFinance); }), IsOk());
  EXPECT_THAT(run([&](Repositories& r) { return RecordPayment(r, *from, 6'001, kFinance); }),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(run([&](Repositories& r) { return RecordPayment(r, *from, 2'000, kFinance); }),
              IsOk());
  EXPECT_THAT(run([&](Repositories& r) { return Release(r, *from, 4'001, kFinance); }),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(run([&](Repositories& r) { return Release(r, *from, 1'000, kFinance); }), IsOk());
  EXPECT_THAT(run([&](Repositories& r) { return Transfer(r, *from, *to, 5'001, kFinance); }),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(run([&](Repositories& r) { return Transfer(r, *from, *from, 1, kFinance); }),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(run([&](Repositories& r) { return Transfer(r, *from, *to, 5'000, kFinance); }),
              IsOk());
  ASSERT_THAT(store.Read([&](Repositories& r) -> Status {
    const Envelope x = *r.budgets().Find(*from), y = *r.budgets().Find(*to);
    EXPECT_EQ(x.allocated_cents, 5'000);
    EXPECT_EQ(x.committed_cents, 5'000);
    EXPECT_EQ(x.paid_cents, 2'000);
    EXPECT_EQ(y.allocated_cents, 5'000);
    EXPECT_EQ(r.audit().Latest(1)->front().action, kTransferredInAction);
    return Ok();
  }),
              IsOk());
}

}  // namespace
}  // namespace maplace::budgets
