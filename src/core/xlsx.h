#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"

namespace maplace::xlsx {

// Cells of an export: text, a whole number, an amount (cents, shown in euros) or a date.
struct Euros {
  std::int64_t cents = 0;
};
using Cell = std::variant<std::string, std::int64_t, Euros, Date>;

struct Sheet {
  std::string name;  // at most 31 characters, no []:*?/\ (Excel's rules)
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

// A workbook for the advisors' spreadsheets (libxlsxwriter): the header in bold and frozen,
// amounts as numbers formatted in euros, dates as dates. The same sheets and `created` give
// the same bytes, so that a regenerated export can be compared.
Result<std::string> Write(const std::vector<Sheet>& sheets, UnixSeconds created);

}  // namespace maplace::xlsx
