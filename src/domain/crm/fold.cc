#include "domain/crm/fold.h"

#include <array>
#include <utility>

namespace maplace::crm {
namespace {

// Generated with migration 0017's SQL expression from one table: keep them in step.
constexpr std::pair<std::string_view, std::string_view> kFolds[] = {
    {"à", "a"},  {"â", "a"},  {"ä", "a"}, {"á", "a"}, {"ã", "a"}, {"å", "a"},  {"À", "a"},
    {"Â", "a"},  {"Ä", "a"},  {"Á", "a"}, {"Ã", "a"}, {"Å", "a"}, {"ç", "c"},  {"Ç", "c"},
    {"é", "e"},  {"è", "e"},  {"ê", "e"}, {"ë", "e"}, {"É", "e"}, {"È", "e"},  {"Ê", "e"},
    {"Ë", "e"},  {"î", "i"},  {"ï", "i"}, {"í", "i"}, {"ì", "i"}, {"Î", "i"},  {"Ï", "i"},
    {"Í", "i"},  {"Ì", "i"},  {"ô", "o"}, {"ö", "o"}, {"ó", "o"}, {"ò", "o"},  {"õ", "o"},
    {"Ô", "o"},  {"Ö", "o"},  {"Ó", "o"}, {"Ò", "o"}, {"Õ", "o"}, {"ù", "u"},  {"û", "u"},
    {"ü", "u"},  {"ú", "u"},  {"Ù", "u"}, {"Û", "u"}, {"Ü", "u"}, {"Ú", "u"},  {"ÿ", "y"},
    {"Ÿ", "y"},  {"ý", "y"},  {"Ý", "y"}, {"ñ", "n"}, {"Ñ", "n"}, {"œ", "oe"}, {"Œ", "oe"},
    {"æ", "ae"}, {"Æ", "ae"}, {"'", " "}, {"’", " "}, {"-", " "}, {".", " "},  {",", " "},
    {";", " "},  {"/", " "},  {"&", " "}, {"(", " "}, {")", " "}, {"\"", " "}, {"_", " "},
    {"%", " "},  {"«", " "},  {"»", " "},
};

}  // namespace

std::string FoldName(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const char c = utf8[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      bool replaced = false;
      for (const auto& [from, to] : kFolds) {
        if (from.size() == 1 && from[0] == c) {
          out += to;
          replaced = true;
          break;
        }
      }
      if (!replaced) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      ++i;
      continue;
    }
    bool replaced = false;
    for (const auto& [from, to] : kFolds) {
      if (from.size() > 1 && utf8.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += utf8[i++];
  }
  return out;
}

}  // namespace maplace::crm
