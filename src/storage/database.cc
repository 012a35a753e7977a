#include "storage/database.h"

#include <fmt/format.h>
#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>

#include "core/embedded_files.h"
#include "storage/native.h"
#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

struct ParsedUrl {
  Dialect dialect;
  std::string location;  // SQLite path or the PostgreSQL URL as given
};

Result<ParsedUrl> ParseUrl(const std::string& url) {
  if (url.rfind("sqlite://", 0) == 0) {
    std::string path = url.substr(9);
    if (path.empty()) return Fail(ErrorCode::kInvalidArgument, "sqlite:// URL without a path");
    return ParsedUrl{Dialect::kSqlite, path};
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return ParsedUrl{Dialect::kPostgres, url};
  return Fail(ErrorCode::kInvalidArgument,
              "database URL must start with sqlite:// or postgresql://: " + url);
}

// The embedded migrations of one dialect, ordered by their NNNN_ prefix.
std::vector<const embedded::EmbeddedFile*> MigrationsFor(Dialect dialect) {
  const std::string prefix = dialect == Dialect::kSqlite ? "sqlite/" : "postgres/";
  std::vector<const embedded::EmbeddedFile*> files;
  for (const auto& file : embedded::Migrations()) {
    if (file.path.rfind(prefix, 0) == 0) files.push_back(&file);
  }
  std::sort(files.begin(), files.end(), [](auto* a, auto* b) { return a->path < b->path; });
  return files;
}

}  // namespace

SqlStore::SqlStore(Dialect dialect, std::string location,
                   std::unique_ptr<soci::connection_pool> pool, int pool_size)
    : dialect_(dialect),
      location_(std::move(location)),
      pool_(std::move(pool)),
      pool_size_(pool_size) {}

SqlStore::~SqlStore() = default;

Result<std::unique_ptr<SqlStore>> SqlStore::Open(const StorageConfig& config) {
  auto url = ParseUrl(config.url);
  if (!url) return Fail(url.error());
  const int size = std::max(1, config.pool_size);
  auto pool = std::make_unique<soci::connection_pool>(static_cast<std::size_t>(size));
  try {
    if (url->dialect == Dialect::kSqlite) {
      std::filesystem::path path(url->location);
      if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
      for (int i = 0; i < size; ++i) {
        soci::session& sql = pool->at(static_cast<std::size_t>(i));
        sql.open(soci::sqlite3, "db=" + url->location);
        // WAL lets readers run beside the writer; FULL makes every commit durable; waiting
        // up to 10 s for the write lock turns contention into latency rather than errors.
        sql << "PRAGMA journal_mode=WAL";
        sql << "PRAGMA synchronous=FULL";
        sql << "PRAGMA foreign_keys=ON";
        sql << "PRAGMA busy_timeout=10000";
      }
    } else {
      for (int i = 0; i < size; ++i) {
        soci::session& sql = pool->at(static_cast<std::size_t>(i));
        sql.open(soci::postgresql, url->location);
        sql << "SET client_min_messages TO warning";  // no NOTICE chatter on stderr
      }
    }
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kUnavailable, fmt::format("cannot open the database: {}", e.what()));
  }
  return std::unique_ptr<SqlStore>(
      new SqlStore(url->dialect, url->location, std::move(pool), size));
}

Status SqlStore::Transact(bool write, const std::function<Status(Repositories&)>& work) {
  soci::session sql(*pool_);
  try {
    if (dialect_ == Dialect::kSqlite) {
      sql << (write ? "BEGIN IMMEDIATE" : "BEGIN");
    } else {
      sql << (write ? "BEGIN" : "BEGIN READ ONLY");
    }
  } catch (const std::exception& e) {
    return Fail(DatabaseError(e, "begin"));
  }
  Status status;
  try {
    auto repos = MakeSqlRepositories(sql, dialect_);
    status = work(*repos);
    if (status) {
      sql << "COMMIT";
      return status;
    }
  } catch (const std::exception& e) {
    status = Fail(DatabaseError(e, "transaction"));
  }
  try {
    sql << "ROLLBACK";
  } catch (const std::exception&) {
    // The connection is broken; the server rolled the transaction back already.
  }
  return status;
}

Status SqlStore::Read(const std::function<Status(Repositories&)>& work) {
  return Transact(false, work);
}

Status SqlStore::Write(const std::function<Status(Repositories&)>& work) {
  return Transact(true, work);
}

Result<int> SqlStore::Migrate() {
  int applied = 0;
  soci::session sql(*pool_);
  try {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, "
           "applied_at BIGINT NOT NULL)";
    for (const auto* file : MigrationsFor(dialect_)) {
      const std::string version = std::filesystem::path(file->path).stem().string();
      sql << (dialect_ == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
      try {
        if (dialect_ == Dialect::kPostgres) {
          // Servers starting together take turns; the lock ends with the transaction.
          sql << "SELECT pg_advisory_xact_lock(7261)";
        }
        int count = 0;
        sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version),
            soci::into(count);
        if (count == 0) {
          ExecuteScript(sql, dialect_, std::string(file->bytes));
          long long now = static_cast<long long>(std::time(nullptr));
          sql << "INSERT INTO schema_migrations (version, applied_at) VALUES (:v, :t)",
              soci::use(version), soci::use(now);
          ++applied;
        }
        sql << "COMMIT";
      } catch (...) {
        sql << "ROLLBACK";
        throw;
      }
    }
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kInternal, fmt::format("migration failed: {}", e.what()));
  }
  return applied;
}

Result<std::unique_ptr<SqlStore>> OpenAndMigrate(const StorageConfig& config) {
  auto store = SqlStore::Open(config);
  if (!store) return store;
  auto migrated = (*store)->Migrate();
  if (!migrated) return Fail(migrated.error());
  return store;
}

}  // namespace maplace::storage
