#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "search/document.h"

namespace maplace::search {

enum class Sort : std::uint8_t { kRelevance, kDistance, kRecent, kFewestApplications };

// Which matching rules a query uses; all on by default. Turning them off leaves exact stems
// only (the benchmark does this to compare match sets with SQL full-text engines).
struct Matching {
  bool prefix = true;        // the last word is a prefix while the person types
  bool typos = true;         // one typo on words of 5+ letters
  bool synonyms = true;      // data/synonyms.txt
  bool job_families = true;  // a job word finds the ROME codes whose job titles it names
};

// Empty filter vectors mean "any". Values within one filter are alternatives (OR); filters
// combine with AND.
struct Query {
  std::string text;
  std::vector<DocKind> kinds;
  std::vector<std::string> rome_codes;
  std::vector<int> levels;  // 0 selects documents with no level
  std::vector<ContractKind> contracts;
  std::int32_t start_from = 0;  // days since epoch, inclusive; 0 = open; « dès que possible »
  std::int32_t start_to = 0;    // documents pass every start filter
  std::vector<std::string> areas;
  std::vector<char> sectors;
  bool has_place = false;
  double latitude = 0;
  double longitude = 0;
  double radius_km = 0;          // 0 = no limit (distance still computed and sortable)
  bool widen_when_empty = true;  // radius steps kWidenSteps, then no limit
  std::int64_t now = 0;          // unix seconds: hides expired documents; 0 = show all
  Sort sort = Sort::kRelevance;
  int page = 1;  // 1-based
  int page_size = 20;
  Matching matching;
};

inline constexpr double kWidenSteps[] = {10, 20, 50, 100};
inline constexpr int kMaxPageSize = 1000;

}  // namespace maplace::search
