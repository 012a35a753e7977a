#include "storage/sql_jobs.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <limits>
#include <map>

#include "domain/jobs/tension.h"
#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using jobs::Commune;
constexpr double kNoPosition = std::numeric_limits<double>::quiet_NaN();
using jobs::EmploymentArea;
using jobs::FapRomeLink;
using jobs::HiringFigure;
using jobs::Job;
using jobs::JobSummary;
using jobs::Sector;

// Rows of one text column.
std::vector<std::string> Strings(soci::session& sql, const std::string& query,
                                 const std::string& key) {
  std::string value;
  soci::statement st = (sql.prepare << query, soci::use(key), soci::into(value));
  st.execute();
  std::vector<std::string> out;
  while (st.fetch()) out.push_back(value);
  return out;
}

class SqlJobs final : public jobs::JobsRepository {
 public:
  explicit SqlJobs(soci::session& sql) : sql_(sql) {}

  Result<Job> FindJob(std::string_view code) override {
    return Guard("find job", [&]() -> Result<Job> {
      Job job;
      const std::string key(code);
      soci::indicator v3 = soci::i_ok;
      sql_ << "SELECT j.code, j.label, j.grand_domain_code, g.label, j.professional_domain_code, "
              "p.label, j.parent_code, j.definition, j.access, v.label FROM rome_jobs j "
              "JOIN rome_grand_domains g ON g.code = j.grand_domain_code "
              "JOIN rome_professional_domains p ON p.code = j.professional_domain_code "
              "LEFT JOIN rome_v3_labels v ON v.code = j.parent_code WHERE j.code = :code",
          soci::use(key), soci::into(job.code), soci::into(job.label),
          soci::into(job.grand_domain_code), soci::into(job.grand_domain_label),
          soci::into(job.professional_domain_code), soci::into(job.professional_domain_label),
          soci::into(job.parent_code), soci::into(job.definition), soci::into(job.access),
          soci::into(job.v3_label, v3);
      if (!sql_.got_data()) return Fail(ErrorCode::kNotFound, "no such ROME code");
      if (v3 != soci::i_ok) job.v3_label.clear();
      job.titles = Strings(sql_,
                           "SELECT label FROM rome_job_titles WHERE rome_code = :code "
                           "ORDER BY is_main DESC, label",
                           key);
      job.skills = Strings(sql_,
                           "SELECT s.label FROM rome_job_skills l JOIN rome_skills s "
                           "ON s.ogr_code = l.ogr_code WHERE l.rome_code = :code "
                           "AND s.kind = 'savoir_faire' ORDER BY s.label",
                           key);
      job.knowledge = Strings(sql_,
                              "SELECT s.label FROM rome_job_skills l JOIN rome_skills s "
                              "ON s.ogr_code = l.ogr_code WHERE l.rome_code = :code "
                              "AND s.kind = 'savoir' ORDER BY s.label",
                              key);
      JobSummary target;
      soci::statement st =
          (sql_.prepare << "SELECT j.code, j.label FROM rome_mobility m JOIN rome_jobs j "
                           "ON j.code = m.target_code WHERE m.rome_code = :code ORDER BY m.rank",
           soci::use(key), soci::into(target.code), soci::into(target.label));
      st.execute();
      while (st.fetch()) job.mobility.push_back(target);
      jobs::CertificationSummary c;
      int level = 0, apprenticeship = 0;
      soci::indicator level_ind = soci::i_ok, rncp_ind = soci::i_ok;
      soci::statement certifications =
          // PostgreSQL sorts a SELECT DISTINCT only by what it selects: sort outside it.
          (sql_.prepare << "SELECT * FROM (SELECT DISTINCT c.certifinfo_code, c.label, "
                           "c.diploma_type, c.level, c.rncp_code, c.apprenticeship "
                           "FROM certification_rome r "
                           "JOIN certifications c ON c.certifinfo_code = r.certifinfo_code "
                           "WHERE r.rome_code IN (:code, :parent)) d "
                           "ORDER BY d.level IS NULL, d.level, d.label",
           soci::use(key), soci::use(job.parent_code), soci::into(c.code), soci::into(c.label),
           soci::into(c.diploma_type), soci::into(level, level_ind),
           soci::into(c.rncp_code, rncp_ind), soci::into(apprenticeship));
      certifications.execute();
      while (certifications.fetch()) {
        c.level = level_ind == soci::i_ok ? std::optional<int>(level) : std::nullopt;
        if (rncp_ind != soci::i_ok) c.rncp_code.clear();
        c.apprenticeship = apprenticeship == 1;
        job.certifications.push_back(c);
      }
      return job;
    });
  }

  Result<std::vector<std::pair<std::string, std::string>>> JobTitles() override {
    return Guard("job titles", [&]() -> Result<std::vector<std::pair<std::string, std::string>>> {
      std::string code, title;
      soci::statement st = (sql_.prepare << "SELECT rome_code, label FROM rome_job_titles "
                                            "ORDER BY rome_code, is_main DESC, label",
                            soci::into(code), soci::into(title));
      st.execute();
      std::vector<std::pair<std::string, std::string>> out;
      while (st.fetch()) out.emplace_back(code, title);
      return out;
    });
  }

  Result<std::vector<JobSummary>> AllJobs() override {
    return Guard("all jobs", [&]() -> Result<std::vector<JobSummary>> {
      JobSummary job;
      soci::statement st = (sql_.prepare << "SELECT code, label FROM rome_jobs ORDER BY code",
                            soci::into(job.code), soci::into(job.label));
      st.execute();
      std::vector<JobSummary> out;
      while (st.fetch()) out.push_back(job);
      return out;
    });
  }

  Result<std::vector<std::pair<std::string, std::string>>> JobParents() override {
    return Guard("job parents", [&]() -> Result<std::vector<std::pair<std::string, std::string>>> {
      std::string code, parent;
      soci::statement st = (sql_.prepare << "SELECT code, parent_code FROM rome_jobs",
                            soci::into(code), soci::into(parent));
      st.execute();
      std::vector<std::pair<std::string, std::string>> out;
      while (st.fetch()) out.emplace_back(code, parent);
      return out;
    });
  }

  Result<std::vector<Sector>> Sectors() override {
    return Guard("sectors", [&]() -> Result<std::vector<Sector>> {
      Sector sector;
      soci::statement st =
          (sql_.prepare << "SELECT code, label FROM rome_grand_domains ORDER BY code",
           soci::into(sector.code), soci::into(sector.label));
      st.execute();
      std::vector<Sector> out;
      while (st.fetch()) out.push_back(sector);
      return out;
    });
  }

  Result<std::vector<HiringFigure>> HiringFigures() override {
    return Guard("hiring figures", [&]() -> Result<std::vector<HiringFigure>> {
      HiringFigure f;
      int year = 0;
      long long projects = 0, difficult = 0, seasonal = 0;
      soci::indicator pi = soci::i_ok, di = soci::i_ok, si = soci::i_ok;
      soci::statement st =
          (sql_.prepare << "SELECT year, fap_code, fap_label, area_code, projects, difficult, "
                           "seasonal FROM bmo_figures ORDER BY year, fap_code, area_code",
           soci::into(year), soci::into(f.fap_code), soci::into(f.fap_label),
           soci::into(f.area_code), soci::into(projects, pi), soci::into(difficult, di),
           soci::into(seasonal, si));
      st.execute();
      std::vector<HiringFigure> out;
      while (st.fetch()) {
        f.year = year;
        f.projects = pi == soci::i_ok ? std::optional<std::int64_t>(projects) : std::nullopt;
        f.difficult = di == soci::i_ok ? std::optional<std::int64_t>(difficult) : std::nullopt;
        f.seasonal = si == soci::i_ok ? std::optional<std::int64_t>(seasonal) : std::nullopt;
        out.push_back(f);
      }
      return out;
    });
  }

  Result<std::vector<FapRomeLink>> FapRomeLinks() override {
    return Guard("fap rome", [&]() -> Result<std::vector<FapRomeLink>> {
      FapRomeLink link;
      soci::statement st = (sql_.prepare << "SELECT fap_code, rome_code FROM fap_rome",
                            soci::into(link.fap_code), soci::into(link.rome_code));
      st.execute();
      std::vector<FapRomeLink> out;
      while (st.fetch()) out.push_back(link);
      return out;
    });
  }

  Result<std::vector<EmploymentArea>> Areas() override {
    return Guard("areas", [&]() -> Result<std::vector<EmploymentArea>> {
      EmploymentArea area;
      soci::statement st = (sql_.prepare << "SELECT code, name FROM employment_areas ORDER BY code",
                            soci::into(area.code), soci::into(area.name));
      st.execute();
      std::vector<EmploymentArea> out;
      while (st.fetch()) {
        area.short_name = jobs::AreaShortName(area.name);
        out.push_back(area);
      }
      return out;
    });
  }

  // The communes of the employment areas, with their postal codes, population and centroid
  // when known.
  Result<std::vector<Commune>> Communes() override {
    return Guard("communes", [&]() -> Result<std::vector<Commune>> {
      std::map<std::string, std::vector<std::string>> postal;
      {
        std::string code, insee;
        soci::statement st =
            (sql_.prepare << "SELECT p.postal_code, p.insee_code FROM postal_codes p "
                             "JOIN commune_areas a ON a.insee_code = p.insee_code "
                             "ORDER BY p.postal_code",
             soci::into(code), soci::into(insee));
        st.execute();
        while (st.fetch()) {
          auto& codes = postal[insee];
          if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
        }
      }
      Commune c;
      long long population = 0, latitude = 0, longitude = 0;
      soci::indicator pi = soci::i_ok, lai = soci::i_ok, loi = soci::i_ok;
      soci::statement st =
          (sql_.prepare << "SELECT c.insee_code, c.name, a.area_code, c.population, "
                           "p.latitude_e6, p.longitude_e6 FROM commune_areas a "
                           "JOIN communes c ON c.insee_code = a.insee_code "
                           "LEFT JOIN commune_positions p ON p.insee_code = a.insee_code "
                           "ORDER BY c.name",
           soci::into(c.insee_code), soci::into(c.name), soci::into(c.area_code),
           soci::into(population, pi), soci::into(latitude, lai), soci::into(longitude, loi));
      st.execute();
      std::vector<Commune> out;
      while (st.fetch()) {
        c.population = pi == soci::i_ok ? population : 0;
        const bool placed = lai == soci::i_ok && loi == soci::i_ok;
        c.latitude = placed ? static_cast<double>(latitude) / 1e6 : kNoPosition;
        c.longitude = placed ? static_cast<double>(longitude) / 1e6 : kNoPosition;
        c.postal_codes = postal[c.insee_code];
        out.push_back(c);
      }
      return out;
    });
  }

  Result<std::int64_t> DataVersion() override {
    return Guard("data version", [&]() -> Result<std::int64_t> {
      long long version = 0;
      soci::indicator ind = soci::i_ok;
      sql_ << "SELECT MAX(id) FROM dataset_imports", soci::into(version, ind);
      return ind == soci::i_ok ? static_cast<std::int64_t>(version) : 0;
    });
  }

 private:
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<jobs::JobsRepository> MakeSqlJobs(soci::session& sql) {
  return std::make_unique<SqlJobs>(sql);
}

}  // namespace maplace::storage
