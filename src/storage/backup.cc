#include "storage/database.h"
#include "storage/postgres/pg_backup.h"
#include "storage/sqlite/sqlite_backup.h"

namespace maplace::storage {

Status Backup(const StorageConfig& config, const std::filesystem::path& to) {
  auto store = SqlStore::Open(config);  // validates the URL and reaches the database
  if (!store) return Fail(store.error());
  if ((*store)->dialect() == Dialect::kSqlite) return sqlite::BackupFile((*store)->location(), to);
  return postgres::DumpTo((*store)->location(), to);
}

Status Restore(const StorageConfig& config, const std::filesystem::path& from) {
  if (config.url.rfind("sqlite://", 0) == 0) return sqlite::RestoreFile(from, config.url.substr(9));
  return postgres::RestoreFrom(from, config.url);
}

}  // namespace maplace::storage
