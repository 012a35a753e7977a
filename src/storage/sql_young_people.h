#pragma once

#include <memory>

#include "domain/young_people/young_people_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// Young people's profiles, favourites and saved searches (migration 0015).
std::unique_ptr<young_people::YoungPeopleRepository> MakeSqlYoungPeople(soci::session& sql);

}  // namespace maplace::storage
