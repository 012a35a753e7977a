// Apprenticeship training organisations (CFA, OFA) from the UAI-SIRET referential of the
// Mission interministérielle pour l'apprentissage, one row per establishment.
#include <fmt/format.h>

#include <regex>
#include <set>

#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

// A SIRET (14 digits) passes the Luhn check, except at La Poste (SIREN 356000000), whose
// establishments are numbered so that the sum of their digits is a multiple of 5 (its head
// office, 35600000000048, passes Luhn instead).
bool HasValidCheckDigit(const std::string& siret) {
  int luhn = 0, digits = 0;
  for (std::size_t i = 0; i < siret.size(); ++i) {
    int digit = siret[siret.size() - 1 - i] - '0';
    digits += digit;
    if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    luhn += digit;
  }
  if (luhn % 10 == 0) return true;
  return siret.rfind("356000000", 0) == 0 && digits % 5 == 0;
}

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
        if (!HasValidCheckDigit(*siret))
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
