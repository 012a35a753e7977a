#include "storage/sql_applications.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using applications::Application;
using applications::CvDocument;
using applications::Reply;

constexpr char kColumns[] =
    "id, offer_id, organisation_id, applicant_id, message, start_date, rhythm, cfa_place, "
    "cv_document_id, status, refusal_reason, created_at, seen_at, reminded_at, updated_at";

struct ApplicationRow {
  long long id = 0, offer = 0, organisation = 0, applicant = 0, cv = 0, created = 0, seen = 0,
            reminded = 0, updated = 0;
  std::string message, start, rhythm, cfa, status, reason;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(offer));
    st.exchange(soci::into(organisation));
    st.exchange(soci::into(applicant));
    st.exchange(soci::into(message));
    st.exchange(soci::into(start));
    st.exchange(soci::into(rhythm));
    st.exchange(soci::into(cfa));
    st.exchange(soci::into(cv));
    st.exchange(soci::into(status));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(created));
    st.exchange(soci::into(seen));
    st.exchange(soci::into(reminded));
    st.exchange(soci::into(updated));
  }
  Application ToApplication() const {
    Application a;
    a.id = id;
    a.offer_id = offer;
    a.organisation_id = organisation;
    a.applicant_id = applicant;
    a.message = message;
    a.start_date = start;
    a.rhythm = rhythm;
    a.cfa_place = cfa;
    a.cv_document_id = cv;
    a.status = applications::ParseStatus(status).value_or(applications::ApplicationStatus::kNew);
    a.refusal_reason = reason;
    a.created_at = created;
    a.seen_at = seen;
    a.reminded_at = reminded;
    a.updated_at = updated;
    return a;
  }
};

class SqlApplications final : public applications::ApplicationRepository {
 public:
  explicit SqlApplications(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Create(const Application& a) override {
    return Guard("create application", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long offer = a.offer_id, organisation = a.organisation_id,
                      applicant = a.applicant_id, cv = a.cv_document_id, created = a.created_at,
                      updated = a.updated_at;
      const std::string status(applications::StatusCode(a.status));
      sql_ << "INSERT INTO applications (offer_id, organisation_id, applicant_id, message, "
              "start_date, rhythm, cfa_place, cv_document_id, status, created_at, updated_at) "
              "VALUES (:o, :g, :a, :m, :s, :r, :c, :cv, :st, :cr, :up) RETURNING id",
          soci::use(offer), soci::use(organisation), soci::use(applicant), soci::use(a.message),
          soci::use(a.start_date), soci::use(a.rhythm), soci::use(a.cfa_place), soci::use(cv),
          soci::use(status), soci::use(created), soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Status Update(const Application& a) override {
    return Guard("update application", [&]() -> Status {
      const long long key = a.id, seen = a.seen_at, reminded = a.reminded_at,
                      updated = a.updated_at;
      const std::string status(applications::StatusCode(a.status));
      soci::statement st =
          (sql_.prepare << "UPDATE applications SET status = :s, refusal_reason = :r, "
                           "seen_at = :se, reminded_at = :re, updated_at = :u WHERE id = :id",
           soci::use(status), soci::use(a.refusal_reason), soci::use(seen), soci::use(reminded),
           soci::use(updated), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such application");
      return Ok();
    });
  }

  Result<Application> FindById(std::int64_t id) override {
    return Guard("find application", [&]() -> Result<Application> {
      auto found = Select("WHERE id = :k", id, "");
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such application");
      return found.front();
    });
  }
  Result<std::vector<Application>> ListByApplicant(std::int64_t applicant_id) override {
    return Guard("list applications", [&]() -> Result<std::vector<Application>> {
      return Select("WHERE applicant_id = :k", applicant_id, "ORDER BY id DESC");
    });
  }
  Result<std::vector<Application>> ListByOrganisation(std::int64_t organisation_id) override {
    return Guard("list applications", [&]() -> Result<std::vector<Application>> {
      return Select("WHERE organisation_id = :k", organisation_id, "ORDER BY id DESC");
    });
  }
  Result<std::vector<Application>> ListByCv(std::int64_t cv_id) override {
    return Guard("list applications", [&]() -> Result<std::vector<Application>> {
      if (cv_id == 0) return std::vector<Application>{};
      return Select("WHERE cv_document_id = :k", cv_id, "ORDER BY id DESC");
    });
  }
  Result<int> CountForOffer(std::int64_t offer_id) override {
    return Guard("count applications", [&]() -> Result<int> {
      long long count = 0;
      const long long offer = offer_id;
      sql_ << "SELECT COUNT(*) FROM applications WHERE offer_id = :o", soci::use(offer),
          soci::into(count);
      return static_cast<int>(count);
    });
  }
  Result<std::vector<Application>> ListUnansweredSince(UnixSeconds before) override {
    return Guard("list unanswered applications", [&]() -> Result<std::vector<Application>> {
      return Select("WHERE status IN ('new', 'seen') AND reminded_at = 0 AND created_at <= :k",
                    before, "ORDER BY id");
    });
  }

  Result<std::int64_t> AddReply(const Reply& r) override {
    return Guard("add application reply", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long application = r.application_id, author = r.author_id, created = r.created_at;
      sql_ << "INSERT INTO application_replies (application_id, author_id, kind, body, "
              "created_at) VALUES (:a, :u, :k, :b, :c) RETURNING id",
          soci::use(application), soci::use(author), soci::use(r.kind), soci::use(r.body),
          soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Result<std::vector<Reply>> Replies(std::int64_t application_id) override {
    return Guard("list application replies", [&]() -> Result<std::vector<Reply>> {
      Reply r;
      long long id = 0, application = 0, author = 0, created = 0;
      const long long key = application_id;
      soci::statement st =
          (sql_.prepare << "SELECT id, application_id, author_id, kind, body, created_at FROM "
                           "application_replies WHERE application_id = :k ORDER BY id",
           soci::into(id), soci::into(application), soci::into(author), soci::into(r.kind),
           soci::into(r.body), soci::into(created), soci::use(key));
      st.execute();
      std::vector<Reply> out;
      while (st.fetch()) {
        r.id = id;
        r.application_id = application;
        r.author_id = author;
        r.created_at = created;
        out.push_back(r);
      }
      return out;
    });
  }

  Result<std::int64_t> AddCv(const CvDocument& cv) override {
    return Guard("add cv", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long owner = cv.owner_id, size = cv.size_bytes, created = cv.created_at;
      sql_ << "INSERT INTO cv_documents (owner_id, stored_name, original_name, content_type, "
              "size_bytes, sha256, created_at) VALUES (:o, :s, :n, :t, :z, :h, :c) RETURNING id",
          soci::use(owner), soci::use(cv.stored_name), soci::use(cv.original_name),
          soci::use(cv.content_type), soci::use(size), soci::use(cv.sha256), soci::use(created),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }
  Result<CvDocument> FindCv(std::int64_t id) override {
    return Guard("find cv", [&]() -> Result<CvDocument> {
      auto found = SelectCv("WHERE id = :k", id);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such cv");
      return found.front();
    });
  }
  Result<CvDocument> LatestCv(std::int64_t owner_id) override {
    return Guard("latest cv", [&]() -> Result<CvDocument> {
      auto found = SelectCv("WHERE owner_id = :k ORDER BY id DESC", owner_id);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no cv");
      return found.front();
    });
  }

 private:
  std::vector<Application> Select(const std::string& where, std::int64_t key_value,
                                  const std::string& order) {
    ApplicationRow row;
    long long key = key_value;
    soci::statement st(sql_);
    row.Into(st);
    st.exchange(soci::use(key));
    st.alloc();
    st.prepare(fmt::format("SELECT {} FROM applications {} {}", kColumns, where, order));
    st.define_and_bind();
    st.execute();
    std::vector<Application> out;
    while (st.fetch()) out.push_back(row.ToApplication());
    return out;
  }
  std::vector<CvDocument> SelectCv(const std::string& where, std::int64_t key_value) {
    CvDocument cv;
    long long id = 0, owner = 0, size = 0, created = 0, key = key_value;
    soci::statement st =
        (sql_.prepare << fmt::format("SELECT id, owner_id, stored_name, original_name, "
                                     "content_type, size_bytes, sha256, created_at FROM "
                                     "cv_documents {}",
                                     where),
         soci::into(id), soci::into(owner), soci::into(cv.stored_name),
         soci::into(cv.original_name), soci::into(cv.content_type), soci::into(size),
         soci::into(cv.sha256), soci::into(created), soci::use(key));
    st.execute();
    std::vector<CvDocument> out;
    while (st.fetch()) {
      cv.id = id;
      cv.owner_id = owner;
      cv.size_bytes = size;
      cv.created_at = created;
      out.push_back(cv);
    }
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<applications::ApplicationRepository> MakeSqlApplications(soci::session& sql) {
  return std::make_unique<SqlApplications>(sql);
}

}  // namespace maplace::storage
