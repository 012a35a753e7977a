#pragma once

#include "core/clock.h"
#include "core/error.h"
#include "domain/crm/crm_service.h"
#include "domain/store.h"

namespace maplace::cli {

// The advisors' back office of the demo (issue 8): a few plainly fictitious companies and
// partners with contacts, in the demo advisor's portfolio, and visits and calls whose next
// actions fall overdue, this week and later, so that « Ma semaine » shows something. Once
// (nothing when the demo advisor has logged interactions already, or has no account yet).
// Returns how many interactions it logged.
Result<int> CreateDemoCrm(Store& store, crm::CrmService& crm, UnixSeconds now);

}  // namespace maplace::cli
