#include "domain/crm/crm.h"

namespace maplace::crm {

std::string_view InteractionKindCode(InteractionKind kind) {
  switch (kind) {
    case InteractionKind::kVisit:
      return "visit";
    case InteractionKind::kCall:
      return "call";
    case InteractionKind::kEmail:
      return "email";
    case InteractionKind::kEvent:
      return "event";
  }
  return "visit";
}

std::string_view InteractionKindLabel(InteractionKind kind) {
  switch (kind) {
    case InteractionKind::kVisit:
      return "Visite";
    case InteractionKind::kCall:
      return "Appel";
    case InteractionKind::kEmail:
      return "Courriel";
    case InteractionKind::kEvent:
      return "Événement";
  }
  return "";
}

std::optional<InteractionKind> ParseInteractionKind(std::string_view code) {
  for (auto kind : kInteractionKinds)
    if (InteractionKindCode(kind) == code) return kind;
  return std::nullopt;
}

}  // namespace maplace::crm
