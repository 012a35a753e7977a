#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "search/query.h"
#include "search/results.h"

namespace maplace::search {

// The answers of recent searches, for as long as the index does not change.
//
// People search the same few things (a job near a commune, the browse page): a repeated query
// is answered from here instead of walking its postings and counting its facets again. Every
// write to the index starts a new generation, and an answer is only served for the generation
// it was computed in, so a cached answer is always the one a fresh search would give.
// Thread-safe; sharded so that concurrent searches seldom wait on each other.
class ResultCache {
 public:
  // At most `capacity` answers (0 turns the cache off); the oldest go first.
  explicit ResultCache(std::size_t capacity);

  // The canonical form of everything in the query that changes its answer.
  static std::string Key(const Query& query);

  std::optional<Results> Find(const std::string& key, std::uint64_t generation) const;
  void Store(const std::string& key, std::uint64_t generation, const Results& results);

  std::size_t capacity() const { return capacity_; }
  // Finds that were answered, and finds that were not, since the start.
  std::uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  std::uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  static constexpr std::size_t kShards = 16;
  struct Entry {
    std::uint64_t generation = 0;
    Results results;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, Entry> entries;
    std::deque<std::string> order;  // insertion order, for eviction
  };
  Shard& ShardOf(const std::string& key) const;

  std::size_t capacity_;
  std::size_t per_shard_;
  mutable std::array<Shard, kShards> shards_;
  mutable std::atomic<std::uint64_t> hits_{0}, misses_{0};
};

}  // namespace maplace::search
