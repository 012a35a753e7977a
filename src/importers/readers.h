#pragma once

#include <filesystem>

#include "importers/importers.h"

// One reader per official format; importers.cc dispatches on the kind.
namespace maplace::importers {

Result<reference::Dataset> ReadRome(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadRomeV3(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadFapRome(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadBmo(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadAreas(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadCommunes(const std::filesystem::path& path,
                                        const Progress& progress);

}  // namespace maplace::importers
