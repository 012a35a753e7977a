// Certifications: Certif Info (Réseau des Carif-Oref) with its links to ROME jobs, completed
// by the Education nationale's "Kit apprentissage" (CFD ↔ RNCP fiche, apprenticeship access)
// when the folder holds it.
#include <fmt/format.h>

#include <map>
#include <set>
#include <unordered_map>

#include "core/crypto.h"
#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

namespace tables = reference::tables;
using reference::Cell;
using reference::Row;

constexpr char kCertifInfoFile[] = "certifinfo_certifications.csv";
constexpr char kRomeLinksFile[] = "certifinfo_rome.csv";
constexpr char kKitFile[] = "kit_apprentissage_cfd_rncp_20231218.csv";
constexpr char kKitAccess[] = "Accès à l'apprentissage de la fiche RNCP (oui/non)";

constexpr char kRomeCode[] = "[A-N][0-9]{4}";
// "NR": the kit lists a diploma without an RNCP fiche.
constexpr char kFicheOrNr[] = "RNCP[1-9][0-9]{0,5}|NR";
// A CFD ("code formation diplôme") is 8 characters, digits with letters in some positions
// (45023407, 1703260E, 56T22704, 46X2220A).
constexpr char kCfd[] = "[0-9A-Z]{8}";
constexpr char kCfdOrNone[] = "([0-9A-Z]{8})?";

// Positions in a certification row (tables::Certifications()).
constexpr std::size_t kRncpAt = 4, kCfdAt = 5, kRncpAccessAt = 7;

Cell OrNull(std::string value) {
  if (value.empty()) return Cell{};
  return Cell{std::move(value)};
}

// What the kit says: the fiches of each CFD, the CFDs of each fiche, and each fiche's access.
struct Kit {
  std::map<std::string, std::set<std::string>> fiches_of_cfd;
  std::map<std::string, std::set<std::string>> cfds_of_fiche;
  std::map<std::string, std::string> access;  // "RNCP38381" -> "1" (oui) or "0" (non)
};

Status ReadKit(const std::filesystem::path& path, const Progress& progress, Kit& kit,
               std::int64_t& rows_read) {
  return ForEachRow(
      path, ';', {"Code_Diplome", "Code_RNCP", kKitAccess}, progress,
      [&](const RowView& r) -> Status {
        ++rows_read;
        auto fiche = r.Matching("Code_RNCP", kFicheOrNr, "an RNCP fiche or NR");
        auto cfd = r.Matching("Code_Diplome", kCfd, "a CFD code");
        auto access = r.Matching(kKitAccess, "oui|non|NR", "oui, non or NR");
        for (const auto* field : {&fiche, &cfd, &access})
          if (!*field) return Fail(field->error());
        if (*fiche == "NR") return Ok();  // nothing to link
        kit.fiches_of_cfd[*cfd].insert(*fiche);
        kit.cfds_of_fiche[*fiche].insert(*cfd);
        if (*access == "NR") return Ok();
        const std::string value = *access == "oui" ? "1" : "0";
        auto [known, added] = kit.access.emplace(*fiche, value);
        if (!added && known->second != value)
          return Fail(r.Problem(
              kKitAccess, fmt::format("'{}' contradicts an earlier line for {}", *access, *fiche)));
        return Ok();
      });
}

// The one counterpart `links` gives for `code`, or "" when it gives none or several.
std::string OnlyLink(const std::map<std::string, std::set<std::string>>& links,
                     const std::string& code, std::int64_t& ambiguous) {
  auto found = links.find(code);
  if (found == links.end()) return "";
  if (found->second.size() > 1) {
    ++ambiguous;
    return "";
  }
  return *found->second.begin();
}

}  // namespace

Result<reference::Dataset> ReadCertifications(const std::filesystem::path& path,
                                              const Progress& progress) {
  const auto certifinfo = path / kCertifInfoFile;
  const auto rome_links = path / kRomeLinksFile;
  const auto kit_file = path / kKitFile;
  const bool with_kit = std::filesystem::exists(kit_file);

  reference::Dataset dataset;
  dataset.source = {"certifications",
                    path.filename().string(),
                    "",
                    "Certif Info : certifications, niveaux et métiers ROME",
                    "Réseau des Carif-Oref",
                    "Licence Ouverte (non vérifiée)"};
  if (with_kit) {
    dataset.source.title += " ; Kit apprentissage CFD – RNCP du 18/12/2023";
    dataset.source.publisher += ", France compétences, Éducation nationale (DEPP)";
    dataset.source.licence += " ; kit : licence non précisée";
  }
  // The hash of the folder is the hash of its files' hashes, in a fixed order.
  std::string hashes;
  for (const auto& file : {certifinfo, rome_links}) {
    auto sha = FileSha256(file);
    if (!sha) return Fail(sha.error());
    hashes += *sha;
  }
  if (with_kit) {
    auto sha = FileSha256(kit_file);
    if (!sha) return Fail(sha.error());
    hashes += *sha;
  }
  dataset.source.sha256 = crypto::Sha256Hex(hashes);

  Kit kit;
  if (with_kit) {
    if (auto s = ReadKit(kit_file, progress, kit, dataset.rows_read); !s) return Fail(s.error());
  }

  std::vector<Row> certifications;
  std::unordered_map<std::string, std::size_t> index;  // Certif Info code -> row
  auto status = ForEachRow(
      certifinfo, ',',
      {"code_certifinfo", "libelle", "type_diplome", "niveau_europeen", "code_rncp", "code_cfd",
       "accessibilite_ca"},
      progress, [&](const RowView& r) -> Status {
        ++dataset.rows_read;
        auto code = r.Integer("code_certifinfo");
        auto label = r.Required("libelle");
        auto type = r.Required("type_diplome");
        auto level = r.Matching("niveau_europeen", "[3-8]?", "a level (3 to 8, or empty)");
        // Certif Info writes the number of the fiche alone: 38410 for RNCP38410.
        auto rncp = r.Matching("code_rncp", "([1-9][0-9]{0,5})?", "an RNCP number");
        auto cfd = r.Matching("code_cfd", kCfdOrNone, "a CFD code");
        // 1 yes, 0 no, 2 undocumented (PROVENANCE.md): kept as published.
        auto access = r.Matching("accessibilite_ca", "[012]", "an access value (1, 0 or 2)");
        for (const auto* field : {&code, &label, &type, &level, &rncp, &cfd, &access})
          if (!*field) return Fail(field->error());
        Row row{*code,
                *label,
                *type,
                OrNull(*level),
                rncp->empty() ? Cell{} : Cell{"RNCP" + *rncp},
                OrNull(*cfd),
                *access,
                Cell{}};
        // The export repeats some certifications, one line per ONISEP code (a column not kept
        // here): the repeats must agree on everything else.
        auto [at, added] = index.emplace(*code, certifications.size());
        if (!added) {
          if (certifications[at->second] != row)
            return Fail(
                r.Problem("code_certifinfo",
                          fmt::format("{} appears on an earlier line with other values", *code)));
          return Ok();
        }
        certifications.push_back(std::move(row));
        return Ok();
      });
  if (!status) return Fail(status.error());

  std::vector<Row> links;
  std::map<std::pair<std::string, std::string>, std::string> ranks;  // (code, ROME) -> rank
  status = ForEachRow(
      rome_links, ',', {"code_certifinfo", "rang", "code_rome"}, progress,
      [&](const RowView& r) -> Status {
        ++dataset.rows_read;
        auto code = r.Integer("code_certifinfo");
        auto rank = r.Matching("rang", "[1-5]", "a rank (1 to 5)");
        auto rome = r.Matching("code_rome", kRomeCode, "a ROME code");
        for (const auto* field : {&code, &rank, &rome})
          if (!*field) return Fail(field->error());
        if (!index.count(*code))
          return Fail(
              r.Problem("code_certifinfo", fmt::format("unknown Certif Info code {}", *code)));
        // The repeated certifications repeat their links too.
        auto [known, added] = ranks.emplace(std::pair{*code, *rome}, *rank);
        if (!added) {
          if (known->second != *rank)
            return Fail(r.Problem(
                "rang", fmt::format("{} is rank {} on an earlier line", *rome, known->second)));
          return Ok();
        }
        links.push_back({*code, *rome, *rank});
        return Ok();
      });
  if (!status) return Fail(status.error());

  // Certif Info is the reference; the kit only fills a code it leaves empty, when the kit gives
  // exactly one counterpart (a CFD may have several fiches over time, and a fiche several CFDs).
  std::int64_t ambiguous_fiches = 0, ambiguous_cfds = 0;
  for (auto& row : certifications) {
    if (!with_kit) break;
    if (!row[kRncpAt] && row[kCfdAt])
      row[kRncpAt] = OrNull(OnlyLink(kit.fiches_of_cfd, *row[kCfdAt], ambiguous_fiches));
    if (!row[kCfdAt] && row[kRncpAt])
      row[kCfdAt] = OrNull(OnlyLink(kit.cfds_of_fiche, *row[kRncpAt], ambiguous_cfds));
    if (row[kRncpAt]) {
      auto access = kit.access.find(*row[kRncpAt]);
      if (access != kit.access.end()) row[kRncpAccessAt] = access->second;
    }
  }
  if (ambiguous_fiches > 0)
    dataset.warnings.push_back(fmt::format(
        "{} certifications without an RNCP code have a CFD with several fiches in the kit: "
        "left without one",
        ambiguous_fiches));
  if (ambiguous_cfds > 0)
    dataset.warnings.push_back(fmt::format(
        "{} certifications without a CFD have an RNCP fiche with several CFDs in the kit: "
        "left without one",
        ambiguous_cfds));

  dataset.tables = {{tables::Certifications(), std::move(certifications)},
                    {tables::CertificationRome(), std::move(links)}};
  return dataset;
}

}  // namespace maplace::importers
