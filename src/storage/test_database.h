#pragma once

#include <filesystem>
#include <string>

// Test support: a fresh, empty database for one test.
namespace maplace::storage {

std::string EnvOr(const char* name);

// A new SQLite file in a temporary folder, or a new schema in the PostgreSQL database of
// MAPLACE_TEST_POSTGRES_URL ("sqlite" or "postgres"); removed by the destructor.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& kind);
  ~TestDatabase();
  const std::string& url() const { return url_; }
  // A path for a backup file of this test.
  std::filesystem::path scratch() const;

 private:
  std::filesystem::path dir_;
  std::string base_url_, schema_, url_;
};

}  // namespace maplace::storage
