#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "search/document.h"

namespace maplace::search {

struct Hit {
  std::int64_t id = 0;
  DocKind kind = DocKind::kOffer;
  float score = 0;                                                // relevance; higher is better
  double distance_km = std::numeric_limits<double>::quiet_NaN();  // when the query has a place
};

// Counts per value, most frequent first (ties by value). Each facet counts the documents that
// pass every filter but its own, so a person sees what choosing another value would give.
using Facet = std::vector<std::pair<std::string, std::uint32_t>>;

struct Facets {
  Facet kind;      // "offer", "training", "job"
  Facet level;     // "0", "3", ..., "8"
  Facet contract;  // ContractKindName
  Facet area;
  Facet sector;  // "H"
  Facet rome;
};

struct Results {
  std::uint32_t total = 0;  // documents matching, all pages
  std::vector<Hit> hits;    // the requested page
  Facets facets;
  // When the query has a place: the radius the results come from (0 = no limit) and whether
  // it is wider than asked because nothing was found within the asked radius.
  double radius_km = 0;
  bool widened = false;
  std::uint64_t generation = 0;  // the index state it answers (Index::generation())
};

}  // namespace maplace::search
