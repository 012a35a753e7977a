#include "domain/jobs/tension.h"

#include <algorithm>
#include <cctype>

namespace maplace::jobs {
namespace {

// Lower case without accents, for comparing labels of two nomenclatures.
std::string Fold(const std::string& label) {
  static const std::pair<const char*, char> kAccents[] = {
      {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"à", 'a'}, {"â", 'a'},
      {"î", 'i'}, {"ï", 'i'}, {"ô", 'o'}, {"û", 'u'}, {"ù", 'u'}, {"ü", 'u'},
      {"ç", 'c'}, {"É", 'e'}, {"œ", 'o'}, {"’", '\''}};
  std::string out;
  for (std::size_t i = 0; i < label.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kAccents) {
      const std::string_view f(from);
      if (label.compare(i, f.size(), f) == 0) {
        out += to;
        i += f.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    const auto c = static_cast<unsigned char>(label[i++]);
    // Punctuation is noise between nomenclatures ("Plombiers, chauffagistes").
    if (std::ispunct(c) || std::isspace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(c));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsFap2009Year(int year) { return year <= 2023; }

}  // namespace

Crosswalk::Crosswalk(const std::vector<HiringFigure>& figures,
                     const std::vector<FapRomeLink>& links,
                     const std::vector<std::pair<std::string, std::string>>& job_parents,
                     const std::map<std::string, std::string>& overrides) {
  std::map<std::string, std::string> label_2009,
      label_2021;  // folded label -> code / code -> label
  std::set<std::string> codes_2009, codes_2021;
  for (const auto& f : figures) {
    if (IsFap2009Year(f.year)) {
      codes_2009.insert(f.fap_code);
      label_2009.emplace(Fold(f.fap_label), f.fap_code);
    } else {
      codes_2021.insert(f.fap_code);
      label_2021.emplace(f.fap_code, f.fap_label);
    }
  }
  for (const auto& link : links) codes_2009.insert(link.fap_code);
  for (const auto& code : codes_2021) {
    std::optional<std::string> twin;
    if (auto it = overrides.find(code); it != overrides.end()) {
      twin = it->second;
    } else if (auto same = label_2009.find(Fold(label_2021[code])); same != label_2009.end()) {
      twin = same->second;
    } else if (codes_2009.count(code)) {
      twin = code;  // unchanged codes (G0A40, T2A60…)
    } else if (code.size() >= 5 && code[2] == 'X') {
      std::string candidate = code.substr(0, 5);
      candidate[2] = 'Z';
      if (codes_2009.count(candidate)) twin = candidate;
    }
    if (twin) {
      twins_[code] = *twin;
    } else {
      unmapped_.push_back(code);
    }
  }
  std::map<std::string, std::vector<std::string>> children;  // ROME 3 -> ROME 4
  for (const auto& [code, parent] : job_parents) children[parent].push_back(code);
  for (const auto& link : links) {
    for (const auto& job : children[link.rome_code]) {
      jobs_of_[link.fap_code].push_back(job);
      families_of_[job].insert(link.fap_code);
    }
  }
  for (const auto& [fap2021, fap2009] : twins_) {
    auto it = jobs_of_.find(fap2009);
    if (it == jobs_of_.end()) continue;
    jobs_of_[fap2021] = it->second;
    for (const auto& job : it->second) families_of_[job].insert(fap2021);
  }
  for (auto& [fap, jobs] : jobs_of_) {
    std::sort(jobs.begin(), jobs.end());
    jobs.erase(std::unique(jobs.begin(), jobs.end()), jobs.end());
  }
}

std::vector<std::string> Crosswalk::JobsOf(const std::string& fap_code) const {
  auto it = jobs_of_.find(fap_code);
  return it == jobs_of_.end() ? std::vector<std::string>{} : it->second;
}

std::set<std::string> Crosswalk::FamiliesOf(const std::string& rome_code) const {
  auto it = families_of_.find(rome_code);
  return it == families_of_.end() ? std::set<std::string>{} : it->second;
}

std::optional<std::string> Crosswalk::Twin(const std::string& fap2021_code) const {
  auto it = twins_.find(fap2021_code);
  if (it == twins_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Crosswalk::Unmapped() const { return unmapped_; }

double TensionModel::Score(std::int64_t projects, std::int64_t difficult) {
  if (projects <= 0) return 0;
  const double p = static_cast<double>(projects);
  return 100.0 * (static_cast<double>(difficult) / p) * p / (p + kHalfVolume);
}

TensionModel::TensionModel(std::vector<HiringFigure> figures, Crosswalk crosswalk)
    : figures_(std::move(figures)), crosswalk_(std::move(crosswalk)) {
  for (const auto& f : figures_) by_year_family_[{f.year, f.fap_code}].push_back(&f);
}

std::vector<int> TensionModel::Years() const {
  std::set<int> years;
  for (const auto& f : figures_) years.insert(f.year);
  return {years.begin(), years.end()};
}

FamilyTension TensionModel::Aggregate(const std::string& fap_code, int year,
                                      const std::optional<std::string>& area) const {
  FamilyTension t;
  t.fap_code = fap_code;
  t.year = year;
  auto it = by_year_family_.find({year, fap_code});
  if (it == by_year_family_.end()) return t;
  std::int64_t projects = 0, difficult = 0, seasonal = 0, scored_projects = 0;
  bool any_projects = false, any_difficult = false, any_seasonal = false;
  std::int64_t seasonal_base = 0;
  for (const HiringFigure* f : it->second) {
    if (area && f->area_code != *area) continue;
    t.fap_label = f->fap_label;
    if (f->projects) {
      projects += *f->projects;
      any_projects = true;
    } else {
      t.projects_partial = true;
    }
    if (f->difficult) {
      difficult += *f->difficult;
      any_difficult = true;
      if (f->projects) scored_projects += *f->projects;
    } else {
      t.difficult_partial = true;
    }
    if (f->seasonal) {
      seasonal += *f->seasonal;
      any_seasonal = true;
      if (f->projects) seasonal_base += *f->projects;
    } else {
      t.seasonal_partial = true;
    }
  }
  // A flag only means something beside a published figure.
  t.projects_partial &= any_projects;
  t.difficult_partial &= any_difficult;
  t.seasonal_partial &= any_seasonal;
  t.lower_bound = t.projects_partial || t.difficult_partial || t.seasonal_partial;
  if (any_projects) t.projects = projects;
  if (any_difficult) t.difficult = difficult;
  if (any_seasonal) t.seasonal = seasonal;
  // Shares only over the cells where both counts are published.
  if (scored_projects > 0) {
    t.share_difficult = static_cast<double>(difficult) / static_cast<double>(scored_projects);
    t.score = Score(scored_projects, difficult);
  }
  if (seasonal_base > 0)
    t.share_seasonal = static_cast<double>(seasonal) / static_cast<double>(seasonal_base);
  t.jobs = crosswalk_.JobsOf(fap_code);
  return t;
}

std::vector<FamilyTension> TensionModel::Ranking(const RankingQuery& query) const {
  std::vector<FamilyTension> out;
  for (const auto& [key, cells] : by_year_family_) {
    if (key.first != query.year) continue;
    FamilyTension t = Aggregate(key.second, query.year, query.area);
    if (!t.projects && !t.difficult) continue;  // nothing published here
    if (query.sector) {
      const bool in_sector = std::any_of(t.jobs.begin(), t.jobs.end(), [&](const auto& job) {
        return job.rfind(*query.sector, 0) == 0;
      });
      if (!in_sector) continue;
    }
    // The same family a year before: the same code, or across the nomenclature change its twin.
    std::string previous = key.second;
    if (!IsFap2009Year(query.year) && IsFap2009Year(query.year - 1)) {
      previous = crosswalk_.Twin(key.second).value_or("");
    }
    if (!previous.empty()) {
      const FamilyTension before = Aggregate(previous, query.year - 1, query.area);
      t.previous_projects = before.projects;
      t.previous_share_difficult = before.share_difficult;
    }
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(), [](const FamilyTension& a, const FamilyTension& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.projects.value_or(0) != b.projects.value_or(0))
      return a.projects.value_or(0) > b.projects.value_or(0);
    return a.fap_code < b.fap_code;
  });
  for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = static_cast<int>(i) + 1;
  return out;
}

std::vector<HiringFigure> TensionModel::FiguresForJob(const std::string& rome_code) const {
  const auto families = crosswalk_.FamiliesOf(rome_code);
  std::vector<HiringFigure> out;
  for (const auto& f : figures_) {
    if (families.count(f.fap_code)) out.push_back(f);
  }
  std::sort(out.begin(), out.end(), [](const HiringFigure& a, const HiringFigure& b) {
    return std::tie(a.year, a.fap_code, a.area_code) < std::tie(b.year, b.fap_code, b.area_code);
  });
  return out;
}

std::string AreaShortName(const std::string& published_name) {
  std::string name = published_name;
  for (const char* prefix : {"MARTINIQUE ", "GUADELOUPE ", "GUYANE ", "LA REUNION ", "MAYOTTE "}) {
    if (name.rfind(prefix, 0) == 0 && name.size() > std::string_view(prefix).size()) {
      name = name.substr(std::string_view(prefix).size());
      break;
    }
  }
  // Capitalise each word: "NORD CARAIBE" -> "Nord Caraibe".
  bool start = true;
  for (char& c : name) {
    c = static_cast<char>(start ? std::toupper(static_cast<unsigned char>(c))
                                : std::tolower(static_cast<unsigned char>(c)));
    start = c == ' ' || c == '-';
  }
  if (name == "Nord Caraibe") name = "Nord Caraïbe";
  return name;
}

}  // namespace maplace::jobs
