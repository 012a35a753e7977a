#pragma once

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "domain/aids/evaluation.h"
#include "domain/aids/situation.h"

namespace maplace::aids {

// The JSON of `maplace simulate` and POST /api/v1/simulate (docs/openapi.yaml, "Situation").
// kInvalidArgument naming each faulty field ("contract.starts_on") with a French message.
Result<Situation> SituationFromJson(const nlohmann::json& json);
nlohmann::json SituationToJson(const Situation& situation);
nlohmann::json EvaluationToJson(const Evaluation& evaluation);

}  // namespace maplace::aids
