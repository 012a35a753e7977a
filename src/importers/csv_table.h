#pragma once

#include <filesystem>
#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "core/csv_reader.h"
#include "importers/importers.h"

namespace maplace::importers {

// A row being validated: its values by column name, and errors that name file, line, column.
class RowView {
 public:
  RowView(const csv::Record& record, const csv::Header& header, const std::filesystem::path& path)
      : record_(record), header_(header), path_(path) {}
  // The trimmed value; "" when the row is short.
  std::string Text(const std::string& column) const;
  // A non-empty value, or an error.
  Result<std::string> Required(const std::string& column) const;
  // A whole number written in decimal, returned in canonical form ("0253" -> "253").
  Result<std::string> Integer(const std::string& column) const;
  // A value matching a pattern (e.g. ROME code: one letter and four digits).
  Result<std::string> Matching(const std::string& column, const char* regex,
                               const char* what) const;
  Error Problem(const std::string& column, const std::string& message) const;
  std::size_t line() const { return record_.line; }

 private:
  const csv::Record& record_;
  const csv::Header& header_;
  const std::filesystem::path& path_;
};

// Streams a CSV file with a header, calling `row` for each record; stops at the first error.
Status ForEachRow(const std::filesystem::path& path, char separator,
                  const std::vector<std::string>& required_columns, const Progress& progress,
                  const std::function<Status(const RowView&)>& row);

// A pattern compiled once per thread (std::regex is slow to build).
const std::regex& Compiled(const char* pattern);

// SHA-256 of a file's bytes.
Result<std::string> FileSha256(const std::filesystem::path& path);

}  // namespace maplace::importers
