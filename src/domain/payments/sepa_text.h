#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace maplace::payments {

// The SEPA basic Latin character set that every bank of the scheme must accept in names and
// remittance information (EPC, "SEPA Credit Transfer Scheme Customer-to-Bank Implementation
// Guidelines", §1.4): a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
bool IsSepaCharacter(char c);

// Transliterates UTF-8 text to that set: accented Latin letters lose their accents
// (é→e, Ç→C), ligatures are spelled out (œ→oe, Æ→AE, ß→ss), typographic quotes become ',
// dashes -, no-break spaces and tabs spaces, & becomes +, " becomes ' and _ becomes -; runs of
// spaces become one and the ends are trimmed. nullopt when a character has no transliteration
// (another script, a symbol, a control character) or `text` is not UTF-8.
std::optional<std::string> ToSepaText(std::string_view text);

// As ToSepaText, but a character without transliteration becomes '.': for text the platform
// writes itself (remittance information), which must never block a payment file.
std::string ToSepaTextLenient(std::string_view text);

}  // namespace maplace::payments
