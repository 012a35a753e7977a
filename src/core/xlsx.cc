#include "core/xlsx.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace maplace::xlsx {

namespace {

// libxlsxwriter writes to a file: a private temporary one, removed on every path.
struct TemporaryFile {
  std::filesystem::path path;
  TemporaryFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "maplace-xlsx-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd >= 0) {
      close(fd);
      path = pattern;
    }
  }
  ~TemporaryFile() {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove(path, ignored);
  }
};

bool ValidSheetName(const std::string& name) {
  if (name.empty() || name.size() > 31) return false;
  return name.find_first_of("[]:*?/\\") == std::string::npos;
}

}  // namespace

Result<std::string> Write(const std::vector<Sheet>& sheets, UnixSeconds created) {
  if (sheets.empty()) return Fail(ErrorCode::kInvalidArgument, "a workbook needs a sheet");
  for (const Sheet& sheet : sheets) {
    if (!ValidSheetName(sheet.name))
      return Fail(ErrorCode::kInvalidArgument, fmt::format("bad sheet name '{}'", sheet.name));
  }
  TemporaryFile file;
  if (file.path.empty()) return Fail(ErrorCode::kUnavailable, "cannot create a temporary file");

  lxw_workbook* book = workbook_new(file.path.c_str());
  if (book == nullptr) return Fail(ErrorCode::kUnavailable, "cannot start the workbook");
  lxw_doc_properties properties{};
  properties.created = static_cast<time_t>(created);
  workbook_set_properties(book, &properties);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* euros = workbook_add_format(book);
  format_set_num_format(euros, "#,##0.00 \"€\"");
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "dd/mm/yyyy");

  for (const Sheet& sheet : sheets) {
    lxw_worksheet* page = workbook_add_worksheet(book, sheet.name.c_str());
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
      worksheet_write_string(page, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold);
      worksheet_set_column(page, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 18, nullptr);
    }
    worksheet_freeze_panes(page, 1, 0);
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const Cell& cell = sheet.rows[r][c];
        if (const auto* text = std::get_if<std::string>(&cell)) {
          // A cell a spreadsheet would run as a formula is written as text anyway: no injection.
          worksheet_write_string(page, row, col, text->c_str(), nullptr);
        } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
          worksheet_write_number(page, row, col, static_cast<double>(*number), nullptr);
        } else if (const auto* amount = std::get_if<Euros>(&cell)) {
          worksheet_write_number(page, row, col, static_cast<double>(amount->cents) / 100.0, euros);
        } else if (const auto* day = std::get_if<Date>(&cell)) {
          lxw_datetime value{static_cast<int>(day->year()),
                             static_cast<int>(static_cast<unsigned>(day->month())),
                             static_cast<int>(static_cast<unsigned>(day->day())),
                             0,
                             0,
                             0};
          worksheet_write_datetime(page, row, col, &value, date);
        }
      }
    }
  }
  if (lxw_error error = workbook_close(book); error != LXW_NO_ERROR)
    return Fail(ErrorCode::kUnavailable,
                fmt::format("workbook not written: {}", lxw_strerror(error)));
  std::ifstream in(file.path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace maplace::xlsx
