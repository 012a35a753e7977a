#pragma once

#include <memory>

#include "domain/conventions/convention.h"

namespace soci {
class session;
}

namespace maplace::storage {

// Partner conventions, their envelopes, schedule, commitments and follow-ups (migration 0020).
std::unique_ptr<conventions::ConventionRepository> MakeSqlConventions(soci::session& sql);

}  // namespace maplace::storage
