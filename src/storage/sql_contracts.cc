#include "storage/sql_contracts.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>

#include "storage/sql_binder.h"
#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using namespace contracts;

std::string DateText(const std::optional<Date>& date) {
  return date ? FormatIsoDate(*date) : std::string();
}
std::optional<Date> OptionalDate(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return ParseIsoDate(text);
}

// Checks as "id\tok\tsentence" lines (sentences hold neither tabs nor line breaks).
std::string ChecksText(const std::vector<StoredCheck>& checks) {
  std::string out;
  for (const auto& c : checks) out += fmt::format("{}\t{}\t{}\n", c.id, c.ok ? 1 : 0, c.sentence);
  return out;
}
std::vector<StoredCheck> ParseChecks(const std::string& text) {
  std::vector<StoredCheck> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a != std::string::npos && b != std::string::npos)
      out.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1) == "1", line.substr(b + 1)});
    start = end + 1;
  }
  return out;
}

constexpr char kApprenticeColumns[] =
    "a.id, a.last_name, a.first_name, a.birth_date, a.email, COALESCE(a.young_person_id, 0), "
    "COALESCE(a.advisor_id, 0), a.risk, a.created_at, a.updated_at";

struct ApprenticeData {
  long long id = 0, young = 0, advisor = 0, created = 0, updated = 0;
  std::string last, first, birth, email, risk;
  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(last));
    st.exchange(soci::into(first));
    st.exchange(soci::into(birth));
    st.exchange(soci::into(email));
    st.exchange(soci::into(young));
    st.exchange(soci::into(advisor));
    st.exchange(soci::into(risk));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }
  Apprentice Get() const {
    return Apprentice{id,      last,   first,   ParseIsoDate(birth).value_or(Date{}),
                      email,   young,  advisor, risk,
                      created, updated};
  }
};

constexpr char kContractColumns[] =
    "c.id, c.apprentice_id, c.kind, c.employer_id, COALESCE(c.cfa_id, 0), c.rncp_code, "
    "c.certification_title, c.level, c.concluded_on, c.starts_on, c.ends_on, "
    "c.training_starts_on, c.tutor_name, COALESCE(c.tutor_experience_years, -1), "
    "c.tutor_other_apprentices, c.pay_year1_cents, c.pay_year2_cents, c.pay_year3_cents, "
    "c.pay_year4_cents, c.opco, c.state, c.broken_on, c.break_initiative, c.break_reason, "
    "c.after_break, c.after_break_note, c.checks, c.created_by, c.created_at, c.updated_at, "
    "e.name, COALESCE(e.siret, ''), COALESCE(f.name, ''), COALESCE(f.uai, '')";
constexpr char kContractFrom[] =
    " FROM contracts c JOIN apprentices a ON a.id = c.apprentice_id"
    " JOIN organisations e ON e.id = c.employer_id"
    " LEFT JOIN organisations f ON f.id = c.cfa_id";

struct ContractData {
  long long id = 0, apprentice = 0, employer = 0, cfa = 0, by = 0, created = 0, updated = 0;
  long long pay[4] = {0, 0, 0, 0};
  int level = 0, tutor_years = -1, tutor_others = 0;
  std::string kind, rncp, title, concluded, starts, ends, training, tutor, opco, state, broken,
      initiative, reason, after, after_note, checks, employer_name, siret, cfa_name, uai;
  ApprenticeData a;
  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(apprentice));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(employer));
    st.exchange(soci::into(cfa));
    st.exchange(soci::into(rncp));
    st.exchange(soci::into(title));
    st.exchange(soci::into(level));
    st.exchange(soci::into(concluded));
    st.exchange(soci::into(starts));
    st.exchange(soci::into(ends));
    st.exchange(soci::into(training));
    st.exchange(soci::into(tutor));
    st.exchange(soci::into(tutor_years));
    st.exchange(soci::into(tutor_others));
    for (long long& p : pay) st.exchange(soci::into(p));
    st.exchange(soci::into(opco));
    st.exchange(soci::into(state));
    st.exchange(soci::into(broken));
    st.exchange(soci::into(initiative));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(after));
    st.exchange(soci::into(after_note));
    st.exchange(soci::into(checks));
    st.exchange(soci::into(by));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.exchange(soci::into(employer_name));
    st.exchange(soci::into(siret));
    st.exchange(soci::into(cfa_name));
    st.exchange(soci::into(uai));
    a.Into(st);
  }
  ContractRow Get() const {
    ContractRow row;
    Contract& c = row.contract;
    c.id = id;
    c.apprentice_id = apprentice;
    c.kind = ParseKind(kind).value_or(Kind::kApprenticeship);
    c.employer_id = employer;
    c.cfa_id = cfa;
    c.rncp_code = rncp;
    c.certification_title = title;
    c.level = level;
    c.concluded_on = ParseIsoDate(concluded).value_or(Date{});
    c.starts_on = ParseIsoDate(starts).value_or(Date{});
    c.ends_on = ParseIsoDate(ends).value_or(Date{});
    c.training_starts_on = OptionalDate(training);
    c.tutor_name = tutor;
    if (tutor_years >= 0) c.tutor_experience_years = tutor_years;
    c.tutor_other_apprentices = tutor_others;
    for (long long p : pay)
      if (p > 0) c.pay_cents.push_back(p);
    c.opco = opco;
    c.state = ParseState(state).value_or(State::kRunning);
    c.broken_on = OptionalDate(broken);
    c.break_initiative = initiative;
    c.break_reason = reason;
    c.after_break = after;
    c.after_break_note = after_note;
    c.checks = ParseChecks(checks);
    c.created_by = by;
    c.created_at = created;
    c.updated_at = updated;
    row.apprentice = a.Get();
    row.employer_name = employer_name;
    row.employer_siret = siret;
    row.cfa_name = cfa_name;
    row.cfa_uai = uai;
    return row;
  }
};

std::vector<std::string> Conditions(const ContractFilter& f, Binder& bind) {
  std::vector<std::string> out;
  if (f.year != 0) {
    // Running at some time in the year: started by its end, not ended (or broken) before it.
    out.push_back(fmt::format("c.starts_on <= {}", bind.Text(fmt::format("{}-12-31", f.year))));
    out.push_back(
        fmt::format("(CASE WHEN c.broken_on <> '' THEN c.broken_on ELSE c.ends_on END) >= {}",
                    bind.Text(fmt::format("{}-01-01", f.year))));
  }
  if (f.employer_id != 0) out.push_back("c.employer_id = " + bind.Number(f.employer_id));
  if (f.cfa_id != 0) out.push_back("c.cfa_id = " + bind.Number(f.cfa_id));
  if (f.state) out.push_back("c.state = " + bind.Text(std::string(StateCode(*f.state))));
  if (f.level != 0) out.push_back("c.level = " + bind.Number(f.level));
  if (f.apprentice_id != 0) out.push_back("c.apprentice_id = " + bind.Number(f.apprentice_id));
  if (f.failing_checks_only) out.push_back("c.failed_checks > 0");
  return out;
}

class SqlContracts final : public ContractRepository {
 public:
  explicit SqlContracts(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> AddApprentice(const Apprentice& a, const std::string& folded) override {
    return Guard("add apprentice", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long young = a.young_person_id, advisor = a.advisor_id, created = a.created_at,
                      updated = a.updated_at;
      const std::string birth = FormatIsoDate(a.birth_date);
      sql_ << "INSERT INTO apprentices (last_name, first_name, birth_date, folded, email, "
              "young_person_id, advisor_id, risk, created_at, updated_at) VALUES (:l, :f, :b, "
              ":k, :e, NULLIF(:y, 0), NULLIF(:a, 0), :r, :c, :u) RETURNING id",
          soci::use(a.last_name), soci::use(a.first_name), soci::use(birth), soci::use(folded),
          soci::use(a.email), soci::use(young), soci::use(advisor), soci::use(a.risk),
          soci::use(created), soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<Apprentice> FindApprentice(std::int64_t id) override {
    return Guard("find apprentice", [&]() -> Result<Apprentice> {
      auto found = OneApprentice("a.id = :k", id, "");
      if (!found) return Fail(found.error());
      if (!*found) return Fail(ErrorCode::kNotFound, "no such apprentice");
      return **found;
    });
  }

  Result<std::optional<Apprentice>> FindApprenticeByIdentity(const std::string& folded) override {
    return Guard("find apprentice", [&]() { return OneApprentice("a.folded = :k", 0, folded); });
  }

  Status UpdateApprentice(const Apprentice& a) override {
    return Guard("update apprentice", [&]() -> Status {
      const long long key = a.id, young = a.young_person_id, advisor = a.advisor_id,
                      updated = a.updated_at;
      soci::statement st =
          (sql_.prepare << "UPDATE apprentices SET email = :e, young_person_id = NULLIF(:y, 0), "
                           "advisor_id = NULLIF(:a, 0), risk = :r, updated_at = :u WHERE id = :id",
           soci::use(a.email), soci::use(young), soci::use(advisor), soci::use(a.risk),
           soci::use(updated), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such apprentice");
      return Ok();
    });
  }

  Result<std::vector<Apprentice>> ApprenticesOfAccount(std::int64_t young_person_id) override {
    return Guard("apprentices of account", [&]() -> Result<std::vector<Apprentice>> {
      const long long key = young_person_id;
      ApprenticeData d;
      soci::statement st(sql_);
      st.exchange(soci::use(key));
      d.Into(st);
      Prepare(st, fmt::format("SELECT {} FROM apprentices a WHERE a.young_person_id = :k "
                              "ORDER BY a.id",
                              kApprenticeColumns));
      st.execute();
      std::vector<Apprentice> out;
      while (st.fetch()) out.push_back(d.Get());
      return out;
    });
  }

  Result<std::int64_t> AddContract(const Contract& c) override {
    return Guard("add contract", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long apprentice = c.apprentice_id, by = c.created_by, created = c.created_at;
      // The required columns first, then every field through UpdateContract (one list of them).
      const long long employer = c.employer_id;
      const std::string starts = FormatIsoDate(c.starts_on), ends = FormatIsoDate(c.ends_on);
      const long long pay1 = c.pay_cents.empty() ? 0 : c.pay_cents.front();
      // Named: SOCI runs the statement after the expression's temporaries are gone.
      const std::string kind(KindCode(c.kind));
      sql_ << "INSERT INTO contracts (apprentice_id, kind, employer_id, level, concluded_on, "
              "starts_on, ends_on, pay_year1_cents, state, created_by, created_at, updated_at) "
              "VALUES (:a, :k, :e, :l, :co, :s, :en, :p, 'running', :b, :c, :u) RETURNING id",
          soci::use(apprentice), soci::use(kind), soci::use(employer), soci::use(c.level),
          soci::use(starts), soci::use(starts), soci::use(ends), soci::use(pay1), soci::use(by),
          soci::use(created), soci::use(created), soci::into(id);
      Contract stored = c;
      stored.id = id;
      if (auto ok = UpdateContract(stored); !ok) return Fail(ok.error());
      return static_cast<std::int64_t>(id);
    });
  }

  Status UpdateContract(const Contract& c) override {
    return Guard("update contract", [&]() -> Status {
      const long long key = c.id, apprentice = c.apprentice_id, employer = c.employer_id,
                      cfa = c.cfa_id, updated = c.updated_at;
      const int level = c.level, tutor_years = c.tutor_experience_years.value_or(-1),
                tutor_others = c.tutor_other_apprentices, failed = c.FailedChecks();
      long long pay[4] = {0, 0, 0, 0};
      for (std::size_t i = 0; i < c.pay_cents.size() && i < 4; ++i) pay[i] = c.pay_cents[i];
      const std::string kind(KindCode(c.kind)), state(StateCode(c.state)),
          concluded = FormatIsoDate(c.concluded_on), starts = FormatIsoDate(c.starts_on),
          ends = FormatIsoDate(c.ends_on), training = DateText(c.training_starts_on),
          broken = DateText(c.broken_on), checks = ChecksText(c.checks);
      soci::statement st(sql_);
      st.exchange(soci::use(kind));
      st.exchange(soci::use(apprentice));
      st.exchange(soci::use(employer));
      st.exchange(soci::use(cfa));
      st.exchange(soci::use(c.rncp_code));
      st.exchange(soci::use(c.certification_title));
      st.exchange(soci::use(level));
      st.exchange(soci::use(concluded));
      st.exchange(soci::use(starts));
      st.exchange(soci::use(ends));
      st.exchange(soci::use(training));
      st.exchange(soci::use(c.tutor_name));
      st.exchange(soci::use(tutor_years));
      st.exchange(soci::use(tutor_others));
      for (long long& p : pay) st.exchange(soci::use(p));
      st.exchange(soci::use(c.opco));
      st.exchange(soci::use(state));
      st.exchange(soci::use(broken));
      st.exchange(soci::use(c.break_initiative));
      st.exchange(soci::use(c.break_reason));
      st.exchange(soci::use(c.after_break));
      st.exchange(soci::use(c.after_break_note));
      st.exchange(soci::use(checks));
      st.exchange(soci::use(failed));
      st.exchange(soci::use(updated));
      st.exchange(soci::use(key));
      Prepare(st,
              "UPDATE contracts SET kind = :kind, apprentice_id = :ap, employer_id = :em, "
              "cfa_id = NULLIF(:cfa, 0), rncp_code = :rn, certification_title = :ti, level = :le, "
              "concluded_on = :co, starts_on = :st, ends_on = :en, training_starts_on = :tr, "
              "tutor_name = :tn, tutor_experience_years = NULLIF(:ty, -1), "
              "tutor_other_apprentices = :to, pay_year1_cents = :p1, pay_year2_cents = :p2, "
              "pay_year3_cents = :p3, pay_year4_cents = :p4, opco = :op, state = :sa, "
              "broken_on = :br, break_initiative = :bi, break_reason = :bre, after_break = :af, "
              "after_break_note = :an, checks = :ch, failed_checks = :fc, updated_at = :up "
              "WHERE id = :id");
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such contract");
      return Ok();
    });
  }

  Result<ContractRow> FindContract(std::int64_t id) override {
    return Guard("find contract", [&]() -> Result<ContractRow> {
      const long long key = id;
      ContractData d;
      soci::statement st(sql_);
      st.exchange(soci::use(key));
      d.Into(st);
      Prepare(st, fmt::format("SELECT {}, {}{} WHERE c.id = :k", kContractColumns,
                              kApprenticeColumns, kContractFrom));
      st.execute();
      if (!st.fetch()) return Fail(ErrorCode::kNotFound, "no such contract");
      return d.Get();
    });
  }

  Result<Page<ContractRow>> ListContracts(const ContractFilter& f) override {
    return Guard("list contracts", [&]() -> Result<Page<ContractRow>> {
      Page<ContractRow> page;
      page.page = std::max(1, f.page);
      page.page_size = f.page_size;
      {
        soci::statement count(sql_);
        Binder bind(count);
        const std::string where = Where(Conditions(f, bind));
        long long total = 0;
        count.exchange(soci::into(total));
        Prepare(count, fmt::format("SELECT COUNT(*) FROM contracts c{}", where));
        count.execute(true);
        page.total = total;
      }
      soci::statement st(sql_);
      Binder bind(st);
      // The page's ids from the contracts table alone, then their rows with the joins.
      std::string ids = fmt::format(
          "SELECT c.id, c.starts_on FROM contracts c{} ORDER BY c.starts_on DESC, c.id DESC",
          Where(Conditions(f, bind)));
      if (f.page_size > 0)
        ids += fmt::format(" LIMIT {} OFFSET {}", f.page_size,
                           static_cast<long long>(page.page - 1) * f.page_size);
      ContractData d;
      d.Into(st);
      Prepare(st, fmt::format("SELECT {}, {} FROM ({}) pg JOIN contracts c ON c.id = pg.id "
                              "JOIN apprentices a ON a.id = c.apprentice_id "
                              "JOIN organisations e ON e.id = c.employer_id "
                              "LEFT JOIN organisations f ON f.id = c.cfa_id "
                              "ORDER BY c.starts_on DESC, c.id DESC",
                              kContractColumns, kApprenticeColumns, ids));
      st.execute();
      while (st.fetch()) page.rows.push_back(d.Get());
      return page;
    });
  }

  Result<std::optional<std::int64_t>> FindOrganisationByCode(const std::string& kind,
                                                             const std::string& code) override {
    return Guard("find organisation", [&]() -> Result<std::optional<std::int64_t>> {
      long long id = 0;
      soci::indicator ind = soci::i_null;
      std::string upper = code;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      sql_ << "SELECT MIN(id) FROM organisations WHERE kind = :k AND (siret = :s OR "
              "(kind = 'cfa' AND upper(uai) = :u))",
          soci::use(kind), soci::use(code), soci::use(upper), soci::into(id, ind);
      if (ind != soci::i_ok) return std::optional<std::int64_t>();
      return std::optional<std::int64_t>(id);
    });
  }

  Result<std::vector<std::pair<std::int64_t, std::string>>> Parties(bool cfas) override {
    return Guard(
        "contract parties", [&]() -> Result<std::vector<std::pair<std::int64_t, std::string>>> {
          long long id = 0;
          std::string name;
          soci::statement st = (sql_.prepare << fmt::format(
                                    "SELECT o.id, o.name FROM organisations o WHERE o.id IN "
                                    "(SELECT {} FROM contracts) ORDER BY o.folded_name, o.id",
                                    cfas ? "cfa_id" : "employer_id"),
                                soci::into(id), soci::into(name));
          st.execute();
          std::vector<std::pair<std::int64_t, std::string>> out;
          while (st.fetch()) out.emplace_back(id, name);
          return out;
        });
  }

  Result<std::vector<FigureRow>> FigureRows(Date from, Date to) override {
    return Guard("contract figures", [&]() -> Result<std::vector<FigureRow>> {
      const std::string a = FormatIsoDate(from), b = FormatIsoDate(to);
      std::string kind, starts, ends, broken, cfa_name, area, area_name, idcc, branch, opco;
      long long cfa = 0;
      int level = 0;
      soci::statement st =
          (sql_.prepare
               << "SELECT c.kind, c.level, c.starts_on, c.ends_on, c.broken_on, "
                  "COALESCE(c.cfa_id, 0), COALESCE(f.name, ''), COALESCE(ca.area_code, ''), "
                  "COALESCE(ea.name, ''), e.idcc, COALESCE(ib.branch, ''), COALESCE(ib.opco, '') "
                  "FROM contracts c "
                  "JOIN organisations e ON e.id = c.employer_id "
                  "LEFT JOIN organisations f ON f.id = c.cfa_id "
                  "LEFT JOIN commune_areas ca ON ca.insee_code = e.commune_code "
                  "LEFT JOIN employment_areas ea ON ea.code = ca.area_code "
                  "LEFT JOIN idcc_branches ib ON ib.idcc = e.idcc "
                  "WHERE (c.starts_on BETWEEN :a1 AND :b1) OR (c.broken_on BETWEEN :a2 AND :b2) "
                  "OR (c.ends_on BETWEEN :a3 AND :b3)",
           soci::use(a), soci::use(b), soci::use(a), soci::use(b), soci::use(a), soci::use(b),
           soci::into(kind), soci::into(level), soci::into(starts), soci::into(ends),
           soci::into(broken), soci::into(cfa), soci::into(cfa_name), soci::into(area),
           soci::into(area_name), soci::into(idcc), soci::into(branch), soci::into(opco));
      st.execute();
      std::vector<FigureRow> out;
      while (st.fetch()) {
        FigureRow r;
        r.kind = ParseKind(kind).value_or(Kind::kApprenticeship);
        r.level = level;
        r.starts_on = ParseIsoDate(starts).value_or(Date{});
        r.ends_on = ParseIsoDate(ends).value_or(Date{});
        r.broken_on = OptionalDate(broken);
        r.cfa_id = cfa;
        r.cfa_name = cfa_name;
        r.area_code = area;
        r.area_name = area_name;
        r.idcc = idcc;
        r.branch = branch;
        r.opco = opco;
        out.push_back(std::move(r));
      }
      return out;
    });
  }

  Result<std::int64_t> AddDifficulty(const DifficultyEntry& d) override {
    return Guard("add difficulty", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long apprentice = d.apprentice_id, by = d.created_by, at = d.created_at;
      const std::string kind(DifficultyCode(d.kind)), noted = FormatIsoDate(d.noted_on),
                                                      resolved = DateText(d.resolved_on);
      sql_ << "INSERT INTO follow_up_difficulties (apprentice_id, kind, noted_on, description, "
              "resolved_on, created_by, created_at) VALUES (:a, :k, :n, :d, :r, :b, :c) "
              "RETURNING id",
          soci::use(apprentice), soci::use(kind), soci::use(noted), soci::use(d.description),
          soci::use(resolved), soci::use(by), soci::use(at), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Status ResolveDifficulty(std::int64_t id, std::optional<Date> resolved_on) override {
    return Guard("resolve difficulty", [&]() -> Status {
      const long long key = id;
      const std::string resolved = DateText(resolved_on);
      sql_ << "UPDATE follow_up_difficulties SET resolved_on = :r WHERE id = :id",
          soci::use(resolved), soci::use(key);
      return Ok();
    });
  }

  Result<std::vector<DifficultyEntry>> Difficulties(std::int64_t apprentice_id) override {
    return Guard("difficulties", [&]() -> Result<std::vector<DifficultyEntry>> {
      const long long key = apprentice_id;
      long long id = 0, by = 0, at = 0;
      std::string kind, noted, description, resolved;
      soci::statement st =
          (sql_.prepare << "SELECT id, kind, noted_on, description, resolved_on, created_by, "
                           "created_at FROM follow_up_difficulties WHERE apprentice_id = :a "
                           "ORDER BY noted_on DESC, id DESC",
           soci::use(key), soci::into(id), soci::into(kind), soci::into(noted),
           soci::into(description), soci::into(resolved), soci::into(by), soci::into(at));
      st.execute();
      std::vector<DifficultyEntry> out;
      while (st.fetch())
        out.push_back({id, apprentice_id, ParseDifficulty(kind).value_or(Difficulty::kHousing),
                       ParseIsoDate(noted).value_or(Date{}), description, OptionalDate(resolved),
                       by, at});
      return out;
    });
  }

  Result<std::int64_t> AddRisk(const RiskEntry& r) override {
    return Guard("add risk", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long apprentice = r.apprentice_id, by = r.created_by, at = r.created_at;
      sql_ << "INSERT INTO follow_up_risks (apprentice_id, risk, reason, created_by, created_at) "
              "VALUES (:a, :r, :re, :b, :c) RETURNING id",
          soci::use(apprentice), soci::use(r.risk), soci::use(r.reason), soci::use(by),
          soci::use(at), soci::into(id);
      sql_ << "UPDATE apprentices SET risk = :r, updated_at = :u WHERE id = :a", soci::use(r.risk),
          soci::use(at), soci::use(apprentice);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<std::vector<RiskEntry>> Risks(std::int64_t apprentice_id) override {
    return Guard("risks", [&]() -> Result<std::vector<RiskEntry>> {
      const long long key = apprentice_id;
      long long id = 0, by = 0, at = 0;
      std::string risk, reason, name;
      soci::statement st =
          (sql_.prepare << "SELECT r.id, r.risk, r.reason, r.created_by, r.created_at, "
                           "COALESCE(u.display_name, '') FROM follow_up_risks r LEFT JOIN users u "
                           "ON u.id = r.created_by WHERE r.apprentice_id = :a ORDER BY r.id DESC",
           soci::use(key), soci::into(id), soci::into(risk), soci::into(reason), soci::into(by),
           soci::into(at), soci::into(name));
      st.execute();
      std::vector<RiskEntry> out;
      while (st.fetch()) out.push_back({id, apprentice_id, risk, reason, by, name, at});
      return out;
    });
  }

  Result<std::int64_t> AddAction(const ActionEntry& e) override {
    return Guard("add action", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long apprentice = e.apprentice_id, by = e.created_by, at = e.created_at;
      const std::string due = FormatIsoDate(e.due_on), done = DateText(e.done_on);
      sql_ << "INSERT INTO follow_up_actions (apprentice_id, body, due_on, done_on, created_by, "
              "created_at) VALUES (:a, :b, :d, :n, :by, :c) RETURNING id",
          soci::use(apprentice), soci::use(e.body), soci::use(due), soci::use(done), soci::use(by),
          soci::use(at), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Status SetActionDone(std::int64_t id, std::optional<Date> done_on) override {
    return Guard("action done", [&]() -> Status {
      const long long key = id;
      const std::string done = DateText(done_on);
      soci::statement st =
          (sql_.prepare << "UPDATE follow_up_actions SET done_on = :d WHERE id = :id",
           soci::use(done), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such action");
      return Ok();
    });
  }

  Result<ActionEntry> FindAction(std::int64_t id) override {
    return Guard("find action", [&]() -> Result<ActionEntry> {
      auto all = ActionsWhere("id = :k", id);
      if (!all) return Fail(all.error());
      if (all->empty()) return Fail(ErrorCode::kNotFound, "no such action");
      return all->front();
    });
  }

  Result<std::vector<ActionEntry>> Actions(std::int64_t apprentice_id) override {
    return Guard("actions", [&]() { return ActionsWhere("apprentice_id = :k", apprentice_id); });
  }

  Result<std::int64_t> AddNote(const Note& n) override {
    return Guard("add note", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long apprentice = n.apprentice_id, by = n.created_by, at = n.created_at;
      const int sensitive = n.sensitive ? 1 : 0;
      sql_ << "INSERT INTO follow_up_notes (apprentice_id, body, sensitive, created_by, "
              "created_at) VALUES (:a, :b, :s, :by, :c) RETURNING id",
          soci::use(apprentice), soci::use(n.body), soci::use(sensitive), soci::use(by),
          soci::use(at), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<std::vector<Note>> Notes(std::int64_t apprentice_id) override {
    return Guard("notes", [&]() -> Result<std::vector<Note>> {
      const long long key = apprentice_id;
      long long id = 0, by = 0, at = 0;
      int sensitive = 0;
      std::string body, name;
      soci::statement st =
          (sql_.prepare << "SELECT n.id, n.body, n.sensitive, n.created_by, n.created_at, "
                           "COALESCE(u.display_name, '') FROM follow_up_notes n LEFT JOIN users u "
                           "ON u.id = n.created_by WHERE n.apprentice_id = :a ORDER BY n.id DESC",
           soci::use(key), soci::into(id), soci::into(body), soci::into(sensitive), soci::into(by),
           soci::into(at), soci::into(name));
      st.execute();
      std::vector<Note> out;
      while (st.fetch()) {
        Note n;
        n.id = id;
        n.apprentice_id = apprentice_id;
        n.body = body;
        n.sensitive = sensitive != 0;
        n.created_by = by;
        n.created_by_name = name;
        n.created_at = at;
        out.push_back(std::move(n));
      }
      return out;
    });
  }

  Result<bool> LinkAidRequest(std::int64_t apprentice_id, std::int64_t aid_request_id,
                              std::int64_t by, UnixSeconds at) override {
    return Guard("link aid request", [&]() -> Result<bool> {
      const long long a = apprentice_id, r = aid_request_id, b = by, t = at;
      soci::statement st =
          (sql_.prepare << "INSERT INTO follow_up_aid_requests (apprentice_id, aid_request_id, "
                           "linked_by, linked_at) VALUES (:a, :r, :b, :t) ON CONFLICT DO NOTHING",
           soci::use(a), soci::use(r), soci::use(b), soci::use(t));
      st.execute(true);
      return st.get_affected_rows() > 0;
    });
  }

  Result<std::vector<std::int64_t>> LinkedAidRequests(std::int64_t apprentice_id) override {
    return Guard("linked aid requests", [&]() -> Result<std::vector<std::int64_t>> {
      const long long key = apprentice_id;
      long long id = 0;
      soci::statement st =
          (sql_.prepare << "SELECT aid_request_id FROM follow_up_aid_requests WHERE "
                           "apprentice_id = :a ORDER BY aid_request_id",
           soci::use(key), soci::into(id));
      st.execute();
      std::vector<std::int64_t> out;
      while (st.fetch()) out.push_back(id);
      return out;
    });
  }

 private:
  Result<std::optional<Apprentice>> OneApprentice(const char* condition, long long number,
                                                  const std::string& text) {
    ApprenticeData d;
    soci::statement st(sql_);
    if (text.empty())
      st.exchange(soci::use(number));
    else
      st.exchange(soci::use(text));
    d.Into(st);
    Prepare(st,
            fmt::format("SELECT {} FROM apprentices a WHERE {}", kApprenticeColumns, condition));
    st.execute();
    if (!st.fetch()) return std::optional<Apprentice>();
    return std::optional<Apprentice>(d.Get());
  }

  Result<std::vector<ActionEntry>> ActionsWhere(const char* condition, long long key) {
    long long id = 0, apprentice = 0, by = 0, at = 0;
    std::string body, due, done;
    soci::statement st(sql_);
    st.exchange(soci::use(key));
    st.exchange(soci::into(id));
    st.exchange(soci::into(apprentice));
    st.exchange(soci::into(body));
    st.exchange(soci::into(due));
    st.exchange(soci::into(done));
    st.exchange(soci::into(by));
    st.exchange(soci::into(at));
    Prepare(st, fmt::format("SELECT id, apprentice_id, body, due_on, done_on, created_by, "
                            "created_at FROM follow_up_actions WHERE {} ORDER BY due_on, id",
                            condition));
    st.execute();
    std::vector<ActionEntry> out;
    while (st.fetch())
      out.push_back(
          {id, apprentice, body, ParseIsoDate(due).value_or(Date{}), OptionalDate(done), by, at});
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<ContractRepository> MakeSqlContracts(soci::session& sql) {
  return std::make_unique<SqlContracts>(sql);
}

}  // namespace maplace::storage
