#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"

// Partner conventions (issue 8 §6): what a partner (LADOM, a mission locale…) and the delegation
// agreed, the money it brings and when, the aid envelopes it funds, and what the delegation
// committed to in return. Staff only.
namespace maplace::conventions {

struct Convention {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;  // the partner
  std::string reference;             // "" when none
  std::string object;
  Date starts_on{}, ends_on{};
  std::int64_t amount_cents = 0;
  std::string notes;
  std::int64_t created_by = 0;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// A payment the partner makes to the delegation, as scheduled.
struct Instalment {
  std::int64_t id = 0;
  std::int64_t convention_id = 0;
  Date due_on{};
  std::int64_t amount_cents = 0;
  std::optional<Date> received_on;
  UnixSeconds created_at = 0;
};

enum class CommitmentStatus { kPlanned, kInProgress, kMet, kMissed };
inline constexpr CommitmentStatus kCommitmentStatuses[] = {
    CommitmentStatus::kPlanned, CommitmentStatus::kInProgress, CommitmentStatus::kMet,
    CommitmentStatus::kMissed};
std::string_view CommitmentStatusCode(CommitmentStatus status);   // "planned", "in_progress"…
std::string_view CommitmentStatusLabel(CommitmentStatus status);  // « Prévu », « En cours »…
std::optional<CommitmentStatus> ParseCommitmentStatus(std::string_view code);

// A counterpart commitment: « 40 jeunes accompagnés en mobilité » by a date.
struct Commitment {
  std::int64_t id = 0;
  std::int64_t convention_id = 0;
  std::string description;
  std::string indicator;  // what is counted: « jeunes partis en mobilité »
  std::int64_t target = 0;
  std::int64_t achieved = 0;
  Date due_on{};
  CommitmentStatus status = CommitmentStatus::kPlanned;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// One progress recorded on a commitment; kept as written.
struct FollowUp {
  std::int64_t id = 0;
  std::int64_t commitment_id = 0;
  std::int64_t author_id = 0;
  Date recorded_on{};
  std::int64_t achieved = 0;
  CommitmentStatus status = CommitmentStatus::kPlanned;
  std::string note;
  UnixSeconds created_at = 0;
  std::string author_name;  // filled by FollowUps
};

// A convention as the list shows it.
struct ConventionRow {
  Convention convention;
  std::string partner_name;
  int commitments = 0;
  int commitments_met = 0;
  std::int64_t received_cents = 0;  // instalments received
};

enum class Period { kAny, kCurrent, kUpcoming, kEnded };

// Every field empty/zero: no filter.
struct ConventionFilter {
  std::int64_t organisation_id = 0;
  std::optional<int> year;  // in force at some time of that calendar year
  Period period = Period::kAny;
  Date today{};  // for the period
  // Words, each within the object or reference, accents and case aside (crm::FoldName).
  std::string q;
  bool late = false;  // with a commitment past its due date, neither met nor missed
};

class ConventionRepository {
 public:
  virtual ~ConventionRepository() = default;

  virtual Result<std::int64_t> Create(const Convention& convention) = 0;
  // Every field but organisation_id, created_by and created_at. kNotFound for an unknown id.
  virtual Status Update(const Convention& convention) = 0;
  virtual Result<Convention> Find(std::int64_t id) = 0;
  // Newest start first. `filter.q` is the service's: the store ignores it.
  virtual Result<std::vector<ConventionRow>> List(const ConventionFilter& filter) = 0;

  // The envelopes it funds, replaced as a whole; by id.
  virtual Status SetEnvelopes(std::int64_t convention_id,
                              const std::vector<std::int64_t>& envelope_ids) = 0;
  virtual Result<std::vector<std::int64_t>> Envelopes(std::int64_t convention_id) = 0;

  virtual Result<std::int64_t> AddInstalment(const Instalment& instalment) = 0;
  virtual Result<Instalment> FindInstalment(std::int64_t id) = 0;
  // Sets or clears received_on. kNotFound for an unknown id.
  virtual Status SetReceived(std::int64_t instalment_id, std::optional<Date> received_on) = 0;
  // By due date.
  virtual Result<std::vector<Instalment>> Instalments(std::int64_t convention_id) = 0;

  virtual Result<std::int64_t> AddCommitment(const Commitment& commitment) = 0;
  virtual Result<Commitment> FindCommitment(std::int64_t id) = 0;
  // achieved, status and updated_at. kNotFound for an unknown id.
  virtual Status UpdateProgress(const Commitment& commitment) = 0;
  // By due date.
  virtual Result<std::vector<Commitment>> Commitments(std::int64_t convention_id) = 0;

  virtual Result<std::int64_t> AddFollowUp(const FollowUp& follow_up) = 0;
  // Every follow-up of the convention's commitments, newest first, with the authors' names.
  virtual Result<std::vector<FollowUp>> FollowUps(std::int64_t convention_id) = 0;
};

}  // namespace maplace::conventions
