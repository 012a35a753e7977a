#include "domain/offers/offer.h"

#include <array>
#include <utility>

namespace maplace::offers {
namespace {

constexpr std::array<OfferState, 6> kStates{OfferState::kDraft,  OfferState::kPublished,
                                            OfferState::kPaused, OfferState::kExpired,
                                            OfferState::kFilled, OfferState::kClosed};

using Pair = std::pair<std::string_view, std::string_view>;
constexpr std::array<Pair, 5> kChannels{{{"maplace", "Grâce à « Ici c'est ma place »"},
                                         {"cfa", "Par un CFA"},
                                         {"france_travail", "Par France Travail"},
                                         {"reseau", "Par mon réseau"},
                                         {"autre", "Autrement"}}};
constexpr std::array<Pair, 5> kReasons{
    {{"discriminatory", "Elle contient des propos discriminatoires"},
     {"not_alternance", "Ce n'est pas une offre en alternance"},
     {"expired", "Le poste est déjà pourvu ou l'offre est périmée"},
     {"fraud", "Elle semble frauduleuse (argent demandé, faux employeur…)"},
     {"other", "Autre raison"}}};

template <std::size_t N>
std::string_view Find(const std::array<Pair, N>& table, std::string_view code) {
  for (const auto& [c, label] : table)
    if (c == code) return label;
  return "";
}

}  // namespace

std::string_view OfferStateCode(OfferState state) {
  switch (state) {
    case OfferState::kDraft:
      return "draft";
    case OfferState::kPublished:
      return "published";
    case OfferState::kPaused:
      return "paused";
    case OfferState::kExpired:
      return "expired";
    case OfferState::kFilled:
      return "filled";
    case OfferState::kClosed:
      return "closed";
  }
  return "draft";
}

std::string_view OfferStateLabel(OfferState state) {
  switch (state) {
    case OfferState::kDraft:
      return "Brouillon";
    case OfferState::kPublished:
      return "Publiée";
    case OfferState::kPaused:
      return "En pause";
    case OfferState::kExpired:
      return "Expirée";
    case OfferState::kFilled:
      return "Pourvue";
    case OfferState::kClosed:
      return "Clôturée";
  }
  return "";
}

std::optional<OfferState> ParseOfferState(std::string_view code) {
  for (auto s : kStates)
    if (OfferStateCode(s) == code) return s;
  return std::nullopt;
}

bool CanTransition(OfferState from, OfferState to) {
  using S = OfferState;
  switch (to) {
    case S::kDraft:
      return false;
    case S::kPublished:  // publish, resume, extend
      return from == S::kDraft || from == S::kPaused || from == S::kExpired ||
             from == S::kPublished;
    case S::kPaused:
      return from == S::kPublished;
    case S::kExpired:
      return from == S::kPublished || from == S::kPaused;
    case S::kFilled:
      return from == S::kPublished || from == S::kPaused || from == S::kExpired;
    case S::kClosed:
      return from != S::kFilled && from != S::kClosed;
  }
  return false;
}

bool IsOpen(OfferState state) {
  return state == OfferState::kPublished || state == OfferState::kPaused;
}

std::string_view ContractKindCode(ContractKind kind) {
  return kind == ContractKind::kApprenticeship ? "apprentissage" : "professionnalisation";
}

std::string_view ContractKindLabel(ContractKind kind) {
  return kind == ContractKind::kApprenticeship ? "Contrat d'apprentissage"
                                               : "Contrat de professionnalisation";
}

std::optional<ContractKind> ParseContractKind(std::string_view code) {
  if (code == "apprentissage") return ContractKind::kApprenticeship;
  if (code == "professionnalisation") return ContractKind::kProfessionalisation;
  return std::nullopt;
}

bool IsFillChannel(std::string_view code) { return !Find(kChannels, code).empty(); }
std::string_view FillChannelLabel(std::string_view code) { return Find(kChannels, code); }
std::vector<std::pair<std::string_view, std::string_view>> FillChannels() {
  return {kChannels.begin(), kChannels.end()};
}
std::vector<std::pair<std::string_view, std::string_view>> ReportReasons() {
  return {kReasons.begin(), kReasons.end()};
}
bool IsReportReason(std::string_view code) { return !Find(kReasons, code).empty(); }
std::string_view ReportReasonLabel(std::string_view code) { return Find(kReasons, code); }

}  // namespace maplace::offers
