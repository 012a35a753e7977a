#include "core/csv_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "core/error_matchers.h"

namespace maplace::csv {
namespace {

std::filesystem::path Write(const std::string& content) {
  static int n = 0;
  auto path = std::filesystem::temp_directory_path() /
              ("maplace-csv-" + std::to_string(getpid()) + "-" + std::to_string(n++) + ".csv");
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(CsvReaderTest, ReadsQuotedFieldsWithSeparatorsQuotesAndLineBreaks) {
  auto path = Write(
      "\xEF\xBB\xBF"
      "code;label\nA1;\"Soudeur; soudeuse\"\n\nB2;\"dit \"\"oui\"\"\nsur deux lignes\"\nC3;fin");
  auto reader = Reader::Open(path, ';');
  ASSERT_THAT(reader, IsOk());
  std::vector<Record> records;
  while (true) {
    auto next = (*reader)->Next();
    ASSERT_THAT(next, IsOk());
    if (!*next) break;
    records.push_back(**next);
  }
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"code", "label"}));
  EXPECT_EQ(records[1].fields[1], "Soudeur; soudeuse");
  EXPECT_EQ(records[2].line, 4u);
  EXPECT_EQ(records[2].fields[1], "dit \"oui\"\nsur deux lignes");
  EXPECT_EQ(records[3].line, 6u);
  EXPECT_EQ(records[3].fields[1], "fin");
  std::filesystem::remove(path);
}

TEST(CsvReaderTest, HeaderNamesTheMissingColumn) {
  auto path = Write("a,b\n1,2\n");
  auto reader = Reader::Open(path, ',');
  auto header = (*reader)->Next();
  auto parsed = Header::From(**header, {"a", "c"}, path);
  ASSERT_THAT(parsed, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(parsed.error().message.find(":1: column 'c'"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(CsvReaderTest, TranscodesWindows1252) {
  auto path = Write(
      "libell\xE9;montant\nCAP p\xE2tissier;9\xA0"
      "497 \x80\n");
  auto reader = Reader::Open(path, ';', Encoding::kWindows1252);
  ASSERT_THAT(reader, IsOk());
  auto header = (*reader)->Next();
  ASSERT_THAT(header, IsOk());
  EXPECT_EQ((*header)->fields[0], "libellé");
  auto row = (*reader)->Next();
  ASSERT_THAT(row, IsOk());
  EXPECT_EQ((*row)->fields[0], "CAP pâtissier");
  EXPECT_EQ((*row)->fields[1], "9\u00A0497 €");
  std::filesystem::remove(path);
}

TEST(CsvReaderTest, MissingFileIsNotFound) {
  EXPECT_THAT(Reader::Open("/nonexistent/x.csv", ','), HasErrorCode(ErrorCode::kNotFound));
}

}  // namespace
}  // namespace maplace::csv
