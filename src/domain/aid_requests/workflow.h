#pragma once

#include "core/error.h"
#include "domain/aid_requests/request.h"
#include "domain/people/session.h"

namespace maplace::aid_requests {

// The money rules the workflow enforces.
struct Policy {
  // Above this amount, a manager other than the instructor approves the decision.
  std::int64_t approval_threshold_cents = 150000;
};

// What an action does to a request when it is allowed.
struct Step {
  RequestState next;
  bool needs_manager_approval = false;  // kApprove above the threshold: the approver is recorded
};

// Whether `actor` may apply `action` to `request` now, and where it leads. Refusals are
// kFailedPrecondition (the state does not allow it) or kPermissionDenied (not this person:
// the four-eyes rules), with a French message. `amount_cents` is the instalment for
// kPayInstalment, otherwise ignored. Pure: the caller applies the step in one transaction,
// where the database checks the same separation of hands.
Result<Step> Check(const AidRequest& request, RequestAction action, const people::Actor& actor,
                   const Policy& policy, std::int64_t amount_cents = 0);

}  // namespace maplace::aid_requests
