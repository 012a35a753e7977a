#include "storage/sql_journal.h"

#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using journal::JournalEntry;
using journal::JournalHead;

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
