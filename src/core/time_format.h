#pragma once

#include <string>

#include "core/clock.h"

namespace maplace {

// "2026-11-27T01:47:03Z"
std::string FormatUtcIso8601(UnixSeconds t);
// "27/11/2026 à 21:47" in Martinique time (UTC−4, no daylight saving time).
std::string FormatFrenchDateTime(UnixSeconds t);

}  // namespace maplace
