#include "storage/sql_reporting.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <soci/soci.h>

#include "storage/sql_binder.h"
#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using reporting::FunnelStep;
using reporting::KeyCount;
using reporting::RecordLine;
using reporting::Scope;

// Applications with their offer (ROME, level, workplace area) and organisation (branch, OPCO).
constexpr char kApplicationsFrom[] =
    " FROM applications a"
    " JOIN offers o ON o.id = a.offer_id"
    " JOIN organisations g ON g.id = a.organisation_id"
    " LEFT JOIN commune_areas ca ON ca.insee_code = o.commune_code"
    " LEFT JOIN idcc_branches b ON b.idcc = g.idcc";

// Aid requests (q) with the organisation that asked (none for a young person's own).
constexpr char kRequestOrganisation[] =
    " LEFT JOIN organisations g ON g.id = q.organisation_id"
    " LEFT JOIN commune_areas ca ON ca.insee_code = g.commune_code"
    " LEFT JOIN idcc_branches b ON b.idcc = g.idcc";
const std::string kRequestsFrom = std::string(" FROM aid_requests q") + kRequestOrganisation;

// The scope's conditions on the joins above (`offers`: whether the offer's columns exist).
std::vector<std::string> ScopeConditions(const Scope& scope, Binder& bind, bool offers) {
  std::vector<std::string> out;
  if (!scope.area.empty()) out.push_back("ca.area_code = " + bind.Text(scope.area));
  if (!scope.branch.empty()) out.push_back("g.idcc = " + bind.Text(scope.branch));
  if (!scope.opco.empty()) out.push_back("b.opco = " + bind.Text(scope.opco));
  if (offers && scope.level != 0) out.push_back("o.level = " + bind.Number(scope.level));
  if (offers && !scope.rome.empty()) out.push_back("o.rome_code = " + bind.Text(scope.rome));
  return out;
}

std::vector<std::string> ApplicationConditions(const Scope& scope, Binder& bind, UnixSeconds from,
                                               UnixSeconds to) {
  auto out = ScopeConditions(scope, bind, true);
  out.push_back("a.created_at >= " + bind.Number(from));
  out.push_back("a.created_at < " + bind.Number(to));
  return out;
}

std::vector<std::string> RequestConditions(const Scope& scope, Binder& bind, UnixSeconds from,
                                           UnixSeconds to) {
  auto out = ScopeConditions(scope, bind, false);
  out.push_back("q.state <> 'draft'");
  out.push_back("q.created_at >= " + bind.Number(from));
  out.push_back("q.created_at < " + bind.Number(to));
  return out;
}

// Offers with their organisation, the area of their workplace.
constexpr char kOffersFrom[] =
    " FROM offers o"
    " JOIN organisations g ON g.id = o.organisation_id"
    " LEFT JOIN commune_areas ca ON ca.insee_code = o.commune_code"
    " LEFT JOIN idcc_branches b ON b.idcc = g.idcc";

// Organisations with the area of their commune.
constexpr char kOrganisationsFrom[] =
    " FROM organisations g"
    " LEFT JOIN commune_areas ca ON ca.insee_code = g.commune_code"
    " LEFT JOIN idcc_branches b ON b.idcc = g.idcc";

// `at` within [from, to), bound in that order.
std::string Within(Binder& bind, std::string_view at, UnixSeconds from, UnixSeconds to) {
  const std::string after = bind.Number(from), before = bind.Number(to);
  return fmt::format("{} >= {} AND {} < {}", at, after, at, before);
}

constexpr char kReplied[] =
    "EXISTS (SELECT 1 FROM application_replies r WHERE r.application_id = a.id)";
constexpr char kInterview[] =
    "EXISTS (SELECT 1 FROM application_replies r WHERE r.application_id = a.id AND "
    "r.kind = 'interview')";

// The records behind a figure: `select` yields id, time, title, who and state, in that order.
std::vector<RecordLine> ReadLines(soci::statement& st, const std::string& select) {
  RecordLine line;
  long long id = 0, at = 0;
  st.exchange(soci::into(id));
  st.exchange(soci::into(at));
  st.exchange(soci::into(line.title));
  st.exchange(soci::into(line.who));
  st.exchange(soci::into(line.state));
  Prepare(st, select);
  st.execute();
  std::vector<RecordLine> out;
  while (st.fetch()) {
    line.id = id;
    line.at = at;
    out.push_back(line);
  }
  return out;
}

reporting::ApprenticeRef Apprentice(long long id, long long account) {
  reporting::ApprenticeRef out{id, std::nullopt};
  if (account != 0) out.account_id = account;
  return out;
}

// Lines of key, count and sum, in that order.
std::vector<KeyCount> ReadCounts(soci::statement& st, const std::string& select) {
  KeyCount line;
  long long count = 0, cents = 0;
  st.exchange(soci::into(line.key));
  st.exchange(soci::into(count));
  st.exchange(soci::into(cents));
  Prepare(st, select);
  st.execute();
  std::vector<KeyCount> out;
  while (st.fetch()) {
    line.count = count;
    line.amount_cents = cents;
    out.push_back(line);
  }
  return out;
}

class SqlReporting final : public reporting::ReportingRepository {
 public:
  explicit SqlReporting(soci::session& sql) : sql_(sql) {}

  Result<std::vector<KeyCount>> GrantedByAid(const Scope& scope, UnixSeconds from,
                                             UnixSeconds to) override {
    return Counts("granted by aid", "q.aid_id", "SUM(q.amount_cents)", kRequestsFrom,
                  [&](Binder& bind) {
                    auto out = RequestConditions(scope, bind, from, to);
                    out.push_back(
                        "(q.state IN ('committed', 'paid') OR "
                        "(q.state = 'closed' AND q.paid_cents > 0))");
                    return out;
                  });
  }

  Result<std::vector<KeyCount>> PaidByAid(const Scope& scope, UnixSeconds from,
                                          UnixSeconds to) override {
    return Counts("paid by aid", "q.aid_id", "SUM(p.amount_cents)",
                  std::string(" FROM payments p JOIN aid_requests q ON q.id = p.request_id") +
                      kRequestOrganisation,
                  [&](Binder& bind) {
                    auto out = ScopeConditions(scope, bind, false);
                    out.push_back(Within(bind, "p.created_at", from, to));
                    return out;
                  });
  }

  Result<std::vector<KeyCount>> OffersPublished(const Scope& scope, UnixSeconds from,
                                                UnixSeconds to) override {
    return Counts("offers published", "o.contract", "0", kOffersFrom, [&](Binder& bind) {
      auto out = ScopeConditions(scope, bind, true);
      out.push_back("o.published_at <> 0");
      out.push_back(Within(bind, "o.published_at", from, to));
      return out;
    });
  }

  Result<std::vector<KeyCount>> OffersFilled(const Scope& scope, UnixSeconds from,
                                             UnixSeconds to) override {
    return Counts("offers filled", "o.filled_channel", "0", kOffersFrom, [&](Binder& bind) {
      auto out = ScopeConditions(scope, bind, true);
      out.push_back("o.state = 'filled'");
      out.push_back(Within(bind, "o.updated_at", from, to));
      return out;
    });
  }

  Result<std::vector<KeyCount>> NewOrganisations(const Scope& scope, UnixSeconds from,
                                                 UnixSeconds to) override {
    if (scope.BindsOffersOnly()) return std::vector<KeyCount>{};
    return Counts("new organisations", "g.kind", "0", kOrganisationsFrom, [&](Binder& bind) {
      auto out = ScopeConditions(scope, bind, false);
      out.push_back("g.kind IN ('employer', 'cfa')");
      out.push_back("g.is_demo = 0");
      out.push_back(Within(bind, "g.created_at", from, to));
      return out;
    });
  }

  Result<reporting::Funnel> ApplicationFunnel(const Scope& scope, UnixSeconds from,
                                              UnixSeconds to) override {
    return Guard("application funnel", [&]() -> Result<reporting::Funnel> {
      soci::statement st(sql_);
      Binder bind(st);
      const std::string where = Where(ApplicationConditions(scope, bind, from, to));
      long long sent = 0, replied = 0, interview = 0, hired = 0;
      st.exchange(soci::into(sent));
      st.exchange(soci::into(replied));
      st.exchange(soci::into(interview));
      st.exchange(soci::into(hired));
      Prepare(st, fmt::format("SELECT COUNT(*), COALESCE(SUM(CASE WHEN {} THEN 1 ELSE 0 END), 0), "
                              "COALESCE(SUM(CASE WHEN {} THEN 1 ELSE 0 END), 0), "
                              "COALESCE(SUM(CASE WHEN a.status = 'hired' THEN 1 ELSE 0 END), 0)"
                              "{}{}",
                              kReplied, kInterview, kApplicationsFrom, where));
      st.execute(true);
      return reporting::Funnel{sent, replied, interview, hired};
    });
  }

  Result<std::vector<std::int64_t>> FirstReplyDelays(const Scope& scope, UnixSeconds from,
                                                     UnixSeconds to) override {
    return Guard("first reply delays", [&]() -> Result<std::vector<std::int64_t>> {
      soci::statement st(sql_);
      Binder bind(st);
      const std::string where = Where(ApplicationConditions(scope, bind, from, to));
      long long delay = 0;
      st.exchange(soci::into(delay));
      Prepare(st, fmt::format("SELECT MIN(r.created_at) - a.created_at AS delay{} JOIN "
                              "application_replies r ON r.application_id = a.id{} "
                              "GROUP BY a.id, a.created_at ORDER BY delay",
                              kApplicationsFrom, where));
      st.execute();
      std::vector<std::int64_t> out;
      while (st.fetch()) out.push_back(delay);
      return out;
    });
  }

  Result<std::vector<reporting::HireCell>> Hires(const Scope& scope, UnixSeconds from,
                                                 UnixSeconds to) override {
    return Guard("hires", [&]() -> Result<std::vector<reporting::HireCell>> {
      soci::statement st(sql_);
      Binder bind(st);
      auto conditions = ScopeConditions(scope, bind, true);
      conditions.push_back("a.status = 'hired'");
      conditions.push_back("h.kind = 'hire'");
      conditions.push_back("h.created_at >= " + bind.Number(from));
      conditions.push_back("h.created_at < " + bind.Number(to));
      std::string rome, area, label;
      long long organisation = 0, hires = 0;
      st.exchange(soci::into(rome));
      st.exchange(soci::into(area));
      st.exchange(soci::into(organisation));
      st.exchange(soci::into(hires));
      st.exchange(soci::into(label));
      Prepare(st, fmt::format("SELECT o.rome_code, COALESCE(ca.area_code, '') AS area, "
                              "a.organisation_id, COUNT(*), COALESCE(MAX(rj.label), '')"
                              "{} JOIN application_replies h ON h.application_id = a.id"
                              " LEFT JOIN rome_jobs rj ON rj.code = o.rome_code{} "
                              "GROUP BY o.rome_code, COALESCE(ca.area_code, ''), a.organisation_id "
                              "ORDER BY o.rome_code, area, a.organisation_id",
                              kApplicationsFrom, Where(conditions)));
      st.execute();
      std::vector<reporting::HireCell> out;
      while (st.fetch()) out.push_back({rome, area, organisation, hires, label});
      return out;
    });
  }

  Result<std::vector<std::int64_t>> Applicants(const Scope& scope, UnixSeconds from,
                                               UnixSeconds to) override {
    return Guard("applicants", [&]() -> Result<std::vector<std::int64_t>> {
      soci::statement st(sql_);
      Binder bind(st);
      const std::string where = Where(ApplicationConditions(scope, bind, from, to));
      long long applicant = 0;
      st.exchange(soci::into(applicant));
      Prepare(st, fmt::format("SELECT DISTINCT a.applicant_id{}{} ORDER BY a.applicant_id",
                              kApplicationsFrom, where));
      st.execute();
      std::vector<std::int64_t> out;
      while (st.fetch()) out.push_back(applicant);
      return out;
    });
  }

  Result<std::vector<reporting::RequestCell>> AidRequests(const Scope& scope, UnixSeconds from,
                                                          UnixSeconds to) override {
    return Guard("aid request figures", [&]() -> Result<std::vector<reporting::RequestCell>> {
      soci::statement st(sql_);
      Binder bind(st);
      const std::string where = Where(RequestConditions(scope, bind, from, to));
      std::string aid, state;
      long long requests = 0, amount = 0;
      st.exchange(soci::into(aid));
      st.exchange(soci::into(state));
      st.exchange(soci::into(requests));
      st.exchange(soci::into(amount));
      Prepare(st, fmt::format("SELECT q.aid_id, q.state, COUNT(*), COALESCE(SUM(q.amount_cents), 0)"
                              "{}{} GROUP BY q.aid_id, q.state ORDER BY q.aid_id, q.state",
                              kRequestsFrom, where));
      st.execute();
      std::vector<reporting::RequestCell> out;
      while (st.fetch()) out.push_back({aid, state, requests, amount});
      return out;
    });
  }

  Result<std::vector<reporting::RequestPerson>> AidRequestPeople(const Scope& scope,
                                                                 UnixSeconds from,
                                                                 UnixSeconds to) override {
    return Guard("aid request people", [&]() -> Result<std::vector<reporting::RequestPerson>> {
      soci::statement st(sql_);
      Binder bind(st);
      const std::string where = Where(RequestConditions(scope, bind, from, to));
      long long requester = 0, organisation = 0, apprentice = 0, account = 0;
      std::string name;
      st.exchange(soci::into(requester));
      st.exchange(soci::into(organisation));
      st.exchange(soci::into(name));
      st.exchange(soci::into(apprentice));
      st.exchange(soci::into(account));
      Prepare(st, fmt::format("SELECT DISTINCT q.requester_id, COALESCE(q.organisation_id, 0), "
                              "q.beneficiary_name, COALESCE(ap.id, 0), "
                              "COALESCE(ap.young_person_id, 0){}"
                              " LEFT JOIN follow_up_aid_requests fa ON fa.aid_request_id = q.id"
                              " LEFT JOIN apprentices ap ON ap.id = fa.apprentice_id{}",
                              kRequestsFrom, where));
      st.execute();
      std::vector<reporting::RequestPerson> out;
      while (st.fetch()) {
        reporting::RequestPerson p{requester, std::nullopt, name, std::nullopt};
        if (organisation != 0) p.organisation_id = organisation;
        if (apprentice != 0) p.linked = Apprentice(apprentice, account);
        out.push_back(std::move(p));
      }
      return out;
    });
  }

  Result<std::vector<reporting::ApprenticeAt>> ApprenticesAtRequesters(const Scope& scope,
                                                                       UnixSeconds from,
                                                                       UnixSeconds to) override {
    return Guard(
        "apprentices at requesters", [&]() -> Result<std::vector<reporting::ApprenticeAt>> {
          soci::statement st(sql_);
          Binder bind(st);
          auto conditions = RequestConditions(scope, bind, from, to);
          conditions.push_back("q.organisation_id IS NOT NULL");
          long long organisation = 0, apprentice = 0, account = 0;
          std::string last, first;
          st.exchange(soci::into(organisation));
          st.exchange(soci::into(apprentice));
          st.exchange(soci::into(account));
          st.exchange(soci::into(last));
          st.exchange(soci::into(first));
          Prepare(st, fmt::format("SELECT DISTINCT r.organisation_id, ap.id, "
                                  "COALESCE(ap.young_person_id, 0), ap.last_name, ap.first_name "
                                  "FROM (SELECT DISTINCT q.organisation_id{}{}) r"
                                  " JOIN contracts c ON c.employer_id = r.organisation_id"
                                  " OR c.cfa_id = r.organisation_id"
                                  " JOIN apprentices ap ON ap.id = c.apprentice_id"
                                  " ORDER BY r.organisation_id, ap.id",
                                  kRequestsFrom, Where(conditions)));
          st.execute();
          std::vector<reporting::ApprenticeAt> out;
          while (st.fetch())
            out.push_back({organisation, Apprentice(apprentice, account), last, first});
          return out;
        });
  }

  Result<std::vector<reporting::ApprenticeRef>> FollowedApprentices(const Scope& scope,
                                                                    UnixSeconds from,
                                                                    UnixSeconds to) override {
    if (!scope.rome.empty()) return std::vector<reporting::ApprenticeRef>{};
    return Guard("followed apprentices", [&]() -> Result<std::vector<reporting::ApprenticeRef>> {
      soci::statement st(sql_);
      Binder bind(st);
      std::vector<std::string> entries;
      for (const auto& [table, at] : {std::pair{"follow_up_difficulties", "created_at"},
                                      {"follow_up_risks", "created_at"},
                                      {"follow_up_actions", "created_at"},
                                      {"follow_up_notes", "created_at"},
                                      {"follow_up_aid_requests", "linked_at"}}) {
        // Bound in the order they appear (SOCI binds by position).
        const std::string after = bind.Number(from), before = bind.Number(to);
        entries.push_back(fmt::format("SELECT apprentice_id FROM {} WHERE {} >= {} AND {} < {}",
                                      table, at, after, at, before));
      }
      std::vector<std::string> conditions{
          fmt::format("ap.id IN ({})", fmt::join(entries, " UNION "))};
      // Through any of the apprentice's contracts: its employer and its level.
      auto contract = ScopeConditions(scope, bind, false);
      if (scope.level != 0) contract.push_back("c.level = " + bind.Number(scope.level));
      if (!contract.empty()) {
        contract.insert(contract.begin(), "c.apprentice_id = ap.id");
        conditions.push_back(
            fmt::format("EXISTS (SELECT 1 FROM contracts c"
                        " JOIN organisations g ON g.id = c.employer_id"
                        " LEFT JOIN commune_areas ca ON ca.insee_code = g.commune_code"
                        " LEFT JOIN idcc_branches b ON b.idcc = g.idcc{})",
                        Where(contract)));
      }
      long long apprentice = 0, account = 0;
      st.exchange(soci::into(apprentice));
      st.exchange(soci::into(account));
      Prepare(st, fmt::format("SELECT ap.id, COALESCE(ap.young_person_id, 0) FROM apprentices ap{}"
                              " ORDER BY ap.id",
                              Where(conditions)));
      st.execute();
      std::vector<reporting::ApprenticeRef> out;
      while (st.fetch()) out.push_back(Apprentice(apprentice, account));
      return out;
    });
  }

  Result<std::vector<reporting::RequestCell>> CommittedByContractKind(int year) override {
    return Guard(
        "committed by contract kind", [&]() -> Result<std::vector<reporting::RequestCell>> {
          // The situation is stored as compact JSON (aids::SituationToJson): its only "kind" is the
          // contract's.
          long long y = year, pro = 0, apprenticeship = 0, requests_pro = 0, requests_app = 0;
          sql_ << "SELECT "
                  "COALESCE(SUM(CASE WHEN q.situation_json LIKE "
                  "'%\"kind\":\"professionnalisation\"%' "
                  "THEN q.amount_cents ELSE 0 END), 0), "
                  "COALESCE(SUM(CASE WHEN q.situation_json LIKE '%\"kind\":\"apprentissage\"%' "
                  "THEN q.amount_cents ELSE 0 END), 0), "
                  "COALESCE(SUM(CASE WHEN q.situation_json LIKE "
                  "'%\"kind\":\"professionnalisation\"%' "
                  "THEN 1 ELSE 0 END), 0), "
                  "COALESCE(SUM(CASE WHEN q.situation_json LIKE '%\"kind\":\"apprentissage\"%' "
                  "THEN 1 ELSE 0 END), 0) "
                  "FROM aid_requests q JOIN aid_envelopes e ON e.id = q.envelope_id "
                  "WHERE e.year = :y AND (q.state IN ('committed', 'paid') OR "
                  "(q.state = 'closed' AND q.paid_cents > 0))",
              soci::use(y), soci::into(pro), soci::into(apprenticeship), soci::into(requests_pro),
              soci::into(requests_app);
          return std::vector<reporting::RequestCell>{
              {"", "apprentissage", requests_app, apprenticeship},
              {"", "professionnalisation", requests_pro, pro}};
        });
  }

  Result<std::vector<RecordLine>> ApplicationLines(const Scope& scope, UnixSeconds from,
                                                   UnixSeconds to, FunnelStep step,
                                                   int limit) override {
    return Guard("application lines", [&]() -> Result<std::vector<RecordLine>> {
      soci::statement st(sql_);
      Binder bind(st);
      auto conditions = ApplicationConditions(scope, bind, from, to);
      if (step == FunnelStep::kReplied) conditions.push_back(kReplied);
      if (step == FunnelStep::kInterview) conditions.push_back(kInterview);
      if (step == FunnelStep::kHired) conditions.push_back("a.status = 'hired'");
      return ReadLines(st, fmt::format("SELECT a.id, a.created_at, o.title, g.name, a.status{}{} "
                                       "ORDER BY a.created_at DESC, a.id DESC LIMIT {}",
                                       kApplicationsFrom, Where(conditions), limit));
    });
  }

  Result<std::vector<RecordLine>> AidRequestLines(const Scope& scope, UnixSeconds from,
                                                  UnixSeconds to, const std::string& aid_id,
                                                  const std::string& state, int limit) override {
    return Guard("aid request lines", [&]() -> Result<std::vector<RecordLine>> {
      soci::statement st(sql_);
      Binder bind(st);
      auto conditions = RequestConditions(scope, bind, from, to);
      if (!aid_id.empty()) conditions.push_back("q.aid_id = " + bind.Text(aid_id));
      if (!state.empty()) conditions.push_back("q.state = " + bind.Text(state));
      return ReadLines(
          st, fmt::format("SELECT q.id, q.created_at, q.aid_id, q.beneficiary_name, q.state"
                          "{}{} ORDER BY q.created_at DESC, q.id DESC LIMIT {}",
                          kRequestsFrom, Where(conditions), limit));
    });
  }

 private:
  // Lines of `key`, COUNT(*) and `sum` over `from`, grouped and ordered by key, under the
  // conditions `where` writes (binding their values).
  template <typename Where_>
  Result<std::vector<KeyCount>> Counts(const char* what, const std::string& key,
                                       const std::string& sum, const std::string& from,
                                       Where_&& where) {
    return Guard(what, [&]() -> Result<std::vector<KeyCount>> {
      soci::statement st(sql_);
      Binder bind(st);
      const std::string conditions = Where(where(bind));
      return ReadCounts(st, fmt::format("SELECT {0}, COUNT(*), {1}{2}{3} GROUP BY {0} ORDER BY {0}",
                                        key, sum, from, conditions));
    });
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<reporting::ReportingRepository> MakeSqlReporting(soci::session& sql) {
  return std::make_unique<SqlReporting>(sql);
}

}  // namespace maplace::storage
