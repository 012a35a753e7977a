#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "search/document.h"
#include "search/query.h"

namespace maplace::search::bench {

// A full-text engine the benchmark compares the index with, on the same documents and queries.
// The references index the same stems (search::Analyze) so that match sets can be compared;
// they have no synonyms, typos, job families, widening or facets.
class ReferenceEngine {
 public:
  struct Page {
    std::uint32_t total = 0;
    std::vector<std::int64_t> ids;  // top 20
  };
  virtual ~ReferenceEngine() = default;
  virtual std::string name() const = 0;
  virtual Status Build(const std::vector<Document>& documents) = 0;
  virtual Result<Page> Search(const Query& query) = 0;
  // Every matching id, ascending.
  virtual Result<std::vector<std::int64_t>> MatchIds(const Query& query) = 0;
};

// SQLite FTS5 in memory, with a tokenizer that folds and stems like the index.
std::unique_ptr<ReferenceEngine> MakeSqliteFts5();
// PostgreSQL full-text search (GIN over tsvector of the same stems, 'simple' configuration) in
// a schema of its own, dropped at the end.
std::unique_ptr<ReferenceEngine> MakePostgresFts(const std::string& url);

// The SQL both references share: the filters of `query` as a WHERE fragment over table alias
// "d", and the words as stems ("" when none).
std::string SqlFilters(const Query& query);
// The query's words without stop words, stemmed or only folded (for an engine whose tokenizer
// stems); the last one is a folded prefix when the person is typing.
std::vector<std::string> QueryTerms(const Query& query, bool stem, bool* last_is_prefix);

}  // namespace maplace::search::bench
