#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace maplace {

// A calendar date, with no time zone: the unit of every legal rule.
using Date = std::chrono::year_month_day;

// "2025-02-24" -> the date; nullopt when malformed or not a real day (2025-02-30).
std::optional<Date> ParseIsoDate(std::string_view text);
// What people type or a form sends: ISO (<input type="date">) or jj/mm/aaaa.
std::optional<Date> ParseTypedDate(std::string_view text);
std::string FormatIsoDate(Date date);     // "2025-02-24"
std::string FormatFrenchDate(Date date);  // "24/02/2025"
// "24 février 2025", "1er mars 2025"
std::string FormatFrenchLongDate(Date date);

std::chrono::sys_days Days(Date date);
Date AddDays(Date date, int days);
// Same day `months` later; the 31st becomes the last day of a shorter month.
Date AddMonths(Date date, int months);
Date AddYears(Date date, int years);
Date FirstOfNextMonth(Date date);
// Full years between `birth` and `on` (the birthday counts on the day itself; 29 February
// birthdays fall on 1 March in common years).
int AgeOn(Date birth, Date on);
// The day a person born on `birth` turns `years` old.
Date Birthday(Date birth, int years);
int DaysBetween(Date from, Date to);  // to − from
// The day it is in Martinique (UTC−4, no daylight saving time) at `unix_seconds`: the
// delegation's days, months and years (exports, budgets, indicators) and "today" in its forms.
Date MartiniqueDate(std::int64_t unix_seconds);
// The instant `day` begins in Martinique (00:00 there is 04:00 UTC), in Unix seconds.
std::int64_t MartiniqueMidnight(Date day);

}  // namespace maplace
