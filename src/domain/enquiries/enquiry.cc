#include "domain/enquiries/enquiry.h"

#include <array>

namespace maplace::enquiries {
namespace {

struct Named {
  std::string_view code, label;
};

constexpr std::array kKinds = {Named{"spontaneous", "Candidature spontanée"},
                               Named{"information", "Demande d'informations"}};

constexpr std::array kStatuses = {Named{"new", "Envoyée"}, Named{"seen", "Lue"},
                                  Named{"answered", "Répondue"}, Named{"closed", "Close"}};

constexpr std::array kSubjects = {
    Named{"dates", "Dates de rentrée"}, Named{"admission", "Conditions d'admission"},
    Named{"rhythm", "Rythme de l'alternance"}, Named{"employer", "Trouver un employeur"},
    Named{"other", "Autre question"}};

constexpr std::array kReplyKinds = {Named{"answer", "Réponse"},
                                    Named{"no_position", "Pas de poste pour le moment"},
                                    Named{"interview", "Entretien proposé"}};

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

}  // namespace

std::string_view KindCode(EnquiryKind kind) { return kKinds[static_cast<std::size_t>(kind)].code; }
std::string_view KindLabel(EnquiryKind kind) {
  return kKinds[static_cast<std::size_t>(kind)].label;
}
std::optional<EnquiryKind> ParseKind(std::string_view code) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i].code == code) return static_cast<EnquiryKind>(i);
  return std::nullopt;
}

std::string_view StatusCode(EnquiryStatus status) {
  return kStatuses[static_cast<std::size_t>(status)].code;
}
std::string_view StatusLabel(EnquiryStatus status) {
  return kStatuses[static_cast<std::size_t>(status)].label;
}
std::optional<EnquiryStatus> ParseStatus(std::string_view code) {
  for (std::size_t i = 0; i < kStatuses.size(); ++i)
    if (kStatuses[i].code == code) return static_cast<EnquiryStatus>(i);
  return std::nullopt;
}
std::vector<EnquiryStatus> AllStatuses() {
  return {EnquiryStatus::kNew, EnquiryStatus::kSeen, EnquiryStatus::kAnswered,
          EnquiryStatus::kClosed};
}

bool IsSubject(std::string_view code) { return Known(kSubjects, code); }
std::string_view SubjectLabel(std::string_view code) { return Label(kSubjects, code); }
std::vector<std::pair<std::string_view, std::string_view>> Subjects() {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const auto& n : kSubjects) out.emplace_back(n.code, n.label);
  return out;
}

bool IsReplyKind(std::string_view code) { return Known(kReplyKinds, code); }
std::string_view ReplyKindLabel(std::string_view code) { return Label(kReplyKinds, code); }

}  // namespace maplace::enquiries
