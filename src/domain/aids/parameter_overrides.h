#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/aids/aids_repository.h"
#include "domain/store.h"

namespace maplace::aids {

// The audit action of a change of override; its subject is "aid_parameter:<name>".
inline constexpr char kParameterSetAction[] = "aid_parameter.set";
inline constexpr char kParameterRemovedAction[] = "aid_parameter.removed";

// Sets an override and appends its audit event, in the caller's transaction (inside
// Store::Write). kInvalidArgument (Error::fields names "name", "value" or "reason") when the name
// is not a parameter name ([a-z0-9_.-], at most 100 bytes), the value is not finite or the reason
// is empty. Whether the name is one the rules know is the caller's check (it holds the rules).
Status SetParameterOverride(Repositories& repos, const ParameterOverride& value,
                            std::string_view client_address);
// Removes an override and appends its audit event. kNotFound when there is none.
Status RemoveParameterOverride(Repositories& repos, std::string_view name,
                               std::int64_t actor_user_id, UnixSeconds now,
                               std::string_view client_address);

// The overrides as LoadRules() takes them: name -> value.
std::map<std::string, double> OverrideValues(const std::vector<ParameterOverride>& overrides);

}  // namespace maplace::aids
