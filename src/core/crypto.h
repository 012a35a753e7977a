#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace maplace::crypto {

// Initialises libsodium; call once at start-up (idempotent, thread-safe). Throws on failure.
void Initialise();

// `bytes` random bytes from the system CSPRNG, encoded base64url without padding.
std::string RandomToken(std::size_t bytes = 16);

// SHA-256 of `data`, lowercase hex. Used to store tokens: the store never holds the token itself.
std::string Sha256Hex(std::string_view data);

// HMAC-SHA-256 of `data` under `key`, base64url.
std::string HmacSha256(std::string_view key, std::string_view data);

bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Argon2id password hashing (libsodium crypto_pwhash_str). Hashing costs ~150 ms and 64 MiB at
// the interactive level, so at most `max_concurrent` hashes run at once: logins cannot exhaust
// memory. Thread-safe.
class PasswordHasher {
 public:
  struct Cost {
    unsigned long long ops_limit;
    std::size_t mem_limit;
  };
  static Cost Interactive();  // for production
  static Cost Minimum();      // for tests: still argon2id, far cheaper

  explicit PasswordHasher(Cost cost, int max_concurrent = 2);
  ~PasswordHasher();
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  Result<std::string> Hash(std::string_view password) const;
  bool Verify(std::string_view hash, std::string_view password) const;
  // A hash of a random password: verifying against it costs what a real check costs, so that
  // an unknown e-mail answers as slowly as a wrong password.
  const std::string& DummyHash() const { return dummy_hash_; }

 private:
  struct Gate;
  Cost cost_;
  Gate* gate_;
  std::string dummy_hash_;
};

}  // namespace maplace::crypto
