#pragma once

#include <iosfwd>

#include "domain/aids/rules.h"

namespace maplace::cli {

// `maplace simulate`: one situation (or an array) as JSON on `in`, the evaluation(s) as JSON
// on `out` (docs/simulate.md). Returns the exit status: 0, or 2 when the input is not valid
// JSON or a situation is invalid — then `out` holds {"error": …} (with "index" for arrays).
int Simulate(const aids::Rules& rules, std::istream& in, std::ostream& out);

// `maplace bench aids`: full evaluations per second on one thread over a fixed set of varied
// situations; prints a JSON report.
int BenchAids(const aids::Rules& rules, int evaluations, std::ostream& out);

}  // namespace maplace::cli
