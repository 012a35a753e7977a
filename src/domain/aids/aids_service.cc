#include "domain/aids/aids_service.h"

#include <fmt/format.h>

#include <cmath>

#include "domain/aids/parameter_overrides.h"

namespace maplace::aids {

namespace {

Result<std::vector<ParameterOverride>> StoredOverrides(Store& store) {
  std::vector<ParameterOverride> overrides;
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto found = repos.aids().ParameterOverrides();
    if (!found) return Fail(found.error());
    overrides = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return overrides;
}

}  // namespace

Result<std::unique_ptr<AidsService>> AidsService::Open(std::vector<RulesFile> files, Store& store,
                                                       const Clock& clock) {
  auto overrides = StoredOverrides(store);
  if (!overrides) return Fail(overrides.error());
  auto rules = LoadRules(files, OverrideValues(*overrides));
  if (!rules) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("aids rules: {}", rules.error().message));
  }
  return std::unique_ptr<AidsService>(
      new AidsService(std::move(files), std::move(*rules), store, clock));
}

Result<std::vector<ParameterView>> AidsService::Parameters() const {
  std::vector<ParameterView> views;
  const auto current = rules();
  std::map<std::string, ParameterOverride> changed;
  if (store_ != nullptr) {
    auto overrides = StoredOverrides(*store_);
    if (!overrides) return Fail(overrides.error());
    for (auto& value : *overrides) changed.emplace(value.name, std::move(value));
  }
  for (const auto& [name, parameter] : current->parameters) {
    ParameterView view{parameter, std::nullopt};
    if (auto found = changed.find(name); found != changed.end()) view.changed = found->second;
    views.push_back(std::move(view));
  }
  return views;
}

Result<ParameterView> AidsService::FindParameter(const std::string& name) const {
  auto views = Parameters();
  if (!views) return Fail(views.error());
  for (auto& view : *views) {
    if (view.parameter.name == name) return std::move(view);
  }
  return Fail(ErrorCode::kNotFound, fmt::format("no parameter '{}'", name));
}

Status AidsService::CheckAdministrator(const people::Actor& actor) const {
  if (actor.role != people::Role::kAdmin)
    return Fail(ErrorCode::kPermissionDenied, "only administrators change the aids rules");
  if (store_ == nullptr)
    return Fail(ErrorCode::kFailedPrecondition, "these rules are not kept in a store");
  return Ok();
}

Status AidsService::Change(const std::map<std::string, double>& overrides,
                           const std::function<Status(Repositories&)>& write) {
  auto rules = LoadRules(files_, overrides);
  if (!rules) {
    return FailFields(
        rules.error().message,
        {{"value", "Cette valeur est refusée par les règles : " + rules.error().message}});
  }
  if (auto written = store_->Write(write); !written) return written;
  auto next = std::make_shared<const Rules>(std::move(*rules));
  std::lock_guard lock(mutex_);
  rules_ = std::move(next);
  return Ok();
}

Status AidsService::SetParameter(const people::Actor& actor, const std::string& name, double value,
                                 const std::string& reason, const std::string& client_address) {
  if (auto allowed = CheckAdministrator(actor); !allowed) return allowed;
  std::lock_guard change(change_mutex_);
  const auto current = rules();
  auto parameter = current->parameters.find(name);
  if (parameter == current->parameters.end())
    return Fail(ErrorCode::kNotFound, fmt::format("no parameter '{}'", name));
  std::map<std::string, std::string> fields;
  if (!std::isfinite(value)) fields["value"] = "Saisissez un nombre.";
  if (parameter->second.unit == "yes-no" && value != 0 && value != 1)
    fields["value"] = "Saisissez 1 (oui) ou 0 (non).";
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    fields["reason"] = "Dites pourquoi la valeur change (par exemple le texte qui la fixe).";
  else if (reason.size() > 1000)
    fields["reason"] = "1 000 caractères au plus.";
  if (!fields.empty()) return FailFields("invalid parameter change", std::move(fields));

  auto overrides = StoredOverrides(*store_);
  if (!overrides) return Fail(overrides.error());
  auto values = OverrideValues(*overrides);
  values[name] = value;
  ParameterOverride change_row{name, value, reason, actor.user_id, clock_->Now()};
  return Change(values, [&](Repositories& repos) {
    return SetParameterOverride(repos, change_row, client_address);
  });
}

Status AidsService::ResetParameter(const people::Actor& actor, const std::string& name,
                                   const std::string& client_address) {
  if (auto allowed = CheckAdministrator(actor); !allowed) return allowed;
  std::lock_guard change(change_mutex_);
  auto overrides = StoredOverrides(*store_);
  if (!overrides) return Fail(overrides.error());
  auto values = OverrideValues(*overrides);
  if (values.erase(name) == 0)
    return Fail(ErrorCode::kNotFound, fmt::format("parameter '{}' was not changed", name));
  return Change(values, [&](Repositories& repos) {
    return RemoveParameterOverride(repos, name, actor.user_id, clock_->Now(), client_address);
  });
}

}  // namespace maplace::aids
