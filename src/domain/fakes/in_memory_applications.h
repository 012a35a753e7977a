#pragma once

#include <cstdint>
#include <map>
#include <memory>

#include "domain/applications/application_repository.h"

namespace maplace::fakes {

// The applications of an InMemoryStore: copied whole to roll a transaction back.
struct ApplicationsState {
  std::map<std::int64_t, applications::Application> applications;
  std::map<std::int64_t, applications::Reply> replies;
  std::map<std::int64_t, applications::CvDocument> cvs;
  std::int64_t next_id = 1;
};

std::unique_ptr<applications::ApplicationRepository> MakeInMemoryApplications(
    ApplicationsState& state);

}  // namespace maplace::fakes
