// Issue 5 §5: a CFA's partner companies (/cfa/partenaires), on its own space only: a validated
// employer of the platform found by name or SIRET, or a name and a SIRET (checked) for one not
// on it, with a note; removed in one click.
#include <fmt/format.h>

#include "domain/enquiries/enquiry_service.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"

namespace maplace::web {
namespace {

using people::Role;
using Dict = ctemplate::TemplateDictionary;

Response PartnersPage(const Request& request, const WebServices& services, const Error* error,
                      int status) {
  auto& service = *services.enquiries;
  auto partners = service.PartnersOf(*request.actor);
  if (!partners) return ErrorResponse(request, services.templates, partners.error());
  Page page(request, "Entreprises partenaires", "pages/cfa_partner_list.tpl");
  page.Form();
  const std::map<std::string, std::string> infos = {
      {"ajoutee", "L'entreprise est ajoutée à vos partenaires."},
      {"retiree", "L'entreprise est retirée de vos partenaires."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  Dict& d = page.dict();
  if (error) {
    page.Errors(*error);
    const std::map<std::string, std::string> sections = {
        {"name", "NAME_ERR"}, {"siret", "SIRET_ERR"}, {"note", "NOTE_ERR"}};
    for (const auto& [field, message] : error->fields)
      if (auto it = sections.find(field); it != sections.end())
        d.AddSectionDictionary(it->second)->SetValue("TEXT", message);
    // Typed again only for the form of a company not on the platform.
    if (request.Form("employer").empty()) {
      d.SetValue("NAME_VALUE", request.Form("name"));
      d.SetValue("SIRET_VALUE", request.Form("siret"));
      d.SetValue("NOTE_VALUE", request.Form("note"));
    }
  }
  if (partners->empty()) page.Show("NONE");
  for (const auto& p : *partners) {
    Dict* row = d.AddSectionDictionary("PARTNER");
    row->SetValue("ID", std::to_string(p.id));
    row->SetValue("CSRF", request.CsrfToken());
    row->SetValue("NAME", p.name);
    row->SetValue("SIRET", p.siret);
    if (p.employer_organisation_id) {
      row->SetValue("EMPLOYER_ID", std::to_string(p.employer_organisation_id));
      row->ShowSection("ON_PLATFORM");
    } else {
      row->ShowSection("OFF_PLATFORM");
    }
    if (!p.note.empty()) row->SetValueAndShowSection("NOTE", p.note, "HAS_NOTE");
  }
  const std::string query = request.Query("q");
  d.SetValue("QUERY", query);
  if (!query.empty()) {
    auto found = service.FindEmployers(*request.actor, query);
    if (!found) return ErrorResponse(request, services.templates, found.error());
    Dict* searched = d.AddSectionDictionary("SEARCHED");
    if (found->empty()) searched->ShowSection("NO_MATCH");
    for (const auto& o : *found) {
      Dict* match = searched->AddSectionDictionary("MATCH");
      match->SetValue("CSRF", request.CsrfToken());
      match->SetValue("EMPLOYER_ID", std::to_string(o.id));
      match->SetValue("NAME", o.name);
      match->SetValue("SIRET", o.siret);
    }
  }
  return page.Render(services.templates, status);
}

}  // namespace

void AddCfaPartnerPages(Router& router, const WebServices& services) {
  const auto cfa = Access::Roles({Role::kCfa});
  router.Get("/cfa/partenaires", cfa, [&services](Request& request) {
    return PartnersPage(request, services, nullptr, 200);
  });
  router.Post("/cfa/partenaires", cfa, [&services](Request& request) {
    enquiries::PartnerInput input;
    input.employer_organisation_id = ParseId(request.Form("employer")).value_or(0);
    input.name = request.Form("name");
    input.siret = request.Form("siret");
    input.note = request.Form("note");
    auto added = services.enquiries->AddPartner(*request.actor, input);
    if (added) return Redirect("/cfa/partenaires?info=ajoutee");
    const auto code = added.error().code;
    if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kAlreadyExists)
      return PartnersPage(request, services, &added.error(), HttpStatusFor(code));
    return ErrorResponse(request, services.templates, added.error());
  });
  router.Post("/cfa/partenaires/:id/retirer", cfa, [&services](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto done = services.enquiries->RemovePartner(*request.actor, *id);
    if (!done) return ErrorResponse(request, services.templates, done.error());
    return Redirect("/cfa/partenaires?info=retiree");
  });
}

}  // namespace maplace::web
