#include "domain/fakes/in_memory_young_people.h"

#include <algorithm>

namespace maplace::fakes {
namespace {

using young_people::Favourite;
using young_people::FavouriteKind;
using young_people::Profile;
using young_people::SavedSearch;

class YoungPeople final : public young_people::YoungPeopleRepository {
 public:
  explicit YoungPeople(YoungPeopleState& s) : s_(s) {}

  Status SaveProfile(const Profile& profile) override {
    s_.profiles[profile.user_id] = profile;
    return Ok();
  }
  Result<Profile> FindProfile(std::int64_t user_id) override {
    auto it = s_.profiles.find(user_id);
    if (it == s_.profiles.end()) return Fail(ErrorCode::kNotFound, "no profile");
    return it->second;
  }
  Result<std::int64_t> AddFavourite(const Favourite& f) override {
    for (const auto& [id, other] : s_.favourites)
      if (other.owner_id == f.owner_id && other.kind == f.kind && other.target_id == f.target_id)
        return Fail(ErrorCode::kAlreadyExists, "favourite exists");
    Favourite copy = f;
    copy.id = s_.next_id++;
    s_.favourites[copy.id] = copy;
    return copy.id;
  }
  Status RemoveFavourite(std::int64_t owner_id, FavouriteKind kind,
                         std::int64_t target_id) override {
    auto erased = std::erase_if(s_.favourites, [&](const auto& e) {
      return e.second.owner_id == owner_id && e.second.kind == kind &&
             e.second.target_id == target_id;
    });
    if (erased == 0) return Fail(ErrorCode::kNotFound, "no such favourite");
    return Ok();
  }
  Result<std::vector<Favourite>> ListFavourites(std::int64_t owner_id) override {
    std::vector<Favourite> out;
    for (auto it = s_.favourites.rbegin(); it != s_.favourites.rend(); ++it)
      if (it->second.owner_id == owner_id) out.push_back(it->second);
    return out;
  }
  Result<std::int64_t> AddSearch(const SavedSearch& search) override {
    SavedSearch copy = search;
    copy.id = s_.next_id++;
    s_.searches[copy.id] = copy;
    return copy.id;
  }
  Status UpdateSearch(const SavedSearch& search) override {
    auto it = s_.searches.find(search.id);
    if (it == s_.searches.end()) return Fail(ErrorCode::kNotFound, "no such saved search");
    it->second.name = search.name;
    it->second.query = search.query;
    it->second.alerts = search.alerts;
    it->second.last_digest_at = search.last_digest_at;
    return Ok();
  }
  Status DeleteSearch(std::int64_t id) override {
    if (s_.searches.erase(id) == 0) return Fail(ErrorCode::kNotFound, "no such saved search");
    return Ok();
  }
  Result<SavedSearch> FindSearch(std::int64_t id) override {
    auto it = s_.searches.find(id);
    if (it == s_.searches.end()) return Fail(ErrorCode::kNotFound, "no such saved search");
    return it->second;
  }
  Result<std::vector<SavedSearch>> ListSearches(std::int64_t owner_id) override {
    std::vector<SavedSearch> out;
    for (auto it = s_.searches.rbegin(); it != s_.searches.rend(); ++it)
      if (it->second.owner_id == owner_id) out.push_back(it->second);
    return out;
  }
  Result<std::vector<SavedSearch>> ListAlertSearches() override {
    std::vector<SavedSearch> out;
    for (const auto& [id, s] : s_.searches)
      if (s.alerts) out.push_back(s);
    std::stable_sort(out.begin(), out.end(), [](const SavedSearch& a, const SavedSearch& b) {
      return a.owner_id < b.owner_id;
    });
    return out;
  }

 private:
  YoungPeopleState& s_;
};

}  // namespace

std::unique_ptr<young_people::YoungPeopleRepository> MakeInMemoryYoungPeople(
    YoungPeopleState& state) {
  return std::make_unique<YoungPeople>(state);
}

}  // namespace maplace::fakes
