#pragma once

#include "core/clock.h"
#include "core/error.h"
#include "domain/poec/poec_service.h"
#include "domain/store.h"
#include "domain/workshops/workshop_service.h"

namespace maplace::cli {

// Plainly fictitious workshops and POEC data (issue 8 §4, §5), once (nothing when a workshop
// theme exists already): a theme; an upcoming session with the demo CFA's member registered;
// a past one with attendance and satisfaction answers; a POEC « Soudeurs (démo) » with a cohort
// of ten candidates, nine of them hired in eight companies. The demo CFA gets a commune (Le
// Lamentin) when it has none, so that invitations by employment area find it. Returns whether
// it created them.
Result<bool> CreateDemoWorkshops(Store& store, workshops::WorkshopService& workshops,
                                 poec::PoecService& poec, UnixSeconds now);

}  // namespace maplace::cli
