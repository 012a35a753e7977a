#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "domain/budgets/envelope.h"
#include "domain/conventions/convention.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::conventions {

// The audit actions; the subject is "convention:<id>". Those that carry money are chained into
// the money journal too, with their amount (an amount changed: before_ref and after_ref hold
// the old and new cents).
inline constexpr char kCreatedAction[] = "convention.created";
inline constexpr char kUpdatedAction[] = "convention.updated";
inline constexpr char kAmountChangedAction[] = "convention.amount_changed";
inline constexpr char kInstalmentAddedAction[] = "convention.instalment_added";
inline constexpr char kInstalmentReceivedAction[] = "convention.instalment_received";
inline constexpr char kInstalmentReopenedAction[] = "convention.instalment_reopened";
inline constexpr char kCommitmentAddedAction[] = "convention.commitment_added";
inline constexpr char kProgressAction[] = "convention.progress_recorded";

// Amounts are in cents, parsed from the form by the caller: nullopt when empty or not an
// amount (the French message is the service's).
struct ConventionInput {
  std::int64_t organisation_id = 0;  // a partner organisation
  std::string reference;
  std::string object;
  std::string starts_on, ends_on;  // ISO dates
  std::optional<std::int64_t> amount_cents;
  std::vector<std::int64_t> envelope_ids;
  std::string notes;
};

struct InstalmentInput {
  std::string due_on;  // ISO date
  std::optional<std::int64_t> amount_cents;
};

struct CommitmentInput {
  std::string description;
  std::string indicator;
  std::string target;  // a whole number
  std::string due_on;  // ISO date
};

struct ProgressInput {
  std::string achieved;  // a whole number
  std::string status;    // a CommitmentStatusCode
  std::string note;
};

// What an envelope the convention funds has committed and paid, from the money journal (as the
// /budgets page reads it).
struct EnvelopeUse {
  budgets::Envelope envelope;
  std::int64_t committed_cents = 0;
  std::int64_t paid_cents = 0;
};

struct ConventionSheet {
  ConventionRow row;
  std::vector<EnvelopeUse> envelopes;
  std::int64_t committed_cents = 0;  // over the envelopes
  std::int64_t paid_cents = 0;
  std::vector<Instalment> instalments;
  std::int64_t scheduled_cents = 0;  // over the instalments
  std::vector<Commitment> commitments;
  std::vector<FollowUp> follow_ups;  // newest first
};

// A partner organisation, for the form.
struct PartnerChoice {
  std::int64_t id = 0;
  std::string name;
};

// Partner conventions (issue 8 §6). Every member of the staff reads them and records progress
// on commitments; only managers, finance and administrators set their terms and money (object,
// dates, amount, envelopes, schedule, commitments). Anyone else: kPermissionDenied. Each use
// case is one transaction, audited. Thread-safe; keeps references to its arguments.
class ConventionService {
 public:
  ConventionService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  static bool CanRead(people::Role role);
  static bool CanEdit(people::Role role);

  Result<std::int64_t> Create(const people::Actor& actor, const ConventionInput& input);
  // The amount never below what the schedule already holds.
  Status Update(const people::Actor& actor, std::int64_t id, const ConventionInput& input);
  // The schedule never above the convention's amount.
  Result<std::int64_t> AddInstalment(const people::Actor& actor, std::int64_t convention_id,
                                     const InstalmentInput& input);
  // Received today (Martinique), or not received after all.
  Status SetReceived(const people::Actor& actor, std::int64_t instalment_id, bool received);
  Result<std::int64_t> AddCommitment(const people::Actor& actor, std::int64_t convention_id,
                                     const CommitmentInput& input);
  // Any staff member: a follow-up entry, and the commitment's achieved value and status.
  Status RecordProgress(const people::Actor& actor, std::int64_t commitment_id,
                        const ProgressInput& input);

  // `filter.q` as typed (folded here); `filter.today` is set here.
  Result<std::vector<ConventionRow>> List(const people::Actor& actor, ConventionFilter filter);
  Result<ConventionSheet> Sheet(const people::Actor& actor, std::int64_t id);
  Result<std::vector<PartnerChoice>> Partners(const people::Actor& actor);
  // Every envelope, latest year first.
  Result<std::vector<budgets::Envelope>> Envelopes(const people::Actor& actor);
  // The list with its filters, as XLSX.
  Result<std::string> Export(const people::Actor& actor, ConventionFilter filter);

  Date Today() const;

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace maplace::conventions
