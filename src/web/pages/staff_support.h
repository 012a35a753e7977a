#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "domain/budgets/envelope.h"
#include "web/french.h"  // Euros
#include "web/http.h"
#include "web/routes.h"

namespace maplace::web {

// Helpers of the staff pages on aid requests, payments and budgets.

// "1234,50" or "1234.5" or "1 234" → cents; nullopt when it is not a positive amount.
std::optional<std::int64_t> ParseEurosToCents(std::string text);
// A positive decimal id; nullopt otherwise.
std::optional<std::int64_t> ParseId(const std::string& text);
std::string JoinText(const std::vector<std::string>& items, const std::string& separator);
// The year of an instant in Martinique (UTC−4).
int YearOf(UnixSeconds t);
// Today in Martinique.
Date TodayIn(UnixSeconds now);
// The day of an instant in Martinique, in French: « 15 janvier 2027 ».
std::string FrenchDay(UnixSeconds t);
// The aid's name in the rules in force, or its id.
std::string AidName(const WebServices& services, const std::string& aid_id);
// Every envelope (latest year first), or of one year.
Result<std::vector<budgets::Envelope>> ListEnvelopes(const WebServices& services,
                                                     std::optional<int> year);

// People's display names, read once each.
class Names {
 public:
  explicit Names(const WebServices& services) : services_(services) {}
  std::string Of(std::int64_t user_id);

 private:
  const WebServices& services_;
  std::map<std::int64_t, std::string> cache_;
};

// The options of a select, {{VALUE}} and {{LABEL}} in `section`, the chosen one with
// {{#SELECTED}}.
void Options(ctemplate::TemplateDictionary& dict, const char* section,
             const std::vector<std::pair<std::string, std::string>>& options,
             const std::string& chosen);
// Field errors beside the fields: {{#ERR_FIELD}}…{{MESSAGE}}…{{/ERR_FIELD}}.
void FieldErrors(ctemplate::TemplateDictionary& dict, const Error* error);

inline constexpr char kXlsxType[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A file to save, never to show in the page: attachment, sandboxed, not cached. The name is
// `fallback_name` plus the extension of its type in ASCII, and `shown_name` in UTF-8.
Response Download(std::string bytes, const std::string& content_type, const std::string& shown_name,
                  const std::string& fallback_name);

}  // namespace maplace::web
