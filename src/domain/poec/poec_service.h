#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/people/session.h"
#include "domain/poec/poec.h"
#include "domain/store.h"

namespace maplace::poec {

// Hires by one company. Companies are told apart by their name, case and spaces aside.
struct CompanyHires {
  std::string company;
  int hired = 0;
  int committed = 0;  // positions the company committed to as a partner, 0 otherwise
};

struct OutcomeCount {
  std::string code;  // see Outcomes()
  std::string label;
  int count = 0;
};

// What a set of candidates came to: the figure a director quotes, « N personnes recrutées dans
// M entreprises ».
struct OutcomeFigures {
  int candidates = 0;  // every candidate counted
  int with_outcome = 0;
  int hired = 0;                         // CDI, CDD ≥ 12 months or alternance contract
  int companies = 0;                     // distinct companies that hired
  std::vector<CompanyHires> by_company;  // most hires first, then by name
  std::vector<OutcomeCount> by_outcome;  // every outcome kind, in Outcomes() order
};

OutcomeFigures FiguresOf(const std::vector<Candidate>& candidates,
                         const std::vector<Partner>& partners);

struct ProgrammeSummary {
  Programme programme;
  std::string job_label;  // the ROME job's label when imported
  int cohorts = 0;
  OutcomeFigures figures;
};

struct CohortView {
  Cohort cohort;
  std::vector<Candidate> candidates;
};

struct ProgrammeSheet {
  Programme programme;
  std::string job_label;
  std::vector<Partner> partners;
  std::vector<CohortView> cohorts;
  OutcomeFigures figures;
};

struct CandidateInput {
  std::string name;
  std::string email;
  std::string phone;
  std::string commune_code;
};

// Where a candidate stands; outcome and company when the path reached its end.
struct PathInput {
  std::string stage;  // see StageCode
  int hours_attended = 0;
  std::string outcome;       // "" or see IsOutcome
  std::string company;       // required when IsHire(outcome)
  std::string outcome_date;  // ISO, required with an outcome
};

// For the steering issue: POEC outcomes dated in `year` (outcome_date, a calendar date), over
// every programme: the candidates with an outcome, the hires by kind (CDI, CDD ≥ 12 months,
// alternance, other) and the distinct companies that hired. Only the programmes toward the ROME
// job `rome` when it is not empty. Read-only.
Result<OutcomeFigures> PoecOutcomesInYear(Store& store, int year, const std::string& rome = "");

// POEC programmes (issue 8 §5), kept by the delegation's staff (advisor, manager, admin; every
// use case refuses anyone else with kNotFound). Each use case is one transaction, audited.
class PoecService {
 public:
  PoecService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // kInvalidArgument with French messages: the hours must be 1–400, the ROME code known.
  Result<std::int64_t> CreateProgramme(const people::Actor& actor, const ProgrammeInput& input);
  Status UpdateProgramme(const people::Actor& actor, std::int64_t id, const ProgrammeInput& input);
  Result<std::vector<ProgrammeSummary>> Programmes(const people::Actor& actor);
  Result<ProgrammeSheet> Sheet(const people::Actor& actor, std::int64_t id);

  Result<std::int64_t> AddPartner(const people::Actor& actor, std::int64_t programme_id,
                                  const std::string& company, const std::string& positions);
  // Dates are ISO; the end not before the start.
  Result<std::int64_t> CreateCohort(const people::Actor& actor, std::int64_t programme_id,
                                    const std::string& label, const std::string& start_date,
                                    const std::string& end_date, const std::string& place);
  Result<CohortView> CohortOf(const people::Actor& actor, std::int64_t cohort_id);
  Result<std::int64_t> AddCandidate(const people::Actor& actor, std::int64_t cohort_id,
                                    const CandidateInput& input);
  // Hours at most the programme's; an outcome moves the candidate to the « Sortie » stage.
  Status UpdatePath(const people::Actor& actor, std::int64_t candidate_id, const PathInput& input);

  // XLSX: the programmes; one programme's candidates (one cohort's, one outcome's when given).
  Result<std::string> ExportProgrammes(const people::Actor& actor);
  Result<std::string> ExportCandidates(const people::Actor& actor, std::int64_t programme_id,
                                       std::optional<std::int64_t> cohort_id,
                                       const std::string& outcome);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace maplace::poec
