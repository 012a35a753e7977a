#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/reference/dataset.h"

namespace maplace::importers {

// Called as files are read: which file, bytes read, its size.
using Progress =
    std::function<void(const std::string& file, std::uint64_t done, std::uint64_t size)>;

struct Kind {
  const char* name;         // "rome"
  const char* description;  // for --help
};
const std::vector<Kind>& Kinds();

// A dataset to import: its kind and where its file is.
struct Source {
  std::string kind;
  std::filesystem::path path;
};
// Every dataset, in the order to import them: the official files as `data` (../shared/data)
// lays them out, and the npm packages that script/bootstrap installs in `node_modules`.
std::vector<Source> StandardSources(const std::filesystem::path& data,
                                    const std::filesystem::path& node_modules);

// Reads an official file (or folder, for ROME) into the rows of the reference tables it fills,
// validating every row. kInvalidArgument names the file, line and column of the first bad
// value; kNotFound a missing file. Nothing is written: ImportService loads the dataset.
Result<reference::Dataset> Read(std::string_view kind, const std::filesystem::path& path,
                                const Progress& progress = nullptr);

}  // namespace maplace::importers
