#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace maplace::search {

enum class DocKind : std::uint8_t { kOffer, kTraining, kJob };
inline constexpr int kDocKindCount = 3;

enum class ContractKind : std::uint8_t { kNone, kApprenticeship, kProfessionalisation };
inline constexpr int kContractKindCount = 3;

std::string_view DocKindName(DocKind kind);            // "offer", "training", "job"
std::string_view ContractKindName(ContractKind kind);  // "none", "apprentissage", ...

// What the index knows of an offer, a training or a job. The index keeps no text: hits carry
// the id, and the caller reads the rest from the store.
struct Document {
  std::int64_t id = 0;  // unique within the index, whatever the kind
  DocKind kind = DocKind::kOffer;
  std::string title;
  std::string text;                     // description
  std::vector<std::string> rome_codes;  // "H2913"
  int level = 0;                        // certification level 3..8; 0 = none
  ContractKind contract = ContractKind::kNone;
  std::int32_t start_day = 0;  // days since 1970-01-01; 0 = « dès que possible »
  std::string area;            // employment area code
  std::string commune;         // INSEE code (kept for the caller; places are lat/lon)
  double latitude = std::numeric_limits<double>::quiet_NaN();
  double longitude = std::numeric_limits<double>::quiet_NaN();
  char sector = 0;                 // ROME domain letter ('H'); 0 = derive from the first code
  std::int64_t published_at = 0;   // unix seconds
  std::int64_t expires_at = 0;     // unix seconds; 0 = never
  std::uint32_t applications = 0;  // applications already received

  bool HasPlace() const { return !std::isnan(latitude) && !std::isnan(longitude); }
};

}  // namespace maplace::search
