#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/xlsx.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::aid_requests {

// The advisors' workbook of one year (issue 7 §6): the requests created that year, the
// envelopes of the year with what they hold, the money paid per envelope and month, and each
// envelope's consumption per month from the money journal (Martinique time). Staff only
// (kPermissionDenied otherwise). The same data gives the same bytes (`now` dates the file).
Result<std::string> YearWorkbook(Store& store, const people::Actor& actor, int year,
                                 UnixSeconds now);
// Its sheets, for the pages and the tests.
Result<std::vector<xlsx::Sheet>> YearSheets(Store& store, const people::Actor& actor, int year);

}  // namespace maplace::aid_requests
