#pragma once

#include <memory>

#include "domain/aids/aids_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The NPEC référentiel and the parameter overrides (migrations 0006).
std::unique_ptr<aids::AidsRepository> MakeSqlAids(soci::session& sql);

}  // namespace maplace::storage
