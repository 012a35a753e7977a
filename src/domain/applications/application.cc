#include "domain/applications/application.h"

#include <array>

#include "core/date.h"

namespace maplace::applications {
namespace {

struct Named {
  std::string_view code, label;
};

constexpr std::array kStatuses = {Named{"new", "Envoyée"}, Named{"seen", "Lue par le recruteur"},
                                  Named{"interview", "Entretien proposé"},
                                  Named{"refused", "Non retenue"}, Named{"hired", "Retenue"}};

constexpr std::array kCfaPlaces = {Named{"yes", "Oui, j'ai déjà une place en CFA"},
                                   Named{"in_progress", "Inscription en cours"},
                                   Named{"no", "Pas encore"}};

constexpr std::array kRefusalReasons = {
    Named{"profile", "Votre profil ne correspond pas à ce poste"},
    Named{"filled", "Le poste est déjà pourvu"},
    Named{"no_cfa", "Il faut déjà une place dans un CFA pour ce poste"},
    Named{"other", "Autre raison"}};

template <std::size_t N>
std::string_view Label(const std::array<Named, N>& list, std::string_view code) {
  for (const auto& n : list)
    if (n.code == code) return n.label;
  return "";
}
template <std::size_t N>
bool Known(const std::array<Named, N>& list, std::string_view code) {
  for (const auto& n : list)
    if (n.code == code) return true;
  return false;
}
template <std::size_t N>
std::vector<std::pair<std::string_view, std::string_view>> Pairs(const std::array<Named, N>& l) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const auto& n : l) out.emplace_back(n.code, n.label);
  return out;
}

}  // namespace

std::string_view StatusCode(ApplicationStatus status) {
  return kStatuses[static_cast<std::size_t>(status)].code;
}
std::string_view StatusLabel(ApplicationStatus status) {
  return kStatuses[static_cast<std::size_t>(status)].label;
}
std::optional<ApplicationStatus> ParseStatus(std::string_view code) {
  for (std::size_t i = 0; i < kStatuses.size(); ++i)
    if (kStatuses[i].code == code) return static_cast<ApplicationStatus>(i);
  return std::nullopt;
}
std::vector<ApplicationStatus> AllStatuses() {
  return {ApplicationStatus::kNew, ApplicationStatus::kSeen, ApplicationStatus::kInterview,
          ApplicationStatus::kRefused, ApplicationStatus::kHired};
}
bool IsFinal(ApplicationStatus status) {
  return status == ApplicationStatus::kRefused || status == ApplicationStatus::kHired;
}

bool IsCfaPlace(std::string_view code) { return Known(kCfaPlaces, code); }
std::string_view CfaPlaceLabel(std::string_view code) { return Label(kCfaPlaces, code); }
std::vector<std::pair<std::string_view, std::string_view>> CfaPlaces() { return Pairs(kCfaPlaces); }

bool IsRefusalReason(std::string_view code) { return Known(kRefusalReasons, code); }
std::string_view RefusalReasonLabel(std::string_view code) { return Label(kRefusalReasons, code); }
std::vector<std::pair<std::string_view, std::string_view>> RefusalReasons() {
  return Pairs(kRefusalReasons);
}

std::optional<std::string_view> SniffCvType(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return kPdfType;
  // A DOCX is a zip archive: local file header signature, and its entries under word/ (the
  // names are stored in clear in the local headers and the central directory).
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4)) &&
      bytes.find("word/document.xml") != std::string_view::npos &&
      bytes.find(std::string_view("PK\x05\x06", 4)) != std::string_view::npos)
    return kDocxType;
  return std::nullopt;
}

std::string StartText(const std::string& iso_date) {
  if (iso_date.empty()) return "Dès que possible";
  auto date = ParseIsoDate(iso_date);
  return date ? FormatFrenchDate(*date) : iso_date;
}

}  // namespace maplace::applications
