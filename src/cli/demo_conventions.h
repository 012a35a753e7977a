#pragma once

#include "core/clock.h"
#include "core/error.h"
#include "domain/conventions/convention_service.h"
#include "domain/store.h"

namespace maplace::cli {

// The demo's partner convention (issue 8 §6): the fictitious mobility agency's convention on
// mobility in alternance (LADOM's, in real life) for this year, funding the demo's mobility
// envelope, with its schedule (the first instalment received) and three counterpart commitments
// at different stages. Once: false when a convention exists already, or when the demo manager,
// advisor, partner or envelope is missing (run after the demo's aids and CRM).
Result<bool> CreateDemoConventions(Store& store, conventions::ConventionService& conventions,
                                   UnixSeconds now);

}  // namespace maplace::cli
