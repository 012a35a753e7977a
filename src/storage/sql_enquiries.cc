#include "storage/sql_enquiries.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using enquiries::Enquiry;
using enquiries::EnquiryReply;
using enquiries::Partner;

constexpr char kColumns[] =
    "id, kind, organisation_id, author_id, training_id, subject, message, start_date, rhythm, "
    "cfa_place, cv_document_id, status, created_at, seen_at, reminded_at, updated_at";

struct EnquiryRow {
  long long id = 0, organisation = 0, author = 0, training = 0, cv = 0, created = 0, seen = 0,
            reminded = 0, updated = 0;
  std::string kind, subject, message, start, rhythm, cfa, status;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(organisation));
    st.exchange(soci::into(author));
    st.exchange(soci::into(training));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(message));
    st.exchange(soci::into(start));
    st.exchange(soci::into(rhythm));
    st.exchange(soci::into(cfa));
    st.exchange(soci::into(cv));
    st.exchange(soci::into(status));
    st.exchange(soci::into(created));
    st.exchange(soci::into(seen));
    st.exchange(soci::into(reminded));
    st.exchange(soci::into(updated));
  }
  Enquiry ToEnquiry() const {
    Enquiry e;
    e.id = id;
    e.kind = enquiries::ParseKind(kind).value_or(enquiries::EnquiryKind::kInformation);
    e.organisation_id = organisation;
    e.author_id = author;
    e.training_id = training;
    e.subject = subject;
    e.message = message;
    e.start_date = start;
    e.rhythm = rhythm;
    e.cfa_place = cfa;
    e.cv_document_id = cv;
    e.status = enquiries::ParseStatus(status).value_or(enquiries::EnquiryStatus::kNew);
    e.created_at = created;
    e.seen_at = seen;
    e.reminded_at = reminded;
    e.updated_at = updated;
    return e;
  }
};

class SqlEnquiries final : public enquiries::EnquiryRepository {
 public:
  explicit SqlEnquiries(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Create(const Enquiry& e) override {
    return Guard("create enquiry", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long organisation = e.organisation_id, author = e.author_id,
                      training = e.training_id, cv = e.cv_document_id, created = e.created_at,
                      updated = e.updated_at;
      const std::string kind(enquiries::KindCode(e.kind)), status(enquiries::StatusCode(e.status));
      sql_ << "INSERT INTO enquiries (kind, organisation_id, author_id, training_id, subject, "
              "message, start_date, rhythm, cfa_place, cv_document_id, status, created_at, "
              "updated_at) VALUES (:k, :o, :a, :t, :su, :m, :s, :r, :c, :cv, :st, :cr, :up) "
              "RETURNING id",
          soci::use(kind), soci::use(organisation), soci::use(author), soci::use(training),
          soci::use(e.subject), soci::use(e.message), soci::use(e.start_date), soci::use(e.rhythm),
          soci::use(e.cfa_place), soci::use(cv), soci::use(status), soci::use(created),
          soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Status Update(const Enquiry& e) override {
    return Guard("update enquiry", [&]() -> Status {
      const long long key = e.id, seen = e.seen_at, reminded = e.reminded_at,
                      updated = e.updated_at;
      const std::string status(enquiries::StatusCode(e.status));
      soci::statement st =
          (sql_.prepare << "UPDATE enquiries SET status = :s, seen_at = :se, reminded_at = :re, "
                           "updated_at = :u WHERE id = :id",
           soci::use(status), soci::use(seen), soci::use(reminded), soci::use(updated),
           soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such enquiry");
      return Ok();
    });
  }

  Result<Enquiry> FindById(std::int64_t id) override {
    return Guard("find enquiry", [&]() -> Result<Enquiry> {
      auto found = Select("WHERE id = :k", id, "");
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such enquiry");
      return found.front();
    });
  }
  Result<std::vector<Enquiry>> ListByAuthor(std::int64_t author_id) override {
    return Guard("list enquiries", [&]() -> Result<std::vector<Enquiry>> {
      return Select("WHERE author_id = :k", author_id, "ORDER BY id DESC");
    });
  }
  Result<std::vector<Enquiry>> ListByOrganisation(std::int64_t organisation_id) override {
    return Guard("list enquiries", [&]() -> Result<std::vector<Enquiry>> {
      return Select("WHERE organisation_id = :k", organisation_id, "ORDER BY id DESC");
    });
  }
  Result<std::vector<Enquiry>> ListByCv(std::int64_t cv_id) override {
    return Guard("list enquiries", [&]() -> Result<std::vector<Enquiry>> {
      if (cv_id == 0) return std::vector<Enquiry>{};
      return Select("WHERE cv_document_id = :k", cv_id, "ORDER BY id DESC");
    });
  }
  Result<int> CountByAuthorSince(std::int64_t author_id, UnixSeconds since) override {
    return Guard("count enquiries", [&]() -> Result<int> {
      long long count = 0;
      const long long author = author_id, from = since;
      sql_ << "SELECT COUNT(*) FROM enquiries WHERE author_id = :a AND created_at >= :s",
          soci::use(author), soci::use(from), soci::into(count);
      return static_cast<int>(count);
    });
  }
  Result<std::vector<Enquiry>> ListUnansweredSince(UnixSeconds before) override {
    return Guard("list unanswered enquiries", [&]() -> Result<std::vector<Enquiry>> {
      return Select("WHERE status IN ('new', 'seen') AND reminded_at = 0 AND created_at <= :k",
                    before, "ORDER BY id");
    });
  }

  Result<std::int64_t> AddReply(const EnquiryReply& r) override {
    return Guard("add enquiry reply", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long enquiry = r.enquiry_id, author = r.author_id, created = r.created_at;
      sql_ << "INSERT INTO enquiry_replies (enquiry_id, author_id, kind, body, created_at) "
              "VALUES (:e, :u, :k, :b, :c) RETURNING id",
          soci::use(enquiry), soci::use(author), soci::use(r.kind), soci::use(r.body),
          soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Result<std::vector<EnquiryReply>> Replies(std::int64_t enquiry_id) override {
    return Guard("list enquiry replies", [&]() -> Result<std::vector<EnquiryReply>> {
      EnquiryReply r;
      long long id = 0, enquiry = 0, author = 0, created = 0;
      const long long key = enquiry_id;
      soci::statement st =
          (sql_.prepare << "SELECT id, enquiry_id, author_id, kind, body, created_at FROM "
                           "enquiry_replies WHERE enquiry_id = :k ORDER BY id",
           soci::into(id), soci::into(enquiry), soci::into(author), soci::into(r.kind),
           soci::into(r.body), soci::into(created), soci::use(key));
      st.execute();
      std::vector<EnquiryReply> out;
      while (st.fetch()) {
        r.id = id;
        r.enquiry_id = enquiry;
        r.author_id = author;
        r.created_at = created;
        out.push_back(r);
      }
      return out;
    });
  }

  Result<std::int64_t> AddPartner(const Partner& p) override {
    return Guard("add partner", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long cfa = p.cfa_organisation_id, employer = p.employer_organisation_id,
                      by = p.created_by, created = p.created_at;
      sql_ << "INSERT INTO cfa_partners (cfa_organisation_id, employer_organisation_id, name, "
              "siret, note, created_by, created_at) VALUES (:c, :e, :n, :s, :no, :b, :t) "
              "RETURNING id",
          soci::use(cfa), soci::use(employer), soci::use(p.name), soci::use(p.siret),
          soci::use(p.note), soci::use(by), soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Result<std::vector<Partner>> Partners(std::int64_t cfa_organisation_id) override {
    return Guard("list partners", [&]() -> Result<std::vector<Partner>> {
      Partner p;
      long long id = 0, cfa = 0, employer = 0, by = 0, created = 0;
      const long long key = cfa_organisation_id;
      soci::statement st =
          (sql_.prepare << "SELECT id, cfa_organisation_id, employer_organisation_id, name, siret, "
                           "note, created_by, created_at FROM cfa_partners WHERE "
                           "cfa_organisation_id = :k ORDER BY name, id",
           soci::into(id), soci::into(cfa), soci::into(employer), soci::into(p.name),
           soci::into(p.siret), soci::into(p.note), soci::into(by), soci::into(created),
           soci::use(key));
      st.execute();
      std::vector<Partner> out;
      while (st.fetch()) {
        p.id = id;
        p.cfa_organisation_id = cfa;
        p.employer_organisation_id = employer;
        p.created_by = by;
        p.created_at = created;
        out.push_back(p);
      }
      return out;
    });
  }
  Status RemovePartner(std::int64_t cfa_organisation_id, std::int64_t id) override {
    return Guard("remove partner", [&]() -> Status {
      const long long cfa = cfa_organisation_id, key = id;
      soci::statement st = (sql_.prepare << "DELETE FROM cfa_partners WHERE id = :id AND "
                                            "cfa_organisation_id = :c",
                            soci::use(key), soci::use(cfa));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such partner");
      return Ok();
    });
  }

  Status AddReportMark(const enquiries::ReportMark& m) override {
    return Guard("add report mark", [&]() -> Status {
      const long long offer = m.offer_id, created = m.created_at;
      sql_ << "INSERT INTO offer_report_marks (offer_id, visitor, client, created_at) VALUES "
              "(:o, :v, :c, :t)",
          soci::use(offer), soci::use(m.visitor), soci::use(m.client), soci::use(created);
      return Ok();
    });
  }
  Result<int> CountReportMarksSince(const std::string& client, UnixSeconds since) override {
    return Guard("count report marks", [&]() -> Result<int> {
      long long count = 0;
      const long long from = since;
      sql_ << "SELECT COUNT(*) FROM offer_report_marks WHERE client = :c AND created_at >= :s",
          soci::use(client), soci::use(from), soci::into(count);
      return static_cast<int>(count);
    });
  }

 private:
  std::vector<Enquiry> Select(const std::string& where, std::int64_t key_value,
                              const std::string& order) {
    EnquiryRow row;
    long long key = key_value;
    soci::statement st(sql_);
    row.Into(st);
    st.exchange(soci::use(key));
    st.alloc();
    st.prepare(fmt::format("SELECT {} FROM enquiries {} {}", kColumns, where, order));
    st.define_and_bind();
    st.execute();
    std::vector<Enquiry> out;
    while (st.fetch()) out.push_back(row.ToEnquiry());
    return out;
  }

  soci::session& sql_;
};

class SqlUnsubscribes final : public outbox::UnsubscribeRepository {
 public:
  explicit SqlUnsubscribes(soci::session& sql) : sql_(sql) {}

  Result<std::string> SigningKey() override {
    return Guard("unsubscribe key", [&]() -> Result<std::string> {
      std::string secret;
      soci::indicator ind = soci::i_null;
      sql_ << "SELECT secret FROM unsubscribe_secret WHERE id = 1", soci::into(secret, ind);
      if (!sql_.got_data() || ind != soci::i_ok || secret.size() < 32)
        return Fail(ErrorCode::kInternal, "no unsubscribe secret (migration 0016)");
      return secret;
    });
  }
  Status Add(const std::string& email, const std::string& list, UnixSeconds now) override {
    return Guard("add unsubscribe", [&]() -> Status {
      const long long at = now;
      sql_ << "INSERT INTO mail_unsubscribes (email, list, created_at) VALUES (:e, :l, :t) "
              "ON CONFLICT (email, list) DO NOTHING",
          soci::use(email), soci::use(list), soci::use(at);
      return Ok();
    });
  }
  Result<bool> Contains(const std::string& email, const std::string& list) override {
    return Guard("find unsubscribe", [&]() -> Result<bool> {
      long long count = 0;
      sql_ << "SELECT COUNT(*) FROM mail_unsubscribes WHERE email = :e AND list = :l",
          soci::use(email), soci::use(list), soci::into(count);
      return count > 0;
    });
  }
  Status Remove(const std::string& email, const std::string& list) override {
    return Guard("remove unsubscribe", [&]() -> Status {
      sql_ << "DELETE FROM mail_unsubscribes WHERE email = :e AND list = :l", soci::use(email),
          soci::use(list);
      return Ok();
    });
  }

 private:
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<enquiries::EnquiryRepository> MakeSqlEnquiries(soci::session& sql) {
  return std::make_unique<SqlEnquiries>(sql);
}

std::unique_ptr<outbox::UnsubscribeRepository> MakeSqlUnsubscribes(soci::session& sql) {
  return std::make_unique<SqlUnsubscribes>(sql);
}

}  // namespace maplace::storage
