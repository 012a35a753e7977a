#pragma once

#include <nlohmann/json.hpp>

#include "domain/jobs/jobs_service.h"
#include "web/http.h"
#include "web/router.h"

namespace maplace::web {

// The JSON of the jobs API, shared by the API routes and the pages' data tables.
nlohmann::json JobSheetJson(const jobs::JobSheet& sheet);
// ?year=&area=&sector= of a request; kInvalidArgument for a malformed year.
Result<jobs::RankingQuery> RankingQueryFrom(const Request& request);

nlohmann::json RankingJson(const jobs::TensionRanking& ranking,
                           const std::vector<jobs::EmploymentArea>& areas);

struct WebServices;
void AddJobsApi(Router& router, const WebServices& services);

}  // namespace maplace::web
