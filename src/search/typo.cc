#include "search/typo.h"

#include <algorithm>
#include <functional>

namespace maplace::search {
namespace {

std::uint64_t KeyOf(std::string_view s) { return std::hash<std::string_view>{}(s); }

template <typename F>
void ForEachDeletion(std::string_view word, F&& f) {
  std::string deleted;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i > 0 && word[i] == word[i - 1]) continue;  // same result as deleting word[i - 1]
    deleted.assign(word.substr(0, i));
    deleted.append(word.substr(i + 1));
    f(std::string_view(deleted));
  }
}

}  // namespace

bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);  // one insertion
  if (a.substr(i + 1) == b.substr(i + 1)) return true;             // one substitution
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);  // two neighbours swapped
}

void TypoIndex::Add(std::string_view word, std::uint32_t term) {
  if (word.size() < kMinWordLength) return;
  const auto index = static_cast<std::uint32_t>(words_.size());
  words_.push_back(word);
  terms_.push_back(term);
  keys_[KeyOf(word)].push_back(index);
  ForEachDeletion(word, [&](std::string_view deleted) {
    auto& list = keys_[KeyOf(deleted)];
    if (list.empty() || list.back() != index) list.push_back(index);
  });
}

void TypoIndex::Within(std::string_view word, std::vector<std::uint32_t>& terms) const {
  auto look = [&](std::string_view key) {
    auto it = keys_.find(KeyOf(key));
    if (it == keys_.end()) return;
    for (auto index : it->second)
      if (WithinOneEdit(word, words_[index])) terms.push_back(terms_[index]);
  };
  look(word);
  ForEachDeletion(word, look);
}

std::size_t TypoIndex::MemoryBytes() const {
  std::size_t bytes = words_.capacity() * sizeof(std::string_view) + terms_.capacity() * 4;
  for (const auto& [key, list] : keys_) bytes += 48 + list.capacity() * 4;
  return bytes + keys_.bucket_count() * 8;
}

}  // namespace maplace::search
