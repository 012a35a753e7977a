#include "cli/demo_command.h"

#include <fmt/format.h>

#include "core/crypto.h"

namespace maplace::cli {
namespace {

using people::OrganisationKind;
using people::Role;

struct DemoAccount {
  Role role;
  const char* email;
  const char* name;
};

constexpr DemoAccount kAccounts[] = {
    {Role::kYoungPerson, "jeune@demo.icicestmaplace.fr", "Maëlys Démo"},
    {Role::kEmployer, "employeur@demo.icicestmaplace.fr", "Jean-Marc Démo"},
    {Role::kCfa, "cfa@demo.icicestmaplace.fr", "Sandrine Démo"},
    {Role::kAdvisor, "conseiller@demo.icicestmaplace.fr", "Léa Démo"},
    {Role::kManager, "direction@demo.icicestmaplace.fr", "Patrick Démo"},
    {Role::kFinance, "finances@demo.icicestmaplace.fr", "Nadia Démo"},
    {Role::kAdmin, "admin@demo.icicestmaplace.fr", "Thierry Démo"},
};

// A demo password: 18 random base64url characters (108 bits), readable and typeable.
std::string NewPassword() { return crypto::RandomToken(14).substr(0, 18); }

Result<std::int64_t> DemoOrganisation(people::AccountService& accounts, OrganisationKind kind,
                                      const char* name, const char* siret, const char* uai) {
  return accounts.CreateOrganisation({0, kind, name, siret, uai, true, 0});
}

}  // namespace

Result<std::vector<DemoLogin>> CreateDemo(people::AccountService& accounts) {
  auto users = accounts.ListUsers();
  if (!users) return Fail(users.error());
  for (const auto& user : *users) {
    if (!user.is_demo)
      return Fail(ErrorCode::kFailedPrecondition,
                  "the store holds real accounts: demo data is only for an empty or demo store");
  }
  std::vector<DemoLogin> logins;
  const bool fresh = users->empty();
  std::int64_t employer = 0, cfa = 0;
  if (fresh) {
    auto e = DemoOrganisation(accounts, OrganisationKind::kEmployer,
                              "Boulangerie Pâtisserie du Lamentin (démo)", "", "");
    auto c = DemoOrganisation(accounts, OrganisationKind::kCfa,
                              "CFA des métiers de Martinique (démo)", "", "");
    if (!e) return Fail(e.error());
    if (!c) return Fail(c.error());
    employer = *e;
    cfa = *c;
  }
  for (const auto& account : kAccounts) {
    const std::string password = NewPassword();
    if (fresh) {
      auto user = accounts.CreateUser({account.email, account.name, account.role, password, true});
      if (!user) return Fail(user.error());
      if (account.role == Role::kEmployer || account.role == Role::kCfa) {
        auto added = accounts.AddMember(account.role == Role::kEmployer ? employer : cfa, user->id,
                                        people::MemberRole::kAdmin);
        if (!added) return Fail(added.error());
      }
    } else if (auto set = accounts.SetPassword(account.email, password); !set) {
      return Fail(set.error());
    }
    logins.push_back({account.role, account.email, password});
  }
  return logins;
}

std::string FormatDemoLogins(const std::vector<DemoLogin>& logins) {
  std::string out;
  for (const auto& login : logins) {
    out += fmt::format("  {:<30} {:<36} {}\n", people::RoleLabel(login.role), login.email,
                       login.password);
  }
  return out;
}

}  // namespace maplace::cli
