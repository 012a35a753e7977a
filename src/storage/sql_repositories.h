#pragma once

#include <memory>

#include "domain/store.h"
#include "storage/database.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The repositories of one transaction, on a leased SOCI session. SOCI and database errors are
// turned into Error values here and go no further.
std::unique_ptr<Repositories> MakeSqlRepositories(soci::session& sql, Dialect dialect);

// Maps a database exception to an Error: constraint violations to kAlreadyExists, lost
// connections and lock time-outs to kUnavailable, anything else to kInternal.
Error DatabaseError(const std::exception& e, std::string_view what);

// Runs one repository operation, turning database exceptions into Error values.
template <typename F>
auto Guard(std::string_view what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    return Fail(DatabaseError(e, what));
  }
}

}  // namespace maplace::storage
