#pragma once

#include <memory>

#include "domain/crm/crm_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The advisors' back office: the IDCC -> branch seed, contacts, portfolios and interactions
// (migration 0017).
std::unique_ptr<crm::CrmRepository> MakeSqlCrm(soci::session& sql);

}  // namespace maplace::storage
