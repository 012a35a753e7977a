#include "domain/aid_requests/request.h"

#include <array>
#include <utility>

namespace maplace::aid_requests {

namespace {

struct StateName {
  RequestState state;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<StateName, 9> kStates = {{
    {RequestState::kDraft, "draft", "Brouillon"},
    {RequestState::kSubmitted, "submitted", "Envoyée"},
    {RequestState::kUnderInstruction, "under_instruction", "En instruction"},
    {RequestState::kComplementRequested, "complement_requested", "Complément demandé"},
    {RequestState::kApproved, "approved", "Accordée"},
    {RequestState::kRejected, "rejected", "Refusée"},
    {RequestState::kCommitted, "committed", "Engagée"},
    {RequestState::kPaid, "paid", "Payée"},
    {RequestState::kClosed, "closed", "Close"},
}};

}  // namespace

std::string_view StateCode(RequestState state) {
  for (const auto& name : kStates) {
    if (name.state == state) return name.code;
  }
  return "draft";
}

std::string_view StateLabel(RequestState state) {
  for (const auto& name : kStates) {
    if (name.state == state) return name.label;
  }
  return "Brouillon";
}

std::optional<RequestState> ParseState(std::string_view code) {
  for (const auto& name : kStates) {
    if (name.code == code) return name.state;
  }
  return std::nullopt;
}

std::string_view ActionCode(RequestAction action) {
  switch (action) {
    case RequestAction::kSubmit:
      return "submit";
    case RequestAction::kTakeUp:
      return "take_up";
    case RequestAction::kRequestComplement:
      return "request_complement";
    case RequestAction::kAnswerComplement:
      return "answer_complement";
    case RequestAction::kApprove:
      return "approve";
    case RequestAction::kReject:
      return "reject";
    case RequestAction::kCommit:
      return "commit";
    case RequestAction::kPayInstalment:
      return "pay_instalment";
    case RequestAction::kClose:
      return "close";
  }
  return "submit";
}

}  // namespace maplace::aid_requests
