#include "domain/people/login_throttle.h"

namespace maplace::people {
namespace {
// Past this many keys, expired windows are dropped so memory stays bounded under a spray.
constexpr std::size_t kPruneAbove = 100000;
}  // namespace

std::optional<UnixSeconds> LoginThrottle::Blocked(
    const std::unordered_map<std::string, Window>& map, std::string_view key, int max,
    UnixSeconds window, UnixSeconds now) {
  auto it = map.find(std::string(key));
  if (it == map.end() || it->second.failures < max) return std::nullopt;
  UnixSeconds until = it->second.start + window;
  if (now >= until) return std::nullopt;
  return until - now;
}

void LoginThrottle::Count(std::unordered_map<std::string, Window>& map, std::string_view key,
                          UnixSeconds window, UnixSeconds now) {
  if (map.size() > kPruneAbove) {
    std::erase_if(map, [&](const auto& entry) { return now >= entry.second.start + window; });
  }
  Window& w = map[std::string(key)];
  if (now >= w.start + window) w = Window{now, 0};
  ++w.failures;
}

std::optional<UnixSeconds> LoginThrottle::RetryAfter(std::string_view email,
                                                     std::string_view address, UnixSeconds now) {
  std::lock_guard lock(mutex_);
  auto account = Blocked(by_account_, email, limits_.account_failures, limits_.account_window, now);
  auto from = Blocked(by_address_, address, limits_.address_failures, limits_.address_window, now);
  if (account && from) return std::max(*account, *from);
  return account ? account : from;
}

void LoginThrottle::RecordFailure(std::string_view email, std::string_view address,
                                  UnixSeconds now) {
  std::lock_guard lock(mutex_);
  Count(by_account_, email, limits_.account_window, now);
  Count(by_address_, address, limits_.address_window, now);
}

void LoginThrottle::RecordSuccess(std::string_view email) {
  std::lock_guard lock(mutex_);
  by_account_.erase(std::string(email));
}

}  // namespace maplace::people
