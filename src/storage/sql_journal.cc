#include "storage/sql_journal.h"

#include <soci/soci.h>

#include <algorithm>
#include <tuple>

#include "storage/sql_binder.h"
#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using journal::ActionTotal;
using journal::JournalEntry;
using journal::JournalHead;

// Subjects per aggregate query: well under SQLite's and PostgreSQL's limits on bound values.
constexpr std::size_t kSubjectsPerQuery = 500;

// Taken by every append on PostgreSQL, released at the end of its transaction. 7261 is the
// migrations' lock.
constexpr long long kJournalLock = 7262;

class SqlJournal final : public journal::JournalRepository {
 public:
  SqlJournal(soci::session& sql, Dialect dialect) : sql_(sql), dialect_(dialect) {}

  Result<std::vector<JournalEntry>> Page(std::int64_t after_seq, int limit) override {
    return Guard("read money journal", [&]() -> Result<std::vector<JournalEntry>> {
      JournalEntry e;
      long long seq = 0, at = 0, actor = 0, amount = 0;
      const long long after = after_seq;
      soci::indicator amount_ind = soci::i_ok;
      soci::statement st =
          (sql_.prepare << "SELECT seq, at, actor_user_id, action, subject, amount_cents, "
                           "before_ref, after_ref, prev_hash, hash FROM money_journal "
                           "WHERE seq > :after ORDER BY seq LIMIT :lim",
           soci::use(after), soci::use(limit), soci::into(seq), soci::into(at), soci::into(actor),
           soci::into(e.action), soci::into(e.subject), soci::into(amount, amount_ind),
           soci::into(e.before_ref), soci::into(e.after_ref), soci::into(e.prev_hash),
           soci::into(e.hash));
      st.execute();
      std::vector<JournalEntry> out;
      while (st.fetch()) {
        e.seq = seq;
        e.at = at;
        e.actor_user_id = actor;
        e.amount_cents =
            amount_ind == soci::i_null ? std::nullopt : std::optional<std::int64_t>(amount);
        out.push_back(e);
      }
      return out;
    });
  }

  Result<std::vector<ActionTotal>> Totals(const std::vector<std::string>& subjects) override {
    return Guard("sum money journal", [&]() -> Result<std::vector<ActionTotal>> {
      std::vector<std::string> unique = subjects;  // a subject asked twice is summed once
      std::sort(unique.begin(), unique.end());
      unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
      std::vector<ActionTotal> out;
      for (std::size_t from = 0; from < unique.size(); from += kSubjectsPerQuery) {
        const std::size_t to = std::min(unique.size(), from + kSubjectsPerQuery);
        ActionTotal total;
        long long sum = 0;
        soci::statement st(sql_);
        st.exchange(soci::into(total.subject));
        st.exchange(soci::into(total.action));
        st.exchange(soci::into(sum));
        Binder bind(st);
        std::string in;
        for (std::size_t i = from; i < to; ++i)
          in += (in.empty() ? "" : ", ") + bind.Text(unique[i]);
        // PostgreSQL sums BIGINT as NUMERIC; every amount fits in BIGINT, and so does their sum.
        Prepare(st, fmt::format("SELECT subject, action, CAST(SUM(amount_cents) AS BIGINT) "
                                "FROM money_journal WHERE subject IN ({}) "
                                "AND amount_cents IS NOT NULL GROUP BY subject, action",
                                in));
        st.execute();
        while (st.fetch()) {
          total.amount_cents = sum;
          out.push_back(total);
        }
      }
      std::sort(out.begin(), out.end(), [](const ActionTotal& a, const ActionTotal& b) {
        return std::tie(a.subject, a.action) < std::tie(b.subject, b.action);
      });
      return out;
    });
  }

 protected:
  Result<std::optional<JournalHead>> LockHead() override {
    return Guard("lock money journal", [&]() -> Result<std::optional<JournalHead>> {
      // SQLite: the write transaction (BEGIN IMMEDIATE) already excludes every other writer.
      // PostgreSQL: READ COMMITTED lets two transactions read the same head, so appends queue
      // on a transaction-level advisory lock; the head read after it sees the previous
      // append, committed when that transaction released the lock.
      if (dialect_ == Dialect::kPostgres)
        sql_ << "SELECT pg_advisory_xact_lock(:k)", soci::use(kJournalLock);
      long long seq = 0;
      std::string hash;
      soci::indicator ind = soci::i_ok;
      sql_ << "SELECT seq, hash FROM money_journal ORDER BY seq DESC LIMIT 1", soci::into(seq, ind),
          soci::into(hash);
      if (!sql_.got_data()) return std::optional<JournalHead>();
      return std::optional<JournalHead>(JournalHead{seq, hash});
    });
  }

  Status Insert(const JournalEntry& e) override {
    return Guard("append to money journal", [&]() -> Status {
      const long long seq = e.seq, at = e.at, actor = e.actor_user_id;
      const long long amount = e.amount_cents.value_or(0);
      soci::indicator amount_ind = e.amount_cents ? soci::i_ok : soci::i_null;
      sql_ << "INSERT INTO money_journal (seq, at, actor_user_id, action, subject, amount_cents, "
              "before_ref, after_ref, prev_hash, hash) "
              "VALUES (:seq, :at, :actor, :action, :subject, :amount, :before, :after, :prev, "
              ":hash)",
          soci::use(seq), soci::use(at), soci::use(actor), soci::use(e.action),
          soci::use(e.subject), soci::use(amount, amount_ind), soci::use(e.before_ref),
          soci::use(e.after_ref), soci::use(e.prev_hash), soci::use(e.hash);
      return Ok();
    });
  }

 private:
  soci::session& sql_;
  Dialect dialect_;
};

}  // namespace

std::unique_ptr<journal::JournalRepository> MakeSqlJournal(soci::session& sql, Dialect dialect) {
  return std::make_unique<SqlJournal>(sql, dialect);
}

}  // namespace maplace::storage
