#include "storage/sql_workshops.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using workshops::FollowUpAction;
using workshops::Invitation;
using workshops::Material;
using workshops::Registration;
using workshops::RegistrationStatus;
using workshops::Session;
using workshops::Theme;

constexpr char kSessionColumns[] =
    "id, theme_id, title, starts_at, ends_at, place, online_link, capacity, seats_taken, "
    "speakers, description, created_by, created_at, updated_at, reminded_at, survey_sent_at";

struct SessionRow {
  long long id = 0, theme = 0, starts = 0, ends = 0, by = 0, created = 0, updated = 0, reminded = 0,
            survey = 0;
  int capacity = 0, taken = 0;
  std::string title, place, link, speakers, description;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(theme));
    st.exchange(soci::into(title));
    st.exchange(soci::into(starts));
    st.exchange(soci::into(ends));
    st.exchange(soci::into(place));
    st.exchange(soci::into(link));
    st.exchange(soci::into(capacity));
    st.exchange(soci::into(taken));
    st.exchange(soci::into(speakers));
    st.exchange(soci::into(description));
    st.exchange(soci::into(by));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.exchange(soci::into(reminded));
    st.exchange(soci::into(survey));
  }
  Session ToSession() const {
    Session s;
    s.id = id;
    s.input.theme_id = theme;
    s.input.title = title;
    s.input.starts_at = starts;
    s.input.ends_at = ends;
    s.input.place = place;
    s.input.online_link = link;
    s.input.capacity = capacity;
    s.input.speakers = speakers;
    s.input.description = description;
    s.seats_taken = taken;
    s.created_by = by;
    s.created_at = created;
    s.updated_at = updated;
    s.reminded_at = reminded;
    s.survey_sent_at = survey;
    return s;
  }
};

constexpr char kRegistrationColumns[] =
    "id, session_id, organisation_id, user_id, registered_by, status, attended, "
    "survey_token_hash, rating, comment, rated_at, created_at, updated_at";

struct RegistrationRow {
  long long id = 0, session = 0, organisation = 0, user = 0, by = 0, rated = 0, created = 0,
            updated = 0;
  int attended = 0, rating = 0;
  std::string status, token, comment;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(session));
    st.exchange(soci::into(organisation));
    st.exchange(soci::into(user));
    st.exchange(soci::into(by));
    st.exchange(soci::into(status));
    st.exchange(soci::into(attended));
    st.exchange(soci::into(token));
    st.exchange(soci::into(rating));
    st.exchange(soci::into(comment));
    st.exchange(soci::into(rated));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }
  Registration ToRegistration() const {
    Registration r;
    r.id = id;
    r.session_id = session;
    r.organisation_id = organisation;
    r.user_id = user;
    r.registered_by = by;
    r.status = workshops::ParseRegistrationStatus(status).value_or(RegistrationStatus::kCancelled);
    r.attended = attended != 0;
    r.survey_token_hash = token;
    r.rating = rating;
    r.comment = comment;
    r.rated_at = rated;
    r.created_at = created;
    r.updated_at = updated;
    return r;
  }
};

void Prepare(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
}

class SqlWorkshops final : public workshops::WorkshopRepository {
 public:
  explicit SqlWorkshops(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> CreateTheme(const Theme& t) override {
    return Guard("create workshop theme", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long created = t.created_at;
      sql_ << "INSERT INTO workshop_themes (name, description, created_at) VALUES (:n, :d, :c) "
              "RETURNING id",
          soci::use(t.name), soci::use(t.description), soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Result<std::vector<Theme>> Themes() override {
    return Guard("list workshop themes", [&]() -> Result<std::vector<Theme>> {
      Theme t;
      long long id = 0, created = 0;
      soci::statement st =
          (sql_.prepare << "SELECT id, name, description, created_at FROM workshop_themes "
                           "ORDER BY name",
           soci::into(id), soci::into(t.name), soci::into(t.description), soci::into(created));
      st.execute();
      std::vector<Theme> out;
      while (st.fetch()) {
        t.id = id;
        t.created_at = created;
        out.push_back(t);
      }
      return out;
    });
  }

  Result<std::int64_t> CreateSession(const Session& s) override {
    return Guard("create workshop session", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long theme = s.input.theme_id, starts = s.input.starts_at, ends = s.input.ends_at,
                      by = s.created_by, created = s.created_at, updated = s.updated_at;
      const int capacity = s.input.capacity;
      sql_ << "INSERT INTO workshop_sessions (theme_id, title, starts_at, ends_at, place, "
              "online_link, capacity, speakers, description, created_by, created_at, updated_at) "
              "VALUES (:t, :ti, :s, :e, :p, :l, :c, :sp, :d, :b, :cr, :u) RETURNING id",
          soci::use(theme), soci::use(s.input.title), soci::use(starts), soci::use(ends),
          soci::use(s.input.place), soci::use(s.input.online_link), soci::use(capacity),
          soci::use(s.input.speakers), soci::use(s.input.description), soci::use(by),
          soci::use(created), soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Status UpdateSession(const Session& s) override {
    return Guard("update workshop session", [&]() -> Status {
      const long long key = s.id, theme = s.input.theme_id, starts = s.input.starts_at,
                      ends = s.input.ends_at, updated = s.updated_at;
      const int capacity = s.input.capacity;
      soci::statement st =
          (sql_.prepare << "UPDATE workshop_sessions SET theme_id = :t, title = :ti, starts_at = "
                           ":s, ends_at = :e, place = :p, online_link = :l, capacity = :c, "
                           "speakers = :sp, description = :d, updated_at = :u WHERE id = :id",
           soci::use(theme), soci::use(s.input.title), soci::use(starts), soci::use(ends),
           soci::use(s.input.place), soci::use(s.input.online_link), soci::use(capacity),
           soci::use(s.input.speakers), soci::use(s.input.description), soci::use(updated),
           soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such session");
      return Ok();
    });
  }
  Result<Session> FindSession(std::int64_t id) override {
    return Guard("find workshop session", [&]() -> Result<Session> {
      auto found = SelectSessions("WHERE id = :a", id, 0);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such session");
      return found.front();
    });
  }
  Result<std::vector<Session>> SessionsBetween(UnixSeconds from, UnixSeconds to) override {
    return Guard("list workshop sessions", [&]() -> Result<std::vector<Session>> {
      return SelectSessions("WHERE starts_at >= :a AND starts_at < :b ORDER BY starts_at, id", from,
                            to);
    });
  }
  Result<bool> TakeSeat(std::int64_t session_id) override {
    return Guard("take a workshop seat", [&]() -> Result<bool> {
      const long long key = session_id;
      soci::statement st = (sql_.prepare << "UPDATE workshop_sessions SET seats_taken = "
                                            "seats_taken + 1 WHERE id = :id AND seats_taken < "
                                            "capacity",
                            soci::use(key));
      st.execute(true);
      return st.get_affected_rows() == 1;
    });
  }
  Status ReleaseSeat(std::int64_t session_id) override {
    return Exec("release a workshop seat",
                "UPDATE workshop_sessions SET seats_taken = seats_taken - 1 WHERE id = :id AND "
                "seats_taken > 0",
                session_id);
  }
  Status MarkReminded(std::int64_t session_id, UnixSeconds at) override {
    return SetInstant("reminded_at", session_id, at);
  }
  Status MarkSurveySent(std::int64_t session_id, UnixSeconds at) override {
    return SetInstant("survey_sent_at", session_id, at);
  }

  Result<std::int64_t> AddMaterial(const Material& m) override {
    return Guard("add workshop material", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long session = m.session_id, size = m.size_bytes, created = m.created_at;
      sql_ << "INSERT INTO workshop_materials (session_id, stored_name, original_name, "
              "content_type, size_bytes, sha256, created_at) VALUES (:s, :n, :o, :t, :z, :h, :c) "
              "RETURNING id",
          soci::use(session), soci::use(m.stored_name), soci::use(m.original_name),
          soci::use(m.content_type), soci::use(size), soci::use(m.sha256), soci::use(created),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Result<std::vector<Material>> Materials(std::int64_t session_id) override {
    return Guard("list workshop materials", [&]() -> Result<std::vector<Material>> {
      return SelectMaterials("WHERE session_id = :k ORDER BY id", session_id);
    });
  }
  Result<Material> FindMaterial(std::int64_t id) override {
    return Guard("find workshop material", [&]() -> Result<Material> {
      auto found = SelectMaterials("WHERE id = :k", id);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such material");
      return found.front();
    });
  }

  Result<std::int64_t> CreateRegistration(const Registration& r) override {
    return Guard("create workshop registration", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long session = r.session_id, organisation = r.organisation_id, user = r.user_id,
                      by = r.registered_by, created = r.created_at, updated = r.updated_at;
      const std::string status(workshops::RegistrationStatusCode(r.status));
      sql_ << "INSERT INTO workshop_registrations (session_id, organisation_id, user_id, "
              "registered_by, status, created_at, updated_at) VALUES (:s, :o, :u, :b, :st, :c, "
              ":up) RETURNING id",
          soci::use(session), soci::use(organisation), soci::use(user), soci::use(by),
          soci::use(status), soci::use(created), soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Status UpdateRegistration(const Registration& r) override {
    return Guard("update workshop registration", [&]() -> Status {
      const long long key = r.id, rated = r.rated_at, updated = r.updated_at;
      const int attended = r.attended ? 1 : 0, rating = r.rating;
      const std::string status(workshops::RegistrationStatusCode(r.status));
      soci::statement st =
          (sql_.prepare << "UPDATE workshop_registrations SET status = :s, attended = :a, "
                           "survey_token_hash = :t, rating = :r, comment = :c, rated_at = :ra, "
                           "updated_at = :u WHERE id = :id",
           soci::use(status), soci::use(attended), soci::use(r.survey_token_hash),
           soci::use(rating), soci::use(r.comment), soci::use(rated), soci::use(updated),
           soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such registration");
      return Ok();
    });
  }
  Result<Registration> FindRegistration(std::int64_t id) override {
    return Guard("find workshop registration", [&]() -> Result<Registration> {
      auto found = SelectRegistrations("WHERE id = :k", std::to_string(id), true);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such registration");
      return found.front();
    });
  }
  Result<std::vector<Registration>> Registrations(std::int64_t session_id) override {
    return Guard("list workshop registrations", [&]() -> Result<std::vector<Registration>> {
      return SelectRegistrations("WHERE session_id = :k ORDER BY id", std::to_string(session_id),
                                 true);
    });
  }
  Result<std::vector<Registration>> RegistrationsOf(std::int64_t organisation_id) override {
    return Guard("list workshop registrations", [&]() -> Result<std::vector<Registration>> {
      return SelectRegistrations("WHERE organisation_id = :k ORDER BY id",
                                 std::to_string(organisation_id), true);
    });
  }
  Result<Registration> FindRegistrationByToken(const std::string& token_hash) override {
    return Guard("find workshop registration", [&]() -> Result<Registration> {
      if (token_hash.empty()) return Fail(ErrorCode::kNotFound, "no such registration");
      auto found = SelectRegistrations("WHERE survey_token_hash = :k", token_hash, false);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such registration");
      return found.front();
    });
  }

  Result<bool> AddInvitation(const Invitation& i) override {
    return Guard("add workshop invitation", [&]() -> Result<bool> {
      const long long session = i.session_id, organisation = i.organisation_id, by = i.sent_by,
                      at = i.sent_at;
      long long count = 0;
      sql_ << "SELECT COUNT(*) FROM workshop_invitations WHERE session_id = :s AND "
              "organisation_id = :o",
          soci::use(session), soci::use(organisation), soci::into(count);
      if (count > 0) return false;
      sql_ << "INSERT INTO workshop_invitations (session_id, organisation_id, sent_by, sent_at) "
              "VALUES (:s, :o, :b, :a)",
          soci::use(session), soci::use(organisation), soci::use(by), soci::use(at);
      return true;
    });
  }
  Result<std::vector<Invitation>> Invitations(std::int64_t session_id) override {
    return Guard("list workshop invitations", [&]() -> Result<std::vector<Invitation>> {
      long long session = 0, organisation = 0, by = 0, at = 0;
      const long long key = session_id;
      soci::statement st =
          (sql_.prepare << "SELECT session_id, organisation_id, sent_by, sent_at FROM "
                           "workshop_invitations WHERE session_id = :k ORDER BY id",
           soci::into(session), soci::into(organisation), soci::into(by), soci::into(at),
           soci::use(key));
      st.execute();
      std::vector<Invitation> out;
      while (st.fetch()) out.push_back(Invitation{session, organisation, by, at});
      return out;
    });
  }

  Result<std::int64_t> AddAction(const FollowUpAction& a) override {
    return Guard("add workshop action", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long session = a.session_id, by = a.created_by, created = a.created_at;
      sql_ << "INSERT INTO workshop_actions (session_id, body, created_by, created_at) VALUES "
              "(:s, :b, :by, :c) RETURNING id",
          soci::use(session), soci::use(a.body), soci::use(by), soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Result<std::vector<FollowUpAction>> Actions(std::int64_t session_id) override {
    return Guard("list workshop actions", [&]() -> Result<std::vector<FollowUpAction>> {
      FollowUpAction a;
      long long id = 0, session = 0, by = 0, created = 0;
      const long long key = session_id;
      soci::statement st =
          (sql_.prepare << "SELECT id, session_id, body, created_by, created_at FROM "
                           "workshop_actions WHERE session_id = :k ORDER BY id",
           soci::into(id), soci::into(session), soci::into(a.body), soci::into(by),
           soci::into(created), soci::use(key));
      st.execute();
      std::vector<FollowUpAction> out;
      while (st.fetch()) {
        a.id = id;
        a.session_id = session;
        a.created_by = by;
        a.created_at = created;
        out.push_back(a);
      }
      return out;
    });
  }

 private:
  std::vector<Session> SelectSessions(const std::string& where, long long a, long long b) {
    SessionRow row;
    soci::statement st(sql_);
    row.Into(st);
    st.exchange(soci::use(a));
    if (where.find(":b") != std::string::npos) st.exchange(soci::use(b));
    Prepare(st, fmt::format("SELECT {} FROM workshop_sessions {}", kSessionColumns, where));
    st.execute();
    std::vector<Session> out;
    while (st.fetch()) out.push_back(row.ToSession());
    return out;
  }
  std::vector<Registration> SelectRegistrations(const std::string& where, const std::string& key,
                                                bool numeric) {
    RegistrationRow row;
    long long number = numeric ? std::stoll(key) : 0;
    soci::statement st(sql_);
    row.Into(st);
    if (numeric)
      st.exchange(soci::use(number));
    else
      st.exchange(soci::use(key));
    Prepare(st,
            fmt::format("SELECT {} FROM workshop_registrations {}", kRegistrationColumns, where));
    st.execute();
    std::vector<Registration> out;
    while (st.fetch()) out.push_back(row.ToRegistration());
    return out;
  }
  std::vector<Material> SelectMaterials(const std::string& where, std::int64_t key_value) {
    Material m;
    long long id = 0, session = 0, size = 0, created = 0, key = key_value;
    soci::statement st =
        (sql_.prepare << fmt::format("SELECT id, session_id, stored_name, original_name, "
                                     "content_type, size_bytes, sha256, created_at FROM "
                                     "workshop_materials {}",
                                     where),
         soci::into(id), soci::into(session), soci::into(m.stored_name),
         soci::into(m.original_name), soci::into(m.content_type), soci::into(size),
         soci::into(m.sha256), soci::into(created), soci::use(key));
    st.execute();
    std::vector<Material> out;
    while (st.fetch()) {
      m.id = id;
      m.session_id = session;
      m.size_bytes = size;
      m.created_at = created;
      out.push_back(m);
    }
    return out;
  }
  Status Exec(std::string_view what, const std::string& query, std::int64_t id) {
    return Guard(what, [&]() -> Status {
      const long long key = id;
      sql_ << query, soci::use(key);
      return Ok();
    });
  }
  Status SetInstant(const char* column, std::int64_t id, UnixSeconds at) {
    return Guard("mark workshop session", [&]() -> Status {
      const long long key = id, value = at;
      sql_ << fmt::format("UPDATE workshop_sessions SET {} = :v WHERE id = :id", column),
          soci::use(value), soci::use(key);
      return Ok();
    });
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<workshops::WorkshopRepository> MakeSqlWorkshops(soci::session& sql) {
  return std::make_unique<SqlWorkshops>(sql);
}

}  // namespace maplace::storage
