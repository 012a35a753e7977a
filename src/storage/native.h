#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace soci {
class session;
}

namespace maplace::storage {

// Runs a script of several statements (a migration) on the session's native connection:
// SOCI's statements take one statement each. Throws soci::soci_error on failure.
void ExecuteScript(soci::session& sql, Dialect dialect, const std::string& script);

}  // namespace maplace::storage

namespace maplace::storage {

// PostgreSQL's COPY … FROM STDIN on the session's connection, inside its transaction: the bulk
// path of imports. Throws soci::soci_error on failure.
void CopyIn(soci::session& sql, const std::string& table, const std::vector<std::string>& columns,
            const std::vector<std::vector<std::optional<std::string>>>& rows);

}  // namespace maplace::storage
