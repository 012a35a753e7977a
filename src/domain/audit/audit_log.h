#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace maplace::audit {

// A security or business event: who did what to which record. Holds references, never copies
// of personal data, passwords or tokens.
struct AuditEvent {
  std::int64_t id = 0;
  UnixSeconds at = 0;
  std::int64_t actor_user_id = 0;  // 0: anonymous or the system
  std::string action;              // "login.failed", "password.reset", "user.disabled", …
  std::string subject;             // "user:42", "organisation:3"
  std::string client_address;
};

// Append-only: the store refuses updates and deletes.
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual Status Record(const AuditEvent& event) = 0;
  virtual Result<std::vector<AuditEvent>> Latest(int limit) = 0;
};

}  // namespace maplace::audit
