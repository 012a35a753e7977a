#include "search/bench/bench.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "search/bench/corpus.h"
#include "search/index.h"

namespace maplace::search {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

TEST(SearchBenchTest, TheCorpusIsTheSameForASeed) {
  const auto a = bench::MakeCorpus(300, 30);
  const auto b = bench::MakeCorpus(300, 30);
  ASSERT_EQ(a.documents.size(), 330u);
  for (std::size_t i = 0; i < a.documents.size(); ++i) {
    EXPECT_EQ(a.documents[i].title, b.documents[i].title);
    EXPECT_EQ(a.documents[i].latitude, b.documents[i].latitude);
  }
  EXPECT_EQ(a.documents.back().kind, DocKind::kTraining);
  EXPECT_EQ(bench::MakeQueries(50).size(), 50u);
}

TEST(SearchBenchTest, SoudureFindsTheWeldersOfTheCorpus) {
  const auto corpus = bench::MakeCorpus(3000, 300);
  Index index;
  index.SetJobTitles(corpus.job_titles);
  index.Upsert(corpus.documents);
  Query q;
  q.text = "soudure ";
  q.page_size = 1000;
  const auto results = index.Search(q);
  ASSERT_GT(results.total, 0u);
  // The welders' code through the job family, and the plumbers whose offers say « soudure
  // cuivre »; not the cooks.
  EXPECT_THAT(results.facets.rome, Contains(Pair("H2913", ::testing::Gt(0u))));
  EXPECT_THAT(results.facets.rome, Not(Contains(Pair("G1602", ::testing::_))));
}

// A small run with SQLite FTS5: every comparable query returns the same match set.
TEST(SearchBenchTest, MatchSetsEqualSqliteFts5) {
  BenchmarkOptions options;
  options.offers = 3000;
  options.trainings = 300;
  options.queries = 120;
  options.reference_queries = 120;
  std::ostringstream out;
  EXPECT_EQ(RunBenchmark(options, out), 0) << out.str();
  EXPECT_THAT(out.str(), HasSubstr("| SQLite FTS5 | 120 | "));
  EXPECT_THAT(out.str(), HasSubstr("return the same match set as maplace"));
}

}  // namespace
}  // namespace maplace::search
