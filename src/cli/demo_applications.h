#pragma once

#include "core/clock.h"
#include "core/error.h"
#include "domain/offers/offer_service.h"
#include "domain/store.h"

namespace maplace::cli {

// The demo's applications (issue 4 §3, issue 5 §3), so that the employer's inbox, « Mes
// candidatures » and the steering's funnel, response time and hires in tension jobs (issue 9)
// show figures: thirty plainly fictitious young people (demo accounts that cannot sign in) apply
// to the demo employer's offers across last year and this year (Martinique time, up to `now`),
// and the recruiter answers at realistic delays — interviews, refusals, hires — some never, the
// latest not yet. The demo young person has two applications of their own, none to a welding
// offer (the browser test applies to one). Written with the stored dates, in one transaction,
// without mails. Once (nothing when the demo applicants exist, or before the demo offers: run
// `maplace demo` again after the imports). Returns how many applications it wrote.
Result<int> CreateDemoApplications(Store& store, offers::OfferService& offers, UnixSeconds now);

}  // namespace maplace::cli
