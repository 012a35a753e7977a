#pragma once

#include <memory>

#include "domain/reference/dataset.h"
#include "storage/database.h"

namespace soci {
class session;
}

namespace maplace::storage {

// Reference tables on SQL, for any TableSpec: table and column names come from the specs in
// domain/reference/tables.cc, never from input.
std::unique_ptr<reference::ReferenceRepository> MakeSqlReference(soci::session& sql,
                                                                 Dialect dialect);

}  // namespace maplace::storage
