#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

// The checks the domain's forms apply to free text, with their French messages, so that every
// form refuses the same things in the same words.
namespace maplace::checks {

// "<" or ">": text shown back is escaped anyway, but no field needs markup.
bool HasMarkup(std::string_view text);

// A text field, trimmed: valid UTF-8 without invisible characters (line breaks only when
// `multiline`), no markup, at most `max` characters. Empty is an error only when `missing` (its
// message) is given. The message goes to errors[field].
void CheckText(std::map<std::string, std::string>& errors, const char* field,
               std::string_view value, std::size_t max, bool multiline, const char* missing);

}  // namespace maplace::checks
