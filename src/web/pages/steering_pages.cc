// Steering (issue 9): the indicators of a year against the year before under the filters
// chosen, each with its definition, the filters it honours, a chart and its data table
// (/pilotage, staff); the records behind a figure (/pilotage/detail, for the roles that may see
// them); the same as JSON (/api/v1/indicators); the public statistics with small counts not
// published (/statistiques, /statistiques.csv).
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "domain/aid_requests/request.h"
#include "domain/applications/application.h"
#include "domain/crm/branches.h"
#include "domain/crm/crm_service.h"
#include "domain/reporting/indicators.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using Dict = ctemplate::TemplateDictionary;
using Options_ = std::vector<std::pair<std::string, std::string>>;

// A figure in French typography.
std::string Figure(std::int64_t value, reporting::Unit unit) {
  switch (unit) {
    case reporting::Unit::kCents:
      return Euros(value);
    case reporting::Unit::kDays:
      return value <= 1 ? fmt::format("{} jour", value) : fmt::format("{} jours", value);
    case reporting::Unit::kHundredths:
      return value == 0 ? std::string("pas de note")
                        : fmt::format("{},{:02} / 5", value / 100, value % 100);
    case reporting::Unit::kCount:
      break;
  }
  return FrenchCount(value);
}

std::string Change(std::int64_t value, std::int64_t previous) {
  if (previous == 0) return value == 0 ? "=" : "nouveau";
  const double percent =
      100.0 * static_cast<double>(value - previous) / static_cast<double>(previous);
  return fmt::format("{}{:.0f}\u202f%", percent >= 0 ? "+" : "\u2212", std::abs(percent));
}

// The filters' names in the query: the API's, but the pages' year is ?annee=.
const char* YearParameter(bool page) { return page ? "annee" : "year"; }

// The filters asked; field errors (by API filter name) for what cannot even be read. The
// domain checks the values themselves.
Result<reporting::Filters> FiltersAsked(const Request& request, bool page) {
  reporting::Filters f;
  std::map<std::string, std::string> errors;
  const std::string year = std::string(text::Trim(request.Query(YearParameter(page))));
  if (year.empty()) {
    f.year = YearOf(std::time(nullptr));
  } else if (auto parsed = ParseId(year); parsed && *parsed <= 9999) {
    f.year = static_cast<int>(*parsed);
  } else {
    errors["year"] = "Choisissez une année entre 2020 et 2100.";
  }
  f.area = std::string(text::Trim(request.Query("area")));
  f.branch = std::string(text::Trim(request.Query("branch")));
  f.opco = std::string(text::Trim(request.Query("opco")));
  f.rome = std::string(text::Trim(request.Query("rome")));
  std::transform(f.rome.begin(), f.rome.end(), f.rome.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  const std::string level = std::string(text::Trim(request.Query("level")));
  if (!level.empty()) {
    auto parsed = ParseId(level);
    if (!parsed || *parsed > 9)
      errors["level"] = "Choisissez un niveau de certification de 3 à 7.";
    else
      f.level = static_cast<int>(*parsed);
  }
  if (!errors.empty()) return FailFields("invalid indicator filters", std::move(errors));
  return f;
}

// The query string of the filters, for links ("annee=2026&area=201").
std::string FiltersQuery(const reporting::Filters& f) {
  std::string out = fmt::format("annee={}", f.year);
  if (!f.area.empty()) out += "&area=" + text::UrlEncode(f.area);
  if (!f.branch.empty()) out += "&branch=" + text::UrlEncode(f.branch);
  if (!f.opco.empty()) out += "&opco=" + text::UrlEncode(f.opco);
  if (f.level != 0) out += fmt::format("&level={}", f.level);
  if (!f.rome.empty()) out += "&rome=" + text::UrlEncode(f.rome);
  return out;
}

std::string FilterLabel(std::string_view name) {
  if (name == "year") return "année";
  if (name == "area") return "bassin d'emploi";
  if (name == "branch") return "branche";
  if (name == "opco") return "OPCO";
  if (name == "level") return "niveau";
  return "métier (ROME)";
}

std::string FilterList(const std::vector<std::string>& names) {
  std::vector<std::string> labels;
  for (const auto& n : names) labels.push_back(FilterLabel(n));
  return JoinText(labels, ", ");
}

std::string PartLabel(const WebServices& services, const reporting::Indicator& indicator,
                      const reporting::Breakdown& part) {
  // Aids are named by their rules; the rest carry their French label.
  if (indicator.id.starts_with("budget.") && indicator.id != "budget.alternance")
    return AidName(services, part.key);
  if (indicator.id == "aids.granted" || indicator.id == "aids.paid" ||
      indicator.id == "aids.requests_by_aid")
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

std::string Escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

// One line of a chart: its label, this year's value and the year before's.
struct Bar {
  std::string label;
  std::int64_t value = 0;
  std::int64_t previous = 0;
};

// Horizontal bars, this year over last year, drawn to the largest value. The figures are in
// the table beside the chart; the chart itself is named by its title (role="img").
std::string Bars(const reporting::Indicator& indicator, const std::vector<Bar>& bars) {
  std::int64_t largest = 1;
  for (const auto& bar : bars) largest = std::max({largest, bar.value, bar.previous});
  constexpr int kLabelWidth = 170, kBarWidth = 300, kRow = 34;
  const int height = static_cast<int>(bars.size()) * kRow + 10;
  std::string svg = fmt::format(
      R"(<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="chart-{}-title">)"
      R"(<title id="chart-{}-title">{} : {} (barre épaisse) par rapport à {} (barre fine), )"
      R"(chiffres dans le tableau qui suit</title>)",
      kLabelWidth + kBarWidth + 10, height, indicator.id, indicator.id, Escaped(indicator.label),
      indicator.year, indicator.year - 1);
  for (std::size_t k = 0; k < bars.size(); ++k) {
    const auto& bar = bars[k];
    const int y = static_cast<int>(k) * kRow + 5;
    const auto width = [&](std::int64_t v) {
      return static_cast<int>(static_cast<double>(std::max<std::int64_t>(v, 0)) /
                              static_cast<double>(largest) * kBarWidth);
    };
    svg += fmt::format(R"(<text x="0" y="{}" class="chart-label">{}</text>)", y + 16,
                       Escaped(Shortened(bar.label, 28)));
    svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="12" class="chart-bar"/>)",
                       kLabelWidth, y + 2, width(bar.value));
    svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="8" class="chart-bar--previous"/>)",
                       kLabelWidth, y + 16, width(bar.previous));
  }
  return svg + "</svg>";
}

void FilterForm(Page& page, const WebServices& services, const Request& request,
                const reporting::Filters& f) {
  Options_ years;
  const int now = YearOf(std::time(nullptr));
  for (int y = now + 1; y >= 2020; --y) years.emplace_back(std::to_string(y), std::to_string(y));
  Options(page.dict(), "YEAR_OPTION", years, std::to_string(f.year));
  Options_ areas = {{"", "Toute la Martinique"}};
  if (auto found = services.jobs.Areas())
    for (const auto& a : *found) areas.emplace_back(a.code, a.short_name);
  Options(page.dict(), "AREA_OPTION", areas, f.area);
  Options_ branches = {{"", "Toutes les branches"}};
  if (services.crm != nullptr) {
    if (auto found = services.crm->Branches(*request.actor))
      for (const auto& b : *found)
        branches.emplace_back(b.idcc, fmt::format("{} (IDCC {})", b.name, b.idcc));
  }
  if (!f.branch.empty() &&
      std::none_of(branches.begin(), branches.end(), [&](auto& o) { return o.first == f.branch; }))
    branches.emplace_back(f.branch, "IDCC " + f.branch);
  Options(page.dict(), "BRANCH_OPTION", branches, f.branch);
  Options_ opcos = {{"", "Tous les OPCO"}};
  for (auto code : crm::kOpcoCodes)
    opcos.emplace_back(std::string(code), std::string(crm::OpcoLabel(code)));
  Options(page.dict(), "OPCO_OPTION", opcos, f.opco);
  Options_ levels = {{"", "Tous les niveaux"}};
  for (int l = 3; l <= 7; ++l) levels.emplace_back(std::to_string(l), fmt::format("Niveau {}", l));
  Options(page.dict(), "LEVEL_OPTION", levels, f.level ? std::to_string(f.level) : "");
  page.Set("ROME", f.rome);
}

Response SteeringPage(Request& request, const WebServices& services) {
  Page page(request, "Pilotage", "pages/steering.tpl");
  auto filters = FiltersAsked(request, true);
  reporting::Filters f = filters ? *filters : reporting::Filters{YearOf(std::time(nullptr))};
  auto indicators = filters ? reporting::Compute(services.store, *request.actor, f, &services.jobs)
                            : Result<std::vector<reporting::Indicator>>(Fail(filters.error()));
  FilterForm(page, services, request, f);
  page.Set("YEAR", std::to_string(f.year));
  page.Set("PREVIOUS_YEAR", std::to_string(f.year - 1));
  page.Set("JSON_HREF", "/api/v1/indicators?" + FiltersQuery(f).replace(0, 5, "year"));
  if (!indicators) {
    if (indicators.error().code != ErrorCode::kInvalidArgument)
      return ErrorResponse(request, services.templates, indicators.error());
    page.Errors(indicators.error());
    return page.Render(services.templates, 400);
  }
  const std::string query = FiltersQuery(f);
  for (const auto& indicator : *indicators) {
    Dict* item = page.dict().AddSectionDictionary("INDICATOR");
    item->SetValue("ID", indicator.id);
    item->SetValue("LABEL", indicator.label);
    item->SetValue("DEFINITION", indicator.definition);
    item->SetValue("VALUE", Figure(indicator.value, indicator.unit));
    item->SetValue("PREVIOUS", Figure(indicator.previous, indicator.unit));
    item->SetValue("CHANGE", Change(indicator.value, indicator.previous));
    item->SetValue("APPLIED", FilterList(indicator.filters_applied));
    if (!indicator.filters_not_applicable.empty()) {
      item->ShowSection("NOT_APPLICABLE");
      item->SetValue("NOT_APPLICABLE_LIST", FilterList(indicator.filters_not_applicable));
    }
    const bool drill = !indicator.records.empty() &&
                       reporting::MaySeeRecords(request.actor->role, indicator.records);
    std::vector<Bar> bars;
    Dict* detail = item->AddSectionDictionary("DETAIL");
    if (indicator.breakdown.empty()) {
      bars.push_back({"Total", indicator.value, indicator.previous});
      Dict* row = detail->AddSectionDictionary("PART");
      row->SetValue("LABEL", "Total");
      row->SetValue("VALUE", Figure(indicator.value, indicator.unit));
      row->SetValue("PREVIOUS", Figure(indicator.previous, indicator.unit));
    }
    for (const auto& part : indicator.breakdown) {
      bars.push_back({PartLabel(services, indicator, part), part.value, part.previous});
      Dict* row = detail->AddSectionDictionary("PART");
      row->SetValue("LABEL", bars.back().label);
      row->SetValue("VALUE", Figure(part.value, indicator.unit));
      row->SetValue("PREVIOUS", Figure(part.previous, indicator.unit));
      if (drill) {
        Dict* link = row->AddSectionDictionary("DRILL");
        link->SetValue(
            "HREF", fmt::format("/pilotage/detail?indicateur={}&ligne={}&{}",
                                text::UrlEncode(indicator.id), text::UrlEncode(part.key), query));
      }
    }
    if (drill) detail->ShowSection("DRILL_COLUMN");
    detail->SetValue("CHART", Bars(indicator, bars));
  }
  return page.Render(services.templates);
}

// The records behind one line of a figure.
Response DrillDownPage(Request& request, const WebServices& services) {
  auto filters = FiltersAsked(request, true);
  if (!filters) return ErrorResponse(request, services.templates, filters.error());
  const std::string indicator = request.Query("indicateur"), part = request.Query("ligne");
  auto records = reporting::DrillDown(services.store, *request.actor, indicator, part, *filters);
  if (!records) return ErrorResponse(request, services.templates, records.error());
  const bool applications = indicator == "applications.funnel";
  Page page(request, "Pilotage : le détail", "pages/steering_detail.tpl");
  page.Set("YEAR", std::to_string(filters->year));
  page.Set("BACK_HREF", "/pilotage?" + FiltersQuery(*filters));
  page.Set("WHAT", applications ? "Candidatures" : "Demandes d'aide");
  page.Set("TITLE_COLUMN", applications ? "Offre" : "Aide");
  page.Set("WHO_COLUMN", applications ? "Employeur" : "Bénéficiaire");
  std::string line = part.empty() ? std::string("toutes") : part;
  if (applications) {
    static const std::map<std::string, std::string> kSteps = {{"sent", "envoyées"},
                                                              {"replied", "avec une réponse"},
                                                              {"interview", "entretien proposé"},
                                                              {"hired", "embauche"}};
    if (auto it = kSteps.find(part); it != kSteps.end()) line = it->second;
  } else if (auto state = aid_requests::ParseState(part)) {
    line = std::string(aid_requests::StateLabel(*state));
  } else if (!part.empty()) {
    line = AidName(services, part);
  }
  page.Set("LINE", line);
  page.Set("COUNT", FrenchCount(static_cast<std::int64_t>(records->size())));
  if (records->size() >= static_cast<std::size_t>(reporting::kDrillDownLimit)) page.Show("LIMITED");
  page.Set("LIMIT", std::to_string(reporting::kDrillDownLimit));
  if (records->empty()) page.Show("EMPTY");
  for (const auto& r : *records) {
    Dict* row = page.dict().AddSectionDictionary("RECORD");
    row->SetValue("DATE", FrenchDay(r.at));
    row->SetValue("WHO", r.who);
    if (applications) {
      row->SetValue("TITLE", r.title);
      auto status = applications::ParseStatus(r.state);
      row->SetValue("STATE", status ? std::string(applications::StatusLabel(*status)) : r.state);
      row->SetValue("REF", fmt::format("Candidature n° {}", r.id));
    } else {
      row->SetValue("TITLE", AidName(services, r.title));
      auto state = aid_requests::ParseState(r.state);
      row->SetValue("STATE", state ? std::string(aid_requests::StateLabel(*state)) : r.state);
      Dict* link = row->AddSectionDictionary("LINK");
      link->SetValue("HREF", fmt::format("/conseil/demandes/{}", r.id));
      link->SetValue("REF", fmt::format("Demande n° {}", r.id));
    }
    if (applications) row->ShowSection("NO_LINK");
  }
  return page.Render(services.templates);
}

nlohmann::json IndicatorsJson(const std::vector<reporting::Indicator>& indicators,
                              const reporting::Filters& f) {
  static const std::map<reporting::Unit, std::string> kUnits = {
      {reporting::Unit::kCount, "count"},
      {reporting::Unit::kCents, "cents"},
      {reporting::Unit::kDays, "days"},
      {reporting::Unit::kHundredths, "hundredths"}};
  nlohmann::json list = nlohmann::json::array();
  for (const auto& i : indicators) {
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& b : i.breakdown)
      parts.push_back(
          {{"key", b.key}, {"label", b.label}, {"value", b.value}, {"previous", b.previous}});
    list.push_back({{"id", i.id},
                    {"label", i.label},
                    {"definition", i.definition},
                    {"unit", kUnits.at(i.unit)},
                    {"year", i.year},
                    {"value", i.value},
                    {"previous_year", i.year - 1},
                    {"previous", i.previous},
                    {"filters_applied", i.filters_applied},
                    {"filters_not_applicable", i.filters_not_applicable},
                    {"breakdown", parts}});
  }
  nlohmann::json filters = {{"year", f.year}};
  if (!f.area.empty()) filters["area"] = f.area;
  if (!f.branch.empty()) filters["branch"] = f.branch;
  if (!f.opco.empty()) filters["opco"] = f.opco;
  if (f.level != 0) filters["level"] = f.level;
  if (!f.rome.empty()) filters["rome"] = f.rome;
  return {{"year", f.year}, {"filters", filters}, {"indicators", list}};
}

Response StatisticsPage(Request& request, const WebServices& services, bool csv) {
  auto filters = FiltersAsked(request, true);
  auto figures = filters ? reporting::PublicFigures(services.store, filters->year)
                         : Result<std::vector<reporting::PublicFigure>>(Fail(filters.error()));
  if (!figures) {
    if (csv || figures.error().code != ErrorCode::kInvalidArgument)
      return ErrorResponse(request, services.templates, figures.error());
    return HtmlError(request, services.templates, 400, "Choisissez une année entre 2020 et 2100.");
  }
  const int year = filters->year;
  if (csv) {
    std::string out = "annee;indicateur;libelle;valeur\r\n";
    for (const auto& f : *figures) {
      out += fmt::format("{};{};\"{}\";{}\r\n", year, f.id, f.label,
                         f.published ? std::to_string(f.value) : std::string("non publié"));
    }
    return Download(std::move(out), "text/csv; charset=utf-8", "",
                    fmt::format("statistiques-{}", year));
  }
  Page page(request, "Statistiques", "pages/statistics.tpl");
  page.Set("YEAR", std::to_string(year));
  page.Set("CSV_HREF", fmt::format("/statistiques.csv?annee={}", year));
  page.Set("SMALL", std::to_string(reporting::kSmallCount));
  Options_ years;
  for (int y = YearOf(std::time(nullptr)); y >= 2020; --y)
    years.emplace_back(std::to_string(y), std::to_string(y));
  Options(page.dict(), "YEAR_OPTION", years, std::to_string(year));
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
  router.Get("/pilotage/detail", staff,
             [&services](Request& request) { return DrillDownPage(request, services); });
  router.Get("/api/v1/indicators", staff, [&services](Request& request) {
    auto filters = FiltersAsked(request, false);
    if (!filters) return ErrorResponse(request, services.templates, filters.error());
    auto indicators = reporting::Compute(services.store, *request.actor, *filters, &services.jobs);
    if (!indicators) return ErrorResponse(request, services.templates, indicators.error());
    return Json(200, IndicatorsJson(*indicators, *filters).dump());
  });
  router.Get("/statistiques", Access::Public(),
             [&services](Request& request) { return StatisticsPage(request, services, false); });
  router.Get("/statistiques.csv", Access::Public(),
             [&services](Request& request) { return StatisticsPage(request, services, true); });
}

}  // namespace maplace::web
