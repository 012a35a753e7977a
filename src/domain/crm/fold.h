#pragma once

#include <string>
#include <string_view>

namespace maplace::crm {

// Lower-cases ASCII letters, strips the accents of French (and a few other) letters and turns
// punctuation (' ’ - . , ; / & ( ) " _ % « ») into spaces: "Hôtel L'Écrin" -> "hotel l ecrin".
// Exactly the expression of organisations.folded_name (migration 0017), so that what an advisor
// types and what is stored fold alike; contacts are stored folded with it.
std::string FoldName(std::string_view utf8);

}  // namespace maplace::crm
