// Steering (issue 9): the indicators of a year against the year before, each with its
// definition, a chart and its data table (/pilotage, staff); the same as JSON
// (/api/v1/indicators); the public statistics with small counts not published (/statistiques,
// /statistiques.csv).
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>

#include "domain/reporting/indicators.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

// A count or euros, in French typography.
std::string Figure(std::int64_t value, reporting::Unit unit) {
  return unit == reporting::Unit::kCents ? Euros(value) : FrenchCount(value);
}

std::string Change(std::int64_t value, std::int64_t previous) {
  if (previous == 0) return value == 0 ? "=" : "nouveau";
  const double percent =
      100.0 * static_cast<double>(value - previous) / static_cast<double>(previous);
  return fmt::format("{}{:.0f}\u202f%", percent >= 0 ? "+" : "\u2212", std::abs(percent));
}

// The year asked in ?annee= (pages) or ?year= (API), or this year in Martinique.
Result<int> YearAsked(const Request& request, const char* parameter = "annee") {
  const std::string text = request.Query(parameter);
  if (text.empty()) return YearOf(std::time(nullptr));
  auto year = ParseId(text);
  if (!year || *year < 2020 || *year > 2100)
    return FailFields("bad year", {{parameter, "Choisissez une année entre 2020 et 2100."}});
  return static_cast<int>(*year);
}

std::string PartLabel(const WebServices& services, const std::string& indicator,
                      const reporting::Breakdown& part) {
  // Aids are named by their rules; the rest carry their French label.
  if (indicator.starts_with("budget.") || indicator.starts_with("aids.granted") ||
      indicator.starts_with("aids.paid"))
    return AidName(services, part.key);
  return part.label.empty() ? "Non précisé" : part.label;
}

// At most `letters` characters (UTF-8 code points), the last one an ellipsis when cut.
std::string Shortened(const std::string& text, std::size_t letters) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a letter
    if (++count == letters) {
      // The letter at i is the last that fits: keep it only if the text ends with it.
      std::size_t end = i + 1;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      if (end == text.size()) return text;
      return fmt::format("{}…", std::string_view(text).substr(0, i));
    }
  }
  return text;
}

// Horizontal bars, this year over last year, drawn to the largest value. The figures are in
// the table that follows the chart; the chart itself is described by its title.
std::string Bars(const reporting::Indicator& indicator, const std::vector<std::string>& labels) {
  std::int64_t largest = 1;
  for (const auto& part : indicator.breakdown)
    largest = std::max({largest, part.value, part.previous});
  constexpr int kLabelWidth = 170, kBarWidth = 300, kRow = 34;
  const int height = static_cast<int>(indicator.breakdown.size()) * kRow + 10;
  std::string svg = fmt::format(
      R"(<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="chart-{}-title">)"
      R"(<title id="chart-{}-title">{} : {} par rapport à {} (détail dans le tableau)</title>)",
      kLabelWidth + kBarWidth + 10, height, indicator.id, indicator.id, indicator.label,
      indicator.year, indicator.year - 1);
  auto escape = [](const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c == '&')
        out += "&amp;";
      else if (c == '<')
        out += "&lt;";
      else if (c == '>')
        out += "&gt;";
      else
        out += c;
    }
    return out;
  };
  for (std::size_t k = 0; k < indicator.breakdown.size(); ++k) {
    const auto& part = indicator.breakdown[k];
    const int y = static_cast<int>(k) * kRow + 5;
    const auto width = [&](std::int64_t v) {
      return static_cast<int>(static_cast<double>(v) / static_cast<double>(largest) * kBarWidth);
    };
    svg += fmt::format(R"(<text x="0" y="{}" class="chart-label">{}</text>)", y + 16,
                       escape(Shortened(labels[k], 28)));
    svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="12" class="chart-bar"/>)",
                       kLabelWidth, y + 2, width(part.value));
    svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="8" class="chart-bar--previous"/>)",
                       kLabelWidth, y + 16, width(part.previous));
  }
  return svg + "</svg>";
}

Response SteeringPage(Request& request, const WebServices& services) {
  auto year = YearAsked(request);
  if (!year) return HtmlError(request, services.templates, 400, year.error().fields.at("annee"));
  auto indicators = reporting::Compute(services.store, *request.actor, {*year});
  if (!indicators) return ErrorResponse(request, services.templates, indicators.error());
  Page page(request, "Pilotage", "pages/steering.tpl");
  page.Set("YEAR", std::to_string(*year));
  page.Set("PREVIOUS_YEAR", std::to_string(*year - 1));
  page.Set("PREVIOUS_HREF", fmt::format("/pilotage?annee={}", *year - 1));
  page.Set("NEXT_HREF", fmt::format("/pilotage?annee={}", *year + 1));
  for (const auto& indicator : *indicators) {
    Dict* item = page.dict().AddSectionDictionary("INDICATOR");
    item->SetValue("ID", indicator.id);
    item->SetValue("LABEL", indicator.label);
    item->SetValue("DEFINITION", indicator.definition);
    item->SetValue("VALUE", Figure(indicator.value, indicator.unit));
    item->SetValue("PREVIOUS", Figure(indicator.previous, indicator.unit));
    item->SetValue("CHANGE", Change(indicator.value, indicator.previous));
    if (indicator.breakdown.empty()) continue;
    std::vector<std::string> labels;
    Dict* detail = item->AddSectionDictionary("BREAKDOWN");
    for (const auto& part : indicator.breakdown) {
      labels.push_back(PartLabel(services, indicator.id, part));
      Dict* row = detail->AddSectionDictionary("PART");
      row->SetValue("LABEL", labels.back());
      row->SetValue("VALUE", Figure(part.value, indicator.unit));
      row->SetValue("PREVIOUS", Figure(part.previous, indicator.unit));
    }
    detail->SetValue("CHART", Bars(indicator, labels));
  }
  return page.Render(services.templates);
}

nlohmann::json IndicatorsJson(const std::vector<reporting::Indicator>& indicators, int year) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& i : indicators) {
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& b : i.breakdown)
      parts.push_back(
          {{"key", b.key}, {"label", b.label}, {"value", b.value}, {"previous", b.previous}});
    list.push_back({{"id", i.id},
                    {"label", i.label},
                    {"definition", i.definition},
                    {"unit", i.unit == reporting::Unit::kCents ? "cents" : "count"},
                    {"value", i.value},
                    {"previous", i.previous},
                    {"breakdown", parts}});
  }
  return {{"year", year}, {"filters", {{"year", year}}}, {"indicators", list}};
}

Response StatisticsPage(Request& request, const WebServices& services, bool csv) {
  auto year = YearAsked(request);
  if (!year) {
    if (csv) return ErrorResponse(request, services.templates, year.error());
    return HtmlError(request, services.templates, 400, year.error().fields.at("annee"));
  }
  auto figures = reporting::PublicFigures(services.store, *year);
  if (!figures) return ErrorResponse(request, services.templates, figures.error());
  if (csv) {
    std::string out = "annee;indicateur;libelle;valeur\r\n";
    for (const auto& f : *figures) {
      out += fmt::format("{};{};\"{}\";{}\r\n", *year, f.id, f.label,
                         f.published ? std::to_string(f.value) : std::string("non publié"));
    }
    return Download(std::move(out), "text/csv; charset=utf-8", "",
                    fmt::format("statistiques-{}", *year));
  }
  Page page(request, "Statistiques", "pages/statistics.tpl");
  page.Set("YEAR", std::to_string(*year));
  page.Set("CSV_HREF", fmt::format("/statistiques.csv?annee={}", *year));
  page.Set("SMALL", std::to_string(reporting::kSmallCount));
  for (const auto& f : *figures) {
    Dict* row = page.dict().AddSectionDictionary("FIGURE");
    row->SetValue("LABEL", f.label);
    row->SetValue("VALUE", f.published ? Figure(f.value, reporting::Unit::kCount)
                                       : std::string("non publié"));
  }
  return page.Render(services.templates);
}

}  // namespace

void AddSteeringPages(Router& router, const WebServices& services) {
  using people::Role;
  const auto staff = Access::Roles({Role::kAdvisor, Role::kManager, Role::kFinance});
  router.Get("/pilotage", staff,
             [&services](Request& request) { return SteeringPage(request, services); });
  router.Get("/api/v1/indicators", staff, [&services](Request& request) {
    auto year = YearAsked(request, "year");
    if (!year) return ErrorResponse(request, services.templates, year.error());
    auto indicators = reporting::Compute(services.store, *request.actor, {*year});
    if (!indicators) return ErrorResponse(request, services.templates, indicators.error());
    return Json(200, IndicatorsJson(*indicators, *year).dump());
  });
  router.Get("/statistiques", Access::Public(),
             [&services](Request& request) { return StatisticsPage(request, services, false); });
  router.Get("/statistiques.csv", Access::Public(),
             [&services](Request& request) { return StatisticsPage(request, services, true); });
}

}  // namespace maplace::web
