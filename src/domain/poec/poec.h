#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace maplace::poec {

// A POEC (préparation opérationnelle à l'emploi collective): a collective training of at most
// 400 hours for job seekers toward a job in tension, financed by the OPCO.
struct ProgrammeInput {
  std::string title;
  std::string rome_code;  // the target job, "H2913"
  std::string training_organisation;
  int hours = 0;  // 1–400
  std::string funding;
  std::string partner_opcos;  // free text, "AKTO, OPCO 2i"
};

struct Programme {
  std::int64_t id = 0;
  ProgrammeInput input;
  std::int64_t created_by = 0;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// A partner company and the positions it commits to.
struct Partner {
  std::int64_t id = 0;
  std::int64_t programme_id = 0;
  std::string company;
  int positions = 0;
  UnixSeconds created_at = 0;
};

struct Cohort {
  std::int64_t id = 0;
  std::int64_t programme_id = 0;
  std::string label;
  std::string start_date;  // ISO
  std::string end_date;
  std::string place;
  UnixSeconds created_at = 0;
};

// A candidate's path: information session → selection → training → outcome; or withdrawn.
enum class Stage { kInformation, kSelection, kTraining, kOutcome, kWithdrawn };
std::string_view StageCode(Stage stage);
std::string_view StageLabel(Stage stage);  // French
std::optional<Stage> ParseStage(std::string_view code);
std::vector<Stage> AllStages();

// At the end: hired in CDI, in CDD of 12 months or more, in an alternance contract, or
// other / none. "" before the outcome.
bool IsOutcome(std::string_view code);  // "cdi", "cdd12", "alternance", "other"
bool IsHire(std::string_view code);     // the first three
std::string_view OutcomeLabel(std::string_view code);
std::vector<std::pair<std::string_view, std::string_view>> Outcomes();  // code, label

// A job seeker in a cohort; not necessarily a platform user.
struct Candidate {
  std::int64_t id = 0;
  std::int64_t cohort_id = 0;
  std::string name;
  std::string email;
  std::string phone;
  std::string commune_code;
  Stage stage = Stage::kInformation;
  int hours_attended = 0;
  std::string outcome;       // see IsOutcome, "" before
  std::string company;       // the company that hired, when IsHire(outcome)
  std::string outcome_date;  // ISO
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

class PoecRepository {
 public:
  virtual ~PoecRepository() = default;
  virtual Result<std::int64_t> CreateProgramme(const Programme& programme) = 0;
  virtual Status UpdateProgramme(const Programme& programme) = 0;  // input and updated_at
  virtual Result<Programme> FindProgramme(std::int64_t id) = 0;
  virtual Result<std::vector<Programme>> Programmes() = 0;  // newest first

  virtual Result<std::int64_t> AddPartner(const Partner& partner) = 0;
  virtual Result<std::vector<Partner>> Partners(std::int64_t programme_id) = 0;

  virtual Result<std::int64_t> CreateCohort(const Cohort& cohort) = 0;
  virtual Result<Cohort> FindCohort(std::int64_t id) = 0;
  virtual Result<std::vector<Cohort>> Cohorts(std::int64_t programme_id) = 0;  // by start

  virtual Result<std::int64_t> AddCandidate(const Candidate& candidate) = 0;
  // Everything but id, cohort_id and created_at.
  virtual Status UpdateCandidate(const Candidate& candidate) = 0;
  virtual Result<Candidate> FindCandidate(std::int64_t id) = 0;
  virtual Result<std::vector<Candidate>> Candidates(std::int64_t cohort_id) = 0;  // by name
  // Every candidate whose outcome_date is in [from, to) (ISO dates).
  virtual Result<std::vector<Candidate>> OutcomesBetween(const std::string& from,
                                                         const std::string& to) = 0;
};

}  // namespace maplace::poec
