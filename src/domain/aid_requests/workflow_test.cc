#include "domain/aid_requests/workflow.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"

namespace maplace::aid_requests {
namespace {

using people::Role;

constexpr std::int64_t kYoung = 1, kAdvisor = 2, kOtherAdvisor = 3, kManager = 4, kOtherManager = 5,
                       kFinance = 6;

people::Actor Person(std::int64_t id, Role role) {
  people::Actor actor;
  actor.user_id = id;
  actor.role = role;
  return actor;
}

AidRequest Request(RequestState state, std::int64_t amount = 100000) {
  AidRequest request;
  request.state = state;
  request.amount_cents = amount;
  request.hands.requester = kYoung;
  if (state != RequestState::kDraft && state != RequestState::kSubmitted)
    request.hands.instructor = kAdvisor;
  return request;
}

const Policy kPolicy{150000};

RequestState Next(const AidRequest& request, RequestAction action, const people::Actor& actor,
                  std::int64_t amount = 0) {
  auto step = Check(request, action, actor, kPolicy, amount);
  EXPECT_THAT(step, IsOk());
  return step ? step->next : request.state;
}

TEST(Workflow, TheWholePathBelowTheThreshold) {
  EXPECT_EQ(Next(Request(RequestState::kDraft), RequestAction::kSubmit,
                 Person(kYoung, Role::kYoungPerson)),
            RequestState::kSubmitted);
  EXPECT_EQ(Next(Request(RequestState::kSubmitted), RequestAction::kTakeUp,
                 Person(kAdvisor, Role::kAdvisor)),
            RequestState::kUnderInstruction);
  EXPECT_EQ(Next(Request(RequestState::kUnderInstruction), RequestAction::kRequestComplement,
                 Person(kAdvisor, Role::kAdvisor)),
            RequestState::kComplementRequested);
  EXPECT_EQ(Next(Request(RequestState::kComplementRequested), RequestAction::kAnswerComplement,
                 Person(kYoung, Role::kYoungPerson)),
            RequestState::kUnderInstruction);
  EXPECT_EQ(Next(Request(RequestState::kUnderInstruction), RequestAction::kApprove,
                 Person(kAdvisor, Role::kAdvisor)),
            RequestState::kApproved);
  EXPECT_EQ(Next(Request(RequestState::kApproved), RequestAction::kCommit,
                 Person(kManager, Role::kManager)),
            RequestState::kCommitted);
  AidRequest committed = Request(RequestState::kCommitted);
  committed.hands.committer = kManager;
  EXPECT_EQ(Next(committed, RequestAction::kPayInstalment, Person(kFinance, Role::kFinance), 40000),
            RequestState::kCommitted);  // 400 € of 1 000 €: more to pay
  committed.paid_cents = 40000;
  EXPECT_EQ(Next(committed, RequestAction::kPayInstalment, Person(kFinance, Role::kFinance), 60000),
            RequestState::kPaid);
  EXPECT_EQ(
      Next(Request(RequestState::kPaid), RequestAction::kClose, Person(kAdvisor, Role::kAdvisor)),
      RequestState::kClosed);
}

TEST(Workflow, EveryInvalidTransitionIsRefused) {
  const people::Actor everyone[] = {
      Person(kYoung, Role::kYoungPerson), Person(kAdvisor, Role::kAdvisor),
      Person(kManager, Role::kManager), Person(kFinance, Role::kFinance)};
  // The (state, action) pairs that exist; everything else must fail for everyone.
  auto legal = [](RequestState s, RequestAction a) {
    switch (a) {
      case RequestAction::kSubmit:
        return s == RequestState::kDraft;
      case RequestAction::kTakeUp:
        return s == RequestState::kSubmitted;
      case RequestAction::kRequestComplement:
      case RequestAction::kApprove:
      case RequestAction::kReject:
        return s == RequestState::kUnderInstruction;
      case RequestAction::kAnswerComplement:
        return s == RequestState::kComplementRequested;
      case RequestAction::kCommit:
        return s == RequestState::kApproved;
      case RequestAction::kPayInstalment:
        return s == RequestState::kCommitted;
      case RequestAction::kClose:
        return s == RequestState::kPaid || s == RequestState::kRejected;
    }
    return false;
  };
  int refused = 0;
  for (int s = 0; s <= static_cast<int>(RequestState::kClosed); ++s) {
    for (int a = 0; a <= static_cast<int>(RequestAction::kClose); ++a) {
      const auto state = static_cast<RequestState>(s);
      const auto action = static_cast<RequestAction>(a);
      if (legal(state, action)) continue;
      for (const auto& actor : everyone) {
        EXPECT_THAT(Check(Request(state), action, actor, kPolicy, 100),
                    HasErrorCode(ErrorCode::kFailedPrecondition))
            << StateCode(state) << " " << ActionCode(action);
        ++refused;
      }
    }
  }
  EXPECT_EQ(refused, 4 * (9 * 9 - 10));
  // A paid or rejected request never goes back.
  EXPECT_THAT(Check(Request(RequestState::kRejected), RequestAction::kApprove,
                    Person(kManager, Role::kManager), kPolicy),
              HasErrorCode(ErrorCode::kFailedPrecondition));
}

TEST(Workflow, FourEyes) {
  // Above the threshold the instructor cannot approve; a manager who did not instruct does.
  AidRequest big = Request(RequestState::kUnderInstruction, 300000);
  EXPECT_THAT(Check(big, RequestAction::kApprove, Person(kAdvisor, Role::kAdvisor), kPolicy),
              HasErrorCode(ErrorCode::kPermissionDenied));
  auto step = Check(big, RequestAction::kApprove, Person(kManager, Role::kManager), kPolicy);
  ASSERT_THAT(step, IsOk());
  EXPECT_TRUE(step->needs_manager_approval);
  // A manager who instructed (acting as advisor earlier) cannot approve nor commit it.
  big.hands.instructor = kManager;
  EXPECT_THAT(Check(big, RequestAction::kApprove, Person(kManager, Role::kManager), kPolicy),
              HasErrorCode(ErrorCode::kPermissionDenied));
  AidRequest approved = Request(RequestState::kApproved);
  approved.hands.instructor = kManager;
  EXPECT_THAT(Check(approved, RequestAction::kCommit, Person(kManager, Role::kManager), kPolicy),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(
      Check(approved, RequestAction::kCommit, Person(kOtherManager, Role::kManager), kPolicy),
      IsOk());
  // Below the threshold only the instructor decides; another advisor cannot.
  EXPECT_THAT(Check(Request(RequestState::kUnderInstruction), RequestAction::kApprove,
                    Person(kOtherAdvisor, Role::kAdvisor), kPolicy),
              HasErrorCode(ErrorCode::kPermissionDenied));
  // Nobody instructs their own request.
  AidRequest own = Request(RequestState::kSubmitted);
  own.hands.requester = kAdvisor;
  EXPECT_THAT(Check(own, RequestAction::kTakeUp, Person(kAdvisor, Role::kAdvisor), kPolicy),
              HasErrorCode(ErrorCode::kPermissionDenied));
  // Whoever approved or committed never pays.
  AidRequest committed = Request(RequestState::kCommitted);
  committed.hands.approver = kFinance;
  EXPECT_THAT(Check(committed, RequestAction::kPayInstalment, Person(kFinance, Role::kFinance),
                    kPolicy, 100),
              HasErrorCode(ErrorCode::kPermissionDenied));
  committed.hands.approver.reset();
  committed.hands.committer = kFinance;
  EXPECT_THAT(Check(committed, RequestAction::kPayInstalment, Person(kFinance, Role::kFinance),
                    kPolicy, 100),
              HasErrorCode(ErrorCode::kPermissionDenied));
  // Only finance pays, only managers commit, only the requester's side submits.
  EXPECT_THAT(Check(Request(RequestState::kCommitted), RequestAction::kPayInstalment,
                    Person(kManager, Role::kManager), kPolicy, 100),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(Check(Request(RequestState::kApproved), RequestAction::kCommit,
                    Person(kAdvisor, Role::kAdvisor), kPolicy),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(Check(Request(RequestState::kDraft), RequestAction::kSubmit,
                    Person(kAdvisor, Role::kAdvisor), kPolicy),
              HasErrorCode(ErrorCode::kPermissionDenied));
}

TEST(Workflow, AnOrganisationMemberActsForItsRequest) {
  AidRequest request = Request(RequestState::kDraft);
  request.organisation_id = 77;
  people::Actor colleague = Person(42, Role::kCfa);
  EXPECT_THAT(Check(request, RequestAction::kSubmit, colleague, kPolicy),
              HasErrorCode(ErrorCode::kPermissionDenied));
  colleague.membership = people::Membership{};
  colleague.membership->organisation_id = 77;
  EXPECT_THAT(Check(request, RequestAction::kSubmit, colleague, kPolicy), IsOk());
}

TEST(Workflow, InstalmentsStayWithinTheGrantedAmount) {
  AidRequest committed = Request(RequestState::kCommitted, 300000);
  committed.paid_cents = 200000;
  const auto finance = Person(kFinance, Role::kFinance);
  EXPECT_THAT(Check(committed, RequestAction::kPayInstalment, finance, kPolicy, 100001),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(Check(committed, RequestAction::kPayInstalment, finance, kPolicy, 0),
              HasErrorCode(ErrorCode::kInvalidArgument));
  auto last = Check(committed, RequestAction::kPayInstalment, finance, kPolicy, 100000);
  ASSERT_THAT(last, IsOk());
  EXPECT_EQ(last->next, RequestState::kPaid);
}

TEST(Workflow, StatesHaveStableCodesAndFrenchLabels) {
  for (int s = 0; s <= static_cast<int>(RequestState::kClosed); ++s) {
    const auto state = static_cast<RequestState>(s);
    EXPECT_EQ(ParseState(StateCode(state)), state);
    EXPECT_FALSE(StateLabel(state).empty());
  }
  EXPECT_EQ(StateLabel(RequestState::kPaid), "Payée");
  EXPECT_FALSE(ParseState("nope"));
}

}  // namespace
}  // namespace maplace::aid_requests
