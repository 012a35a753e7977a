// The XLSX exports of the CRM lists, with the filters of the page (issue 8 §7).
#include <fmt/format.h>

#include "core/xlsx.h"
#include "domain/crm/branches.h"
#include "domain/crm/crm_service.h"

namespace maplace::crm {

Result<std::string> CrmService::ExportOrganisations(const people::Actor& actor,
                                                    OrganisationFilter filter) {
  filter.page = 1;
  filter.page_size = 0;  // every row
  auto page = Organisations(actor, filter);
  if (!page) return Fail(page.error());
  xlsx::Sheet sheet{"Organisations",
                    {"N°", "Nom", "Type", "SIRET", "UAI", "Commune", "IDCC", "Branche", "OPCO",
                     "NAF", "Effectif", "Statut", "Conseiller"},
                    {}};
  for (const auto& row : page->rows) {
    const auto& o = row.organisation;
    sheet.rows.push_back(
        {std::int64_t{o.id}, o.name, std::string(people::OrganisationKindLabel(o.kind)), o.siret,
         o.uai, row.commune_name.empty() ? o.commune_code : row.commune_name, o.idcc, row.branch,
         std::string(row.opco.empty() ? "" : OpcoLabel(row.opco)), o.naf,
         std::string(people::HeadcountBandLabel(o.headcount)),
         std::string(people::OrganisationStatusLabel(o.status)), row.advisor_name});
  }
  return xlsx::Write({sheet}, clock_.Now());
}

Result<std::string> CrmService::ExportInteractions(const people::Actor& actor,
                                                   InteractionFilter filter) {
  filter.page = 1;
  filter.page_size = 0;
  auto page = Interactions(actor, filter);
  if (!page) return Fail(page.error());
  xlsx::Sheet sheet{"Échanges",
                    {"Date", "Type", "Organisation", "Jeune", "Conseiller", "Résumé",
                     "Action suivante", "Échéance", "Faite"},
                    {}};
  for (const auto& row : page->rows) {
    const auto& i = row.interaction;
    xlsx::Cell due = std::string();
    if (i.next_action_due) due = *i.next_action_due;
    sheet.rows.push_back(
        {i.occurred_on, std::string(InteractionKindLabel(i.kind)), row.organisation_name,
         row.young_person_name, row.advisor_name, i.summary, i.next_action, due,
         std::string(i.next_action.empty() ? "" : (i.next_action_done ? "oui" : "non"))});
  }
  return xlsx::Write({sheet}, clock_.Now());
}

}  // namespace maplace::crm
