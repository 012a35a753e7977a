#include "storage/sql_aids.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using aids::Npec;
using aids::ParameterOverride;

constexpr char kNpecColumns[] =
    "rncp_code, cpne_code, cpne_label, certification_label, yearly_cents, applicable_from, status";

// One row of kNpecColumns, bound column by column.
struct NpecRow {
  std::string rncp_code, cpne_code, cpne_label, certification_label, applicable_from, status;
  long long yearly_cents = 0;
  soci::indicator label_ind = soci::i_ok, from_ind = soci::i_ok, status_ind = soci::i_ok;

  void Into(soci::statement& st) {
    st.exchange(soci::into(rncp_code));
    st.exchange(soci::into(cpne_code));
    st.exchange(soci::into(cpne_label));
    st.exchange(soci::into(certification_label, label_ind));
    st.exchange(soci::into(yearly_cents));
    st.exchange(soci::into(applicable_from, from_ind));
    st.exchange(soci::into(status, status_ind));
  }
  Npec ToNpec() const {
    Npec n{rncp_code, cpne_code, cpne_label, {}, yearly_cents, {}, {}};
    if (label_ind == soci::i_ok) n.certification_label = certification_label;
    // The importer writes ISO dates; anything else would be a hand edit, read as "not given".
    if (from_ind == soci::i_ok) n.applicable_from = ParseIsoDate(applicable_from);
    if (status_ind == soci::i_ok) n.status = status;
    return n;
  }
};

class SqlAids final : public aids::AidsRepository {
 public:
  explicit SqlAids(soci::session& sql) : sql_(sql) {}

  Result<Npec> FindNpec(std::string_view rncp_code, std::string_view cpne_code) override {
    return Guard("find npec", [&]() -> Result<Npec> {
      auto found = Select("WHERE rncp_code = :r AND cpne_code = :c", rncp_code, cpne_code);
      if (found.empty())
        return Fail(ErrorCode::kNotFound,
                    fmt::format("no NPEC for {} in CPNE {}", rncp_code, cpne_code));
      return found.front();
    });
  }

  Result<std::vector<Npec>> NpecsForCertification(std::string_view rncp_code) override {
    return Guard("list npec", [&]() -> Result<std::vector<Npec>> {
      return Select("WHERE rncp_code = :r ORDER BY yearly_cents, LENGTH(cpne_code), cpne_code",
                    rncp_code, std::nullopt);
    });
  }

  Result<std::vector<ParameterOverride>> ParameterOverrides() override {
    return Guard("list parameter overrides", [&]() -> Result<std::vector<ParameterOverride>> {
      ParameterOverride o;
      double value = 0;
      long long by = 0, at = 0;
      soci::statement st = (sql_.prepare << "SELECT name, value, reason, changed_by, changed_at "
                                            "FROM aid_parameter_overrides ORDER BY name",
                            soci::into(o.name), soci::into(value), soci::into(o.reason),
                            soci::into(by), soci::into(at));
      st.execute();
      std::vector<ParameterOverride> out;
      while (st.fetch()) {
        o.value = value;
        o.changed_by = by;
        o.changed_at = at;
        out.push_back(o);
      }
      return out;
    });
  }

  Status SetParameterOverride(const ParameterOverride& o) override {
    return Guard("set parameter override", [&]() -> Status {
      const double value = o.value;
      const long long by = o.changed_by, at = o.changed_at;
      sql_ << "INSERT INTO aid_parameter_overrides (name, value, reason, changed_by, changed_at) "
              "VALUES (:n, :v, :r, :b, :t) ON CONFLICT (name) DO UPDATE SET "
              "value = excluded.value, reason = excluded.reason, "
              "changed_by = excluded.changed_by, changed_at = excluded.changed_at",
          soci::use(o.name), soci::use(value), soci::use(o.reason), soci::use(by), soci::use(at);
      return Ok();
    });
  }

  Status RemoveParameterOverride(std::string_view name) override {
    return Guard("remove parameter override", [&]() -> Status {
      const std::string key(name);
      soci::statement st =
          (sql_.prepare << "DELETE FROM aid_parameter_overrides WHERE name = :n", soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0)
        return Fail(ErrorCode::kNotFound, fmt::format("no override of parameter {}", key));
      return Ok();
    });
  }

 private:
  // `where` binds :r (the RNCP code) and, when `cpne` is set, :c.
  std::vector<Npec> Select(const std::string& where, std::string_view rncp,
                           std::optional<std::string_view> cpne) {
    const std::string rncp_key(rncp), cpne_key(cpne.value_or(""));
    NpecRow row;
    soci::statement st(sql_);
    row.Into(st);
    st.exchange(soci::use(rncp_key));
    if (cpne) st.exchange(soci::use(cpne_key));
    st.alloc();
    st.prepare(fmt::format("SELECT {} FROM npec {}", kNpecColumns, where));
    st.define_and_bind();
    st.execute();
    std::vector<Npec> out;
    while (st.fetch()) out.push_back(row.ToNpec());
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<aids::AidsRepository> MakeSqlAids(soci::session& sql) {
  return std::make_unique<SqlAids>(sql);
}

}  // namespace maplace::storage
