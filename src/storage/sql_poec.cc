#include "storage/sql_poec.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using poec::Candidate;
using poec::Cohort;
using poec::Partner;
using poec::Programme;

constexpr char kProgrammeColumns[] =
    "id, title, rome_code, training_organisation, hours, funding, partner_opcos, created_by, "
    "created_at, updated_at";

constexpr char kCandidateColumns[] =
    "id, cohort_id, name, email, phone, commune_code, stage, hours_attended, outcome, company, "
    "outcome_date, created_at, updated_at";

struct CandidateRow {
  long long id = 0, cohort = 0, created = 0, updated = 0;
  int hours = 0;
  std::string name, email, phone, commune, stage, outcome, company, date;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(cohort));
    st.exchange(soci::into(name));
    st.exchange(soci::into(email));
    st.exchange(soci::into(phone));
    st.exchange(soci::into(commune));
    st.exchange(soci::into(stage));
    st.exchange(soci::into(hours));
    st.exchange(soci::into(outcome));
    st.exchange(soci::into(company));
    st.exchange(soci::into(date));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }
  Candidate ToCandidate() const {
    Candidate c;
    c.id = id;
    c.cohort_id = cohort;
    c.name = name;
    c.email = email;
    c.phone = phone;
    c.commune_code = commune;
    c.stage = poec::ParseStage(stage).value_or(poec::Stage::kInformation);
    c.hours_attended = hours;
    c.outcome = outcome;
    c.company = company;
    c.outcome_date = date;
    c.created_at = created;
    c.updated_at = updated;
    return c;
  }
};

void Prepare(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
}

class SqlPoec final : public poec::PoecRepository {
 public:
  explicit SqlPoec(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> CreateProgramme(const Programme& p) override {
    return Guard("create poec programme", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long by = p.created_by, created = p.created_at, updated = p.updated_at;
      const int hours = p.input.hours;
      sql_ << "INSERT INTO poec_programmes (title, rome_code, training_organisation, hours, "
              "funding, partner_opcos, created_by, created_at, updated_at) VALUES (:t, :r, :o, "
              ":h, :f, :p, :b, :c, :u) RETURNING id",
          soci::use(p.input.title), soci::use(p.input.rome_code),
          soci::use(p.input.training_organisation), soci::use(hours), soci::use(p.input.funding),
          soci::use(p.input.partner_opcos), soci::use(by), soci::use(created), soci::use(updated),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Status UpdateProgramme(const Programme& p) override {
    return Guard("update poec programme", [&]() -> Status {
      const long long key = p.id, updated = p.updated_at;
      const int hours = p.input.hours;
      soci::statement st =
          (sql_.prepare << "UPDATE poec_programmes SET title = :t, rome_code = :r, "
                           "training_organisation = :o, hours = :h, funding = :f, partner_opcos "
                           "= :p, updated_at = :u WHERE id = :id",
           soci::use(p.input.title), soci::use(p.input.rome_code),
           soci::use(p.input.training_organisation), soci::use(hours), soci::use(p.input.funding),
           soci::use(p.input.partner_opcos), soci::use(updated), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such programme");
      return Ok();
    });
  }
  Result<Programme> FindProgramme(std::int64_t id) override {
    return Guard("find poec programme", [&]() -> Result<Programme> {
      auto found = SelectProgrammes("WHERE id = :k", id);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such programme");
      return found.front();
    });
  }
  Result<std::vector<Programme>> Programmes() override {
    return Guard("list poec programmes", [&]() -> Result<std::vector<Programme>> {
      return SelectProgrammes("WHERE id > :k ORDER BY id DESC", 0);
    });
  }

  Result<std::int64_t> AddPartner(const Partner& p) override {
    return Guard("add poec partner", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long programme = p.programme_id, created = p.created_at;
      const int positions = p.positions;
      sql_ << "INSERT INTO poec_partners (programme_id, company, positions, created_at) VALUES "
              "(:p, :c, :n, :cr) RETURNING id",
          soci::use(programme), soci::use(p.company), soci::use(positions), soci::use(created),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Result<std::vector<Partner>> Partners(std::int64_t programme_id) override {
    return Guard("list poec partners", [&]() -> Result<std::vector<Partner>> {
      Partner p;
      long long id = 0, programme = 0, created = 0;
      int positions = 0;
      const long long key = programme_id;
      soci::statement st =
          (sql_.prepare << "SELECT id, programme_id, company, positions, created_at FROM "
                           "poec_partners WHERE programme_id = :k ORDER BY id",
           soci::into(id), soci::into(programme), soci::into(p.company), soci::into(positions),
           soci::into(created), soci::use(key));
      st.execute();
      std::vector<Partner> out;
      while (st.fetch()) {
        p.id = id;
        p.programme_id = programme;
        p.positions = positions;
        p.created_at = created;
        out.push_back(p);
      }
      return out;
    });
  }

  Result<std::int64_t> CreateCohort(const Cohort& c) override {
    return Guard("create poec cohort", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long programme = c.programme_id, created = c.created_at;
      sql_ << "INSERT INTO poec_cohorts (programme_id, label, start_date, end_date, place, "
              "created_at) VALUES (:p, :l, :s, :e, :pl, :c) RETURNING id",
          soci::use(programme), soci::use(c.label), soci::use(c.start_date), soci::use(c.end_date),
          soci::use(c.place), soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Result<Cohort> FindCohort(std::int64_t id) override {
    return Guard("find poec cohort", [&]() -> Result<Cohort> {
      auto found = SelectCohorts("WHERE id = :k", id);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such cohort");
      return found.front();
    });
  }
  Result<std::vector<Cohort>> Cohorts(std::int64_t programme_id) override {
    return Guard("list poec cohorts", [&]() -> Result<std::vector<Cohort>> {
      return SelectCohorts("WHERE programme_id = :k ORDER BY start_date, id", programme_id);
    });
  }

  Result<std::int64_t> AddCandidate(const Candidate& c) override {
    return Guard("add poec candidate", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long cohort = c.cohort_id, created = c.created_at, updated = c.updated_at;
      const int hours = c.hours_attended;
      const std::string stage(poec::StageCode(c.stage));
      sql_ << "INSERT INTO poec_candidates (cohort_id, name, email, phone, commune_code, stage, "
              "hours_attended, outcome, company, outcome_date, created_at, updated_at) VALUES "
              "(:c, :n, :e, :p, :co, :s, :h, :o, :cp, :d, :cr, :u) RETURNING id",
          soci::use(cohort), soci::use(c.name), soci::use(c.email), soci::use(c.phone),
          soci::use(c.commune_code), soci::use(stage), soci::use(hours), soci::use(c.outcome),
          soci::use(c.company), soci::use(c.outcome_date), soci::use(created), soci::use(updated),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Status UpdateCandidate(const Candidate& c) override {
    return Guard("update poec candidate", [&]() -> Status {
      const long long key = c.id, updated = c.updated_at;
      const int hours = c.hours_attended;
      const std::string stage(poec::StageCode(c.stage));
      soci::statement st =
          (sql_.prepare << "UPDATE poec_candidates SET name = :n, email = :e, phone = :p, "
                           "commune_code = :co, stage = :s, hours_attended = :h, outcome = :o, "
                           "company = :cp, outcome_date = :d, updated_at = :u WHERE id = :id",
           soci::use(c.name), soci::use(c.email), soci::use(c.phone), soci::use(c.commune_code),
           soci::use(stage), soci::use(hours), soci::use(c.outcome), soci::use(c.company),
           soci::use(c.outcome_date), soci::use(updated), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such candidate");
      return Ok();
    });
  }
  Result<Candidate> FindCandidate(std::int64_t id) override {
    return Guard("find poec candidate", [&]() -> Result<Candidate> {
      auto found = SelectCandidates("WHERE id = :a", std::to_string(id), "");
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such candidate");
      return found.front();
    });
  }
  Result<std::vector<Candidate>> Candidates(std::int64_t cohort_id) override {
    return Guard("list poec candidates", [&]() -> Result<std::vector<Candidate>> {
      return SelectCandidates("WHERE cohort_id = :a ORDER BY name, id", std::to_string(cohort_id),
                              "");
    });
  }
  Result<std::vector<Candidate>> OutcomesBetween(const std::string& from,
                                                 const std::string& to) override {
    return Guard("list poec outcomes", [&]() -> Result<std::vector<Candidate>> {
      return SelectCandidates(
          "WHERE outcome <> '' AND outcome_date >= :a AND outcome_date < :b ORDER BY id", from, to);
    });
  }

 private:
  std::vector<Programme> SelectProgrammes(const std::string& where, std::int64_t key_value) {
    Programme p;
    long long id = 0, by = 0, created = 0, updated = 0, key = key_value;
    int hours = 0;
    soci::statement st =
        (sql_.prepare << fmt::format("SELECT {} FROM poec_programmes {}", kProgrammeColumns, where),
         soci::into(id), soci::into(p.input.title), soci::into(p.input.rome_code),
         soci::into(p.input.training_organisation), soci::into(hours), soci::into(p.input.funding),
         soci::into(p.input.partner_opcos), soci::into(by), soci::into(created),
         soci::into(updated), soci::use(key));
    st.execute();
    std::vector<Programme> out;
    while (st.fetch()) {
      p.id = id;
      p.input.hours = hours;
      p.created_by = by;
      p.created_at = created;
      p.updated_at = updated;
      out.push_back(p);
    }
    return out;
  }
  std::vector<Cohort> SelectCohorts(const std::string& where, std::int64_t key_value) {
    Cohort c;
    long long id = 0, programme = 0, created = 0, key = key_value;
    soci::statement st =
        (sql_.prepare << fmt::format("SELECT id, programme_id, label, start_date, end_date, "
                                     "place, created_at FROM poec_cohorts {}",
                                     where),
         soci::into(id), soci::into(programme), soci::into(c.label), soci::into(c.start_date),
         soci::into(c.end_date), soci::into(c.place), soci::into(created), soci::use(key));
    st.execute();
    std::vector<Cohort> out;
    while (st.fetch()) {
      c.id = id;
      c.programme_id = programme;
      c.created_at = created;
      out.push_back(c);
    }
    return out;
  }
  // `a` is a number when `b` is empty and the query has no :b.
  std::vector<Candidate> SelectCandidates(const std::string& where, const std::string& a,
                                          const std::string& b) {
    CandidateRow row;
    const bool two = where.find(":b") != std::string::npos;
    long long number = two ? 0 : std::stoll(a);
    soci::statement st(sql_);
    row.Into(st);
    if (two) {
      st.exchange(soci::use(a));
      st.exchange(soci::use(b));
    } else {
      st.exchange(soci::use(number));
    }
    Prepare(st, fmt::format("SELECT {} FROM poec_candidates {}", kCandidateColumns, where));
    st.execute();
    std::vector<Candidate> out;
    while (st.fetch()) out.push_back(row.ToCandidate());
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<poec::PoecRepository> MakeSqlPoec(soci::session& sql) {
  return std::make_unique<SqlPoec>(sql);
}

}  // namespace maplace::storage
