#include "domain/aids/money.h"

#include <fmt/format.h>

namespace maplace::aids {

std::string FormatEuros(std::int64_t cents) {
  const bool negative = cents < 0;
  std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-cents) : static_cast<std::uint64_t>(cents);
  std::string euros = std::to_string(magnitude / 100);
  std::string grouped;
  for (std::size_t i = 0; i < euros.size(); ++i) {
    if (i > 0 && (euros.size() - i) % 3 == 0) grouped += "\u00a0";
    grouped += euros[i];
  }
  return fmt::format("{}{},{:02}\u00a0€", negative ? "−" : "", grouped, magnitude % 100);
}

std::int64_t MulDivRound(std::int64_t value, std::int64_t numerator, std::int64_t denominator) {
  // Amounts are below 10^10 cents and factors below 10^6: the product fits in 64 bits.
  const std::int64_t product = value * numerator;
  const std::int64_t half = denominator / 2;
  return product >= 0 ? (product + half) / denominator : (product - half) / denominator;
}

}  // namespace maplace::aids
