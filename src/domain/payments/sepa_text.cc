#include "domain/payments/sepa_text.h"

#include <array>
#include <cstdint>

namespace maplace::payments {
namespace {

// U+00C0 to U+017F (Latin-1 Supplement letters and Latin Extended-A), by code point; nullptr
// for × and ÷, which are not letters.
// clang-format off
constexpr std::array<const char*, 0x180 - 0xC0> kLatin = {
    // U+00C0 À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    // U+00D0 Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
    "D", "N", "O", "O", "O", "O", "O", nullptr, "O", "U", "U", "U", "U", "Y", "TH", "ss",
    // U+00E0 à á â ã ä å æ ç è é ê ë ì í î ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0 ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100 Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",
    // U+0110 Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
    // U+0120 Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",
    // U+0130 İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",
    // U+0140 ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",
    // U+0150 Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
    // U+0160 Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",
    // U+0170 Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
};
// clang-format on

// The transliteration of a code point outside the SEPA set, or nullptr.
const char* Transliterate(std::uint32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    switch (c) {
      case '\t':
        return " ";
      case '&':
        return "+";
      case '"':
        return "'";
      case '_':
        return "-";
      default:
        return nullptr;
    }
  }
  if (cp >= 0xC0 && cp < 0x180) return kLatin[cp - 0xC0];
  switch (cp) {
    case 0x00A0:  // no-break space
    case 0x2007:  // figure space
    case 0x2009:  // thin space
    case 0x202F:  // narrow no-break space (before ; : ! ? in French)
      return " ";
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x2018:  // ‘
    case 0x2019:  // ’ (the French apostrophe)
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x00B4:  // ´
      return "'";
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x2212:  // minus
      return "-";
    case 0x2026:  // …
      return "...";
    case 0x20AC:  // €
      return "EUR";
    case 0x00B0:  // ° as in "n° 42"
      return "o";
    default:
      return nullptr;
  }
}

// Decodes the code point at `text[i]`, advancing `i`; false on malformed UTF-8.
bool NextCodePoint(std::string_view text, std::size_t& i, std::uint32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  int extra = 0;
  if (lead < 0x80) {
    cp = lead;
  } else if ((lead & 0xE0) == 0xC0 && lead >= 0xC2) {
    cp = lead & 0x1Fu, extra = 1;
  } else if ((lead & 0xF0) == 0xE0) {
    cp = lead & 0x0Fu, extra = 2;
  } else if ((lead & 0xF8) == 0xF0 && lead <= 0xF4) {
    cp = lead & 0x07u, extra = 3;
  } else {
    return false;
  }
  if (i + static_cast<std::size_t>(extra) >= text.size() && extra > 0) return false;
  for (int k = 1; k <= extra; ++k) {
    const unsigned char next = byte(i + static_cast<std::size_t>(k));
    if ((next & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (next & 0x3Fu);
  }
  if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
    return false;
  i += static_cast<std::size_t>(extra) + 1;
  return true;
}

std::optional<std::string> Convert(std::string_view text, bool lenient) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint32_t cp = 0;
    const char* replacement = nullptr;
    if (NextCodePoint(text, i, cp)) {
      if (cp < 0x80 && IsSepaCharacter(static_cast<char>(cp))) {
        if (cp != ' ' || (!out.empty() && out.back() != ' ')) out.push_back(static_cast<char>(cp));
        continue;
      }
      replacement = Transliterate(cp);
    } else {
      ++i;  // skip one byte of malformed UTF-8
    }
    if (replacement == nullptr) {
      if (!lenient) return std::nullopt;
      replacement = ".";
    }
    for (const char* p = replacement; *p != '\0'; ++p) {
      if (*p == ' ' && (out.empty() || out.back() == ' ')) continue;
      out.push_back(*p);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

bool IsSepaCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("/-?:().,'+ ").find(c) != std::string_view::npos;
}

std::optional<std::string> ToSepaText(std::string_view text) { return Convert(text, false); }

std::string ToSepaTextLenient(std::string_view text) { return *Convert(text, true); }

}  // namespace maplace::payments
