// POST /api/v1/simulate: one situation, or an array of at most kMaxSituations, evaluated on
// the rules in force (docs/simulate.md). Public and free of side effects, hence no CSRF token.
// A bad situation is answered 400 (not 422, as docs/simulate.md says) naming each faulty field.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "domain/aids/json.h"
#include "web/error_response.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

constexpr std::size_t kMaxSituations = 50;
constexpr char kInvalid[] = "Certaines informations de la situation sont incorrectes.";

Response BadRequest(const Request& request, std::string_view message,
                    const std::map<std::string, std::string>& fields) {
  return JsonError(400, "invalid_argument", message, fields, request.request_id);
}

// The evaluation of one situation, or its errors with field names under `prefix`.
Result<nlohmann::json> EvaluateOne(const aids::AidsService& aids, const nlohmann::json& json,
                                   const std::string& prefix) {
  auto evaluation = aids::SituationFromJson(json).and_then(
      [&](const aids::Situation& situation) { return aids.Simulate(situation); });
  if (!evaluation) {
    Error error = evaluation.error();
    if (!prefix.empty()) {
      std::map<std::string, std::string> fields;
      for (auto& [field, message] : error.fields) fields[prefix + field] = std::move(message);
      error.fields = std::move(fields);
    }
    return tl::unexpected(std::move(error));
  }
  return aids::EvaluationToJson(*evaluation);
}

}  // namespace

void AddSimulateApi(Router& router, const WebServices& services) {
  const aids::AidsService& aids = services.aids;
  const Templates& templates = services.templates;
  Route route{"POST",
              "/api/v1/simulate",
              Access::Public(),
              BodyKind::kJson,
              [&aids, &templates](Request& request) -> Response {
                nlohmann::json body =
                    nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
                if (body.is_discarded()) {
                  return BadRequest(request, "Le corps de la demande n'est pas du JSON valide.",
                                    {{"body", "JSON invalide."}});
                }
                if (!body.is_object() && !body.is_array()) {
                  return BadRequest(request, "Envoyez une situation, ou une liste de situations.",
                                    {{"body", "Un objet ou une liste est attendu."}});
                }
                if (body.is_object()) {
                  auto one = EvaluateOne(aids, body, "");
                  if (one) return Json(200, one->dump());
                  if (one.error().code != ErrorCode::kInvalidArgument)
                    return ErrorResponse(request, templates, one.error());
                  return BadRequest(request, kInvalid, one.error().fields);
                }
                if (body.empty()) {
                  return BadRequest(request, "La liste de situations est vide.",
                                    {{"body", "Envoyez au moins une situation."}});
                }
                if (body.size() > kMaxSituations) {
                  return JsonError(
                      413, "payload_too_large",
                      fmt::format("{} situations au plus par demande.", kMaxSituations),
                      {{"body", fmt::format("{} situations envoyées, {} au plus.", body.size(),
                                            kMaxSituations)}},
                      request.request_id);
                }
                nlohmann::json out = nlohmann::json::array();
                std::map<std::string, std::string> fields;
                for (std::size_t i = 0; i < body.size(); ++i) {
                  auto one = EvaluateOne(aids, body[i], fmt::format("[{}].", i));
                  if (one) {
                    out.push_back(std::move(*one));
                  } else if (one.error().code == ErrorCode::kInvalidArgument) {
                    fields.merge(one.error().fields);
                  } else {
                    return ErrorResponse(request, templates, one.error());
                  }
                }
                if (!fields.empty()) return BadRequest(request, kInvalid, fields);
                return Json(200, out.dump());
              },
              /*csrf=*/false};
  router.Add(std::move(route));
}

}  // namespace maplace::web
