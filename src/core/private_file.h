#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "core/error.h"

namespace maplace {

// Reads the file at `path`. When it does not exist, creates it (and its parent directories)
// with mode 0600 holding `make_content()`, then returns that content. Creation is atomic: the
// content is written to a temporary file and linked into place, so a reader never sees a
// half-written file and two processes starting together end up with the same content.
// kUnavailable when the file cannot be read or written.
Result<std::string> ReadOrCreatePrivateFile(const std::filesystem::path& path,
                                            const std::function<std::string()>& make_content);

// kFailedPrecondition when group or others have any permission on `path` (as ssh refuses a
// private key readable by others); kUnavailable when it cannot be examined.
Status CheckPrivateFileMode(const std::filesystem::path& path);

}  // namespace maplace
