#include "domain/workshops/workshop.h"

namespace maplace::workshops {

std::string_view RegistrationStatusCode(RegistrationStatus status) {
  switch (status) {
    case RegistrationStatus::kRegistered:
      return "registered";
    case RegistrationStatus::kWaiting:
      return "waiting";
    case RegistrationStatus::kCancelled:
      return "cancelled";
  }
  return "";
}

std::string_view RegistrationStatusLabel(RegistrationStatus status) {
  switch (status) {
    case RegistrationStatus::kRegistered:
      return "Inscrit";
    case RegistrationStatus::kWaiting:
      return "Liste d'attente";
    case RegistrationStatus::kCancelled:
      return "Annulé";
  }
  return "";
}

std::optional<RegistrationStatus> ParseRegistrationStatus(std::string_view code) {
  for (auto s : {RegistrationStatus::kRegistered, RegistrationStatus::kWaiting,
                 RegistrationStatus::kCancelled})
    if (RegistrationStatusCode(s) == code) return s;
  return std::nullopt;
}

}  // namespace maplace::workshops
