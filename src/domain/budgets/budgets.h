#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "domain/budgets/envelope.h"
#include "domain/budgets/transfer.h"
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
// Transfer proposals; the subject is "transfer:<id>".
inline constexpr char kTransferProposedAction[] = "transfer.proposed";
inline constexpr char kTransferApprovedAction[] = "transfer.approved";
inline constexpr char kTransferRefusedAction[] = "transfer.refused";

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

// Proposes moving `amount_cents` of allocated money; nothing moves until another person
// approves. kInvalidArgument with fields "from_id", "to_id", "amount_cents" or "reason" in
// French (unknown envelope, same envelope, amount out of range or above what the source has
// left uncommitted today, no reason).
Result<std::int64_t> ProposeTransfer(Repositories& repos, std::int64_t from_id, std::int64_t to_id,
                                     std::int64_t amount_cents, std::string_view reason,
                                     const Actor& actor);
// Approves (the money moves now, as Transfer does: refused with kFailedPrecondition if the
// source no longer has it) or refuses (`note` required) a proposal. kPermissionDenied when the
// actor proposed it — the store refuses it too —; kFailedPrecondition when it is already
// decided; kNotFound for an unknown proposal.
Status DecideTransfer(Repositories& repos, std::int64_t proposal_id, bool approve,
                      std::string_view note, const Actor& actor);

}  // namespace maplace::budgets
