#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/error.h"

namespace maplace {
class Repositories;
}

namespace maplace::enquiries {

// Reports of offers (issue 5 §6), called by OfferService::Report in its transaction so that the
// advisors' queue cannot be flooded: one report per offer and visitor (`visitor`: "user:<id>"
// for a signed-in person, else the visitor's cookie; "" counts the client address as the
// visitor), and at most kReportsPerHour reports per client address in an hour. Otherwise
// kAlreadyExists or kResourceExhausted with a French "reason" field. Records the report's mark
// (hashed: no address or cookie is stored in clear).
inline constexpr int kReportsPerHour = 5;
Status MarkReport(Repositories& repos, std::int64_t offer_id, const std::string& visitor,
                  const std::string& client_address, UnixSeconds now);

}  // namespace maplace::enquiries
