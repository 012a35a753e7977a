// Employment areas (BMO zoning) and the communes of the territory.
#include <fmt/format.h>

#include <cmath>
#include <regex>

#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

// "14.8139715" -> "14813972" micro-degrees, exactly comparable as an integer.
Result<std::string> MicroDegrees(const RowView& r, const std::string& column, double limit) {
  const std::string value = r.Text(column);
  if (value.empty() || value.find_first_not_of("-.0123456789") != std::string::npos)
    return Fail(r.Problem(column, fmt::format("'{}' is not a coordinate", value)));
  const double degrees = std::stod(value);
  if (std::fabs(degrees) > limit) return Fail(r.Problem(column, "out of range"));
  return std::to_string(std::llround(degrees * 1e6));
}

}  // namespace

Result<reference::Dataset> ReadAreas(const std::filesystem::path& path, const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"areas",
                    path.filename().string(),
                    *sha,
                    "Bassins d'emploi de l'enquête BMO",
                    "France Travail",
                    "Licence Ouverte / Open Licence 2.0"};
  std::vector<reference::Row> areas;
  auto status = ForEachRow(path, ',', {"code_bassin_bmo", "nom_bassin_bmo"}, progress,
                           [&](const RowView& r) -> Status {
                             auto code = r.Matching("code_bassin_bmo", "[0-9]{3}", "an area code");
                             auto name = r.Required("nom_bassin_bmo");
                             if (!code) return Fail(code.error());
                             if (!name) return Fail(name.error());
                             areas.push_back({*code, *name});
                             ++dataset.rows_read;
                             return Ok();
                           });
  if (!status) return Fail(status.error());
  dataset.tables = {{reference::tables::EmploymentAreas(), std::move(areas)}};
  return dataset;
}

Result<reference::Dataset> ReadCommunes(const std::filesystem::path& path,
                                        const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"communes",
                    path.filename().string(),
                    *sha,
                    "Communes : code officiel géographique, populations légales, codes postaux",
                    "INSEE, La Poste, Etalab",
                    "Licence Ouverte / Open Licence 2.0"};
  std::vector<reference::Row> communes;
  auto status = ForEachRow(
      path, ',',
      {"code_insee", "nom", "codes_postaux", "latitude", "longitude", "population",
       "code_bassin_bmo"},
      progress, [&](const RowView& r) -> Status {
        auto insee =
            r.Matching("code_insee", "(97[1-6]|[0-9]{2}|2[AB])[0-9]{2,3}", "an INSEE code");
        auto name = r.Required("nom");
        auto postal = r.Matching("codes_postaux", "[0-9]{5}(\\|[0-9]{5})*", "postal codes");
        auto latitude = MicroDegrees(r, "latitude", 90);
        auto longitude = MicroDegrees(r, "longitude", 180);
        auto population = r.Integer("population");
        auto area = r.Matching("code_bassin_bmo", "[0-9]{3}", "an area code");
        for (const auto* field :
             {&insee, &name, &postal, &latitude, &longitude, &population, &area})
          if (!*field) return Fail(field->error());
        communes.push_back({*insee, *name, *area, *population, *latitude, *longitude, *postal});
        ++dataset.rows_read;
        return Ok();
      });
  if (!status) return Fail(status.error());
  dataset.tables = {{reference::tables::Communes(), std::move(communes)}};
  return dataset;
}

}  // namespace maplace::importers
