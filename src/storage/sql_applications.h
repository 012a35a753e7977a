#pragma once

#include <memory>

#include "domain/applications/application_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// Young people's CVs, applications and the recruiters' replies (migration 0012).
std::unique_ptr<applications::ApplicationRepository> MakeSqlApplications(soci::session& sql);

}  // namespace maplace::storage
