#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "core/secret_box.h"
#include "domain/aid_requests/aid_request_repository.h"
#include "domain/aid_requests/workflow.h"
#include "domain/aids/aids_service.h"
#include "domain/journal/invariants.h"
#include "domain/payments/sepa.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::aid_requests {

// Whether people can request `aid` here: the delegation's own aids, those whose payer is AKTO
// (the OPCO the delegation acts for: ultramarine-mobility and social-support in rules/aids/),
// paid once (period "once", so the request's amount is the whole aid). Other aids are
// paid by the State, France Travail, the CTM, LADOM or Action Logement, each with its own
// channel (the simulator's « Comment la demander »).
bool IsRequestable(const aids::AidDefinition& aid);

struct ServiceOptions {
  Policy policy;                        // approval threshold: 1 500 € by default
  std::filesystem::path documents_dir;  // <data dir>/documents, outside the web root
  std::int64_t max_document_bytes = 5 * 1024 * 1024;
};

// What a requester gives to start a request from a simulation.
struct StartInput {
  std::string aid_id;
  aids::Situation situation;
  std::string beneficiary_name;  // the apprentice; "" for a young person asking for themself
  // Less than the engine's amount when the aid is a maximum; absent: the engine's amount.
  std::optional<std::int64_t> amount_cents;
};

// A request with everything its page shows.
struct RequestView {
  RequestRecord record;
  std::vector<Message> messages;
  std::vector<Document> documents;
  std::vector<Payment> payments;
  std::string bank_holder;  // "" when no account is given
  std::string iban_masked;  // "FR76 **** … 189"; the full IBAN never leaves the service
};

// The advisors' work lists.
enum class Queue {
  kToInstruct,            // submitted, or under instruction
  kWaitingForComplement,  // complement requested
  kToApprove,             // under instruction above the approval threshold (managers)
  kToCommit,              // approved (managers)
  kToPay,                 // committed (finance)
};

// One instalment finance pays: the page proposes the next instalment number.
struct PaymentOrder {
  std::int64_t request_id = 0;
  int instalment = 1;
  std::int64_t amount_cents = 0;
};

struct BatchOutcome {
  PaymentBatch batch;
  std::vector<Payment> payments;  // every payment of the batch, new or replayed
  int paid_now = 0;               // payments this call inserted (0 on a replay)
};

// The debtor side of the SEPA file, from the configuration.
struct TransferOptions {
  payments::Debtor debtor;
  std::string initiating_party;
  Date execution_date;
};

struct BatchFiles {
  std::string pain001_xml;     // for the bank
  std::string accounting_csv;  // for accounting, IBANs masked
};

// The use cases of aid requests and their payments. Each change is one Store::Write that
// applies the workflow's Check(), writes the request with a conditional update (so two
// transactions acting on the same read cannot both pass), moves the envelope's money through
// domain/budgets and appends its money-journal entry: all of it or nothing.
// Refusals carry French messages: kPermissionDenied (the four-eyes rules, roles),
// kFailedPrecondition (the state, a request changed meanwhile, an envelope too short),
// kInvalidArgument (Error::fields names the form field), kNotFound (also for a request the
// actor may not see). Thread-safe; keeps references to its arguments.
class AidRequestService {
 public:
  AidRequestService(Store& store, const aids::AidsService& aids, const crypto::SecretBox& box,
                    const Clock& clock, ServiceOptions options);

  // A young person, an employer or a CFA (their organisation is the request's) starts a draft
  // for `input.aid_id`. The situation is evaluated again here; the aid must be requestable
  // (IsRequestable) and eligible: « Cette aide ne correspond pas à votre situation : … »
  // lists the conditions not met. The amount is the engine's, or less when it is a maximum.
  Result<RequestRecord> StartRequest(const people::Actor& actor, const StartInput& input);
  // The requester sends the draft; the stored situation is evaluated again on the rules in
  // force, and the request refused if the aid no longer applies or its maximum fell below it.
  Result<RequestRecord> Submit(const people::Actor& actor, std::int64_t id);
  Result<RequestRecord> TakeUp(const people::Actor& actor, std::int64_t id);
  // `message` (required) says what is missing; the requester sees it.
  Result<RequestRecord> RequestComplement(const people::Actor& actor, std::int64_t id,
                                          const std::string& message);
  Result<RequestRecord> AnswerComplement(const people::Actor& actor, std::int64_t id,
                                         const std::string& message);
  // `reason` is required (fields["reason"]).
  Result<RequestRecord> Approve(const people::Actor& actor, std::int64_t id,
                                const std::string& reason);
  Result<RequestRecord> Reject(const people::Actor& actor, std::int64_t id,
                               const std::string& reason);
  // Commits the request's amount against an envelope of the same aid (fields["envelope_id"]).
  Result<RequestRecord> Commit(const people::Actor& actor, std::int64_t id,
                               std::int64_t envelope_id);
  Result<RequestRecord> Close(const people::Actor& actor, std::int64_t id);
  // A message in the thread, from the requester's side or staff.
  Result<Message> PostMessage(const people::Actor& actor, std::int64_t id, const std::string& body);

  // A PDF, JPEG or PNG (by its first bytes) of at most 5 Mo, from the requester's side while
  // the request is not decided. Stored under a random name in the documents folder;
  // `original_name` is only shown.
  Result<Document> AddDocument(const people::Actor& actor, std::int64_t id, std::string_view bytes,
                               std::string_view original_name);
  // The bytes of a document, for whoever may see the request.
  Result<std::string> ReadDocument(const people::Actor& actor, std::int64_t id,
                                   std::int64_t document_id);
  // The requester's side gives the bank details (checked by payments::ParseBankAccount, the
  // IBAN sealed) until the request is decided; afterwards they are fixed.
  Result<RequestRecord> SetBankAccount(const people::Actor& actor, std::int64_t id,
                                       std::string_view holder, std::string_view iban,
                                       std::string_view bic);

  // Finance pays instalments in a batch whose message id is `batch_key` (1 to 20 letters,
  // digits or dashes, the client's idempotency key). Each payment's key is
  // "<batch_key>-<request>-<instalment>": replaying the same call pays nothing more and
  // returns the same batch; the same key with another amount is refused. A request is paid
  // when its instalments reach its amount.
  Result<BatchOutcome> PayBatch(const people::Actor& actor, const std::string& batch_key,
                                const std::vector<PaymentOrder>& orders);
  // The pain.001.001.03 file and the accounting CSV of a batch (finance only).
  Result<BatchFiles> Files(const people::Actor& actor, std::int64_t batch_id,
                           const TransferOptions& options);
  Status MarkSent(const people::Actor& actor, std::int64_t batch_id);
  Status MarkConfirmed(const people::Actor& actor, std::int64_t batch_id);

  // One request with its thread, documents and payments: for the requester, the members of
  // its organisation, and advisors, managers and finance (kNotFound for anyone else).
  Result<RequestView> View(const people::Actor& actor, std::int64_t id);
  // Staff only (kPermissionDenied otherwise).
  Result<std::vector<RequestRecord>> List(const people::Actor& actor, Queue queue);
  // The requester's requests, or their organisation's.
  Result<std::vector<RequestRecord>> Mine(const people::Actor& actor);

  const Policy& policy() const { return options_.policy; }

 private:
  Result<RequestRecord> Apply(
      const people::Actor& actor, std::int64_t id, RequestAction action, const std::string& comment,
      const std::function<Status(Repositories&, RequestRecord&, const Step&)>& apply);
  Result<aids::Aid> Reevaluate(const std::string& aid_id, const aids::Situation& situation) const;

  Store& store_;
  const aids::AidsService& aids_;
  const crypto::SecretBox& box_;
  const Clock& clock_;
  ServiceOptions options_;
};

// The money invariants of aid requests, for `maplace audit verify` (journal::RunChecks):
// "payments.once" (one payment per instalment and key, instalments 1..n),
// "requests.paid" (paid_cents = Σ its payments; state paid ⇔ paid_cents = amount; payments
// only on committed requests), "envelopes.amounts" (Σ payments = paid ≤ committed ≤
// allocated, Σ committed requests ≤ committed), "journal.payments" (one payment.executed
// entry per payment).
std::vector<journal::InvariantCheck> InvariantChecks();

}  // namespace maplace::aid_requests
