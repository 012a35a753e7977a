#include "search/job_families.h"

#include <algorithm>

#include "search/analyzer.h"

namespace maplace::search {
namespace {

// Derivational and inflectional endings of French job words, longest first within each
// length so the longest applicable one is stripped.
constexpr std::string_view kEndings[] = {
    "ationnelles", "ationnelle", "ations", "iennes", "ements", "ation", "ienne", "ement", "ments",
    "euses",       "ieres",      "istes",  "eries",  "iques",  "rices", "ment",  "iens",  "euse",
    "eurs",        "iere",       "iers",   "erie",   "iste",   "ique",  "ages",  "ures",  "ites",
    "ants",        "ante",       "eres",   "rice",   "ien",    "eur",   "ier",   "age",   "ure",
    "ite",         "ant",        "ere",    "es",     "er",     "e",     "s",     "x"};
constexpr std::size_t kMinRoot = 4;

}  // namespace

std::string JobRoot(std::string_view word) {
  std::string root(word);
  for (std::string_view ending : kEndings) {
    if (root.size() >= ending.size() + kMinRoot && root.ends_with(ending)) {
      root.resize(root.size() - ending.size());
      break;
    }
  }
  // électric(ien) and électr(ique), mécanic(ien) and mécan(ique) meet on the shorter root.
  if (root.size() >= 2 + kMinRoot && root.ends_with("ic")) root.resize(root.size() - 2);
  // maçonn(erie) and maçon.
  if (root.size() > kMinRoot && root[root.size() - 1] == root[root.size() - 2] &&
      std::string_view("nltpsrf").find(root.back()) != std::string_view::npos)
    root.pop_back();
  return root;
}

JobFamilies::JobFamilies(const std::vector<std::pair<std::string, std::string>>& titles) {
  // Per root, how many titles each code has under it.
  std::unordered_map<std::string, std::unordered_map<std::string, int>> titles_by_root;
  for (const auto& [code, title] : titles) {
    std::size_t start = 0;
    while (start <= title.size()) {
      std::size_t end = title.find('/', start);
      if (end == std::string::npos) end = title.size();
      const std::string folded = Fold(std::string_view(title).substr(start, end - start));
      for (std::string_view word : Words(folded)) {
        if (IsStopWord(word)) continue;
        if (word.size() >= kMinRoot) ++titles_by_root[JobRoot(word)][code];
        break;  // the head noun only
      }
      start = end + 1;
    }
  }
  for (const auto& [root, counts] : titles_by_root) {
    std::vector<std::pair<int, std::string>> ranked;  // most titles first
    int total = 0;
    for (const auto& [code, count] : counts) {
      ranked.emplace_back(count, code);
      total += count;
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (ranked.size() > kMaxCodes) ranked.resize(kMaxCodes);
    int kept = 0;
    for (const auto& [count, code] : ranked) kept += count;
    if (kept * 100 < total * kMinSharePercent) continue;  // spread over too many codes
    auto& codes = codes_by_root_[root];
    for (const auto& [count, code] : ranked) codes.push_back(code);
    std::sort(codes.begin(), codes.end());
  }
}

const std::vector<std::string>& JobFamilies::Codes(std::string_view folded_word) const {
  static const std::vector<std::string> kNone;
  // Shorter query words are mostly beginnings of words being typed.
  if (folded_word.size() < kMinRoot + 1) return kNone;
  auto it = codes_by_root_.find(JobRoot(folded_word));
  return it == codes_by_root_.end() ? kNone : it->second;
}

}  // namespace maplace::search
