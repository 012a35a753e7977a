// Collective agreements (IDCC, from the KALI base of Légifrance) and the RNCP certifications
// attributed to each OPCO, read from one folder.
#include <fmt/format.h>

#include <set>

#include "core/crypto.h"
#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

constexpr char kAgreementsFile[] = "idcc_conventions_collectives.csv";
constexpr char kOpcoFile[] = "opco_rncp_perimetre.csv";

}  // namespace

Result<reference::Dataset> ReadIdcc(const std::filesystem::path& path, const Progress& progress) {
  const auto agreements_file = path / kAgreementsFile;
  const auto opco_file = path / kOpcoFile;
  reference::Dataset dataset;
  dataset.source = {"idcc",
                    path.filename().string(),
                    "",
                    "Conventions collectives (IDCC) et certifications RNCP par OPCO",
                    "DILA (base KALI, via SocialGouv), Mission apprentissage",
                    "Licence Ouverte / Open Licence 2.0 (KALI) ; listes OPCO : non précisée"};
  // The hash of the folder is the hash of its files' hashes, in a fixed order.
  std::string hashes;
  for (const auto& file : {agreements_file, opco_file}) {
    auto sha = FileSha256(file);
    if (!sha) return Fail(sha.error());
    hashes += *sha;
  }
  dataset.source.sha256 = crypto::Sha256Hex(hashes);

  std::vector<reference::Row> agreements;
  std::set<std::string> idccs;
  std::int64_t without_idcc = 0;
  auto status = ForEachRow(
      agreements_file, ',', {"idcc", "titre", "titre_court"}, progress,
      [&](const RowView& r) -> Status {
        ++dataset.rows_read;
        // A few national agreements (e.g. on VRP) have no IDCC: nothing to key them by.
        if (r.Text("idcc").empty()) {
          ++without_idcc;
          return Ok();
        }
        auto idcc = r.Matching("idcc", "[0-9]{4}", "an IDCC (4 digits)");
        auto title = r.Required("titre");
        auto short_title = r.Required("titre_court");
        for (const auto* field : {&idcc, &title, &short_title})
          if (!*field) return Fail(field->error());
        if (!idccs.insert(*idcc).second)
          return Fail(r.Problem("idcc", fmt::format("{} appears on an earlier line", *idcc)));
        agreements.push_back({*idcc, *title, *short_title});
        return Ok();
      });
  if (!status) return Fail(status.error());
  if (without_idcc > 0)
    dataset.warnings.push_back(
        fmt::format("{} agreements without an IDCC were left out", without_idcc));

  // Not an IDCC -> OPCO table: the lists of certifications each OPCO finances.
  std::vector<reference::Row> opco_certifications;
  std::set<std::pair<std::string, std::string>> seen;
  status =
      ForEachRow(opco_file, ',', {"opco", "code_rncp"}, progress, [&](const RowView& r) -> Status {
        ++dataset.rows_read;
        auto opco = r.Matching("opco", "[0-9a-z]+", "an OPCO name");
        auto rncp = r.Matching("code_rncp", "RNCP[1-9][0-9]{0,5}", "an RNCP fiche");
        if (!opco) return Fail(opco.error());
        if (!rncp) return Fail(rncp.error());
        // The source lists repeat some codes.
        if (seen.emplace(*opco, *rncp).second) opco_certifications.push_back({*opco, *rncp});
        return Ok();
      });
  if (!status) return Fail(status.error());

  dataset.tables = {{reference::tables::CollectiveAgreements(), std::move(agreements)},
                    {reference::tables::OpcoCertifications(), std::move(opco_certifications)}};
  return dataset;
}

}  // namespace maplace::importers
