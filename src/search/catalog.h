#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/document.h"

namespace maplace::search {

// Offers, trainings and jobs share the index's id space: the kind is in the high bits.
std::int64_t DocumentId(DocKind kind, std::int64_t local_id);
std::int64_t LocalId(std::int64_t document_id);
// ROME codes as local ids of job documents: "H2913" <-> 8 * 10000 + 2913 (letter A = 1).
std::int64_t JobLocalId(std::string_view rome_code);  // 0 when it is not a ROME code
std::string RomeCodeOf(std::int64_t job_local_id);

// What a result shows, kept in memory beside the index so that a results page is built
// without reading the store.
struct Card {
  DocKind kind = DocKind::kOffer;
  std::int64_t local_id = 0;  // the offer's or the training's id; the job's JobLocalId
  std::string title;
  std::string subtitle;  // the employer, the CFA, or the job's sector
  std::string commune;   // the commune's name
  double latitude = std::numeric_limits<double>::quiet_NaN();  // the commune's centre
  double longitude = std::numeric_limits<double>::quiet_NaN();
  std::string rome_code;
  int level = 0;
  ContractKind contract = ContractKind::kNone;
  std::int32_t start_day = 0;  // days since epoch, 0 = « dès que possible »
  std::int64_t published_at = 0;
  std::uint32_t applications = 0;
  std::string url;  // "/offres/12", "/metiers/H2913"
};

// Thread-safe: readers run together, a write waits for them.
class Catalog {
 public:
  void Put(std::int64_t document_id, Card card);
  void Erase(std::int64_t document_id);
  std::optional<Card> Find(std::int64_t document_id) const;
  // The cards of `ids`, in order; an id without a card is skipped.
  std::vector<Card> FindAll(const std::vector<std::int64_t>& ids) const;
  // The document ids of every card of this kind.
  std::vector<std::int64_t> IdsOf(DocKind kind) const;

 private:
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::int64_t, Card> cards_;
};

}  // namespace maplace::search
