#pragma once

#include <string>

#include "storage/database.h"

namespace soci {
class session;
}

namespace maplace::storage {

// Runs a script of several statements (a migration) on the session's native connection:
// SOCI's statements take one statement each. Throws soci::soci_error on failure.
void ExecuteScript(soci::session& sql, Dialect dialect, const std::string& script);

}  // namespace maplace::storage
