#include "domain/fakes/in_memory_aid_requests.h"

#include <algorithm>

namespace maplace::fakes {
namespace {

using aid_requests::BatchState;
using aid_requests::Document;
using aid_requests::Message;
using aid_requests::Payment;
using aid_requests::PaymentBatch;
using aid_requests::RequestFilter;
using aid_requests::RequestRecord;
using aid_requests::RequestState;
using aid_requests::StoredBankAccount;

bool Same(const std::optional<std::int64_t>& hand, std::int64_t user) {
  return hand && *hand == user;
}

// The CHECKs of table aid_requests.
Status CheckRow(const RequestRecord& r) {
  const auto& q = r.request;
  const auto& h = q.hands;
  auto refuse = [](const char* what) { return Fail(ErrorCode::kInternal, what); };
  if (q.amount_cents <= 0) return refuse("CHECK amount_cents > 0");
  if (q.paid_cents < 0 || q.paid_cents > q.amount_cents) return refuse("CHECK paid_cents");
  if (Same(h.instructor, h.requester)) return refuse("CHECK instructor <> requester");
  if (h.approver && (*h.approver == h.requester || h.approver == h.instructor))
    return refuse("CHECK approver");
  if (h.committer && (*h.committer == h.requester || h.committer == h.instructor))
    return refuse("CHECK committer");
  const bool money = q.state == RequestState::kCommitted || q.state == RequestState::kPaid;
  if (money && (!h.committer || !r.envelope_id)) return refuse("CHECK committed");
  if (q.state != RequestState::kClosed &&
      (q.state == RequestState::kPaid) != (q.paid_cents == q.amount_cents))
    return refuse("CHECK paid");
  if (q.paid_cents != 0 && !money && q.state != RequestState::kClosed)
    return refuse("CHECK paid state");
  return Ok();
}

bool SameHands(const aid_requests::Hands& a, const aid_requests::Hands& b) {
  return a.requester == b.requester && a.instructor == b.instructor && a.approver == b.approver &&
         a.committer == b.committer;
}

bool Changed(const std::optional<std::int64_t>& before, const std::optional<std::int64_t>& after) {
  return before && before != after;
}

class AidRequests final : public aid_requests::AidRequestRepository {
 public:
  explicit AidRequests(AidRequestsState& s) : s_(s) {}

  Result<std::int64_t> Create(const RequestRecord& record) override {
    RequestRecord copy = record;
    copy.request.id = s_.next_id++;
    if (auto ok = CheckRow(copy); !ok) return Fail(ok.error());
    s_.requests[copy.request.id] = copy;
    return copy.request.id;
  }
  Result<RequestRecord> Find(std::int64_t id) override {
    auto it = s_.requests.find(id);
    if (it == s_.requests.end()) return Fail(ErrorCode::kNotFound, "no such aid request");
    return it->second;
  }
  Status Update(const RequestRecord& record, RequestState expected_state,
                std::int64_t expected_paid_cents) override {
    auto it = s_.requests.find(record.request.id);
    if (it == s_.requests.end()) return Fail(ErrorCode::kNotFound, "no such aid request");
    RequestRecord& stored = it->second;
    if (stored.request.state != expected_state || stored.request.paid_cents != expected_paid_cents)
      return Fail(ErrorCode::kFailedPrecondition, "aid request changed since it was read");
    RequestRecord next = record;
    next.request.aid_id = stored.request.aid_id;
    next.request.hands.requester = stored.request.hands.requester;
    next.situation_json = stored.situation_json;
    next.request.created_at = stored.request.created_at;
    const auto& before = stored.request.hands;
    const auto& after = next.request.hands;
    if (Changed(before.instructor, after.instructor) || Changed(before.approver, after.approver) ||
        Changed(before.committer, after.committer) || Changed(stored.envelope_id, next.envelope_id))
      return Fail(ErrorCode::kInternal, "trigger aid_requests_hands_stay");
    if (auto ok = CheckRow(next); !ok) return ok;
    stored = next;
    return Ok();
  }
  Result<std::vector<RequestRecord>> List(const RequestFilter& f) override {
    std::vector<RequestRecord> out;
    for (const auto& [id, r] : s_.requests) {
      const auto& q = r.request;
      if (!f.states.empty() &&
          std::find(f.states.begin(), f.states.end(), q.state) == f.states.end())
        continue;
      if (f.requester_id && q.hands.requester != *f.requester_id) continue;
      if (f.organisation_id && q.organisation_id != f.organisation_id) continue;
      if (f.amount_above_cents && q.amount_cents <= *f.amount_above_cents) continue;
      out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const RequestRecord& a, const RequestRecord& b) {
      return std::pair(a.request.updated_at, a.request.id) >
             std::pair(b.request.updated_at, b.request.id);
    });
    if (out.size() > static_cast<std::size_t>(std::max(f.limit, 0)))
      out.resize(static_cast<std::size_t>(std::max(f.limit, 0)));
    return out;
  }

  Result<std::int64_t> AddMessage(const Message& message) override {
    if (!s_.requests.contains(message.request_id))
      return Fail(ErrorCode::kInternal, "FOREIGN KEY request_id");
    if (message.body.size() > aid_requests::kMaxMessageBytes)
      return Fail(ErrorCode::kInternal, "CHECK body length");
    Message copy = message;
    copy.id = s_.next_id++;
    s_.messages[copy.id] = copy;
    return copy.id;
  }
  Result<std::vector<Message>> Messages(std::int64_t request_id) override {
    std::vector<Message> out;
    for (const auto& [id, m] : s_.messages) {
      if (m.request_id == request_id) out.push_back(m);
    }
    return out;
  }

  Result<std::int64_t> AddDocument(const Document& document) override {
    for (const auto& [id, d] : s_.documents) {
      if (d.stored_name == document.stored_name)
        return Fail(ErrorCode::kAlreadyExists, "UNIQUE stored_name");
    }
    Document copy = document;
    copy.id = s_.next_id++;
    s_.documents[copy.id] = copy;
    return copy.id;
  }
  Result<std::vector<Document>> Documents(std::int64_t request_id) override {
    std::vector<Document> out;
    for (const auto& [id, d] : s_.documents) {
      if (d.request_id == request_id) out.push_back(d);
    }
    return out;
  }

  Result<std::int64_t> CreateBankAccount(const StoredBankAccount& account) override {
    if (account.owner_user_id.has_value() == account.owner_organisation_id.has_value())
      return Fail(ErrorCode::kInternal, "CHECK one owner");
    StoredBankAccount copy = account;
    copy.id = s_.next_id++;
    s_.bank_accounts[copy.id] = copy;
    return copy.id;
  }
  Result<StoredBankAccount> FindBankAccount(std::int64_t id) override {
    auto it = s_.bank_accounts.find(id);
    if (it == s_.bank_accounts.end()) return Fail(ErrorCode::kNotFound, "no such bank account");
    return it->second;
  }

  Result<PaymentBatch> CreateOrFindBatch(bool& created, const std::string& message_id,
                                         std::int64_t created_by, UnixSeconds now) override {
    for (const auto& [id, b] : s_.batches) {
      if (b.message_id == message_id) {
        created = false;
        return b;
      }
    }
    created = true;
    PaymentBatch batch{s_.next_id++, message_id, BatchState::kOpen, created_by, now, {}, {}};
    s_.batches[batch.id] = batch;
    return batch;
  }
  Result<PaymentBatch> FindBatch(std::int64_t id) override {
    auto it = s_.batches.find(id);
    if (it == s_.batches.end()) return Fail(ErrorCode::kNotFound, "no such payment batch");
    return it->second;
  }
  Status SetBatchState(std::int64_t id, BatchState from, BatchState to, UnixSeconds now) override {
    auto it = s_.batches.find(id);
    if (it == s_.batches.end()) return Fail(ErrorCode::kNotFound, "no such payment batch");
    if (it->second.state != from)
      return Fail(ErrorCode::kFailedPrecondition, "payment batch not in that state");
    it->second.state = to;
    (to == BatchState::kConfirmed ? it->second.confirmed_at : it->second.sent_at) = now;
    return Ok();
  }

  Result<bool> InsertPayment(const Payment& payment) override {
    // The BEFORE INSERT trigger runs first, then the CHECK, then the unique keys.
    auto request = s_.requests.find(payment.request_id);
    if (request == s_.requests.end() || request->second.request.state != RequestState::kCommitted ||
        !SameHands(request->second.request.hands, payment.hands) ||
        request->second.envelope_id != payment.envelope_id)
      return Fail(ErrorCode::kInternal, "trigger payments_hands_are_the_requests");
    const auto& h = payment.hands;
    if (payment.executed_by == h.requester || Same(h.instructor, payment.executed_by) ||
        Same(h.approver, payment.executed_by) || Same(h.committer, payment.executed_by))
      return Fail(ErrorCode::kInternal, "CHECK executed_by");
    if (payment.instalment < 1 || payment.amount_cents <= 0)
      return Fail(ErrorCode::kInternal, "CHECK payment amounts");
    for (const auto& [id, p] : s_.payments) {
      if (p.idempotency_key == payment.idempotency_key ||
          (p.request_id == payment.request_id && p.instalment == payment.instalment))
        return false;
    }
    Payment copy = payment;
    copy.id = s_.next_id++;
    s_.payments[copy.id] = copy;
    return true;
  }
  Result<std::optional<Payment>> FindPaymentByKey(const std::string& key) override {
    for (const auto& [id, p] : s_.payments) {
      if (p.idempotency_key == key) return std::optional<Payment>(p);
    }
    return std::optional<Payment>();
  }
  Result<std::vector<Payment>> Payments(std::optional<std::int64_t> request_id,
                                        std::optional<std::int64_t> batch_id) override {
    std::vector<Payment> out;
    for (const auto& [id, p] : s_.payments) {
      if (request_id && p.request_id != *request_id) continue;
      if (!request_id && batch_id && p.batch_id != *batch_id) continue;
      out.push_back(p);
    }
    return out;
  }

 private:
  AidRequestsState& s_;
};

}  // namespace

std::unique_ptr<aid_requests::AidRequestRepository> MakeInMemoryAidRequests(
    AidRequestsState& state) {
  return std::make_unique<AidRequests>(state);
}

}  // namespace maplace::fakes
