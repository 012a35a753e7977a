#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace maplace::text {

std::string_view Trim(std::string_view s);
std::string AsciiLower(std::string_view s);

// Trims and lower-cases an e-mail address; returns "" when it is not a plausible address
// (one @, a dot in the domain, no spaces or control characters, at most 254 bytes).
std::string NormalizeEmail(std::string_view email);

// True when `s` is valid UTF-8 with no control characters other than tab, LF and CR.
bool IsCleanUtf8(std::string_view s, bool allow_newlines);
// True when `s` is valid UTF-8 (controls allowed): tells a UTF-8 file from a Windows-1252 one.
bool IsUtf8(std::string_view s);
// Windows-1252 (the "ANSI" of French Excel exports) to UTF-8; its five unassigned bytes become
// U+FFFD.
std::string Windows1252ToUtf8(std::string_view s);
// Number of Unicode code points (s must be valid UTF-8).
std::size_t CodePointCount(std::string_view s);

// application/x-www-form-urlencoded: '+' is a space, %XX a byte. Malformed escapes are kept as
// they are. Keys repeat in order of appearance.
std::string UrlDecode(std::string_view s);
std::string UrlEncode(std::string_view s);
std::vector<std::pair<std::string, std::string>> ParseUrlEncoded(std::string_view body);

// Replaces CR, LF and other control characters by a space: for log lines and mail headers.
std::string SingleLine(std::string_view s);

// French typography for figures: a narrow no-break space (U+202F) between thousands and before
// €, a true minus sign (U+2212). For pages, exports and printed documents alike.
std::string FrenchCount(std::int64_t n);      // 12345 -> "12 345"
std::string FrenchEuros(std::int64_t cents);  // 123456 -> "1 234,56 €"
// The other way, as people type amounts: "1 234,56", "1234.5", "1 234 €" -> 123456 cents.
// Spaces (no-break ones too) and "€" are ignored, the decimal mark is a comma or a point with at
// most two decimals; nullopt when it is not an amount (empty, a sign, letters, more than 12
// digits of euros). Zero is an amount: callers that need a positive one say so.
std::optional<std::int64_t> ParseEuros(std::string_view typed);

}  // namespace maplace::text
