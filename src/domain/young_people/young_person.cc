#include "domain/young_people/young_person.h"

namespace maplace::young_people {

bool IsMinor(const Profile& profile, Date today) {
  auto birth = ParseIsoDate(profile.birth_date);
  if (!birth) return true;
  return AgeOn(*birth, today) < 18;
}

std::string_view FavouriteKindCode(FavouriteKind kind) {
  return kind == FavouriteKind::kOffer ? "offer" : "training";
}

std::optional<FavouriteKind> ParseFavouriteKind(std::string_view code) {
  if (code == "offer") return FavouriteKind::kOffer;
  if (code == "training") return FavouriteKind::kTraining;
  return std::nullopt;
}

}  // namespace maplace::young_people
