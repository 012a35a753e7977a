#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/people/user.h"

namespace maplace::people {

// Accounts in the store. Implementations run inside the transaction of the Store call that
// handed them out.
class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Returns the new id. kAlreadyExists when the e-mail is taken.
  virtual Result<std::int64_t> Create(const User& user) = 0;
  virtual Result<User> FindById(std::int64_t id) = 0;
  // kNotFound when no account has this (normalized) e-mail.
  virtual Result<User> FindByEmail(std::string_view email) = 0;
  virtual Result<std::vector<User>> List() = 0;
  virtual Status UpdatePasswordHash(std::int64_t id, std::string_view hash, UnixSeconds now) = 0;
  virtual Status UpdateStatus(std::int64_t id, UserStatus status, UnixSeconds now) = 0;
  // kAlreadyExists when another account has the new e-mail.
  virtual Status UpdateEmail(std::int64_t id, std::string_view email, UnixSeconds now) = 0;
  virtual Status UpdateDisplayName(std::int64_t id, std::string_view name, UnixSeconds now) = 0;
  virtual Result<std::int64_t> CountNonDemo() = 0;
};

}  // namespace maplace::people
