#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/jobs/job.h"

namespace maplace::jobs {

// Joins BMO job families (FAP) to ROME jobs. BMO uses FAP 2009 codes until 2023 and FAP 2021
// after; the Dares table links FAP 2009 to ROME 3, and each ROME 4 job descends from a ROME 3
// one. A FAP 2021 family is joined through its FAP 2009 twin: the one a person decided
// (overrides), else the one with the same label in the survey (case, accents and punctuation
// aside), else the same code (G0A40), else the same code but for the nomenclature letter
// (A0X40 → A0Z40).
class Crosswalk {
 public:
  Crosswalk(const std::vector<HiringFigure>& figures, const std::vector<FapRomeLink>& links,
            const std::vector<std::pair<std::string, std::string>>& job_parents,
            const std::map<std::string, std::string>& overrides);

  std::vector<std::string> JobsOf(const std::string& fap_code) const;    // ROME 4 codes
  std::set<std::string> FamiliesOf(const std::string& rome_code) const;  // both nomenclatures
  std::optional<std::string> Twin(const std::string& fap2021_code) const;
  // FAP 2021 families of the survey that could not be joined to any FAP 2009 family.
  std::vector<std::string> Unmapped() const;

 private:
  std::map<std::string, std::string> twins_;                  // FAP 2021 -> FAP 2009
  std::map<std::string, std::vector<std::string>> jobs_of_;   // FAP (any) -> ROME 4
  std::map<std::string, std::set<std::string>> families_of_;  // ROME 4 -> FAP (any)
  std::vector<std::string> unmapped_;
};

// A family's figures for a year, in one area or over the territory.
struct FamilyTension {
  std::string fap_code;
  std::string fap_label;
  int year = 0;
  std::optional<std::int64_t> projects;  // nullopt: secret everywhere it was asked
  std::optional<std::int64_t> difficult;
  std::optional<std::int64_t> seasonal;
  // Over several areas, secret cells are left out of the sums: such a figure is then a lower
  // bound, and pages say so ("au moins"). One flag per figure; lower_bound is any of them.
  bool projects_partial = false;
  bool difficult_partial = false;
  bool seasonal_partial = false;
  bool lower_bound = false;
  std::optional<double> share_difficult;  // difficult / projects, when both are published
  std::optional<double> share_seasonal;
  std::optional<std::int64_t> previous_projects;   // the same family (or its twin), a year before
  std::optional<double> previous_share_difficult;  // and its share of difficult projects
  double score = 0;
  int rank = 0;
  std::vector<std::string> jobs;  // ROME 4 codes
};

struct RankingQuery {
  int year = 0;
  std::optional<std::string> area;    // all areas when unset
  std::optional<std::string> sector;  // ROME grand domaine letter
};

// The tension model: for each job family, area and year, the hiring projects, the difficult and
// seasonal ones and their shares, the change over a year, and a tension score:
//   score = 100 × (difficult / projects) × projects / (projects + 50)
// which is the share of difficult projects, weighted by volume: a family with 50 projects counts
// half as much as a large one with the same share, so that a few difficult projects do not top
// the list. A family without published projects and difficult projects has no score.
class TensionModel {
 public:
  static constexpr double kHalfVolume = 50;
  static double Score(std::int64_t projects, std::int64_t difficult);

  TensionModel(std::vector<HiringFigure> figures, Crosswalk crosswalk);

  std::vector<int> Years() const;  // ascending
  // The families ranked by score (then projects), with their figures.
  std::vector<FamilyTension> Ranking(const RankingQuery& query) const;
  // Every published cell of the families a job belongs to, by year then area.
  std::vector<HiringFigure> FiguresForJob(const std::string& rome_code) const;
  const Crosswalk& crosswalk() const { return crosswalk_; }

 private:
  FamilyTension Aggregate(const std::string& fap_code, int year,
                          const std::optional<std::string>& area) const;

  std::vector<HiringFigure> figures_;
  Crosswalk crosswalk_;
  std::map<std::pair<int, std::string>, std::vector<const HiringFigure*>> by_year_family_;
};

// "MARTINIQUE NORD ATLANTIQUE" -> "Nord Atlantique"; "MARTINIQUE CENTRE" -> "Centre".
std::string AreaShortName(const std::string& published_name);

}  // namespace maplace::jobs
