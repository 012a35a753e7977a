#include "web/pages/staff_support.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <chrono>

#include "core/text.h"

namespace maplace::web {

std::optional<std::int64_t> ParseEurosToCents(std::string text) {
  if (auto cents = text::ParseEuros(text); cents && *cents > 0) return cents;
  return std::nullopt;
}

std::optional<std::int64_t> ParseId(const std::string& text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

std::string JoinText(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

Date TodayIn(UnixSeconds now) { return MartiniqueDate(now); }

std::string FrenchDay(UnixSeconds t) { return FormatFrenchLongDate(TodayIn(t)); }

int YearOf(UnixSeconds t) { return static_cast<int>(TodayIn(t).year()); }

std::string AidName(const WebServices& services, const std::string& aid_id) {
  for (const auto& aid : services.aids.rules()->aids) {
    if (aid.id == aid_id) return aid.name;
  }
  return aid_id;
}

Result<std::vector<budgets::Envelope>> ListEnvelopes(const WebServices& services,
                                                     std::optional<int> year) {
  return ReadValue(services.store, [&](Repositories& repos) { return repos.budgets().List(year); });
}

std::string Names::Of(std::int64_t user_id) {
  auto found = cache_.find(user_id);
  if (found != cache_.end()) return found->second;
  std::string name = fmt::format("Compte n° {}", user_id);
  (void)services_.store.Read([&](Repositories& repos) -> Status {
    auto user = repos.users().FindById(user_id);
    if (user) name = user->display_name;
    return Ok();
  });
  cache_.emplace(user_id, name);
  return name;
}

namespace {

std::string PercentEncode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string ExtensionOf(const std::string& content_type) {
  if (content_type == "application/pdf") return ".pdf";
  if (content_type == "image/png") return ".png";
  if (content_type == "image/jpeg") return ".jpg";
  if (content_type.rfind("application/xml", 0) == 0) return ".xml";
  if (content_type.rfind("text/csv", 0) == 0) return ".csv";
  if (content_type == kXlsxType) return ".xlsx";
  return "";
}

}  // namespace

Response Download(std::string bytes, const std::string& content_type, const std::string& shown_name,
                  const std::string& fallback_name) {
  Response response;
  response.status = 200;
  response.content_type = content_type;
  response.body = std::move(bytes);
  const std::string ascii = fallback_name + ExtensionOf(content_type);
  std::string disposition = fmt::format("attachment; filename=\"{}\"", ascii);
  if (!shown_name.empty() && shown_name != ascii)
    disposition += "; filename*=UTF-8''" + PercentEncode(shown_name);
  response.Header("Content-Disposition", disposition);
  response.Header("Content-Security-Policy", "sandbox");
  response.Header("Cache-Control", "private, no-store");
  return response;
}

void Options(ctemplate::TemplateDictionary& dict, const char* section,
             const std::vector<std::pair<std::string, std::string>>& options,
             const std::string& chosen) {
  for (const auto& [value, label] : options) {
    auto* o = dict.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == chosen) o->ShowSection("SELECTED");
  }
}

void FieldErrors(ctemplate::TemplateDictionary& dict, const Error* error) {
  if (!error) return;
  for (const auto& [field, message] : error->fields) {
    std::string name = "ERR_" + field;
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    dict.AddSectionDictionary(name)->SetValue("MESSAGE", message);
  }
}

}  // namespace maplace::web
