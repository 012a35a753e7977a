#pragma once

#include <memory>
#include <string>

#include "core/error.h"
#include "domain/aids/evaluation.h"
#include "domain/aids/rules.h"
#include "domain/aids/situation.h"

namespace maplace::aids {

// Evaluates a situation on the rules: pay per period, cost, aids, contract checks.
// kInvalidArgument (with French field messages) when the situation is incoherent: a contract
// that ends before it starts, a level outside 3–8, a date before the rules' first day…
// Pure and thread-safe; allocates only its result.
Result<Evaluation> Evaluate(const Rules& rules, const Situation& situation);

}  // namespace maplace::aids
