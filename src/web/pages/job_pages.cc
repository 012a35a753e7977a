// « Les métiers qui recrutent », the job sheets, the employment areas and the data sources.
// Figures are shown as the BMO survey publishes them: a secret cell reads « non publié » (never
// 0), and a sum over areas that leaves secret cells out reads « au moins N ».
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "core/time_format.h"
#include "web/api/jobs_api.h"
#include "web/error_response.h"
#include "web/french.h"
#include "web/page.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

// French typography: a narrow no-break space between thousands and before "%", and a true
// minus sign.
constexpr char kNarrowNbsp[] = "\u202f";
constexpr char kNotPublished[] = "non publié";
constexpr std::size_t kJobLinks = 3;
constexpr std::size_t kTitles = 15;
constexpr std::size_t kSkills = 12;
constexpr std::size_t kAreaTop = 10;

// 59.04 -> "59,0".
std::string FrenchDecimal(double value) {
  const long tenths = std::lround(value * 10);
  return fmt::format("{},{}", FrenchCount(tenths / 10), std::labs(tenths % 10));
}

// 0.845 -> "84,5 %".
std::string FrenchPercent(double share) { return FrenchDecimal(share * 100) + kNarrowNbsp + "%"; }

std::string Plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", FrenchCount(static_cast<std::int64_t>(n)), n == 1 ? one : many);
}

// A count as published: « non publié » when secret, « au moins N » for a partial sum.
std::string Figure(const std::optional<std::int64_t>& value, bool lower_bound = false) {
  if (!value) return kNotPublished;
  return (lower_bound ? "au moins " : "") + FrenchCount(*value);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

std::map<std::string, std::string> AreaNames(const std::vector<jobs::EmploymentArea>& areas) {
  std::map<std::string, std::string> names;
  for (const auto& a : areas) names[a.code] = a.short_name;
  return names;
}

// A <select> of partials/select_field.tpl; `errors` marks it invalid when it names `id`.
struct Option {
  std::string value;
  std::string label;
};
void SelectField(Page& page, const char* include, const char* id, const char* label,
                 const std::vector<Option>& options, const std::string& selected,
                 const std::map<std::string, std::string>& errors) {
  Dict* field = page.dict().AddIncludeDictionary(include);
  field->SetFilename("partials/select_field.tpl");
  field->SetValue("ID", id);
  field->SetValue("LABEL", label);
  for (const auto& option : options) {
    Dict* row = field->AddSectionDictionary("OPTION");
    row->SetValue("VALUE", option.value);
    row->SetValue("LABEL", option.label);
    if (option.value == selected) row->ShowSection("SELECTED");
  }
  auto error = errors.find(id);
  if (error != errors.end()) field->SetValueAndShowSection("MESSAGE", error->second, "INVALID");
}

// The ranking table of partials/ranking_table.tpl, with at most `limit` families.
struct RankingView {
  const jobs::TensionRanking& ranking;
  const std::map<std::string, std::string>& job_labels;
  std::string id;
  std::string caption;
  std::size_t limit = std::string::npos;
};
void FillRanking(Dict& parent, const RankingView& view) {
  const auto& ranking = view.ranking;
  Dict* table = parent.AddIncludeDictionary("RANKING");
  table->SetFilename("partials/ranking_table.tpl");
  table->SetValue("ID", view.id);
  table->SetValue("CAPTION", view.caption);
  // Only a sum over several areas can be partial.
  const bool territory = !ranking.query.area.has_value();
  if (territory) table->ShowSection("TERRITORY");
  const std::size_t count = std::min(view.limit, ranking.families.size());
  for (std::size_t i = 0; i < count; ++i) {
    const auto& f = ranking.families[i];
    Dict* row = table->AddSectionDictionary("ROW");
    row->SetValue("RANK", std::to_string(f.rank));
    row->SetValue("LABEL", f.fap_label);
    row->SetValue("SCORE", FrenchDecimal(f.score));
    row->SetValue("PROJECTS", Figure(f.projects, territory && f.projects_partial));
    row->SetValue("DIFFICULT", Figure(f.difficult, territory && f.difficult_partial));
    if (f.difficult && f.share_difficult)
      row->SetValueAndShowSection("SHARE", " (" + FrenchPercent(*f.share_difficult) + ")",
                                  "DIFFICULT_SHARE");
    row->SetValue("SEASONAL", Figure(f.seasonal, territory && f.seasonal_partial));
    if (f.seasonal && f.share_seasonal)
      row->SetValueAndShowSection("SHARE", " (" + FrenchPercent(*f.share_seasonal) + ")",
                                  "SEASONAL_SHARE");
    if (f.projects && f.previous_projects && *f.previous_projects > 0) {
      const double change = 100.0 * static_cast<double>(*f.projects - *f.previous_projects) /
                            static_cast<double>(*f.previous_projects);
      const long rounded = std::lround(change);
      Dict* section = row->AddSectionDictionary("CHANGE");
      section->SetValue("TEXT",
                        (rounded > 0 ? "+" : "") + FrenchCount(rounded) + kNarrowNbsp + "%");
      section->SetValue("PREVIOUS", fmt::format(" ({} en {})", FrenchCount(*f.previous_projects),
                                                ranking.query.year - 1));
    } else {
      row->ShowSection("NO_CHANGE");
    }
    // The jobs of the asked sector first, then by code.
    std::vector<std::string> codes = f.jobs;
    if (ranking.query.sector) {
      std::stable_partition(codes.begin(), codes.end(), [&](const std::string& code) {
        return code.rfind(*ranking.query.sector, 0) == 0;
      });
    }
    if (codes.empty()) {
      row->ShowSection("NO_JOBS");
      continue;
    }
    Dict* jobs = row->AddSectionDictionary("JOBS");
    for (std::size_t j = 0; j < std::min(kJobLinks, codes.size()); ++j) {
      Dict* job = jobs->AddSectionDictionary("JOB");
      job->SetValue("CODE", codes[j]);
      auto label = view.job_labels.find(codes[j]);
      job->SetValue("LABEL", label == view.job_labels.end() ? codes[j] : label->second);
    }
    if (codes.size() > kJobLinks)
      jobs->SetValueAndShowSection(
          "TEXT", "et " + Plural(codes.size() - kJobLinks, "autre fiche", "autres fiches"), "MORE");
  }
}

Result<std::map<std::string, std::string>> JobLabels(jobs::JobsService& service) {
  auto all = service.Jobs();
  if (!all) return tl::unexpected(all.error());
  std::map<std::string, std::string> labels;
  for (auto& job : *all) labels.emplace(std::move(job.code), std::move(job.label));
  return labels;
}

Response RankingPage(Request& request, const WebServices& services) {
  auto areas = services.jobs.Areas();
  if (!areas) return ErrorResponse(request, services.templates, areas.error());
  auto sectors = services.jobs.Sectors();
  if (!sectors) return ErrorResponse(request, services.templates, sectors.error());

  // A bad filter shows the form again with its message, and the latest year's options.
  std::optional<Error> error;
  Result<jobs::TensionRanking> ranking = RankingQueryFrom(request).and_then(
      [&](jobs::RankingQuery query) { return services.jobs.Ranking(std::move(query)); });
  if (!ranking) {
    if (ranking.error().code != ErrorCode::kInvalidArgument)
      return ErrorResponse(request, services.templates, ranking.error());
    error = ranking.error();
    ranking = services.jobs.Ranking({});
    if (!ranking) return ErrorResponse(request, services.templates, ranking.error());
  }

  Page page(request, "Les métiers qui recrutent", "pages/jobs.tpl");
  if (ranking->years.empty()) {
    page.Show("NO_DATA");
    return page.Render(services.templates);
  }
  const auto& query = ranking->query;
  const auto area_names = AreaNames(*areas);
  std::string sector_label;
  for (const auto& s : *sectors) {
    if (query.sector == s.code) sector_label = s.label;
  }

  page.Show("FILTERS");
  std::map<std::string, std::string> field_errors;
  if (error) {
    page.Errors(*error);
    field_errors = error->fields;
    if (field_errors.empty()) page.Notice("error", "Erreur : ces critères ne sont pas valides.");
  }
  std::vector<Option> years;
  for (auto it = ranking->years.rbegin(); it != ranking->years.rend(); ++it)
    years.push_back({std::to_string(*it), std::to_string(*it)});
  SelectField(page, "YEAR_FIELD", "year", "Année de l'enquête", years, std::to_string(query.year),
              field_errors);
  std::vector<Option> area_options = {{"", "Toute la Martinique"}};
  for (const auto& a : *areas) area_options.push_back({a.code, a.short_name});
  SelectField(page, "AREA_FIELD", "area", "Bassin d'emploi", area_options,
              error ? request.Query("area") : query.area.value_or(""), field_errors);
  std::vector<Option> sector_options = {{"", "Tous les secteurs"}};
  for (const auto& s : *sectors) sector_options.push_back({s.code, s.label});
  SelectField(page, "SECTOR_FIELD", "sector", "Secteur", sector_options,
              error ? request.Query("sector") : query.sector.value_or(""), field_errors);

  if (!error) {
    const std::string where = query.area ? "bassin " + area_names.at(*query.area) : "Martinique";
    Dict* results = page.dict().AddSectionDictionary("RESULTS");
    results->SetValue("HEADING", fmt::format("Classement {}, {}", query.year, where));
    std::string caption =
        fmt::format("Métiers classés par score de tension, enquête {}, {}", query.year,
                    query.area ? "bassin " + area_names.at(*query.area) : "toute la Martinique");
    if (!sector_label.empty()) caption += ", secteur « " + sector_label + " »";
    if (ranking->families.empty()) {
      results->ShowSection("EMPTY");
    } else {
      auto job_labels = JobLabels(services.jobs);
      if (!job_labels) return ErrorResponse(request, services.templates, job_labels.error());
      FillRanking(*results, {*ranking, *job_labels, "classement-table", caption});
    }
  }
  Dict* area_list = page.dict().AddSectionDictionary("AREAS");
  for (const auto& a : *areas) {
    Dict* item = area_list->AddSectionDictionary("AREA");
    item->SetValue("CODE", a.code);
    item->SetValue("NAME", a.short_name);
  }
  return page.Render(services.templates, error ? 422 : 200);
}

// The families of a job as people know them: a BMO family keeps its label when the survey moves
// to a new nomenclature (« Soudeurs » is D2Z42 until 2023 and D1X33 after), so families are
// grouped by label.
struct FamilyLine {
  std::string label;
  std::map<std::string, std::set<int>> codes;                     // FAP code -> years
  std::map<int, std::vector<const jobs::HiringFigure*>> by_year;  // ordered by area
};

std::vector<FamilyLine> FamilyLines(const std::vector<jobs::HiringFigure>& figures) {
  std::map<std::string, FamilyLine> by_label;
  for (const auto& f : figures) {
    FamilyLine& line = by_label[f.fap_label];
    line.label = f.fap_label;
    line.codes[f.fap_code].insert(f.year);
    line.by_year[f.year].push_back(&f);
  }
  std::vector<FamilyLine> lines;
  for (auto& [label, line] : by_label) lines.push_back(std::move(line));
  // The families of the latest survey first, the larger first.
  auto key = [](const FamilyLine& line) {
    const auto& [year, cells] = *line.by_year.rbegin();
    std::int64_t projects = 0;
    for (const auto* cell : cells) projects += cell->projects.value_or(0);
    return std::pair{year, projects};
  };
  std::stable_sort(lines.begin(), lines.end(),
                   [&](const FamilyLine& a, const FamilyLine& b) { return key(a) > key(b); });
  return lines;
}

std::string Nomenclature(int year) { return year <= 2023 ? "FAP 2009" : "FAP 2021"; }

// Projects of a year over the whole territory: the published cells' sum, partial when a cell is
// secret, absent when every cell is.
struct Total {
  std::optional<std::int64_t> projects;
  bool partial = false;
};
Total TerritoryTotal(const std::vector<const jobs::HiringFigure*>& cells) {
  Total total;
  for (const auto* cell : cells) {
    if (cell->projects) {
      total.projects = total.projects.value_or(0) + *cell->projects;
    } else {
      total.partial = true;
    }
  }
  if (!total.projects) total.partial = false;
  return total;
}

// An SVG bar chart of the totals: geometry in the template's user units.
void FillChart(Dict& family, const std::vector<std::pair<int, Total>>& totals) {
  constexpr int kBar = 64, kGap = 40, kSide = 24, kTop = 32, kPlot = 140, kBottom = 32;
  const int n = static_cast<int>(totals.size());
  const int width = 2 * kSide + n * kBar + (n - 1) * kGap;
  const int base = kTop + kPlot;
  family.SetIntValue("WIDTH", width);
  family.SetIntValue("HEIGHT", base + kBottom);
  family.SetIntValue("BASE", base);
  family.SetIntValue("BAR_WIDTH", kBar);
  std::int64_t max = 1;
  for (const auto& [year, total] : totals) max = std::max(max, total.projects.value_or(0));
  std::vector<std::string> described;
  bool any_partial = false;
  for (int i = 0; i < n; ++i) {
    const auto& [year, total] = totals[static_cast<std::size_t>(i)];
    Dict* bar = family.AddSectionDictionary("BAR");
    const int x = kSide + i * (kBar + kGap);
    bar->SetIntValue("CENTER", x + kBar / 2);
    bar->SetIntValue("YEAR_Y", base + 22);
    bar->SetIntValue("YEAR", year);
    int height = 0;
    if (total.projects && *total.projects > 0) {
      height = std::max(2, static_cast<int>(std::lround(static_cast<double>(*total.projects) *
                                                        kPlot / static_cast<double>(max))));
      Dict* drawn = bar->AddSectionDictionary("DRAWN");
      drawn->SetIntValue("X", x);
      drawn->SetIntValue("Y", base - height);
      drawn->SetIntValue("BAR_HEIGHT", height);
      drawn->SetValue("FILL", total.partial ? "#e3f1ef" : "#0b5f5c");
      if (total.partial) drawn->ShowSection("PARTIAL");
    }
    any_partial |= total.partial;
    bar->SetIntValue("VALUE_Y", base - height - 8);
    bar->SetValue("VALUE", !total.projects ? std::string(kNotPublished)
                           : total.partial ? "≥ " + FrenchCount(*total.projects)
                                           : FrenchCount(*total.projects));
    described.push_back(fmt::format("{} : {}", year, Figure(total.projects, total.partial)));
  }
  if (any_partial) family.ShowSection("ANY_PARTIAL");
  std::string desc = "Projets de recrutement par année sur toute la Martinique. ";
  for (std::size_t i = 0; i < described.size(); ++i) desc += (i ? " ; " : "") + described[i];
  family.SetValue("DESC", desc + ".");
}

void FillFigures(Page& page, const jobs::JobSheet& sheet) {
  const auto area_names = AreaNames(sheet.areas);
  const auto lines = FamilyLines(sheet.figures);
  if (lines.empty()) {
    page.Show("NO_FIGURES");
    return;
  }
  page.Show("HAS_FIGURES");
  int n = 0;
  for (const auto& line : lines) {
    Dict* family = page.dict().AddSectionDictionary("FAMILY");
    family->SetValue("ID", fmt::format("famille-{}", ++n));
    family->SetValue("LABEL", line.label);
    std::map<int, std::vector<std::string>> codes;  // by first year
    for (const auto& [code, years] : line.codes) {
      std::vector<std::string> list;
      for (int year : years) list.push_back(std::to_string(year));
      codes[*years.begin()].push_back(
          fmt::format("{} {} ({})", Nomenclature(*years.begin()), code, fmt::join(list, ", ")));
    }
    std::vector<std::string> names;
    for (auto& [year, list] : codes) names.insert(names.end(), list.begin(), list.end());
    family->SetValue("CODES",
                     fmt::format("Famille de l'enquête BMO : {}", fmt::join(names, " ; ")));

    std::vector<std::pair<int, Total>> totals;
    for (const auto& [year, cells] : line.by_year) totals.emplace_back(year, TerritoryTotal(cells));
    FillChart(*family, totals);
    for (const auto& [year, total] : totals) {
      Dict* row = family->AddSectionDictionary("TOTAL");
      row->SetIntValue("YEAR", year);
      row->SetValue("VALUE", Figure(total.projects, total.partial));
    }
    for (const auto& [year, cells] : line.by_year) {
      Dict* group = family->AddSectionDictionary("YEAR_GROUP");
      group->SetIntValue("YEAR", year);
      group->SetIntValue("ROWS", static_cast<long>(cells.size()));
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto& cell = *cells[i];
        Dict* row = group->AddSectionDictionary("ROW");
        if (i == 0) row->ShowSection("FIRST");
        auto name = area_names.find(cell.area_code);
        row->SetValue("AREA", name == area_names.end() ? cell.area_code : name->second);
        row->SetValue("PROJECTS", Figure(cell.projects));
        row->SetValue("DIFFICULT", Figure(cell.difficult));
        row->SetValue("SEASONAL", Figure(cell.seasonal));
      }
    }
  }
}

// A list of at most `limit` items, and « et N autres » for the rest.
void FillList(Dict& section, const char* item_section, const std::vector<std::string>& items,
              std::size_t limit, const char* one_more, const char* more) {
  for (std::size_t i = 0; i < std::min(limit, items.size()); ++i)
    section.AddSectionDictionary(item_section)->SetValue("TEXT", items[i]);
  if (items.size() > limit)
    section.SetValueAndShowSection("TEXT", "et " + Plural(items.size() - limit, one_more, more),
                                   "MORE");
}

Response JobPage(Request& request, const WebServices& services) {
  const std::string code = request.Param("rome");
  auto sheet = services.jobs.Sheet(code);
  if (!sheet && sheet.error().code == ErrorCode::kInvalidArgument) {
    std::string upper = code;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // "/metiers/h2913": the address people type; anything else is no page of ours.
    if (upper != code && services.jobs.Sheet(upper)) return Redirect("/metiers/" + upper, 301);
    return ErrorResponse(request, services.templates, 404);
  }
  if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
  const jobs::Job& job = sheet->job;

  Page page(request, job.label, "pages/job.tpl");
  page.Set("LABEL", job.label).Set("CODE", job.code);
  if (!job.v3_label.empty()) {
    Dict* v3 = page.dict().AddSectionDictionary("V3");
    v3->SetValue("LABEL", job.v3_label);
    v3->SetValue("CODE", job.parent_code);
  }
  page.Set("SECTOR", fmt::format("{} ({})", job.grand_domain_label, job.grand_domain_code));
  page.Set("DOMAIN",
           fmt::format("{} ({})", job.professional_domain_label, job.professional_domain_code));
  for (auto [section, text] : {std::pair{"DEFINITION", &job.definition}, {"ACCESS", &job.access}}) {
    const auto paragraphs = Lines(*text);
    if (paragraphs.empty()) continue;
    Dict* dict = page.dict().AddSectionDictionary(section);
    for (const auto& p : paragraphs) dict->AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", p);
  }
  if (!job.titles.empty()) {
    FillList(*page.dict().AddSectionDictionary("TITLES"), "TITLE", job.titles, kTitles,
             "autre appellation", "autres appellations");
  }
  if (!job.skills.empty() || !job.knowledge.empty()) {
    Dict* skills = page.dict().AddSectionDictionary("SKILLS_SECTION");
    if (!job.skills.empty()) {
      Dict* list = skills->AddSectionDictionary("SKILLS");
      list->SetValue("HEADING", "Savoir-faire");
      FillList(*list, "ITEM", job.skills, kSkills, "autre savoir-faire", "autres savoir-faire");
    }
    if (!job.knowledge.empty()) {
      Dict* list = skills->AddSectionDictionary("SKILLS");
      list->SetValue("HEADING", "Savoirs");
      FillList(*list, "ITEM", job.knowledge, kSkills, "autre savoir", "autres savoirs");
    }
  }
  if (!job.mobility.empty()) {
    Dict* mobility = page.dict().AddSectionDictionary("MOBILITY");
    for (const auto& m : job.mobility) {
      Dict* item = mobility->AddSectionDictionary("JOB");
      item->SetValue("CODE", m.code);
      item->SetValue("LABEL", m.label);
    }
  }
  if (!job.certifications.empty()) {
    Dict* section = page.dict().AddSectionDictionary("CERTIFICATIONS");
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < std::min(kShown, job.certifications.size()); ++i) {
      const auto& c = job.certifications[i];
      Dict* row = section->AddSectionDictionary("CERTIFICATION");
      row->SetValue("LABEL", c.label);
      row->SetValue("TYPE", c.diploma_type);
      row->SetValue("LEVEL", c.level ? std::to_string(*c.level) : "sans niveau");
      row->SetValue("RNCP", c.rncp_code.empty() ? "—" : c.rncp_code);
      row->SetValue("APPRENTICESHIP", c.apprenticeship ? "oui" : "non précisé");
    }
    if (job.certifications.size() > kShown)
      section->SetValueAndShowSection(
          "TEXT", fmt::format("Et {} autres certifications.", job.certifications.size() - kShown),
          "MORE");
  }
  FillFigures(page, *sheet);
  return page.Render(services.templates);
}

Response AreaPage(Request& request, const WebServices& services) {
  auto sheet = services.jobs.Area(request.Param("code"));
  if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
  auto job_labels = JobLabels(services.jobs);
  if (!job_labels) return ErrorResponse(request, services.templates, job_labels.error());
  const auto& area = sheet->area;

  Page page(request, "Bassin d'emploi " + area.short_name, "pages/area.tpl");
  page.Set("NAME", area.short_name).Set("CODE", area.code);
  std::int64_t population = 0;
  for (const auto& commune : sheet->communes) {
    Dict* row = page.dict().AddSectionDictionary("COMMUNE");
    row->SetValue("NAME", commune.name);
    row->SetValue("POSTAL_CODES", fmt::format("{}", fmt::join(commune.postal_codes, ", ")));
    row->SetValue("POPULATION", FrenchCount(commune.population));
    population += commune.population;
  }
  page.Set("COMMUNE_COUNT", Plural(sheet->communes.size(), "commune", "communes"));
  page.Set("POPULATION", FrenchCount(population));

  const auto& ranking = sheet->ranking;
  if (ranking.years.empty()) {
    page.Set("HEADING", "Les métiers qui recrutent dans le bassin");
    page.Show("NO_DATA");
  } else {
    page.Set("HEADING",
             fmt::format("Les {} métiers les plus en tension en {}", kAreaTop, ranking.query.year));
    page.Set("YEAR", std::to_string(ranking.query.year));
    Dict* results = page.dict().AddSectionDictionary("RESULTS");
    FillRanking(*results, {ranking, *job_labels, "classement-table",
                           fmt::format("Les {} familles de métiers au plus fort score de tension, "
                                       "enquête {}, bassin {}",
                                       kAreaTop, ranking.query.year, area.short_name),
                           kAreaTop});
  }
  return page.Render(services.templates);
}

Response SourcesPage(Request& request, const WebServices& services) {
  auto sources = services.imports.Sources();
  if (!sources) return ErrorResponse(request, services.templates, sources.error());
  Page page(request, "Sources des données", "pages/sources.tpl");
  if (sources->empty()) {
    page.Show("NONE");
    return page.Render(services.templates);
  }
  Dict* table = page.dict().AddSectionDictionary("SOURCES");
  for (const auto& record : *sources) {
    Dict* row = table->AddSectionDictionary("SOURCE");
    row->SetValue("TITLE", record.source.title);
    row->SetValue("PUBLISHER", record.source.publisher);
    row->SetValue("LICENCE", record.source.licence);
    row->SetValue("FILE", record.source.file);
    row->SetValue("DATE", FormatFrenchDateTime(record.imported_at));
  }
  return page.Render(services.templates);
}

}  // namespace

void AddJobPages(Router& router, const WebServices& services) {
  router.Get("/metiers", Access::Public(),
             [&services](Request& request) { return RankingPage(request, services); });
  router.Get("/metiers/:rome", Access::Public(),
             [&services](Request& request) { return JobPage(request, services); });
  router.Get("/bassins/:code", Access::Public(),
             [&services](Request& request) { return AreaPage(request, services); });
  router.Get("/sources", Access::Public(),
             [&services](Request& request) { return SourcesPage(request, services); });
}

}  // namespace maplace::web
