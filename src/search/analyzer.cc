#include "search/analyzer.h"

#include <libstemmer.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

namespace maplace::search {
namespace {

void AppendUtf8(std::string& out, utf8proc_int32_t cp) {
  std::array<utf8proc_uint8_t, 4> buf{};
  const auto n = utf8proc_encode_char(cp, buf.data());
  out.append(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(n));
}

bool IsWordCodePoint(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

void AppendSpace(std::string& out) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
}

// Snowball stemmers are not thread-safe: one per thread, freed with the thread.
class ThreadStemmer {
 public:
  ThreadStemmer() : stemmer_(sb_stemmer_new("french", "UTF_8")) {
    if (stemmer_ == nullptr) throw std::runtime_error("libstemmer has no French stemmer");
  }
  ~ThreadStemmer() { sb_stemmer_delete(stemmer_); }
  ThreadStemmer(const ThreadStemmer&) = delete;
  ThreadStemmer& operator=(const ThreadStemmer&) = delete;

  std::string Stem(std::string_view word) {
    // Indexing stems the same few thousand words millions of times.
    if (auto it = cache_.find(std::string(word)); it != cache_.end()) return it->second;
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    std::string result = stem == nullptr
                             ? std::string(word)
                             : std::string(reinterpret_cast<const char*>(stem),
                                           static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
    if (cache_.size() > 200000) cache_.clear();
    cache_.emplace(word, result);
    return result;
  }

 private:
  sb_stemmer* stemmer_;
  std::unordered_map<std::string, std::string> cache_;
};

constexpr std::string_view kStopWords[] = {
    "au",    "aux",   "avec", "ce",   "ces",  "cet",  "cette", "dans", "de",  "des", "du",  "elle",
    "elles", "en",    "est",  "et",   "etre", "eux",  "il",    "ils",  "je",  "la",  "le",  "les",
    "leur",  "leurs", "lui",  "ma",   "mais", "me",   "mes",   "moi",  "mon", "ne",  "nos", "notre",
    "nous",  "on",    "ou",   "par",  "pas",  "pour", "qu",    "que",  "qui", "sa",  "se",  "ses",
    "son",   "sont",  "sur",  "ta",   "te",   "tes",  "toi",   "ton",  "tu",  "un",  "une", "vos",
    "votre", "vous",  "ni",   "dont", "sans", "chez", "entre", "vers", "afin"};

}  // namespace

std::string Fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  auto remaining = static_cast<utf8proc_ssize_t>(utf8.size());
  while (remaining > 0) {
    const unsigned char c = *p;
    if (c < 0x80) {  // ASCII fast path: most of French text
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c - 'A' + 'a'));
      } else {
        AppendSpace(out);
      }
      ++p;
      --remaining;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(p, remaining, &cp);
    if (n <= 0) {  // invalid byte: a separator
      AppendSpace(out);
      ++p;
      --remaining;
      continue;
    }
    p += n;
    remaining -= n;
    if (cp == 0x153 || cp == 0x152) {  // œ Œ: no Unicode decomposition, French spells "oe"
      out += "oe";
      continue;
    }
    if (cp == 0xE6 || cp == 0xC6) {
      out += "ae";
      continue;
    }
    if (!IsWordCodePoint(cp)) {
      AppendSpace(out);
      continue;
    }
    std::array<utf8proc_int32_t, 8> decomposed{};
    int last_bound_class = 0;
    const auto count = utf8proc_decompose_char(
        cp, decomposed.data(), static_cast<utf8proc_ssize_t>(decomposed.size()),
        static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE |
                                       UTF8PROC_COMPAT),
        &last_bound_class);
    if (count <= 0 || count > static_cast<utf8proc_ssize_t>(decomposed.size())) continue;
    for (utf8proc_ssize_t i = 0; i < count; ++i) {
      const auto d = decomposed[static_cast<std::size_t>(i)];
      if (d < 0x80) {
        const char a = static_cast<char>(d);
        if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))
          out.push_back(a);
        else
          AppendSpace(out);
      } else if (IsWordCodePoint(d)) {
        AppendUtf8(out, d);
      }
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string_view> Words(std::string_view folded) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool IsStopWord(std::string_view word) {
  if (word.size() <= 1) return true;
  return std::find(std::begin(kStopWords), std::end(kStopWords), word) != std::end(kStopWords);
}

std::string Stem(std::string_view folded_word) {
  thread_local ThreadStemmer stemmer;
  return stemmer.Stem(folded_word);
}

std::vector<Token> Analyze(std::string_view utf8) {
  const std::string folded = Fold(utf8);
  std::vector<Token> tokens;
  for (std::string_view word : Words(folded)) {
    if (IsStopWord(word)) continue;
    tokens.push_back({std::string(word), Stem(word)});
  }
  return tokens;
}

}  // namespace maplace::search
