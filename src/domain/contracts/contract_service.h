#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "domain/aids/rules.h"
#include "domain/contracts/contract.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::contracts {

// A contract as typed in the form or read from a CSV line: the same names are the CSV header
// (`CsvColumns()`). Dates ISO (aaaa-mm-jj) or jj/mm/aaaa; amounts in euros ("1 234,56").
struct ContractInput {
  std::string kind;  // "apprentissage" (default when empty) or "professionnalisation"
  std::string last_name, first_name, birth_date, email;
  std::string employer_siret;  // a known employer organisation
  std::string cfa;             // a known CFA's UAI or SIRET; optional for professionalisation
  std::string rncp_code, certification_title, level;
  std::string concluded_on, starts_on, ends_on, training_starts_on;
  std::string tutor_name, tutor_experience_years, tutor_other_apprentices;
  std::string pay_year1, pay_year2, pay_year3, pay_year4;  // gross monthly, euros
  std::string opco;
  std::string state;  // "running" (default), "broken", "completed"
  std::string broken_on, break_initiative, break_reason, after_break, after_break_note;
};

// The CSV header of an import, in this order (the page and README show it).
const std::vector<std::string>& CsvColumns();

struct SavedContract {
  std::int64_t contract_id = 0;
  std::int64_t apprentice_id = 0;
  std::vector<StoredCheck> checks;  // the engine's checks; a failing one does not stop the save
};

struct ImportOutcome {
  int lines = 0;                    // contract lines read
  std::vector<std::string> errors;  // « Ligne 3, colonne starts_on : … »; nothing written then
  int created = 0;                  // written (0 on a dry run or with errors)
  int failing_checks = 0;           // lines saved (or to save) with a failing check
};

// The follow-up record of an apprentice, as the reader may see it.
struct FollowUpFile {
  Apprentice apprentice;
  int age = 0;  // today in Martinique
  bool minor = false;
  std::string advisor_name;
  std::vector<ContractRow> contracts;  // newest first
  std::vector<DifficultyEntry> difficulties;
  std::vector<RiskEntry> risks;  // newest first
  std::vector<ActionEntry> actions;
  std::vector<Note> notes;  // sensitive ones hidden (body "") unless CanReadSensitive
  std::vector<LinkedAidRequest> aid_requests;
  bool can_read_sensitive = false;
};

struct FollowUpInput {
  std::string kind;  // difficulty code / risk code
  std::string date;  // noted_on / due_on
  std::string text;  // description / reason / action / note body
  bool sensitive = false;
};

// The register of contracts and the apprentices' follow-up (issue 8 §3). Staff only: anyone
// else gets kPermissionDenied from every use case. One transaction each, audited
// (`contracts.*` actions). Thread-safe; keeps references to its arguments.
//
// Sensitive notes: their text is read only by the apprentice's referent advisor, managers
// and the note's author; other staff see that a sensitive note exists, its date and author.
class ContractService {
 public:
  using RulesSource = std::function<std::shared_ptr<const aids::Rules>()>;
  ContractService(Store& store, const Clock& clock, RulesSource rules);

  static constexpr std::size_t kMaxCsvBytes = 2 * 1024 * 1024;
  static constexpr std::size_t kMaxCsvLines = 2000;

  // Who reads a sensitive note's text.
  static bool CanReadSensitive(const people::Actor& actor, const Apprentice& apprentice,
                               std::int64_t author_id);

  // A new contract (the apprentice is found by identity, or created). kInvalidArgument with a
  // French message per field; the engine's checks are stored and returned, failing or not (the
  // advisor records what was signed).
  Result<SavedContract> Create(const people::Actor& actor, const ContractInput& input);
  Result<SavedContract> Update(const people::Actor& actor, std::int64_t contract_id,
                               const ContractInput& input);
  Result<ContractRow> Find(const people::Actor& actor, std::int64_t contract_id);
  // The form's values of a stored contract.
  static ContractInput InputOf(const ContractRow& row);
  Result<Page<ContractRow>> List(const people::Actor& actor, const ContractFilter& filter);
  // The employers (`cfas` false) or CFAs of at least one contract, by name (id, name).
  Result<std::vector<std::pair<std::int64_t, std::string>>> Parties(const people::Actor& actor,
                                                                    bool cfas);
  // The list with its filters (every page) as XLSX.
  Result<std::string> Export(const people::Actor& actor, ContractFilter filter);
  // A whole CSV, all or nothing: every line is checked first; with `dry_run` nothing is written.
  Result<ImportOutcome> ImportCsv(const people::Actor& actor, std::string_view bytes, bool dry_run);

  Result<FollowUpFile> FollowUp(const people::Actor& actor, std::int64_t apprentice_id);
  // `advisor_id` 0: nobody; else a staff user.
  Status AssignReferent(const people::Actor& actor, std::int64_t apprentice_id,
                        std::int64_t advisor_id);
  Status AddDifficulty(const people::Actor& actor, std::int64_t apprentice_id,
                       const FollowUpInput& input);
  Status ResolveDifficulty(const people::Actor& actor, std::int64_t apprentice_id,
                           std::int64_t difficulty_id);
  Status SetRisk(const people::Actor& actor, std::int64_t apprentice_id,
                 const FollowUpInput& input);
  Status AddAction(const people::Actor& actor, std::int64_t apprentice_id,
                   const FollowUpInput& input);
  Status SetActionDone(const people::Actor& actor, std::int64_t action_id, bool done);
  Status AddNote(const people::Actor& actor, std::int64_t apprentice_id,
                 const FollowUpInput& input);
  // `aid_request` as typed: the request's number.
  Status LinkAidRequest(const people::Actor& actor, std::int64_t apprentice_id,
                        const std::string& aid_request);
  // The apprentices of a young person's account (for their timeline).
  Result<std::vector<Apprentice>> ApprenticesOfAccount(const people::Actor& actor,
                                                       std::int64_t young_person_id);

  Date Today() const;

 private:
  Store& store_;
  const Clock& clock_;
  RulesSource rules_;
};

// The engine's checks on a contract (rules.md f), in French. Pure.
std::vector<StoredCheck> RunChecks(const aids::Rules& rules, const Contract& contract,
                                   const Apprentice& apprentice);

// The identity key of an apprentice: FoldName of "last first birth_date".
std::string IdentityKey(const std::string& last_name, const std::string& first_name, Date birth);

}  // namespace maplace::contracts
