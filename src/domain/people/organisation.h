#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace maplace::people {

enum class OrganisationKind { kEmployer, kCfa };
std::string_view OrganisationKindCode(OrganisationKind kind);  // "employer", "cfa"
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view code);

// An employer or a CFA, with several users.
struct Organisation {
  std::int64_t id = 0;
  OrganisationKind kind = OrganisationKind::kEmployer;
  std::string name;
  std::string siret;  // 14 digits, may be empty until the employers issue validates them
  std::string uai;    // CFAs only
  bool is_demo = false;
  UnixSeconds created_at = 0;
};

// A user's place in an organisation: administrators invite and manage members.
enum class MemberRole { kAdmin, kMember };
std::string_view MemberRoleCode(MemberRole role);   // "admin", "member"
std::string_view MemberRoleLabel(MemberRole role);  // French
std::optional<MemberRole> ParseMemberRole(std::string_view code);

struct Membership {
  std::int64_t organisation_id = 0;
  std::int64_t user_id = 0;
  MemberRole role = MemberRole::kMember;
};

}  // namespace maplace::people
