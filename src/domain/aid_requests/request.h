#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace maplace::aid_requests {

// Where a request for one of the delegation's aids stands (issue 7):
// draft → submitted → under instruction ⇄ complement requested → approved | rejected
// → committed (against an envelope) → paid (by instalments) → closed.
enum class RequestState {
  kDraft,
  kSubmitted,
  kUnderInstruction,
  kComplementRequested,
  kApproved,
  kRejected,
  kCommitted,
  kPaid,
  kClosed,
};
std::string_view StateCode(RequestState state);   // stored: "under_instruction"
std::string_view StateLabel(RequestState state);  // shown: « En instruction »
std::optional<RequestState> ParseState(std::string_view code);

// What people do to a request.
enum class RequestAction {
  kSubmit,             // the requester sends the draft
  kTakeUp,             // an advisor starts instructing it
  kRequestComplement,  // the instructor asks for a missing piece
  kAnswerComplement,   // the requester adds it
  kApprove,  // the instructor's favourable decision, with a manager's approval above the threshold
  kReject,   // an unfavourable decision, with its reason
  kCommit,   // a manager commits the amount against an envelope
  kPayInstalment,  // finance pays an instalment
  kClose,          // after the last instalment, or a rejection
};
std::string_view ActionCode(RequestAction action);  // "request_complement"

// The people who acted on a request: the database keeps them apart too (CHECK constraints).
struct Hands {
  std::int64_t requester = 0;
  std::optional<std::int64_t> instructor;
  std::optional<std::int64_t> approver;   // the manager who approved above the threshold
  std::optional<std::int64_t> committer;  // the manager who committed
};

struct AidRequest {
  std::int64_t id = 0;
  std::string aid_id;  // "ultramarine-mobility"
  RequestState state = RequestState::kDraft;
  std::int64_t amount_cents = 0;                // asked, then granted
  std::int64_t paid_cents = 0;                  // Σ instalments paid
  std::optional<std::int64_t> organisation_id;  // an employer or a CFA asking for its apprentice
  Hands hands;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

}  // namespace maplace::aid_requests
