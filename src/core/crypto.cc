#include "core/crypto.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace maplace::crypto {
namespace {

std::string Base64Url(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

void Initialise() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string RandomToken(std::size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return Base64Url(buffer.data(), buffer.size());
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, Bytes(data), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string HmacSha256(std::string_view key, std::string_view data) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, Bytes(key), key.size());
  crypto_auth_hmacsha256_update(&state, Bytes(data), data.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return Base64Url(mac, sizeof mac);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// A counting semaphore that bounds concurrent hashing.
struct PasswordHasher::Gate {
  std::mutex mutex;
  std::condition_variable cv;
  int free;
  explicit Gate(int n) : free(n) {}
  void Enter() {
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return free > 0; });
    --free;
  }
  void Leave() {
    {
      std::lock_guard lock(mutex);
      ++free;
    }
    cv.notify_one();
  }
};

PasswordHasher::Cost PasswordHasher::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::Cost PasswordHasher::Minimum() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(Cost cost, int max_concurrent)
    : cost_(cost), gate_(new Gate(max_concurrent)) {
  Initialise();
  auto dummy = Hash(RandomToken(24));
  if (!dummy) throw std::runtime_error("cannot compute the dummy password hash");
  dummy_hash_ = *dummy;
}

PasswordHasher::~PasswordHasher() { delete gate_; }

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  gate_->Enter();
  int rc = crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.ops_limit,
                                 cost_.mem_limit, crypto_pwhash_ALG_ARGON2ID13);
  gate_->Leave();
  if (rc != 0) return Fail(ErrorCode::kResourceExhausted, "out of memory while hashing a password");
  return std::string(out);
}

bool PasswordHasher::Verify(std::string_view hash, std::string_view password) const {
  std::string stored(hash);  // crypto_pwhash_str_verify wants a NUL-terminated string
  gate_->Enter();
  int rc = crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size());
  gate_->Leave();
  return rc == 0;
}

}  // namespace maplace::crypto
