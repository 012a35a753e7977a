#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/jobs/jobs_service.h"
#include "domain/people/session.h"
#include "domain/reporting/reporting_repository.h"
#include "domain/store.h"

namespace maplace::reporting {

// How an indicator's value reads. kDays: a number of days (a median); kHundredths: a mean
// times 100 (a rating of 4.25 out of 5 is 425).
enum class Unit { kCount, kCents, kDays, kHundredths };

// One part of an indicator: by aid, by state, by channel…
struct Breakdown {
  std::string key;    // "ultramarine-mobility", "paid"
  std::string label;  // French
  std::int64_t value = 0;
  std::int64_t previous = 0;
  bool operator==(const Breakdown&) const = default;
};

// A figure the director can quote, with its written definition, for one year and the year
// before, computed the same way from the store every time (issue 9).
struct Indicator {
  std::string id;          // "aids.requests"
  std::string label;       // French
  std::string definition;  // French: exactly what is counted
  Unit unit = Unit::kCount;
  int year = 0;
  std::int64_t value = 0;
  std::int64_t previous = 0;  // the same for year − 1
  std::vector<Breakdown> breakdown;
  // The filters asked (by their API names, kFilterNames) that this figure honours, and those
  // that mean nothing for it: a figure is never silently computed over more than was asked.
  std::vector<std::string> filters_applied;
  std::vector<std::string> filters_not_applicable;
  // The kind of records behind the figure, listed by DrillDown: "applications",
  // "aid_requests", or "" when there is no list to show.
  std::string records;
};

// What the figures are restricted to. Years are Martinique's (UTC−4): from 1 January 00:00
// there (04:00 UTC) to the next. The other filters bind a record through the organisation
// behind it (branch, OPCO, area of its commune) or the offer (ROME, level, area of the
// workplace); a record that does not carry the filtered attribute (a young person's own aid
// request has no branch) is not counted while the filter is set, and a figure whose records
// never carry it says so in filters_not_applicable. Each definition names its filters.
struct Filters {
  int year = 0;
  std::string area;    // employment area code, as jobs::EmploymentArea::code; "" = all
  std::string branch;  // the branch's IDCC, 4 digits (crm::Branch::idcc); "" = all
  std::string opco;    // a code of crm::kOpcoCodes; "" = all
  int level = 0;       // certification level aimed at, 3 to 7; 0 = all
  std::string rome;    // ROME code "M1607"; "" = all
};
// The filters' names, as the API reads them: "year", "area", "branch", "opco", "level",
// "rome".
inline constexpr std::array<std::string_view, 6> kFilterNames = {"year", "area",  "branch",
                                                                 "opco", "level", "rome"};
// The names of the filters set in `filters` ("year" always).
std::vector<std::string> FiltersSet(const Filters& filters);

// Every indicator, in a stable order. Staff only (kPermissionDenied otherwise);
// kInvalidArgument with French messages by filter name for a year outside 2020–2100, an unknown
// area or OPCO, a malformed IDCC or ROME code, a level outside 3–7. `jobs` gives the tension
// model for « Embauches dans des métiers en tension »; without it that figure is left out.
Result<std::vector<Indicator>> Compute(Store& store, const people::Actor& actor,
                                       const Filters& filters, jobs::JobsService* jobs = nullptr);

// Who may see the records behind figures of kind `records` (Indicator::records): applications
// for advisors and managers; aid requests for advisors, managers and finance.
bool MaySeeRecords(people::Role role, std::string_view records);

// The records behind one line of an indicator, newest first, at most kDrillDownLimit: the
// applications of a funnel step (part "sent", "replied", "interview", "hired"), the aid
// requests of a state or of an aid (part: a state code or an aid id; "" for all), under the
// same filters as the figure. kPermissionDenied when !MaySeeRecords, kNotFound for an
// indicator without records, kInvalidArgument for a bad filter or part.
inline constexpr int kDrillDownLimit = 500;
Result<std::vector<RecordLine>> DrillDown(Store& store, const people::Actor& actor,
                                          const std::string& indicator, const std::string& part,
                                          const Filters& filters);

// Public statistics: counts below this are not published (as the BMO survey does).
inline constexpr std::int64_t kSmallCount = 5;
// The public figures of a year: offers, organisations and aid requests counts, with small
// counts suppressed (a breakdown line below kSmallCount reads as absent: `published` false).
struct PublicFigure {
  std::string id;
  std::string label;
  std::int64_t value = 0;
  bool published = true;  // false: fewer than kSmallCount, not shown
};
Result<std::vector<PublicFigure>> PublicFigures(Store& store, int year);

}  // namespace maplace::reporting
