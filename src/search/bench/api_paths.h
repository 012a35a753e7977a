#pragma once

#include <string>

#include "search/bench/corpus.h"

namespace maplace::search::bench {

// The benchmark query as a GET /api/v1/search path, for the HTTP benchmark
// (bench/search_http.sh). The server knows the places of Martinique's communes only: a place
// query elsewhere is asked around a Martinique commune chosen from its code.
std::string ApiPath(const BenchQuery& query);

}  // namespace maplace::search::bench
