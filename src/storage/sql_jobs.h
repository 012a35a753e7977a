#pragma once

#include <memory>

#include "domain/jobs/jobs_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The jobs read model over the reference tables (migrations 0002).
std::unique_ptr<jobs::JobsRepository> MakeSqlJobs(soci::session& sql);

}  // namespace maplace::storage
