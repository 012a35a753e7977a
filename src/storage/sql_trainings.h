#pragma once

#include <memory>

#include "domain/trainings/training_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The CFAs' trainings (migration 0013) and the reference certifications they name.
std::unique_ptr<trainings::TrainingRepository> MakeSqlTrainings(soci::session& sql);

}  // namespace maplace::storage
