#include "domain/poec/poec.h"

namespace maplace::poec {

std::string_view StageCode(Stage stage) {
  switch (stage) {
    case Stage::kInformation:
      return "information";
    case Stage::kSelection:
      return "selection";
    case Stage::kTraining:
      return "training";
    case Stage::kOutcome:
      return "outcome";
    case Stage::kWithdrawn:
      return "withdrawn";
  }
  return "";
}

std::string_view StageLabel(Stage stage) {
  switch (stage) {
    case Stage::kInformation:
      return "Réunion d'information";
    case Stage::kSelection:
      return "Sélection";
    case Stage::kTraining:
      return "En formation";
    case Stage::kOutcome:
      return "Sortie";
    case Stage::kWithdrawn:
      return "Abandon / non retenu";
  }
  return "";
}

std::optional<Stage> ParseStage(std::string_view code) {
  for (auto s : AllStages())
    if (StageCode(s) == code) return s;
  return std::nullopt;
}

std::vector<Stage> AllStages() {
  return {Stage::kInformation, Stage::kSelection, Stage::kTraining, Stage::kOutcome,
          Stage::kWithdrawn};
}

std::vector<std::pair<std::string_view, std::string_view>> Outcomes() {
  return {{"cdi", "Embauché en CDI"},
          {"cdd12", "Embauché en CDD de 12 mois ou plus"},
          {"alternance", "Contrat en alternance"},
          {"other", "Autre situation / sans emploi"}};
}

bool IsOutcome(std::string_view code) {
  for (const auto& [c, label] : Outcomes())
    if (c == code) return true;
  return false;
}

bool IsHire(std::string_view code) {
  return code == "cdi" || code == "cdd12" || code == "alternance";
}

std::string_view OutcomeLabel(std::string_view code) {
  for (const auto& [c, label] : Outcomes())
    if (c == code) return label;
  return "";
}

}  // namespace maplace::poec
