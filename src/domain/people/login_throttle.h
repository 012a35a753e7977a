#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"

namespace maplace::people {

// Slows down password guessing (CNIL 2022-100 case 2, ASVS 2.2.1): after 10 failures on one
// e-mail within 15 minutes, or 50 failures from one address within 10 minutes, further attempts
// are refused until the window has passed. Keys are the typed e-mail, known or not, so the
// answer tells nothing about which accounts exist. In memory, per server. Thread-safe.
class LoginThrottle {
 public:
  struct Limits {
    int account_failures = 10;
    UnixSeconds account_window = 15 * 60;
    int address_failures = 50;
    UnixSeconds address_window = 10 * 60;
  };
  LoginThrottle() : LoginThrottle(Limits{}) {}
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds to wait before trying again, or nullopt when an attempt is allowed now.
  std::optional<UnixSeconds> RetryAfter(std::string_view email, std::string_view address,
                                        UnixSeconds now);
  void RecordFailure(std::string_view email, std::string_view address, UnixSeconds now);
  void RecordSuccess(std::string_view email);

 private:
  struct Window {
    UnixSeconds start = 0;
    int failures = 0;
  };
  static std::optional<UnixSeconds> Blocked(const std::unordered_map<std::string, Window>& map,
                                            std::string_view key, int max, UnixSeconds window,
                                            UnixSeconds now);
  static void Count(std::unordered_map<std::string, Window>& map, std::string_view key,
                    UnixSeconds window, UnixSeconds now);

  Limits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> by_account_;
  std::unordered_map<std::string, Window> by_address_;
};

}  // namespace maplace::people
