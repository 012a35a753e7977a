#include "core/date.h"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace maplace {

using namespace std::chrono;

namespace {

std::optional<int> Number(std::string_view s) {
  int value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

Date Clamp(year y, month m, unsigned d) {
  auto last = year_month_day_last(y, month_day_last(m)).day();
  return Date(y, m, std::min(day(d), last));
}

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  auto y = Number(text.substr(0, 4));
  auto m = Number(text.substr(5, 2));
  auto d = Number(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  Date date{year(*y), month(static_cast<unsigned>(*m)), day(static_cast<unsigned>(*d))};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<Date> ParseTypedDate(std::string_view text) {
  if (auto iso = ParseIsoDate(text)) return iso;
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  std::string iso;
  iso.append(text.substr(6, 4)).append("-").append(text.substr(3, 2)).append("-");
  iso.append(text.substr(0, 2));
  return ParseIsoDate(iso);
}

namespace {

// Two digits of `value` at `out`.
void TwoDigits(char* out, unsigned value) {
  out[0] = static_cast<char>('0' + value / 10 % 10);
  out[1] = static_cast<char>('0' + value % 10);
}

}  // namespace

// Formatted by hand: explanations print many dates, and fmt costs ten times more here.
std::string FormatIsoDate(Date date) {
  std::string out = "0000-00-00";
  const unsigned y = static_cast<unsigned>(static_cast<int>(date.year()));
  TwoDigits(&out[0], y / 100);
  TwoDigits(&out[2], y % 100);
  TwoDigits(&out[5], static_cast<unsigned>(date.month()));
  TwoDigits(&out[8], static_cast<unsigned>(date.day()));
  return out;
}

std::string FormatFrenchDate(Date date) {
  std::string out = "00/00/0000";
  const unsigned y = static_cast<unsigned>(static_cast<int>(date.year()));
  TwoDigits(&out[0], static_cast<unsigned>(date.day()));
  TwoDigits(&out[3], static_cast<unsigned>(date.month()));
  TwoDigits(&out[6], y / 100);
  TwoDigits(&out[8], y % 100);
  return out;
}

std::string FormatFrenchLongDate(Date date) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "janvier", "février", "mars",      "avril",   "mai",      "juin",
      "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  const unsigned d = static_cast<unsigned>(date.day());
  std::string out = std::to_string(d);
  if (d == 1) out += "er";
  out += ' ';
  out += kMonths[static_cast<unsigned>(date.month()) - 1];
  out += ' ';
  out += std::to_string(static_cast<int>(date.year()));
  return out;
}

sys_days Days(Date date) { return sys_days(date); }

Date AddDays(Date date, int days_to_add) { return Date(sys_days(date) + days(days_to_add)); }

Date AddMonths(Date date, int months_to_add) {
  year_month ym = year_month(date.year(), date.month()) + months(months_to_add);
  return Clamp(ym.year(), ym.month(), static_cast<unsigned>(date.day()));
}

Date AddYears(Date date, int years_to_add) { return AddMonths(date, 12 * years_to_add); }

Date FirstOfNextMonth(Date date) {
  year_month ym = year_month(date.year(), date.month()) + months(1);
  return Date(ym.year(), ym.month(), day(1));
}

Date Birthday(Date birth, int years_old) {
  year y = birth.year() + years(years_old);
  if (birth.month() == February && birth.day() == day(29) && !y.is_leap()) {
    return Date(y, March, day(1));
  }
  return Date(y, birth.month(), birth.day());
}

int AgeOn(Date birth, Date on) {
  int age = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  if (age > 0 && sys_days(Birthday(birth, age)) > sys_days(on)) --age;
  return age;
}

int DaysBetween(Date from, Date to) {
  return static_cast<int>((sys_days(to) - sys_days(from)).count());
}

// Martinique is UTC−4 all year round.
constexpr std::int64_t kMartiniqueOffset = -4 * 3600;

Date MartiniqueDate(std::int64_t unix_seconds) {
  return Date(std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(unix_seconds + kMartiniqueOffset))));
}

std::int64_t MartiniqueMidnight(Date day) {
  return std::chrono::sys_seconds{std::chrono::sys_days{day}}.time_since_epoch().count() -
         kMartiniqueOffset;
}

}  // namespace maplace
