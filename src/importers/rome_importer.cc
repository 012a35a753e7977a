// ROME 4.0 (France Travail): the "unix_*_v460_utf8.csv" export, and the v3.46 labels.
#include <fmt/format.h>

#include <map>
#include <set>

#include "core/crypto.h"
#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

namespace tables = reference::tables;
using reference::Row;

constexpr char kRomeCode[] = "[A-N][0-9]{4}";

// The official texts escape apostrophes as in SQL ('').
std::string Unescape(std::string text) {
  for (auto pos = text.find("''"); pos != std::string::npos; pos = text.find("''", pos + 1))
    text.erase(pos, 1);
  return text;
}

// The ROME folder may be given as the v460 folder itself or its parent.
std::filesystem::path V460Folder(const std::filesystem::path& path) {
  if (std::filesystem::exists(path / "v460")) return path / "v460";
  return path;
}

}  // namespace

Result<reference::Dataset> ReadRome(const std::filesystem::path& path, const Progress& progress) {
  const auto dir = V460Folder(path);
  auto file = [&](const char* name) { return dir / fmt::format("unix_{}_v460_utf8.csv", name); };
  reference::Dataset dataset;
  dataset.source = {"rome",
                    path.filename().string(),
                    "",
                    "Répertoire opérationnel des métiers et des emplois (ROME) 4.0",
                    "France Travail",
                    "Licence Ouverte / Open Licence 2.0"};

  // The hash of the folder is the hash of its files' hashes, in a fixed order.
  std::string hashes;
  for (const char* name :
       {"referentiel_code_rome", "cr_gd_dp", "grand_domaine", "domaine_professionnel", "texte",
        "referentiel_appellation", "referentiel_competence", "referentiel_savoir",
        "liens_rome_referentiels", "rubrique_mobilite"}) {
    auto sha = FileSha256(file(name));
    if (!sha) return Fail(sha.error());
    hashes += *sha;
  }
  dataset.source.sha256 = crypto::Sha256Hex(hashes);

  std::vector<Row> grand_domains, professional_domains, jobs, titles, skills, job_skills, mobility;
  auto count = [&](auto&) { ++dataset.rows_read; };

  auto status =
      ForEachRow(file("grand_domaine"), ',', {"code_grand_domaine", "libelle_grand_domaine"},
                 progress, [&](const RowView& r) -> Status {
                   auto code = r.Matching("code_grand_domaine", "[A-N]", "a grand domaine letter");
                   auto label = r.Required("libelle_grand_domaine");
                   if (!code) return Fail(code.error());
                   if (!label) return Fail(label.error());
                   grand_domains.push_back({*code, *label});
                   count(r);
                   return Ok();
                 });
  if (!status) return Fail(status.error());

  status = ForEachRow(file("domaine_professionnel"), ',',
                      {"code_domaine_professionnel", "libelle_domaine_professionnel"}, progress,
                      [&](const RowView& r) -> Status {
                        auto code = r.Matching("code_domaine_professionnel", "[A-N][0-9]{2}",
                                               "a professional domain code");
                        auto label = r.Required("libelle_domaine_professionnel");
                        if (!code) return Fail(code.error());
                        if (!label) return Fail(label.error());
                        professional_domains.push_back({*code, *label});
                        count(r);
                        return Ok();
                      });
  if (!status) return Fail(status.error());

  // code -> (grand domain, professional domain)
  std::map<std::string, std::pair<std::string, std::string>> domains;
  status = ForEachRow(
      file("cr_gd_dp"), ',', {"code_rome", "code_grand_domaine", "code_domaine_professionel"},
      progress, [&](const RowView& r) -> Status {
        auto code = r.Matching("code_rome", kRomeCode, "a ROME code");
        if (!code) return Fail(code.error());
        domains[*code] = {r.Text("code_grand_domaine"), r.Text("code_domaine_professionel")};
        count(r);
        return Ok();
      });
  if (!status) return Fail(status.error());

  // code -> type -> position -> sentence
  std::map<std::string, std::map<std::string, std::map<long, std::string>>> texts;
  status = ForEachRow(file("texte"), ',',
                      {"code_rome", "libelle_type_texte", "position_phrase", "libelle_texte"},
                      progress, [&](const RowView& r) -> Status {
                        auto code = r.Matching("code_rome", kRomeCode, "a ROME code");
                        auto position = r.Integer("position_phrase");
                        if (!code) return Fail(code.error());
                        if (!position) return Fail(position.error());
                        texts[*code][r.Text("libelle_type_texte")][std::stol(*position)] =
                            Unescape(r.Text("libelle_texte"));
                        count(r);
                        return Ok();
                      });
  if (!status) return Fail(status.error());
  auto joined = [&](const std::string& code, const char* type) {
    std::string out;
    for (const auto& [position, sentence] : texts[code][type]) {
      if (!out.empty()) out += '\n';
      out += sentence;
    }
    return out;
  };

  std::set<std::string> codes;
  status = ForEachRow(
      file("referentiel_code_rome"), ',', {"code_rome", "libelle_rome", "code_rome_parent"},
      progress, [&](const RowView& r) -> Status {
        auto code = r.Matching("code_rome", kRomeCode, "a ROME code");
        auto label = r.Required("libelle_rome");
        auto parent = r.Matching("code_rome_parent", kRomeCode, "a ROME code");
        if (!code) return Fail(code.error());
        if (!label) return Fail(label.error());
        if (!parent) return Fail(parent.error());
        auto domain = domains.find(*code);
        if (domain == domains.end())
          return Fail(r.Problem("code_rome", "no grand domaine in cr_gd_dp"));
        jobs.push_back({*code, *label, domain->second.first, domain->second.second, *parent,
                        joined(*code, "definition"), joined(*code, "acces_metier")});
        codes.insert(*code);
        count(r);
        return Ok();
      });
  if (!status) return Fail(status.error());

  status = ForEachRow(file("referentiel_appellation"), ',',
                      {"code_ogr", "libelle_appellation_long", "libelle_appellation_court",
                       "code_rome", "classification"},
                      progress, [&](const RowView& r) -> Status {
                        auto ogr = r.Integer("code_ogr");
                        auto label = r.Required("libelle_appellation_long");
                        auto code = r.Matching("code_rome", kRomeCode, "a ROME code");
                        if (!ogr) return Fail(ogr.error());
                        if (!label) return Fail(label.error());
                        if (!code) return Fail(code.error());
                        if (!codes.count(*code))
                          return Fail(r.Problem("code_rome", "unknown ROME code " + *code));
                        titles.push_back({*ogr, *code, *label, r.Text("libelle_appellation_court"),
                                          r.Text("classification") == "PRINCIPALE" ? "1" : "0"});
                        count(r);
                        return Ok();
                      });
  if (!status) return Fail(status.error());

  std::set<std::string> skill_codes;
  status = ForEachRow(
      file("referentiel_competence"), ',', {"code_ogr", "libelle_competence", "cat_comp"}, progress,
      [&](const RowView& r) -> Status {
        auto ogr = r.Integer("code_ogr");
        auto label = r.Required("libelle_competence");
        if (!ogr) return Fail(ogr.error());
        if (!label) return Fail(label.error());
        const std::string category = r.Text("cat_comp");
        skills.push_back(
            {*ogr, *label, category.rfind("Savoir-être", 0) == 0 ? "savoir_etre" : "savoir_faire"});
        skill_codes.insert(*ogr);
        count(r);
        return Ok();
      });
  if (!status) return Fail(status.error());
  status = ForEachRow(file("referentiel_savoir"), ',', {"code_ogr_savoir", "libelle_savoir"},
                      progress, [&](const RowView& r) -> Status {
                        auto ogr = r.Integer("code_ogr_savoir");
                        auto label = r.Required("libelle_savoir");
                        if (!ogr) return Fail(ogr.error());
                        if (!label) return Fail(label.error());
                        if (skill_codes.insert(*ogr).second)
                          skills.push_back({*ogr, *label, "savoir"});
                        count(r);
                        return Ok();
                      });
  if (!status) return Fail(status.error());

  std::set<std::pair<std::string, std::string>> links;
  status =
      ForEachRow(file("liens_rome_referentiels"), ',', {"code_rome", "code_compo_bloc", "code_ogr"},
                 progress, [&](const RowView& r) -> Status {
                   ++dataset.rows_read;
                   if (r.Text("code_compo_bloc") != "5") return Ok();  // skills only
                   auto code = r.Matching("code_rome", kRomeCode, "a ROME code");
                   auto ogr = r.Integer("code_ogr");
                   if (!code) return Fail(code.error());
                   if (!ogr) return Fail(ogr.error());
                   if (skill_codes.count(*ogr) && links.emplace(*code, *ogr).second)
                     job_skills.push_back({*code, *ogr});
                   return Ok();
                 });
  if (!status) return Fail(status.error());

  status =
      ForEachRow(file("rubrique_mobilite"), ',', {"code_rome", "code_rome_cible", "numero_ordre"},
                 progress, [&](const RowView& r) -> Status {
                   auto code = r.Matching("code_rome", kRomeCode, "a ROME code");
                   auto target = r.Matching("code_rome_cible", kRomeCode, "a ROME code");
                   auto rank = r.Integer("numero_ordre");
                   if (!code) return Fail(code.error());
                   if (!target) return Fail(target.error());
                   if (!rank) return Fail(rank.error());
                   mobility.push_back({*code, *target, *rank});
                   count(r);
                   return Ok();
                 });
  if (!status) return Fail(status.error());

  dataset.tables = {{tables::RomeGrandDomains(), std::move(grand_domains)},
                    {tables::RomeProfessionalDomains(), std::move(professional_domains)},
                    {tables::RomeJobs(), std::move(jobs)},
                    {tables::RomeJobTitles(), std::move(titles)},
                    {tables::RomeSkills(), std::move(skills)},
                    {tables::RomeJobSkills(), std::move(job_skills)},
                    {tables::RomeMobility(), std::move(mobility)}};
  return dataset;
}

Result<reference::Dataset> ReadRomeV3(const std::filesystem::path& path, const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"rome-v3",
                    path.filename().string(),
                    *sha,
                    "ROME 3.46 : intitulés historiques des fiches",
                    "France Travail",
                    "Licence Ouverte / Open Licence 2.0"};
  std::vector<Row> labels;
  auto status = ForEachRow(path, ',', {"code_rome", "libelle_rome_v3"}, progress,
                           [&](const RowView& r) -> Status {
                             auto code = r.Matching("code_rome", kRomeCode, "a ROME code");
                             auto label = r.Required("libelle_rome_v3");
                             if (!code) return Fail(code.error());
                             if (!label) return Fail(label.error());
                             labels.push_back({*code, *label});
                             ++dataset.rows_read;
                             return Ok();
                           });
  if (!status) return Fail(status.error());
  dataset.tables = {{tables::RomeV3Labels(), std::move(labels)}};
  return dataset;
}

Result<reference::Dataset> ReadFapRome(const std::filesystem::path& path,
                                       const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"fap-rome",
                    path.filename().string(),
                    *sha,
                    "Correspondance FAP 2009 – PCS – ROME",
                    "Dares, France Travail",
                    "Licence Ouverte / Open Licence 2.0"};
  std::vector<Row> links;
  std::set<std::pair<std::string, std::string>> seen;
  auto status = ForEachRow(
      path, ',', {"code_fap2009", "code_rome"}, progress, [&](const RowView& r) -> Status {
        auto fap = r.Matching("code_fap2009", "[A-Z][0-9][A-Z][0-9]{2}", "a FAP 2009 code");
        auto code = r.Matching("code_rome", kRomeCode, "a ROME code");
        if (!fap) return Fail(fap.error());
        if (!code) return Fail(code.error());
        if (seen.emplace(*fap, *code).second) links.push_back({*fap, *code});
        ++dataset.rows_read;
        return Ok();
      });
  if (!status) return Fail(status.error());
  dataset.tables = {{tables::FapRome(), std::move(links)}};
  return dataset;
}

}  // namespace maplace::importers
