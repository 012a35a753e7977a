#include "cli/audit_command.h"

#include <ostream>

#include "domain/aid_requests/aid_request_service.h"

namespace maplace::cli {

std::vector<journal::InvariantCheck> MoneyChecks() {
  // The chain first, then the requests' and payments' invariants (one payment per instalment,
  // Σ paid ≤ committed ≤ allocated, paid ⇔ fully paid, one journal entry per payment).
  std::vector<journal::InvariantCheck> checks = {journal::ChainCheck()};
  for (auto& check : aid_requests::InvariantChecks()) checks.push_back(std::move(check));
  return checks;
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
