// « Les métiers qui recrutent », the job sheets, the employment areas and the data sources.
#include "web/routes.h"

namespace maplace::web {

void AddJobPages(Router&, const WebServices&) {}

}  // namespace maplace::web
