#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/contracts/contract_repository.h"

namespace maplace {
class Repositories;
}

// Issue 9: the register's figures for steering. Read-side only; the signature is stable.
namespace maplace::contracts {

// Counts of one Martinique year (1 January to 31 December), both kinds of contract:
//  - started: contracts whose start date falls in the year;
//  - broken: contracts broken (« rompu ») whose break date falls in the year;
//  - completed: contracts not broken whose end date falls in the year and is before `today`
//    (a contract still running on `today` is not completed yet).
// A contract can count in several (started and broken in the same year).
struct Counts {
  std::int64_t started = 0;
  std::int64_t broken = 0;
  std::int64_t completed = 0;
  bool operator==(const Counts&) const = default;
};

// One line of a breakdown; lines whose three counts are 0 are left out.
struct CountsBy {
  std::string key;    // see YearFigures; "" for « non renseigné »
  std::string label;  // French
  Counts counts;
  bool operator==(const CountsBy&) const = default;
};

struct YearFigures {
  int year = 0;
  Counts overall;
  std::vector<CountsBy> by_cfa;            // key: the CFA's organisation id; label: its name
  std::vector<CountsBy> by_employer_area;  // key: employment area code of the employer's commune
  std::vector<CountsBy> by_branch;         // key: the employer's IDCC; label: its branch
  std::vector<CountsBy> by_level;          // key: "3" … "8"; label: « Niveau 4 (bac) »…
  std::vector<CountsBy> by_kind;           // key: "apprentissage", "professionnalisation"
};

// Computed in the caller's transaction (call it inside `Store::Read`), each breakdown by label,
// over the contracts `keep` accepts (all when empty): the steering filters cross there.
// kInvalidArgument (fields["year"]) outside 2000–2100. Needs the SQL store (the in-memory store
// of the unit tests keeps no contracts).
using FigureFilter = std::function<bool(const FigureRow&)>;
Result<YearFigures> FiguresOfYear(Repositories& repos, int year, Date today,
                                  const FigureFilter& keep = {});

}  // namespace maplace::contracts
