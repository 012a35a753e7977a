#include "search/index.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "search/analyzer.h"
#include "search/answer_cache.h"
#include "search/geo.h"
#include "search/job_families.h"
#include "search/typo.h"

namespace maplace::search {
namespace {

// BM25 with the title counted three times.
constexpr float kK1 = 1.2f;
constexpr float kB = 0.75f;
constexpr float kTitleBoost = 3.0f;
constexpr float kImpactScale = (kK1 + 1) / 255.0f;  // an impact byte back to BM25's scale
// How a document word matched a query word: exact stem > synonym, job family > prefix > typo.
constexpr float kExactWeight = 1.0f;
constexpr float kSynonymWeight = 0.8f;
constexpr float kFamilyWeight = 0.7f;
constexpr float kPrefixWeight = 0.6f;
constexpr float kTypoWeight = 0.4f;
// A two-letter prefix names hundreds of words: the most frequent ones are what a person typing
// is after, and the cost of a keystroke stays bounded.
constexpr std::size_t kMaxPrefixTerms = 64;
constexpr std::size_t kMinPrefixLength = 2;
constexpr std::size_t kMinTypoLength = 5;
constexpr std::size_t kChunk = 16384;  // documents analysed per write when upserting many

// Postings of one term: ascending document ordinals, and per ordinal its impact (Impact()).
struct Posting {
  std::vector<std::uint32_t> docs;
  std::vector<std::uint8_t> impacts;  // see Impact()
};

// Term frequency in the title (high nibble) and in the text (low nibble), both capped at 15.
std::uint8_t PackTf(int title, int text) {
  return static_cast<std::uint8_t>((std::min(title, 15) << 4) | std::min(text, 15));
}

float Idf(std::size_t df, std::size_t n) {
  const double d = static_cast<double>(df);
  return static_cast<float>(std::log(1.0 + (static_cast<double>(n) - d + 0.5) / (d + 0.5)));
}

struct AnalyzedDocument {
  const Document* document = nullptr;
  std::vector<std::pair<std::string, std::uint8_t>> terms;     // stem, packed tf
  std::vector<std::pair<std::string, std::string>> surfaces;   // folded word, its stem
  std::vector<std::pair<std::uint32_t, std::uint8_t>> groups;  // synonym group, packed tf
  std::uint16_t length = 0;
};

AnalyzedDocument AnalyzeDocument(const Document& document, const Synonyms& synonyms) {
  AnalyzedDocument out;
  out.document = &document;
  const auto title = Analyze(document.title);
  const auto text = Analyze(document.text);
  out.length = static_cast<std::uint16_t>(std::min<std::size_t>(title.size() + text.size(), 65535));

  // (stem, 0 = title | 1 = text), sorted, then counted.
  std::vector<std::pair<std::string_view, int>> occurrences;
  occurrences.reserve(title.size() + text.size());
  for (const auto& token : title) occurrences.emplace_back(token.stem, 0);
  for (const auto& token : text) occurrences.emplace_back(token.stem, 1);
  std::sort(occurrences.begin(), occurrences.end());
  for (std::size_t i = 0; i < occurrences.size();) {
    std::size_t j = i;
    int in_title = 0;
    int in_text = 0;
    for (; j < occurrences.size() && occurrences[j].first == occurrences[i].first; ++j)
      (occurrences[j].second == 0 ? in_title : in_text)++;
    out.terms.emplace_back(std::string(occurrences[i].first), PackTf(in_title, in_text));
    i = j;
  }

  for (const auto* tokens : {&title, &text}) {
    for (const auto& token : *tokens) out.surfaces.emplace_back(token.word, token.stem);
  }
  std::sort(out.surfaces.begin(), out.surfaces.end());
  out.surfaces.erase(std::unique(out.surfaces.begin(), out.surfaces.end()), out.surfaces.end());

  std::map<std::uint32_t, std::pair<int, int>> group_tf;
  for (int field = 0; field < 2; ++field) {
    const auto& tokens = field == 0 ? title : text;
    std::vector<std::string> stems;
    stems.reserve(tokens.size());
    for (const auto& token : tokens) stems.push_back(token.stem);
    for (const auto& match : synonyms.Find(stems)) {
      auto& tf = group_tf[match.group];
      (field == 0 ? tf.first : tf.second)++;
    }
  }
  for (const auto& [group, tf] : group_tf)
    out.groups.emplace_back(group, PackTf(tf.first, tf.second));
  return out;
}

// What one query word may match, each alternative with its weight (match kind × idf).
struct Alternative {
  const std::vector<std::uint32_t>* docs = nullptr;
  const std::vector<std::uint8_t>* impacts = nullptr;  // null: a ROME family, no frequencies
  float weight = 0;
};
struct WordPlan {
  std::vector<Alternative> alternatives;
  std::size_t cost = 0;  // postings to read
};

enum FilterBit : std::uint32_t {
  kKindBit = 1,
  kLevelBit = 2,
  kContractBit = 4,
  kAreaBit = 8,
  kSectorBit = 16,
  kRomeBit = 32,
  kHardBit = 64,  // outside the radius, or starting outside the dates: counted nowhere
};
constexpr int kLevelSlots = 16;
constexpr int kSectorSlots = 27;  // 'A'..'Z', then none

class WriteLock {
 public:
  WriteLock(std::mutex& gate, std::shared_mutex& mutex) : gate_(gate), lock_(mutex) {}

 private:
  std::lock_guard<std::mutex> gate_;
  std::unique_lock<std::shared_mutex> lock_;
};

class ReadLock {
 public:
  ReadLock(std::mutex& gate, std::shared_mutex& mutex) : lock_(mutex, std::defer_lock) {
    const std::lock_guard pass(gate);
    lock_.lock();
  }

 private:
  std::shared_lock<std::shared_mutex> lock_;
};

// What every match is filtered and counted on, packed in 8 bytes: a broad word matches hundreds
// of thousands of documents, and the pass over them is bound by the bytes it reads. The other
// columns (place, start, dates) are read only by the searches that need them.
struct Tags {
  std::uint8_t kind;  // DocKind; kDead once the document is replaced or removed
  std::uint8_t level, contract, sector;
  std::uint16_t area;
  std::uint16_t rome;  // first ROME code, kNoRome for none; | kMoreRomes when it has others
};
static_assert(sizeof(Tags) == 8);
constexpr std::uint8_t kDead = 0xFF;
constexpr std::uint16_t kMoreRomes = 0x8000;
constexpr std::uint16_t kNoRome = 0x7FFF;
struct Place {
  float latitude, longitude;  // NaN without a place
};

// A document that passed, with its sort keys: sorting reads no column.
struct Matched {
  float key;  // what the sort orders by first, ascending (a negated score, a distance...)
  float score;
  std::uint32_t published;
  std::uint32_t ordinal;
};
bool Before(const Matched& a, const Matched& b) {
  if (a.key != b.key) return a.key < b.key;
  if (a.published != b.published) return a.published > b.published;
  return a.ordinal > b.ordinal;
}

// Per-search working memory, reused across searches so that a search allocates little.
struct Scratch {
  std::vector<std::uint64_t> bits;  // one per document, all zero between searches
  std::vector<std::uint64_t> seen;  // the same
  std::vector<float> best;          // by ordinal, all zero between searches
  std::vector<std::uint32_t> candidates;
  std::vector<std::size_t> cursors;
  std::vector<float> scores;
  std::vector<Matched> matched;
  std::vector<std::uint32_t> area_counts, rome_counts;
  std::vector<std::uint8_t> area_allowed, rome_allowed;
};

struct Counts {
  std::uint32_t total = 0;
  std::uint32_t kind[kDocKindCount] = {};
  std::uint32_t level[kLevelSlots] = {};
  std::uint32_t contract[kContractKindCount] = {};
  std::uint32_t sector[kSectorSlots] = {};
};

// The first position at or after `from` whose ordinal is not below `d`: steps of 1, 2, 4... then
// a binary search, so walking a posting forward costs little when candidates are dense or sparse.
std::size_t Gallop(const std::vector<std::uint32_t>& docs, std::size_t from, std::uint32_t d) {
  std::size_t step = 1;
  std::size_t low = from;
  std::size_t high = from;
  while (high < docs.size() && docs[high] < d) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  high = std::min(high, docs.size());
  return static_cast<std::size_t>(std::lower_bound(docs.begin() + static_cast<std::ptrdiff_t>(low),
                                                   docs.begin() + static_cast<std::ptrdiff_t>(high),
                                                   d) -
                                  docs.begin());
}

Facet SortedFacet(std::vector<std::pair<std::string, std::uint32_t>> values) {
  std::erase_if(values, [](const auto& v) { return v.second == 0; });
  std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return values;
}

}  // namespace

std::string_view DocKindName(DocKind kind) {
  switch (kind) {
    case DocKind::kOffer:
      return "offer";
    case DocKind::kTraining:
      return "training";
    case DocKind::kJob:
      return "job";
  }
  return "offer";
}

std::string_view ContractKindName(ContractKind kind) {
  switch (kind) {
    case ContractKind::kNone:
      return "none";
    case ContractKind::kApprenticeship:
      return "apprentissage";
    case ContractKind::kProfessionalisation:
      return "professionnalisation";
  }
  return "none";
}

class Index::Impl {
 public:
  Impl(const Synonyms& synonyms, std::size_t cached_answers)
      : synonyms_(synonyms), cache_(cached_answers), group_postings_(synonyms.group_count()) {
    area_ids_.emplace("", 0);
    area_codes_.emplace_back();
    rome_begin_.push_back(0);
  }

  void SetJobTitles(const std::vector<std::pair<std::string, std::string>>& titles) {
    JobFamilies families(titles);
    WriteLock lock(writer_gate_, mutex_);
    families_ = std::move(families);
    ++generation_;
  }

  void Upsert(std::span<const Document> documents, unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t begin = 0; begin < documents.size(); begin += kChunk) {
      const auto chunk = documents.subspan(begin, std::min(kChunk, documents.size() - begin));
      std::vector<AnalyzedDocument> analyzed(chunk.size());
      const unsigned n = chunk.size() < 256 ? 1u : threads;
      std::vector<std::thread> workers;
      for (unsigned t = 1; t < n; ++t) {
        workers.emplace_back([&, t] {
          for (std::size_t i = t; i < chunk.size(); i += n)
            analyzed[i] = AnalyzeDocument(chunk[i], synonyms_);
        });
      }
      for (std::size_t i = 0; i < chunk.size(); i += n)
        analyzed[i] = AnalyzeDocument(chunk[i], synonyms_);
      for (auto& worker : workers) worker.join();

      WriteLock lock(writer_gate_, mutex_);
      std::uint64_t chunk_length = 0;
      for (const auto& document : analyzed) chunk_length += document.length;
      average_length_ = std::max(1.0f, static_cast<float>(total_length_ + chunk_length) /
                                           static_cast<float>(live_count_ + analyzed.size()));
      for (const auto& document : analyzed) Insert(document);
      MaybeCompact();
      ++generation_;
    }
  }

  bool Remove(std::int64_t id) {
    WriteLock lock(writer_gate_, mutex_);
    if (!Kill(id)) return false;
    MaybeCompact();
    ++generation_;
    return true;
  }

  std::size_t size() const {
    const ReadLock lock(writer_gate_, mutex_);
    return live_count_;
  }

  std::size_t MemoryBytes() const;
  CacheCounts cache_counts() const { return {cache_.hits(), cache_.misses()}; }
  std::uint64_t generation() const { return generation_; }
  std::size_t cached_answers() const { return cache_.capacity(); }
  Results Search(const Query& query) const;
  std::vector<std::int64_t> MatchIds(const Query& query) const;

 private:
  Results Compute(const Query& query) const;  // under a read lock

  struct Plan {
    std::vector<WordPlan> words;
    bool impossible = false;  // a word matches nothing: so does the query
  };

  // Under the write lock.
  void Insert(const AnalyzedDocument& analyzed);
  bool Kill(std::int64_t id);
  void MaybeCompact();
  std::uint32_t TermId(const std::string& stem);

  // Under a read lock.
  Plan MakePlan(const Query& query) const;
  void AddWord(Plan& plan, std::string_view word, const std::string& stem, bool typing,
               std::int64_t group, const Matching& matching) const;
  static float ScoreAt(const Alternative& alternative, std::size_t position) {
    if (alternative.impacts == nullptr) return alternative.weight;
    return alternative.weight * static_cast<float>((*alternative.impacts)[position]);
  }
  // BM25's term-frequency part for a document, quantised to a byte when it is indexed (with the
  // average length of that moment), so that scoring reads the postings only.
  std::uint8_t Impact(std::uint8_t packed_tf, std::uint16_t length) const {
    const float f =
        kTitleBoost * static_cast<float>(packed_tf >> 4) + static_cast<float>(packed_tf & 15);
    const float norm = kK1 * (1 - kB + kB * static_cast<float>(length) / average_length_);
    const float part = f / (f + norm);  // in (0, 1)
    return static_cast<std::uint8_t>(std::clamp(std::lround(part * 255.0f), 1L, 255L));
  }
  // Marks the first word's documents in scratch.seen and their best score in scratch.best: its
  // alternatives merged, and only the documents whose bit is set in `filter` when there is one.
  void Union(const WordPlan& word, Scratch& s, const std::uint64_t* filter) const;
  // Calls f(ordinal, score) for each document marked in scratch.seen, in ascending order, and
  // clears the marks and scores.
  template <typename F>
  static void ForEachSeen(Scratch& s, F&& f) {
    for (std::size_t w = 0; w < s.seen.size(); ++w) {
      std::uint64_t bits = s.seen[w];
      if (bits == 0) continue;
      s.seen[w] = 0;
      for (; bits != 0; bits &= bits - 1) {
        const auto d =
            static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
        const float score = s.best[d];
        s.best[d] = 0;
        f(d, score);
      }
    }
  }
  // Leaves in scratch.matched the `keep` best documents in the query's order (a heap, unsorted),
  // or every match when `keep` is 0.
  void Evaluate(const Plan& plan, const Query& query, double radius_km, std::size_t keep,
                Scratch& scratch, Counts& counts, bool count_facets) const;
  std::unique_ptr<Scratch> AcquireScratch() const;
  void ReleaseScratch(std::unique_ptr<Scratch> scratch) const;

  const Synonyms& synonyms_;
  mutable AnswerCache<Results> cache_;        // searches are const; not part of the index state
  std::atomic<std::uint64_t> generation_{0};  // changes with every write, under the write lock
  // glibc's shared mutex lets a steady flow of readers starve a writer: a writer holds
  // writer_gate_ while it waits, and readers pass through the gate before taking their share.
  mutable std::mutex writer_gate_;
  mutable std::shared_mutex mutex_;
  JobFamilies families_;

  // Terms: stems, their postings; synonym groups; the folded words seen, for prefixes and typos.
  std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::vector<Posting> postings_;
  std::vector<Posting> group_postings_;
  std::unordered_map<std::string, std::uint32_t> surfaces_;  // folded word → term
  std::map<std::string, std::uint32_t> sorted_surfaces_;     // the same, ordered, for prefixes
  TypoIndex typos_;

  // Columns, by document ordinal. An update gives the document a new ordinal and kills the old.
  std::vector<std::int64_t> ids_;
  std::vector<Tags> tags_;
  std::vector<Place> places_;
  std::vector<std::int32_t> starts_;      // days; 0 = « dès que possible »
  std::vector<std::uint32_t> published_;  // unix seconds, good until 2106
  std::vector<std::uint32_t> expires_;    // the same; 0 = never
  std::vector<std::uint32_t> applications_;
  std::vector<std::uint16_t> lengths_;  // words
  // No document expires before this (unix seconds): until then searches skip expiry checks.
  std::int64_t earliest_expiry_ = std::numeric_limits<std::int64_t>::max();
  std::vector<std::uint32_t> rome_begin_;  // ordinal d has rome_list_[rome_begin_[d]..[d+1])
  std::vector<std::uint16_t> rome_list_;
  std::unordered_map<std::int64_t, std::uint32_t> ordinal_of_;

  std::unordered_map<std::string, std::uint16_t> area_ids_, rome_ids_;
  std::vector<std::string> area_codes_, rome_codes_;
  std::vector<std::vector<std::uint32_t>> rome_docs_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cells_;

  std::size_t live_count_ = 0;
  std::size_t dead_in_postings_ = 0;
  std::uint64_t total_length_ = 0;
  float average_length_ = 1;

  mutable std::mutex scratch_mutex_;
  mutable std::vector<std::unique_ptr<Scratch>> scratch_pool_;
};

std::uint32_t Index::Impl::TermId(const std::string& stem) {
  auto [it, added] = term_ids_.try_emplace(stem, static_cast<std::uint32_t>(postings_.size()));
  if (added) postings_.emplace_back();
  return it->second;
}

void Index::Impl::Insert(const AnalyzedDocument& analyzed) {
  const Document& document = *analyzed.document;
  Kill(document.id);
  const auto ordinal = static_cast<std::uint32_t>(ids_.size());
  ordinal_of_[document.id] = ordinal;
  ids_.push_back(document.id);
  Tags tags{};
  tags.kind = static_cast<std::uint8_t>(document.kind);
  tags.level = static_cast<std::uint8_t>(std::clamp(document.level, 0, kLevelSlots - 1));
  tags.contract = static_cast<std::uint8_t>(document.contract);
  char sector = document.sector;
  if (sector == 0 && !document.rome_codes.empty() && !document.rome_codes[0].empty())
    sector = document.rome_codes[0][0];
  tags.sector = sector >= 'A' && sector <= 'Z' ? static_cast<std::uint8_t>(sector - 'A')
                                               : static_cast<std::uint8_t>(kSectorSlots - 1);
  auto [area, area_added] =
      area_ids_.try_emplace(document.area, static_cast<std::uint16_t>(area_codes_.size()));
  if (area_added) area_codes_.push_back(document.area);
  tags.area = area->second;
  auto seconds = [](std::int64_t t) {
    return static_cast<std::uint32_t>(
        std::clamp<std::int64_t>(t, 0, std::numeric_limits<std::uint32_t>::max()));
  };
  places_.push_back(
      {static_cast<float>(document.latitude), static_cast<float>(document.longitude)});
  starts_.push_back(document.start_day);
  published_.push_back(seconds(document.published_at));
  // 0 is "never": a document that expired before 1970 expires at 1.
  expires_.push_back(
      document.expires_at == 0 ? 0 : std::max<std::uint32_t>(1, seconds(document.expires_at)));
  if (document.expires_at != 0)
    earliest_expiry_ = std::min<std::int64_t>(earliest_expiry_, expires_.back());
  applications_.push_back(document.applications);
  lengths_.push_back(analyzed.length);
  for (const auto& code : document.rome_codes) {
    // Tags hold 15 bits of code: the ROME has about 530.
    if (!rome_ids_.contains(code) && rome_codes_.size() >= kNoRome) continue;
    auto [rome, rome_added] =
        rome_ids_.try_emplace(code, static_cast<std::uint16_t>(rome_codes_.size()));
    if (rome_added) {
      rome_codes_.push_back(code);
      rome_docs_.emplace_back();
    }
    if (std::find(rome_list_.begin() + rome_begin_.back(), rome_list_.end(), rome->second) !=
        rome_list_.end())
      continue;
    rome_list_.push_back(rome->second);
    rome_docs_[rome->second].push_back(ordinal);
  }
  const std::size_t rome_count = rome_list_.size() - rome_begin_.back();
  tags.rome = rome_count == 0 ? kNoRome : rome_list_[rome_begin_.back()];
  if (rome_count > 1) tags.rome |= kMoreRomes;
  rome_begin_.push_back(static_cast<std::uint32_t>(rome_list_.size()));
  tags_.push_back(tags);
  if (document.HasPlace()) cells_[CellOf(document.latitude, document.longitude)].push_back(ordinal);

  for (const auto& [stem, tf] : analyzed.terms) {
    auto& posting = postings_[TermId(stem)];
    posting.docs.push_back(ordinal);
    posting.impacts.push_back(Impact(tf, analyzed.length));
  }
  for (const auto& [group, tf] : analyzed.groups) {
    group_postings_[group].docs.push_back(ordinal);
    group_postings_[group].impacts.push_back(Impact(tf, analyzed.length));
  }
  for (const auto& [word, stem] : analyzed.surfaces) {
    if (surfaces_.contains(word)) continue;
    const auto term = TermId(stem);
    surfaces_.emplace(word, term);
    auto it = sorted_surfaces_.emplace(word, term).first;
    typos_.Add(it->first, term);
  }
  ++live_count_;
  total_length_ += analyzed.length;
  average_length_ =
      std::max(1.0f, static_cast<float>(total_length_) / static_cast<float>(live_count_));
}

bool Index::Impl::Kill(std::int64_t id) {
  auto it = ordinal_of_.find(id);
  if (it == ordinal_of_.end()) return false;
  const auto ordinal = it->second;
  ordinal_of_.erase(it);
  tags_[ordinal].kind = kDead;
  --live_count_;
  total_length_ -= lengths_[ordinal];
  ++dead_in_postings_;
  return true;
}

// Dead ordinals stay in the postings until a quarter of them are dead: searches skip them, and
// one pass then drops them all. Their column slots stay (a few dozen bytes each) until the index
// is rebuilt.
void Index::Impl::MaybeCompact() {
  if (dead_in_postings_ < 1024 || dead_in_postings_ * 4 < live_count_) return;
  auto compact = [&](Posting& posting) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < posting.docs.size(); ++i) {
      if (tags_[posting.docs[i]].kind == kDead) continue;
      posting.docs[out] = posting.docs[i];
      posting.impacts[out] = posting.impacts[i];
      ++out;
    }
    posting.docs.resize(out);
    posting.impacts.resize(out);
  };
  for (auto& posting : postings_) compact(posting);
  for (auto& posting : group_postings_) compact(posting);
  auto dead = [&](std::uint32_t d) { return tags_[d].kind == kDead; };
  for (auto& docs : rome_docs_) std::erase_if(docs, dead);
  for (auto& [cell, docs] : cells_) std::erase_if(docs, dead);
  dead_in_postings_ = 0;
}

void Index::Impl::AddWord(Plan& plan, std::string_view word, const std::string& stem, bool typing,
                          std::int64_t group, const Matching& matching) const {
  const std::size_t n = std::max<std::size_t>(live_count_, 1);
  WordPlan wp;
  auto add = [&](const Posting& posting, float kind_weight) {
    if (posting.docs.empty()) return;
    const float weight = kind_weight * Idf(posting.docs.size(), n) * kImpactScale;
    for (auto& alternative : wp.alternatives) {
      if (alternative.docs == &posting.docs) {
        alternative.weight = std::max(alternative.weight, weight);
        return;
      }
    }
    wp.alternatives.push_back({&posting.docs, &posting.impacts, weight});
  };
  if (auto it = term_ids_.find(stem); it != term_ids_.end())
    add(postings_[it->second], kExactWeight);
  if (group >= 0) add(group_postings_[static_cast<std::size_t>(group)], kSynonymWeight);
  if (typing && matching.prefix && word.size() >= kMinPrefixLength) {
    std::vector<std::uint32_t> terms;
    std::string end(word);
    end.push_back('\x7f');  // folded words hold letters and digits only
    for (auto it = sorted_surfaces_.lower_bound(std::string(word));
         it != sorted_surfaces_.end() && it->first < end; ++it)
      terms.push_back(it->second);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    if (terms.size() > kMaxPrefixTerms) {
      std::nth_element(terms.begin(), terms.begin() + kMaxPrefixTerms, terms.end(),
                       [&](std::uint32_t a, std::uint32_t b) {
                         return postings_[a].docs.size() > postings_[b].docs.size();
                       });
      terms.resize(kMaxPrefixTerms);
    }
    for (auto term : terms) add(postings_[term], kPrefixWeight);
  }
  if (matching.typos && word.size() >= kMinTypoLength) {
    typos_.ForEachWithinOne(word, [&](std::uint32_t term) { add(postings_[term], kTypoWeight); });
  }
  if (matching.job_families) {
    for (const auto& code : families_.Codes(word)) {
      auto it = rome_ids_.find(code);
      if (it == rome_ids_.end()) continue;
      const auto& docs = rome_docs_[it->second];
      if (docs.empty()) continue;
      wp.alternatives.push_back({&docs, nullptr, kFamilyWeight * Idf(docs.size(), n)});
    }
  }
  if (wp.alternatives.empty()) {
    plan.impossible = true;
    return;
  }
  for (const auto& alternative : wp.alternatives) wp.cost += alternative.docs->size();
  plan.words.push_back(std::move(wp));
}

void Index::Impl::Union(const WordPlan& word, Scratch& s, const std::uint64_t* filter) const {
  auto* seen = s.seen.data();
  auto* best = s.best.data();
  for (const auto& alternative : word.alternatives) {
    const auto* docs = alternative.docs->data();
    const std::size_t n = alternative.docs->size();
    const float weight = alternative.weight;
    // Branch-free: `best` is zero outside the search and scores are positive. One loop per case
    // (-O2 does not split loops on invariant conditions).
    auto mark = [&](std::uint32_t d, float score) __attribute__((always_inline)) {
      seen[d >> 6] |= std::uint64_t{1} << (d & 63);
      best[d] = std::max(best[d], score);
    };
    if (filter != nullptr) {
      for (std::size_t i = 0; i < n; ++i) {
        const auto d = docs[i];
        if (filter[d >> 6] >> (d & 63) & 1) mark(d, ScoreAt(alternative, i));
      }
    } else if (alternative.impacts == nullptr) {
      for (std::size_t i = 0; i < n; ++i) mark(docs[i], weight);
    } else {
      const auto* impacts = alternative.impacts->data();
      for (std::size_t i = 0; i < n; ++i) mark(docs[i], weight * static_cast<float>(impacts[i]));
    }
  }
}

Index::Impl::Plan Index::Impl::MakePlan(const Query& query) const {
  Plan plan;
  const std::string folded = Fold(query.text);
  const auto words = Words(folded);
  const bool typing =
      !query.text.empty() &&
      std::string_view(" \t\n\r,;.").find(query.text.back()) == std::string_view::npos;
  struct QueryWord {
    std::string_view word;
    std::string stem;
    bool typing;
  };
  std::vector<QueryWord> kept;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool last_typed = typing && i + 1 == words.size();
    // A stop word being typed may be the start of a word ("de" → développeur).
    if (IsStopWord(words[i]) &&
        !(last_typed && query.matching.prefix && words[i].size() >= kMinPrefixLength))
      continue;
    kept.push_back({words[i], Stem(words[i]), last_typed});
  }
  if (kept.empty()) return plan;

  // Synonym expressions in the query: one of several words becomes one word whose documents are
  // those holding any expression of the group; one word gains its group as an alternative.
  std::vector<std::int64_t> group_of(kept.size(), -1);
  std::vector<bool> covered(kept.size(), false);
  if (query.matching.synonyms) {
    std::vector<std::string> stems;
    for (const auto& w : kept) stems.push_back(w.stem);
    for (const auto& match : synonyms_.Find(stems)) {
      if (covered[match.start]) continue;
      if (match.length == 1) {
        if (group_of[match.start] < 0) group_of[match.start] = match.group;
        continue;
      }
      bool free = true;
      for (std::size_t i = match.start; i < match.start + match.length; ++i)
        free = free && !covered[i];
      if (!free) continue;
      for (std::size_t i = match.start; i < match.start + match.length; ++i) covered[i] = true;
      const auto& posting = group_postings_[match.group];
      if (posting.docs.empty()) {
        plan.impossible = true;
        return plan;
      }
      WordPlan wp;
      wp.alternatives.push_back(
          {&posting.docs, &posting.impacts,
           kExactWeight * Idf(posting.docs.size(), std::max<std::size_t>(live_count_, 1)) *
               kImpactScale});
      wp.cost = posting.docs.size();
      plan.words.push_back(std::move(wp));
    }
  }
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (covered[i]) continue;
    AddWord(plan, kept[i].word, kept[i].stem, kept[i].typing, group_of[i], query.matching);
    if (plan.impossible) return plan;
  }
  std::sort(plan.words.begin(), plan.words.end(),
            [](const WordPlan& a, const WordPlan& b) { return a.cost < b.cost; });
  return plan;
}

std::unique_ptr<Scratch> Index::Impl::AcquireScratch() const {
  std::unique_ptr<Scratch> scratch;
  {
    std::lock_guard lock(scratch_mutex_);
    if (!scratch_pool_.empty()) {
      scratch = std::move(scratch_pool_.back());
      scratch_pool_.pop_back();
    }
  }
  if (!scratch) scratch = std::make_unique<Scratch>();
  if (scratch->bits.size() * 64 < ids_.size()) {
    scratch->bits.resize(ids_.size() / 64 + 1024, 0);
    scratch->seen.resize(scratch->bits.size(), 0);
    scratch->best.resize(scratch->bits.size() * 64);
  }
  return scratch;
}

void Index::Impl::ReleaseScratch(std::unique_ptr<Scratch> scratch) const {
  std::lock_guard lock(scratch_mutex_);
  scratch_pool_.push_back(std::move(scratch));
}

void Index::Impl::Evaluate(const Plan& plan, const Query& query, double radius_km, std::size_t keep,
                           Scratch& s, Counts& counts, bool count_facets) const {
  counts = Counts{};
  s.matched.clear();
  s.candidates.clear();
  s.scores.clear();
  if (count_facets) {  // zeros, even when nothing can match
    s.area_counts.assign(area_codes_.size(), 0);
    s.rome_counts.assign(rome_codes_.size(), 0);
  }
  if (plan.impossible) return;

  // 1. Candidates: from the word or the place with the fewest postings, in ascending order. Step 3
  // reads them where they are rather than copying them: a posting, when the first word has one
  // alternative and is the only condition; the `seen` bitmap with the best score of each
  // document in `best` (several alternatives merged, or the place's cells); or the candidate
  // list, once other words have been intersected.
  enum class Source { kAll, kPosting, kSeen, kList };
  Source source = Source::kAll;
  std::vector<const std::vector<std::uint32_t>*> cells;
  std::size_t place_cost = 0;
  if (query.has_place && radius_km > 0) {
    for (auto cell : CellsAround(query.latitude, query.longitude, radius_km)) {
      auto it = cells_.find(cell);
      if (it == cells_.end()) continue;
      cells.push_back(&it->second);
      place_cost += it->second.size();
    }
  }
  if (!plan.words.empty() || (query.has_place && radius_km > 0)) {
    const bool by_place =
        query.has_place && radius_km > 0 && (plan.words.empty() || place_cost < plan.words[0].cost);
    if (by_place && plan.words.empty()) {
      for (const auto* docs : cells)
        for (auto d : *docs) s.seen[d >> 6] |= std::uint64_t{1} << (d & 63);
      source = Source::kSeen;  // scores stay 0
    } else {
      // The place, when it has fewer documents than the first word, filters that word's
      // postings through a bitmap (one bit per document: it stays in the processor's cache).
      if (by_place) {
        for (const auto* docs : cells)
          for (auto d : *docs) s.bits[d >> 6] |= std::uint64_t{1} << (d & 63);
      }
      if (by_place || plan.words[0].alternatives.size() > 1) {
        Union(plan.words[0], s, by_place ? s.bits.data() : nullptr);
        source = Source::kSeen;
      } else {
        source = Source::kPosting;
      }
      if (by_place) {
        for (const auto* docs : cells)
          for (auto d : *docs) s.bits[d >> 6] = 0;
      }
    }

    // 2. Every other word, smallest first, keeps the candidates it matches: candidates are in
    // ascending order, so each posting is walked forward once (galloping).
    if (plan.words.size() > 1) {
      if (source == Source::kPosting) {
        const auto& only = plan.words[0].alternatives[0];
        s.candidates.assign(only.docs->begin(), only.docs->end());
        s.scores.resize(s.candidates.size());
        for (std::size_t i = 0; i < s.candidates.size(); ++i) s.scores[i] = ScoreAt(only, i);
      } else {
        ForEachSeen(s, [&](std::uint32_t d, float score) {
          s.candidates.push_back(d);
          s.scores.push_back(score);
        });
      }
      source = Source::kList;
    }
    for (std::size_t w = 1; w < plan.words.size() && !s.candidates.empty(); ++w) {
      const auto& word = plan.words[w];
      std::size_t out = 0;
      s.cursors.assign(word.alternatives.size(), 0);
      for (std::size_t k = 0; k < s.candidates.size(); ++k) {
        const auto d = s.candidates[k];
        float best = -1;
        for (std::size_t a = 0; a < word.alternatives.size(); ++a) {
          const auto& alternative = word.alternatives[a];
          const auto& docs = *alternative.docs;
          const std::size_t at = Gallop(docs, s.cursors[a], d);
          s.cursors[a] = at;
          if (at < docs.size() && docs[at] == d) best = std::max(best, ScoreAt(alternative, at));
        }
        if (best < 0) continue;
        s.candidates[out] = d;
        s.scores[out] = s.scores[k] + best;
        ++out;
      }
      s.candidates.resize(out);
      s.scores.resize(out);
    }
  }

  // 3. Filters and facets in one pass. A document failing only filter F still counts in F's
  // facet: each facet is computed without its own filter.
  std::uint32_t kind_mask = 0, level_mask = 0, contract_mask = 0, sector_mask = 0;
  for (auto kind : query.kinds) kind_mask |= 1u << static_cast<int>(kind);
  for (auto level : query.levels) level_mask |= 1u << std::clamp(level, 0, kLevelSlots - 1);
  for (auto contract : query.contracts) contract_mask |= 1u << static_cast<int>(contract);
  for (char sector : query.sectors) {
    const char upper =
        (sector >= 'a' && sector <= 'z') ? static_cast<char>(sector - 'a' + 'A') : sector;
    if (upper >= 'A' && upper <= 'Z')
      sector_mask |= 1u << (upper - 'A');
    else
      sector_mask |= 1u << (kSectorSlots - 1);
  }
  const bool area_filter = !query.areas.empty();
  const bool rome_filter = !query.rome_codes.empty();
  s.area_allowed.assign(area_codes_.size(), 0);
  s.rome_allowed.assign(rome_codes_.size(), 0);
  for (const auto& area : query.areas)
    if (auto it = area_ids_.find(area); it != area_ids_.end()) s.area_allowed[it->second] = 1;
  for (const auto& code : query.rome_codes)
    if (auto it = rome_ids_.find(code); it != rome_ids_.end()) s.rome_allowed[it->second] = 1;
  // Distances by the equirectangular approximation (within 0.5 % of the great circle under
  // 200 km); the hits of the page get the exact distance.
  const float lat0 = static_cast<float>(query.latitude);
  const float lon0 = static_cast<float>(query.longitude);
  constexpr float kKmPerDegree = 111.195f;
  const float km_per_lon =
      kKmPerDegree * static_cast<float>(std::cos(query.latitude * 0.017453292519943295));
  const float radius2 = static_cast<float>(radius_km * radius_km);
  Sort sort = query.sort;
  if (sort == Sort::kDistance && !query.has_place) sort = Sort::kRelevance;

  // Expired documents are hidden; until the earliest expiry, no check is needed.
  const bool check_expiry = query.now != 0 && query.now >= earliest_expiry_;
  const bool check_start = query.start_from != 0 || query.start_to != 0;
  Counts c;  // local, so that its counters stay apart from the vectors' in the compiler's eyes
  auto& top = s.matched;
  // A match enters the page when its key is at most the worst kept one's (ties go by date).
  float worst_kept = std::numeric_limits<float>::infinity();
  // The pass over the matches is free of unpredictable branches: a filter sets a bit, and each
  // counter adds whether the document passes every filter but the facet's own.
  auto visit = [&](std::uint32_t d, float score) __attribute__((always_inline)) {
    const Tags t = tags_[d];
    if (t.kind == kDead) return;
    if (check_expiry && expires_[d] != 0 && expires_[d] <= query.now) return;
    std::uint32_t failed = 0;
    if (check_start) {
      const std::int32_t start = starts_[d];
      if (start != 0 && ((query.start_from != 0 && start < query.start_from) ||
                         (query.start_to != 0 && start > query.start_to)))
        failed |= kHardBit;
    }
    float distance2 = std::numeric_limits<float>::quiet_NaN();
    if (query.has_place) {
      const Place place = places_[d];
      const float dy = (place.latitude - lat0) * kKmPerDegree;
      const float dx = (place.longitude - lon0) * km_per_lon;
      distance2 = dx * dx + dy * dy;
      // Counted nowhere. NaN (no place) fails too.
      if (radius_km > 0 && !(distance2 <= radius2)) return;
    }
    const std::uint16_t rome = t.rome & ~kMoreRomes;
    if (kind_mask && !(kind_mask >> t.kind & 1)) failed |= kKindBit;
    if (level_mask && !(level_mask >> t.level & 1)) failed |= kLevelBit;
    if (contract_mask && !(contract_mask >> t.contract & 1)) failed |= kContractBit;
    if (area_filter && !s.area_allowed[t.area]) failed |= kAreaBit;
    if (sector_mask && !(sector_mask >> t.sector & 1)) failed |= kSectorBit;
    if (rome_filter) {
      bool any = rome != kNoRome && s.rome_allowed[rome];
      if (!any && (t.rome & kMoreRomes)) {
        for (auto r = rome_begin_[d] + 1; r < rome_begin_[d + 1] && !any; ++r)
          any = s.rome_allowed[rome_list_[r]];
      }
      if (!any) failed |= kRomeBit;
    }
    c.total += failed == 0;
    float key = 0;
    switch (sort) {
      case Sort::kRelevance:
        key = -score;
        break;
      case Sort::kDistance:
        key = std::isnan(distance2) ? std::numeric_limits<float>::infinity() : std::sqrt(distance2);
        break;
      case Sort::kRecent:
        key = 0;
        break;  // then by date
      case Sort::kFewestApplications:
        key = static_cast<float>(applications_[d]);
        break;
    }
    if ((failed == 0) & (key <= worst_kept)) {
      const Matched m{key, score, published_[d], d};
      if (keep == 0 || top.size() < keep) {
        top.push_back(m);
        if (top.size() == keep) {
          std::make_heap(top.begin(), top.end(), Before);
          worst_kept = top.front().key;
        }
      } else if (Before(m, top.front())) {  // better than the worst kept
        std::pop_heap(top.begin(), top.end(), Before);
        top.back() = m;
        std::push_heap(top.begin(), top.end(), Before);
        worst_kept = top.front().key;
      }
    }
    if (!count_facets) return;
    c.kind[t.kind] += (failed & ~kKindBit) == 0;
    c.level[t.level] += (failed & ~kLevelBit) == 0;
    c.contract[t.contract] += (failed & ~kContractBit) == 0;
    s.area_counts[t.area] += (failed & ~kAreaBit) == 0;
    c.sector[t.sector] += (failed & ~kSectorBit) == 0;
    if (rome != kNoRome) {
      const bool counts_rome = (failed & ~kRomeBit) == 0;
      s.rome_counts[rome] += counts_rome;
      if (t.rome & kMoreRomes)
        for (auto r = rome_begin_[d] + 1; r < rome_begin_[d + 1]; ++r)
          s.rome_counts[rome_list_[r]] += counts_rome;
    }
  };
  // Candidates are far apart in the columns: fetch ahead to overlap the memory latencies.
  constexpr std::size_t kAhead = 16;
  auto fetch = [&](std::uint32_t d) {
    __builtin_prefetch(&tags_[d]);
    if (query.has_place) __builtin_prefetch(&places_[d]);
  };
  switch (source) {
    case Source::kAll:
      for (std::uint32_t d = 0; d < ids_.size(); ++d) visit(d, 0);
      break;
    case Source::kPosting: {
      const auto& only = plan.words[0].alternatives[0];
      const auto& docs = *only.docs;
      for (std::size_t i = 0; i < docs.size(); ++i) {
        if (i + kAhead < docs.size()) fetch(docs[i + kAhead]);
        visit(docs[i], ScoreAt(only, i));
      }
      break;
    }
    case Source::kSeen:
      ForEachSeen(s, visit);
      break;
    case Source::kList: {
      const std::size_t n = s.candidates.size();
      for (std::size_t k = 0; k < n; ++k) {
        if (k + kAhead < n) fetch(s.candidates[k + kAhead]);
        visit(s.candidates[k], s.scores[k]);
      }
      break;
    }
  }
  counts = c;
}

Results Index::Impl::Search(const Query& query) const {
  const ReadLock lock(writer_gate_, mutex_);
  const std::uint64_t generation = generation_;
  if (cache_.capacity() == 0) {
    Results results = Compute(query);
    results.generation = generation;
    return results;
  }
  const std::string key = QueryKey(query);
  if (auto cached = cache_.Find(key, generation)) return std::move(*cached);
  Results results = Compute(query);
  results.generation = generation;
  cache_.Store(key, generation, results);
  return results;
}

Results Index::Impl::Compute(const Query& query) const {
  auto scratch = AcquireScratch();
  const Plan plan = MakePlan(query);
  Results results;
  Counts counts;
  const std::size_t page_size =
      static_cast<std::size_t>(std::clamp(query.page_size, 1, kMaxPageSize));
  const std::size_t offset =
      static_cast<std::size_t>(std::clamp(query.page, 1, 100000) - 1) * page_size;
  const std::size_t keep = offset + page_size;
  double radius = query.has_place ? std::max(0.0, query.radius_km) : 0;
  Evaluate(plan, query, radius, keep, *scratch, counts, true);
  if (counts.total == 0 && query.has_place && radius > 0 && query.widen_when_empty &&
      !plan.impossible) {
    results.widened = true;
    bool found = false;
    for (double step : kWidenSteps) {
      if (step <= radius) continue;
      radius = step;
      Evaluate(plan, query, radius, keep, *scratch, counts, true);
      if (counts.total > 0) {
        found = true;
        break;
      }
    }
    if (!found) {
      radius = 0;
      Evaluate(plan, query, radius, keep, *scratch, counts, true);
    }
  }
  results.total = counts.total;
  results.radius_km = radius;

  // Evaluate kept the documents up to the end of the requested page.
  auto& matched = scratch->matched;
  const std::size_t end = std::min(matched.size(), keep);
  if (offset < end) {
    std::sort(matched.begin(), matched.end(), Before);
    for (std::size_t k = offset; k < end; ++k) {
      const auto& m = matched[k];
      const Place& place = places_[m.ordinal];
      double distance = std::numeric_limits<double>::quiet_NaN();
      if (query.has_place && !std::isnan(place.latitude))
        distance = DistanceKm(query.latitude, query.longitude, place.latitude, place.longitude);
      results.hits.push_back(
          {ids_[m.ordinal], static_cast<DocKind>(tags_[m.ordinal].kind), m.score, distance});
    }
  }

  auto& f = results.facets;
  // Values that no document has are left out (and their names not even made).
  auto add = [](Facet& facet, auto&& name, std::uint32_t count) {
    if (count > 0) facet.emplace_back(std::string(name), count);
  };
  for (int k = 0; k < kDocKindCount; ++k)
    add(f.kind, DocKindName(static_cast<DocKind>(k)), counts.kind[k]);
  for (int l = 0; l < kLevelSlots; ++l) add(f.level, std::to_string(l), counts.level[l]);
  for (int c = 0; c < kContractKindCount; ++c)
    add(f.contract, ContractKindName(static_cast<ContractKind>(c)), counts.contract[c]);
  for (int sc = 0; sc < kSectorSlots - 1; ++sc)
    add(f.sector, std::string(1, static_cast<char>('A' + sc)), counts.sector[sc]);
  for (std::size_t a = 1; a < area_codes_.size(); ++a)
    add(f.area, area_codes_[a], scratch->area_counts[a]);
  for (std::size_t r = 0; r < rome_codes_.size(); ++r)
    add(f.rome, rome_codes_[r], scratch->rome_counts[r]);
  f.kind = SortedFacet(std::move(f.kind));
  f.level = SortedFacet(std::move(f.level));
  f.contract = SortedFacet(std::move(f.contract));
  f.sector = SortedFacet(std::move(f.sector));
  f.area = SortedFacet(std::move(f.area));
  f.rome = SortedFacet(std::move(f.rome));
  ReleaseScratch(std::move(scratch));
  return results;
}

std::vector<std::int64_t> Index::Impl::MatchIds(const Query& query) const {
  const ReadLock lock(writer_gate_, mutex_);
  auto scratch = AcquireScratch();
  Counts counts;
  Evaluate(MakePlan(query), query, query.has_place ? query.radius_km : 0, 0, *scratch, counts,
           false);
  std::vector<std::int64_t> ids;
  ids.reserve(scratch->matched.size());
  for (const auto& m : scratch->matched) ids.push_back(ids_[m.ordinal]);
  std::sort(ids.begin(), ids.end());
  ReleaseScratch(std::move(scratch));
  return ids;
}

std::size_t Index::Impl::MemoryBytes() const {
  const ReadLock lock(writer_gate_, mutex_);
  std::size_t bytes = 0;
  auto vec = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  for (const auto& p : postings_) bytes += vec(p.docs) + vec(p.impacts) + sizeof(Posting);
  for (const auto& p : group_postings_) bytes += vec(p.docs) + vec(p.impacts);
  for (const auto& docs : rome_docs_) bytes += vec(docs);
  for (const auto& [cell, docs] : cells_) bytes += vec(docs) + 48;
  bytes += vec(ids_) + vec(tags_) + vec(places_) + vec(starts_) + vec(published_) + vec(expires_) +
           vec(applications_) + vec(lengths_) + vec(rome_begin_) + vec(rome_list_);
  bytes += ordinal_of_.size() * 32 + ordinal_of_.bucket_count() * 8;
  bytes += (term_ids_.size() + surfaces_.size()) * 64 + sorted_surfaces_.size() * 80;
  bytes += typos_.MemoryBytes();
  return bytes;
}

Index::Index(const Synonyms& synonyms, std::size_t cached_answers)
    : impl_(std::make_unique<Impl>(synonyms, cached_answers)) {}
Index::~Index() = default;
void Index::SetJobTitles(const std::vector<std::pair<std::string, std::string>>& titles) {
  impl_->SetJobTitles(titles);
}
void Index::Upsert(const Document& document) { impl_->Upsert({&document, 1}, 1); }
void Index::Upsert(std::span<const Document> documents, unsigned threads) {
  impl_->Upsert(documents, threads);
}
bool Index::Remove(std::int64_t id) { return impl_->Remove(id); }
Results Index::Search(const Query& query) const { return impl_->Search(query); }
std::vector<std::int64_t> Index::MatchIds(const Query& query) const {
  return impl_->MatchIds(query);
}
std::size_t Index::size() const { return impl_->size(); }
Index::CacheCounts Index::cache_counts() const { return impl_->cache_counts(); }
std::uint64_t Index::generation() const { return impl_->generation(); }
std::size_t Index::cached_answers() const { return impl_->cached_answers(); }
std::size_t Index::MemoryBytes() const { return impl_->MemoryBytes(); }

}  // namespace maplace::search
