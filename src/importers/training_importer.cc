// Training references: the Education nationale's list of professional diplomas (by CFD code)
// and the DEPP SIFA list of apprentice training centres (CFA, by UAI).
#include <fmt/format.h>

#include <map>
#include <regex>

#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

using reference::Cell;

Cell OrNull(std::string value) {
  if (value.empty()) return Cell{};
  return Cell{std::move(value)};
}

constexpr char kCode[] = "Code diplôme";
constexpr char kCreated[] = "Date de l'arrêté de création";

}  // namespace

Result<reference::Dataset> ReadDiplomas(const std::filesystem::path& path,
                                        const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"diplomas",
                    path.filename().string(),
                    *sha,
                    "Liste des diplômes professionnels de l'Éducation nationale",
                    "Ministère de l'Éducation nationale (DGESCO)",
                    "licence non précisée"};
  std::vector<reference::Row> diplomas;
  std::map<std::string, std::pair<std::size_t, std::string>> seen;  // CFD -> row, creation date
  std::int64_t older = 0;
  auto status = ForEachRow(
      path, ';',
      {"Commission professionnelle consultative", "Secteur", "Niveau", kCode, "Diplôme",
       "Intitulé de la spécialité (et options)", "Code RNCP", kCreated, "Première session",
       "Dernière session"},
      progress, [&](const RowView& r) -> Status {
        ++dataset.rows_read;
        // The code is published in several spellings of one form: "400-24202 V", "50025224R",
        // "56133605 T", "32022406". Its 8 digits are the CFD.
        auto code = r.Matching(kCode, "[0-9]{3}-?[0-9]{5} ?[A-Z]?", "a diploma code (CFD)");
        auto commission = r.Required("Commission professionnelle consultative");
        auto sector = r.Required("Secteur");
        auto level = r.Matching("Niveau", "Niveau [3-8]", "a level (Niveau 3 to Niveau 8)");
        auto type = r.Required("Diplôme");
        auto specialty = r.Required("Intitulé de la spécialité (et options)");
        // "en cours": the RNCP fiche is being registered, none yet (NULL).
        auto rncp = r.Matching("Code RNCP", "([1-9][0-9]{0,5})?|en cours",
                               "an RNCP number (or empty, or en cours)");
        auto created = r.Matching(kCreated, "[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date (YYYY-MM-DD)");
        auto first = r.Matching("Première session", "[0-9]{4}", "a year");
        auto last = r.Matching("Dernière session", "([0-9]{4})?", "a year (or empty)");
        for (const auto* field : {&code, &commission, &sector, &level, &type, &specialty, &rncp,
                                  &created, &first, &last})
          if (!*field) return Fail(field->error());
        std::string cfd;
        for (char c : *code)
          if (c >= '0' && c <= '9') cfd += c;
        reference::Row row{cfd, *code, *type, *specialty, level->substr(7),
                           rncp->empty() || *rncp == "en cours" ? Cell{} : Cell{"RNCP" + *rncp},
                           // "Secteur" alone: the list gives no sector.
                           *sector == "Secteur" ? Cell{} : Cell{*sector}, *commission, *first,
                           OrNull(*last)};
        // A renovated diploma may keep its code: the list then holds the old one too (its last
        // session passed). The latest creation order is the diploma.
        auto [at, added] = seen.emplace(cfd, std::pair{diplomas.size(), *created});
        if (!added) {
          ++older;
          if (*created == at->second.second)
            return Fail(r.Problem(
                kCode, fmt::format("{} appears on an earlier line with the same date", cfd)));
          if (*created > at->second.second) {
            diplomas[at->second.first] = std::move(row);
            at->second.second = *created;
          }
          return Ok();
        }
        diplomas.push_back(std::move(row));
        return Ok();
      });
  if (!status) return Fail(status.error());
  if (older > 0)
    dataset.warnings.push_back(
        fmt::format("{} diplomas replaced by a newer one with the same code were left out", older));
  dataset.tables = {{reference::tables::ProfessionalDiplomas(), std::move(diplomas)}};
  return dataset;
}

Result<reference::Dataset> ReadCfaSifa(const std::filesystem::path& path,
                                       const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"cfa-sifa",
                    path.filename().string(),
                    *sha,
                    "Liste des CFA de l'enquête SIFA 2020",
                    "Ministère de l'Éducation nationale (DEPP)",
                    "licence non précisée"};
  std::vector<reference::Row> cfas;
  std::map<std::string, std::size_t> uais;
  auto status = ForEachRow(
      path, ',',
      {"code_gestion", "numero_uai", "denomination_principale_uai", "patronyme_uai", "adresse_uai",
       "code_postal_uai", "localite_acheminement_uai", "enquete", "nature_uai", "specificite_uai",
       "nouveau", "numero_siren_siret_uai"},
      progress, [&](const RowView& r) -> Status {
        auto uai = r.Matching("numero_uai", "[0-9]{7}[A-Z]", "a UAI (7 digits and a letter)");
        auto management = r.Required("code_gestion");
        auto name = r.Required("denomination_principale_uai");
        auto patronym = r.Required("patronyme_uai");
        auto address = r.Required("adresse_uai");
        auto postal = r.Matching("code_postal_uai", "[0-9]{5}", "a postal code (5 digits)");
        auto town = r.Required("localite_acheminement_uai");
        auto surveyed = r.Matching("enquete", "1?", "1 or empty");
        auto nature = r.Matching("nature_uai", "[0-9]{3}", "a UAI nature (3 digits)");
        auto status_value = r.Required("nouveau");
        auto siret = r.Matching("numero_siren_siret_uai", "([0-9]{14})?", "a SIRET (14 digits)");
        for (const auto* field : {&uai, &management, &name, &patronym, &address, &postal, &town,
                                  &surveyed, &nature, &status_value, &siret})
          if (!*field) return Fail(field->error());
        if (!uais.emplace(*uai, cfas.size()).second)
          return Fail(r.Problem("numero_uai", fmt::format("{} appears on an earlier line", *uai)));
        cfas.push_back({*uai, *management, *name, *patronym, *address, *postal, *town,
                        OrNull(*surveyed), *nature, OrNull(r.Text("specificite_uai")),
                        *status_value, OrNull(*siret)});
        ++dataset.rows_read;
        return Ok();
      });
  if (!status) return Fail(status.error());
  dataset.tables = {{reference::tables::CfaSifa(), std::move(cfas)}};
  return dataset;
}

}  // namespace maplace::importers
