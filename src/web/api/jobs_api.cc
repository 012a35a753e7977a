// GET /api/v1/jobs/{rome} and GET /api/v1/tension: the job sheet and the tension ranking, for
// partners and the pages. Secret BMO cells are null, never 0.
#include "web/api/jobs_api.h"

#include "web/error_response.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

template <typename T>
nlohmann::json Nullable(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json Share(const std::optional<double>& share) {
  if (!share) return nullptr;
  return std::round(*share * 1000) / 10;  // percent, one decimal, as BMO publishes it
}

}  // namespace

nlohmann::json JobSheetJson(const jobs::JobSheet& sheet) {
  const auto& job = sheet.job;
  nlohmann::json families = nlohmann::json::array();
  std::map<std::string, nlohmann::json> by_family;
  for (const auto& f : sheet.figures) {
    auto& family = by_family[f.fap_code];
    if (family.is_null()) {
      family = {{"fap_code", f.fap_code},
                {"label", f.fap_label},
                {"nomenclature", f.year <= 2023 ? "FAP2009" : "FAP2021"},
                {"figures", nlohmann::json::array()}};
    }
    std::optional<double> share;
    if (f.projects && f.difficult && *f.projects > 0)
      share = static_cast<double>(*f.difficult) / static_cast<double>(*f.projects);
    family["figures"].push_back({{"year", f.year},
                                 {"area", f.area_code},
                                 {"projects", Nullable(f.projects)},
                                 {"difficult", Nullable(f.difficult)},
                                 {"seasonal", Nullable(f.seasonal)},
                                 {"share_difficult", Share(share)}});
  }
  for (auto& [code, family] : by_family) families.push_back(std::move(family));
  nlohmann::json areas = nlohmann::json::array();
  for (const auto& a : sheet.areas)
    areas.push_back({{"code", a.code}, {"name", a.short_name}, {"published_name", a.name}});
  nlohmann::json certifications = nlohmann::json::array();
  for (const auto& c : job.certifications) {
    certifications.push_back(
        {{"code", c.code},
         {"label", c.label},
         {"type", c.diploma_type},
         {"level", Nullable(c.level)},
         {"rncp", c.rncp_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.rncp_code)},
         {"apprenticeship", c.apprenticeship}});
  }
  nlohmann::json mobility = nlohmann::json::array();
  for (const auto& m : job.mobility) mobility.push_back({{"code", m.code}, {"label", m.label}});
  return {{"code", job.code},
          {"label", job.label},
          {"rome3", {{"code", job.parent_code}, {"label", job.v3_label}}},
          {"sector", {{"code", job.grand_domain_code}, {"label", job.grand_domain_label}}},
          {"domain",
           {{"code", job.professional_domain_code}, {"label", job.professional_domain_label}}},
          {"definition", job.definition},
          {"access", job.access},
          {"titles", job.titles},
          {"skills", job.skills},
          {"knowledge", job.knowledge},
          {"mobility", mobility},
          {"certifications", certifications},
          {"areas", areas},
          {"bmo_families", families},
          {"source",
           "France Travail, ROME 4.0 et enquête BMO ; Dares (correspondance FAP-ROME). "
           "Licence Ouverte."}};
}

nlohmann::json RankingJson(const jobs::TensionRanking& ranking,
                           const std::vector<jobs::EmploymentArea>& areas) {
  nlohmann::json families = nlohmann::json::array();
  for (const auto& f : ranking.families) {
    families.push_back({{"rank", f.rank},
                        {"fap_code", f.fap_code},
                        {"label", f.fap_label},
                        {"score", std::round(f.score * 10) / 10},
                        {"projects", Nullable(f.projects)},
                        {"difficult", Nullable(f.difficult)},
                        {"seasonal", Nullable(f.seasonal)},
                        {"share_difficult", Share(f.share_difficult)},
                        {"share_seasonal", Share(f.share_seasonal)},
                        {"lower_bound", f.lower_bound},
                        {"partial",
                         {{"projects", f.projects_partial},
                          {"difficult", f.difficult_partial},
                          {"seasonal", f.seasonal_partial}}},
                        {"previous_projects", Nullable(f.previous_projects)},
                        {"jobs", f.jobs}});
  }
  nlohmann::json area_list = nlohmann::json::array();
  for (const auto& a : areas) area_list.push_back({{"code", a.code}, {"name", a.short_name}});
  return {{"year", ranking.query.year},
          {"area", Nullable(ranking.query.area)},
          {"sector", Nullable(ranking.query.sector)},
          {"years", ranking.years},
          {"areas", area_list},
          {"score", "100 × (projets difficiles / projets) × projets / (projets + 50)"},
          {"families", families}};
}

// Parses ?year=&area=&sector= into a query; kInvalidArgument for a malformed year.
Result<jobs::RankingQuery> RankingQueryFrom(const Request& request) {
  jobs::RankingQuery query;
  const std::string year = request.Query("year");
  if (!year.empty()) {
    if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos)
      return FailFields("bad year", {{"year", "L'année s'écrit avec quatre chiffres."}});
    query.year = std::stoi(year);
  }
  if (!request.Query("area").empty()) query.area = request.Query("area");
  if (!request.Query("sector").empty()) query.sector = request.Query("sector");
  return query;
}

void AddJobsApi(Router& router, const WebServices& services) {
  router.Get("/api/v1/jobs/:rome", Access::Public(), [&services](Request& request) {
    auto sheet = services.jobs.Sheet(request.Param("rome"));
    if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
    return Json(200, JobSheetJson(*sheet).dump());
  });
  router.Get("/api/v1/tension", Access::Public(), [&services](Request& request) {
    auto query = RankingQueryFrom(request);
    if (!query) return ErrorResponse(request, services.templates, query.error());
    auto ranking = services.jobs.Ranking(*query);
    if (!ranking) return ErrorResponse(request, services.templates, ranking.error());
    auto areas = services.jobs.Areas();
    if (!areas) return ErrorResponse(request, services.templates, areas.error());
    return Json(200, RankingJson(*ranking, *areas).dump());
  });
}

}  // namespace maplace::web
