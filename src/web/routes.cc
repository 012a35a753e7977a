#include "web/routes.h"

namespace maplace::web {

Router MakeRouter(const WebServices& services) {
  Router router;
  AddPublicPages(router, services);
  AddAccountPages(router, services);
  AddOrganisationPages(router, services);
  AddAdminPages(router, services);
  AddJobPages(router, services);
  AddApi(router, services);
  return router;
}

}  // namespace maplace::web
