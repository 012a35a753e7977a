// The register as XLSX, with the filters of the page (issue 8 §3, §7).
#include "core/xlsx.h"
#include "domain/contracts/contract_service.h"
#include "domain/crm/branches.h"

namespace maplace::contracts {

Result<std::string> ContractService::Export(const people::Actor& actor, ContractFilter filter) {
  filter.page = 1;
  filter.page_size = 0;  // every row
  auto page = List(actor, filter);
  if (!page) return Fail(page.error());
  xlsx::Sheet sheet{"Contrats",
                    {"N°",
                     "Type",
                     "Nom",
                     "Prénom",
                     "Naissance",
                     "Employeur",
                     "SIRET",
                     "CFA",
                     "UAI",
                     "RNCP",
                     "Certification",
                     "Niveau",
                     "Conclu le",
                     "Début",
                     "Fin",
                     "Maître d'apprentissage",
                     "Salaire 1re année",
                     "OPCO",
                     "État",
                     "Rupture",
                     "Initiative",
                     "Suite",
                     "Contrôles en échec"},
                    {}};
  for (const auto& row : page->rows) {
    const Contract& c = row.contract;
    xlsx::Cell broken = std::string();
    if (c.broken_on) broken = *c.broken_on;
    xlsx::Cell pay = std::string();
    if (!c.pay_cents.empty()) pay = xlsx::Euros{c.pay_cents.front()};
    sheet.rows.push_back({std::int64_t{c.id},
                          std::string(KindLabel(c.kind)),
                          row.apprentice.last_name,
                          row.apprentice.first_name,
                          row.apprentice.birth_date,
                          row.employer_name,
                          row.employer_siret,
                          row.cfa_name,
                          row.cfa_uai,
                          c.rncp_code,
                          c.certification_title,
                          std::int64_t{c.level},
                          c.concluded_on,
                          c.starts_on,
                          c.ends_on,
                          c.tutor_name,
                          pay,
                          std::string(c.opco.empty() ? "" : crm::OpcoLabel(c.opco)),
                          std::string(StateLabel(c.state)),
                          broken,
                          std::string(InitiativeLabel(c.break_initiative)),
                          std::string(AfterBreakLabel(c.after_break)),
                          std::int64_t{c.FailedChecks()}});
  }
  return xlsx::Write({sheet}, clock_.Now());
}

}  // namespace maplace::contracts
