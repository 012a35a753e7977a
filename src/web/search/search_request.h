#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/jobs/job.h"
#include "search/answer_cache.h"
#include "search/catalog.h"
#include "search/index.h"
#include "web/http.h"

namespace maplace::web {

// What the search pages and the API need: the index, its cards, and the communes a place can
// name (by INSEE code). Filled once at start-up.
struct SearchParts {
  search::Index& index;
  search::Catalog& cards;
  std::map<std::string, jobs::Commune> communes;
  // The API's answers as sent (JSON bodies), per index generation like the index's own: a
  // repeated search costs a lookup, neither cards nor JSON. Copies of the parts share it.
  std::shared_ptr<search::AnswerCache<std::string>> api_answers =
      std::make_shared<search::AnswerCache<std::string>>(index.cached_answers());

  // The commune named by an INSEE code, or by its name (case and accents ignored); nullptr
  // when none.
  const jobs::Commune* FindCommune(const std::string& code_or_name) const;
};

// A search as the query string gives it (the API and the pages share the parameters):
// q, kind (offer|training|job), rome, level (repeatable), contract, commune, radius_km,
// sort (relevance|distance|recent|applications), page. kInvalidArgument with a French message
// per field when a value is not understood.
struct SearchRequest {
  search::Query query;
  const jobs::Commune* place = nullptr;
};
Result<SearchRequest> ParseSearchRequest(const Request& request, const SearchParts& parts,
                                         std::int64_t now);

// One result with its card and its distance (NaN without a place).
struct SearchHit {
  search::Card card;
  double distance_km = 0;
};
std::vector<SearchHit> HitsWithCards(const search::Results& results, const search::Catalog& cards);

}  // namespace maplace::web
