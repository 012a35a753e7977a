// The project's seed of IDCC -> branch -> OPCO (data/seed/idcc_branches.csv): no open dataset
// maps them (../shared/data/idcc/PROVENANCE.md).
#include <fmt/format.h>

#include <set>

#include "domain/crm/branches.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {

Result<reference::Dataset> ReadIdccBranches(const std::filesystem::path& path,
                                            const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"idcc-branches",
                    path.filename().string(),
                    *sha,
                    "Branches professionnelles et OPCO des principales conventions collectives",
                    "maplace, d'après les périmètres publiés des OPCO et France compétences",
                    "Licence Ouverte / Open Licence 2.0"};
  std::vector<reference::Row> rows;
  std::set<std::string> seen;
  auto status =
      ForEachRow(path, ',', {"idcc", "branche", "opco"}, progress, [&](const RowView& r) -> Status {
        ++dataset.rows_read;
        auto idcc = r.Matching("idcc", "[0-9]{4}", "an IDCC (4 digits)");
        auto branch = r.Required("branche");
        auto opco = r.Required("opco");
        for (const auto* field : {&idcc, &branch, &opco})
          if (!*field) return Fail(field->error());
        if (!crm::IsOpcoCode(*opco))
          return Fail(r.Problem("opco", fmt::format("{} is not a known OPCO code", *opco)));
        if (!seen.insert(*idcc).second)
          return Fail(r.Problem("idcc", fmt::format("{} appears on an earlier line", *idcc)));
        rows.push_back({*idcc, *branch, *opco});
        return Ok();
      });
  if (!status) return Fail(status.error());
  dataset.tables = {{crm::IdccBranchesTable(), std::move(rows)}};
  return dataset;
}

}  // namespace maplace::importers
