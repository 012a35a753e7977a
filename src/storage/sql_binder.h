#pragma once

#include <fmt/format.h>
#include <soci/soci.h>

#include <deque>
#include <string>
#include <vector>

// Statements built piece by piece (optional filters): their bindings and WHERE clause.
namespace maplace::storage {

inline void Prepare(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
}

// The bindings of a statement built piece by piece: each value stays where it is until the
// statement has run, and gets a name of its own (SOCI binds a repeated name once). SOCI binds
// by position: call Text/Number in the order their names appear in the query — never twice in
// one function call's arguments, whose order of evaluation is unspecified.
class Binder {
 public:
  explicit Binder(soci::statement& st) : st_(st) {}
  std::string Text(std::string value) {
    texts_.push_back(std::move(value));
    st_.exchange(soci::use(texts_.back()));
    return fmt::format(":p{}", ++count_);
  }
  std::string Number(long long value) {
    numbers_.push_back(value);
    st_.exchange(soci::use(numbers_.back()));
    return fmt::format(":p{}", ++count_);
  }

 private:
  soci::statement& st_;
  std::deque<std::string> texts_;
  std::deque<long long> numbers_;
  int count_ = 0;
};

inline std::string Where(const std::vector<std::string>& conditions) {
  std::string out;
  for (std::size_t i = 0; i < conditions.size(); ++i)
    out += fmt::format(" {} {}", i == 0 ? "WHERE" : "AND", conditions[i]);
  return out;
}

}  // namespace maplace::storage
