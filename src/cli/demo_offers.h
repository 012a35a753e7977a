#pragma once

#include "core/clock.h"
#include "core/error.h"
#include "domain/offers/offer_service.h"
#include "domain/store.h"

namespace maplace::cli {

// Publishes a few plainly fictitious offers of the demo employer, once (nothing when it has
// offers already, or when the jobs and communes they name are not imported yet: run `maplace
// demo` again after `maplace import-all`). Returns how many it created.
Result<int> CreateDemoOffers(Store& store, offers::OfferService& offers);

}  // namespace maplace::cli
