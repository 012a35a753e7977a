#include "domain/contracts/contract.h"

#include <algorithm>

namespace maplace::contracts {

std::string_view KindCode(Kind kind) {
  return kind == Kind::kApprenticeship ? "apprentissage" : "professionnalisation";
}
std::string_view KindLabel(Kind kind) {
  return kind == Kind::kApprenticeship ? "Apprentissage" : "Professionnalisation";
}
std::optional<Kind> ParseKind(std::string_view code) {
  if (code == "apprentissage") return Kind::kApprenticeship;
  if (code == "professionnalisation") return Kind::kProfessionalisation;
  return std::nullopt;
}

std::string_view StateCode(State state) {
  switch (state) {
    case State::kRunning:
      return "running";
    case State::kBroken:
      return "broken";
    case State::kCompleted:
      return "completed";
  }
  return "running";
}
std::string_view StateLabel(State state) {
  switch (state) {
    case State::kRunning:
      return "En cours";
    case State::kBroken:
      return "Rompu";
    case State::kCompleted:
      return "Terminé";
  }
  return "En cours";
}
std::optional<State> ParseState(std::string_view code) {
  for (State s : {State::kRunning, State::kBroken, State::kCompleted})
    if (StateCode(s) == code) return s;
  return std::nullopt;
}

std::string_view InitiativeLabel(std::string_view code) {
  if (code == "employer") return "L'employeur";
  if (code == "apprentice") return "L'apprenti";
  if (code == "mutual") return "D'un commun accord";
  if (code == "cfa") return "Le CFA (exclusion)";
  if (code == "other") return "Autre (liquidation, décision de justice…)";
  return "";
}

std::string_view AfterBreakLabel(std::string_view code) {
  if (code == "new_contract") return "Nouveau contrat";
  if (code == "cfa_without_contract") return "Formation au CFA sans contrat (6 mois au plus)";
  if (code == "employment") return "Emploi";
  if (code == "other_training") return "Autre formation";
  if (code == "nothing") return "Sans solution";
  if (code == "unknown") return "Inconnu";
  return "";
}

int Contract::FailedChecks() const {
  return static_cast<int>(
      std::count_if(checks.begin(), checks.end(), [](const StoredCheck& c) { return !c.ok; }));
}

std::string_view DifficultyCode(Difficulty d) {
  switch (d) {
    case Difficulty::kHousing:
      return "housing";
    case Difficulty::kTransport:
      return "transport";
    case Difficulty::kMoney:
      return "money";
    case Difficulty::kHealth:
      return "health";
    case Difficulty::kWork:
      return "work";
  }
  return "housing";
}
std::string_view DifficultyLabel(Difficulty d) {
  switch (d) {
    case Difficulty::kHousing:
      return "Logement";
    case Difficulty::kTransport:
      return "Transport";
    case Difficulty::kMoney:
      return "Argent";
    case Difficulty::kHealth:
      return "Santé";
    case Difficulty::kWork:
      return "Relations au travail";
  }
  return "Logement";
}
std::optional<Difficulty> ParseDifficulty(std::string_view code) {
  for (Difficulty d : kDifficulties)
    if (DifficultyCode(d) == code) return d;
  return std::nullopt;
}

std::string_view RiskLabel(std::string_view code) {
  if (code == "none") return "Aucun";
  if (code == "low") return "Faible";
  if (code == "high") return "Élevé";
  return "";
}

}  // namespace maplace::contracts
