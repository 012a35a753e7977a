#include "domain/aids/parameter_overrides.h"

#include <cmath>

#include "core/text.h"

namespace maplace::aids {
namespace {

bool IsParameterName(std::string_view name) {
  if (name.empty() || name.size() > 100) return false;
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

Status Audit(Repositories& repos, const char* action, std::string_view name, std::int64_t actor,
             UnixSeconds at, std::string_view client_address) {
  return repos.audit().Record(audit::AuditEvent{0, at, actor, action,
                                                "aid_parameter:" + std::string(name),
                                                text::SingleLine(client_address)});
}

}  // namespace

Status SetParameterOverride(Repositories& repos, const ParameterOverride& value,
                            std::string_view client_address) {
  Error invalid{ErrorCode::kInvalidArgument, "invalid parameter override", {}};
  if (!IsParameterName(value.name)) invalid.fields["name"] = "Nom de paramètre invalide.";
  if (!std::isfinite(value.value)) invalid.fields["value"] = "La valeur doit être un nombre.";
  if (text::Trim(value.reason).empty())
    invalid.fields["reason"] = "Indiquez la raison du changement.";
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  if (auto s = repos.aids().SetParameterOverride(value); !s) return s;
  return Audit(repos, kParameterSetAction, value.name, value.changed_by, value.changed_at,
               client_address);
}

Status RemoveParameterOverride(Repositories& repos, std::string_view name,
                               std::int64_t actor_user_id, UnixSeconds now,
                               std::string_view client_address) {
  if (auto s = repos.aids().RemoveParameterOverride(name); !s) return s;
  return Audit(repos, kParameterRemovedAction, name, actor_user_id, now, client_address);
}

std::map<std::string, double> OverrideValues(const std::vector<ParameterOverride>& overrides) {
  std::map<std::string, double> values;
  for (const auto& o : overrides) values[o.name] = o.value;
  return values;
}

}  // namespace maplace::aids
