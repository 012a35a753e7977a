#pragma once

#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "domain/people/session.h"

namespace maplace::people {

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Status Create(const Session& session) = 0;
  // kNotFound when no session has this token hash.
  virtual Result<Session> Find(std::string_view token_hash) = 0;
  virtual Status Touch(std::string_view token_hash, UnixSeconds now) = 0;
  virtual Status Delete(std::string_view token_hash) = 0;
  virtual Status DeleteAllForUser(std::int64_t user_id) = 0;
};

// One-time e-mail links.
class TokenRepository {
 public:
  virtual ~TokenRepository() = default;
  virtual Status Create(const OneTimeToken& token) = 0;
  // Finds an unexpired, unused token of this purpose without using it. kNotFound otherwise.
  virtual Result<OneTimeToken> FindUsable(std::string_view token_hash, TokenPurpose purpose,
                                          UnixSeconds now) = 0;
  // Marks the token used; kNotFound when it was not usable (expired, used, other purpose), so
  // that of two concurrent uses only one succeeds.
  virtual Result<OneTimeToken> Consume(std::string_view token_hash, TokenPurpose purpose,
                                       UnixSeconds now) = 0;
  // Invalidates the user's unused tokens of this purpose (a new reset link voids older ones).
  virtual Status RevokeAll(std::int64_t user_id, TokenPurpose purpose, UnixSeconds now) = 0;
};

}  // namespace maplace::people
