#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"

// Issue 8 §3: the register of work-study contracts (the CERFA fields that matter) and the
// follow-up of each apprentice. Staff only: nothing here is ever shown to employers, CFAs or
// young people.
namespace maplace::contracts {

using Cents = std::int64_t;

enum class Kind { kApprenticeship, kProfessionalisation };
std::string_view KindCode(Kind kind);   // "apprentissage", "professionnalisation"
std::string_view KindLabel(Kind kind);  // « Apprentissage »…
std::optional<Kind> ParseKind(std::string_view code);

enum class State { kRunning, kBroken, kCompleted };
std::string_view StateCode(State state);   // "running", "broken", "completed"
std::string_view StateLabel(State state);  // « En cours », « Rompu », « Terminé »
std::optional<State> ParseState(std::string_view code);

// Who ended the contract early.
inline constexpr std::string_view kInitiatives[] = {"employer", "apprentice", "mutual", "cfa",
                                                    "other"};
std::string_view InitiativeLabel(std::string_view code);  // "" for an unknown code

// What happened to the apprentice after a break.
inline constexpr std::string_view kAfterBreaks[] = {
    "new_contract", "cfa_without_contract", "employment", "other_training", "nothing", "unknown"};
std::string_view AfterBreakLabel(std::string_view code);  // "" for an unknown code

// The person under contract: identity as on the CERFA. One per (name, first name, birth date).
struct Apprentice {
  std::int64_t id = 0;
  std::string last_name;
  std::string first_name;
  Date birth_date{};
  std::string email;
  std::int64_t young_person_id = 0;  // their platform account, 0 when none
  std::int64_t advisor_id = 0;       // referent advisor, 0 when none
  std::string risk = "none";         // the latest risk of break: "none", "low", "high"
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// One of the aids engine's contract checks, as stored at the contract's last save.
struct StoredCheck {
  std::string id;  // "age", "duration", "start-window", "minimum-pay", "tutor"
  bool ok = true;
  std::string sentence;  // French
  bool operator==(const StoredCheck&) const = default;
};

struct Contract {
  std::int64_t id = 0;
  std::int64_t apprentice_id = 0;
  Kind kind = Kind::kApprenticeship;
  std::int64_t employer_id = 0;
  std::int64_t cfa_id = 0;  // 0: none
  std::string rncp_code;    // "RNCP12345" or ""
  std::string certification_title;
  int level = 4;  // 3–8
  Date concluded_on{};
  Date starts_on{};
  Date ends_on{};
  std::optional<Date> training_starts_on;
  std::string tutor_name;
  std::optional<int> tutor_experience_years;
  int tutor_other_apprentices = 0;
  std::vector<Cents> pay_cents;  // gross monthly pay per contract year (1 to 4 values)
  std::string opco;              // crm OPCO code or ""
  State state = State::kRunning;
  std::optional<Date> broken_on;
  std::string break_initiative;  // a kInitiatives code when broken
  std::string break_reason;
  std::string after_break;  // a kAfterBreaks code when broken
  std::string after_break_note;
  std::vector<StoredCheck> checks;
  std::int64_t created_by = 0;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;

  int FailedChecks() const;
};

// A contract with the names the lists show.
struct ContractRow {
  Contract contract;
  Apprentice apprentice;
  std::string employer_name;
  std::string employer_siret;
  std::string cfa_name;
  std::string cfa_uai;
};

struct ContractFilter {
  int year = 0;  // contracts running at some time in that calendar year; 0: any
  std::int64_t employer_id = 0;
  std::int64_t cfa_id = 0;
  std::optional<State> state;
  int level = 0;
  std::int64_t apprentice_id = 0;
  bool failing_checks_only = false;
  int page = 1;
  int page_size = 50;  // 0: every row (exports)
};

template <typename T>
struct Page {
  std::vector<T> rows;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 50;
  int PageCount() const {
    return total == 0 ? 1 : static_cast<int>((total + page_size - 1) / page_size);
  }
};

// The follow-up record of an apprentice.
enum class Difficulty { kHousing, kTransport, kMoney, kHealth, kWork };
inline constexpr Difficulty kDifficulties[] = {Difficulty::kHousing, Difficulty::kTransport,
                                               Difficulty::kMoney, Difficulty::kHealth,
                                               Difficulty::kWork};
std::string_view DifficultyCode(Difficulty d);  // "housing", "transport", "money", "health", "work"
std::string_view DifficultyLabel(Difficulty d);  // « Logement »…
std::optional<Difficulty> ParseDifficulty(std::string_view code);

struct DifficultyEntry {
  std::int64_t id = 0;
  std::int64_t apprentice_id = 0;
  Difficulty kind = Difficulty::kHousing;
  Date noted_on{};
  std::string description;
  std::optional<Date> resolved_on;
  std::int64_t created_by = 0;
  UnixSeconds created_at = 0;
};

inline constexpr std::string_view kRisks[] = {"none", "low", "high"};
std::string_view RiskLabel(std::string_view code);  // « Aucun », « Faible », « Élevé »; "" unknown

struct RiskEntry {
  std::int64_t id = 0;
  std::int64_t apprentice_id = 0;
  std::string risk;
  std::string reason;
  std::int64_t created_by = 0;
  std::string created_by_name;  // filled by reads
  UnixSeconds created_at = 0;
};

struct ActionEntry {
  std::int64_t id = 0;
  std::int64_t apprentice_id = 0;
  std::string body;
  Date due_on{};
  std::optional<Date> done_on;
  std::int64_t created_by = 0;
  UnixSeconds created_at = 0;
};

struct Note {
  std::int64_t id = 0;
  std::int64_t apprentice_id = 0;
  std::string body;  // "" when hidden from the reader (see CanReadSensitive)
  bool sensitive = false;
  bool hidden = false;  // a sensitive note the reader may not read
  std::int64_t created_by = 0;
  std::string created_by_name;
  UnixSeconds created_at = 0;
};

struct LinkedAidRequest {
  std::int64_t aid_request_id = 0;
  std::string aid_id;
  std::string state;
  Cents amount_cents = 0;
  std::string beneficiary_name;
};

}  // namespace maplace::contracts
