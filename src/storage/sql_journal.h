#pragma once

#include <memory>

#include "domain/journal/journal_repository.h"
#include "storage/database.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The money journal (migration 0008).
std::unique_ptr<journal::JournalRepository> MakeSqlJournal(soci::session& sql, Dialect dialect);

}  // namespace maplace::storage
