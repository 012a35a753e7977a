#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "domain/people/session.h"
#include "domain/store.h"
#include "domain/young_people/young_person.h"

namespace maplace::young_people {

struct YoungPeopleSettings {
  std::string public_url = "http://127.0.0.1:8080";
  int max_searches = 20;
  int max_favourites = 200;
};

// A favourite with what « Mes favoris » shows of it. A favourite whose offer closed, expired
// or disappeared stays listed, marked so (available = false).
struct FavouriteView {
  Favourite favourite;
  std::string title;
  std::string subtitle;  // the employer or the CFA
  std::string url;       // "/offres/12", "/formations/3"
  bool available = true;
  std::string state;  // French, when not available: « Expirée », « Pourvue », « Retirée »…
};

// What an employer may see of a young person's profile (never the date of birth; never a
// minor's phone).
struct EmployerView {
  std::string display_name;
  std::string wishes;
  std::string rome_code;
  int level = 0;
  std::string commune_code;
  int mobility_km = 0;
  std::string phone;
};

// One saved search's part of a daily digest: the new offers it finds.
struct DigestOffer {
  std::string title;
  std::string subtitle;  // the employer
  std::string commune;
  std::string url;  // path: "/offres/12"
};
struct DigestSection {
  SavedSearch search;  // as read before the digest (its last_digest_at is checked again)
  std::vector<DigestOffer> offers;  // may be empty: the search is marked digested anyway
};

// The young person's space (issue 4 §3): profile, favourites, saved searches and the pieces
// of their daily e-mail alerts. README.md states who may see a profile. Thread-safe; keeps
// references to its arguments.
class YoungPeopleService {
 public:
  YoungPeopleService(Store& store, const Clock& clock, YoungPeopleSettings settings);

  void SetPublicUrl(std::string url) { settings_.public_url = std::move(url); }
  // The key the unsubscribe links are signed with (the platform's secret); set before use.
  void SetSigningKey(const std::string& secret);

  // kInvalidArgument with a French message per field.
  static Status CheckProfile(const ProfileInput& input, Date today);
  Status SaveProfile(const people::Actor& actor, const ProfileInput& input);
  Result<std::optional<Profile>> MyProfile(const people::Actor& actor);
  // The young person's profile as `employer` may see it: only when the young person applied
  // to the employer's organisation and made the profile visible; kNotFound otherwise.
  Result<EmployerView> ForEmployer(const people::Actor& employer, std::int64_t young_person_id);

  // A published offer or training; kNotFound otherwise, kAlreadyExists when kept already.
  Status AddFavourite(const people::Actor& actor, FavouriteKind kind, std::int64_t target_id);
  Status RemoveFavourite(const people::Actor& actor, FavouriteKind kind, std::int64_t target_id);
  Result<std::vector<FavouriteView>> Favourites(const people::Actor& actor);
  Result<std::set<std::pair<FavouriteKind, std::int64_t>>> FavouriteKeys(
      const people::Actor& actor);

  // `query` is the search's query string, already checked by the search page.
  Result<std::int64_t> SaveSearch(const people::Actor& actor, const std::string& name,
                                  const std::string& query, bool alerts);
  Result<std::vector<SavedSearch>> Searches(const people::Actor& actor);
  Status SetAlerts(const people::Actor& actor, std::int64_t search_id, bool on);
  Status DeleteSearch(const people::Actor& actor, std::int64_t search_id);

  // The daily digest's pieces (app/saved_search_digest runs the searches).
  Result<std::vector<SavedSearch>> AlertSearches();
  // Marks the sections' searches digested at `at` and, when any offer is new, queues one
  // French mail to their owner, all in one transaction. A search changed meanwhile (digested
  // by another run, alerts turned off, deleted) is left out. Returns whether a mail was queued.
  Result<bool> RecordDigest(std::int64_t owner_id, const std::vector<DigestSection>& sections,
                            UnixSeconds at);
  // The one-click link of the mails: turns off every alert of its person. No login needed.
  std::string UnsubscribeToken(std::int64_t user_id) const;
  // The number of searches whose alerts were turned off; kInvalidArgument for a bad token.
  Result<int> Unsubscribe(const std::string& token);

 private:
  Store& store_;
  const Clock& clock_;
  YoungPeopleSettings settings_;
  std::string signing_key_;
};

}  // namespace maplace::young_people
