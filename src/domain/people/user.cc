#include "domain/people/user.h"

#include "domain/people/organisation.h"

namespace maplace::people {

std::string_view UserStatusCode(UserStatus status) {
  switch (status) {
    case UserStatus::kPending:
      return "pending";
    case UserStatus::kActive:
      return "active";
    case UserStatus::kDisabled:
      return "disabled";
  }
  return "pending";
}

std::string_view UserStatusLabel(UserStatus status) {
  switch (status) {
    case UserStatus::kPending:
      return "En attente de confirmation";
    case UserStatus::kActive:
      return "Actif";
    case UserStatus::kDisabled:
      return "Désactivé";
  }
  return "";
}

std::optional<UserStatus> ParseUserStatus(std::string_view code) {
  for (auto s : {UserStatus::kPending, UserStatus::kActive, UserStatus::kDisabled}) {
    if (UserStatusCode(s) == code) return s;
  }
  return std::nullopt;
}

std::string_view OrganisationKindCode(OrganisationKind kind) {
  switch (kind) {
    case OrganisationKind::kCfa:
      return "cfa";
    case OrganisationKind::kPartner:
      return "partner";
    case OrganisationKind::kEmployer:
      break;
  }
  return "employer";
}

std::string_view OrganisationKindLabel(OrganisationKind kind) {
  switch (kind) {
    case OrganisationKind::kCfa:
      return "CFA";
    case OrganisationKind::kPartner:
      return "Partenaire";
    case OrganisationKind::kEmployer:
      break;
  }
  return "Entreprise";
}

std::optional<OrganisationKind> ParseOrganisationKind(std::string_view code) {
  if (code == "employer") return OrganisationKind::kEmployer;
  if (code == "cfa") return OrganisationKind::kCfa;
  if (code == "partner") return OrganisationKind::kPartner;
  return std::nullopt;
}

std::string_view MemberRoleCode(MemberRole role) {
  return role == MemberRole::kAdmin ? "admin" : "member";
}

std::string_view MemberRoleLabel(MemberRole role) {
  return role == MemberRole::kAdmin ? "Administrateur" : "Membre";
}

std::optional<MemberRole> ParseMemberRole(std::string_view code) {
  if (code == "admin") return MemberRole::kAdmin;
  if (code == "member") return MemberRole::kMember;
  return std::nullopt;
}

}  // namespace maplace::people
