#include "domain/journal/journal_entry.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <utility>

#include "core/crypto.h"

namespace maplace::journal {
namespace {

constexpr char kSeparator = '\x1f';
constexpr std::size_t kMaxTextBytes = 128;

bool HasControlCharacter(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

std::string CanonicalForm(const JournalEntry& e) {
  // fmt prints integers in plain decimal whatever the locale, which keeps the form stable.
  return fmt::format("{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}", e.seq, kSeparator, e.at, kSeparator,
                     e.actor_user_id, kSeparator, e.action, kSeparator, e.subject, kSeparator,
                     e.amount_cents ? fmt::format("{}", *e.amount_cents) : std::string(),
                     kSeparator, e.before_ref, kSeparator, e.after_ref, kSeparator, e.prev_hash);
}

std::string EntryHash(const JournalEntry& entry) { return crypto::Sha256Hex(CanonicalForm(entry)); }

Status ValidateForAppend(const JournalEntry& e) {
  std::map<std::string, std::string> problems;
  const std::array<std::pair<const char*, const std::string*>, 4> texts = {
      {{"action", &e.action},
       {"subject", &e.subject},
       {"before_ref", &e.before_ref},
       {"after_ref", &e.after_ref}}};
  for (const auto& [name, text] : texts) {
    if (text->size() > kMaxTextBytes)
      problems[name] = fmt::format("longer than {} bytes", kMaxTextBytes);
    else if (HasControlCharacter(*text))
      problems[name] = "contains a control character";
  }
  if (e.action.empty()) problems["action"] = "missing";
  if (e.subject.empty()) problems["subject"] = "missing";
  if (e.at < 0) problems["at"] = "before 1970";
  if (problems.empty()) return Ok();
  return tl::unexpected(Error{ErrorCode::kInvalidArgument, "invalid journal entry", problems});
}

}  // namespace maplace::journal
