#pragma once

#include <cstdint>
#include <string>

namespace maplace::aids {

// "1 801,80 €" (no-break spaces), as the pages and explanations write amounts.
std::string FormatEuros(std::int64_t cents);

// round(value × numerator / denominator) with halves away from zero, in integers: the
// legal amounts are rounded to the cent this way (1 801,80 € × 27 % = 486,486 → 486,49 €).
std::int64_t MulDivRound(std::int64_t value, std::int64_t numerator, std::int64_t denominator);

}  // namespace maplace::aids
