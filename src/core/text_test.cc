#include "core/text.h"

#include <gtest/gtest.h>

namespace maplace::text {
namespace {

TEST(TextTest, NormalizeEmailTrimsAndLowercases) {
  EXPECT_EQ(NormalizeEmail("  Marie.Joseph@Example.MQ "), "marie.joseph@example.mq");
}

TEST(TextTest, NormalizeEmailRejectsImplausibleAddresses) {
  for (const char* bad :
       {"", "marie", "@example.mq", "marie@", "marie@example", "a@b@c.fr", "marie @example.mq",
        "marie@example.mq\r\nBcc: x@y.fr", "m<a>@b.fr", "marie@.fr", "marie@example."}) {
    EXPECT_EQ(NormalizeEmail(bad), "") << bad;
  }
}

TEST(TextTest, CleanUtf8RejectsControlsAndBrokenSequences) {
  EXPECT_TRUE(IsCleanUtf8("Fort-de-France, Martinique 🌴", false));
  EXPECT_FALSE(IsCleanUtf8("a\nb", false));
  EXPECT_TRUE(IsCleanUtf8("a\nb", true));
  EXPECT_FALSE(IsCleanUtf8(std::string("a\0b", 3), true));
  EXPECT_FALSE(IsCleanUtf8("\xC3", false));          // truncated
  EXPECT_FALSE(IsCleanUtf8("\xC0\xAF", false));      // overlong
  EXPECT_FALSE(IsCleanUtf8("\xED\xA0\x80", false));  // surrogate
}

TEST(TextTest, TellsUtf8FromWindows1252) {
  EXPECT_TRUE(IsUtf8("Libellé\tCPNE\x01"));
  EXPECT_FALSE(IsUtf8("Libell\xE9"));
  EXPECT_EQ(Windows1252ToUtf8("Libell\xE9 \x92NPEC\x92 \x9C\x81"), "Libellé ’NPEC’ œ\uFFFD");
  EXPECT_EQ(Windows1252ToUtf8("plain"), "plain");
}

TEST(TextTest, CodePointCountCountsCharactersNotBytes) {
  EXPECT_EQ(CodePointCount("é"), 1u);
  EXPECT_EQ(CodePointCount("ééé🌴"), 4u);
}

TEST(TextTest, ParseUrlEncodedDecodesPairsInOrder) {
  auto pairs = ParseUrlEncoded("email=a%40b.fr&name=Marie+Jos%C3%A9&empty=&flag&bad=%G1%");
  ASSERT_EQ(pairs.size(), 5u);
  EXPECT_EQ(pairs[0], (std::pair<std::string, std::string>{"email", "a@b.fr"}));
  EXPECT_EQ(pairs[1].second, "Marie José");
  EXPECT_EQ(pairs[2].second, "");
  EXPECT_EQ(pairs[3].first, "flag");
  EXPECT_EQ(pairs[4].second, "%G1%");
}

TEST(TextTest, UrlEncodeRoundTrips) {
  std::string s = "Rivière-Pilote & co/é?";
  EXPECT_EQ(UrlDecode(UrlEncode(s)), s);
  EXPECT_EQ(UrlEncode("a b"), "a%20b");
}

TEST(TextTest, SingleLineRemovesLineBreaks) {
  EXPECT_EQ(SingleLine("a\r\nb\x1b[31m"), "a  b [31m");
}

TEST(TextTest, FiguresInFrenchTypography) {
  EXPECT_EQ(FrenchCount(0), "0");
  EXPECT_EQ(FrenchCount(999), "999");
  EXPECT_EQ(FrenchCount(1234567), "1\u202f234\u202f567");
  EXPECT_EQ(FrenchCount(-1234), "\u22121\u202f234");
  EXPECT_EQ(FrenchEuros(123456), "1\u202f234,56\u202f€");
  EXPECT_EQ(FrenchEuros(-5), "\u22120,05\u202f€");
}

TEST(TextTest, ParseEurosReadsAmountsAsPeopleTypeThem) {
  EXPECT_EQ(ParseEuros("1 234,56"), 123456);
  EXPECT_EQ(ParseEuros("1234.5"), 123450);
  EXPECT_EQ(ParseEuros("1\u202f234\u00a0€"), 123400);
  EXPECT_EQ(ParseEuros("12,"), 1200);
  EXPECT_EQ(ParseEuros("0"), 0);
  EXPECT_EQ(ParseEuros(FrenchEuros(98765432)), 98765432);  // what the pages print reads back
  for (const char* bad :
       {"", " ", "€", ",5", "-12", "+12", "12,345", "1,2,3", "12 a", "1e3", "1234567890123"})
    EXPECT_EQ(ParseEuros(bad), std::nullopt) << bad;
}

}  // namespace
}  // namespace maplace::text
