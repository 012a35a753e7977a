#include "domain/aid_requests/aid_request_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/error_matchers.h"
#include "domain/aid_requests/exports.h"
#include "domain/budgets/budgets.h"
#include "domain/fakes/in_memory_store.h"
#include "domain/journal/invariants.h"

namespace maplace::aid_requests {
namespace {

using people::Actor;
using people::Role;

constexpr UnixSeconds kStart = 1'760'000'000;
constexpr char kIban[] = "FR76 3000 6000 0112 3456 7890 189";

Actor Person(std::int64_t id, Role role) {
  Actor a;
  a.user_id = id;
  a.role = role;
  a.display_name = "Personne " + std::to_string(id);
  return a;
}

const Actor kYoung = Person(1, Role::kYoungPerson);
const Actor kAdvisor = Person(2, Role::kAdvisor);
const Actor kManager = Person(3, Role::kManager);
const Actor kOtherManager = Person(4, Role::kManager);
const Actor kFinance = Person(5, Role::kFinance);
const Actor kStranger = Person(6, Role::kYoungPerson);

Date D(const char* iso) { return *ParseIsoDate(iso); }

// An apprentice in Martinique going to a CFA in mainland France: ultramarine mobility,
// 3 000 € at most.
aids::Situation Mobility(
    aids::MobilityDestination destination = aids::MobilityDestination::kHexagone) {
  aids::Situation s;
  s.territory = aids::Territory::kMartinique;
  s.apprentice.birth_date = D("2006-03-15");
  s.employer.headcount = 8;
  s.contract.certification_level = 4;
  s.contract.concluded_on = s.contract.starts_on = D("2025-09-01");
  s.contract.ends_on = D("2027-08-31");
  s.date = D("2025-10-01");
  s.mobility.destination = destination;
  return s;
}

const aids::Rules& DefaultRules() {
  static const aids::Rules rules = *aids::LoadRules(aids::EmbeddedRulesFiles());
  return rules;
}

class AidRequestServiceTest : public ::testing::Test {
 protected:
  AidRequestServiceTest()
      : aids_(DefaultRules()),
        box_(*crypto::SecretBox::FromKeyFileText(crypto::SecretBox::NewKeyLine("k1"))),
        clock_(kStart) {
    dir_ = std::filesystem::temp_directory_path() /
           ("maplace-requests-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    service_ =
        std::make_unique<AidRequestService>(store_, aids_, box_, clock_, ServiceOptions{{}, dir_});
  }
  ~AidRequestServiceTest() override { std::filesystem::remove_all(dir_); }

  std::int64_t Envelope(const std::string& aid_id, std::int64_t allocated_cents) {
    std::int64_t id = 0;
    EXPECT_THAT(store_.Write([&](Repositories& repos) -> Status {
      budgets::Envelope e;
      e.aid_id = aid_id;
      e.year = 2025;
      e.label = "Enveloppe 2025";
      e.allocated_cents = allocated_cents;
      auto created = budgets::CreateEnvelope(repos, e, {kManager.user_id, kStart, ""});
      if (!created) return Fail(created.error());
      id = *created;
      return Ok();
    }),
                IsOk());
    return id;
  }

  budgets::Envelope FindEnvelope(std::int64_t id) {
    budgets::Envelope out;
    EXPECT_THAT(store_.Read([&](Repositories& repos) -> Status {
      auto e = repos.budgets().Find(id);
      if (!e) return Fail(e.error());
      out = *e;
      return Ok();
    }),
                IsOk());
    return out;
  }

  // A submitted request of `amount` cents with its bank account.
  std::int64_t Submitted(std::int64_t amount = 300000) {
    auto started = service_->StartRequest(kYoung, {"ultramarine-mobility", Mobility(), "", amount});
    EXPECT_THAT(started, IsOk());
    const std::int64_t id = started->request.id;
    EXPECT_THAT(service_->SetBankAccount(kYoung, id, "Mélissa Joseph", kIban, ""), IsOk());
    EXPECT_THAT(service_->Submit(kYoung, id), IsOk());
    return id;
  }

  // Instructed by kAdvisor, approved (by kManager above the threshold).
  std::int64_t Approved(std::int64_t amount = 300000) {
    const std::int64_t id = Submitted(amount);
    EXPECT_THAT(service_->TakeUp(kAdvisor, id), IsOk());
    const Actor& approver =
        amount > service_->policy().approval_threshold_cents ? kManager : kAdvisor;
    EXPECT_THAT(service_->Approve(approver, id, "Mobilité conforme au programme."), IsOk());
    return id;
  }

  std::int64_t Committed(std::int64_t envelope, std::int64_t amount = 300000) {
    const std::int64_t id = Approved(amount);
    EXPECT_THAT(service_->Commit(kOtherManager, id, envelope), IsOk());
    return id;
  }

  RequestRecord Find(std::int64_t id) { return service_->View(kAdvisor, id)->record; }

  bool AllInvariantsHold() {
    auto checks = InvariantChecks();
    checks.push_back(journal::ChainCheck());
    bool ok = true;
    for (const auto& report : journal::RunChecks(store_, checks)) {
      EXPECT_TRUE(report.ran && report.passed) << report.name << ": " << report.detail;
      ok = ok && report.ran && report.passed;
    }
    return ok;
  }

  fakes::InMemoryStore store_;
  aids::AidsService aids_;
  crypto::SecretBox box_;
  ManualClock clock_;
  std::filesystem::path dir_;
  std::unique_ptr<AidRequestService> service_;
};

TEST_F(AidRequestServiceTest, WholePathFromTheSimulationToThePayment) {
  const std::int64_t envelope = Envelope("ultramarine-mobility", 1'000'000);
  auto started = service_->StartRequest(kYoung, {"ultramarine-mobility", Mobility(), "", {}});
  ASSERT_THAT(started, IsOk());
  const std::int64_t id = started->request.id;
  EXPECT_EQ(started->request.state, RequestState::kDraft);
  EXPECT_EQ(started->request.amount_cents, 300000);  // the engine's amount
  EXPECT_EQ(started->beneficiary_name, "Personne 1");
  ASSERT_THAT(service_->AddDocument(kYoung, id, "%PDF-1.7 programme", "programme.pdf"), IsOk());
  ASSERT_THAT(service_->SetBankAccount(kYoung, id, "Mélissa Joseph", kIban, "BNPAFRPP"), IsOk());
  ASSERT_THAT(service_->Submit(kYoung, id), IsOk());
  ASSERT_THAT(service_->TakeUp(kAdvisor, id), IsOk());
  ASSERT_THAT(service_->RequestComplement(kAdvisor, id, "Le programme de la mobilité manque."),
              IsOk());
  EXPECT_EQ(Find(id).request.state, RequestState::kComplementRequested);
  ASSERT_THAT(service_->AddDocument(kYoung, id, "\x89PNG\r\n\x1A\n...", "programme.png"), IsOk());
  ASSERT_THAT(service_->AnswerComplement(kYoung, id, "Voici le programme."), IsOk());
  auto approved = service_->Approve(kManager, id, "Mobilité conforme.");
  ASSERT_THAT(approved, IsOk());
  EXPECT_EQ(approved->request.hands.approver, kManager.user_id);
  ASSERT_THAT(service_->Commit(kOtherManager, id, envelope), IsOk());
  EXPECT_EQ(FindEnvelope(envelope).committed_cents, 300000);

  auto first = service_->PayBatch(kFinance, "LOT-1", {{id, 1, 100000}});
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->paid_now, 1);
  EXPECT_EQ(Find(id).request.state, RequestState::kCommitted);
  auto second = service_->PayBatch(kFinance, "LOT-2", {{id, 2, 200000}});
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(Find(id).request.state, RequestState::kPaid);
  EXPECT_EQ(Find(id).request.paid_cents, 300000);
  EXPECT_EQ(FindEnvelope(envelope).paid_cents, 300000);

  auto files = service_->Files(
      kFinance, second->batch.id,
      {{"AKTO Martinique", *payments::Iban::Parse(kIban), {}}, "AKTO Martinique", D("2025-11-03")});
  ASSERT_THAT(files, IsOk());
  EXPECT_NE(files->pain001_xml.find("<EndToEndId>LOT-2-" + std::to_string(id) + "-2</EndToEndId>"),
            std::string::npos);
  EXPECT_NE(files->pain001_xml.find("FR7630006000011234567890189"), std::string::npos);
  EXPECT_EQ(files->accounting_csv.find("FR7630006000011234567890189"), std::string::npos);
  ASSERT_THAT(service_->MarkSent(kFinance, second->batch.id), IsOk());
  EXPECT_THAT(service_->MarkSent(kFinance, second->batch.id),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  ASSERT_THAT(service_->MarkConfirmed(kFinance, second->batch.id), IsOk());

  auto view = service_->View(kYoung, id);
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->documents.size(), 2u);
  EXPECT_EQ(view->payments.size(), 2u);
  EXPECT_EQ(view->iban_masked, "FR76 **** **** **** **** ***0 189");
  ASSERT_GE(view->messages.size(), 3u);  // submit, take_up, request_complement, …
  EXPECT_EQ(view->messages[2].kind, "request_complement");
  EXPECT_EQ(view->messages[2].body, "Le programme de la mobilité manque.");
  ASSERT_THAT(service_->Close(kAdvisor, id), IsOk());
  EXPECT_TRUE(AllInvariantsHold());
}

TEST_F(AidRequestServiceTest, BelowTheThresholdTheInstructorDecides) {
  const std::int64_t id = Submitted(100000);
  ASSERT_THAT(service_->TakeUp(kAdvisor, id), IsOk());
  auto approved = service_->Approve(kAdvisor, id, "Conforme.");
  ASSERT_THAT(approved, IsOk());
  EXPECT_FALSE(approved->request.hands.approver.has_value());
}

TEST_F(AidRequestServiceTest, AnIneligibleAidIsRefusedWithTheMissedConditions) {
  auto started = service_->StartRequest(
      kYoung, {"ultramarine-mobility", Mobility(aids::MobilityDestination::kNone), "", {}});
  ASSERT_THAT(started, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_TRUE(
      started.error().message.starts_with("Cette aide ne correspond pas à votre situation : "))
      << started.error().message;
  EXPECT_GT(started.error().message.size(), 60u);
}

TEST_F(AidRequestServiceTest, OnlyTheDelegationsOwnAidsCanBeRequested) {
  auto started = service_->StartRequest(kYoung, {"state-hiring-aid", Mobility(), "", {}});
  EXPECT_THAT(started, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(service_->StartRequest(kYoung, {"no-such-aid", Mobility(), "", {}}),
              HasErrorCode(ErrorCode::kNotFound));
  const auto& aids = DefaultRules().aids;
  std::vector<std::string> requestable;
  for (const auto& aid : aids) {
    if (IsRequestable(aid)) requestable.push_back(aid.id);
  }
  EXPECT_EQ(requestable, (std::vector<std::string>{"social-support", "ultramarine-mobility"}));
}

TEST_F(AidRequestServiceTest, AnAmountAboveTheMaximumIsRefused) {
  auto started = service_->StartRequest(kYoung, {"ultramarine-mobility", Mobility(), "", 300001});
  ASSERT_THAT(started, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(started.error().fields.at("amount_cents"),
            "Le montant demandé doit être compris entre 0,01 € et 3\u202f000,00 € (le maximum de "
            "cette aide).");
}

TEST_F(AidRequestServiceTest, StaffDoNotRequestAids) {
  EXPECT_THAT(service_->StartRequest(kAdvisor, {"ultramarine-mobility", Mobility(), "x", {}}),
              HasErrorCode(ErrorCode::kPermissionDenied));
}

TEST_F(AidRequestServiceTest, NobodyInstructsTheirOwnRequest) {
  const std::int64_t id = Submitted();
  EXPECT_THAT(service_->TakeUp(Person(kYoung.user_id, Role::kAdvisor), id),
              HasErrorCode(ErrorCode::kPermissionDenied));
}

TEST_F(AidRequestServiceTest, TheInstructorNeverApprovesAboveTheThreshold) {
  const std::int64_t id = Submitted();
  ASSERT_THAT(service_->TakeUp(kAdvisor, id), IsOk());
  EXPECT_THAT(service_->Approve(kAdvisor, id, "ok"), HasErrorCode(ErrorCode::kPermissionDenied));
  // Not even with a manager's role.
  EXPECT_THAT(service_->Approve(Person(kAdvisor.user_id, Role::kManager), id, "ok"),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_EQ(Find(id).request.state, RequestState::kUnderInstruction);
}

TEST_F(AidRequestServiceTest, TheInstructorNeverCommits) {
  const std::int64_t envelope = Envelope("ultramarine-mobility", 1'000'000);
  const std::int64_t id = Approved();
  EXPECT_THAT(service_->Commit(Person(kAdvisor.user_id, Role::kManager), id, envelope),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_EQ(FindEnvelope(envelope).committed_cents, 0);
}

TEST_F(AidRequestServiceTest, NobodyWhoInstructedApprovedOrCommittedPays) {
  const std::int64_t envelope = Envelope("ultramarine-mobility", 1'000'000);
  const std::int64_t id = Committed(envelope);
  for (std::int64_t hand :
       {kAdvisor.user_id, kManager.user_id, kOtherManager.user_id, kYoung.user_id}) {
    EXPECT_THAT(service_->PayBatch(Person(hand, Role::kFinance), "LOT-1", {{id, 1, 300000}}),
                HasErrorCode(ErrorCode::kPermissionDenied))
        << "user " << hand;
  }
  EXPECT_THAT(service_->PayBatch(kManager, "LOT-1", {{id, 1, 300000}}),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_EQ(Find(id).request.paid_cents, 0);
  EXPECT_TRUE(AllInvariantsHold());
}

TEST_F(AidRequestServiceTest, AStrangerNeitherSeesNorActsOnARequest) {
  const std::int64_t id = Submitted();
  EXPECT_THAT(service_->View(kStranger, id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_->PostMessage(kStranger, id, "bonjour"), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_->AddDocument(kStranger, id, "%PDF-1.4", "a.pdf"),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_->Mine(kStranger)->size(), 0u);
  EXPECT_THAT(service_->List(kStranger, Queue::kToInstruct),
              HasErrorCode(ErrorCode::kPermissionDenied));
}

TEST_F(AidRequestServiceTest, ADecisionNeedsAReason) {
  const std::int64_t id = Submitted();
  ASSERT_THAT(service_->TakeUp(kAdvisor, id), IsOk());
  auto rejected = service_->Reject(kAdvisor, id, "   ");
  ASSERT_THAT(rejected, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(rejected.error().fields.at("reason"), "Indiquez le motif du refus.");
  ASSERT_THAT(service_->Reject(kAdvisor, id, "Mobilité hors contrat."), IsOk());
  EXPECT_EQ(Find(id).decision_reason, "Mobilité hors contrat.");
}

TEST_F(AidRequestServiceTest, ReplayingABatchPaysNothingMore) {
  const std::int64_t envelope = Envelope("ultramarine-mobility", 1'000'000);
  const std::int64_t a = Committed(envelope);
  const std::int64_t b = Committed(envelope, 100000);
  const std::vector<PaymentOrder> orders = {{a, 1, 300000}, {b, 1, 50000}};
  auto first = service_->PayBatch(kFinance, "LOT-7", orders);
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->paid_now, 2);
  clock_.Advance(60);
  auto replay = service_->PayBatch(kFinance, "LOT-7", orders);
  ASSERT_THAT(replay, IsOk());
  EXPECT_EQ(replay->paid_now, 0);
  EXPECT_EQ(replay->batch.id, first->batch.id);
  EXPECT_EQ(replay->payments.size(), 2u);
  EXPECT_EQ(Find(a).request.paid_cents, 300000);
  EXPECT_EQ(Find(b).request.paid_cents, 50000);
  EXPECT_EQ(FindEnvelope(envelope).paid_cents, 350000);
  // The same key with another amount is another payload: refused.
  EXPECT_THAT(service_->PayBatch(kFinance, "LOT-7", {{b, 1, 40000}}),
              HasErrorCode(ErrorCode::kInvalidArgument));
  // The same instalment in another batch: refused, nothing paid.
  EXPECT_THAT(service_->PayBatch(kFinance, "LOT-8", {{b, 1, 50000}}),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_EQ(Find(b).request.paid_cents, 50000);
  EXPECT_TRUE(AllInvariantsHold());
}

TEST_F(AidRequestServiceTest, AFailedPaymentLeavesTheWholeBatchUnpaid) {
  const std::int64_t envelope = Envelope("ultramarine-mobility", 1'000'000);
  const std::int64_t a = Committed(envelope);
  const std::int64_t b = Committed(envelope, 100000);
  // b's instalment exceeds what remains: the batch is refused, a is not paid either.
  EXPECT_THAT(service_->PayBatch(kFinance, "LOT-9", {{a, 1, 300000}, {b, 1, 100001}}),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(Find(a).request.paid_cents, 0);
  EXPECT_EQ(FindEnvelope(envelope).paid_cents, 0);
  EXPECT_THAT(service_->PayBatch(kFinance, "LOT-9", {{a, 1, 300000}}), IsOk());
  EXPECT_TRUE(AllInvariantsHold());
}

TEST_F(AidRequestServiceTest, CommitmentNeedsAnEnvelopeOfTheSameAidThatCoversIt) {
  const std::int64_t other = Envelope("social-support", 1'000'000);
  const std::int64_t small = Envelope("ultramarine-mobility", 200000);
  const std::int64_t id = Approved();
  auto wrong = service_->Commit(kOtherManager, id, other);
  ASSERT_THAT(wrong, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(wrong.error().fields.at("envelope_id"), "Cette enveloppe finance une autre aide.");
  EXPECT_THAT(service_->Commit(kOtherManager, id, small),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_EQ(Find(id).request.state, RequestState::kApproved);
  EXPECT_EQ(FindEnvelope(small).committed_cents, 0);
}

TEST_F(AidRequestServiceTest, DocumentsAreCheckedByContentAndStoredUnderARandomName) {
  auto started = service_->StartRequest(kYoung, {"ultramarine-mobility", Mobility(), "", {}});
  ASSERT_THAT(started, IsOk());
  const std::int64_t id = started->request.id;
  auto html = service_->AddDocument(kYoung, id, "<html><script>", "cv.pdf");
  ASSERT_THAT(html, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(html.error().fields.at("document"), "Le fichier doit être un PDF, un JPEG ou un PNG.");
  auto big =
      service_->AddDocument(kYoung, id, "%PDF-" + std::string(5 * 1024 * 1024, 'x'), "a.pdf");
  ASSERT_THAT(big, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(big.error().fields.at("document"), "Le fichier doit faire 5 Mo au plus.");

  auto stored = service_->AddDocument(kYoung, id, "\xFF\xD8\xFF\xE0 jpeg", "../../etc/passwd.jpg");
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->original_name, "passwd.jpg");
  EXPECT_EQ(stored->content_type, "image/jpeg");
  EXPECT_EQ(stored->stored_name.size(), 32u);
  EXPECT_TRUE(std::filesystem::exists(dir_ / stored->stored_name));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 1);
  EXPECT_EQ(*service_->ReadDocument(kAdvisor, id, stored->id), "\xFF\xD8\xFF\xE0 jpeg");
  EXPECT_THAT(service_->ReadDocument(kStranger, id, stored->id),
              HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(AidRequestServiceTest, ABadIbanIsRefusedInFrench) {
  auto started = service_->StartRequest(kYoung, {"ultramarine-mobility", Mobility(), "", {}});
  ASSERT_THAT(started, IsOk());
  auto set = service_->SetBankAccount(kYoung, started->request.id, "Mélissa Joseph",
                                      "FR76 3000 6000 0112 3456 7890 188", "");
  ASSERT_THAT(set, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(set.error().fields.contains("iban"));
}

TEST_F(AidRequestServiceTest, QueuesFollowTheStates) {
  const std::int64_t envelope = Envelope("ultramarine-mobility", 1'000'000);
  const std::int64_t submitted = Submitted();
  const std::int64_t big = Submitted();
  ASSERT_THAT(service_->TakeUp(kAdvisor, big), IsOk());
  const std::int64_t approved = Approved(100000);
  const std::int64_t committed = Committed(envelope);
  auto ids = [&](Queue q) {
    std::vector<std::int64_t> out;
    auto listed = service_->List(kManager, q);
    for (const auto& r : *listed) out.push_back(r.request.id);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids(Queue::kToInstruct), (std::vector<std::int64_t>{submitted, big}));
  EXPECT_EQ(ids(Queue::kToApprove), (std::vector<std::int64_t>{big}));
  EXPECT_EQ(ids(Queue::kToCommit), (std::vector<std::int64_t>{approved}));
  EXPECT_EQ(ids(Queue::kToPay), (std::vector<std::int64_t>{committed}));
  EXPECT_EQ(service_->Mine(kYoung)->size(), 4u);
}

}  // namespace
}  // namespace maplace::aid_requests

namespace maplace::aid_requests {
namespace {

TEST_F(AidRequestServiceTest, TheYearWorkbookListsRequestsEnvelopesAndMonthlyPayments) {
  const std::int64_t envelope = Envelope("ultramarine-mobility", 1'000'000);
  const std::int64_t id = Committed(envelope);
  ASSERT_THAT(service_->PayBatch(kFinance, "LOT-X", {{id, 1, 300000}}), IsOk());
  auto sheets = YearSheets(store_, kAdvisor, 2025);
  ASSERT_THAT(sheets, IsOk());
  ASSERT_EQ(sheets->size(), 4u);
  const auto& requests = (*sheets)[0];
  ASSERT_EQ(requests.rows.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(requests.rows[0][0]), id);
  EXPECT_EQ(std::get<std::string>(requests.rows[0][2]), "Payée");
  EXPECT_EQ(std::get<xlsx::Euros>(requests.rows[0][4]).cents, 300000);
  const auto& envelopes = (*sheets)[1];
  ASSERT_EQ(envelopes.rows.size(), 1u);
  EXPECT_EQ(std::get<xlsx::Euros>(envelopes.rows[0][7]).cents, 300000);  // paid
  EXPECT_EQ(std::get<xlsx::Euros>(envelopes.rows[0][8]).cents, 700000);  // left: 10 000 − 3 000
  const auto& monthly = (*sheets)[2];
  ASSERT_EQ(monthly.rows.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(monthly.rows[0][3]), 1);
  EXPECT_EQ(std::get<xlsx::Euros>(monthly.rows[0][4]).cents, 300000);
  const auto& consumption = (*sheets)[3];  // committed and paid in the same month
  ASSERT_EQ(consumption.rows.size(), 1u);
  EXPECT_EQ(std::get<xlsx::Euros>(consumption.rows[0][3]).cents, 300000);
  EXPECT_EQ(std::get<xlsx::Euros>(consumption.rows[0][4]).cents, 300000);
  EXPECT_EQ(std::get<xlsx::Euros>(consumption.rows[0][5]).cents, 0);
  EXPECT_TRUE(YearSheets(store_, kAdvisor, 2024)->at(0).rows.empty());

  auto bytes = YearWorkbook(store_, kManager, 2025, kStart);
  ASSERT_THAT(bytes, IsOk());
  EXPECT_EQ(*bytes,
            *YearWorkbook(store_, kFinance, 2025, kStart));  // the same data, the same bytes
  EXPECT_THAT(YearWorkbook(store_, kYoung, 2025, kStart),
              HasErrorCode(ErrorCode::kPermissionDenied));
}

}  // namespace
}  // namespace maplace::aid_requests
