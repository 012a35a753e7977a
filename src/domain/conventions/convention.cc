#include "domain/conventions/convention.h"

namespace maplace::conventions {

std::string_view CommitmentStatusCode(CommitmentStatus status) {
  switch (status) {
    case CommitmentStatus::kPlanned:
      return "planned";
    case CommitmentStatus::kInProgress:
      return "in_progress";
    case CommitmentStatus::kMet:
      return "met";
    case CommitmentStatus::kMissed:
      return "missed";
  }
  return "planned";
}

std::string_view CommitmentStatusLabel(CommitmentStatus status) {
  switch (status) {
    case CommitmentStatus::kPlanned:
      return "Prévu";
    case CommitmentStatus::kInProgress:
      return "En cours";
    case CommitmentStatus::kMet:
      return "Atteint";
    case CommitmentStatus::kMissed:
      return "Non atteint";
  }
  return "";
}

std::optional<CommitmentStatus> ParseCommitmentStatus(std::string_view code) {
  for (auto status : kCommitmentStatuses)
    if (CommitmentStatusCode(status) == code) return status;
  return std::nullopt;
}

}  // namespace maplace::conventions
