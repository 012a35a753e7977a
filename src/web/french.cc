#include "web/french.h"

#include <fmt/format.h>

namespace maplace::web {
namespace {

std::string Grouped(std::int64_t magnitude) {
  const std::string digits = std::to_string(magnitude);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202f";
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string FrenchCount(std::int64_t n) {
  return fmt::format("{}{}", n < 0 ? "\u2212" : "", Grouped(n < 0 ? -n : n));
}

std::string Euros(std::int64_t cents) {
  const std::int64_t magnitude = cents < 0 ? -cents : cents;
  return fmt::format("{}{},{:02}\u202f€", cents < 0 ? "\u2212" : "", Grouped(magnitude / 100),
                     magnitude % 100);
}

}  // namespace maplace::web
