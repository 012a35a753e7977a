#include "domain/reference/import_service.h"

namespace maplace::reference {

Result<ImportReport> ImportService::Import(const Dataset& dataset) {
  ImportReport report{dataset.source, {}, {}, dataset.warnings, dataset.rows_read};
  auto status = store_.Write([&](Repositories& repos) -> Status {
    report.tables.clear();
    report.total = {};
    for (const auto& [spec, rows] : dataset.tables) {
      auto counts = repos.reference().Sync(spec, rows);
      if (!counts) return Fail(counts.error());
      report.tables.emplace_back(spec.table, *counts);
      report.total.added += counts->added;
      report.total.changed += counts->changed;
      report.total.removed += counts->removed;
      report.total.unchanged += counts->unchanged;
    }
    return repos.reference().RecordImport({dataset.source, clock_.Now(), report.total});
  });
  if (!status) return Fail(status.error());
  return report;
}

Result<std::vector<ImportRecord>> ImportService::Sources() {
  std::vector<ImportRecord> records;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.reference().LatestImports();
    if (!found) return Fail(found.error());
    records = std::move(*found);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return records;
}

}  // namespace maplace::reference
