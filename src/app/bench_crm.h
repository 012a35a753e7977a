#pragma once

#include <ostream>
#include <string>

namespace maplace::app {

struct CrmBenchOptions {
  int organisations = 10'000;
  int interactions = 100'000;
  int queries = 200;         // per scenario
  std::string postgres_url;  // also on PostgreSQL: an empty, throwaway database
};

// `maplace bench crm` (issue 8): fills a throwaway SQLite file (and PostgreSQL when a URL is
// given) with synthetic organisations, contacts and interactions, then times the CRM's list
// pages (filtered and paged), the global search and « Ma semaine » through CrmService: the
// server's time for each, without HTTP. Prints p50, p99 and the maximum per scenario.
int RunCrmBenchmark(const CrmBenchOptions& options, std::ostream& out);

}  // namespace maplace::app
