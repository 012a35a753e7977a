#pragma once

#include <memory>

#include "domain/reporting/reporting_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The steering aggregates (issue 9) over applications, offers, organisations, aid requests and
// envelopes; no table of their own.
std::unique_ptr<reporting::ReportingRepository> MakeSqlReporting(soci::session& sql);

}  // namespace maplace::storage
