// Two servers on one PostgreSQL database (issue 4 §1): what one publishes or closes, the other's
// search index follows through LISTEN/NOTIFY, and after losing its listening connection it
// catches up. Skipped without MAPLACE_TEST_POSTGRES_URL (script/test sets it).
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "app/platform.h"
#include "app/search_test_support.h"
#include "app/test_support.h"
#include "core/error_matchers.h"
#include "storage/test_database.h"

namespace maplace::app {
namespace {

// Waits until `done` holds, at most 10 s; says whether it did. Another server's change arrives
// on its own thread: there is nothing else to wait on.
bool Eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::yield();
  }
  return done();
}

class SearchReplicationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (storage::EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    database_ = std::make_unique<storage::TestDatabase>("postgres");
    for (auto* server : {&first_, &second_}) {
      server->dir = NewTestDir("replication");
      Config config = TestConfig(server->dir);
      config.storage.url = database_->url();
      auto platform = Platform::Open(config);
      ASSERT_THAT(platform, IsOk());
      server->platform = std::move(*platform);
    }
    ASSERT_THAT(SeedSearchReference(first_.platform->store()), IsOk());
    ASSERT_THAT(first_.platform->StartWeb(), IsOk());
    ASSERT_THAT(second_.platform->StartWeb(), IsOk());
    employer_ = NewEmployer(*first_.platform);
  }
  void TearDown() override {
    for (auto* server : {&first_, &second_}) {
      server->platform.reset();
      if (!server->dir.empty()) std::filesystem::remove_all(server->dir);
    }
    database_.reset();
  }

  // What the second server's index finds for `text` among offers.
  std::uint32_t FoundBySecond(const std::string& text) {
    search::Query query;
    query.text = text;
    query.kinds = {search::DocKind::kOffer};
    return second_.platform->search_index().Search(query).total;
  }

  struct Server {
    std::filesystem::path dir;
    std::unique_ptr<Platform> platform;
  };
  std::unique_ptr<storage::TestDatabase> database_;
  Server first_, second_;
  people::Actor employer_;
};

TEST_F(SearchReplicationTest, AnOfferPublishedOnOneServerIsFoundOnTheOther) {
  EXPECT_EQ(FoundBySecond("chaudronnier "), 0u);
  const std::int64_t id =
      PublishOffer(*first_.platform, employer_, "H2913", "Apprenti chaudronnier TIG", "97213");
  ASSERT_TRUE(Eventually([&] { return FoundBySecond("chaudronnier ") == 1; }));
  // With its card: the employer's name and the commune, read from the store.
  search::Query query;
  query.text = "chaudronnier ";
  const auto hits = second_.platform->search_cards().FindAll(
      {second_.platform->search_index().Search(query).hits.at(0).id});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].subtitle, "Soudure Caraïbes");
  EXPECT_EQ(hits[0].commune, "Le Lamentin");

  ASSERT_THAT(first_.platform->offers().Close(employer_, id), IsOk());
  EXPECT_TRUE(Eventually([&] { return FoundBySecond("chaudronnier ") == 0; }));
}

TEST_F(SearchReplicationTest, AServerThatLostItsListeningConnectionCatchesUp) {
  const std::int64_t closed =
      PublishOffer(*first_.platform, employer_, "G1602", "Commis de cuisine", "97209");
  ASSERT_TRUE(Eventually([&] { return FoundBySecond("commis ") == 1; }));
  // PostgreSQL ends every listening connection of this test's channels: whatever is said until
  // the second server listens again is lost for it.
  {
    soci::session sql(soci::postgresql, database_->url());
    int ended = 0;
    sql << "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
           "WHERE query LIKE 'LISTEN %' || current_schema() || '%'",
        soci::into(ended);
    ASSERT_EQ(ended, 2);  // both servers' listening connections
  }
  ASSERT_THAT(first_.platform->offers().Close(employer_, closed), IsOk());
  PublishOffer(*first_.platform, employer_, "H2913", "Soudeur en alternance", "97226");
  EXPECT_TRUE(Eventually([&] { return FoundBySecond("soudeur ") == 1; }));
  EXPECT_TRUE(Eventually([&] { return FoundBySecond("commis ") == 0; }));
}

}  // namespace
}  // namespace maplace::app
