#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "domain/reference/dataset.h"
#include "domain/trainings/training_repository.h"

namespace maplace::fakes {

// The trainings of an InMemoryStore: copied whole to roll a transaction back.
struct TrainingsState {
  std::map<std::int64_t, trainings::Training> trainings;
  std::int64_t next_id = 1;
};

// Certifications are read from the `certifications` and `certification_rome` reference tables a
// test filled (columns as in reference/tables.h).
std::unique_ptr<trainings::TrainingRepository> MakeInMemoryTrainings(
    TrainingsState& state,
    const std::map<std::string, std::map<std::string, reference::Row>>& reference_tables);

}  // namespace maplace::fakes
