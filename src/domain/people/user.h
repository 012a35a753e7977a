#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "domain/people/role.h"

namespace maplace::people {

enum class UserStatus {
  kPending,  // signed up, e-mail not confirmed yet
  kActive,
  kDisabled,  // by an administrator; cannot log in
};
std::string_view UserStatusCode(UserStatus status);   // "pending", "active", "disabled"
std::string_view UserStatusLabel(UserStatus status);  // French
std::optional<UserStatus> ParseUserStatus(std::string_view code);

struct User {
  std::int64_t id = 0;
  std::string email;  // normalized, unique
  std::string display_name;
  Role role = Role::kYoungPerson;
  UserStatus status = UserStatus::kPending;
  std::string password_hash;  // argon2id, libsodium's encoded form
  bool is_demo = false;       // created by `maplace demo`
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

}  // namespace maplace::people
