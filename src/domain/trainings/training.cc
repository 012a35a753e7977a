#include "domain/trainings/training.h"

#include <fmt/format.h>

namespace maplace::trainings {

std::string TrainingKey(const TrainingInput& input) {
  return input.rncp_code + "|" + input.cfd_code + "|" + input.commune_code;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ' ';
    out += item;
  }
  return out;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text + " ") {
    if (c == ' ' || c == ',' || c == ';' || c == '|' || c == '\t' || c == '\n' || c == '\r') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else {
      item.push_back(c);
    }
  }
  return out;
}

std::string LevelLabel(int level) {
  switch (level) {
    case 3:
      return "Niveau 3 (CAP, BEP)";
    case 4:
      return "Niveau 4 (bac, bac pro, BP)";
    case 5:
      return "Niveau 5 (BTS, bac + 2)";
    case 6:
      return "Niveau 6 (licence, BUT, bac + 3)";
    case 7:
      return "Niveau 7 (master, ingénieur, bac + 5)";
    case 8:
      return "Niveau 8 (doctorat)";
    default:
      return level ? fmt::format("Niveau {}", level) : "Niveau non précisé";
  }
}

}  // namespace maplace::trainings
