#include "web/page.h"

#include <fmt/format.h>

#include "domain/people/role.h"

namespace maplace::web {
namespace {

using people::Role;

struct NavLink {
  const char* href;
  const char* label;
};

std::vector<NavLink> NavFor(const std::optional<people::Actor>& actor) {
  std::vector<NavLink> links = {
      {"/", "Accueil"}, {"/metiers", "Métiers qui recrutent"}, {"/simulateurs", "Simulateurs"}};
  if (!actor) {
    links.push_back({"/connexion", "Se connecter"});
    links.push_back({"/inscription", "Créer un compte"});
    return links;
  }
  links.push_back({"/espace", "Mon espace"});
  if (actor->role == Role::kEmployer) links.push_back({"/employeur/offres", "Mes offres"});
  if (actor->role == Role::kEmployer) links.push_back({"/employeur/candidatures", "Candidatures"});
  if (actor->role == Role::kYoungPerson) links.push_back({"/mes-candidatures", "Mes candidatures"});
  if (actor->role == Role::kYoungPerson) links.push_back({"/mes-messages", "Mes messages"});
  if (actor->role == Role::kYoungPerson) {
    links.push_back({"/mon-profil", "Mon profil"});
    links.push_back({"/mes-favoris", "Mes favoris"});
    links.push_back({"/mes-recherches", "Mes recherches"});
  }
  if (actor->role == Role::kCfa) links.push_back({"/cfa/formations", "Mes formations"});
  if (actor->role == Role::kCfa) links.push_back({"/cfa/demandes", "Demandes"});
  if (actor->role == Role::kEmployer || actor->role == Role::kCfa)
    links.push_back({"/organisation", "Mon organisation"});
  if (actor->role == Role::kEmployer || actor->role == Role::kCfa)
    links.push_back({"/ateliers", "Ateliers"});
  if (actor->role == Role::kAdvisor || actor->role == Role::kManager || actor->role == Role::kAdmin)
    links.push_back({"/conseil/organisations", "Organisations"});
  if (people::IsStaff(actor->role)) links.push_back({"/conseil/ma-semaine", "Ma semaine"});
  if (actor->role == Role::kAdvisor || actor->role == Role::kManager ||
      actor->role == Role::kAdmin) {
    links.push_back({"/conseil/ateliers", "Ateliers"});
    links.push_back({"/conseil/poec", "POEC"});
  }
  if (actor->role == Role::kAdvisor || actor->role == Role::kManager ||
      actor->role == Role::kFinance) {
    links.push_back({"/conseil/demandes", "Demandes d'aide"});
    if (actor->role == Role::kFinance) links.push_back({"/finance/paiements", "Paiements"});
    links.push_back({"/budgets", "Budgets"});
  }
  if (actor->role == Role::kAdmin) {
    links.push_back({"/admin/utilisateurs", "Utilisateurs"});
    links.push_back({"/admin/courriels", "Courriels"});
    links.push_back({"/admin/regles", "Règles des aides"});
  }
  links.push_back({"/compte", "Mon compte"});
  return links;
}

}  // namespace

Page::Page(const Request& request, std::string title, std::string content_template)
    : request_(request),
      title_(std::move(title)),
      content_template_(std::move(content_template)),
      content_(std::make_unique<ctemplate::TemplateDictionary>("content")),
      layout_(std::make_unique<ctemplate::TemplateDictionary>("layout")) {
  // Values both the layout and the content may use.
  for (auto* dict : {content_.get(), layout_.get()}) {
    if (request.actor) {
      dict->SetValue("CSRF", request.CsrfToken());
      dict->ShowSection("SIGNED_IN");
      dict->SetValue("USER_NAME", request.actor->display_name);
      dict->SetValue("USER_ROLE", std::string(people::RoleLabel(request.actor->role)));
      if (request.actor->is_demo) dict->ShowSection("DEMO");
    } else {
      dict->ShowSection("ANONYMOUS");
    }
  }
  layout_->SetValue("TITLE", title_);
  for (const auto& link : NavFor(request.actor)) {
    auto* nav = layout_->AddSectionDictionary("NAV");
    nav->SetValue("HREF", link.href);
    nav->SetValue("LABEL", link.label);
    if (request.path == link.href) nav->ShowSection("CURRENT");
  }
}

Page& Page::Form() {
  content_->SetValue("CSRF", request_.CsrfToken());
  return *this;
}

Page& Page::Set(std::string_view name, std::string_view value) {
  content_->SetValue(std::string(name), std::string(value));
  return *this;
}

Page& Page::Show(std::string_view section) {
  content_->ShowSection(std::string(section));
  return *this;
}

Page& Page::Notice(std::string_view kind, std::string_view text) {
  auto* notice = layout_->AddSectionDictionary("NOTICE");
  notice->SetValue("KIND", std::string(kind));
  notice->SetValue("TEXT", std::string(text));
  return *this;
}

Page& Page::TextField(std::string_view include, std::string_view id, std::string_view label,
                      std::string_view type, std::string_view value, std::string_view autocomplete,
                      std::string_view hint) {
  auto* field = content_->AddIncludeDictionary(std::string(include));
  field->SetFilename("partials/text_field.tpl");
  field->SetValue("ID", std::string(id));
  field->SetValue("LABEL", std::string(label));
  field->SetValue("TYPE", std::string(type));
  field->SetValue("VALUE", std::string(value));
  field->SetValue("AUTOCOMPLETE", std::string(autocomplete));
  if (!hint.empty()) field->SetValueAndShowSection("TEXT", std::string(hint), "HINT");
  auto error = field_errors_.find(std::string(id));
  if (error != field_errors_.end())
    field->SetValueAndShowSection("MESSAGE", error->second, "INVALID");
  if (!hint.empty() || error != field_errors_.end()) field->ShowSection("DESCRIBED");
  return *this;
}

Page& Page::PasswordField(std::string_view id, std::string_view label,
                          std::string_view autocomplete, bool new_password) {
  auto* field = content_->AddIncludeDictionary("PASSWORD_FIELD");
  field->SetFilename("partials/password_field.tpl");
  field->SetValue("ID", std::string(id));
  field->SetValue("LABEL", std::string(label));
  field->SetValue("AUTOCOMPLETE", std::string(autocomplete));
  if (new_password) field->ShowSection("NEW");
  auto error = field_errors_.find(std::string(id));
  if (error != field_errors_.end())
    field->SetValueAndShowSection("MESSAGE", error->second, "INVALID");
  return *this;
}

Page& Page::Errors(const Error& error) {
  field_errors_ = error.fields;
  field_errors_.erase("retry_after");
  if (field_errors_.empty()) return *this;
  auto* box = content_->AddIncludeDictionary("FORM_ERRORS");
  box->SetFilename("partials/form_errors.tpl");
  auto* section = box->AddSectionDictionary("FORM_ERRORS");
  section->SetValue("COUNT_TEXT", field_errors_.size() == 1
                                      ? std::string("Il y a 1 erreur")
                                      : fmt::format("Il y a {} erreurs", field_errors_.size()));
  for (const auto& [field, message] : field_errors_) {
    auto* item = section->AddSectionDictionary("ERROR");
    // "token" errors concern the link itself, not a field: point at the form's start.
    item->SetValue("FIELD", field == "token" ? "contenu" : field);
    item->SetValue("MESSAGE", message);
  }
  return *this;
}

Response Page::Render(const Templates& templates, int status) {
  layout_->SetValue("CONTENT", templates.Expand(content_template_, *content_));
  Response response;
  response.status = status;
  response.body = templates.Expand("layout.tpl", *layout_);
  return response;
}

}  // namespace maplace::web
