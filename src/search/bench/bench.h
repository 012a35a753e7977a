#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

namespace maplace::search {

struct BenchmarkOptions {
  std::size_t offers = 1'000'000;
  std::size_t trainings = 100'000;
  std::size_t queries = 1'000;
  // The references are slow: they run the first `reference_queries` queries only.
  std::size_t reference_queries = 200;
  bool sqlite = true;
  std::string postgres_url;    // empty: no PostgreSQL
  unsigned build_threads = 0;  // 0 = one per core
};

// `maplace bench search`: builds the index over a synthetic corpus, runs the queries against it
// and the references, checks match-set equality where every engine can express the query, and
// prints a Markdown report. Returns the process exit code (1 when a match set differs).
int RunBenchmark(const BenchmarkOptions& options, std::ostream& out);

}  // namespace maplace::search
