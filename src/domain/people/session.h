#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "domain/people/organisation.h"
#include "domain/people/role.h"

namespace maplace::people {

// A logged-in browser. The cookie holds a random token; the store only its SHA-256.
struct Session {
  std::string token_hash;
  std::int64_t user_id = 0;
  UnixSeconds created_at = 0;
  UnixSeconds last_seen_at = 0;
  UnixSeconds expires_at = 0;  // absolute limit
};

// Who is acting, as the use cases see it.
struct Actor {
  std::int64_t user_id = 0;
  Role role = Role::kYoungPerson;
  std::string email;
  std::string display_name;
  bool is_demo = false;
  std::optional<Membership> membership;  // employers and CFA users
  std::string session_token_hash;
};

// One-time links sent by e-mail. Stored hashed; consumed once.
enum class TokenPurpose { kEmailVerification, kPasswordReset, kEmailChange, kInvitation };
std::string_view TokenPurposeCode(TokenPurpose purpose);

struct OneTimeToken {
  std::string token_hash;
  TokenPurpose purpose = TokenPurpose::kEmailVerification;
  std::int64_t user_id = 0;          // 0 for invitations of people without an account
  std::string email;                 // the new address (email change) or the invitee
  std::int64_t organisation_id = 0;  // invitations
  MemberRole member_role = MemberRole::kMember;
  UnixSeconds created_at = 0;
  UnixSeconds expires_at = 0;
};

}  // namespace maplace::people
