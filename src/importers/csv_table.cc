#include "importers/csv_table.h"

#include <fmt/format.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "core/crypto.h"
#include "core/text.h"

namespace maplace::importers {

std::string RowView::Text(const std::string& column) const {
  const std::size_t i = header_[column];
  if (i >= record_.fields.size()) return "";
  return std::string(text::Trim(record_.fields[i]));
}

Error RowView::Problem(const std::string& column, const std::string& message) const {
  return csv::RowError(path_, record_.line, column, message);
}

Result<std::string> RowView::Required(const std::string& column) const {
  std::string value = Text(column);
  if (value.empty()) return Fail(Problem(column, "empty value"));
  if (!text::IsCleanUtf8(value, true)) return Fail(Problem(column, "not valid UTF-8 text"));
  return value;
}

Result<std::string> RowView::Integer(const std::string& column) const {
  std::string value = Text(column);
  if (value.empty() || value.size() > 18 ||
      value.find_first_not_of("0123456789") != std::string::npos)
    return Fail(Problem(column, fmt::format("'{}' is not a whole number", value)));
  return std::to_string(std::stoll(value));
}

// Compiling a std::regex costs far more than matching: compile each pattern once.
const std::regex& Compiled(const char* pattern) {
  thread_local std::unordered_map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern)).first;
  return it->second;
}

Result<std::string> RowView::Matching(const std::string& column, const char* pattern,
                                      const char* what) const {
  std::string value = Text(column);
  if (!std::regex_match(value, Compiled(pattern)))
    return Fail(Problem(column, fmt::format("'{}' is not {}", value, what)));
  return value;
}

Status ForEachRow(const std::filesystem::path& path, char separator,
                  const std::vector<std::string>& required_columns, const Progress& progress,
                  const std::function<Status(const RowView&)>& row) {
  auto reader = csv::Reader::Open(path, separator);
  if (!reader) return Fail(reader.error());
  auto first = (*reader)->Next();
  if (!first) return Fail(first.error());
  if (!*first) return Fail(ErrorCode::kInvalidArgument, path.string() + ": empty file");
  auto header = csv::Header::From(**first, required_columns, path);
  if (!header) return Fail(header.error());
  std::uint64_t next_report = 0;
  const std::string name = path.filename().string();
  while (true) {
    auto record = (*reader)->Next();
    if (!record) return Fail(record.error());
    if (!*record) break;
    if (auto s = row(RowView(**record, *header, path)); !s) return s;
    if (progress && (*reader)->bytes_read() >= next_report) {
      progress(name, (*reader)->bytes_read(), (*reader)->size());
      next_report = (*reader)->bytes_read() + (*reader)->size() / 50 + 1;
    }
  }
  if (progress) progress(name, (*reader)->size(), (*reader)->size());
  return Ok();
}

Result<std::string> FileSha256(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kNotFound, path.string() + ": cannot open the file");
  std::stringstream content;
  content << in.rdbuf();
  return crypto::Sha256Hex(content.str());
}

}  // namespace maplace::importers
