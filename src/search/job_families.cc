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
  for (const auto& [code, title] : titles) {
    std::size_t start = 0;
    while (start <= title.size()) {
      std::size_t end = title.find('/', start);
      if (end == std::string::npos) end = title.size();
      const std::string folded = Fold(std::string_view(title).substr(start, end - start));
      for (std::string_view word : Words(folded)) {
        if (IsStopWord(word)) continue;
        if (word.size() >= kMinRoot) {
          auto& codes = codes_by_root_[JobRoot(word)];
          if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
        }
        break;  // the head noun only
      }
      start = end + 1;
    }
  }
  for (auto it = codes_by_root_.begin(); it != codes_by_root_.end();) {
    if (it->second.size() > kMaxCodes) {
      it = codes_by_root_.erase(it);
    } else {
      std::sort(it->second.begin(), it->second.end());
      ++it;
    }
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
