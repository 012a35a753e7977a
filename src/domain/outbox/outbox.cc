#include "domain/outbox/outbox_repository.h"

namespace maplace::outbox {

std::string_view MailStateCode(MailState state) {
  switch (state) {
    case MailState::kPending:
      return "pending";
    case MailState::kSent:
      return "sent";
    case MailState::kFailed:
      return "failed";
  }
  return "pending";
}

std::string_view MailStateLabel(MailState state) {
  switch (state) {
    case MailState::kPending:
      return "En attente";
    case MailState::kSent:
      return "Envoyé";
    case MailState::kFailed:
      return "Échec";
  }
  return "";
}

}  // namespace maplace::outbox
