#include "web/french.h"

#include "core/text.h"

namespace maplace::web {

std::string FrenchCount(std::int64_t n) { return text::FrenchCount(n); }

std::string Euros(std::int64_t cents) { return text::FrenchEuros(cents); }

}  // namespace maplace::web
