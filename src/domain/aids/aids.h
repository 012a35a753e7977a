#pragma once

#include <vector>

#include "domain/aids/evaluation.h"
#include "domain/aids/rules.h"
#include "domain/aids/situation.h"

namespace maplace::aids {

// Engine internals: the aids of the rules files on a situation whose pay is known.
std::vector<Aid> EvaluateAids(const Rules& rules, const Situation& situation,
                              const std::vector<PayPeriod>& pay);
// What the OPCO pays the CFA for the contract: the NPEC and the frais annexes.
std::vector<Aid> OpcoFundingAids(const Rules& rules, const Situation& situation);

// The contract checks of rules/contract.toml (age, length, start window, minimum pay, tutor).
std::vector<Check> CheckContract(const Rules& rules, const Situation& situation,
                                 const std::vector<PayPeriod>& pay);

}  // namespace maplace::aids
