#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"
#include "domain/workshops/workshop.h"

namespace maplace::workshops {

// An iCalendar object (RFC 5545) with one event for a session, to add it to one's calendar:
// CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence), TEXT values
// escaped, times in UTC ("20261203T130000Z"), so no VTIMEZONE is needed; the description
// recalls the Martinique time. `url` is the session's page; `stamp` is DTSTAMP.
std::string SessionCalendar(const Session& session, std::string_view theme, std::string_view url,
                            UnixSeconds stamp);

// RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped.
std::string EscapeIcsText(std::string_view text);
// RFC 5545 §3.1: one content line (without its CRLF) folded into lines of at most 75 octets.
std::string FoldIcsLine(std::string_view line);
// "20261203T130000Z"
std::string IcsUtc(UnixSeconds t);

}  // namespace maplace::workshops
