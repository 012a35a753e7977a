#include "domain/jobs/jobs_service.h"

#include <regex>

#include "core/text.h"

namespace maplace::jobs {
namespace {
// Compiled once: these run on every page request.
const std::regex kRomeCode("[A-N][0-9]{4}");
const std::regex kSector("[A-N]");
}  // namespace

std::map<std::string, std::string> ParseFapOverrides(std::string_view csv) {
  std::map<std::string, std::string> out;
  bool header = true;
  while (!csv.empty()) {
    auto nl = csv.find('\n');
    auto line = text::Trim(csv.substr(0, nl));
    csv = nl == std::string_view::npos ? std::string_view{} : csv.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    auto comma = line.find(',');
    if (comma == std::string_view::npos) continue;
    auto rest = line.substr(comma + 1);
    out.emplace(std::string(text::Trim(line.substr(0, comma))),
                std::string(text::Trim(rest.substr(0, rest.find(',')))));
  }
  return out;
}

Result<std::shared_ptr<const TensionModel>> JobsService::Model(Repositories& repos) {
  auto version = repos.jobs().DataVersion();
  if (!version) return Fail(version.error());
  {
    std::lock_guard lock(mutex_);
    if (model_ && model_version_ == *version) return model_;
  }
  auto figures = repos.jobs().HiringFigures();
  if (!figures) return Fail(figures.error());
  auto links = repos.jobs().FapRomeLinks();
  if (!links) return Fail(links.error());
  auto parents = repos.jobs().JobParents();
  if (!parents) return Fail(parents.error());
  Crosswalk crosswalk(*figures, *links, *parents, overrides_);
  auto model = std::make_shared<const TensionModel>(std::move(*figures), std::move(crosswalk));
  std::lock_guard lock(mutex_);
  model_ = model;
  model_version_ = *version;
  return model;
}

Result<JobSheet> JobsService::Sheet(const std::string& rome_code) {
  if (!std::regex_match(rome_code, kRomeCode))
    return Fail(ErrorCode::kInvalidArgument, "a ROME code is a letter and four digits");
  JobSheet sheet;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto job = repos.jobs().FindJob(rome_code);
    if (!job) return Fail(job.error());
    sheet.job = std::move(*job);
    auto areas = repos.jobs().Areas();
    if (!areas) return Fail(areas.error());
    sheet.areas = std::move(*areas);
    auto model = Model(repos);
    if (!model) return Fail(model.error());
    sheet.figures = (*model)->FiguresForJob(rome_code);
    for (const auto& f : sheet.figures) sheet.family_labels[f.fap_code] = f.fap_label;
    return Ok();
  });
  if (!status) return Fail(status.error());
  return sheet;
}

Result<TensionRanking> JobsService::Ranking(RankingQuery query) {
  TensionRanking ranking;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    if (query.area) {
      auto areas = repos.jobs().Areas();
      if (!areas) return Fail(areas.error());
      const bool known = std::any_of(areas->begin(), areas->end(),
                                     [&](const auto& a) { return a.code == *query.area; });
      if (!known) return FailFields("unknown area", {{"area", "Ce bassin d'emploi n'existe pas."}});
    }
    if (query.sector && !std::regex_match(*query.sector, kSector))
      return FailFields("unknown sector", {{"sector", "Ce secteur n'existe pas."}});
    auto model = Model(repos);
    if (!model) return Fail(model.error());
    ranking.years = (*model)->Years();
    if (ranking.years.empty()) return Ok();
    if (query.year == 0) query.year = ranking.years.back();
    if (std::find(ranking.years.begin(), ranking.years.end(), query.year) == ranking.years.end())
      return FailFields("unknown year", {{"year", "Aucune enquête pour cette année."}});
    ranking.families = (*model)->Ranking(query);
    return Ok();
  });
  if (!status) return Fail(status.error());
  ranking.query = query;
  return ranking;
}

Result<std::vector<EmploymentArea>> JobsService::Areas() {
  std::vector<EmploymentArea> areas;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.jobs().Areas();
    if (!found) return Fail(found.error());
    areas = std::move(*found);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return areas;
}

Result<AreaSheet> JobsService::Area(const std::string& code) {
  auto areas = Areas();
  if (!areas) return Fail(areas.error());
  AreaSheet sheet;
  auto it =
      std::find_if(areas->begin(), areas->end(), [&](const auto& a) { return a.code == code; });
  if (it == areas->end()) return Fail(ErrorCode::kNotFound, "no such employment area");
  sheet.area = *it;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto communes = repos.jobs().Communes();
    if (!communes) return Fail(communes.error());
    for (auto& c : *communes) {
      if (c.area_code == code) sheet.communes.push_back(std::move(c));
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  auto ranking = Ranking(RankingQuery{0, code, std::nullopt});
  if (!ranking) return Fail(ranking.error());
  sheet.ranking = std::move(*ranking);
  return sheet;
}

Result<std::vector<Sector>> JobsService::Sectors() {
  std::vector<Sector> sectors;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.jobs().Sectors();
    if (!found) return Fail(found.error());
    sectors = std::move(*found);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return sectors;
}

Result<std::vector<JobSummary>> JobsService::Jobs() {
  std::vector<JobSummary> jobs;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.jobs().AllJobs();
    if (!found) return Fail(found.error());
    jobs = std::move(*found);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return jobs;
}

Result<std::vector<std::string>> JobsService::UnmappedFamilies() {
  std::vector<std::string> unmapped;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto model = Model(repos);
    if (!model) return Fail(model.error());
    unmapped = (*model)->crosswalk().Unmapped();
    return Ok();
  });
  if (!status) return Fail(status.error());
  return unmapped;
}

}  // namespace maplace::jobs
