#include "storage/postgres/pg_backup.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cctype>
#include <string_view>
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

// The schema a URL puts first in the search path (options=-c search_path=NAME), or "".
static std::string SearchPathSchema(const std::string& url) {
  for (const char* key : {"search_path%3D", "search_path="}) {
    auto at = url.find(key);
    if (at == std::string::npos) continue;
    std::string name;
    for (auto i = at + std::string_view(key).size(); i < url.size(); ++i) {
      const char c = url[i];
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') break;
      name += c;
    }
    return name;
  }
  return "";
}

Status DumpTo(const std::string& url, const std::filesystem::path& to) {
  std::vector<std::string> command = {"pg_dump", "--format=custom", "--no-owner",
                                      "--file=" + to.string(), "--dbname=" + url};
  // A store kept in its own schema is dumped alone: the database may hold others (the tests
  // run side by side in one database, dropping theirs while this dump reads).
  if (std::string schema = SearchPathSchema(url); !schema.empty())
    command.push_back("--schema=" + schema);
  return Run(command);
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
