#include "domain/people/organisation.h"

#include <array>
#include <utility>

namespace maplace::people {
namespace {

struct Band {
  std::string_view code;
  std::string_view label;
  int headcount;
};
constexpr std::array<Band, 5> kBands{{{"0", "Aucun salarié", 1},
                                      {"1-9", "1 à 9 salariés", 5},
                                      {"10-49", "10 à 49 salariés", 20},
                                      {"50-249", "50 à 249 salariés", 100},
                                      {"250+", "250 salariés ou plus", 300}}};

}  // namespace

std::string_view OrganisationStatusCode(OrganisationStatus status) {
  switch (status) {
    case OrganisationStatus::kPending:
      return "pending";
    case OrganisationStatus::kValidated:
      return "validated";
    case OrganisationStatus::kDetailsRequested:
      return "details_requested";
    case OrganisationStatus::kRefused:
      return "refused";
  }
  return "pending";
}

std::string_view OrganisationStatusLabel(OrganisationStatus status) {
  switch (status) {
    case OrganisationStatus::kPending:
      return "En attente de validation";
    case OrganisationStatus::kValidated:
      return "Validée";
    case OrganisationStatus::kDetailsRequested:
      return "Précisions demandées";
    case OrganisationStatus::kRefused:
      return "Refusée";
  }
  return "";
}

std::optional<OrganisationStatus> ParseOrganisationStatus(std::string_view code) {
  for (auto s : {OrganisationStatus::kPending, OrganisationStatus::kValidated,
                 OrganisationStatus::kDetailsRequested, OrganisationStatus::kRefused}) {
    if (OrganisationStatusCode(s) == code) return s;
  }
  return std::nullopt;
}

bool IsHeadcountBand(std::string_view code) {
  for (const auto& b : kBands)
    if (b.code == code) return true;
  return false;
}

std::string_view HeadcountBandLabel(std::string_view code) {
  for (const auto& b : kBands)
    if (b.code == code) return b.label;
  return "Non précisé";
}

int HeadcountForAids(std::string_view code) {
  for (const auto& b : kBands)
    if (b.code == code) return b.headcount;
  return 5;
}

}  // namespace maplace::people
