#include "core/time_format.h"

#include <fmt/format.h>

#include <ctime>

namespace maplace {
namespace {
constexpr UnixSeconds kMartiniqueOffset = -4 * 3600;

std::tm UtcTm(UnixSeconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}
}  // namespace

std::string FormatUtcIso8601(UnixSeconds t) {
  std::tm tm = UtcTm(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string FormatFrenchDateTime(UnixSeconds t) {
  std::tm tm = UtcTm(t + kMartiniqueOffset);
  return fmt::format("{:02}/{:02}/{:04} à {:02}:{:02}", tm.tm_mday, tm.tm_mon + 1,
                     tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

}  // namespace maplace
