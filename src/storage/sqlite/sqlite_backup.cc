#include "storage/sqlite/sqlite_backup.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace maplace::storage::sqlite {
namespace {

// An open connection, closed on scope exit.
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close(db); }
  std::string Message() const { return db ? sqlite3_errmsg(db) : "out of memory"; }
};

Status Open(Connection& c, const std::filesystem::path& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &c.db, flags, nullptr) != SQLITE_OK)
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot open {}: {}", path.string(), c.Message()));
  sqlite3_busy_timeout(c.db, 10000);
  return Ok();
}

Status Copy(Connection& from, Connection& to) {
  sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
  if (!backup) return Fail(ErrorCode::kInternal, "backup failed: " + to.Message());
  int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return Fail(ErrorCode::kInternal, "backup failed: " + to.Message());
  return Ok();
}

}  // namespace

Status BackupFile(const std::filesystem::path& database, const std::filesystem::path& to) {
  if (!std::filesystem::exists(database))
    return Fail(ErrorCode::kNotFound, fmt::format("no database at {}", database.string()));
  Connection source, target;
  if (auto s = Open(source, database, SQLITE_OPEN_READONLY); !s) return s;
  if (auto s = Open(target, to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !s) return s;
  return Copy(source, target);
}

Status RestoreFile(const std::filesystem::path& backup, const std::filesystem::path& database) {
  Connection source, target;
  if (!std::filesystem::exists(backup))
    return Fail(ErrorCode::kNotFound, fmt::format("no backup at {}", backup.string()));
  if (auto s = Open(source, backup, SQLITE_OPEN_READONLY); !s) return s;
  sqlite3_stmt* check = nullptr;
  std::string verdict;
  if (sqlite3_prepare_v2(source.db, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK &&
      sqlite3_step(check) == SQLITE_ROW) {
    verdict = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
  }
  sqlite3_finalize(check);
  if (verdict != "ok")
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{} is not a sound SQLite database: {}", backup.string(),
                            verdict.empty() ? source.Message() : verdict));
  if (auto s = Open(target, database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !s) return s;
  return Copy(source, target);
}

}  // namespace maplace::storage::sqlite
