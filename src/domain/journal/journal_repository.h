#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/journal/journal_entry.h"

namespace maplace::journal {

// The position the next entry chains to.
struct JournalHead {
  std::int64_t seq = 0;
  std::string hash;
};

// What the entries of one subject and one action add up to.
struct ActionTotal {
  std::string subject;
  std::string action;
  std::int64_t amount_cents = 0;  // the sum of their amounts
  bool operator==(const ActionTotal&) const = default;
};

// The money journal: append-only and hash-chained (INV-AUDIT). The store refuses UPDATE and
// DELETE on it. One instance belongs to one transaction (Repositories).
class JournalRepository {
 public:
  virtual ~JournalRepository() = default;

  // Appends `entry` (its seq, prev_hash and hash are ignored) as the entry after the current
  // head, within the caller's transaction, which must be a Store::Write: the entry is
  // committed with the change it records or not at all. Concurrent writers queue (SQLite's
  // write lock, a PostgreSQL advisory lock), so the chain never forks. Returns the entry as
  // stored. kInvalidArgument for an invalid entry (ValidateForAppend), kAlreadyExists if
  // another writer took the same seq (a writer that bypassed the lock; retry), else store
  // errors.
  Result<JournalEntry> Append(const JournalEntry& entry);

  // Up to `limit` entries with seq > `after_seq`, by increasing seq. Page through the whole
  // journal with after_seq = 0, then the last seq read, until a page comes back empty.
  virtual Result<std::vector<JournalEntry>> Page(std::int64_t after_seq, int limit) = 0;
  // The totals of the entries whose subject is one of `subjects`, one per subject and action
  // having an entry with an amount, by subject then action (byte order). The store sums them
  // (one aggregate query per few hundred subjects), so that a page about a few records does not
  // read the whole journal.
  virtual Result<std::vector<ActionTotal>> Totals(const std::vector<std::string>& subjects) = 0;

 protected:
  // The last entry, or nullopt when the journal is empty. Holds the journal's append lock
  // until the end of the transaction (PostgreSQL: pg_advisory_xact_lock; SQLite: the write
  // transaction already holds the database's write lock).
  virtual Result<std::optional<JournalHead>> LockHead() = 0;
  // Stores a complete entry. kAlreadyExists when its seq is taken.
  virtual Status Insert(const JournalEntry& entry) = 0;
};

}  // namespace maplace::journal
