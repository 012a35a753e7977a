#include "storage/sql_repositories.h"

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "storage/sql_aid_requests.h"
#include "storage/sql_aids.h"
#include "storage/sql_applications.h"
#include "storage/sql_budgets.h"
#include "storage/sql_contracts.h"
#include "storage/sql_conventions.h"
#include "storage/sql_crm.h"
#include "storage/sql_enquiries.h"
#include "storage/sql_jobs.h"
#include "storage/sql_journal.h"
#include "storage/sql_offers.h"
#include "storage/sql_poec.h"
#include "storage/sql_reference.h"
#include "storage/sql_reporting.h"
#include "storage/sql_trainings.h"
#include "storage/sql_workshops.h"
#include "storage/sql_young_people.h"

namespace maplace::storage {

using people::Member;
using people::Membership;
using people::OneTimeToken;
using people::Organisation;
using people::Session;
using people::TokenPurpose;
using people::User;
using people::UserStatus;

Error DatabaseError(const std::exception& e, std::string_view what) {
  ErrorCode code = ErrorCode::kInternal;
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    const int primary = lite->result() & 0xff;
    if (primary == 19 && (std::string_view(e.what()).find("UNIQUE") != std::string_view::npos ||
                          std::string_view(e.what()).find("PRIMARY KEY") != std::string_view::npos))
      code = ErrorCode::kAlreadyExists;  // SQLITE_CONSTRAINT on a unique key
    if (primary == 5 || primary == 6) code = ErrorCode::kUnavailable;  // BUSY, LOCKED
  } else if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    const std::string state = pg->sqlstate();
    if (state == "23505") code = ErrorCode::kAlreadyExists;  // unique_violation
    if (state.rfind("08", 0) == 0 || state == "40001" || state == "40P01" || state == "57P01")
      code = ErrorCode::kUnavailable;  // connection lost, serialization failure, deadlock
  } else if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e)) {
    if (soci_error->get_error_category() == soci::soci_error::connection_error)
      code = ErrorCode::kUnavailable;
  }
  return Error{code, fmt::format("database error ({}): {}", what, e.what()), {}};
}

namespace {

// Prepares `query` on a statement whose bindings were added one by one with exchange().
void Prepare(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
}

constexpr char kUserColumns[] =
    "id, email, display_name, role, status, password_hash, is_demo, created_at, updated_at";

struct UserRow {
  long long id = 0, created_at = 0, updated_at = 0;
  int is_demo = 0;
  std::string email, display_name, role, status, password_hash;

  // Binds every column of kUserColumns, in order.
  template <typename Statement>
  void Into(Statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(email));
    st.exchange(soci::into(display_name));
    st.exchange(soci::into(role));
    st.exchange(soci::into(status));
    st.exchange(soci::into(password_hash));
    st.exchange(soci::into(is_demo));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
  }
  User ToUser() const {
    return User{id,
                email,
                display_name,
                people::ParseRole(role).value_or(people::Role::kYoungPerson),
                people::ParseUserStatus(status).value_or(UserStatus::kDisabled),
                password_hash,
                is_demo != 0,
                created_at,
                updated_at};
  }
};

class SqlUsers final : public people::UserRepository {
 public:
  explicit SqlUsers(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Create(const User& u) override {
    return Guard("create user", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const std::string role(people::RoleCode(u.role)), status(people::UserStatusCode(u.status));
      const int is_demo = u.is_demo ? 1 : 0;
      const long long created = u.created_at, updated = u.updated_at;
      sql_ << "INSERT INTO users (email, display_name, role, status, password_hash, is_demo, "
              "created_at, updated_at) VALUES (:email, :name, :role, :status, :hash, :demo, "
              ":created, :updated) RETURNING id",
          soci::use(u.email), soci::use(u.display_name), soci::use(role), soci::use(status),
          soci::use(u.password_hash), soci::use(is_demo), soci::use(created), soci::use(updated),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<User> FindById(std::int64_t id) override {
    return FindOne(fmt::format("SELECT {} FROM users WHERE id = :key", kUserColumns),
                   std::to_string(id), static_cast<long long>(id));
  }

  Result<User> FindByEmail(std::string_view email) override {
    return FindOne(fmt::format("SELECT {} FROM users WHERE email = :key", kUserColumns),
                   std::string(email), std::nullopt);
  }

  Result<std::vector<User>> List() override {
    return Guard("list users", [&]() -> Result<std::vector<User>> {
      UserRow row;
      soci::statement st(sql_);
      row.Into(st);
      Prepare(st, fmt::format("SELECT {} FROM users ORDER BY role, email", kUserColumns));
      st.execute();
      std::vector<User> users;
      while (st.fetch()) users.push_back(row.ToUser());
      return users;
    });
  }

  Status UpdatePasswordHash(std::int64_t id, std::string_view hash, UnixSeconds now) override {
    return Update("password_hash", std::string(hash), id, now);
  }
  Status UpdateStatus(std::int64_t id, UserStatus status, UnixSeconds now) override {
    return Update("status", std::string(people::UserStatusCode(status)), id, now);
  }
  Status UpdateEmail(std::int64_t id, std::string_view email, UnixSeconds now) override {
    return Update("email", std::string(email), id, now);
  }
  Status UpdateDisplayName(std::int64_t id, std::string_view name, UnixSeconds now) override {
    return Update("display_name", std::string(name), id, now);
  }

  Result<std::int64_t> CountNonDemo() override {
    return Guard("count users", [&]() -> Result<std::int64_t> {
      long long count = 0;
      sql_ << "SELECT COUNT(*) FROM users WHERE is_demo = 0", soci::into(count);
      return static_cast<std::int64_t>(count);
    });
  }

 private:
  // `column` is one of a fixed set named in this file, never user input.
  Status Update(const char* column, const std::string& value, std::int64_t id, UnixSeconds now) {
    return Guard("update user", [&]() -> Status {
      const long long key = id, at = now;
      soci::statement st =
          (sql_.prepare << fmt::format(
               "UPDATE users SET {} = :value, updated_at = :at WHERE id = :id", column),
           soci::use(value), soci::use(at), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such user");
      return Ok();
    });
  }

  Result<User> FindOne(const std::string& query, const std::string& text_key,
                       std::optional<long long> int_key) {
    return Guard("find user", [&]() -> Result<User> {
      UserRow row;
      soci::statement st(sql_);
      row.Into(st);
      if (int_key) {
        st.exchange(soci::use(*int_key));
      } else {
        st.exchange(soci::use(text_key));
      }
      Prepare(st, query);
      st.execute();
      if (!st.fetch()) return Fail(ErrorCode::kNotFound, "no such user");
      return row.ToUser();
    });
  }

  soci::session& sql_;
};

class SqlSessions final : public people::SessionRepository {
 public:
  explicit SqlSessions(soci::session& sql) : sql_(sql) {}

  Status Create(const Session& s) override {
    return Guard("create session", [&]() -> Status {
      const long long user = s.user_id, created = s.created_at, seen = s.last_seen_at,
                      expires = s.expires_at;
      sql_ << "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) "
              "VALUES (:h, :u, :c, :s, :e)",
          soci::use(s.token_hash), soci::use(user), soci::use(created), soci::use(seen),
          soci::use(expires);
      return Ok();
    });
  }

  Result<Session> Find(std::string_view token_hash) override {
    return Guard("find session", [&]() -> Result<Session> {
      const std::string hash(token_hash);
      long long user = 0, created = 0, seen = 0, expires = 0;
      sql_ << "SELECT user_id, created_at, last_seen_at, expires_at FROM sessions "
              "WHERE token_hash = :h",
          soci::use(hash), soci::into(user), soci::into(created), soci::into(seen),
          soci::into(expires);
      if (!sql_.got_data()) return Fail(ErrorCode::kNotFound, "no such session");
      return Session{hash, user, created, seen, expires};
    });
  }

  Status Touch(std::string_view token_hash, UnixSeconds now) override {
    return Guard("touch session", [&]() -> Status {
      const std::string hash(token_hash);
      const long long at = now;
      sql_ << "UPDATE sessions SET last_seen_at = :t WHERE token_hash = :h", soci::use(at),
          soci::use(hash);
      return Ok();
    });
  }

  Status Delete(std::string_view token_hash) override {
    return Guard("delete session", [&]() -> Status {
      const std::string hash(token_hash);
      sql_ << "DELETE FROM sessions WHERE token_hash = :h", soci::use(hash);
      return Ok();
    });
  }

  Status DeleteAllForUser(std::int64_t user_id) override {
    return Guard("delete sessions", [&]() -> Status {
      const long long user = user_id;
      sql_ << "DELETE FROM sessions WHERE user_id = :u", soci::use(user);
      return Ok();
    });
  }

 private:
  soci::session& sql_;
};

class SqlTokens final : public people::TokenRepository {
 public:
  explicit SqlTokens(soci::session& sql) : sql_(sql) {}

  Status Create(const OneTimeToken& t) override {
    return Guard("create token", [&]() -> Status {
      const std::string purpose(people::TokenPurposeCode(t.purpose)),
          role(people::MemberRoleCode(t.member_role));
      long long user = t.user_id, organisation = t.organisation_id;
      const long long created = t.created_at, expires = t.expires_at;
      soci::indicator user_ind = t.user_id ? soci::i_ok : soci::i_null;
      soci::indicator org_ind = t.organisation_id ? soci::i_ok : soci::i_null;
      sql_ << "INSERT INTO one_time_tokens (token_hash, purpose, user_id, email, organisation_id, "
              "member_role, created_at, expires_at) VALUES (:h, :p, :u, :e, :o, :r, :c, :x)",
          soci::use(t.token_hash), soci::use(purpose), soci::use(user, user_ind),
          soci::use(t.email), soci::use(organisation, org_ind), soci::use(role), soci::use(created),
          soci::use(expires);
      return Ok();
    });
  }

  Result<OneTimeToken> FindUsable(std::string_view token_hash, TokenPurpose purpose,
                                  UnixSeconds now) override {
    return Guard("find token", [&]() -> Result<OneTimeToken> {
      const std::string hash(token_hash), code(people::TokenPurposeCode(purpose));
      const long long at = now;
      long long user = 0, organisation = 0, created = 0, expires = 0;
      soci::indicator user_ind = soci::i_ok, org_ind = soci::i_ok;
      std::string email, role;
      sql_ << "SELECT user_id, email, organisation_id, member_role, created_at, expires_at "
              "FROM one_time_tokens WHERE token_hash = :h AND purpose = :p "
              "AND used_at IS NULL AND expires_at > :now",
          soci::use(hash), soci::use(code), soci::use(at), soci::into(user, user_ind),
          soci::into(email), soci::into(organisation, org_ind), soci::into(role),
          soci::into(created), soci::into(expires);
      if (!sql_.got_data()) return Fail(ErrorCode::kNotFound, "no usable token");
      return OneTimeToken{hash,
                          purpose,
                          user_ind == soci::i_ok ? user : 0,
                          email,
                          org_ind == soci::i_ok ? organisation : 0,
                          people::ParseMemberRole(role).value_or(people::MemberRole::kMember),
                          created,
                          expires};
    });
  }

  Result<OneTimeToken> Consume(std::string_view token_hash, TokenPurpose purpose,
                               UnixSeconds now) override {
    auto token = FindUsable(token_hash, purpose, now);
    if (!token) return token;
    return Guard("consume token", [&]() -> Result<OneTimeToken> {
      const std::string hash(token_hash);
      const long long at = now;
      // The condition on used_at makes the use single even if two transactions race.
      soci::statement st = (sql_.prepare << "UPDATE one_time_tokens SET used_at = :t "
                                            "WHERE token_hash = :h AND used_at IS NULL",
                            soci::use(at), soci::use(hash));
      st.execute(true);
      if (st.get_affected_rows() != 1) return Fail(ErrorCode::kNotFound, "token already used");
      return token;
    });
  }

  Status RevokeAll(std::int64_t user_id, TokenPurpose purpose, UnixSeconds now) override {
    return Guard("revoke tokens", [&]() -> Status {
      const std::string code(people::TokenPurposeCode(purpose));
      const long long user = user_id, at = now;
      sql_ << "UPDATE one_time_tokens SET used_at = :t WHERE user_id = :u AND purpose = :p "
              "AND used_at IS NULL",
          soci::use(at), soci::use(user), soci::use(code);
      return Ok();
    });
  }

 private:
  soci::session& sql_;
};

class SqlOrganisations final : public people::OrganisationRepository {
 public:
  explicit SqlOrganisations(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Create(const Organisation& o) override {
    return Guard("create organisation", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const std::string kind(people::OrganisationKindCode(o.kind));
      const int is_demo = o.is_demo ? 1 : 0;
      const long long created = o.created_at;
      const std::string status(people::OrganisationStatusCode(o.status));
      const long long changed = o.status_changed_at;
      sql_ << "INSERT INTO organisations (kind, name, siret, uai, is_demo, created_at, address, "
              "commune_code, headcount, idcc, naf, status, status_reason, status_changed_at) "
              "VALUES (:k, :n, :s, :u, :d, :c, :a, :co, :h, :i, :na, :st, :r, :ch) RETURNING id",
          soci::use(kind), soci::use(o.name), soci::use(o.siret), soci::use(o.uai),
          soci::use(is_demo), soci::use(created), soci::use(o.address), soci::use(o.commune_code),
          soci::use(o.headcount), soci::use(o.idcc), soci::use(o.naf), soci::use(status),
          soci::use(o.status_reason), soci::use(changed), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<Organisation> FindById(std::int64_t id) override {
    return Guard("find organisation", [&]() -> Result<Organisation> {
      auto all = Select("WHERE id = :id", id);
      if (all.empty()) return Fail(ErrorCode::kNotFound, "no such organisation");
      return all.front();
    });
  }

  Result<std::vector<Organisation>> List() override {
    return Guard("list organisations",
                 [&]() -> Result<std::vector<Organisation>> { return Select("", 0); });
  }

  Status Update(const Organisation& o) override {
    return Guard("update organisation", [&]() -> Status {
      const long long key = o.id, changed = o.status_changed_at;
      const std::string status(people::OrganisationStatusCode(o.status));
      soci::statement st =
          (sql_.prepare << "UPDATE organisations SET name = :n, siret = :s, uai = :u, "
                           "address = :a, commune_code = :co, headcount = :h, idcc = :i, "
                           "naf = :na, status = :st, status_reason = :r, "
                           "status_changed_at = :ch WHERE id = :id",
           soci::use(o.name), soci::use(o.siret), soci::use(o.uai), soci::use(o.address),
           soci::use(o.commune_code), soci::use(o.headcount), soci::use(o.idcc), soci::use(o.naf),
           soci::use(status), soci::use(o.status_reason), soci::use(changed), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such organisation");
      return Ok();
    });
  }

  Result<std::vector<Organisation>> AwaitingValidation() override {
    return Guard("organisations awaiting validation", [&]() -> Result<std::vector<Organisation>> {
      return Select("WHERE status IN ('pending', 'details_requested') AND 0 = :id", 0,
                    "ORDER BY created_at, id");
    });
  }

  Result<std::optional<Organisation>> FindBySiret(const std::string& siret) override {
    return Guard("find organisation by SIRET", [&]() -> Result<std::optional<Organisation>> {
      long long id = 0;
      soci::indicator ind = soci::i_null;
      sql_ << "SELECT MIN(id) FROM organisations WHERE siret = :s AND siret <> ''",
          soci::use(siret), soci::into(id, ind);
      if (ind != soci::i_ok) return std::optional<Organisation>{};
      auto all = Select("WHERE id = :id", id);
      if (all.empty()) return std::optional<Organisation>{};
      return std::optional<Organisation>{all.front()};
    });
  }

  Result<bool> SiretKnown(const std::string& siret) override {
    return Guard("is the SIRET known", [&]() -> Result<bool> {
      if (siret.size() != 14) return false;
      int cfas = 0, validated = 0;
      sql_ << "SELECT COUNT(*) FROM cfas WHERE siret = :s", soci::use(siret), soci::into(cfas);
      if (cfas > 0) return true;
      const std::string siren = siret.substr(0, 9) + "%";
      sql_ << "SELECT COUNT(*) FROM organisations WHERE status = 'validated' AND siret LIKE :p",
          soci::use(siren), soci::into(validated);
      return validated > 0;
    });
  }

  Result<std::string> AgreementTitle(const std::string& idcc) override {
    return Guard("collective agreement title", [&]() -> Result<std::string> {
      if (idcc.empty()) return std::string();
      std::string title;
      sql_ << "SELECT title FROM collective_agreements WHERE idcc = :i", soci::use(idcc),
          soci::into(title);
      if (!sql_.got_data()) return std::string();
      return title;
    });
  }

  Status AddMember(const Membership& m) override {
    return Guard("add member", [&]() -> Status {
      const long long user = m.user_id, organisation = m.organisation_id;
      const std::string role(people::MemberRoleCode(m.role));
      sql_ << "INSERT INTO memberships (user_id, organisation_id, role) VALUES (:u, :o, :r)",
          soci::use(user), soci::use(organisation), soci::use(role);
      return Ok();
    });
  }

  Result<std::optional<Membership>> MembershipOf(std::int64_t user_id) override {
    return Guard("find membership", [&]() -> Result<std::optional<Membership>> {
      const long long user = user_id;
      long long organisation = 0;
      std::string role;
      sql_ << "SELECT organisation_id, role FROM memberships WHERE user_id = :u", soci::use(user),
          soci::into(organisation), soci::into(role);
      if (!sql_.got_data()) return std::optional<Membership>{};
      return std::optional<Membership>{
          Membership{organisation, user_id,
                     people::ParseMemberRole(role).value_or(people::MemberRole::kMember)}};
    });
  }

  Result<std::vector<Member>> Members(std::int64_t organisation_id) override {
    return Guard("list members", [&]() -> Result<std::vector<Member>> {
      const long long organisation = organisation_id;
      UserRow row;
      std::string role;
      soci::statement st(sql_);
      row.Into(st);
      st.exchange(soci::into(role));
      st.exchange(soci::use(organisation));
      Prepare(st,
              "SELECT u.id, u.email, u.display_name, u.role, u.status, u.password_hash, "
              "u.is_demo, u.created_at, u.updated_at, m.role FROM memberships m "
              "JOIN users u ON u.id = m.user_id WHERE m.organisation_id = :o "
              "ORDER BY u.display_name");
      st.execute();
      std::vector<Member> members;
      while (st.fetch()) {
        members.push_back(
            {row.ToUser(), people::ParseMemberRole(role).value_or(people::MemberRole::kMember)});
      }
      return members;
    });
  }

 private:
  std::vector<Organisation> Select(const std::string& where, std::int64_t id,
                                   const std::string& order = "ORDER BY name") {
    long long oid = 0, created = 0, changed = 0;
    const long long key = id;
    int is_demo = 0;
    std::string kind, name, siret, uai, address, commune, headcount, idcc, naf, status, reason;
    const std::string query =
        "SELECT id, kind, name, siret, uai, is_demo, created_at, address, commune_code, "
        "headcount, idcc, naf, status, status_reason, status_changed_at FROM organisations " +
        where + " " + order;
    soci::statement st(sql_);
    if (!where.empty()) st.exchange(soci::use(key));
    st.exchange(soci::into(oid));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(name));
    st.exchange(soci::into(siret));
    st.exchange(soci::into(uai));
    st.exchange(soci::into(is_demo));
    st.exchange(soci::into(created));
    st.exchange(soci::into(address));
    st.exchange(soci::into(commune));
    st.exchange(soci::into(headcount));
    st.exchange(soci::into(idcc));
    st.exchange(soci::into(naf));
    st.exchange(soci::into(status));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(changed));
    Prepare(st, query);
    st.execute();
    std::vector<Organisation> out;
    while (st.fetch()) {
      out.push_back(Organisation{
          oid, people::ParseOrganisationKind(kind).value_or(people::OrganisationKind::kEmployer),
          name, siret, uai, is_demo != 0, created, address, commune, headcount, idcc, naf,
          people::ParseOrganisationStatus(status).value_or(people::OrganisationStatus::kPending),
          reason, changed});
    }
    return out;
  }

  soci::session& sql_;
};

class SqlOutbox final : public outbox::OutboxRepository {
 public:
  explicit SqlOutbox(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Enqueue(const Mail& mail, UnixSeconds now) override {
    return Guard("enqueue mail", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long at = now;
      sql_ << "INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at, "
              "list_unsubscribe) VALUES (:r, :s, :b, :c, :n, :l) RETURNING id",
          soci::use(mail.to), soci::use(mail.subject), soci::use(mail.body), soci::use(at),
          soci::use(at), soci::use(mail.list_unsubscribe), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<std::vector<outbox::OutboxMail>> Due(UnixSeconds now, int limit) override {
    return Guard("due mails", [&]() {
      return Select("WHERE state = 'pending' AND next_attempt_at <= :key ORDER BY id LIMIT :lim",
                    now, limit);
    });
  }

  Status MarkSent(std::int64_t id, UnixSeconds now) override {
    return Guard("mark mail sent", [&]() -> Status {
      const long long key = id, at = now;
      sql_ << "UPDATE mail_outbox SET state = 'sent', sent_at = :t, attempts = attempts + 1, "
              "last_error = '' WHERE id = :id",
          soci::use(at), soci::use(key);
      return Ok();
    });
  }

  Status MarkAttemptFailed(std::int64_t id, std::string_view error, UnixSeconds next_attempt_at,
                           bool give_up) override {
    return Guard("mark mail failed", [&]() -> Status {
      const long long key = id, next = next_attempt_at;
      const std::string message(error.substr(0, 500));
      const std::string state = give_up ? "failed" : "pending";
      sql_ << "UPDATE mail_outbox SET attempts = attempts + 1, last_error = :e, "
              "next_attempt_at = :n, state = :s WHERE id = :id",
          soci::use(message), soci::use(next), soci::use(state), soci::use(key);
      return Ok();
    });
  }

  Result<std::vector<outbox::OutboxMail>> Latest(int limit) override {
    return Guard("latest mails",
                 [&]() { return Select("WHERE id > :key ORDER BY id DESC LIMIT :lim", 0, limit); });
  }

  Result<outbox::OutboxMail> FindById(std::int64_t id) override {
    return Guard("find mail", [&]() -> Result<outbox::OutboxMail> {
      auto found = Select("WHERE id = :key LIMIT :lim", id, 1);
      if (!found) return Fail(found.error());
      if (found->empty()) return Fail(ErrorCode::kNotFound, "no such mail");
      return found->front();
    });
  }

 private:
  // `where` binds :key (an instant or an id, as the query says) and :lim.
  Result<std::vector<outbox::OutboxMail>> Select(const std::string& where, std::int64_t now,
                                                 int limit) {
    outbox::OutboxMail m;
    long long id = 0, created = 0, next = 0, sent = 0;
    const long long key = now;
    int attempts = 0;
    std::string state;
    soci::statement st =
        (sql_.prepare << "SELECT id, recipient, subject, body, state, attempts, created_at, "
                         "next_attempt_at, sent_at, last_error, list_unsubscribe FROM "
                         "mail_outbox " +
                             where,
         soci::use(key), soci::use(limit), soci::into(id), soci::into(m.mail.to),
         soci::into(m.mail.subject), soci::into(m.mail.body), soci::into(state),
         soci::into(attempts), soci::into(created), soci::into(next), soci::into(sent),
         soci::into(m.last_error), soci::into(m.mail.list_unsubscribe));
    st.execute();
    std::vector<outbox::OutboxMail> out;
    while (st.fetch()) {
      m.id = id;
      m.attempts = attempts;
      m.created_at = created;
      m.next_attempt_at = next;
      m.sent_at = sent;
      m.state = state == "sent"     ? outbox::MailState::kSent
                : state == "failed" ? outbox::MailState::kFailed
                                    : outbox::MailState::kPending;
      out.push_back(m);
    }
    return out;
  }

  soci::session& sql_;
};

class SqlAudit final : public audit::AuditLog {
 public:
  explicit SqlAudit(soci::session& sql) : sql_(sql) {}

  Status Record(const audit::AuditEvent& e) override {
    return Guard("record audit event", [&]() -> Status {
      const long long at = e.at, actor = e.actor_user_id;
      sql_ << "INSERT INTO audit_events (at, actor_user_id, action, subject, client_address) "
              "VALUES (:t, :a, :n, :s, :c)",
          soci::use(at), soci::use(actor), soci::use(e.action), soci::use(e.subject),
          soci::use(e.client_address);
      return Ok();
    });
  }

  Result<std::vector<audit::AuditEvent>> Latest(int limit) override {
    return Guard("latest audit events", [&]() -> Result<std::vector<audit::AuditEvent>> {
      audit::AuditEvent e;
      long long id = 0, at = 0, actor = 0;
      soci::statement st =
          (sql_.prepare << "SELECT id, at, actor_user_id, action, subject, client_address "
                           "FROM audit_events ORDER BY id DESC LIMIT :lim",
           soci::use(limit), soci::into(id), soci::into(at), soci::into(actor),
           soci::into(e.action), soci::into(e.subject), soci::into(e.client_address));
      st.execute();
      std::vector<audit::AuditEvent> out;
      while (st.fetch()) {
        e.id = id;
        e.at = at;
        e.actor_user_id = actor;
        out.push_back(e);
      }
      return out;
    });
  }

 private:
  soci::session& sql_;
};

class SqlRepositories final : public Repositories {
 public:
  SqlRepositories(soci::session& sql, Dialect dialect)
      : workshops_(MakeSqlWorkshops(sql)),
        poec_(MakeSqlPoec(sql)),
        users_(sql),
        sessions_(sql),
        tokens_(sql),
        organisations_(sql),
        outbox_(sql),
        audit_(sql),
        reference_(MakeSqlReference(sql, dialect)),
        jobs_(MakeSqlJobs(sql)),
        aids_(MakeSqlAids(sql)),
        budgets_(MakeSqlBudgets(sql)),
        journal_(MakeSqlJournal(sql, dialect)),
        aid_requests_(MakeSqlAidRequests(sql)),
        trainings_(MakeSqlTrainings(sql)),
        offers_(MakeSqlOffers(sql)),
        crm_(MakeSqlCrm(sql)),
        contracts_(MakeSqlContracts(sql)),
        applications_(MakeSqlApplications(sql)),
        young_people_(MakeSqlYoungPeople(sql)),
        unsubscribes_(MakeSqlUnsubscribes(sql)),
        enquiries_(MakeSqlEnquiries(sql)),
        conventions_(MakeSqlConventions(sql)),
        reporting_(MakeSqlReporting(sql)) {}
  people::UserRepository& users() override { return users_; }
  people::SessionRepository& sessions() override { return sessions_; }
  people::TokenRepository& tokens() override { return tokens_; }
  people::OrganisationRepository& organisations() override { return organisations_; }
  outbox::OutboxRepository& outbox() override { return outbox_; }
  audit::AuditLog& audit() override { return audit_; }
  reference::ReferenceRepository& reference() override { return *reference_; }
  jobs::JobsRepository& jobs() override { return *jobs_; }
  aids::AidsRepository& aids() override { return *aids_; }
  budgets::BudgetRepository& budgets() override { return *budgets_; }
  journal::JournalRepository& journal() override { return *journal_; }
  aid_requests::AidRequestRepository& aid_requests() override { return *aid_requests_; }
  offers::OfferRepository& offers() override { return *offers_; }
  trainings::TrainingRepository& trainings() override { return *trainings_; }
  crm::CrmRepository& crm() override { return *crm_; }
  contracts::ContractRepository& contracts() override { return *contracts_; }
  applications::ApplicationRepository& applications() override { return *applications_; }
  workshops::WorkshopRepository& workshops() override { return *workshops_; }
  poec::PoecRepository& poec() override { return *poec_; }
  young_people::YoungPeopleRepository& young_people() override { return *young_people_; }
  outbox::UnsubscribeRepository& unsubscribes() override { return *unsubscribes_; }
  enquiries::EnquiryRepository& enquiries() override { return *enquiries_; }
  conventions::ConventionRepository& conventions() override { return *conventions_; }
  reporting::ReportingRepository& reporting() override { return *reporting_; }

 private:
  // Issue 8 §4 and §5.
  std::unique_ptr<workshops::WorkshopRepository> workshops_;
  std::unique_ptr<poec::PoecRepository> poec_;
  SqlUsers users_;
  SqlSessions sessions_;
  SqlTokens tokens_;
  SqlOrganisations organisations_;
  SqlOutbox outbox_;
  SqlAudit audit_;
  std::unique_ptr<reference::ReferenceRepository> reference_;
  std::unique_ptr<jobs::JobsRepository> jobs_;
  std::unique_ptr<aids::AidsRepository> aids_;
  std::unique_ptr<budgets::BudgetRepository> budgets_;
  std::unique_ptr<journal::JournalRepository> journal_;
  std::unique_ptr<aid_requests::AidRequestRepository> aid_requests_;
  std::unique_ptr<trainings::TrainingRepository> trainings_;
  std::unique_ptr<offers::OfferRepository> offers_;
  std::unique_ptr<crm::CrmRepository> crm_;
  std::unique_ptr<contracts::ContractRepository> contracts_;  // issue 8 §3
  std::unique_ptr<applications::ApplicationRepository> applications_;
  std::unique_ptr<young_people::YoungPeopleRepository> young_people_;
  std::unique_ptr<outbox::UnsubscribeRepository> unsubscribes_;
  std::unique_ptr<enquiries::EnquiryRepository> enquiries_;
  // Issue 8 §6.
  std::unique_ptr<conventions::ConventionRepository> conventions_;
  std::unique_ptr<reporting::ReportingRepository> reporting_;  // issue 9
};

}  // namespace

std::unique_ptr<Repositories> MakeSqlRepositories(soci::session& sql, Dialect dialect) {
  return std::make_unique<SqlRepositories>(sql, dialect);
}

}  // namespace maplace::storage
