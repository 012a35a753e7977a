#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "domain/budgets/envelope.h"
#include "domain/store.h"

namespace maplace::budgets {

// The audit actions of envelope changes; the subject is "envelope:<id>" (a transfer records one
// event on each envelope).
inline constexpr char kCreatedAction[] = "envelope.created";
inline constexpr char kCommittedAction[] = "envelope.committed";
inline constexpr char kReleasedAction[] = "envelope.released";
inline constexpr char kPaidAction[] = "envelope.paid";
inline constexpr char kTransferredOutAction[] = "envelope.transferred_out";
inline constexpr char kTransferredInAction[] = "envelope.transferred_in";

// Who changes an envelope, and when: the audit event's actor, instant and address.
struct Actor {
  std::int64_t user_id = 0;  // 0: the system
  UnixSeconds now = 0;
  std::string client_address;
};

// Each operation runs in the caller's transaction (inside Store::Write) and appends its audit
// event there, so the change and its trace are committed together or not at all. A failure
// leaves the transaction to be rolled back: return it from the Write's work.

// Creates an envelope with nothing committed. kInvalidArgument, with Error::fields naming
// "aid_id", "year", "partner", "label" or "allocated_cents" in French, when the envelope is
// malformed; kAlreadyExists (fields["partner"]) when the aid already has an envelope of that
// year, source and partner. Whether the aid exists is the caller's check (it holds the rules).
Result<std::int64_t> CreateEnvelope(Repositories& repos, const Envelope& envelope,
                                    const Actor& actor);

// Commits `amount_cents` of the envelope to an approved request. kInvalidArgument
// (fields["amount_cents"]) for an amount outside [kMinAmountCents, kMaxAmountCents];
// kFailedPrecondition (fields["amount_cents"] « L'enveloppe ne couvre pas ce montant. ») when
// the envelope's available money is short; kNotFound for an unknown envelope.
Status Commit(Repositories& repos, std::int64_t envelope_id, std::int64_t amount_cents,
              const Actor& actor);
// Gives back committed money when an approval is cancelled. kFailedPrecondition when it would
// release more than is committed and not yet paid.
Status Release(Repositories& repos, std::int64_t envelope_id, std::int64_t amount_cents,
               const Actor& actor);
// Records that committed money was paid. kFailedPrecondition when it would pay more than is
// committed.
Status RecordPayment(Repositories& repos, std::int64_t envelope_id, std::int64_t amount_cents,
                     const Actor& actor);
// Moves allocated money between two envelopes. kInvalidArgument when they are the same;
// kFailedPrecondition when the source's uncommitted money is short or the destination would
// exceed kMaxAllocatedCents.
Status Transfer(Repositories& repos, std::int64_t from_id, std::int64_t to_id,
                std::int64_t amount_cents, const Actor& actor);

}  // namespace maplace::budgets
