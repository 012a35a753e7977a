#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/budgets/envelope.h"
#include "domain/budgets/transfer.h"

namespace maplace::budgets {

// The envelopes in the store. Every change of amounts is one conditional write, checked and
// applied by the database in the same statement, so that no interleaving of transactions can
// over-commit an envelope: callers need not lock or re-read. The caller validates amounts
// (budgets.h does, and records the audit event in the same transaction).
class BudgetRepository {
 public:
  virtual ~BudgetRepository() = default;

  // Inserts `envelope` (its id and amounts other than allocated_cents are ignored: committed and
  // paid start at 0) and returns its id. kAlreadyExists when an envelope has the same aid, year,
  // funding source and partner.
  virtual Result<std::int64_t> Create(const Envelope& envelope) = 0;
  // kNotFound when there is no such envelope.
  virtual Result<Envelope> Find(std::int64_t id) = 0;
  // The envelopes of one year, or of every year, by year (latest first), aid, source, partner.
  virtual Result<std::vector<Envelope>> List(std::optional<int> year) = 0;

  // committed += amount if it stays within allocated. kFailedPrecondition when it would not
  // (nothing changes), kNotFound for an unknown envelope.
  virtual Status Commit(std::int64_t id, std::int64_t amount_cents, UnixSeconds now) = 0;
  // committed -= amount if it stays at or above paid (a cancelled approval gives its money
  // back; money already paid cannot be released). kFailedPrecondition, kNotFound otherwise.
  virtual Status Release(std::int64_t id, std::int64_t amount_cents, UnixSeconds now) = 0;
  // paid += amount if it stays within committed. kFailedPrecondition, kNotFound otherwise.
  virtual Status RecordPayment(std::int64_t id, std::int64_t amount_cents, UnixSeconds now) = 0;
  // Moves allocated money: from.allocated -= amount if it stays at or above from.committed,
  // to.allocated += amount if it stays within kMaxAllocatedCents. kInvalidArgument when
  // from == to, kNotFound when either is unknown, kFailedPrecondition otherwise; on failure
  // nothing changes only once the caller's transaction is rolled back.
  virtual Status Transfer(std::int64_t from_id, std::int64_t to_id, std::int64_t amount_cents,
                          UnixSeconds now) = 0;

  // Transfer proposals (transfer.h). CreateTransfer stores a proposal in state kProposed (its
  // id and decision fields are ignored) and returns its id.
  virtual Result<std::int64_t> CreateTransfer(const TransferProposal& proposal) = 0;
  // kNotFound when there is no such proposal.
  virtual Result<TransferProposal> FindTransfer(std::int64_t id) = 0;
  // Every proposal, latest first.
  virtual Result<std::vector<TransferProposal>> ListTransfers() = 0;
  // Records the decision if the proposal is still kProposed, in one conditional write (two
  // managers deciding at once: one wins). kFailedPrecondition when it is already decided,
  // kNotFound for an unknown id. The store refuses a decision by the proposer.
  virtual Status DecideTransfer(std::int64_t id, TransferState decision, std::int64_t decided_by,
                                UnixSeconds at, const std::string& note) = 0;
};

}  // namespace maplace::budgets
