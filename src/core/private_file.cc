#include "core/private_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/crypto.h"

namespace maplace {
namespace {

Result<std::string> ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kUnavailable, fmt::format("cannot read {}", path.string()));
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

Status WriteAll(int fd, const std::string& content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Fail(ErrorCode::kUnavailable, std::strerror(errno));
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return Fail(ErrorCode::kUnavailable, std::strerror(errno));
  return Ok();
}

}  // namespace

Result<std::string> ReadOrCreatePrivateFile(const std::filesystem::path& path,
                                            const std::function<std::string()>& make_content) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return ReadWhole(path);
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec)
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot create the directory of {}: {}", path.string(), ec.message()));
  // O_EXCL on a random name, then link(): link fails if another process created `path` first,
  // and the file appears whole or not at all.
  const std::string temporary = path.string() + ".tmp-" + crypto::RandomToken(8);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot create {}: {}", temporary, std::strerror(errno)));
  const std::string content = make_content();
  Status written = WriteAll(fd, content);
  ::close(fd);
  if (written)
    written = ::link(temporary.c_str(), path.c_str()) == 0 || errno == EEXIST
                  ? Ok()
                  : Status(Fail(ErrorCode::kUnavailable, std::strerror(errno)));
  ::unlink(temporary.c_str());
  if (!written)
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot write {}: {}", path.string(), written.error().message));
  return ReadWhole(path);
}

Status CheckPrivateFileMode(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot examine {}: {}", path.string(), std::strerror(errno)));
  if ((info.st_mode & 077) != 0)
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("{} is accessible to group or others (mode {:o}); chmod 600 it",
                            path.string(), info.st_mode & 0777));
  return Ok();
}

}  // namespace maplace
