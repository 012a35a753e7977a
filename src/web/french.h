#pragma once

#include <cstdint>
#include <string>

namespace maplace::web {

// French typography for figures on pages: a narrow no-break space (U+202F) between thousands
// and before €, a true minus sign (U+2212).
std::string FrenchCount(std::int64_t n);  // 12345 -> "12 345"
std::string Euros(std::int64_t cents);    // 123456 -> "1 234,56 €"

}  // namespace maplace::web
