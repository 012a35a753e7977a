#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "search/document.h"
#include "search/query.h"

namespace maplace::search::bench {

// What a benchmark query stands for. Only kWords and kWordsAndFilters can be written the same
// way in every engine (AND of stems, filters), so only they are compared for match-set equality.
enum class QueryClass : std::uint8_t {
  kWords,
  kWordsAndFilters,
  kPrefix,
  kTypo,
  kPlace,  // words or none, filters, place + radius
};
std::string_view QueryClassName(QueryClass c);

struct BenchQuery {
  QueryClass kind;
  Query query;
  std::string commune;  // kPlace: the INSEE code of the commune whose centre is the place
};

// A synthetic corpus, the same for a given seed: French job titles and descriptions with
// accents, ROME codes, levels, contract kinds, communes across France and the overseas
// departments with their coordinates.
struct Corpus {
  std::vector<Document> documents;                              // offers, then trainings
  std::vector<std::pair<std::string, std::string>> job_titles;  // ROME code, appellation
};

Corpus MakeCorpus(std::size_t offers, std::size_t trainings, std::uint64_t seed = 42);
std::vector<BenchQuery> MakeQueries(std::size_t count, std::uint64_t seed = 7);

}  // namespace maplace::search::bench
