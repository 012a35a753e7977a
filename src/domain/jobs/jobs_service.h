#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/jobs/tension.h"
#include "domain/store.h"

namespace maplace::jobs {

// What a job sheet shows.
struct JobSheet {
  Job job;
  std::vector<EmploymentArea> areas;
  std::vector<HiringFigure> figures;                 // the job's families, every year and area
  std::map<std::string, std::string> family_labels;  // FAP code -> label
};

struct TensionRanking {
  RankingQuery query;
  std::vector<int> years;  // the years that can be asked
  std::vector<FamilyTension> families;
};

struct AreaSheet {
  EmploymentArea area;
  std::vector<Commune> communes;
  TensionRanking ranking;  // the latest year
};

// Use cases on jobs and the labour market. Thread-safe; keeps a reference to the store.
class JobsService {
 public:
  // `fap_overrides`: FAP 2021 -> FAP 2009 twins decided by a person (jobs/fap_twins.csv).
  JobsService(Store& store, std::map<std::string, std::string> fap_overrides)
      : store_(store), overrides_(std::move(fap_overrides)) {}

  // kNotFound for an unknown ROME code, kInvalidArgument for a malformed one.
  Result<JobSheet> Sheet(const std::string& rome_code);
  // kInvalidArgument for an unknown area or sector; the latest year when query.year is 0.
  Result<TensionRanking> Ranking(RankingQuery query);
  Result<std::vector<EmploymentArea>> Areas();
  Result<AreaSheet> Area(const std::string& code);
  Result<std::vector<Sector>> Sectors();
  // Every ROME job (code and label), ordered by code.
  Result<std::vector<JobSummary>> Jobs();
  // FAP 2021 families of the imported survey joined to no ROME job (for import reports).
  Result<std::vector<std::string>> UnmappedFamilies();

 private:
  // The model of the current data: built once per import (it reads every BMO cell and the
  // crosswalk), then shared by the requests.
  Result<std::shared_ptr<const TensionModel>> Model(Repositories& repos);

  Store& store_;
  std::map<std::string, std::string> overrides_;
  std::mutex mutex_;
  std::int64_t model_version_ = -1;
  std::shared_ptr<const TensionModel> model_;
};

// Parses the overrides file: "fap2021,fap2009" lines after a header.
std::map<std::string, std::string> ParseFapOverrides(std::string_view csv);

}  // namespace maplace::jobs
