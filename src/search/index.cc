#include "search/index.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "search/analyzer.h"
#include "search/geo.h"
#include "search/job_families.h"
#include "search/typo.h"

namespace maplace::search {
namespace {

// BM25 with the title counted three times.
constexpr float kK1 = 1.2f;
constexpr float kB = 0.75f;
constexpr float kTitleBoost = 3.0f;
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

// Postings of one term: ascending document ordinals, and per ordinal the term frequency in the
// title (high nibble) and in the text (low nibble), both capped at 15.
struct Posting {
  std::vector<std::uint32_t> docs;
  std::vector<std::uint8_t> tfs;
};

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
  const std::vector<std::uint8_t>* tfs = nullptr;  // null: a ROME family, no frequencies
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

struct Matched {
  std::uint32_t ordinal;
  float score;
  double distance;
};

// Per-search working memory, reused across searches so that a search allocates little.
struct Scratch {
  std::vector<std::uint32_t> stamp;  // stamp[d] == epoch: d was seen in the current pass
  std::vector<float> acc;            // its best score in that pass
  std::uint32_t epoch = 0;
  std::vector<std::uint32_t> candidates;
  std::vector<float> scores;
  std::vector<Matched> matched;
  std::vector<std::uint32_t> area_counts, rome_counts;
  std::vector<std::uint8_t> area_allowed, rome_allowed;

  std::uint32_t NextEpoch() {
    if (++epoch == 0) {
      std::fill(stamp.begin(), stamp.end(), 0);
      epoch = 1;
    }
    return epoch;
  }
};

struct Counts {
  std::uint32_t total = 0;
  std::uint32_t kind[kDocKindCount] = {};
  std::uint32_t level[kLevelSlots] = {};
  std::uint32_t contract[kContractKindCount] = {};
  std::uint32_t sector[kSectorSlots] = {};
};

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
  explicit Impl(const Synonyms& synonyms)
      : synonyms_(synonyms), group_postings_(synonyms.group_count()) {
    area_ids_.emplace("", 0);
    area_codes_.emplace_back();
    rome_begin_.push_back(0);
  }

  void SetJobTitles(const std::vector<std::pair<std::string, std::string>>& titles) {
    JobFamilies families(titles);
    WriteLock lock(writer_gate_, mutex_);
    families_ = std::move(families);
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
      for (const auto& document : analyzed) Insert(document);
      MaybeCompact();
    }
  }

  bool Remove(std::int64_t id) {
    WriteLock lock(writer_gate_, mutex_);
    if (!Kill(id)) return false;
    MaybeCompact();
    return true;
  }

  std::size_t size() const {
    const ReadLock lock(writer_gate_, mutex_);
    return live_count_;
  }

  std::size_t MemoryBytes() const;
  Results Search(const Query& query) const;
  std::vector<std::int64_t> MatchIds(const Query& query) const;

 private:
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
  float ScoreAt(const Alternative& alternative, std::size_t position, std::uint32_t doc) const {
    if (alternative.tfs == nullptr) return alternative.weight;
    const std::uint8_t tf = (*alternative.tfs)[position];
    const float f = kTitleBoost * static_cast<float>(tf >> 4) + static_cast<float>(tf & 15);
    const float norm = kK1 * (1 - kB + kB * static_cast<float>(length_[doc]) / average_length_);
    return alternative.weight * f * (kK1 + 1) / (f + norm);
  }
  void Evaluate(const Plan& plan, const Query& query, double radius_km, Scratch& scratch,
                Counts& counts, bool count_facets) const;
  std::unique_ptr<Scratch> AcquireScratch() const;
  void ReleaseScratch(std::unique_ptr<Scratch> scratch) const;

  const Synonyms& synonyms_;
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
  std::vector<std::uint8_t> live_, kind_, level_, contract_, sector_;
  std::vector<std::uint16_t> area_, length_;
  std::vector<std::int32_t> start_;
  std::vector<std::int64_t> published_, expires_;
  std::vector<std::uint32_t> applications_;
  std::vector<float> latitude_, longitude_;
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
  live_.push_back(1);
  kind_.push_back(static_cast<std::uint8_t>(document.kind));
  level_.push_back(static_cast<std::uint8_t>(std::clamp(document.level, 0, kLevelSlots - 1)));
  contract_.push_back(static_cast<std::uint8_t>(document.contract));
  char sector = document.sector;
  if (sector == 0 && !document.rome_codes.empty() && !document.rome_codes[0].empty())
    sector = document.rome_codes[0][0];
  sector_.push_back(sector >= 'A' && sector <= 'Z' ? static_cast<std::uint8_t>(sector - 'A')
                                                   : static_cast<std::uint8_t>(kSectorSlots - 1));
  auto [area, area_added] =
      area_ids_.try_emplace(document.area, static_cast<std::uint16_t>(area_codes_.size()));
  if (area_added) area_codes_.push_back(document.area);
  area_.push_back(area->second);
  length_.push_back(analyzed.length);
  start_.push_back(document.start_day);
  published_.push_back(document.published_at);
  expires_.push_back(document.expires_at);
  applications_.push_back(document.applications);
  latitude_.push_back(static_cast<float>(document.latitude));
  longitude_.push_back(static_cast<float>(document.longitude));
  for (const auto& code : document.rome_codes) {
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
  rome_begin_.push_back(static_cast<std::uint32_t>(rome_list_.size()));
  if (document.HasPlace()) cells_[CellOf(document.latitude, document.longitude)].push_back(ordinal);

  for (const auto& [stem, tf] : analyzed.terms) {
    auto& posting = postings_[TermId(stem)];
    posting.docs.push_back(ordinal);
    posting.tfs.push_back(tf);
  }
  for (const auto& [group, tf] : analyzed.groups) {
    group_postings_[group].docs.push_back(ordinal);
    group_postings_[group].tfs.push_back(tf);
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
  live_[ordinal] = 0;
  --live_count_;
  total_length_ -= length_[ordinal];
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
      if (!live_[posting.docs[i]]) continue;
      posting.docs[out] = posting.docs[i];
      posting.tfs[out] = posting.tfs[i];
      ++out;
    }
    posting.docs.resize(out);
    posting.tfs.resize(out);
  };
  for (auto& posting : postings_) compact(posting);
  for (auto& posting : group_postings_) compact(posting);
  auto dead = [&](std::uint32_t d) { return !live_[d]; };
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
    const float weight = kind_weight * Idf(posting.docs.size(), n);
    for (auto& alternative : wp.alternatives) {
      if (alternative.docs == &posting.docs) {
        alternative.weight = std::max(alternative.weight, weight);
        return;
      }
    }
    wp.alternatives.push_back({&posting.docs, &posting.tfs, weight});
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
          {&posting.docs, &posting.tfs,
           kExactWeight * Idf(posting.docs.size(), std::max<std::size_t>(live_count_, 1))});
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
  if (scratch->stamp.size() < ids_.size()) {
    scratch->stamp.resize(ids_.size() + ids_.size() / 8 + 1024, 0);
    scratch->acc.resize(scratch->stamp.size());
  }
  return scratch;
}

void Index::Impl::ReleaseScratch(std::unique_ptr<Scratch> scratch) const {
  std::lock_guard lock(scratch_mutex_);
  scratch_pool_.push_back(std::move(scratch));
}

void Index::Impl::Evaluate(const Plan& plan, const Query& query, double radius_km, Scratch& s,
                           Counts& counts, bool count_facets) const {
  counts = Counts{};
  s.matched.clear();
  s.candidates.clear();
  s.scores.clear();
  if (plan.impossible) return;

  // 1. Candidates: from the word or the place with the fewest postings.
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
  const bool all_documents = plan.words.empty() && !(query.has_place && radius_km > 0);
  std::size_t first_word = 0;
  if (!all_documents) {
    if (query.has_place && radius_km > 0 &&
        (plan.words.empty() || place_cost < plan.words[0].cost)) {
      for (const auto* docs : cells) {
        for (auto d : *docs) {
          if (!live_[d]) continue;
          s.candidates.push_back(d);
          s.scores.push_back(0);
        }
      }
    } else {
      const auto epoch = s.NextEpoch();
      for (const auto& alternative : plan.words[0].alternatives) {
        const auto& docs = *alternative.docs;
        for (std::size_t i = 0; i < docs.size(); ++i) {
          const auto d = docs[i];
          if (!live_[d]) continue;
          const float score = ScoreAt(alternative, i, d);
          if (s.stamp[d] != epoch) {
            s.stamp[d] = epoch;
            s.acc[d] = score;
            s.candidates.push_back(d);
          } else if (score > s.acc[d]) {
            s.acc[d] = score;
          }
        }
      }
      s.scores.resize(s.candidates.size());
      for (std::size_t k = 0; k < s.candidates.size(); ++k) s.scores[k] = s.acc[s.candidates[k]];
      first_word = 1;
    }

    // 2. Every other word, smallest first: mark its postings, or look each candidate up in
    // them, whichever reads less.
    for (std::size_t w = first_word; w < plan.words.size() && !s.candidates.empty(); ++w) {
      const auto& word = plan.words[w];
      double probe_cost = 0;
      for (const auto& alternative : word.alternatives)
        probe_cost += std::log2(static_cast<double>(alternative.docs->size()) + 2);
      probe_cost *= static_cast<double>(s.candidates.size());
      std::size_t out = 0;
      if (probe_cost < static_cast<double>(word.cost)) {
        for (std::size_t k = 0; k < s.candidates.size(); ++k) {
          const auto d = s.candidates[k];
          float best = -1;
          for (const auto& alternative : word.alternatives) {
            const auto& docs = *alternative.docs;
            auto it = std::lower_bound(docs.begin(), docs.end(), d);
            if (it == docs.end() || *it != d) continue;
            best = std::max(best,
                            ScoreAt(alternative, static_cast<std::size_t>(it - docs.begin()), d));
          }
          if (best < 0) continue;
          s.candidates[out] = d;
          s.scores[out] = s.scores[k] + best;
          ++out;
        }
      } else {
        const auto epoch = s.NextEpoch();
        for (const auto& alternative : word.alternatives) {
          const auto& docs = *alternative.docs;
          for (std::size_t i = 0; i < docs.size(); ++i) {
            const auto d = docs[i];
            const float score = ScoreAt(alternative, i, d);
            if (s.stamp[d] != epoch) {
              s.stamp[d] = epoch;
              s.acc[d] = score;
            } else if (score > s.acc[d]) {
              s.acc[d] = score;
            }
          }
        }
        for (std::size_t k = 0; k < s.candidates.size(); ++k) {
          const auto d = s.candidates[k];
          if (s.stamp[d] != epoch) continue;
          s.candidates[out] = d;
          s.scores[out] = s.scores[k] + s.acc[d];
          ++out;
        }
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
  if (count_facets) {
    s.area_counts.assign(area_codes_.size(), 0);
    s.rome_counts.assign(rome_codes_.size(), 0);
  }
  const double lat0 = query.latitude;
  const double lon0 = query.longitude;
  const double max_dlat = radius_km / 111.0;

  auto visit = [&](std::uint32_t d, float score) {
    if (!live_[d]) return;
    if (query.now != 0 && expires_[d] != 0 && expires_[d] <= query.now) return;
    if (const auto start = start_[d]; start != 0) {
      if (query.start_from != 0 && start < query.start_from) return;
      if (query.start_to != 0 && start > query.start_to) return;
    }
    double distance = std::numeric_limits<double>::quiet_NaN();
    if (query.has_place) {
      const double lat = latitude_[d];
      if (radius_km > 0 && !(std::abs(lat - lat0) <= max_dlat)) return;  // NaN fails too
      if (!std::isnan(lat)) distance = DistanceKm(lat0, lon0, lat, longitude_[d]);
      if (radius_km > 0 && !(distance <= radius_km)) return;
    }
    std::uint32_t failed = 0;
    if (kind_mask && !(kind_mask >> kind_[d] & 1)) failed |= kKindBit;
    if (level_mask && !(level_mask >> level_[d] & 1)) failed |= kLevelBit;
    if (contract_mask && !(contract_mask >> contract_[d] & 1)) failed |= kContractBit;
    if (area_filter && !s.area_allowed[area_[d]]) failed |= kAreaBit;
    if (sector_mask && !(sector_mask >> sector_[d] & 1)) failed |= kSectorBit;
    const auto rome_begin = rome_begin_[d];
    const auto rome_end = rome_begin_[d + 1];
    if (rome_filter) {
      bool any = false;
      for (auto r = rome_begin; r < rome_end && !any; ++r) any = s.rome_allowed[rome_list_[r]];
      if (!any) failed |= kRomeBit;
    }
    if (failed == 0) {
      ++counts.total;
      s.matched.push_back({d, score, distance});
    } else if (!count_facets || !std::has_single_bit(failed)) {
      return;
    }
    if (!count_facets) return;
    if (!(failed & ~kKindBit)) ++counts.kind[kind_[d]];
    if (!(failed & ~kLevelBit)) ++counts.level[level_[d]];
    if (!(failed & ~kContractBit)) ++counts.contract[contract_[d]];
    if (!(failed & ~kAreaBit)) ++s.area_counts[area_[d]];
    if (!(failed & ~kSectorBit)) ++counts.sector[sector_[d]];
    if (!(failed & ~kRomeBit))
      for (auto r = rome_begin; r < rome_end; ++r) ++s.rome_counts[rome_list_[r]];
  };
  if (all_documents) {
    for (std::uint32_t d = 0; d < ids_.size(); ++d) visit(d, 0);
  } else {
    for (std::size_t k = 0; k < s.candidates.size(); ++k) visit(s.candidates[k], s.scores[k]);
  }
}

Results Index::Impl::Search(const Query& query) const {
  const ReadLock lock(writer_gate_, mutex_);
  auto scratch = AcquireScratch();
  const Plan plan = MakePlan(query);
  Results results;
  Counts counts;
  double radius = query.has_place ? std::max(0.0, query.radius_km) : 0;
  Evaluate(plan, query, radius, *scratch, counts, true);
  if (counts.total == 0 && query.has_place && radius > 0 && query.widen_when_empty &&
      !plan.impossible) {
    results.widened = true;
    bool found = false;
    for (double step : kWidenSteps) {
      if (step <= radius) continue;
      radius = step;
      Evaluate(plan, query, radius, *scratch, counts, true);
      if (counts.total > 0) {
        found = true;
        break;
      }
    }
    if (!found) {
      radius = 0;
      Evaluate(plan, query, radius, *scratch, counts, true);
    }
  }
  results.total = counts.total;
  results.radius_km = radius;

  // Top of the requested page only: partial sort.
  auto& matched = scratch->matched;
  const std::size_t page_size =
      static_cast<std::size_t>(std::clamp(query.page_size, 1, kMaxPageSize));
  const std::size_t offset = static_cast<std::size_t>(std::max(query.page, 1) - 1) * page_size;
  const std::size_t end = std::min(matched.size(), offset + page_size);
  if (offset < end) {
    auto newer = [&](const Matched& a, const Matched& b) {
      if (published_[a.ordinal] != published_[b.ordinal])
        return published_[a.ordinal] > published_[b.ordinal];
      return a.ordinal > b.ordinal;
    };
    std::function<bool(const Matched&, const Matched&)> before;
    Sort sort = query.sort;
    if (sort == Sort::kDistance && !query.has_place) sort = Sort::kRelevance;
    switch (sort) {
      case Sort::kRelevance:
        before = [&](const Matched& a, const Matched& b) {
          return a.score != b.score ? a.score > b.score : newer(a, b);
        };
        break;
      case Sort::kDistance:
        before = [&](const Matched& a, const Matched& b) {
          const bool a_known = !std::isnan(a.distance), b_known = !std::isnan(b.distance);
          if (a_known != b_known) return a_known;
          if (a_known && a.distance != b.distance) return a.distance < b.distance;
          return a.score != b.score ? a.score > b.score : newer(a, b);
        };
        break;
      case Sort::kRecent:
        before = [&](const Matched& a, const Matched& b) {
          if (published_[a.ordinal] != published_[b.ordinal]) return newer(a, b);
          return a.score != b.score ? a.score > b.score : a.ordinal > b.ordinal;
        };
        break;
      case Sort::kFewestApplications:
        before = [&](const Matched& a, const Matched& b) {
          if (applications_[a.ordinal] != applications_[b.ordinal])
            return applications_[a.ordinal] < applications_[b.ordinal];
          return newer(a, b);
        };
        break;
    }
    std::partial_sort(matched.begin(), matched.begin() + static_cast<std::ptrdiff_t>(end),
                      matched.end(), before);
    for (std::size_t k = offset; k < end; ++k) {
      const auto& m = matched[k];
      results.hits.push_back(
          {ids_[m.ordinal], static_cast<DocKind>(kind_[m.ordinal]), m.score, m.distance});
    }
  }

  auto& f = results.facets;
  for (int k = 0; k < kDocKindCount; ++k)
    f.kind.emplace_back(DocKindName(static_cast<DocKind>(k)), counts.kind[k]);
  for (int l = 0; l < kLevelSlots; ++l) f.level.emplace_back(std::to_string(l), counts.level[l]);
  for (int c = 0; c < kContractKindCount; ++c)
    f.contract.emplace_back(ContractKindName(static_cast<ContractKind>(c)), counts.contract[c]);
  for (int sc = 0; sc < kSectorSlots - 1; ++sc)
    f.sector.emplace_back(std::string(1, static_cast<char>('A' + sc)), counts.sector[sc]);
  for (std::size_t a = 1; a < area_codes_.size(); ++a)
    f.area.emplace_back(area_codes_[a], scratch->area_counts[a]);
  for (std::size_t r = 0; r < rome_codes_.size(); ++r)
    f.rome.emplace_back(rome_codes_[r], scratch->rome_counts[r]);
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
  Evaluate(MakePlan(query), query, query.has_place ? query.radius_km : 0, *scratch, counts, false);
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
  for (const auto& p : postings_) bytes += vec(p.docs) + vec(p.tfs) + sizeof(Posting);
  for (const auto& p : group_postings_) bytes += vec(p.docs) + vec(p.tfs);
  for (const auto& docs : rome_docs_) bytes += vec(docs);
  for (const auto& [cell, docs] : cells_) bytes += vec(docs) + 48;
  bytes += vec(ids_) + vec(live_) + vec(kind_) + vec(level_) + vec(contract_) + vec(sector_) +
           vec(area_) + vec(length_) + vec(start_) + vec(published_) + vec(expires_) +
           vec(applications_) + vec(latitude_) + vec(longitude_) + vec(rome_begin_) +
           vec(rome_list_);
  bytes += ordinal_of_.size() * 32 + ordinal_of_.bucket_count() * 8;
  bytes += (term_ids_.size() + surfaces_.size()) * 64 + sorted_surfaces_.size() * 80;
  bytes += typos_.MemoryBytes();
  return bytes;
}

Index::Index(const Synonyms& synonyms) : impl_(std::make_unique<Impl>(synonyms)) {}
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
std::size_t Index::MemoryBytes() const { return impl_->MemoryBytes(); }

}  // namespace maplace::search
