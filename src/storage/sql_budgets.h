#pragma once

#include <memory>

#include "domain/budgets/budget_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The aids' budget envelopes (migrations 0007).
std::unique_ptr<budgets::BudgetRepository> MakeSqlBudgets(soci::session& sql);

}  // namespace maplace::storage
