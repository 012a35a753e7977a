// Administration of the aids rules: the uncertain values (rules/parameters.toml) an
// administrator may change, each with its source; every change is audited.
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "core/date.h"
#include "core/time_format.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/routes.h"

namespace maplace::web {

namespace {

// "12,31 €", "5,8 %", "niveau 8", "oui", "31/12/2026"
std::string ShowValue(const aids::Parameter& parameter, double value) {
  if (parameter.unit == "yes-no") return value != 0 ? "oui" : "non";
  if (parameter.unit == "level") return fmt::format("niveau {}", value);
  if (parameter.unit == "date") {
    auto number = static_cast<long>(value);
    return fmt::format("{:02}/{:02}/{:04}", number % 100, number / 100 % 100, number / 10000);
  }
  std::string text = fmt::format("{}", value);
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  if (parameter.unit == "euros") return text + " €";
  if (parameter.unit == "percent") return text + " %";
  return text;
}

// What the form field holds: "12.31", or "2026-12-31" for a date.
std::string FieldValue(const aids::Parameter& parameter, double value) {
  if (parameter.unit == "date") {
    auto number = static_cast<long>(value);
    return fmt::format("{:04}-{:02}-{:02}", number / 10000, number / 100 % 100, number % 100);
  }
  return fmt::format("{}", value);
}

// The typed value back as a number; nullopt when it is not one.
std::optional<double> ParseValue(const aids::Parameter& parameter, std::string text) {
  if (parameter.unit == "date") {
    auto date = ParseIsoDate(text);
    if (!date) return std::nullopt;
    return static_cast<int>(date->year()) * 10000.0 + static_cast<unsigned>(date->month()) * 100.0 +
           static_cast<unsigned>(date->day());
  }
  for (char& c : text) {
    if (c == ',') c = '.';
  }
  if (text.empty() || text.size() > 30) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

void Describe(ctemplate::TemplateDictionary& row, const aids::ParameterView& view) {
  const aids::Parameter& p = view.parameter;
  row.SetValue("NAME", p.name);
  row.SetValue("LABEL", p.label);
  row.SetValue("VALUE", ShowValue(p, p.value));
  row.SetValue("DEFAULT", ShowValue(p, p.default_value));
  row.SetValue("SOURCE", p.source);
  row.SetValue("WHERE", p.where);
  if (view.changed) {
    auto* changed = row.AddSectionDictionary("CHANGED");
    changed->SetValue("WHEN", FormatFrenchDateTime(view.changed->changed_at));
    changed->SetValue("REASON", view.changed->reason);
  }
}

Response ParameterPage(Request& request, const WebServices& services,
                       const aids::ParameterView& view, const Error* error, int status) {
  Page page(request, view.parameter.label, "pages/admin_rule.tpl");
  page.Form();
  Describe(page.dict(), view);
  const bool yes_no = view.parameter.unit == "yes-no";
  const std::string hint = view.parameter.unit == "date"      ? "Une date."
                           : yes_no                           ? "1 pour oui, 0 pour non."
                           : view.parameter.unit == "euros"   ? "En euros, par exemple 12,31."
                           : view.parameter.unit == "percent" ? "En pourcentage, par exemple 5,8."
                                                              : "Un nombre.";
  page.TextField(
      "VALUE_FIELD", "value", "Nouvelle valeur", view.parameter.unit == "date" ? "date" : "text",
      error != nullptr ? request.Form("value") : FieldValue(view.parameter, view.parameter.value),
      "off", hint);
  page.TextField("REASON_FIELD", "reason", "Pourquoi (texte, décision, date de publication)",
                 "text", error != nullptr ? request.Form("reason") : "", "off");
  if (error != nullptr) page.Errors(*error);
  return page.Render(services.templates, status);
}

}  // namespace

void AddRulesPages(Router& router, const WebServices& services) {
  const auto admins = Access::Roles({people::Role::kAdmin});
  router.Get("/admin/regles", admins, [&services](Request& request) {
    auto views = services.aids.Parameters();
    if (!views) return ErrorResponse(request, services.templates, views.error());
    Page page(request, "Règles des aides", "pages/admin_rules.tpl");
    if (request.Query("info") == "modifie")
      page.Notice("success", "La valeur est en vigueur pour les simulations.");
    if (request.Query("info") == "retabli")
      page.Notice("success", "La valeur du fichier de règles s'applique de nouveau.");
    for (const auto& view : *views) Describe(*page.dict().AddSectionDictionary("PARAMETER"), view);
    return page.Render(services.templates);
  });
  router.Get("/admin/regles/:name", admins, [&services](Request& request) {
    auto view = services.aids.FindParameter(request.Param("name"));
    if (!view) return ErrorResponse(request, services.templates, view.error());
    return ParameterPage(request, services, *view, nullptr, 200);
  });
  router.Post("/admin/regles/:name", admins, [&services](Request& request) {
    auto view = services.aids.FindParameter(request.Param("name"));
    if (!view) return ErrorResponse(request, services.templates, view.error());
    auto value = ParseValue(view->parameter, request.Form("value"));
    Status done = value
                      ? services.aids.SetParameter(*request.actor, view->parameter.name, *value,
                                                   request.Form("reason"), request.client_address)
                      : Status(FailFields("not a number",
                                          {{"value", "Saisissez un nombre, par exemple 12,31."}}));
    if (!done) {
      if (done.error().fields.empty())
        return ErrorResponse(request, services.templates, done.error());
      return ParameterPage(request, services, *view, &done.error(), 422);
    }
    return Redirect("/admin/regles?info=modifie");
  });
  router.Post("/admin/regles/:name/retablir", admins, [&services](Request& request) {
    auto done =
        services.aids.ResetParameter(*request.actor, request.Param("name"), request.client_address);
    if (!done) return ErrorResponse(request, services.templates, done.error());
    return Redirect("/admin/regles?info=retabli");
  });
}

}  // namespace maplace::web
