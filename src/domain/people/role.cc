#include "domain/people/role.h"

namespace maplace::people {

std::string_view RoleCode(Role role) {
  switch (role) {
    case Role::kYoungPerson:
      return "young_person";
    case Role::kEmployer:
      return "employer";
    case Role::kCfa:
      return "cfa";
    case Role::kAdvisor:
      return "advisor";
    case Role::kManager:
      return "manager";
    case Role::kFinance:
      return "finance";
    case Role::kAdmin:
      return "admin";
  }
  return "young_person";
}

std::string_view RoleLabel(Role role) {
  switch (role) {
    case Role::kYoungPerson:
      return "Jeune";
    case Role::kEmployer:
      return "Employeur";
    case Role::kCfa:
      return "CFA";
    case Role::kAdvisor:
      return "Conseiller emploi-formation";
    case Role::kManager:
      return "Direction";
    case Role::kFinance:
      return "Finances";
    case Role::kAdmin:
      return "Administration";
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view code) {
  for (Role role : kAllRoles) {
    if (RoleCode(role) == code) return role;
  }
  return std::nullopt;
}

bool IsStaff(Role role) {
  return role == Role::kAdvisor || role == Role::kManager || role == Role::kFinance ||
         role == Role::kAdmin;
}

}  // namespace maplace::people
