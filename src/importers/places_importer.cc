// Places: the communes of France and their postal codes (npm packages of Etalab), the BMO
// employment areas with their communes, and commune centroids.
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "core/text.h"
#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

constexpr char kInseeCode[] = "(97[1-8]|[0-9]{2}|2[AB])[0-9]{2,3}";

// "14.8139715" -> "14813972" micro-degrees, exactly comparable as an integer.
Result<std::string> MicroDegrees(const RowView& r, const std::string& column, double limit) {
  const std::string value = r.Text(column);
  if (value.empty() || value.find_first_not_of("-.0123456789") != std::string::npos)
    return Fail(r.Problem(column, fmt::format("'{}' is not a coordinate", value)));
  const double degrees = std::stod(value);
  if (std::fabs(degrees) > limit) return Fail(r.Problem(column, "out of range"));
  return std::to_string(std::llround(degrees * 1e6));
}

// A JSON array file (the npm packages' format), parsed whole: the files are a few megabytes.
Result<nlohmann::json> ReadJsonArray(const std::filesystem::path& path, const Progress& progress) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kNotFound, path.string() + ": cannot open the file");
  nlohmann::json json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_array())
    return Fail(ErrorCode::kInvalidArgument, path.string() + ": not a JSON array");
  if (progress) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    progress(path.filename().string(), size, size);
  }
  return json;
}

// A string member of entry `index`, or an error naming the entry and the member.
Result<std::string> Member(const std::filesystem::path& path, const nlohmann::json& entry,
                           std::size_t index, const char* name, const char* pattern = nullptr) {
  auto it = entry.find(name);
  if (it == entry.end() || !it->is_string() || it->get<std::string>().empty())
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("{}: entry {}: '{}' missing or not a string", path.string(), index + 1, name));
  std::string value = it->get<std::string>();
  if (!text::IsCleanUtf8(value, false) || (pattern && !std::regex_match(value, Compiled(pattern))))
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{}: entry {}: '{}' has a bad value '{}'",
                                                         path.string(), index + 1, name, value));
  return value;
}

}  // namespace

Result<reference::Dataset> ReadAreas(const std::filesystem::path& path, const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"areas",
                    path.filename().string(),
                    *sha,
                    "Bassins d'emploi de l'enquête BMO et leurs communes",
                    "France Travail",
                    "Licence Ouverte / Open Licence 2.0"};
  std::vector<reference::Row> areas, communes;
  std::set<std::string> seen;
  auto status = ForEachRow(
      path, ',', {"code_bassin_bmo", "nom_bassin_bmo", "codes_insee"}, progress,
      [&](const RowView& r) -> Status {
        auto code = r.Matching("code_bassin_bmo", "[0-9]{3}", "an area code");
        auto name = r.Required("nom_bassin_bmo");
        auto list = r.Matching("codes_insee", "[0-9AB]{5}(\\|[0-9AB]{5})*", "INSEE codes");
        for (const auto* field : {&code, &name, &list})
          if (!*field) return Fail(field->error());
        areas.push_back({*code, *name});
        for (std::size_t start = 0; start < list->size(); start += 6) {
          const std::string insee = list->substr(start, 5);
          if (!seen.insert(insee).second)
            return Fail(r.Problem("codes_insee", insee + " belongs to two areas"));
          communes.push_back({insee, *code});
        }
        ++dataset.rows_read;
        return Ok();
      });
  if (!status) return Fail(status.error());
  dataset.tables = {{reference::tables::EmploymentAreas(), std::move(areas)},
                    {reference::tables::CommuneAreas(), std::move(communes)}};
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
                    "Communes : code officiel géographique et populations légales",
                    "INSEE, Etalab (npm @etalab/decoupage-administratif)",
                    "Licence Ouverte / Open Licence 2.0"};
  auto json = ReadJsonArray(path, progress);
  if (!json) return Fail(json.error());
  std::vector<reference::Row> communes;
  for (std::size_t i = 0; i < json->size(); ++i) {
    const auto& entry = (*json)[i];
    ++dataset.rows_read;
    // Delegated and associated communes and municipal districts are parts of a commune.
    if (entry.value("type", "") != "commune-actuelle") continue;
    auto code = Member(path, entry, i, "code", kInseeCode);
    auto name = Member(path, entry, i, "nom");
    auto department = Member(path, entry, i, "departement", "[0-9]{2,3}|2[AB]");
    for (const auto* field : {&code, &name, &department})
      if (!*field) return Fail(field->error());
    reference::Cell population;
    if (auto it = entry.find("population"); it != entry.end()) {
      if (!it->is_number_integer() || it->get<std::int64_t>() < 0)
        return Fail(
            ErrorCode::kInvalidArgument,
            fmt::format("{}: entry {}: 'population' is not a whole number", path.string(), i + 1));
      population = std::to_string(it->get<std::int64_t>());
    }
    communes.push_back({*code, *name, *department, population});
  }
  dataset.tables = {{reference::tables::Communes(), std::move(communes)}};
  return dataset;
}

Result<reference::Dataset> ReadPostalCodes(const std::filesystem::path& path,
                                           const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"postal-codes",
                    path.filename().string(),
                    *sha,
                    "Codes postaux",
                    "La Poste, Etalab (npm codes-postaux)",
                    "Licence Ouverte / Open Licence 2.0"};
  auto json = ReadJsonArray(path, progress);
  if (!json) return Fail(json.error());
  std::vector<reference::Row> codes;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (std::size_t i = 0; i < json->size(); ++i) {
    const auto& entry = (*json)[i];
    ++dataset.rows_read;
    auto postal = Member(path, entry, i, "codePostal", "[0-9]{5}");
    auto insee = Member(path, entry, i, "codeCommune", kInseeCode);
    auto label = Member(path, entry, i, "libelleAcheminement");
    for (const auto* field : {&postal, &insee, &label})
      if (!*field) return Fail(field->error());
    // The package lists a code once per locality name; the table keeps each routing once.
    if (seen.emplace(*postal, *insee, *label).second) codes.push_back({*postal, *insee, *label});
  }
  dataset.tables = {{reference::tables::PostalCodes(), std::move(codes)}};
  return dataset;
}

Result<reference::Dataset> ReadCommunePositions(const std::filesystem::path& path,
                                                const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"commune-positions",
                    path.filename().string(),
                    *sha,
                    "Centroïdes des communes",
                    "IGN, INSEE (géoréférentiel des communes)",
                    "Licence Ouverte / Open Licence 2.0"};
  std::vector<reference::Row> positions;
  auto status = ForEachRow(path, ',', {"code_insee", "latitude", "longitude"}, progress,
                           [&](const RowView& r) -> Status {
                             auto insee = r.Matching("code_insee", kInseeCode, "an INSEE code");
                             auto latitude = MicroDegrees(r, "latitude", 90);
                             auto longitude = MicroDegrees(r, "longitude", 180);
                             for (const auto* field : {&insee, &latitude, &longitude})
                               if (!*field) return Fail(field->error());
                             positions.push_back({*insee, *latitude, *longitude});
                             ++dataset.rows_read;
                             return Ok();
                           });
  if (!status) return Fail(status.error());
  dataset.tables = {{reference::tables::CommunePositions(), std::move(positions)}};
  return dataset;
}

}  // namespace maplace::importers
