#pragma once

#include <memory>

#include "domain/contracts/contract_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The contracts register and the apprentices' follow-up (migration 0019).
std::unique_ptr<contracts::ContractRepository> MakeSqlContracts(soci::session& sql);

}  // namespace maplace::storage
