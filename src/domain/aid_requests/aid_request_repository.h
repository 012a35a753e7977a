#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/aid_requests/request.h"

namespace maplace::aid_requests {

// A request as stored: the workflow's view (AidRequest) and what the pages show with it.
struct RequestRecord {
  AidRequest request;
  std::string beneficiary_name;  // the apprentice (or the CFA for the social support)
  std::string situation_json;    // the simulation the request came from (aids::SituationToJson)
  std::optional<std::int64_t> envelope_id;      // set by the commitment
  std::string decision_reason;                  // the approval's or the rejection's reason
  std::optional<std::int64_t> bank_account_id;  // where the money goes
};

// One line of the thread the requester sees: a message, or an action with its comment.
struct Message {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  std::int64_t author_id = 0;
  std::string kind;  // "message" or an ActionCode ("request_complement")
  std::string body;  // at most kMaxMessageBytes
  UnixSeconds created_at = 0;
};
inline constexpr std::size_t kMaxMessageBytes = 4000;

// A supporting document. The bytes are in the documents folder under `stored_name` (random).
struct Document {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  std::int64_t uploaded_by = 0;
  std::string stored_name;    // 32 random base64url characters; the only name used as a path
  std::string original_name;  // shown, never used as a path
  std::string content_type;   // "application/pdf", "image/jpeg", "image/png"
  std::int64_t size_bytes = 0;
  std::string sha256;  // lowercase hex
  UnixSeconds created_at = 0;
};

// A beneficiary's bank details, the IBAN sealed (core/secret_box.h).
struct StoredBankAccount {
  std::int64_t id = 0;
  std::optional<std::int64_t> owner_user_id;  // exactly one owner
  std::optional<std::int64_t> owner_organisation_id;
  std::string holder;       // HolderName::display
  std::string iban_sealed;  // SecretBox::Seal of Iban::electronic()
  std::string iban_masked;  // Iban::Masked(), the only form shown
  std::string bic;          // "" when none was given
  UnixSeconds created_at = 0;
};

enum class BatchState { kOpen, kSent, kConfirmed };
std::string_view BatchStateCode(BatchState state);  // "open", "sent", "confirmed"
std::optional<BatchState> ParseBatchState(std::string_view code);

// One SEPA credit transfer file. Its message id is the batch's idempotency key.
struct PaymentBatch {
  std::int64_t id = 0;
  std::string message_id;
  BatchState state = BatchState::kOpen;
  std::int64_t created_by = 0;
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> sent_at;
  std::optional<UnixSeconds> confirmed_at;
};

// One instalment paid on a request, with the request's hands copied in: the database refuses
// a payment whose executor is one of them, or whose copies are not the request's.
struct Payment {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  int instalment = 1;
  std::int64_t amount_cents = 0;
  std::string idempotency_key;  // "<batch message id>-<request id>-<instalment>"
  std::int64_t batch_id = 0;
  std::int64_t bank_account_id = 0;
  std::int64_t envelope_id = 0;
  std::int64_t executed_by = 0;
  Hands hands;  // requester, instructor, approver (may be absent), committer
  UnixSeconds created_at = 0;
};

// Which requests to list; every set criterion must hold.
struct RequestFilter {
  std::vector<RequestState> states;  // empty: any state
  std::optional<std::int64_t> requester_id;
  std::optional<std::int64_t> organisation_id;
  std::optional<std::int64_t> amount_above_cents;  // amount_cents > this
  int limit = 200;
};

// The aid requests and their payments in the store. One instance belongs to one transaction
// (Repositories). Callers validate; the store enforces the same rules once more (CHECKs and
// triggers of migration 0009) and answers kAlreadyExists or kInternal when they break one.
class AidRequestRepository {
 public:
  virtual ~AidRequestRepository() = default;

  // Inserts the request (its id is ignored) and returns its id.
  virtual Result<std::int64_t> Create(const RequestRecord& record) = 0;
  // kNotFound when there is no such request.
  virtual Result<RequestRecord> Find(std::int64_t id) = 0;
  // Writes every field of `record` except the requester, the aid, the situation and
  // created_at, provided the stored request is still in `expected_state` with
  // `expected_paid_cents` paid: a conditional write, so that two transactions acting on the
  // same read cannot both succeed (PostgreSQL runs READ COMMITTED). kFailedPrecondition when
  // the request changed, kNotFound when there is none.
  virtual Status Update(const RequestRecord& record, RequestState expected_state,
                        std::int64_t expected_paid_cents) = 0;
  // By last change, latest first.
  virtual Result<std::vector<RequestRecord>> List(const RequestFilter& filter) = 0;

  virtual Result<std::int64_t> AddMessage(const Message& message) = 0;
  // In the order they were written.
  virtual Result<std::vector<Message>> Messages(std::int64_t request_id) = 0;

  virtual Result<std::int64_t> AddDocument(const Document& document) = 0;
  virtual Result<std::vector<Document>> Documents(std::int64_t request_id) = 0;

  virtual Result<std::int64_t> CreateBankAccount(const StoredBankAccount& account) = 0;
  virtual Result<StoredBankAccount> FindBankAccount(std::int64_t id) = 0;

  // The batch of `message_id`, inserted as open by `created_by` at `now` unless it exists
  // (INSERT … ON CONFLICT DO NOTHING, then read): a replay finds the first one. `created`
  // is true when this call inserted it.
  virtual Result<PaymentBatch> CreateOrFindBatch(bool& created, const std::string& message_id,
                                                 std::int64_t created_by, UnixSeconds now) = 0;
  virtual Result<PaymentBatch> FindBatch(std::int64_t id) = 0;
  // Moves the batch from `from` to `to`, stamping sent_at or confirmed_at with `now`.
  // kFailedPrecondition when it is not in `from`, kNotFound when there is none.
  virtual Status SetBatchState(std::int64_t id, BatchState from, BatchState to,
                               UnixSeconds now) = 0;

  // Inserts the payment unless one with its idempotency key or its (request, instalment)
  // exists (INSERT … ON CONFLICT DO NOTHING): true when it was inserted, false when it was
  // not. Returns an error when the store refuses it (hands, state: the triggers).
  virtual Result<bool> InsertPayment(const Payment& payment) = 0;
  virtual Result<std::optional<Payment>> FindPaymentByKey(const std::string& key) = 0;
  // Payments of a request (request_id set), of a batch (batch_id set), or all, by id.
  virtual Result<std::vector<Payment>> Payments(std::optional<std::int64_t> request_id,
                                                std::optional<std::int64_t> batch_id) = 0;
};

}  // namespace maplace::aid_requests
