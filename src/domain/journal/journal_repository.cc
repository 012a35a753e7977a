#include "domain/journal/journal_repository.h"

namespace maplace::journal {

Result<JournalEntry> JournalRepository::Append(const JournalEntry& entry) {
  if (auto valid = ValidateForAppend(entry); !valid) return tl::unexpected(valid.error());
  // The head is read under the append lock, so no other writer can chain to it before this
  // transaction ends.
  auto head = LockHead();
  if (!head) return tl::unexpected(head.error());
  JournalEntry stored = entry;
  stored.seq = *head ? (*head)->seq + 1 : 1;
  stored.prev_hash = *head ? (*head)->hash : std::string(kGenesisHash);
  stored.hash = EntryHash(stored);
  if (auto inserted = Insert(stored); !inserted) return tl::unexpected(inserted.error());
  return stored;
}

}  // namespace maplace::journal
