#include "domain/aids/money.h"

#include <algorithm>
#include <string_view>

namespace maplace::aids {

std::string FormatEuros(std::int64_t cents) {
  // Written backwards into a buffer: this runs for every amount of every explanation.
  static constexpr std::string_view kNoBreakSpace = "\u00a0";
  char buffer[48];
  char* end = buffer + sizeof buffer;
  char* p = end;
  auto put = [&p](std::string_view text) {
    p -= text.size();
    std::copy(text.begin(), text.end(), p);
  };
  const bool negative = cents < 0;
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  put("\u00a0€");
  *--p = static_cast<char>('0' + magnitude % 10);
  *--p = static_cast<char>('0' + magnitude / 10 % 10);
  *--p = ',';
  std::uint64_t euros = magnitude / 100;
  int digits = 0;
  do {
    if (digits > 0 && digits % 3 == 0) put(kNoBreakSpace);
    *--p = static_cast<char>('0' + euros % 10);
    euros /= 10;
    ++digits;
  } while (euros > 0);
  if (negative) put("−");
  return std::string(p, end);
}

std::int64_t MulDivRound(std::int64_t value, std::int64_t numerator, std::int64_t denominator) {
  // Amounts are below 10^10 cents and factors below 10^6: the product fits in 64 bits.
  const std::int64_t product = value * numerator;
  const std::int64_t half = denominator / 2;
  return product >= 0 ? (product + half) / denominator : (product - half) / denominator;
}

}  // namespace maplace::aids
