#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace maplace::people {

// Partners (LADOM, missions locales, France Travail, the territorial authority, the SMA…) are
// created by advisors in the CRM (issue 8); they have no user accounts.
enum class OrganisationKind { kEmployer, kCfa, kPartner };
std::string_view OrganisationKindCode(OrganisationKind kind);   // "employer", "cfa", "partner"
std::string_view OrganisationKindLabel(OrganisationKind kind);  // "Entreprise", "CFA", "Partenaire"
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view code);

// Where an organisation stands in the advisors' validation queue. Until it is validated, an
// employer may prepare offers but not publish them.
enum class OrganisationStatus { kPending, kValidated, kDetailsRequested, kRefused };
// "pending", "validated", "details_requested", "refused"
std::string_view OrganisationStatusCode(OrganisationStatus status);
std::string_view OrganisationStatusLabel(OrganisationStatus status);  // French
std::optional<OrganisationStatus> ParseOrganisationStatus(std::string_view code);

// Headcount bands, as the organisation declares them.
// "0", "1-9", "10-49", "50-249", "250+"
bool IsHeadcountBand(std::string_view code);
std::string_view HeadcountBandLabel(std::string_view code);  // French
int HeadcountForAids(std::string_view code);  // a representative headcount for the aids engine

// An employer or a CFA, with several users.
struct Organisation {
  std::int64_t id = 0;
  OrganisationKind kind = OrganisationKind::kEmployer;
  std::string name;
  std::string siret;  // 14 digits, may be empty until the employers issue validates them
  std::string uai;    // CFAs only
  bool is_demo = false;
  UnixSeconds created_at = 0;
  // Issue 5: details declared at sign-up (empty for organisations made before it).
  std::string address;
  std::string commune_code;  // INSEE code of the commune
  std::string headcount;     // a band, see IsHeadcountBand
  std::string idcc;          // 4 digits, the collective agreement
  std::string naf;           // e.g. "5610A", optional
  OrganisationStatus status = OrganisationStatus::kValidated;
  std::string status_reason;  // the advisor's request or refusal reason
  UnixSeconds status_changed_at = 0;
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
