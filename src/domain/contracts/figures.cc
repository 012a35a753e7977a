#include "domain/contracts/figures.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "domain/contracts/contract.h"
#include "domain/crm/fold.h"
#include "domain/store.h"
#include "domain/trainings/training.h"

namespace maplace::contracts {
namespace {

bool Within(Date day, Date from, Date to) { return !(day < from) && !(to < day); }

// Adds a contract's counts to the line of `key`.
void Add(std::map<std::string, CountsBy>& lines, const std::string& key, const std::string& label,
         const Counts& counts) {
  CountsBy& line = lines[key];
  line.key = key;
  if (line.label.empty()) line.label = label;
  line.counts.started += counts.started;
  line.counts.broken += counts.broken;
  line.counts.completed += counts.completed;
}

std::vector<CountsBy> ByLabel(const std::map<std::string, CountsBy>& lines) {
  std::vector<CountsBy> out;
  for (const auto& [key, line] : lines)
    if (line.counts != Counts{}) out.push_back(line);
  std::sort(out.begin(), out.end(), [](const CountsBy& a, const CountsBy& b) {
    return crm::FoldName(a.label) < crm::FoldName(b.label);
  });
  return out;
}

}  // namespace

Result<YearFigures> FiguresOfYear(Repositories& repos, int year, Date today,
                                  const FigureFilter& keep) {
  if (year < 2000 || year > 2100)
    return FailFields("year out of range", {{"year", "Choisissez une année entre 2000 et 2100."}});
  const Date from{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}};
  const Date to{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}};
  auto rows = repos.contracts().FigureRows(from, to);
  if (!rows) return Fail(rows.error());
  YearFigures figures;
  figures.year = year;
  std::map<std::string, CountsBy> cfa, area, branch, level, kind;
  for (const FigureRow& r : *rows) {
    if (keep && !keep(r)) continue;
    Counts c;
    c.started = Within(r.starts_on, from, to) ? 1 : 0;
    c.broken = r.broken_on && Within(*r.broken_on, from, to) ? 1 : 0;
    c.completed = !r.broken_on && Within(r.ends_on, from, to) && r.ends_on < today ? 1 : 0;
    if (c == Counts{}) continue;
    figures.overall.started += c.started;
    figures.overall.broken += c.broken;
    figures.overall.completed += c.completed;
    Add(cfa, r.cfa_id ? std::to_string(r.cfa_id) : "", r.cfa_id ? r.cfa_name : "Sans CFA", c);
    Add(area, r.area_code, r.area_code.empty() ? "Non renseignée" : r.area_name, c);
    Add(branch, r.idcc,
        r.branch.empty() ? (r.idcc.empty() ? "Non renseignée" : "IDCC " + r.idcc) : r.branch, c);
    Add(level, std::to_string(r.level), trainings::LevelLabel(r.level), c);
    Add(kind, std::string(KindCode(r.kind)), std::string(KindLabel(r.kind)), c);
  }
  figures.by_cfa = ByLabel(cfa);
  figures.by_employer_area = ByLabel(area);
  figures.by_branch = ByLabel(branch);
  figures.by_level = ByLabel(level);
  figures.by_kind = ByLabel(kind);
  return figures;
}

}  // namespace maplace::contracts
