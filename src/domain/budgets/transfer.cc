#include "domain/budgets/transfer.h"

namespace maplace::budgets {

std::string_view TransferStateCode(TransferState state) {
  switch (state) {
    case TransferState::kProposed:
      return "proposed";
    case TransferState::kApproved:
      return "approved";
    case TransferState::kRefused:
      return "refused";
  }
  return "proposed";
}

std::optional<TransferState> ParseTransferState(std::string_view code) {
  for (auto state : {TransferState::kProposed, TransferState::kApproved, TransferState::kRefused}) {
    if (TransferStateCode(state) == code) return state;
  }
  return std::nullopt;
}

std::string_view TransferStateLabel(TransferState state) {
  switch (state) {
    case TransferState::kProposed:
      return "À approuver";
    case TransferState::kApproved:
      return "Approuvé";
    case TransferState::kRefused:
      return "Refusé";
  }
  return "";
}

}  // namespace maplace::budgets
