#include "storage/sql_trainings.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using trainings::Certification;
using trainings::Training;

constexpr char kColumns[] =
    "id, organisation_id, created_by, rncp_code, cfd_code, level, title, rhythm, start_dates, "
    "duration_months, places, commune_code, rome_codes, contact_name, contact_email, "
    "contact_phone, published, created_at, updated_at";

struct TrainingRow {
  long long id = 0, organisation = 0, created_by = 0, created = 0, updated = 0;
  int level = 0, duration = 0, places = 0, published = 0;
  std::string rncp, cfd, title, rhythm, dates, commune, rome, name, email, phone;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(organisation));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(rncp));
    st.exchange(soci::into(cfd));
    st.exchange(soci::into(level));
    st.exchange(soci::into(title));
    st.exchange(soci::into(rhythm));
    st.exchange(soci::into(dates));
    st.exchange(soci::into(duration));
    st.exchange(soci::into(places));
    st.exchange(soci::into(commune));
    st.exchange(soci::into(rome));
    st.exchange(soci::into(name));
    st.exchange(soci::into(email));
    st.exchange(soci::into(phone));
    st.exchange(soci::into(published));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }

  Training ToTraining() const {
    Training t;
    t.id = id;
    t.organisation_id = organisation;
    t.created_by = created_by;
    t.input.rncp_code = rncp;
    t.input.cfd_code = cfd;
    t.input.level = level;
    t.input.title = title;
    t.input.rhythm = rhythm;
    t.input.start_dates = trainings::SplitList(dates);
    t.input.duration_months = duration;
    t.input.places = places;
    t.input.commune_code = commune;
    t.input.rome_codes = trainings::SplitList(rome);
    t.input.contact_name = name;
    t.input.contact_email = email;
    t.input.contact_phone = phone;
    t.published = published != 0;
    t.created_at = created;
    t.updated_at = updated;
    return t;
  }
};

class SqlTrainings final : public trainings::TrainingRepository {
 public:
  explicit SqlTrainings(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Create(const Training& t) override {
    return Guard("create training", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long organisation = t.organisation_id, created_by = t.created_by,
                      created = t.created_at, updated = t.updated_at;
      const int published = t.published ? 1 : 0;
      const std::string dates = trainings::JoinList(t.input.start_dates),
                        rome = trainings::JoinList(t.input.rome_codes);
      sql_ << "INSERT INTO trainings (organisation_id, created_by, rncp_code, cfd_code, level, "
              "title, rhythm, start_dates, duration_months, places, commune_code, rome_codes, "
              "contact_name, contact_email, contact_phone, published, created_at, updated_at) "
              "VALUES (:o, :b, :rn, :cf, :l, :t, :rh, :da, :du, :pl, :co, :ro, :cn, :ce, :cp, "
              ":pu, :cr, :up) RETURNING id",
          soci::use(organisation), soci::use(created_by), soci::use(t.input.rncp_code),
          soci::use(t.input.cfd_code), soci::use(t.input.level), soci::use(t.input.title),
          soci::use(t.input.rhythm), soci::use(dates), soci::use(t.input.duration_months),
          soci::use(t.input.places), soci::use(t.input.commune_code), soci::use(rome),
          soci::use(t.input.contact_name), soci::use(t.input.contact_email),
          soci::use(t.input.contact_phone), soci::use(published), soci::use(created),
          soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Status Update(const Training& t) override {
    return Guard("update training", [&]() -> Status {
      const long long key = t.id, updated = t.updated_at;
      const int published = t.published ? 1 : 0;
      const std::string dates = trainings::JoinList(t.input.start_dates),
                        rome = trainings::JoinList(t.input.rome_codes);
      soci::statement st =
          (sql_.prepare << "UPDATE trainings SET rncp_code = :rn, cfd_code = :cf, level = :l, "
                           "title = :t, rhythm = :rh, start_dates = :da, duration_months = :du, "
                           "places = :pl, commune_code = :co, rome_codes = :ro, "
                           "contact_name = :cn, contact_email = :ce, contact_phone = :cp, "
                           "published = :pu, updated_at = :up WHERE id = :id",
           soci::use(t.input.rncp_code), soci::use(t.input.cfd_code), soci::use(t.input.level),
           soci::use(t.input.title), soci::use(t.input.rhythm), soci::use(dates),
           soci::use(t.input.duration_months), soci::use(t.input.places),
           soci::use(t.input.commune_code), soci::use(rome), soci::use(t.input.contact_name),
           soci::use(t.input.contact_email), soci::use(t.input.contact_phone), soci::use(published),
           soci::use(updated), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such training");
      return Ok();
    });
  }

  Status Delete(std::int64_t id) override {
    return Guard("delete training", [&]() -> Status {
      const long long key = id;
      soci::statement st = (sql_.prepare << "DELETE FROM trainings WHERE id = :id", soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such training");
      return Ok();
    });
  }

  Result<Training> FindById(std::int64_t id) override {
    return Guard("find training", [&]() -> Result<Training> {
      auto found = Select("WHERE id = :k", static_cast<long long>(id));
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such training");
      return found.front();
    });
  }

  Result<std::vector<Training>> ListByOrganisation(std::int64_t organisation_id) override {
    return Guard("list trainings", [&]() -> Result<std::vector<Training>> {
      return Select("WHERE organisation_id = :k ORDER BY id",
                    static_cast<long long>(organisation_id));
    });
  }

  Result<std::vector<Training>> ListPublished() override {
    return Guard("list published trainings", [&]() -> Result<std::vector<Training>> {
      return Select("WHERE published = 1 AND 0 = :k ORDER BY id", 0);
    });
  }

  Result<bool> HasCertifications() override {
    return Guard("count certifications", [&]() -> Result<bool> {
      long long n = 0;
      sql_ << "SELECT COUNT(*) FROM (SELECT 1 FROM certifications LIMIT 1) AS one", soci::into(n);
      return n > 0;
    });
  }

  Result<std::optional<Certification>> FindCertification(const std::string& rncp,
                                                         const std::string& cfd) override {
    return Guard("find certification", [&]() -> Result<std::optional<Certification>> {
      for (const auto& [column, code] :
           {std::pair{"rncp_code", &rncp}, std::pair{"cfd_code", &cfd}}) {
        if (code->empty()) continue;
        Certification c;
        std::string level;
        soci::indicator found = soci::i_null;
        sql_ << fmt::format(
            "SELECT certifinfo_code, label, diploma_type, "
            "COALESCE(CAST(level AS TEXT), ''), COALESCE(rncp_code, ''), "
            "COALESCE(cfd_code, '') FROM certifications WHERE {} = :c "
            "ORDER BY certifinfo_code LIMIT 1",
            column),
            soci::use(*code), soci::into(c.certifinfo_code, found), soci::into(c.label),
            soci::into(c.diploma_type), soci::into(level), soci::into(c.rncp_code),
            soci::into(c.cfd_code);
        if (!sql_.got_data() || found == soci::i_null) continue;
        c.level = level.empty() ? 0 : std::stoi(level);
        std::string rome;
        soci::statement st = (sql_.prepare << "SELECT rome_code FROM certification_rome WHERE "
                                              "certifinfo_code = :c ORDER BY rank, rome_code",
                              soci::use(c.certifinfo_code), soci::into(rome));
        st.execute();
        while (st.fetch()) c.rome_codes.push_back(rome);
        return std::optional<Certification>(std::move(c));
      }
      return std::optional<Certification>();
    });
  }

 private:
  std::vector<Training> Select(const std::string& where, long long key) {
    TrainingRow row;
    soci::statement st(sql_);
    row.Into(st);
    st.exchange(soci::use(key));
    st.alloc();
    st.prepare(fmt::format("SELECT {} FROM trainings {}", kColumns, where));
    st.define_and_bind();
    st.execute();
    std::vector<Training> out;
    while (st.fetch()) out.push_back(row.ToTraining());
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<trainings::TrainingRepository> MakeSqlTrainings(soci::session& sql) {
  return std::make_unique<SqlTrainings>(sql);
}

}  // namespace maplace::storage
