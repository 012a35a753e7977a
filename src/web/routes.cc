#include "web/routes.h"

namespace maplace::web {

Router MakeRouter(const WebServices& services) {
  Router router;
  AddPublicPages(router, services);
  AddAccountPages(router, services);
  AddOrganisationPages(router, services);
  AddAdminPages(router, services);
  AddRulesPages(router, services);
  AddJobPages(router, services);
  AddSimulatorPages(router, services);
  AddRequestPages(router, services);
  AddStaffRequestPages(router, services);
  AddFinancePages(router, services);
  AddBudgetPages(router, services);
  AddEmployerPages(router, services);
  AddApplicationPages(router, services);
  AddTrainingPages(router, services);
  AddSearchPages(router, services);
  AddSteeringPages(router, services);
  AddReviewPages(router, services);
  AddRelayPages(router, services);
  AddCrmPages(router, services);
  AddContractPages(router, services);
  AddConventionPages(router, services);
  AddEnquiryPages(router, services);
  AddCfaPartnerPages(router, services);
  AddWorkshopPages(router, services);
  AddPoecPages(router, services);
  AddYoungPages(router, services);
  AddApi(router, services);
  AddSimulateApi(router, services);
  return router;
}

}  // namespace maplace::web
