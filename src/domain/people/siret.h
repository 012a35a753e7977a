#pragma once

#include <string>
#include <string_view>

namespace maplace::people {

// The check digit of a SIRET (14 digits): the Luhn check, except at La Poste (SIREN
// 356000000), whose establishments are numbered so that the sum of their digits is a multiple
// of 5 (its head office, 35600000000048, passes Luhn instead). False unless 14 digits.
bool HasValidSiretCheckDigit(std::string_view siret);

// A SIRET as typed ("123 456 789 00012"): spaces, dots and dashes removed. The result may
// still be invalid.
std::string NormalizeSiret(std::string_view typed);

// The French message for a SIRET that is not valid, or "" when `siret` (normalized) is.
std::string SiretProblem(std::string_view siret);

}  // namespace maplace::people
