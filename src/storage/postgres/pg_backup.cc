#include "storage/postgres/pg_backup.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <vector>

extern char** environ;

namespace maplace::storage::postgres {
namespace {

// Runs a program with arguments, without a shell, and waits for it.
Status Run(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
    return Fail(ErrorCode::kUnavailable, fmt::format("cannot run {}", args[0]));
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return Fail(ErrorCode::kInternal, fmt::format("{} failed (exit status {})", args[0],
                                                  WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  return Ok();
}

}  // namespace

Status DumpTo(const std::string& url, const std::filesystem::path& to) {
  return Run(
      {"pg_dump", "--format=custom", "--no-owner", "--file=" + to.string(), "--dbname=" + url});
}

Status RestoreFrom(const std::filesystem::path& backup, const std::string& url) {
  if (!std::filesystem::exists(backup))
    return Fail(ErrorCode::kNotFound, fmt::format("no backup at {}", backup.string()));
  // --list reads the whole archive: a damaged file is refused before anything is dropped.
  if (auto s = Run({"pg_restore", "--list", backup.string()}); !s)
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{} is not a pg_dump archive", backup.string()));
  return Run({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              "--exit-on-error", "--dbname=" + url, backup.string()});
}

}  // namespace maplace::storage::postgres
