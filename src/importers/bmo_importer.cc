// BMO, "Besoins en main-d'œuvre" (France Travail): hiring projects per job family (FAP) and
// employment area, one table per year or several years in one file.
#include <fmt/format.h>

#include <set>

#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

// A count as published: a whole number, or "*" for statistical secrecy (NULL, never 0).
Result<reference::Cell> Count(const RowView& r, const std::string& column) {
  if (r.Text(column) == "*") return reference::Cell{};
  auto value = r.Integer(column);
  if (!value) return Fail(value.error());
  return reference::Cell{*value};
}

}  // namespace

Result<reference::Dataset> ReadBmo(const std::filesystem::path& path, const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"bmo",
                    path.filename().string(),
                    *sha,
                    "Enquête Besoins en main-d'œuvre (BMO)",
                    "France Travail, Crédoc",
                    "Licence Ouverte / Open Licence 2.0"};
  std::vector<reference::Row> figures;
  std::set<std::string> years;
  auto status = ForEachRow(
      path, ',',
      {"annee", "code_metier_bmo", "nom_metier_bmo", "famille_met", "lbl_fam_met", "code_bassin",
       "met", "xmet", "smet"},
      progress, [&](const RowView& r) -> Status {
        auto year = r.Matching("annee", "20[0-9]{2}", "a year");
        // FAP 2009 codes (A0Z40) until 2023, FAP 2021 (A0X40, sometimes with a letter) after.
        auto fap = r.Matching("code_metier_bmo", "[A-Z][0-9A-Z][A-Z][0-9]{2}[a-z]?", "a FAP code");
        auto label = r.Required("nom_metier_bmo");
        auto area = r.Matching("code_bassin", "[0-9]{3,4}", "an employment area code");
        auto projects = Count(r, "met");
        auto difficult = Count(r, "xmet");
        auto seasonal = Count(r, "smet");
        for (const auto* field : {&year, &fap, &label, &area})
          if (!*field) return Fail(field->error());
        for (const auto* count : {&projects, &difficult, &seasonal})
          if (!*count) return Fail(count->error());
        // Published shares cannot exceed the projects they are shares of.
        if (*projects && *difficult && std::stoll(**difficult) > std::stoll(**projects))
          return Fail(r.Problem("xmet", "more difficult projects than projects"));
        if (*projects && *seasonal && std::stoll(**seasonal) > std::stoll(**projects))
          return Fail(r.Problem("smet", "more seasonal projects than projects"));
        std::string area_code = *area;
        if (area_code.size() == 4 && area_code[0] == '0') area_code.erase(0, 1);  // 0201 -> 201
        figures.push_back({*year, *fap, area_code, *label, r.Text("famille_met"),
                           r.Text("lbl_fam_met"), *projects, *difficult, *seasonal});
        years.insert(*year);
        ++dataset.rows_read;
        return Ok();
      });
  if (!status) return Fail(status.error());
  std::string list;
  for (const auto& y : years) list += (list.empty() ? "" : ", ") + y;
  dataset.source.title += " " + list;
  dataset.tables = {{reference::tables::BmoFigures(), std::move(figures)}};
  return dataset;
}

}  // namespace maplace::importers
