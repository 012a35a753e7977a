#include "domain/text_checks.h"

#include <fmt/format.h>

#include "core/text.h"

namespace maplace::checks {

bool HasMarkup(std::string_view text) { return text.find_first_of("<>") != std::string_view::npos; }

void CheckText(std::map<std::string, std::string>& errors, const char* field,
               std::string_view value, std::size_t max, bool multiline, const char* missing) {
  auto trimmed = text::Trim(value);
  if (trimmed.empty()) {
    if (missing) errors[field] = missing;
  } else if (!text::IsCleanUtf8(trimmed, multiline)) {
    errors[field] = "Ce texte contient des caractères invisibles ou non valides : retapez-le.";
  } else if (HasMarkup(trimmed)) {
    errors[field] =
        "Les signes < et > ne sont pas acceptés : écrivez du texte simple, sans balises.";
  } else if (text::CodePointCount(trimmed) > max) {
    errors[field] = fmt::format("Ce texte doit faire au plus {} caractères.", max);
  }
}

}  // namespace maplace::checks
