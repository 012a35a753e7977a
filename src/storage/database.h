#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/config.h"
#include "core/error.h"
#include "domain/store.h"

namespace soci {
class connection_pool;
class session;
}  // namespace soci

namespace maplace::storage {

enum class Dialect { kSqlite, kPostgres };

// The SQL store behind every repository: SQLite (one file, the default) or PostgreSQL, through
// one SOCI code path. Thread-safe: each transaction leases its own pooled connection.
class SqlStore final : public Store {
 public:
  // Connects (creating the SQLite file and its folder when missing); does not migrate.
  // kInvalidArgument for a malformed URL, kUnavailable when the database cannot be reached.
  static Result<std::unique_ptr<SqlStore>> Open(const StorageConfig& config);
  ~SqlStore() override;

  // Applies the migrations not applied yet, in order, each in its own transaction; returns how
  // many were applied. Safe when several servers start at once.
  Result<int> Migrate();

  Status Read(const std::function<Status(Repositories&)>& work) override;
  Status Write(const std::function<Status(Repositories&)>& work) override;

  Dialect dialect() const { return dialect_; }
  // The SQLite file path, or the PostgreSQL URL.
  const std::string& location() const { return location_; }

 private:
  SqlStore(Dialect dialect, std::string location, std::unique_ptr<soci::connection_pool> pool,
           int pool_size);
  Status Transact(bool write, const std::function<Status(Repositories&)>& work);

  Dialect dialect_;
  std::string location_;
  std::unique_ptr<soci::connection_pool> pool_;
  int pool_size_;
};

// Opens the store and applies pending migrations.
Result<std::unique_ptr<SqlStore>> OpenAndMigrate(const StorageConfig& config);

// Online backup to a file: SQLite's backup API, or pg_dump's custom format.
Status Backup(const StorageConfig& config, const std::filesystem::path& to);
// Replaces the database's content with a backup (stop the servers first). The backup is checked
// before anything is changed.
Status Restore(const StorageConfig& config, const std::filesystem::path& from);

}  // namespace maplace::storage
