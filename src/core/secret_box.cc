#include "core/secret_box.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "core/crypto.h"
#include "core/private_file.h"
#include "core/text.h"

namespace maplace::crypto {
namespace {

constexpr std::string_view kFormat = "sb1";
constexpr std::size_t kMaxKeyIdLength = 16;

bool IsKeyId(std::string_view id) {
  if (id.empty() || id.size() > kMaxKeyIdLength) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::string Base64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

// Decodes standard base64 with padding; false when `text` is anything else.
bool FromBase64(std::string_view text, std::vector<unsigned char>& out) {
  out.resize(text.size() / 4 * 3 + 3);
  std::size_t size = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size())
    return false;
  out.resize(size);
  return true;
}

// Splits "sb1:<id>:<payload>"; false when the shape is wrong.
bool SplitSealed(std::string_view sealed, std::string_view& id, std::string_view& payload) {
  const std::size_t first = sealed.find(':');
  if (first == std::string_view::npos || sealed.substr(0, first) != kFormat) return false;
  const std::size_t second = sealed.find(':', first + 1);
  if (second == std::string_view::npos) return false;
  id = sealed.substr(first + 1, second - first - 1);
  payload = sealed.substr(second + 1);
  return IsKeyId(id);
}

}  // namespace

Result<SecretBox> SecretBox::OpenKeyFile(const std::filesystem::path& key_file) {
  Initialise();
  auto text = ReadOrCreatePrivateFile(key_file, [] {
    return "# maplace: keys sealing bank details at rest. Keep a copy apart from the database\n"
           "# backups; losing this file makes the stored IBANs unreadable. The last key seals.\n" +
           NewKeyLine("k1");
  });
  if (!text) return Fail(text.error());
  if (auto mode = CheckPrivateFileMode(key_file); !mode) return Fail(mode.error());
  std::string& content = *text;
  auto box = FromKeyFileText(content);
  sodium_memzero(content.data(), content.size());
  if (!box)
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("{}: {}", key_file.string(), box.error().message));
  return box;
}

Result<SecretBox> SecretBox::FromKeyFileText(std::string_view text) {
  std::vector<std::pair<std::string, Key>> keys;
  int line_number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text::Trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t space = line.find_first_of(" \t");
    const std::string_view id = line.substr(0, space);
    const std::string_view encoded =
        space == std::string_view::npos ? std::string_view() : text::Trim(line.substr(space));
    std::vector<unsigned char> bytes;
    if (!IsKeyId(id) || !FromBase64(encoded, bytes) || bytes.size() != kKeyBytes)
      return Fail(
          ErrorCode::kFailedPrecondition,
          fmt::format("line {} is not \"<key id> <base64 of {} bytes>\"", line_number, kKeyBytes));
    for (const auto& [known, unused] : keys)
      if (known == id)
        return Fail(ErrorCode::kFailedPrecondition,
                    fmt::format("line {} repeats the key id {}", line_number, id));
    Key key;
    std::copy(bytes.begin(), bytes.end(), key.begin());
    sodium_memzero(bytes.data(), bytes.size());
    keys.emplace_back(std::string(id), key);
  }
  if (keys.empty()) return Fail(ErrorCode::kFailedPrecondition, "no key");
  return SecretBox(std::move(keys));
}

std::string SecretBox::NewKeyLine(std::string_view id) {
  if (!IsKeyId(id)) throw std::invalid_argument("key ids are 1 to 16 characters among [a-z0-9-]");
  Initialise();
  Key key;
  crypto_secretbox_keygen(key.data());
  std::string line = fmt::format("{} {}\n", id, Base64(key.data(), key.size()));
  sodium_memzero(key.data(), key.size());
  return line;
}

SecretBox::~SecretBox() {
  for (auto& [id, key] : keys_) sodium_memzero(key.data(), key.size());
}

std::string SecretBox::Seal(std::string_view plaintext) const {
  const auto& [id, key] = keys_.back();
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plaintext.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        box.data(), key.data());
  return fmt::format("{}:{}:{}", kFormat, id, Base64(box.data(), box.size()));
}

Result<std::string> SecretBox::Open(std::string_view sealed) const {
  std::string_view id;
  std::string_view payload;
  if (!SplitSealed(sealed, id, payload))
    return Fail(ErrorCode::kInternal, "malformed sealed value");
  const Key* key = nullptr;
  for (const auto& [known, k] : keys_)
    if (known == id) key = &k;
  if (key == nullptr)
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("the key {} of a sealed value is not in the key file", id));
  std::vector<unsigned char> box;
  if (!FromBase64(payload, box) ||
      box.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return Fail(ErrorCode::kInternal, "malformed sealed value");
  const std::size_t cipher_size = box.size() - crypto_secretbox_NONCEBYTES;
  std::string plaintext(cipher_size - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()),
                                 box.data() + crypto_secretbox_NONCEBYTES, cipher_size, box.data(),
                                 key->data()) != 0)
    return Fail(ErrorCode::kInternal,
                "a sealed value failed authentication (altered or wrong key)");
  return plaintext;
}

bool SecretBox::NeedsResealing(std::string_view sealed) const {
  std::string_view id;
  std::string_view payload;
  return !SplitSealed(sealed, id, payload) || id != current_key_id();
}

}  // namespace maplace::crypto
