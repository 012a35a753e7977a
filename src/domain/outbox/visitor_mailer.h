#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"
#include "core/error.h"
#include "domain/store.h"

namespace maplace::outbox {

// Mails a visitor asks the platform to send, without an account (« Recevoir par e-mail » on a
// simulation): anybody may type any address, so the use is capped per recipient and per client
// address, in memory, per server. Thread-safe; keeps references to its arguments.
class VisitorMailer {
 public:
  struct Limits {
    int per_recipient = 3;  // mails to one address…
    UnixSeconds recipient_window = 60 * 60;
    int per_client = 10;  // …and from one client address, within their windows
    UnixSeconds client_window = 60 * 60;
  };
  VisitorMailer(Store& store, const Clock& clock) : VisitorMailer(store, clock, Limits{}) {}
  VisitorMailer(Store& store, const Clock& clock, Limits limits)
      : store_(store), clock_(clock), limits_(limits) {}

  // Queues `subject` and `body` to `to`. kInvalidArgument with fields {"email": French
  // message} for an implausible address; kResourceExhausted with fields {"retry_after":
  // seconds, "email": French message} beyond the limits; the store's error otherwise.
  Status Send(std::string_view to, std::string subject, std::string body,
              std::string_view client_address);

 private:
  struct Window {
    UnixSeconds start = 0;
    int count = 0;
  };
  // Seconds to wait, or 0 when one more is allowed; counts it when allowed.
  static UnixSeconds Take(std::unordered_map<std::string, Window>& map, const std::string& key,
                          int max, UnixSeconds window, UnixSeconds now);

  Store& store_;
  const Clock& clock_;
  Limits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> by_recipient_;
  std::unordered_map<std::string, Window> by_client_;
};

}  // namespace maplace::outbox
