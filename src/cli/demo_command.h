#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "domain/people/account_service.h"

namespace maplace::cli {

struct DemoLogin {
  people::Role role;
  std::string email;
  std::string password;
};

// Creates one demo account per role (with the demo employer and CFA organisations), or, when
// they exist, gives them new passwords. Everything it creates is marked as demo. Refuses with
// kFailedPrecondition when the store holds accounts that are not demo ones.
Result<std::vector<DemoLogin>> CreateDemo(people::AccountService& accounts);

// The logins as a table for people: role, e-mail, password.
std::string FormatDemoLogins(const std::vector<DemoLogin>& logins);

}  // namespace maplace::cli
