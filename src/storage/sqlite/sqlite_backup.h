#pragma once

#include <filesystem>

#include "core/error.h"

namespace maplace::storage::sqlite {

// Copies a live database page by page with SQLite's online backup API: writers may go on.
Status BackupFile(const std::filesystem::path& database, const std::filesystem::path& to);
// Checks the backup (integrity_check), then copies it over the database.
Status RestoreFile(const std::filesystem::path& backup, const std::filesystem::path& database);

}  // namespace maplace::storage::sqlite
