#pragma once

#include "search/bench/corpus.h"
#include "search/catalog.h"
#include "search/index.h"

namespace maplace::search::bench {

// Puts a synthetic corpus in a serving index with a card per document, as the search feed
// does for real offers and trainings: `maplace bench search-http` serves it to measure the
// whole HTTP path (bench/search_http.sh). Nothing is written to the store.
void Fill(Index& index, Catalog& cards, const Corpus& corpus);

}  // namespace maplace::search::bench
