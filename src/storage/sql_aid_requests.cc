#include "storage/sql_aid_requests.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <deque>

#include "storage/sql_repositories.h"

namespace maplace::storage {
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

// A nullable id column, bound with its indicator.
struct NullableId {
  long long value = 0;
  soci::indicator ind = soci::i_null;

  NullableId() = default;
  explicit NullableId(std::optional<std::int64_t> id)
      : value(id.value_or(0)), ind(id ? soci::i_ok : soci::i_null) {}
  std::optional<std::int64_t> get() const {
    return ind == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
  }
};

constexpr char kRequestColumns[] =
    "id, aid_id, state, requester_id, organisation_id, beneficiary_name, amount_cents, "
    "paid_cents, situation_json, envelope_id, instructor_id, approver_id, committer_id, "
    "decision_reason, bank_account_id, created_at, updated_at";

struct RequestRow {
  long long id = 0, requester = 0, amount = 0, paid = 0, created = 0, updated = 0;
  NullableId organisation, envelope, instructor, approver, committer, bank_account;
  std::string aid_id, state, beneficiary, situation, reason;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(aid_id));
    st.exchange(soci::into(state));
    st.exchange(soci::into(requester));
    st.exchange(soci::into(organisation.value, organisation.ind));
    st.exchange(soci::into(beneficiary));
    st.exchange(soci::into(amount));
    st.exchange(soci::into(paid));
    st.exchange(soci::into(situation));
    st.exchange(soci::into(envelope.value, envelope.ind));
    st.exchange(soci::into(instructor.value, instructor.ind));
    st.exchange(soci::into(approver.value, approver.ind));
    st.exchange(soci::into(committer.value, committer.ind));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(bank_account.value, bank_account.ind));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }
  RequestRecord ToRecord() const {
    RequestRecord r;
    r.request.id = id;
    r.request.aid_id = aid_id;
    // The table's CHECK admits only the nine codes.
    r.request.state = aid_requests::ParseState(state).value_or(RequestState::kDraft);
    r.request.amount_cents = amount;
    r.request.paid_cents = paid;
    r.request.organisation_id = organisation.get();
    r.request.hands = {requester, instructor.get(), approver.get(), committer.get()};
    r.request.created_at = created;
    r.request.updated_at = updated;
    r.beneficiary_name = beneficiary;
    r.situation_json = situation;
    r.envelope_id = envelope.get();
    r.decision_reason = reason;
    r.bank_account_id = bank_account.get();
    return r;
  }
};

constexpr char kPaymentColumns[] =
    "id, request_id, instalment, amount_cents, idempotency_key, batch_id, bank_account_id, "
    "envelope_id, executed_by, requester_id, instructor_id, approver_id, committer_id, "
    "created_at";

struct PaymentRow {
  long long id = 0, request = 0, amount = 0, batch = 0, account = 0, envelope = 0, executor = 0,
            requester = 0, instructor = 0, committer = 0, created = 0;
  int instalment = 0;
  NullableId approver;
  std::string key;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(request));
    st.exchange(soci::into(instalment));
    st.exchange(soci::into(amount));
    st.exchange(soci::into(key));
    st.exchange(soci::into(batch));
    st.exchange(soci::into(account));
    st.exchange(soci::into(envelope));
    st.exchange(soci::into(executor));
    st.exchange(soci::into(requester));
    st.exchange(soci::into(instructor));
    st.exchange(soci::into(approver.value, approver.ind));
    st.exchange(soci::into(committer));
    st.exchange(soci::into(created));
  }
  Payment ToPayment() const {
    return Payment{
        id,     request, instalment, amount,   key,
        batch,  account, envelope,   executor, {requester, instructor, approver.get(), committer},
        created};
  }
};

class SqlAidRequests final : public aid_requests::AidRequestRepository {
 public:
  explicit SqlAidRequests(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Create(const RequestRecord& r) override {
    return Guard("create aid request", [&]() -> Result<std::int64_t> {
      const auto& q = r.request;
      long long id = 0;
      const std::string state(aid_requests::StateCode(q.state));
      const long long requester = q.hands.requester, amount = q.amount_cents, paid = q.paid_cents,
                      created = q.created_at, updated = q.updated_at;
      NullableId organisation(q.organisation_id), envelope(r.envelope_id),
          instructor(q.hands.instructor), approver(q.hands.approver), committer(q.hands.committer),
          account(r.bank_account_id);
      sql_ << "INSERT INTO aid_requests (aid_id, state, requester_id, organisation_id, "
              "beneficiary_name, amount_cents, paid_cents, situation_json, envelope_id, "
              "instructor_id, approver_id, committer_id, decision_reason, bank_account_id, "
              "created_at, updated_at) VALUES (:aid, :state, :requester, :org, :name, :amount, "
              ":paid, :situation, :envelope, :instructor, :approver, :committer, :reason, "
              ":account, :created, :updated) RETURNING id",
          soci::use(q.aid_id), soci::use(state), soci::use(requester),
          soci::use(organisation.value, organisation.ind), soci::use(r.beneficiary_name),
          soci::use(amount), soci::use(paid), soci::use(r.situation_json),
          soci::use(envelope.value, envelope.ind), soci::use(instructor.value, instructor.ind),
          soci::use(approver.value, approver.ind), soci::use(committer.value, committer.ind),
          soci::use(r.decision_reason), soci::use(account.value, account.ind), soci::use(created),
          soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<RequestRecord> Find(std::int64_t id) override {
    return Guard("find aid request", [&]() -> Result<RequestRecord> {
      RequestRow row;
      const long long key = id;
      soci::statement st(sql_);
      row.Into(st);
      st.exchange(soci::use(key));
      Prepare(st, fmt::format("SELECT {} FROM aid_requests WHERE id = :id", kRequestColumns));
      st.execute();
      if (!st.fetch())
        return Fail(ErrorCode::kNotFound, fmt::format("aid request {} does not exist", id));
      return row.ToRecord();
    });
  }

  Status Update(const RequestRecord& r, RequestState expected_state,
                std::int64_t expected_paid_cents) override {
    return Guard("update aid request", [&]() -> Status {
      const auto& q = r.request;
      const std::string state(aid_requests::StateCode(q.state)),
          expected(aid_requests::StateCode(expected_state));
      const long long key = q.id, amount = q.amount_cents, paid = q.paid_cents,
                      updated = q.updated_at, expected_paid = expected_paid_cents;
      NullableId organisation(q.organisation_id), envelope(r.envelope_id),
          instructor(q.hands.instructor), approver(q.hands.approver), committer(q.hands.committer),
          account(r.bank_account_id);
      soci::statement st =
          (sql_.prepare << "UPDATE aid_requests SET state = :state, organisation_id = :org, "
                           "beneficiary_name = :name, amount_cents = :amount, paid_cents = :paid, "
                           "envelope_id = :envelope, instructor_id = :instructor, "
                           "approver_id = :approver, committer_id = :committer, "
                           "decision_reason = :reason, bank_account_id = :account, "
                           "updated_at = :updated "
                           "WHERE id = :id AND state = :expected AND paid_cents = :expected_paid",
           soci::use(state), soci::use(organisation.value, organisation.ind),
           soci::use(r.beneficiary_name), soci::use(amount), soci::use(paid),
           soci::use(envelope.value, envelope.ind), soci::use(instructor.value, instructor.ind),
           soci::use(approver.value, approver.ind), soci::use(committer.value, committer.ind),
           soci::use(r.decision_reason), soci::use(account.value, account.ind), soci::use(updated),
           soci::use(key), soci::use(expected), soci::use(expected_paid));
      st.execute(true);
      if (st.get_affected_rows() == 1) return Ok();
      int count = 0;
      sql_ << "SELECT COUNT(*) FROM aid_requests WHERE id = :id", soci::use(key), soci::into(count);
      if (count == 0)
        return Fail(ErrorCode::kNotFound, fmt::format("aid request {} does not exist", q.id));
      return Fail(ErrorCode::kFailedPrecondition,
                  fmt::format("aid request {} changed since it was read", q.id));
    });
  }

  Result<std::vector<RequestRecord>> List(const RequestFilter& filter) override {
    return Guard("list aid requests", [&]() -> Result<std::vector<RequestRecord>> {
      RequestRow row;
      soci::statement st(sql_);
      row.Into(st);
      // Bound values must stay where they are until the statement has run.
      std::deque<std::string> texts;
      std::deque<long long> numbers;
      std::vector<std::string> where;
      if (!filter.states.empty()) {
        // One name per value: SOCI binds a repeated name once (a "bulk" bind that fails).
        std::string in;
        for (RequestState s : filter.states) {
          texts.emplace_back(aid_requests::StateCode(s));
          st.exchange(soci::use(texts.back()));
          in += fmt::format("{}:s{}", in.empty() ? "" : ", ", texts.size());
        }
        where.push_back(fmt::format("state IN ({})", in));
      }
      auto bind = [&](const std::optional<std::int64_t>& value, const char* condition) {
        if (!value) return;
        numbers.push_back(*value);
        st.exchange(soci::use(numbers.back()));
        where.emplace_back(condition);
      };
      bind(filter.requester_id, "requester_id = :requester");
      bind(filter.organisation_id, "organisation_id = :org");
      bind(filter.amount_above_cents, "amount_cents > :above");
      const int limit = filter.limit;
      st.exchange(soci::use(limit));
      std::string query = fmt::format("SELECT {} FROM aid_requests", kRequestColumns);
      for (std::size_t i = 0; i < where.size(); ++i)
        query += fmt::format(" {} {}", i == 0 ? "WHERE" : "AND", where[i]);
      query += " ORDER BY updated_at DESC, id DESC LIMIT :lim";
      Prepare(st, query);
      st.execute();
      std::vector<RequestRecord> out;
      while (st.fetch()) out.push_back(row.ToRecord());
      return out;
    });
  }

  Result<std::int64_t> AddMessage(const Message& m) override {
    return Guard("add aid request message", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long request = m.request_id, author = m.author_id, created = m.created_at;
      sql_ << "INSERT INTO aid_request_messages (request_id, author_id, kind, body, created_at) "
              "VALUES (:r, :a, :k, :b, :c) RETURNING id",
          soci::use(request), soci::use(author), soci::use(m.kind), soci::use(m.body),
          soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<std::vector<Message>> Messages(std::int64_t request_id) override {
    return Guard("list aid request messages", [&]() -> Result<std::vector<Message>> {
      Message m;
      long long id = 0, request = 0, author = 0, created = 0;
      const long long key = request_id;
      soci::statement st =
          (sql_.prepare << "SELECT id, request_id, author_id, kind, body, created_at "
                           "FROM aid_request_messages WHERE request_id = :r ORDER BY id",
           soci::use(key), soci::into(id), soci::into(request), soci::into(author),
           soci::into(m.kind), soci::into(m.body), soci::into(created));
      st.execute();
      std::vector<Message> out;
      while (st.fetch()) {
        m.id = id;
        m.request_id = request;
        m.author_id = author;
        m.created_at = created;
        out.push_back(m);
      }
      return out;
    });
  }

  Result<std::int64_t> AddDocument(const Document& d) override {
    return Guard("add aid request document", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long request = d.request_id, by = d.uploaded_by, size = d.size_bytes,
                      created = d.created_at;
      sql_ << "INSERT INTO aid_request_documents (request_id, uploaded_by, stored_name, "
              "original_name, content_type, size_bytes, sha256, created_at) "
              "VALUES (:r, :u, :s, :o, :t, :n, :h, :c) RETURNING id",
          soci::use(request), soci::use(by), soci::use(d.stored_name), soci::use(d.original_name),
          soci::use(d.content_type), soci::use(size), soci::use(d.sha256), soci::use(created),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<std::vector<Document>> Documents(std::int64_t request_id) override {
    return Guard("list aid request documents", [&]() -> Result<std::vector<Document>> {
      Document d;
      long long id = 0, request = 0, by = 0, size = 0, created = 0;
      const long long key = request_id;
      soci::statement st =
          (sql_.prepare << "SELECT id, request_id, uploaded_by, stored_name, original_name, "
                           "content_type, size_bytes, sha256, created_at "
                           "FROM aid_request_documents WHERE request_id = :r ORDER BY id",
           soci::use(key), soci::into(id), soci::into(request), soci::into(by),
           soci::into(d.stored_name), soci::into(d.original_name), soci::into(d.content_type),
           soci::into(size), soci::into(d.sha256), soci::into(created));
      st.execute();
      std::vector<Document> out;
      while (st.fetch()) {
        d.id = id;
        d.request_id = request;
        d.uploaded_by = by;
        d.size_bytes = size;
        d.created_at = created;
        out.push_back(d);
      }
      return out;
    });
  }

  Result<std::int64_t> CreateBankAccount(const StoredBankAccount& a) override {
    return Guard("create bank account", [&]() -> Result<std::int64_t> {
      long long id = 0;
      NullableId user(a.owner_user_id), organisation(a.owner_organisation_id);
      const long long created = a.created_at;
      sql_ << "INSERT INTO bank_accounts (owner_user_id, owner_organisation_id, holder, "
              "iban_sealed, iban_masked, bic, created_at) VALUES (:u, :o, :h, :s, :m, :b, :c) "
              "RETURNING id",
          soci::use(user.value, user.ind), soci::use(organisation.value, organisation.ind),
          soci::use(a.holder), soci::use(a.iban_sealed), soci::use(a.iban_masked), soci::use(a.bic),
          soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<StoredBankAccount> FindBankAccount(std::int64_t id) override {
    return Guard("find bank account", [&]() -> Result<StoredBankAccount> {
      StoredBankAccount a;
      const long long key = id;
      long long found = 0, created = 0;
      NullableId user, organisation;
      sql_ << "SELECT id, owner_user_id, owner_organisation_id, holder, iban_sealed, "
              "iban_masked, bic, created_at FROM bank_accounts WHERE id = :id",
          soci::use(key), soci::into(found), soci::into(user.value, user.ind),
          soci::into(organisation.value, organisation.ind), soci::into(a.holder),
          soci::into(a.iban_sealed), soci::into(a.iban_masked), soci::into(a.bic),
          soci::into(created);
      if (!sql_.got_data())
        return Fail(ErrorCode::kNotFound, fmt::format("bank account {} does not exist", id));
      a.id = found;
      a.owner_user_id = user.get();
      a.owner_organisation_id = organisation.get();
      a.created_at = created;
      return a;
    });
  }

  Result<PaymentBatch> CreateOrFindBatch(bool& created, const std::string& message_id,
                                         std::int64_t created_by, UnixSeconds now) override {
    return Guard("create payment batch", [&]() -> Result<PaymentBatch> {
      const long long by = created_by, at = now;
      soci::statement st =
          (sql_.prepare << "INSERT INTO payment_batches (state, message_id, created_by, "
                           "created_at) VALUES ('open', :m, :u, :t) "
                           "ON CONFLICT (message_id) DO NOTHING",
           soci::use(message_id), soci::use(by), soci::use(at));
      st.execute(true);
      created = st.get_affected_rows() == 1;
      auto found = SelectBatches("message_id = :key", message_id, std::nullopt);
      if (found.empty()) return Fail(ErrorCode::kInternal, "payment batch vanished");
      return found.front();
    });
  }

  Result<PaymentBatch> FindBatch(std::int64_t id) override {
    return Guard("find payment batch", [&]() -> Result<PaymentBatch> {
      auto found = SelectBatches("id = :key", std::nullopt, static_cast<long long>(id));
      if (found.empty())
        return Fail(ErrorCode::kNotFound, fmt::format("payment batch {} does not exist", id));
      return found.front();
    });
  }

  Status SetBatchState(std::int64_t id, BatchState from, BatchState to, UnixSeconds now) override {
    return Guard("change payment batch", [&]() -> Status {
      const std::string from_code(aid_requests::BatchStateCode(from)),
          to_code(aid_requests::BatchStateCode(to));
      const char* stamp = to == BatchState::kConfirmed ? "confirmed_at" : "sent_at";
      const long long key = id, at = now;
      soci::statement st =
          (sql_.prepare << fmt::format("UPDATE payment_batches SET state = :to, {} = :t "
                                       "WHERE id = :id AND state = :from",
                                       stamp),
           soci::use(to_code), soci::use(at), soci::use(key), soci::use(from_code));
      st.execute(true);
      if (st.get_affected_rows() == 1) return Ok();
      int count = 0;
      sql_ << "SELECT COUNT(*) FROM payment_batches WHERE id = :id", soci::use(key),
          soci::into(count);
      if (count == 0)
        return Fail(ErrorCode::kNotFound, fmt::format("payment batch {} does not exist", id));
      return Fail(ErrorCode::kFailedPrecondition,
                  fmt::format("payment batch {} is not {}", id, from_code));
    });
  }

  Result<bool> InsertPayment(const Payment& p) override {
    return Guard("insert payment", [&]() -> Result<bool> {
      const long long request = p.request_id, amount = p.amount_cents, batch = p.batch_id,
                      account = p.bank_account_id, envelope = p.envelope_id,
                      executor = p.executed_by, requester = p.hands.requester,
                      instructor = p.hands.instructor.value_or(0),
                      committer = p.hands.committer.value_or(0), created = p.created_at;
      const int instalment = p.instalment;
      NullableId approver(p.hands.approver);
      soci::statement st =
          (sql_.prepare << "INSERT INTO payments (request_id, instalment, amount_cents, "
                           "idempotency_key, batch_id, bank_account_id, envelope_id, "
                           "executed_by, requester_id, instructor_id, approver_id, committer_id, "
                           "created_at) VALUES (:r, :i, :a, :k, :b, :acc, :e, :x, :req, :ins, "
                           ":app, :com, :c) ON CONFLICT DO NOTHING",
           soci::use(request), soci::use(instalment), soci::use(amount),
           soci::use(p.idempotency_key), soci::use(batch), soci::use(account), soci::use(envelope),
           soci::use(executor), soci::use(requester), soci::use(instructor),
           soci::use(approver.value, approver.ind), soci::use(committer), soci::use(created));
      st.execute(true);
      return st.get_affected_rows() == 1;
    });
  }

  Result<std::optional<Payment>> FindPaymentByKey(const std::string& key) override {
    return Guard("find payment", [&]() -> Result<std::optional<Payment>> {
      auto found = SelectPayments("WHERE idempotency_key = :k", {key});
      if (found.empty()) return std::optional<Payment>();
      return std::optional<Payment>(found.front());
    });
  }

  Result<std::vector<Payment>> Payments(std::optional<std::int64_t> request_id,
                                        std::optional<std::int64_t> batch_id) override {
    return Guard("list payments", [&]() -> Result<std::vector<Payment>> {
      if (request_id) return SelectPayments("WHERE request_id = :k", {}, *request_id);
      if (batch_id) return SelectPayments("WHERE batch_id = :k", {}, *batch_id);
      return SelectPayments("", {});
    });
  }

 private:
  static void Prepare(soci::statement& st, const std::string& query) {
    st.alloc();
    st.prepare(query);
    st.define_and_bind();
  }

  // `where` binds :k to `text` or `number`, whichever is set.
  std::vector<Payment> SelectPayments(const std::string& where, std::optional<std::string> text,
                                      std::optional<long long> number = std::nullopt) {
    PaymentRow row;
    soci::statement st(sql_);
    row.Into(st);
    if (text) st.exchange(soci::use(*text));
    if (number) st.exchange(soci::use(*number));
    Prepare(st, fmt::format("SELECT {} FROM payments {} ORDER BY id", kPaymentColumns, where));
    st.execute();
    std::vector<Payment> out;
    while (st.fetch()) out.push_back(row.ToPayment());
    return out;
  }

  // `where` binds :key to `message_id` or `id`, whichever is set.
  std::vector<PaymentBatch> SelectBatches(const std::string& where,
                                          std::optional<std::string> message_id,
                                          std::optional<long long> id_key) {
    long long id = 0, by = 0, created = 0;
    NullableId sent, confirmed;
    std::string message, state;
    soci::statement st(sql_);
    st.exchange(soci::into(id));
    st.exchange(soci::into(message));
    st.exchange(soci::into(state));
    st.exchange(soci::into(by));
    st.exchange(soci::into(created));
    st.exchange(soci::into(sent.value, sent.ind));
    st.exchange(soci::into(confirmed.value, confirmed.ind));
    if (message_id) st.exchange(soci::use(*message_id));
    if (id_key) st.exchange(soci::use(*id_key));
    Prepare(st, fmt::format("SELECT id, message_id, state, created_by, created_at, sent_at, "
                            "confirmed_at FROM payment_batches WHERE {}",
                            where));
    st.execute();
    std::vector<PaymentBatch> out;
    while (st.fetch()) {
      out.push_back(PaymentBatch{id, message,
                                 aid_requests::ParseBatchState(state).value_or(BatchState::kOpen),
                                 by, created, sent.get(), confirmed.get()});
    }
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<aid_requests::AidRequestRepository> MakeSqlAidRequests(soci::session& sql) {
  return std::make_unique<SqlAidRequests>(sql);
}

}  // namespace maplace::storage
