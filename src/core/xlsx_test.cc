#include "core/xlsx.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"

namespace maplace::xlsx {
namespace {

Sheet Requests() {
  return {"Demandes",
          {"N°", "Aide", "Montant", "Date"},
          {{std::int64_t{12}, std::string("Mobilité ultramarine"), Euros{300000},
            *ParseIsoDate("2025-10-01")},
           {std::int64_t{13}, std::string("=HYPERLINK(\"x\")"), Euros{50},
            *ParseIsoDate("2026-01-15")}}};
}

TEST(Xlsx, WritesAZipWorkbook) {
  auto bytes = Write({Requests()}, 1'760'000'000);
  ASSERT_THAT(bytes, IsOk());
  ASSERT_GT(bytes->size(), 1000u);
  EXPECT_EQ(bytes->substr(0, 2), "PK");  // an XLSX is a zip archive
}

TEST(Xlsx, TheSameDataGivesTheSameBytes) {
  auto first = Write({Requests()}, 1'760'000'000);
  auto second = Write({Requests()}, 1'760'000'000);
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(*first, *second);
  Sheet changed = Requests();
  std::get<Euros>(changed.rows[0][2]).cents = 300001;
  EXPECT_NE(*Write({changed}, 1'760'000'000), *first);
}

TEST(Xlsx, SheetNamesFollowExcelsRules) {
  Sheet bad = Requests();
  bad.name = "Demandes [2025]";
  EXPECT_THAT(Write({bad}, 0), HasErrorCode(ErrorCode::kInvalidArgument));
  bad.name = std::string(32, 'x');
  EXPECT_THAT(Write({bad}, 0), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(Write({}, 0), HasErrorCode(ErrorCode::kInvalidArgument));
}

}  // namespace
}  // namespace maplace::xlsx
