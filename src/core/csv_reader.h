#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace maplace::csv {

struct Record {
  std::size_t line = 0;  // where the record starts, 1-based
  std::vector<std::string> fields;
};

// The encoding of a file; records are always UTF-8.
enum class Encoding { kUtf8, kWindows1252 };

// Streams the records of a CSV file (RFC 4180: quoted fields may hold separators, quotes and
// line breaks) with libcsv, reading a line at a time. A UTF-8 byte-order mark is skipped;
// a Windows-1252 file is transcoded line by line. Errors are kInvalidArgument and name the file
// and line.
class Reader {
 public:
  static Result<std::unique_ptr<Reader>> Open(const std::filesystem::path& path, char separator,
                                              Encoding encoding = Encoding::kUtf8);
  ~Reader();

  // The next record, or nullopt at the end of the file.
  Result<std::optional<Record>> Next();

  const std::filesystem::path& path() const { return path_; }
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t size() const { return size_; }

 private:
  Reader(std::filesystem::path path, char separator);
  struct Parser;
  std::filesystem::path path_;
  Encoding encoding_ = Encoding::kUtf8;
  std::ifstream in_;
  std::unique_ptr<Parser> parser_;
  std::uint64_t bytes_read_ = 0;
  std::uint64_t size_ = 0;
  std::size_t line_ = 0;
  bool finished_ = false;
};

// The columns of a header record, found by name.
class Header {
 public:
  // kInvalidArgument naming the first required column that is missing.
  static Result<Header> From(const Record& header, const std::vector<std::string>& required,
                             const std::filesystem::path& path);
  // The index of a column (it must be among the required ones or present).
  std::size_t operator[](const std::string& name) const { return index_.at(name); }
  bool Has(const std::string& name) const { return index_.count(name) > 0; }
  std::size_t size() const { return size_; }

 private:
  std::map<std::string, std::size_t> index_;
  std::size_t size_ = 0;
};

// "file:line: column 'name': message", the form every import error takes.
Error RowError(const std::filesystem::path& path, std::size_t line, const std::string& column,
               const std::string& message);

}  // namespace maplace::csv
