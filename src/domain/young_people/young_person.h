#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/date.h"

namespace maplace::young_people {

// What a young person says of their search (issue 4 §3). Kept apart from the account: a
// person without a profile simply has none yet.
struct ProfileInput {
  std::string wishes;                 // free words: « cuisine, pâtisserie »
  std::string rome_code;              // optional, "G1602"
  std::string level;                  // "" (any) or "3".."8": the certification level aimed at
  std::string commune_text;           // what was typed, shown back on error
  std::string commune_code;           // INSEE code found for it by the page ("" when none)
  std::string mobility_km;            // 1..200
  std::string birth_date;             // ISO date
  std::string phone;                  // optional
  bool visible_to_employers = false;  // « Rendre mon profil visible des employeurs »
};

struct Profile {
  std::int64_t user_id = 0;
  std::string wishes;
  std::string rome_code;
  int level = 0;  // 0: any
  std::string commune_code;
  int mobility_km = 30;
  std::string birth_date;  // ISO
  std::string phone;       // normalised: "0696123456" or "+596696123456"
  bool visible_to_employers = false;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// Under 18 on `today` (the Martinique date). A date that cannot be read counts as a minor's:
// the protective side.
bool IsMinor(const Profile& profile, Date today);

// An offer or a training the young person keeps for later.
enum class FavouriteKind { kOffer, kTraining };
std::string_view FavouriteKindCode(FavouriteKind kind);  // "offer", "training"
std::optional<FavouriteKind> ParseFavouriteKind(std::string_view code);

struct Favourite {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  FavouriteKind kind = FavouriteKind::kOffer;
  std::int64_t target_id = 0;
  UnixSeconds created_at = 0;
};

// A search kept with its query string (the parameters of /recherche, without the page), and
// whether a daily mail tells of the new offers it finds.
struct SavedSearch {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  std::string name;
  std::string query;  // "q=soudure&commune=97213&radius_km=30"
  bool alerts = true;
  UnixSeconds created_at = 0;
  UnixSeconds last_digest_at = 0;  // offers published after this are new; set at creation
};

}  // namespace maplace::young_people
