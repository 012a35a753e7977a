#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace maplace::search {

// The root French job words share across derivation: soudeur, soudeuse, soudure, soudage →
// "soud"; électricien, électricité, électrique → "electr"; maçon, maçonnerie → "macon". Snowball
// keeps these apart (soudeur → "soudeur", soudure → "soudur"). `folded_word` comes from Fold().
std::string JobRoot(std::string_view folded_word);

// Which ROME codes a word names, learnt from the ROME job titles (appellations).
//
// Only the head noun of each title counts: the first word of the title and of each
// alternative after '/' ("Soudeur / Soudeuse TIG" → soudeur, soudeuse; "Chef de cuisine" →
// chef). Words after the head qualify the job ("TIG", "de cuisine", "en bâtiment") and would
// join unrelated families. A root names the (at most kMaxCodes) codes that hold most of its
// titles, when they hold at least kMinSharePercent of them: in ROME v4.60, soudeur/soudeuse
// head 58 titles' alternatives over 7 codes, 56 of them in the first 6 (H2913: 30, H2906: 10,
// I1502, H2917: 6 each). A root spread over many codes
// is too general to be a family ("agent", "aide", "technicien", "responsable"): it expands to
// nothing and the word is matched by the text alone.
class JobFamilies {
 public:
  static constexpr std::size_t kMaxCodes = 6;
  static constexpr int kMinSharePercent = 80;

  JobFamilies() = default;
  // (ROME code, job title) pairs, as in the ROME appellations file.
  explicit JobFamilies(const std::vector<std::pair<std::string, std::string>>& titles);

  // The ROME codes `folded_word` names; empty when none or too many.
  const std::vector<std::string>& Codes(std::string_view folded_word) const;
  bool empty() const { return codes_by_root_.empty(); }

 private:
  std::unordered_map<std::string, std::vector<std::string>> codes_by_root_;
};

}  // namespace maplace::search
