#pragma once

#include "core/clock.h"
#include "core/error.h"
#include "domain/store.h"
#include "domain/trainings/training_service.h"

namespace maplace::cli {

// Publishes a few plainly fictitious trainings of the demo CFA, once (nothing when it has
// trainings already, or when the jobs and communes they name are not imported yet: run
// `maplace demo` again after `maplace import-all`). Start dates are the next September and
// January after `now`. Returns how many it created.
Result<int> CreateDemoTrainings(Store& store, trainings::TrainingService& trainings,
                                UnixSeconds now);

}  // namespace maplace::cli
