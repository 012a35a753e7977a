#include "core/date.h"

#include <gtest/gtest.h>

namespace maplace {
namespace {

Date D(const char* iso) { return *ParseIsoDate(iso); }

TEST(Date, ParsesOnlyRealDays) {
  EXPECT_EQ(FormatIsoDate(D("2025-02-24")), "2025-02-24");
  EXPECT_FALSE(ParseIsoDate("2025-02-30"));
  EXPECT_FALSE(ParseIsoDate("2025-2-3"));
  EXPECT_FALSE(ParseIsoDate("2025-02-2x"));
  EXPECT_TRUE(ParseIsoDate("2024-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
}

TEST(Date, ReadsWhatPeopleType) {
  EXPECT_EQ(ParseTypedDate("2025-09-01"), ParseIsoDate("2025-09-01"));
  EXPECT_EQ(ParseTypedDate("01/09/2025"), ParseIsoDate("2025-09-01"));
  for (const char* bad : {"", "1/9/2025", "31/02/2025", "01-09-2025", "aa/bb/cccc", "01/09/25"})
    EXPECT_EQ(ParseTypedDate(bad), std::nullopt) << bad;
}

TEST(Date, FormatsInFrench) {
  EXPECT_EQ(FormatFrenchDate(D("2025-03-01")), "01/03/2025");
  EXPECT_EQ(FormatFrenchLongDate(D("2025-03-01")), "1er mars 2025");
  EXPECT_EQ(FormatFrenchLongDate(D("2026-08-24")), "24 août 2026");
}

TEST(Date, MonthArithmeticClampsToTheLastDay) {
  EXPECT_EQ(FormatIsoDate(AddMonths(D("2025-01-31"), 1)), "2025-02-28");
  EXPECT_EQ(FormatIsoDate(AddMonths(D("2025-11-15"), 3)), "2026-02-15");
  EXPECT_EQ(FormatIsoDate(AddYears(D("2024-02-29"), 1)), "2025-02-28");
  EXPECT_EQ(FormatIsoDate(FirstOfNextMonth(D("2025-12-31"))), "2026-01-01");
  EXPECT_EQ(FormatIsoDate(AddDays(D("2025-02-28"), 1)), "2025-03-01");
  EXPECT_EQ(DaysBetween(D("2025-01-01"), D("2026-01-01")), 365);
}

TEST(Date, MartiniqueDaysBeginAtFourInTheMorningUtc) {
  EXPECT_EQ(MartiniqueMidnight(D("2026-01-01")), 1'767'240'000);  // 2026-01-01T04:00:00Z
  for (const char* day : {"2025-12-31", "2026-01-01", "2028-02-29"}) {
    EXPECT_EQ(MartiniqueDate(MartiniqueMidnight(D(day))), D(day)) << day;
    EXPECT_EQ(MartiniqueDate(MartiniqueMidnight(D(day)) - 1), AddDays(D(day), -1)) << day;
  }
}

TEST(Date, AgeTurnsOnTheBirthday) {
  EXPECT_EQ(AgeOn(D("2006-03-15"), D("2024-03-14")), 17);
  EXPECT_EQ(AgeOn(D("2006-03-15"), D("2024-03-15")), 18);
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2026-02-28")), 17);
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2026-03-01")), 18);
  EXPECT_EQ(FormatIsoDate(Birthday(D("2008-02-29"), 18)), "2026-03-01");
}

}  // namespace
}  // namespace maplace
