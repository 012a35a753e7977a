#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace maplace::search {

// True when one insertion, deletion, substitution or swap of two neighbours turns `a` into `b`
// (or when they are equal). Works on bytes: folded words are ASCII but for rare letters.
bool WithinOneEdit(std::string_view a, std::string_view b);

// The words of the index within one edit of a query word, found through their deletion
// neighbourhoods (SymSpell): each word is filed under itself and its one-letter deletions, and a
// query looks up itself and its own deletions: (length + 1) hash lookups, not a dictionary scan.
class TypoIndex {
 public:
  static constexpr std::size_t kMinWordLength = 4;

  // `word` must stay valid as long as the index (the caller keeps it in a node-based map).
  void Add(std::string_view word, std::uint32_t term);
  // Appends the terms of the words within one edit of `word` (may repeat).
  void Within(std::string_view word, std::vector<std::uint32_t>& terms) const;
  template <typename F>
  void ForEachWithinOne(std::string_view word, F&& f) const {
    std::vector<std::uint32_t> terms;
    Within(word, terms);
    for (auto term : terms) f(term);
  }
  std::size_t MemoryBytes() const;

 private:
  // Hash of a key → indexes of words; hash collisions are removed by WithinOneEdit.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> keys_;
  std::vector<std::string_view> words_;
  std::vector<std::uint32_t> terms_;
};

}  // namespace maplace::search
