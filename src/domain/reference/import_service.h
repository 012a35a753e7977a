#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "domain/reference/dataset.h"
#include "domain/store.h"

namespace maplace::reference {

struct ImportReport {
  DatasetSource source;
  std::vector<std::pair<std::string, SyncCounts>> tables;  // table name -> counts
  SyncCounts total;
  std::vector<std::string> warnings;
  std::int64_t rows_read = 0;
};

// Loads a dataset in one transaction: every table of it or none, and a record of the import
// (source, publisher, licence, date, counts) so that pages can credit it.
class ImportService {
 public:
  ImportService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}
  Result<ImportReport> Import(const Dataset& dataset);
  Result<std::vector<ImportRecord>> Sources();

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace maplace::reference
