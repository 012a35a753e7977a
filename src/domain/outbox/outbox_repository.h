#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/mail.h"

namespace maplace::outbox {

enum class MailState { kPending, kSent, kFailed };  // kFailed: gave up after max attempts
std::string_view MailStateCode(MailState state);
std::string_view MailStateLabel(MailState state);  // French

struct OutboxMail {
  std::int64_t id = 0;
  Mail mail;
  MailState state = MailState::kPending;
  int attempts = 0;
  UnixSeconds created_at = 0;
  UnixSeconds next_attempt_at = 0;
  UnixSeconds sent_at = 0;
  std::string last_error;
};

// Mails waiting to leave. Enqueued in the transaction of the change they report, so a mail is
// never sent for a change that did not happen, nor lost for one that did.
class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;
  virtual Result<std::int64_t> Enqueue(const Mail& mail, UnixSeconds now) = 0;
  // Pending mails whose next attempt is due, oldest first.
  virtual Result<std::vector<OutboxMail>> Due(UnixSeconds now, int limit) = 0;
  virtual Status MarkSent(std::int64_t id, UnixSeconds now) = 0;
  // Records a failed attempt; the mail is retried at next_attempt_at, or given up (kFailed).
  virtual Status MarkAttemptFailed(std::int64_t id, std::string_view error,
                                   UnixSeconds next_attempt_at, bool give_up) = 0;
  virtual Result<std::vector<OutboxMail>> Latest(int limit) = 0;
  virtual Result<OutboxMail> FindById(std::int64_t id) = 0;
};

}  // namespace maplace::outbox
