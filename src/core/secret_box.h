#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"

namespace maplace::crypto {

// Encryption at rest of small secrets (bank details) with libsodium's crypto_secretbox
// (XSalsa20-Poly1305): a fresh random nonce per value, and authentication, so a value altered
// in the database fails to open instead of decrypting to garbage.
//
// Sealed values are ASCII, for a TEXT column: "sb1:<key id>:<base64(nonce ‖ MAC ‖ ciphertext)>"
// (standard base64 with padding). "sb1" is the format version.
//
// Keys live in a file outside the database, so a copy of the database alone reveals nothing.
// The key file is text, one key per line, "<key id> <base64 of 32 random bytes>"; blank lines
// and lines starting with '#' are ignored; a key id is 1 to 16 characters among [a-z0-9-].
// The last key seals; every key opens. Rotation: append a line with a new id (NewKeyLine),
// restart, re-seal the values for which NeedsResealing() is true, then remove the old line.
//
// Thread-safe (immutable after construction). Keys are wiped from memory on destruction.
class SecretBox {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  using Key = std::array<unsigned char, kKeyBytes>;

  // Loads the keys of `key_file`, first creating it with mode 0600 and one fresh key "k1" when
  // it does not exist. kFailedPrecondition if group or others may access the file or if it is
  // malformed or holds no key; kUnavailable if it cannot be read or created.
  static Result<SecretBox> OpenKeyFile(const std::filesystem::path& key_file);
  // Parses the content of a key file (see above). kFailedPrecondition when malformed.
  static Result<SecretBox> FromKeyFileText(std::string_view text);
  // "<id> <base64 of 32 fresh random bytes>\n": a line to append to a key file.
  static std::string NewKeyLine(std::string_view id);

  SecretBox(SecretBox&&) noexcept = default;
  SecretBox& operator=(SecretBox&&) noexcept = default;
  SecretBox(const SecretBox&) = delete;
  SecretBox& operator=(const SecretBox&) = delete;
  ~SecretBox();

  // Encrypts `plaintext` under the current (last) key.
  std::string Seal(std::string_view plaintext) const;
  // Decrypts a value made by Seal() under any key of the file. kFailedPrecondition when its
  // key is not in the file; kInternal when it is malformed or fails authentication (altered,
  // truncated, or sealed under another key with the same id). The error never quotes the value.
  Result<std::string> Open(std::string_view sealed) const;

  const std::string& current_key_id() const { return keys_.back().first; }
  // True when `sealed` was not made under the current key.
  bool NeedsResealing(std::string_view sealed) const;

 private:
  explicit SecretBox(std::vector<std::pair<std::string, Key>> keys) : keys_(std::move(keys)) {}
  std::vector<std::pair<std::string, Key>> keys_;  // in file order; the last one seals
};

}  // namespace maplace::crypto
