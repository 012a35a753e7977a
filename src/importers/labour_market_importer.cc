// Dares and France Travail labour-market references: the FAP 2021 nomenclature that labels BMO
// codes from 2024 on, and the 2021 tension indicators by ROME job and employment area.
#include <fmt/format.h>

#include <set>

#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

// A yearly mean published with a decimal comma ("16,61538462"), in hundredths rounded half up:
// "1662". Whole numbers ("28") give "2800".
Result<std::string> Hundredths(const RowView& r, const std::string& column) {
  auto value = r.Matching(column, "[0-9]{1,15}(,[0-9]+)?", "a number (decimal comma)");
  if (!value) return Fail(value.error());
  const auto comma = value->find(',');
  const std::string whole = value->substr(0, comma);
  std::string decimals = comma == std::string::npos ? "" : value->substr(comma + 1);
  decimals.resize(3, '0');
  long long hundredths = std::stoll(whole) * 100 + std::stoll(decimals.substr(0, 2));
  if (decimals[2] >= '5') ++hundredths;
  return std::to_string(hundredths);
}

// A quintile, 1 to 5; NULL when the cell is empty.
Result<reference::Cell> Quintile(const RowView& r, const std::string& column) {
  auto value = r.Matching(column, "[1-5]?", "a quintile (1 to 5, or empty)");
  if (!value) return Fail(value.error());
  if (value->empty()) return reference::Cell{};
  return reference::Cell{*value};
}

}  // namespace

Result<reference::Dataset> ReadFap2021(const std::filesystem::path& path,
                                       const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"fap2021", path.filename().string(),
                    *sha,      "Nomenclature des familles professionnelles (FAP) 2021",
                    "Dares",   "Licence Ouverte (non vérifiée)"};
  std::vector<reference::Row> families;
  std::set<std::string> codes;
  auto status = ForEachRow(
      path, ';',
      {"Code_FAP341", "Intitulé_FAP341", "Code_FAP228", "Intitulé_FAP228", "Code_FAP86",
       "Intitulé_FAP86", "Code_FAP22", "Intitulé_FAP22"},
      progress, [&](const RowView& r) -> Status {
        auto fap341 =
            r.Matching("Code_FAP341", "[A-Z][0-9A-Z][A-Z][0-9]{2}[a-z]?", "a FAP 341 code");
        auto fap228 = r.Matching("Code_FAP228", "[A-Z][0-9A-Z][A-Z][0-9]{2}", "a FAP 228 code");
        auto fap86 = r.Matching("Code_FAP86", "[A-Z][0-9A-Z][A-Z]", "a FAP 86 code");
        auto fap22 = r.Matching("Code_FAP22", "[A-Z]", "a FAP 22 code");
        auto label341 = r.Required("Intitulé_FAP341");
        auto label228 = r.Required("Intitulé_FAP228");
        auto label86 = r.Required("Intitulé_FAP86");
        auto label22 = r.Required("Intitulé_FAP22");
        for (const auto* field :
             {&fap341, &fap228, &fap86, &fap22, &label341, &label228, &label86, &label22})
          if (!*field) return Fail(field->error());
        // Each level refines the one above: A0X41a is in A0X41, in A0X, in A.
        if (fap341->rfind(*fap228, 0) != 0)
          return Fail(r.Problem("Code_FAP228", fmt::format("{} is not in {}", *fap341, *fap228)));
        if (fap228->rfind(*fap86, 0) != 0)
          return Fail(r.Problem("Code_FAP86", fmt::format("{} is not in {}", *fap228, *fap86)));
        if (fap86->rfind(*fap22, 0) != 0)
          return Fail(r.Problem("Code_FAP22", fmt::format("{} is not in {}", *fap86, *fap22)));
        if (!codes.insert(*fap341).second)
          return Fail(
              r.Problem("Code_FAP341", fmt::format("{} appears on an earlier line", *fap341)));
        families.push_back(
            {*fap341, *label341, *fap228, *label228, *fap86, *label86, *fap22, *label22});
        ++dataset.rows_read;
        return Ok();
      });
  if (!status) return Fail(status.error());
  dataset.tables = {{reference::tables::Fap2021Families(), std::move(families)}};
  return dataset;
}

Result<reference::Dataset> ReadTension2021(const std::filesystem::path& path,
                                           const Progress& progress) {
  reference::Dataset dataset;
  auto sha = FileSha256(path);
  if (!sha) return Fail(sha.error());
  dataset.source = {"tension-2021",
                    path.filename().string(),
                    *sha,
                    "Indicateurs de tension sur le marché du travail 2021",
                    "Dares, France Travail",
                    "Licence Ouverte (non vérifiée)"};
  // The sub-indicators, in the table's order after the tension indicator.
  static const char* const kIndicators[] = {
      "ind_tension_d",      "ind_int_emb_d",      "ind_main_oeuvre_d",     "ind_dur_empl_d",
      "ind_cond_travail_d", "ind_mismatch_geo_d", "ind_specif_form_empl_d"};
  std::vector<std::string> required = {"annee", "ROME", "cbassin", "oee", "defm_abc"};
  required.insert(required.end(), std::begin(kIndicators), std::end(kIndicators));
  std::vector<reference::Row> indicators;
  std::set<std::string> keys;
  auto status = ForEachRow(path, ';', required, progress, [&](const RowView& r) -> Status {
    auto year = r.Matching("annee", "20[0-9]{2}", "a year");
    auto rome = r.Matching("ROME", "[A-N][0-9]{4}", "a ROME code");
    auto area = r.Matching("cbassin", "0?[0-9]{3}", "an employment area code");
    // Offers and job seekers are yearly means, published with decimals: kept in hundredths.
    auto offers = Hundredths(r, "oee");
    auto seekers = Hundredths(r, "defm_abc");
    for (const auto* field : {&year, &rome, &area, &offers, &seekers})
      if (!*field) return Fail(field->error());
    std::string area_code = *area;
    if (area_code.size() == 4) area_code.erase(0, 1);  // 0201 -> 201, as in bmo_figures
    reference::Row row{*year, *rome, area_code, *offers, *seekers};
    for (const char* column : kIndicators) {
      auto quintile = Quintile(r, column);
      if (!quintile) return Fail(quintile.error());
      row.push_back(*quintile);
    }
    if (!keys.insert(*rome + " " + area_code).second)
      return Fail(r.Problem(
          "cbassin", fmt::format("{} in area {} appears on an earlier line", *rome, area_code)));
    indicators.push_back(std::move(row));
    ++dataset.rows_read;
    return Ok();
  });
  if (!status) return Fail(status.error());
  dataset.tables = {{reference::tables::TensionIndicators(), std::move(indicators)}};
  return dataset;
}

}  // namespace maplace::importers
