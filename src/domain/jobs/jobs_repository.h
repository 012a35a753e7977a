#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/jobs/job.h"

namespace maplace::jobs {

// The imported reference data about jobs, read only.
class JobsRepository {
 public:
  virtual ~JobsRepository() = default;
  // kNotFound for a code the ROME does not have.
  virtual Result<Job> FindJob(std::string_view code) = 0;
  virtual Result<std::vector<JobSummary>> AllJobs() = 0;  // code, label; ordered by code
  // Every job title ("appellation") with its ROME code, by code (main title first).
  virtual Result<std::vector<std::pair<std::string, std::string>>> JobTitles() = 0;
  // Every ROME 4 code with the ROME 3 code it descends from.
  virtual Result<std::vector<std::pair<std::string, std::string>>> JobParents() = 0;
  virtual Result<std::vector<Sector>> Sectors() = 0;
  virtual Result<std::vector<HiringFigure>> HiringFigures() = 0;  // every year and area
  virtual Result<std::vector<FapRomeLink>> FapRomeLinks() = 0;
  virtual Result<std::vector<EmploymentArea>> Areas() = 0;
  virtual Result<std::vector<Commune>> Communes() = 0;
  // Changes whenever reference data is imported (the latest import's id; 0 before any).
  virtual Result<std::int64_t> DataVersion() = 0;
};

}  // namespace maplace::jobs
