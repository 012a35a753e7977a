#pragma once

#include <cstdint>
#include <map>
#include <memory>

#include "domain/young_people/young_people_repository.h"

namespace maplace::fakes {

// The young people's profiles, favourites and saved searches of an InMemoryStore: copied
// whole to roll a transaction back.
struct YoungPeopleState {
  std::map<std::int64_t, young_people::Profile> profiles;  // by user id
  std::map<std::int64_t, young_people::Favourite> favourites;
  std::map<std::int64_t, young_people::SavedSearch> searches;
  std::int64_t next_id = 1;
};

std::unique_ptr<young_people::YoungPeopleRepository> MakeInMemoryYoungPeople(
    YoungPeopleState& state);

}  // namespace maplace::fakes
