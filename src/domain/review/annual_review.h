#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "domain/aids/aids_service.h"
#include "domain/jobs/jobs_service.h"
#include "domain/people/session.h"
#include "domain/poec/poec_service.h"
#include "domain/reporting/indicators.h"
#include "domain/store.h"
#include "domain/workshops/workshop_service.h"

namespace maplace::review {

// « Perspektiv Alternance » (issue 9 §4): the year-end review the delegation shares with the
// CFAs and its partners. A plain value assembled from the other modules' read sides, then
// rendered as a page, a PDF and a workbook; the same year on the same data gives the same
// review, so that a regenerated document can be compared with the one sent.

// A family of jobs whose hiring difficulty changed between two BMO surveys, in one area.
struct TensionChange {
  std::string fap_code;
  std::string label;
  std::optional<std::int64_t> projects;  // this survey's hiring projects
  std::optional<std::int64_t> previous_projects;
  double share = 0;           // of difficult projects, 0–1
  double previous_share = 0;  // the same family (or its FAP 2009 twin) a year before
  double points() const { return 100.0 * (share - previous_share); }
};

// A family is « en tension » when at least half of its hiring projects are judged difficult,
// over at least kMinProjects projects (below, one project more or less swings the share).
inline constexpr double kTensionShare = 0.5;
inline constexpr std::int64_t kMinProjects = 10;
inline constexpr std::size_t kChangesShown = 5;

struct AreaTension {
  std::string code;                    // "201"
  std::string name;                    // "Centre"
  std::vector<TensionChange> risers;   // largest rise of the share first, at most kChangesShown
  std::vector<TensionChange> fallers;  // largest fall first
  std::vector<TensionChange> newly;    // in tension now, not a year before; most difficult first
  int in_tension = 0;                  // families in tension in this survey
};

struct TensionEvolution {
  // The latest BMO survey up to the review's year and the one before it (the survey of a year
  // is published in its spring); 0 when the platform holds no two consecutive surveys.
  int survey_year = 0;
  int previous_year = 0;
  std::vector<AreaTension> areas;  // by area code
};

// What a CFA's contracts came to in the year (the register's contracts::FiguresOfYear).
struct ContractFigures {
  std::int64_t started = 0;    // starting in the year
  std::int64_t broken = 0;     // broken in the year
  std::int64_t completed = 0;  // reaching their end in the year, not broken
};

// One sheet per validated CFA.
struct CfaSheet {
  std::int64_t organisation_id = 0;
  std::string name;
  std::string commune;  // its name, "" when unknown
  int trainings = 0;    // published in the catalogue today
  int offers_relayed = 0;
  int offers_relayed_previous = 0;
  int sessions_attended = 0;  // workshop sessions of the year where someone of the CFA was present
  int people_registered = 0;  // seats held by its members (waiting list and cancellations aside)
  int people_present = 0;
  std::optional<ContractFigures> contracts;  // nullopt: the register could not be read
};

// A partner convention in force during the year, as every staff member may see it: its
// progress, not its money (conventions' rule: terms and amounts for managers and finance).
struct ConventionLine {
  std::string partner;
  std::string object;
  Date starts_on{}, ends_on{};
  int commitments = 0;
  int commitments_met = 0;
};

struct WorkshopTotals {
  int sessions = 0;
  int registered = 0;
  int attended = 0;
  int organisations = 0;  // distinct organisations present at least once
  int ratings = 0;
  double average = 0;  // of the satisfaction answers, 0 without any
};

struct AnnualReview {
  int year = 0;
  // The instant the documents are dated with: the end of the year in Martinique, never the
  // clock, so that regenerating gives the same bytes.
  UnixSeconds dated = 0;
  std::vector<reporting::Indicator> results;  // this year against the year before
  std::vector<workshops::SessionFigures> sessions;
  WorkshopTotals workshops;
  WorkshopTotals workshops_previous;
  poec::OutcomeFigures poec;
  poec::OutcomeFigures poec_previous;
  // The aids paid, by aid (from the indicator « aids.paid »), with the aids' names.
  std::vector<reporting::Breakdown> aids_paid;
  std::int64_t aids_paid_cents = 0;
  std::int64_t aids_paid_previous_cents = 0;
  std::vector<ConventionLine> conventions;  // in force at some time of the year, by start
  TensionEvolution tension;
  std::vector<CfaSheet> cfas;  // by name
  // What the review cannot tell yet, in French (the partner conventions…).
  std::vector<std::string> not_available;
};

struct Sources {
  Store& store;
  jobs::JobsService& jobs;
  const aids::AidsService& aids;
};

// The review of `year` (2020–2100, else kInvalidArgument on fields["annee"]). Staff only:
// kPermissionDenied otherwise, as the indicators. `today` (Martinique) only tells which
// contracts of the year have reached their end yet: a past year's review never changes.
Result<AnnualReview> Assemble(const Sources& sources, const people::Actor& actor, int year,
                              Date today);

// The documents. Both depend on the review only (fonts and dates included).
Result<std::string> Workbook(const AnnualReview& review);  // XLSX
Result<std::string> Pdf(const AnnualReview& review);       // A4, French typography

}  // namespace maplace::review
