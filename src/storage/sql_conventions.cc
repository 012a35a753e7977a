#include "storage/sql_conventions.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using conventions::Commitment;
using conventions::Convention;
using conventions::ConventionRow;
using conventions::FollowUp;
using conventions::Instalment;

constexpr char kConventionColumns[] =
    "c.id, c.organisation_id, c.reference, c.object, c.starts_on, c.ends_on, c.amount_cents, "
    "c.notes, c.created_by, c.created_at, c.updated_at, o.name";

constexpr char kCommitmentColumns[] =
    "id, convention_id, description, indicator, target, achieved, due_on, status, created_at, "
    "updated_at";

Date DateOf(const std::string& iso) { return ParseIsoDate(iso).value_or(Date{}); }

struct ConventionData {
  long long id = 0, organisation = 0, amount = 0, by = 0, created = 0, updated = 0;
  std::string reference, object, starts, ends, notes, partner;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(organisation));
    st.exchange(soci::into(reference));
    st.exchange(soci::into(object));
    st.exchange(soci::into(starts));
    st.exchange(soci::into(ends));
    st.exchange(soci::into(amount));
    st.exchange(soci::into(notes));
    st.exchange(soci::into(by));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.exchange(soci::into(partner));
  }
  Convention ToConvention() const {
    return Convention{id,     organisation, reference, object,  DateOf(starts), DateOf(ends),
                      amount, notes,        by,        created, updated};
  }
};

struct CommitmentData {
  long long id = 0, convention = 0, target = 0, achieved = 0, created = 0, updated = 0;
  std::string description, indicator, due, status;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(convention));
    st.exchange(soci::into(description));
    st.exchange(soci::into(indicator));
    st.exchange(soci::into(target));
    st.exchange(soci::into(achieved));
    st.exchange(soci::into(due));
    st.exchange(soci::into(status));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }
  Commitment ToCommitment() const {
    return Commitment{id,
                      convention,
                      description,
                      indicator,
                      target,
                      achieved,
                      DateOf(due),
                      conventions::ParseCommitmentStatus(status).value_or(
                          conventions::CommitmentStatus::kPlanned),
                      created,
                      updated};
  }
};

void Prepare(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
}

class SqlConventions final : public conventions::ConventionRepository {
 public:
  explicit SqlConventions(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Create(const Convention& c) override {
    return Guard("create convention", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long organisation = c.organisation_id, amount = c.amount_cents, by = c.created_by,
                      created = c.created_at, updated = c.updated_at;
      const std::string starts = FormatIsoDate(c.starts_on), ends = FormatIsoDate(c.ends_on);
      sql_ << "INSERT INTO conventions (organisation_id, reference, object, starts_on, ends_on, "
              "amount_cents, notes, created_by, created_at, updated_at) VALUES (:o, :r, :ob, :s, "
              ":e, :a, :n, :b, :c, :u) RETURNING id",
          soci::use(organisation), soci::use(c.reference), soci::use(c.object), soci::use(starts),
          soci::use(ends), soci::use(amount), soci::use(c.notes), soci::use(by), soci::use(created),
          soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Status Update(const Convention& c) override {
    return Guard("update convention", [&]() -> Status {
      const long long key = c.id, amount = c.amount_cents, updated = c.updated_at;
      const std::string starts = FormatIsoDate(c.starts_on), ends = FormatIsoDate(c.ends_on);
      soci::statement st =
          (sql_.prepare << "UPDATE conventions SET reference = :r, object = :ob, starts_on = :s, "
                           "ends_on = :e, amount_cents = :a, notes = :n, updated_at = :u WHERE "
                           "id = :id",
           soci::use(c.reference), soci::use(c.object), soci::use(starts), soci::use(ends),
           soci::use(amount), soci::use(c.notes), soci::use(updated), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such convention");
      return Ok();
    });
  }

  Result<Convention> Find(std::int64_t id) override {
    return Guard("find convention", [&]() -> Result<Convention> {
      const long long key = id;
      ConventionData data;
      soci::statement st(sql_);
      st.exchange(soci::use(key));
      data.Into(st);
      Prepare(st, fmt::format("SELECT {} FROM conventions c JOIN organisations o ON o.id = "
                              "c.organisation_id WHERE c.id = :k",
                              kConventionColumns));
      st.execute();
      if (!st.fetch()) return Fail(ErrorCode::kNotFound, "no such convention");
      return data.ToConvention();
    });
  }

  Result<std::vector<ConventionRow>> List(const conventions::ConventionFilter& f) override {
    return Guard("list conventions", [&]() -> Result<std::vector<ConventionRow>> {
      // Every filter is bound, with a value that lets every row through when it is not set.
      std::string starts_min = "0000-00-00", starts_max = "9999-99-99";
      std::string ends_min = "0000-00-00", ends_max = "9999-99-99";
      auto raise = [](std::string& bound, std::string value) { bound = std::max(bound, value); };
      auto lower = [](std::string& bound, std::string value) { bound = std::min(bound, value); };
      if (f.year) {
        lower(starts_max, fmt::format("{:04}-12-31", *f.year));
        raise(ends_min, fmt::format("{:04}-01-01", *f.year));
      }
      const std::string today = FormatIsoDate(f.today);
      switch (f.period) {
        case conventions::Period::kCurrent:
          lower(starts_max, today);
          raise(ends_min, today);
          break;
        case conventions::Period::kUpcoming:
          raise(starts_min, FormatIsoDate(AddDays(f.today, 1)));
          break;
        case conventions::Period::kEnded:
          lower(ends_max, FormatIsoDate(AddDays(f.today, -1)));
          break;
        case conventions::Period::kAny:
          break;
      }
      const long long organisation = f.organisation_id, late = f.late ? 1 : 0;
      ConventionData data;
      long long commitments = 0, met = 0, received = 0;
      soci::statement st(sql_);
      st.exchange(soci::use(organisation, "o1"));
      st.exchange(soci::use(organisation, "o2"));
      st.exchange(soci::use(starts_min, "s1"));
      st.exchange(soci::use(starts_max, "s2"));
      st.exchange(soci::use(ends_min, "e1"));
      st.exchange(soci::use(ends_max, "e2"));
      st.exchange(soci::use(late, "l"));
      st.exchange(soci::use(today, "t"));
      data.Into(st);
      st.exchange(soci::into(commitments));
      st.exchange(soci::into(met));
      st.exchange(soci::into(received));
      Prepare(st,
              fmt::format(
                  "SELECT {}, (SELECT COUNT(*) FROM convention_commitments k WHERE "
                  "k.convention_id = c.id), (SELECT COUNT(*) FROM convention_commitments k WHERE "
                  "k.convention_id = c.id AND k.status = 'met'), (SELECT CAST(COALESCE("
                  "SUM(i.amount_cents), 0) AS BIGINT) FROM convention_instalments i WHERE "
                  "i.convention_id = c.id AND i.received_on <> '') FROM conventions c JOIN "
                  "organisations o ON o.id = c.organisation_id WHERE (:o1 = 0 OR "
                  "c.organisation_id = :o2) AND "
                  "c.starts_on >= :s1 AND c.starts_on <= :s2 AND c.ends_on >= :e1 AND "
                  "c.ends_on <= :e2 AND (:l = 0 OR EXISTS (SELECT 1 FROM convention_commitments "
                  "k WHERE k.convention_id = c.id AND k.due_on < :t AND k.status IN ('planned', "
                  "'in_progress'))) ORDER BY c.starts_on DESC, c.id DESC",
                  kConventionColumns));
      st.execute();
      std::vector<ConventionRow> out;
      while (st.fetch())
        out.push_back({data.ToConvention(), data.partner, static_cast<int>(commitments),
                       static_cast<int>(met), received});
      return out;
    });
  }

  Status SetEnvelopes(std::int64_t convention_id, const std::vector<std::int64_t>& ids) override {
    return Guard("set convention envelopes", [&]() -> Status {
      const long long key = convention_id;
      sql_ << "DELETE FROM convention_envelopes WHERE convention_id = :c", soci::use(key);
      for (std::int64_t id : ids) {
        const long long envelope = id;
        sql_ << "INSERT INTO convention_envelopes (convention_id, envelope_id) VALUES (:c, :e)",
            soci::use(key), soci::use(envelope);
      }
      return Ok();
    });
  }

  Result<std::vector<std::int64_t>> Envelopes(std::int64_t convention_id) override {
    return Guard("convention envelopes", [&]() -> Result<std::vector<std::int64_t>> {
      const long long key = convention_id;
      long long id = 0;
      soci::statement st = (sql_.prepare << "SELECT envelope_id FROM convention_envelopes WHERE "
                                            "convention_id = :c ORDER BY envelope_id",
                            soci::use(key), soci::into(id));
      st.execute();
      std::vector<std::int64_t> out;
      while (st.fetch()) out.push_back(id);
      return out;
    });
  }

  Result<std::int64_t> AddInstalment(const Instalment& i) override {
    return Guard("add convention instalment", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long convention = i.convention_id, amount = i.amount_cents, created = i.created_at;
      const std::string due = FormatIsoDate(i.due_on),
                        received = i.received_on ? FormatIsoDate(*i.received_on) : "";
      sql_ << "INSERT INTO convention_instalments (convention_id, due_on, amount_cents, "
              "received_on, created_at) VALUES (:c, :d, :a, :r, :cr) RETURNING id",
          soci::use(convention), soci::use(due), soci::use(amount), soci::use(received),
          soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<Instalment> FindInstalment(std::int64_t id) override {
    return Guard("find convention instalment", [&]() -> Result<Instalment> {
      auto found = SelectInstalments("id = :k", id);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such instalment");
      return found.front();
    });
  }

  Status SetReceived(std::int64_t instalment_id, std::optional<Date> received_on) override {
    return Guard("set instalment received", [&]() -> Status {
      const long long key = instalment_id;
      const std::string received = received_on ? FormatIsoDate(*received_on) : "";
      soci::statement st = (sql_.prepare << "UPDATE convention_instalments SET received_on = :r "
                                            "WHERE id = :id",
                            soci::use(received), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such instalment");
      return Ok();
    });
  }

  Result<std::vector<Instalment>> Instalments(std::int64_t convention_id) override {
    return Guard("list convention instalments", [&]() -> Result<std::vector<Instalment>> {
      return SelectInstalments("convention_id = :k ORDER BY due_on, id", convention_id);
    });
  }

  Result<std::int64_t> AddCommitment(const Commitment& c) override {
    return Guard("add convention commitment", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long convention = c.convention_id, target = c.target, achieved = c.achieved,
                      created = c.created_at, updated = c.updated_at;
      const std::string due = FormatIsoDate(c.due_on),
                        status(conventions::CommitmentStatusCode(c.status));
      sql_ << "INSERT INTO convention_commitments (convention_id, description, indicator, "
              "target, achieved, due_on, status, created_at, updated_at) VALUES (:c, :d, :i, :t, "
              ":a, :du, :s, :cr, :u) RETURNING id",
          soci::use(convention), soci::use(c.description), soci::use(c.indicator),
          soci::use(target), soci::use(achieved), soci::use(due), soci::use(status),
          soci::use(created), soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<Commitment> FindCommitment(std::int64_t id) override {
    return Guard("find convention commitment", [&]() -> Result<Commitment> {
      auto found = SelectCommitments("id = :k", id);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such commitment");
      return found.front();
    });
  }

  Status UpdateProgress(const Commitment& c) override {
    return Guard("update commitment progress", [&]() -> Status {
      const long long key = c.id, achieved = c.achieved, updated = c.updated_at;
      const std::string status(conventions::CommitmentStatusCode(c.status));
      soci::statement st =
          (sql_.prepare << "UPDATE convention_commitments SET achieved = :a, status = :s, "
                           "updated_at = :u WHERE id = :id",
           soci::use(achieved), soci::use(status), soci::use(updated), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such commitment");
      return Ok();
    });
  }

  Result<std::vector<Commitment>> Commitments(std::int64_t convention_id) override {
    return Guard("list convention commitments", [&]() -> Result<std::vector<Commitment>> {
      return SelectCommitments("convention_id = :k ORDER BY due_on, id", convention_id);
    });
  }

  Result<std::int64_t> AddFollowUp(const FollowUp& f) override {
    return Guard("add commitment follow-up", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long commitment = f.commitment_id, author = f.author_id, achieved = f.achieved,
                      created = f.created_at;
      const std::string recorded = FormatIsoDate(f.recorded_on),
                        status(conventions::CommitmentStatusCode(f.status));
      sql_ << "INSERT INTO convention_followups (commitment_id, author_id, recorded_on, "
              "achieved, status, note, created_at) VALUES (:c, :a, :r, :v, :s, :n, :cr) "
              "RETURNING id",
          soci::use(commitment), soci::use(author), soci::use(recorded), soci::use(achieved),
          soci::use(status), soci::use(f.note), soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<std::vector<FollowUp>> FollowUps(std::int64_t convention_id) override {
    return Guard("list commitment follow-ups", [&]() -> Result<std::vector<FollowUp>> {
      const long long key = convention_id;
      long long id = 0, commitment = 0, author = 0, achieved = 0, created = 0;
      std::string recorded, status, note, name;
      soci::statement st =
          (sql_.prepare << "SELECT f.id, f.commitment_id, f.author_id, f.recorded_on, "
                           "f.achieved, f.status, f.note, f.created_at, u.display_name FROM "
                           "convention_followups f JOIN convention_commitments k ON k.id = "
                           "f.commitment_id JOIN users u ON u.id = f.author_id WHERE "
                           "k.convention_id = :c ORDER BY f.id DESC",
           soci::use(key), soci::into(id), soci::into(commitment), soci::into(author),
           soci::into(recorded), soci::into(achieved), soci::into(status), soci::into(note),
           soci::into(created), soci::into(name));
      st.execute();
      std::vector<FollowUp> out;
      while (st.fetch())
        out.push_back({id, commitment, author, DateOf(recorded), achieved,
                       conventions::ParseCommitmentStatus(status).value_or(
                           conventions::CommitmentStatus::kPlanned),
                       note, created, name});
      return out;
    });
  }

 private:
  std::vector<Instalment> SelectInstalments(const std::string& where, std::int64_t key_value) {
    const long long key = key_value;
    long long id = 0, convention = 0, amount = 0, created = 0;
    std::string due, received;
    soci::statement st(sql_);
    st.exchange(soci::use(key));
    st.exchange(soci::into(id));
    st.exchange(soci::into(convention));
    st.exchange(soci::into(due));
    st.exchange(soci::into(amount));
    st.exchange(soci::into(received));
    st.exchange(soci::into(created));
    Prepare(st,
            "SELECT id, convention_id, due_on, amount_cents, received_on, created_at FROM "
            "convention_instalments WHERE " +
                where);
    st.execute();
    std::vector<Instalment> out;
    while (st.fetch())
      out.push_back({id, convention, DateOf(due), amount, ParseIsoDate(received), created});
    return out;
  }

  std::vector<Commitment> SelectCommitments(const std::string& where, std::int64_t key_value) {
    const long long key = key_value;
    CommitmentData data;
    soci::statement st(sql_);
    st.exchange(soci::use(key));
    data.Into(st);
    Prepare(st, fmt::format("SELECT {} FROM convention_commitments WHERE {}", kCommitmentColumns,
                            where));
    st.execute();
    std::vector<Commitment> out;
    while (st.fetch()) out.push_back(data.ToCommitment());
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<conventions::ConventionRepository> MakeSqlConventions(soci::session& sql) {
  return std::make_unique<SqlConventions>(sql);
}

}  // namespace maplace::storage
