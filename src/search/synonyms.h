#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace maplace::search {

// Groups of expressions that mean the same for a person searching ("cariste", "conducteur
// d'engins", "chariot élévateur"). Expressions are kept as stem sequences (see Analyze), so
// "conducteurs d'engins" matches "conducteur d'engins".
class Synonyms {
 public:
  struct Match {
    std::size_t start = 0;  // first stem of the expression in the sequence
    std::size_t length = 0;
    std::uint32_t group = 0;
  };

  // One group per line, expressions separated by '|'; '#' starts a comment. Lines with fewer
  // than two expressions are ignored.
  static Synonyms Parse(std::string_view text);
  // src/search/data/synonyms.txt, compiled in.
  static const Synonyms& Builtin();

  std::size_t group_count() const { return group_count_; }
  // Every occurrence of an expression in `stems`, longest first at each position.
  std::vector<Match> Find(const std::vector<std::string>& stems) const;

 private:
  struct Expression {
    std::vector<std::string> stems;
    std::uint32_t group = 0;
  };
  std::unordered_map<std::string, std::vector<Expression>> by_first_stem_;
  std::size_t group_count_ = 0;
};

}  // namespace maplace::search
