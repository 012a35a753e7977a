#pragma once

#include <cstdint>
#include <vector>

#include "core/error.h"
#include "domain/young_people/young_person.h"

namespace maplace::young_people {

// Profiles, favourites and saved searches of young people (migration 0015).
class YoungPeopleRepository {
 public:
  virtual ~YoungPeopleRepository() = default;

  // Inserts or replaces the profile of profile.user_id.
  virtual Status SaveProfile(const Profile& profile) = 0;
  // kNotFound when the person has none yet.
  virtual Result<Profile> FindProfile(std::int64_t user_id) = 0;

  // kAlreadyExists when the owner already keeps this offer or training.
  virtual Result<std::int64_t> AddFavourite(const Favourite& favourite) = 0;
  // kNotFound when the owner does not keep it.
  virtual Status RemoveFavourite(std::int64_t owner_id, FavouriteKind kind,
                                 std::int64_t target_id) = 0;
  // Newest first.
  virtual Result<std::vector<Favourite>> ListFavourites(std::int64_t owner_id) = 0;

  virtual Result<std::int64_t> AddSearch(const SavedSearch& search) = 0;
  // Name, query, alerts and last_digest_at; kNotFound for an unknown id.
  virtual Status UpdateSearch(const SavedSearch& search) = 0;
  virtual Status DeleteSearch(std::int64_t id) = 0;
  virtual Result<SavedSearch> FindSearch(std::int64_t id) = 0;
  // Newest first.
  virtual Result<std::vector<SavedSearch>> ListSearches(std::int64_t owner_id) = 0;
  // Every search with alerts on, by owner then id.
  virtual Result<std::vector<SavedSearch>> ListAlertSearches() = 0;
};

}  // namespace maplace::young_people
