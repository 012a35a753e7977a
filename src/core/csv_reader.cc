#include "core/csv_reader.h"

#include <csv.h>
#include <fmt/format.h>

#include <deque>

#include "core/text.h"

namespace maplace::csv {

struct Reader::Parser {
  csv_parser parser{};
  std::vector<std::string> fields;
  std::deque<Record> ready;
  std::size_t record_start = 0;  // line of the first field of the record being read
  std::size_t* line = nullptr;

  static void OnField(void* data, size_t size, void* self) {
    auto* p = static_cast<Parser*>(self);
    if (p->fields.empty()) p->record_start = *p->line;
    p->fields.emplace_back(static_cast<const char*>(data), size);
  }
  static void OnRecordEnd(int, void* self) {
    auto* p = static_cast<Parser*>(self);
    if (p->fields.empty()) return;  // blank line
    p->ready.push_back(Record{p->record_start, std::move(p->fields)});
    p->fields.clear();
  }
};

Reader::Reader(std::filesystem::path path, char separator)
    : path_(std::move(path)), parser_(std::make_unique<Parser>()) {
  csv_init(&parser_->parser, CSV_APPEND_NULL);
  csv_set_delim(&parser_->parser, static_cast<unsigned char>(separator));
  parser_->line = &line_;
}

Reader::~Reader() { csv_free(&parser_->parser); }

Result<std::unique_ptr<Reader>> Reader::Open(const std::filesystem::path& path, char separator,
                                             Encoding encoding) {
  std::unique_ptr<Reader> reader(new Reader(path, separator));
  reader->encoding_ = encoding;
  reader->in_.open(path, std::ios::binary);
  if (!reader->in_)
    return Fail(ErrorCode::kNotFound, fmt::format("{}: cannot open the file", path.string()));
  std::error_code ec;
  reader->size_ = std::filesystem::file_size(path, ec);
  return reader;
}

Result<std::optional<Record>> Reader::Next() {
  std::string chunk;
  while (parser_->ready.empty() && !finished_) {
    if (!std::getline(in_, chunk)) {
      csv_fini(&parser_->parser, Parser::OnField, Parser::OnRecordEnd, parser_.get());
      finished_ = true;
      break;
    }
    ++line_;
    if (line_ == 1 && chunk.rfind("\xEF\xBB\xBF", 0) == 0) chunk.erase(0, 3);
    bytes_read_ += chunk.size() + 1;
    if (encoding_ == Encoding::kWindows1252) chunk = text::Windows1252ToUtf8(chunk);
    chunk += '\n';
    if (csv_parse(&parser_->parser, chunk.data(), chunk.size(), Parser::OnField,
                  Parser::OnRecordEnd, parser_.get()) != chunk.size()) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}:{}: malformed CSV: {}", path_.string(), line_,
                              csv_strerror(csv_error(&parser_->parser))));
    }
  }
  if (parser_->ready.empty()) return std::optional<Record>{};
  Record record = std::move(parser_->ready.front());
  parser_->ready.pop_front();
  return std::optional<Record>{std::move(record)};
}

Result<Header> Header::From(const Record& header, const std::vector<std::string>& required,
                            const std::filesystem::path& path) {
  Header h;
  h.size_ = header.fields.size();
  for (std::size_t i = 0; i < header.fields.size(); ++i) h.index_.emplace(header.fields[i], i);
  for (const auto& name : required) {
    if (!h.Has(name))
      return Fail(RowError(path, header.line, name, "required column missing from the header"));
  }
  return h;
}

Error RowError(const std::filesystem::path& path, std::size_t line, const std::string& column,
               const std::string& message) {
  return Error{ErrorCode::kInvalidArgument,
               fmt::format("{}:{}: column '{}': {}", path.string(), line, column, message),
               {}};
}

}  // namespace maplace::csv
