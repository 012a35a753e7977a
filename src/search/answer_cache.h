#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "search/query.h"

namespace maplace::search {

// The canonical form of everything in the query that changes its answer.
std::string QueryKey(const Query& query);

// The answers of recent searches, for as long as the index does not change.
//
// People search the same few things (a job near a commune, the browse page): a repeated query
// is answered from here instead of walking its postings and counting its facets again. Every
// write to the index starts a new generation (Index::generation()), and an answer is only
// served for the generation it was computed in, so a cached answer is always the one a fresh
// search would give. The index keeps its Results this way; the API keeps its JSON bodies, so
// that a repeated search costs neither cards nor JSON.
// Thread-safe; sharded so that concurrent searches seldom wait on each other.
template <typename Answer>
class AnswerCache {
 public:
  // At most `capacity` answers (0 turns the cache off); the oldest go first.
  explicit AnswerCache(std::size_t capacity)
      : capacity_(capacity), per_shard_(capacity == 0 ? 0 : (capacity + kShards - 1) / kShards) {}

  std::optional<Answer> Find(const std::string& key, std::uint64_t generation) const {
    if (capacity_ == 0) return std::nullopt;
    Shard& shard = ShardOf(key);
    const std::lock_guard lock(shard.mutex);
    auto it = shard.entries.find(key);
    if (it == shard.entries.end() || it->second.generation != generation) {
      misses_.fetch_add(1, std::memory_order_relaxed);
      return std::nullopt;
    }
    hits_.fetch_add(1, std::memory_order_relaxed);
    return it->second.answer;
  }

  void Store(const std::string& key, std::uint64_t generation, const Answer& answer) {
    if (capacity_ == 0) return;
    Shard& shard = ShardOf(key);
    const std::lock_guard lock(shard.mutex);
    auto [it, added] = shard.entries.try_emplace(key);
    it->second = Entry{generation, answer};
    if (!added) return;
    shard.order.push_back(key);
    while (shard.entries.size() > per_shard_) {
      shard.entries.erase(shard.order.front());
      shard.order.pop_front();
    }
  }

  std::size_t capacity() const { return capacity_; }
  // Finds that were answered, and finds that were not, since the start.
  std::uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  std::uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  static constexpr std::size_t kShards = 16;
  struct Entry {
    std::uint64_t generation = 0;
    Answer answer;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, Entry> entries;
    std::deque<std::string> order;  // insertion order, for eviction
  };
  Shard& ShardOf(const std::string& key) const {
    return shards_[std::hash<std::string>{}(key) % kShards];
  }

  std::size_t capacity_;
  std::size_t per_shard_;
  mutable std::array<Shard, kShards> shards_;
  mutable std::atomic<std::uint64_t> hits_{0}, misses_{0};
};

}  // namespace maplace::search
