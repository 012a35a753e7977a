#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"

namespace maplace::journal {

// One row of the money journal: a change to an aid request, an envelope or a payment. Holds
// references to the states before and after, never a copy of personal data or bank details.
struct JournalEntry {
  std::int64_t seq = 0;  // 1, 2, 3, … with no gap; set by JournalRepository::Append
  UnixSeconds at = 0;
  std::int64_t actor_user_id = 0;  // 0: the system
  std::string action;              // "request.submitted", "envelope.committed", "payment.executed"
  std::string subject;             // "request:12", "envelope:3", "payment:7"
  std::optional<std::int64_t> amount_cents;  // the money moved, when there is some
  std::string before_ref;                    // "submitted", or a short hash of the row; may be ""
  std::string after_ref;                     // "under_instruction"; may be ""
  std::string prev_hash;                     // the previous entry's hash; set by Append
  std::string hash;                          // EntryHash(*this); set by Append

  bool operator==(const JournalEntry&) const = default;
};

// The prev_hash of entry 1: 64 zeros.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes that are hashed: the fields below in this order, joined by U+001F (unit separator),
// integers in decimal ASCII (a leading '-' when negative, no '+', no leading zeros):
//   seq, at, actor_user_id, action, subject, amount_cents ("" when absent), before_ref,
//   after_ref, prev_hash
// e.g. "1\x1f" "1754000000\x1f" "7\x1f" "request.submitted\x1f" "request:12\x1f" "150000\x1f"
// "draft\x1f" "submitted\x1f" "0000…0000". Text fields never contain control characters
// (Append refuses them), so the form is unambiguous. `hash` itself is not part of it.
std::string CanonicalForm(const JournalEntry& entry);

// SHA-256 of CanonicalForm(entry), lowercase hex (64 characters).
std::string EntryHash(const JournalEntry& entry);

// kInvalidArgument (Error::fields names the field) unless action and subject are given, every
// text field is at most 128 bytes of printable text (no control character), and at ≥ 0.
Status ValidateForAppend(const JournalEntry& entry);

}  // namespace maplace::journal
