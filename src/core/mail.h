#pragma once

#include <string>

namespace maplace {

// A plain-text e-mail, as the domain asks for it. The outbox stores it in the same transaction
// as the change it reports, and the mail sender delivers it later with retries.
struct Mail {
  std::string to;       // a normalized address
  std::string subject;  // one line, French
  std::string body;     // plain text, French
  // Non-transactional mail only: the one-click unsubscribe URL, sent as List-Unsubscribe
  // (domain/outbox/unsubscribe.h); empty for transactional mail.
  std::string list_unsubscribe;
};

}  // namespace maplace
