#include "storage/native.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace maplace::storage {

void ExecuteScript(soci::session& sql, Dialect dialect, const std::string& script) {
  if (dialect == Dialect::kSqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    char* message = nullptr;
    int rc = sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &message);
    if (rc != 0) {
      std::string text = message ? message : "unknown error";
      sqlite_api::sqlite3_free(message);
      throw soci::sqlite3_soci_error(text, rc);
    }
    return;
  }
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  PGresult* result = PQexec(backend->conn_, script.c_str());
  const bool ok =
      PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
  std::string message = ok ? "" : PQresultErrorMessage(result);
  PQclear(result);
  if (!ok) throw soci::soci_error(message);
}

}  // namespace maplace::storage

namespace maplace::storage {
namespace {

// COPY's text format: backslash escapes, \N for NULL.
void AppendCopyField(std::string& line, const std::optional<std::string>& cell) {
  if (!cell) {
    line += "\\N";
    return;
  }
  for (char c : *cell) {
    switch (c) {
      case '\\':
        line += "\\\\";
        break;
      case '\t':
        line += "\\t";
        break;
      case '\n':
        line += "\\n";
        break;
      case '\r':
        line += "\\r";
        break;
      default:
        line += c;
    }
  }
}

}  // namespace

void CopyIn(soci::session& sql, const std::string& table, const std::vector<std::string>& columns,
            const std::vector<std::vector<std::optional<std::string>>>& rows) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  PGconn* conn = backend->conn_;
  std::string command = "COPY " + table + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) command += (i ? ", " : "") + columns[i];
  command += ") FROM STDIN";
  PGresult* started = PQexec(conn, command.c_str());
  const bool ok = PQresultStatus(started) == PGRES_COPY_IN;
  PQclear(started);
  if (!ok) throw soci::soci_error(std::string("COPY failed to start: ") + PQerrorMessage(conn));
  std::string buffer;
  auto flush = [&] {
    if (PQputCopyData(conn, buffer.data(), static_cast<int>(buffer.size())) != 1)
      throw soci::soci_error(std::string("COPY failed: ") + PQerrorMessage(conn));
    buffer.clear();
  };
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) buffer += '\t';
      AppendCopyField(buffer, row[i]);
    }
    buffer += '\n';
    if (buffer.size() > (1 << 20)) flush();
  }
  if (!buffer.empty()) flush();
  if (PQputCopyEnd(conn, nullptr) != 1)
    throw soci::soci_error(std::string("COPY failed to end: ") + PQerrorMessage(conn));
  PGresult* result = PQgetResult(conn);
  const bool done = PQresultStatus(result) == PGRES_COMMAND_OK;
  std::string message = done ? "" : PQresultErrorMessage(result);
  PQclear(result);
  while ((result = PQgetResult(conn)) != nullptr) PQclear(result);
  if (!done) throw soci::soci_error("COPY failed: " + message);
}

}  // namespace maplace::storage
