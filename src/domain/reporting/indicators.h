#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::reporting {

// How an indicator's value reads.
enum class Unit { kCount, kCents };

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
};

struct Filters {
  int year = 0;  // years are Martinique's (UTC−4): 1 January 00:00 there to 31 December 24:00
};

// Every indicator the platform can compute today, in a stable order. Staff only
// (kPermissionDenied otherwise); kInvalidArgument (fields["year"]) outside 2020–2100.
Result<std::vector<Indicator>> Compute(Store& store, const people::Actor& actor,
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
