#include "domain/budgets/budgets.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/budgets/consumption.h"
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

// A transfer takes two people: one proposes, another approves; the money moves only then.
TEST(BudgetsTest, TransferProposalsMoveMoneyOnlyWhenAnotherPersonApproves) {
  fakes::InMemoryStore store;
  Envelope a = Valid();
  a.allocated_cents = 10'000;
  Envelope b = Valid();
  b.partner = "OPCO EP";
  b.allocated_cents = 0;
  auto from = Create(store, a), to = Create(store, b);
  ASSERT_THAT(from, IsOk());
  ASSERT_THAT(to, IsOk());
  const Actor proposer{7, kFinance.now + 10, "10.0.0.8"};
  const Actor manager{8, kFinance.now + 20, "10.0.0.9"};
  auto propose = [&](std::int64_t f, std::int64_t t, std::int64_t amount, std::string reason) {
    std::int64_t id = 0;
    Status done = store.Write([&](Repositories& r) -> Status {
      auto proposed = ProposeTransfer(r, f, t, amount, reason, proposer);
      if (!proposed) return Fail(proposed.error());
      id = *proposed;
      return Ok();
    });
    return done ? Result<std::int64_t>(id) : Fail(done.error());
  };
  auto refused = propose(*from, *from, 20'000, " ");
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(refused.error().fields.count("to_id"), 1u);
  EXPECT_EQ(refused.error().fields.at("amount_cents"),
            "L'enveloppe d'origine n'a pas assez de crédits non engagés.");
  EXPECT_EQ(refused.error().fields.count("reason"), 1u);
  EXPECT_EQ(propose(404, *to, 1, "x").error().fields.count("from_id"), 1u);

  auto id = propose(*from, *to, 4'000, "  Report des crédits LADOM ");
  ASSERT_THAT(id, IsOk());
  auto decide = [&](const Actor& who, bool approve, std::string note) {
    return store.Write([&](Repositories& r) { return DecideTransfer(r, *id, approve, note, who); });
  };
  // Nothing moved yet; the proposer cannot approve their own proposal.
  EXPECT_THAT(decide(proposer, true, ""), HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(decide(manager, false, ""), HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(decide(manager, true, ""), IsOk());
  EXPECT_THAT(decide(manager, true, ""), HasErrorCode(ErrorCode::kFailedPrecondition));
  ASSERT_THAT(store.Read([&](Repositories& r) -> Status {
    EXPECT_EQ(r.budgets().Find(*from)->allocated_cents, 6'000);
    EXPECT_EQ(r.budgets().Find(*to)->allocated_cents, 4'000);
    auto t = r.budgets().FindTransfer(*id);
    EXPECT_EQ(t->state, TransferState::kApproved);
    EXPECT_EQ(t->reason, "Report des crédits LADOM");
    EXPECT_EQ(t->proposed_by, 7);
    EXPECT_EQ(t->decided_by, 8);
    EXPECT_EQ(t->decided_at, manager.now);
    auto events = r.audit().Latest(4);
    EXPECT_EQ(events->at(0).action, kTransferApprovedAction);
    EXPECT_EQ(events->at(0).subject, "transfer:" + std::to_string(*id));
    EXPECT_EQ(events->at(1).action, kTransferredInAction);
    EXPECT_EQ(events->at(3).action, kTransferProposedAction);
    return Ok();
  }),
              IsOk());

  // Approval re-checks the money: committed since the proposal, it is no longer there.
  auto late = propose(*from, *to, 6'000, "Tout le reste");
  ASSERT_THAT(late, IsOk());
  ASSERT_THAT(store.Write([&](Repositories& r) { return Commit(r, *from, 1'000, kFinance); }),
              IsOk());
  id = late;
  auto short_now = decide(manager, true, "");
  ASSERT_THAT(short_now, HasErrorCode(ErrorCode::kFailedPrecondition));
  ASSERT_THAT(store.Read([&](Repositories& r) -> Status {
    EXPECT_EQ(r.budgets().FindTransfer(*late)->state, TransferState::kProposed);  // rolled back
    EXPECT_EQ(r.budgets().Find(*from)->allocated_cents, 6'000);
    return Ok();
  }),
              IsOk());
  ASSERT_THAT(decide(manager, false, "Crédits engagés entre-temps"), IsOk());
  ASSERT_THAT(store.Read([&](Repositories& r) -> Status {
    auto list = r.budgets().ListTransfers();
    EXPECT_EQ(list->size(), 2u);
    EXPECT_EQ(list->front().state, TransferState::kRefused);
    EXPECT_EQ(list->front().decision_note, "Crédits engagés entre-temps");
    return Ok();
  }),
              IsOk());
}

// Months are Martinique's: 2026-02-01 at 02:00 UTC is still 31 January there.
TEST(BudgetsTest, ConsumptionByMonthSumsTheJournalsMovementsInMartiniqueTime) {
  fakes::InMemoryStore store;
  Envelope a = Valid();
  a.year = 2026;
  a.allocated_cents = 100'000;
  Envelope b = a;
  b.partner = "OPCO EP";
  Envelope older = Valid();  // 2025: not in the 2026 figures
  older.allocated_cents = 100'000;
  auto x = Create(store, a), y = Create(store, b), z = Create(store, older);
  ASSERT_THAT(x, IsOk());
  ASSERT_THAT(y, IsOk());
  ASSERT_THAT(z, IsOk());
  const UnixSeconds jan31_evening = 1'769'911'200;  // 2026-02-01T02:00:00Z
  const UnixSeconds feb2 = 1'770'033'600;           // 2026-02-02T12:00:00Z
  const Actor in_january{42, jan31_evening, ""}, in_february{42, feb2, ""};
  auto run = [&](const std::function<Status(Repositories&)>& work) {
    ASSERT_THAT(store.Write(work), IsOk());
  };
  run([&](Repositories& r) { return Commit(r, *x, 30'000, in_january); });
  run([&](Repositories& r) { return Commit(r, *x, 5'000, in_february); });
  run([&](Repositories& r) { return Release(r, *x, 2'000, in_february); });
  run([&](Repositories& r) { return RecordPayment(r, *x, 10'000, in_february); });
  run([&](Repositories& r) { return Transfer(r, *x, *y, 1'000, in_february); });
  run([&](Repositories& r) { return Commit(r, *z, 7'000, in_february); });
  std::vector<MonthlyConsumption> months;
  std::map<std::int64_t, EnvelopeConsumption> whole;
  ASSERT_THAT(store.Read([&](Repositories& r) -> Status {
    auto computed = ConsumptionByMonth(r, 2026);
    if (!computed) return Fail(computed.error());
    months = *computed;
    auto of = ConsumptionOf(r, {*x, *z});
    if (!of) return Fail(of.error());
    whole = *of;
    return Ok();
  }),
              IsOk());
  EXPECT_EQ(months, (std::vector<MonthlyConsumption>{{*x, "2026-01", 30'000, 0, 0},
                                                     {*x, "2026-02", 3'000, 10'000, -1'000},
                                                     {*y, "2026-02", 0, 0, 1'000}}));
  // The whole life of the envelopes asked, whatever their year.
  EXPECT_EQ(whole, (std::map<std::int64_t, EnvelopeConsumption>{{*x, {*x, 33'000, 10'000, -1'000}},
                                                                {*z, {*z, 7'000, 0, 0}}}));
}

}  // namespace
}  // namespace maplace::budgets
