// Apprenticeship training organisations (CFA, OFA) from the UAI-SIRET referential of the
// Mission interministérielle pour l'apprentissage, one row per establishment.
#include <fmt/format.h>

#include <regex>
#include <set>

#include "domain/people/siret.h"
#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

// The addresses end with the postal code and the town: "QUA VAUDRANCOURT 97224 DUCOS".
std::string PostalCodeIn(const std::string& address) {
  static const std::regex kPostalCode("(^|\\s)([0-9]{5})(\\s|$)");
  std::smatch match;
  if (!std::regex_search(address, match, kPostalCode)) return "";
  return match[2];
}

}  // namespace

Result<reference::Dataset> ReadCfas(const std::filesystem::path& path, const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"cfa",
                    path.filename().string(),
                    *sha,
                    "Référentiel UAI-SIRET des organismes de formation en apprentissage",
                    "Mission interministérielle pour l'apprentissage",
                    "Licence Ouverte (non vérifiée)"};
  std::vector<reference::Row> cfas;
  // The key is the SIRET, not the UAI: the SIRET names the establishment where the training
  // is given and every row has one, while the UAI may be missing and belongs to the school
  // register (one organisation, e.g. an agricultural EPLEFPA, runs several sites, each with
  // its own SIRET).
  std::set<std::string> sirets;
  auto status = ForEachRow(
      path, ',', {"uai", "siret", "raison_sociale", "enseigne", "commune", "adresse"}, progress,
      [&](const RowView& r) -> Status {
        auto siret = r.Matching("siret", "[0-9]{14}", "a SIRET (14 digits)");
        if (!siret) return Fail(siret.error());
        if (!people::HasValidSiretCheckDigit(*siret))
          return Fail(r.Problem("siret", fmt::format("'{}' fails the SIRET check digit", *siret)));
        auto uai = r.Matching("uai", "([0-9]{7}[A-Z])?", "a UAI (7 digits and a letter)");
        auto name = r.Required("raison_sociale");
        auto address = r.Required("adresse");
        auto commune = r.Required("commune");
        for (const auto* field : {&uai, &name, &address, &commune})
          if (!*field) return Fail(field->error());
        if (!sirets.insert(*siret).second)
          return Fail(r.Problem("siret", fmt::format("{} appears on an earlier line", *siret)));
        auto or_null = [](std::string value) {
          return value.empty() ? reference::Cell{} : reference::Cell{std::move(value)};
        };
        cfas.push_back({*siret, or_null(*uai), *name, or_null(r.Text("enseigne")), *address,
                        or_null(PostalCodeIn(*address)), *commune});
        ++dataset.rows_read;
        return Ok();
      });
  if (!status) return Fail(status.error());
  dataset.tables = {{reference::tables::Cfas(), std::move(cfas)}};
  return dataset;
}

}  // namespace maplace::importers
