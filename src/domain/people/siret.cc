#include "domain/people/siret.h"

namespace maplace::people {

bool HasValidSiretCheckDigit(std::string_view siret) {
  if (siret.size() != 14) return false;
  int luhn = 0, digits = 0;
  for (std::size_t i = 0; i < siret.size(); ++i) {
    const char c = siret[siret.size() - 1 - i];
    if (c < '0' || c > '9') return false;
    int digit = c - '0';
    digits += digit;
    if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    luhn += digit;
  }
  if (luhn % 10 == 0) return true;
  return siret.substr(0, 9) == "356000000" && digits % 5 == 0;
}

std::string NormalizeSiret(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '.' || c == '-' || c == '\t') continue;
    out.push_back(c);
  }
  return out;
}

std::string SiretProblem(std::string_view siret) {
  if (siret.empty()) return "Indiquez le numéro SIRET de l'établissement (14 chiffres).";
  if (siret.size() != 14 || siret.find_first_not_of("0123456789") != std::string_view::npos)
    return "Le SIRET compte exactement 14 chiffres, par exemple 123 456 789 00012.";
  if (!HasValidSiretCheckDigit(siret))
    return "Ce numéro SIRET n'existe pas : vérifiez les chiffres (l'un d'eux est sans doute "
           "mal recopié).";
  return "";
}

}  // namespace maplace::people
