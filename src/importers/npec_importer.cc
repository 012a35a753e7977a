// France compétences' référentiel unique des NPEC (niveaux de prise en charge des contrats
// d'apprentissage): the yearly amount the OPCO of a branch (CPNE) pays the CFA per contract,
// by certification (RNCP code). France compétences publishes it as an XLSX workbook
// (francecompetences.fr, « Référentiel des NPEC », e.g. Referentiel-des-NPEC_vMAJ-09.04.2024.xlsx);
// this reads the CSV export of its sheet « Onglet 3 - référentiel NPEC », as Excel or
// LibreOffice write it: separator ';' or ',', UTF-8 (with or without BOM) or Windows-1252.
//
// The columns, as the référentiel names them since the September 2022 edition. Found in the
// importer of mission-apprentissage/api-apprentissage (server/src/jobs/importer/npec/
// npec.importer.ts, the spec of the current workbook, and npec.importer.test.ts, which reads
// the published files): the sheet has three title rows, then the header row
//   « Code RNCP » (also « RNCP »)                      -> rncp_code, required
//   « Libellé de la formation »                          -> certification_label
//   « Certificateur* <note> »                            (ignored)
//   « Libellé du Diplôme » / « Type de diplôme »         (ignored: "BP", "BTS"…)
//   « Code CPNE »                                        -> cpne_code, required
//   « CPNE »                                             -> cpne_label, required
//   « NPEC final »                                       -> yearly_cents, required
//   « Statut »                                           -> status ("A", "D"…)
//   « Date d'applicabilité des NPEC** <note> »           -> applicable_from
// Older editions (2019–2021) said « Libellé de la certification », « Libellé CPNE » and
// « Valeur finale »: they are accepted too. Headers match without case, with their notes
// (from the first '*') ignored, so the header row is found wherever the title rows end.
// The workbook's other sheet, « Onglet N - CPNE-IDCC » (IDCC, Code CPNE, CPNE), is not read:
// an IDCC -> CPNE table would be a separate kind.
//
// Values: an NPEC of « NC », « NR », « - » or empty is not set yet (api-apprentissage skips
// those rows too): the row is left out and counted in a warning. Amounts are euros, with a
// decimal comma or point, spaces or no-break spaces between thousands and an optional « € »;
// they are kept in cents, rounded half up (6079,3333 -> 607933). A « Code RNCP » cell may hold
// several codes separated by '/' and may omit the "RNCP" prefix; each code gets its row. Dates
// are "15/10/2023", "2023-10-15" (with an optional time) or an Excel day number. When one
// (certification, CPNE) pair appears on several lines, the latest date of applicability wins
// (counted in a warning); two different amounts on the same date refuse the file, naming both
// lines.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/crypto.h"
#include "core/csv_reader.h"
#include "core/date.h"
#include "core/text.h"
#include "domain/reference/tables.h"
#include "importers/csv_table.h"
#include "importers/readers.h"

namespace maplace::importers {
namespace {

// The columns read, by the référentiel's current names.
constexpr char kRncp[] = "Code RNCP";
constexpr char kLabel[] = "Libellé de la formation";
constexpr char kCpneCode[] = "Code CPNE";
constexpr char kCpne[] = "CPNE";
constexpr char kNpec[] = "NPEC final";
constexpr char kStatus[] = "Statut";
constexpr char kDate[] = "Date d'applicabilité des NPEC";

// How far down the title rows may go before the header row.
constexpr std::size_t kMaxTitleRows = 30;

// A header cell compared without case, spacing, typographic apostrophes or notes.
std::string HeaderKey(std::string_view cell) {
  std::string s(cell.substr(0, cell.find('*')));
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"\u2019", "'"},
                                 {"\u00A0", " "},
                                 {"\n", " "},
                                 {"\r", " "}}) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  }
  std::string out;
  for (char c : text::AsciiLower(text::Trim(s))) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

// The column a header cell names, or "".
std::string ColumnOf(std::string_view cell) {
  static const std::map<std::string, std::string> kNames = {
      {"code rncp", kRncp},
      {"rncp", kRncp},
      {"code diplôme/code rncp", kRncp},
      {"libellé de la formation", kLabel},
      {"libellé de la certification", kLabel},
      {"code cpne", kCpneCode},
      {"cpne", kCpne},
      {"libellé cpne", kCpne},
      {"intitulé cpne", kCpne},
      {"npec final", kNpec},
      {"valeur finale", kNpec},
      {"statut", kStatus},
      {"date d'applicabilité des npec", kDate},
      {"date d'applicabilité", kDate},
  };
  auto it = kNames.find(HeaderKey(cell));
  return it == kNames.end() ? "" : it->second;
}

bool IsHeader(const csv::Record& record) {
  bool cpne = false, npec = false;
  for (const auto& cell : record.fields) {
    const std::string column = ColumnOf(cell);
    cpne = cpne || column == kCpneCode;
    npec = npec || column == kNpec;
  }
  return cpne && npec;
}

// Euros as written in the référentiel or its exports, in cents rounded half up; nullopt when
// not a positive amount.
std::optional<std::int64_t> ParseCents(std::string_view text) {
  std::string s(text);
  for (const char* blank : {"\u00A0", "\u202F", "\u20AC", " ", "'"}) {
    for (auto at = s.find(blank); at != std::string::npos; at = s.find(blank))
      s.erase(at, std::string_view(blank).size());
  }
  // With both marks, the last one is the decimal mark; a lone mark is always decimal.
  const auto comma = s.rfind(','), point = s.rfind('.');
  const auto decimal = comma == std::string::npos   ? point
                       : point == std::string::npos ? comma
                                                    : std::max(comma, point);
  std::string whole = s.substr(0, decimal), fraction;
  if (decimal != std::string::npos) fraction = s.substr(decimal + 1);
  std::erase_if(whole, [](char c) { return c == ',' || c == '.'; });
  const auto digits = [](const std::string& d) {
    return d.find_first_not_of("0123456789") == std::string::npos;
  };
  if (whole.empty() || whole.size() > 12 || !digits(whole) || !digits(fraction)) return {};
  fraction.resize(std::max<std::size_t>(fraction.size(), 3), '0');
  std::int64_t cents = std::stoll(whole) * 100 + (fraction[0] - '0') * 10 + (fraction[1] - '0');
  if (fraction[2] >= '5') ++cents;
  if (cents <= 0) return {};
  return cents;
}

// "15/10/2023", "2023-10-15", "2023-10-15 00:00:00" or an Excel day number (45214).
std::optional<Date> ParseDate(const std::string& s) {
  static const std::regex kFrench("([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");
  static const std::regex kIso("([0-9]{4}-[0-9]{2}-[0-9]{2})([ T][0-9:.]+)?");
  static const std::regex kSerial("[1-9][0-9]{4}");
  std::smatch m;
  if (std::regex_match(s, m, kFrench))
    return ParseIsoDate(fmt::format("{}-{:0>2}-{:0>2}", m[3].str(), m[2].str(), m[1].str()));
  if (std::regex_match(s, m, kIso)) return ParseIsoDate(m[1].str());
  if (std::regex_match(s, kSerial)) {
    // Excel counts days from 30 December 1899 (its 1900 leap-year bug included).
    const auto day =
        std::chrono::sys_days(std::chrono::year{1899} / 12 / 30) + std::chrono::days(std::stoi(s));
    return Date(day);
  }
  return {};
}

// One line read: the row, with its line for the messages about duplicates.
struct NpecLine {
  reference::Row row;
  std::size_t line = 0;
  std::optional<Date> applicable_from;
};

}  // namespace

Result<reference::Dataset> ReadNpec(const std::filesystem::path& path, const Progress& progress) {
  std::string content;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail(ErrorCode::kNotFound, path.string() + ": cannot open the file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    content = buffer.str();
  }
  reference::Dataset dataset;
  dataset.source = {"npec",
                    path.filename().string(),
                    crypto::Sha256Hex(content),
                    "Référentiel unique des niveaux de prise en charge (NPEC) des contrats "
                    "d'apprentissage",
                    "France compétences",
                    "non précisée (publication de France compétences)"};
  const auto encoding = text::IsUtf8(content) ? csv::Encoding::kUtf8 : csv::Encoding::kWindows1252;
  // The separator is the mark the title and header rows are full of.
  std::size_t head = 0;
  for (std::size_t lines = 0; head < content.size() && lines < kMaxTitleRows; ++lines) {
    head = content.find('\n', head);
    if (head == std::string::npos) head = content.size();
    ++head;
  }
  const std::string_view start = std::string_view(content).substr(0, head);
  const char separator =
      std::count(start.begin(), start.end(), ';') >= std::count(start.begin(), start.end(), ',')
          ? ';'
          : ',';
  content.clear();

  auto reader = csv::Reader::Open(path, separator, encoding);
  if (!reader) return Fail(reader.error());
  std::optional<csv::Header> header;
  for (std::size_t n = 0; n < kMaxTitleRows && !header; ++n) {
    auto record = (*reader)->Next();
    if (!record) return Fail(record.error());
    if (!*record) break;
    if (!IsHeader(**record)) continue;
    // The header under the référentiel's current names, so that errors say them.
    csv::Record named = **record;
    for (auto& cell : named.fields) {
      if (auto column = ColumnOf(cell); !column.empty()) cell = column;
    }
    auto parsed = csv::Header::From(named, {kRncp, kCpneCode, kCpne, kNpec}, path);
    if (!parsed) return Fail(parsed.error());
    header = std::move(*parsed);
  }
  if (!header)
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{}: no header row with « {} » and « {} » in the first {} rows: is it "
                            "the CSV export of the sheet « Onglet 3 - référentiel NPEC »?",
                            path.string(), kCpneCode, kNpec, kMaxTitleRows));

  std::map<std::pair<std::string, std::string>, NpecLine> rows;
  std::int64_t not_set = 0, superseded = 0, repeated = 0;
  std::uint64_t next_report = 0;
  while (true) {
    auto record = (*reader)->Next();
    if (!record) return Fail(record.error());
    if (!*record) break;
    const RowView r(**record, *header, path);
    if (progress && (*reader)->bytes_read() >= next_report) {
      progress(path.filename().string(), (*reader)->bytes_read(), (*reader)->size());
      next_report = (*reader)->bytes_read() + (*reader)->size() / 50 + 1;
    }
    // Spreadsheets export their empty formatted rows as lines of separators.
    bool blank = true;
    for (const auto& cell : (*record)->fields) blank = blank && text::Trim(cell).empty();
    if (blank) continue;
    ++dataset.rows_read;

    const std::string amount_text = r.Text(kNpec);
    const std::string lower = text::AsciiLower(amount_text);
    if (lower.empty() || lower == "nc" || lower == "nr" || lower == "-") {
      ++not_set;
      continue;
    }
    const auto cents = ParseCents(amount_text);
    if (!cents)
      return Fail(r.Problem(kNpec, fmt::format("'{}' is not an amount in euros", amount_text)));
    auto cpne_code = r.Matching(kCpneCode, "[0-9A-Za-z]{1,10}", "a CPNE code");
    auto cpne = r.Required(kCpne);
    auto rncp_cell = r.Required(kRncp);
    for (const auto* field : {&cpne_code, &cpne, &rncp_cell})
      if (!*field) return Fail(field->error());
    auto optional_text = [&](const char* column) -> Result<reference::Cell> {
      if (!header->Has(column) || r.Text(column).empty()) return reference::Cell{};
      auto value = r.Required(column);
      if (!value) return Fail(value.error());
      return reference::Cell{*value};
    };
    auto label = optional_text(kLabel);
    auto status = optional_text(kStatus);
    auto date_text = optional_text(kDate);
    for (const auto* field : {&label, &status, &date_text})
      if (!*field) return Fail(field->error());
    std::optional<Date> applicable_from;
    if (*date_text) {
      applicable_from = ParseDate(**date_text);
      if (!applicable_from)
        return Fail(r.Problem(kDate, fmt::format("'{}' is not a date", **date_text)));
    }
    const reference::Cell date_cell =
        applicable_from ? reference::Cell{FormatIsoDate(*applicable_from)} : std::nullopt;

    std::vector<std::string> rncp_codes;
    std::stringstream cell(*rncp_cell);
    for (std::string code; std::getline(cell, code, '/');) {
      code = text::AsciiLower(text::Trim(code));
      if (code.empty()) continue;
      if (code.rfind("rncp", 0) == 0) code.erase(0, 4);
      code = "RNCP" + std::string(text::Trim(code));
      if (!std::regex_match(code, Compiled("RNCP[1-9][0-9]{0,5}")))
        return Fail(r.Problem(kRncp, fmt::format("'{}' is not an RNCP code", *rncp_cell)));
      rncp_codes.push_back(code);
    }
    if (rncp_codes.empty())
      return Fail(r.Problem(kRncp, fmt::format("'{}' is not an RNCP code", *rncp_cell)));

    for (const auto& rncp : rncp_codes) {
      NpecLine read{{rncp, *cpne_code, *cpne, *label, std::to_string(*cents), date_cell, *status},
                    r.line(),
                    applicable_from};
      auto [it, added] = rows.try_emplace({rncp, *cpne_code}, read);
      if (added) continue;
      NpecLine& earlier = it->second;
      if (earlier.row == read.row) {
        ++repeated;
      } else if (earlier.applicable_from != read.applicable_from) {
        ++superseded;
        if (read.applicable_from > earlier.applicable_from) earlier = std::move(read);
      } else if (earlier.row[4] != read.row[4]) {
        return Fail(r.Problem(
            kNpec, fmt::format("{} in CPNE {} already has {} on line {}, for the same date", rncp,
                               *cpne_code, *earlier.row[4], earlier.line)));
      } else {
        ++repeated;  // same amount and date, other wording: the first line is kept
      }
    }
  }
  if (progress) progress(path.filename().string(), (*reader)->size(), (*reader)->size());

  if (not_set > 0)
    dataset.warnings.push_back(
        fmt::format("{} rows without an NPEC (NC, NR or empty) were left out", not_set));
  if (superseded > 0)
    dataset.warnings.push_back(
        fmt::format("{} certification and CPNE pairs appear with several dates: the latest applies",
                    superseded));
  if (repeated > 0)
    dataset.warnings.push_back(fmt::format("{} repeated lines were read once", repeated));
  std::vector<reference::Row> out;
  out.reserve(rows.size());
  for (auto& [key, read] : rows) out.push_back(std::move(read.row));
  dataset.tables = {{reference::tables::Npec(), std::move(out)}};
  return dataset;
}

}  // namespace maplace::importers
