#include "storage/test_database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>

namespace maplace::storage {

std::string EnvOr(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

TestDatabase::TestDatabase(const std::string& kind) {
  static std::atomic<int> counter{0};
  const std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  if (kind == "sqlite") {
    dir_ = std::filesystem::temp_directory_path() / ("maplace-" + name);
    std::filesystem::create_directories(dir_);
    url_ = "sqlite://" + (dir_ / "test.db").string();
  } else {
    base_url_ = EnvOr("MAPLACE_TEST_POSTGRES_URL");
    schema_ = name;
    soci::session admin(soci::postgresql, base_url_);
    admin << "CREATE SCHEMA " + schema_;
    url_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
           "options=-c%20search_path%3D" + schema_;
  }
}
TestDatabase::~TestDatabase() {
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
  if (!schema_.empty()) {
    soci::session admin(soci::postgresql, base_url_);
    admin << "SET client_min_messages TO warning";
    admin << "DROP SCHEMA " + schema_ + " CASCADE";
  }
}
std::filesystem::path TestDatabase::scratch() const {
  return dir_.empty() ? std::filesystem::temp_directory_path() / (schema_ + ".backup")
                      : dir_ / "backup";
}

}  // namespace maplace::storage
