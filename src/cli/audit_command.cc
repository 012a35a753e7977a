#include "cli/audit_command.h"

#include <ostream>

namespace maplace::cli {

std::vector<journal::InvariantCheck> MoneyChecks() {
  // The requests/payments work appends its checks here (one payment per instalment,
  // Σ paid ≤ committed ≤ allocated, paid ⇔ payment exists, one journal entry per payment).
  return {journal::ChainCheck()};
}

int AuditVerify(Store& store, const std::vector<journal::InvariantCheck>& checks,
                std::ostream& out) {
  bool breach = false, error = false;
  for (const auto& report : journal::RunChecks(store, checks)) {
    const char* verdict = !report.ran ? "ERROR" : report.passed ? "ok" : "BREACH";
    out << verdict << ' ' << report.name << ": " << report.detail << '\n';
    breach = breach || (report.ran && !report.passed);
    error = error || !report.ran;
  }
  out.flush();
  return breach ? 1 : error ? 2 : 0;
}

}  // namespace maplace::cli
