// The JSON API, version 1. Errors come from error_response.cc as {"error":{…}}.
#include <nlohmann/json.hpp>

#include "core/embedded_files.h"
#include "web/api/jobs_api.h"
#include "web/routes.h"

namespace maplace::embedded {
const std::vector<EmbeddedFile>& ApiDescription();  // docs/openapi.json (web/CMakeLists.txt)
}  // namespace maplace::embedded

namespace maplace::web {

void AddApi(Router& router, const WebServices& services) {
  AddJobsApi(router, services);
  AddSearchApi(router, services);
  // The OpenAPI description of this API (docs/openapi.json), compiled in.
  router.Get("/api/openapi.json", Access::Public(), [](Request&) {
    return Json(200, std::string(embedded::ApiDescription().front().bytes));
  });
  router.Get("/api/v1/sante", Access::Public(), [](Request&) {
    return Json(200, nlohmann::json{{"status", "ok"}}.dump());
  });
  router.Get("/api/v1/moi", Access::SignedIn(), [](Request& request) {
    const auto& actor = *request.actor;
    nlohmann::json body = {{"id", actor.user_id},
                           {"email", actor.email},
                           {"display_name", actor.display_name},
                           {"role", people::RoleCode(actor.role)},
                           {"demo", actor.is_demo}};
    if (actor.membership) {
      body["organisation"] = {{"id", actor.membership->organisation_id},
                              {"role", people::MemberRoleCode(actor.membership->role)}};
    }
    return Json(200, body.dump());
  });
}

}  // namespace maplace::web
