#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace maplace::people {

// What a person is on the platform. Staff roles belong to the OPCO delegation.
enum class Role { kYoungPerson, kEmployer, kCfa, kAdvisor, kManager, kFinance, kAdmin };

inline constexpr std::array<Role, 7> kAllRoles = {
    Role::kYoungPerson, Role::kEmployer, Role::kCfa,  Role::kAdvisor,
    Role::kManager,     Role::kFinance,  Role::kAdmin};

std::string_view RoleCode(Role role);   // stable code stored in the database: "young_person"
std::string_view RoleLabel(Role role);  // French label: "Jeune"
std::optional<Role> ParseRole(std::string_view code);
bool IsStaff(Role role);

}  // namespace maplace::people
