#pragma once

#include <memory>

#include "domain/budgets/budget_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The aids' budget envelopes (migration 0007) and the transfer proposals (0010).
std::unique_ptr<budgets::BudgetRepository> MakeSqlBudgets(soci::session& sql);

}  // namespace maplace::storage
