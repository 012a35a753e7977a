#include "storage/sql_budgets.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using budgets::Envelope;

constexpr char kEnvelopeColumns[] =
    "id, aid_id, year, funding_source, partner, label, allocated_cents, committed_cents, "
    "paid_cents, created_at, updated_at";

// One row of kEnvelopeColumns, bound column by column.
struct EnvelopeRow {
  long long id = 0, allocated = 0, committed = 0, paid = 0, created = 0, updated = 0;
  int year = 0;
  std::string aid_id, source, partner, label;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(aid_id));
    st.exchange(soci::into(year));
    st.exchange(soci::into(source));
    st.exchange(soci::into(partner));
    st.exchange(soci::into(label));
    st.exchange(soci::into(allocated));
    st.exchange(soci::into(committed));
    st.exchange(soci::into(paid));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }
  Envelope ToEnvelope() const {
    // The table's CHECK admits only the four codes.
    return Envelope{
        id,        aid_id,
        year,      budgets::ParseFundingSource(source).value_or(budgets::FundingSource::kOpco),
        partner,   label,
        allocated, committed,
        paid,      created,
        updated};
  }
};

class SqlBudgets final : public budgets::BudgetRepository {
 public:
  explicit SqlBudgets(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Create(const Envelope& e) override {
    return Guard("create envelope", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const std::string source(budgets::FundingSourceCode(e.funding_source));
      const long long allocated = e.allocated_cents, created = e.created_at, updated = e.updated_at;
      sql_ << "INSERT INTO aid_envelopes (aid_id, year, funding_source, partner, label, "
              "allocated_cents, created_at, updated_at) VALUES (:aid, :year, :source, :partner, "
              ":label, :allocated, :created, :updated) RETURNING id",
          soci::use(e.aid_id), soci::use(e.year), soci::use(source), soci::use(e.partner),
          soci::use(e.label), soci::use(allocated), soci::use(created), soci::use(updated),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<Envelope> Find(std::int64_t id) override {
    return Guard("find envelope", [&]() -> Result<Envelope> {
      auto found = Select("WHERE id = :id", id);
      if (found.empty())
        return Fail(ErrorCode::kNotFound, fmt::format("envelope {} does not exist", id));
      return found.front();
    });
  }

  Result<std::vector<Envelope>> List(std::optional<int> year) override {
    return Guard("list envelopes", [&]() -> Result<std::vector<Envelope>> {
      constexpr char kOrder[] = "ORDER BY year DESC, aid_id, funding_source, partner";
      if (year) return Select(fmt::format("WHERE year = :year {}", kOrder), *year);
      return Select(kOrder, std::nullopt);
    });
  }

  Status Commit(std::int64_t id, std::int64_t amount_cents, UnixSeconds now) override {
    return Guard("commit envelope", [&]() -> Status {
      return Conditional(
          "UPDATE aid_envelopes SET committed_cents = committed_cents + :a, updated_at = :t "
          "WHERE id = :id AND committed_cents + :a2 <= allocated_cents",
          id, amount_cents, now, "does not cover");
    });
  }

  Status Release(std::int64_t id, std::int64_t amount_cents, UnixSeconds now) override {
    return Guard("release envelope", [&]() -> Status {
      return Conditional(
          "UPDATE aid_envelopes SET committed_cents = committed_cents - :a, updated_at = :t "
          "WHERE id = :id AND committed_cents - :a2 >= paid_cents",
          id, amount_cents, now, "has not that much committed and unpaid");
    });
  }

  Status RecordPayment(std::int64_t id, std::int64_t amount_cents, UnixSeconds now) override {
    return Guard("pay from envelope", [&]() -> Status {
      return Conditional(
          "UPDATE aid_envelopes SET paid_cents = paid_cents + :a, updated_at = :t "
          "WHERE id = :id AND paid_cents + :a2 <= committed_cents",
          id, amount_cents, now, "has not that much committed");
    });
  }

  Status Transfer(std::int64_t from_id, std::int64_t to_id, std::int64_t amount_cents,
                  UnixSeconds now) override {
    return Guard("transfer between envelopes", [&]() -> Status {
      if (from_id == to_id)
        return Fail(ErrorCode::kInvalidArgument, "transfer to the same envelope");
      const std::string credit =
          "UPDATE aid_envelopes SET allocated_cents = allocated_cents + :a, updated_at = :t "
          "WHERE id = :id AND allocated_cents + :a2 <= " +
          std::to_string(budgets::kMaxAllocatedCents);
      const std::string debit =
          "UPDATE aid_envelopes SET allocated_cents = allocated_cents - :a, updated_at = :t "
          "WHERE id = :id AND allocated_cents - :a2 >= committed_cents";
      // Rows are locked in id order, so two opposite transfers cannot deadlock on PostgreSQL.
      // When the second update fails the first stays written: the caller's transaction is
      // rolled back with the error.
      auto credit_to = [&] {
        return Conditional(credit, to_id, amount_cents, now, "would exceed the largest allocation");
      };
      auto debit_from = [&] {
        return Conditional(debit, from_id, amount_cents, now, "has not that much uncommitted");
      };
      if (from_id < to_id) return debit_from().and_then(credit_to);
      return credit_to().and_then(debit_from);
    });
  }

  Result<std::int64_t> CreateTransfer(const budgets::TransferProposal& t) override {
    return Guard("propose transfer", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long from = t.from_envelope_id, to = t.to_envelope_id, amount = t.amount_cents,
                      by = t.proposed_by, at = t.proposed_at;
      sql_ << "INSERT INTO envelope_transfers (from_envelope_id, to_envelope_id, amount_cents, "
              "reason, proposed_by, proposed_at) VALUES (:f, :t, :a, :r, :b, :at) RETURNING id",
          soci::use(from), soci::use(to), soci::use(amount), soci::use(t.reason), soci::use(by),
          soci::use(at), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<budgets::TransferProposal> FindTransfer(std::int64_t id) override {
    return Guard("find transfer", [&]() -> Result<budgets::TransferProposal> {
      auto found = SelectTransfers("WHERE id = :id", id);
      if (found.empty())
        return Fail(ErrorCode::kNotFound, fmt::format("transfer {} does not exist", id));
      return found.front();
    });
  }

  Result<std::vector<budgets::TransferProposal>> ListTransfers() override {
    return Guard("list transfers", [&]() -> Result<std::vector<budgets::TransferProposal>> {
      return SelectTransfers("ORDER BY proposed_at DESC, id DESC", std::nullopt);
    });
  }

  Status DecideTransfer(std::int64_t id, budgets::TransferState decision, std::int64_t decided_by,
                        UnixSeconds at, const std::string& note) override {
    return Guard("decide transfer", [&]() -> Status {
      const long long key = id, by = decided_by, when = at;
      const std::string state(budgets::TransferStateCode(decision));
      soci::statement st =
          (sql_.prepare << "UPDATE envelope_transfers SET state = :s, decided_by = :b, "
                           "decided_at = :at, decision_note = :n WHERE id = :id AND state = "
                           "'proposed'",
           soci::use(state), soci::use(by), soci::use(when), soci::use(note), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 1) return Ok();
      int count = 0;
      sql_ << "SELECT COUNT(*) FROM envelope_transfers WHERE id = :id", soci::use(key),
          soci::into(count);
      if (count == 0)
        return Fail(ErrorCode::kNotFound, fmt::format("transfer {} does not exist", id));
      return Fail(ErrorCode::kFailedPrecondition, fmt::format("transfer {} is decided", id));
    });
  }

 private:
  // `where` binds :id to `key` when it is set.
  std::vector<budgets::TransferProposal> SelectTransfers(const std::string& where,
                                                         std::optional<long long> key) {
    const long long bound = key.value_or(0);
    long long id = 0, from = 0, to = 0, amount = 0, proposed_by = 0, proposed_at = 0,
              decided_by = 0, decided_at = 0;
    std::string reason, state, note;
    soci::statement st(sql_);
    for (long long* column : {&id, &from, &to, &amount}) st.exchange(soci::into(*column));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(state));
    for (long long* column : {&proposed_by, &proposed_at, &decided_by, &decided_at})
      st.exchange(soci::into(*column));
    st.exchange(soci::into(note));
    if (key) st.exchange(soci::use(bound));
    st.alloc();
    st.prepare(fmt::format(
        "SELECT id, from_envelope_id, to_envelope_id, amount_cents, reason, state, proposed_by, "
        "proposed_at, COALESCE(decided_by, 0), COALESCE(decided_at, 0), decision_note "
        "FROM envelope_transfers {}",
        where));
    st.define_and_bind();
    st.execute();
    std::vector<budgets::TransferProposal> out;
    while (st.fetch()) {
      // The table's CHECK admits only the three states.
      out.push_back({id, from, to, amount, reason,
                     budgets::ParseTransferState(state).value_or(budgets::TransferState::kProposed),
                     proposed_by, proposed_at, decided_by, decided_at, note});
    }
    return out;
  }

  // Runs one conditional UPDATE binding :a, :t, :id and :a2 (the amount again). The database
  // evaluates the condition on the row it locks for the update, so concurrent transactions
  // cannot both pass it on the same value. No row changed: kNotFound or kFailedPrecondition.
  Status Conditional(const std::string& update, std::int64_t id, std::int64_t amount_cents,
                     UnixSeconds now, std::string_view refusal) {
    const long long key = id, amount = amount_cents, at = now;
    soci::statement st = (sql_.prepare << update, soci::use(amount), soci::use(at), soci::use(key),
                          soci::use(amount));
    st.execute(true);
    if (st.get_affected_rows() == 1) return Ok();
    int count = 0;
    sql_ << "SELECT COUNT(*) FROM aid_envelopes WHERE id = :id", soci::use(key), soci::into(count);
    if (count == 0)
      return Fail(ErrorCode::kNotFound, fmt::format("envelope {} does not exist", id));
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("envelope {} {} {} cents", id, refusal, amount_cents));
  }

  // `where` binds :id or :year to `key` when it is set.
  std::vector<Envelope> Select(const std::string& where, std::optional<long long> key) {
    const long long bound = key.value_or(0);
    EnvelopeRow row;
    soci::statement st(sql_);
    row.Into(st);
    if (key) st.exchange(soci::use(bound));
    st.alloc();
    st.prepare(fmt::format("SELECT {} FROM aid_envelopes {}", kEnvelopeColumns, where));
    st.define_and_bind();
    st.execute();
    std::vector<Envelope> out;
    while (st.fetch()) out.push_back(row.ToEnvelope());
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<budgets::BudgetRepository> MakeSqlBudgets(soci::session& sql) {
  return std::make_unique<SqlBudgets>(sql);
}

}  // namespace maplace::storage
