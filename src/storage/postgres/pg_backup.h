#pragma once

#include <filesystem>
#include <string>

#include "core/error.h"

namespace maplace::storage::postgres {

// pg_dump in its custom format (consistent snapshot while the servers run).
Status DumpTo(const std::string& url, const std::filesystem::path& to);
// pg_restore --clean: drops and recreates every object of the backup.
Status RestoreFrom(const std::filesystem::path& backup, const std::string& url);

}  // namespace maplace::storage::postgres
