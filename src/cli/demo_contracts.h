#pragma once

#include <memory>

#include "core/clock.h"
#include "core/error.h"
#include "domain/aids/rules.h"
#include "domain/store.h"

namespace maplace::cli {

// The demo's register of contracts (issue 8 §3): three dozen plainly fictitious apprentices
// across the demo employers and CFAs, over the last three school years — some broken (with who
// broke them and what came next), some completed, some minors, some with a failing check — and
// the follow-up of a few (difficulties, risk of break, actions, a confidential note), in the
// demo advisor's care. Once (nothing when contracts exist, or without a demo advisor, employer
// or CFA). Returns how many contracts it wrote.
Result<int> CreateDemoContracts(Store& store, const aids::Rules& rules, UnixSeconds now);

}  // namespace maplace::cli
