#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace maplace::budgets {

// A proposal to move allocated money from one envelope to another. Like an aid request, it
// takes two people: one proposes, another (a manager) approves or refuses; the money moves
// only on approval, in the same transaction (budgets.h Transfer).
enum class TransferState { kProposed, kApproved, kRefused };

std::string_view TransferStateCode(TransferState state);  // "proposed", "approved", "refused"
std::optional<TransferState> ParseTransferState(std::string_view code);
std::string_view TransferStateLabel(TransferState state);  // French, for pages

struct TransferProposal {
  std::int64_t id = 0;
  std::int64_t from_envelope_id = 0;
  std::int64_t to_envelope_id = 0;
  std::int64_t amount_cents = 0;
  std::string reason;  // why the money moves, required
  TransferState state = TransferState::kProposed;
  std::int64_t proposed_by = 0;
  UnixSeconds proposed_at = 0;
  std::int64_t decided_by = 0;  // 0 while proposed
  UnixSeconds decided_at = 0;
  std::string decision_note;  // required when refused

  bool operator==(const TransferProposal&) const = default;
};

}  // namespace maplace::budgets
