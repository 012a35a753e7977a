#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "search/document.h"
#include "search/query.h"
#include "search/results.h"
#include "search/synonyms.h"

namespace maplace::search {

// The in-process search index over offers, trainings and jobs (README.md says how matching and
// ranking work).
//
// Thread-safe: any number of Search() calls run together; a write (Upsert, Remove,
// SetJobTitles) waits for the searches in progress and is seen by every search that starts
// after it returns. The index keeps no text, only terms, filter columns and places.
class Index {
 public:
  static constexpr std::size_t kDefaultCachedAnswers = 4096;

  // `synonyms` must outlive the index. The answers of the last `cached_answers` distinct
  // searches are kept until the next write (AnswerCache; 0 = none): a repeated search costs a
  // lookup and a copy.
  explicit Index(const Synonyms& synonyms = Synonyms::Builtin(),
                 std::size_t cached_answers = kDefaultCachedAnswers);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // ROME job titles, (code, title) pairs as in the ROME appellations: a query word that names a
  // job family finds the documents of its codes (JobFamilies). Replaces the previous titles.
  void SetJobTitles(const std::vector<std::pair<std::string, std::string>>& titles);

  // Adds the document, or replaces the one with the same id.
  void Upsert(const Document& document);
  // The same for many documents at once: text analysis runs on `threads` threads (0 = one per
  // core) before one short write.
  void Upsert(std::span<const Document> documents, unsigned threads = 0);
  // Returns false when no document has this id.
  bool Remove(std::int64_t id);

  Results Search(const Query& query) const;
  // The ids of every document the query matches, ascending (page, sort and facets ignored).
  std::vector<std::int64_t> MatchIds(const Query& query) const;

  std::size_t size() const;  // live documents
  // Changes with every write: the index state an answer belongs to (Results::generation), for
  // callers that keep answers of their own (AnswerCache).
  std::uint64_t generation() const;
  std::size_t cached_answers() const;  // the capacity given at construction
  // Searches answered from the cached answers, and searches computed, since the start.
  struct CacheCounts {
    std::uint64_t hits = 0, misses = 0;
  };
  CacheCounts cache_counts() const;
  // Approximate heap bytes held by the index.
  std::size_t MemoryBytes() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace maplace::search
