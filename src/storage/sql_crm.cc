#include "storage/sql_crm.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>

#include "domain/crm/fold.h"
#include "storage/sql_binder.h"
#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using crm::Branch;
using crm::Contact;
using crm::Interaction;
using crm::InteractionRow;
using crm::OrganisationRow;
using crm::SearchHit;

std::string DateText(const std::optional<Date>& date) {
  return date ? FormatIsoDate(*date) : std::string();
}

// LIKE pattern for a folded text: its % and _ are already spaces (FoldName), a backslash is
// escaped.
std::string Contains(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '\\' || c == '%' || c == '_') escaped += '\\';
    escaped += c;
  }
  return "%" + escaped + "%";
}

constexpr char kOrganisationFrom[] =
    " FROM organisations o"
    " LEFT JOIN idcc_branches b ON b.idcc = o.idcc"
    " LEFT JOIN crm_portfolio p ON p.organisation_id = o.id";

constexpr char kInteractionColumns[] =
    "i.id, COALESCE(i.organisation_id, 0), COALESCE(i.young_person_id, 0), i.advisor_id, i.kind, "
    "i.occurred_on, i.summary, i.next_action, i.next_action_due, i.next_action_done, "
    "i.created_at, i.updated_at, COALESCE(o.name, ''), COALESCE(a.display_name, ''), "
    "COALESCE(y.display_name, '')";
constexpr char kInteractionFrom[] =
    " FROM crm_interactions i"
    " LEFT JOIN organisations o ON o.id = i.organisation_id"
    " LEFT JOIN users a ON a.id = i.advisor_id"
    " LEFT JOIN users y ON y.id = i.young_person_id";

struct InteractionData {
  long long id = 0, organisation = 0, young = 0, advisor = 0, created = 0, updated = 0;
  int done = 0;
  std::string kind, occurred, summary, action, due, organisation_name, advisor_name, young_name;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(organisation));
    st.exchange(soci::into(young));
    st.exchange(soci::into(advisor));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(occurred));
    st.exchange(soci::into(summary));
    st.exchange(soci::into(action));
    st.exchange(soci::into(due));
    st.exchange(soci::into(done));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.exchange(soci::into(organisation_name));
    st.exchange(soci::into(advisor_name));
    st.exchange(soci::into(young_name));
  }
  InteractionRow ToRow() const {
    InteractionRow row;
    auto& i = row.interaction;
    i.id = id;
    i.organisation_id = organisation;
    i.young_person_id = young;
    i.advisor_id = advisor;
    i.kind = crm::ParseInteractionKind(kind).value_or(crm::InteractionKind::kVisit);
    i.occurred_on = ParseIsoDate(occurred).value_or(Date{});
    i.summary = summary;
    i.next_action = action;
    i.next_action_due = ParseIsoDate(due);
    i.next_action_done = done != 0;
    i.created_at = created;
    i.updated_at = updated;
    row.organisation_name = organisation_name;
    row.advisor_name = advisor_name;
    row.young_person_name = young_name;
    return row;
  }
};

class SqlCrm final : public crm::CrmRepository {
 public:
  explicit SqlCrm(soci::session& sql) : sql_(sql) {}

  Result<std::optional<Branch>> BranchOf(const std::string& idcc) override {
    return Guard("branch of an IDCC", [&]() -> Result<std::optional<Branch>> {
      if (idcc.empty()) return std::optional<Branch>{};
      Branch b;
      sql_ << "SELECT idcc, branch, opco FROM idcc_branches WHERE idcc = :i", soci::use(idcc),
          soci::into(b.idcc), soci::into(b.name), soci::into(b.opco);
      if (!sql_.got_data()) return std::optional<Branch>{};
      return std::optional<Branch>{b};
    });
  }

  Result<std::vector<Branch>> Branches() override {
    return Guard("list branches", [&]() -> Result<std::vector<Branch>> {
      Branch b;
      soci::statement st = (sql_.prepare << "SELECT idcc, branch, opco FROM idcc_branches",
                            soci::into(b.idcc), soci::into(b.name), soci::into(b.opco));
      st.execute();
      std::vector<Branch> out;
      while (st.fetch()) out.push_back(b);
      // In C++: the databases' collations order accented names differently.
      std::stable_sort(out.begin(), out.end(), [](const Branch& x, const Branch& y) {
        return std::pair(OpcoRank(x.opco), crm::FoldName(x.name)) <
               std::pair(OpcoRank(y.opco), crm::FoldName(y.name));
      });
      return out;
    });
  }

  Result<std::int64_t> AddContact(const Contact& c) override {
    return Guard("add contact", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long organisation = c.organisation_id, created = c.created_at,
                      updated = c.updated_at;
      const std::string folded = ContactFolded(c);
      sql_ << "INSERT INTO crm_contacts (organisation_id, name, job_title, email, phone, notes, "
              "folded, created_at, updated_at) VALUES (:o, :n, :j, :e, :p, :no, :f, :c, :u) "
              "RETURNING id",
          soci::use(organisation), soci::use(c.name), soci::use(c.job_title), soci::use(c.email),
          soci::use(c.phone), soci::use(c.notes), soci::use(folded), soci::use(created),
          soci::use(updated), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Status UpdateContact(const Contact& c) override {
    return Guard("update contact", [&]() -> Status {
      const long long key = c.id, updated = c.updated_at, gone = c.gone_at;
      const std::string folded = ContactFolded(c);
      soci::statement st =
          (sql_.prepare << "UPDATE crm_contacts SET name = :n, job_title = :j, email = :e, "
                           "phone = :p, notes = :no, folded = :f, updated_at = :u, gone_at = "
                           "NULLIF(:g, 0) WHERE id = :id",
           soci::use(c.name), soci::use(c.job_title), soci::use(c.email), soci::use(c.phone),
           soci::use(c.notes), soci::use(folded), soci::use(updated), soci::use(gone),
           soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such contact");
      return Ok();
    });
  }

  Result<Contact> FindContact(std::int64_t id) override {
    return Guard("find contact", [&]() -> Result<Contact> {
      auto found = SelectContacts("WHERE id = :k", id);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such contact");
      return found.front();
    });
  }

  Result<std::vector<Contact>> Contacts(std::int64_t organisation_id) override {
    return Guard("list contacts", [&]() -> Result<std::vector<Contact>> {
      return SelectContacts(
          "WHERE organisation_id = :k ORDER BY CASE WHEN gone_at IS NULL THEN 0 ELSE 1 END, "
          "folded, id",
          organisation_id);
    });
  }

  Status Assign(std::int64_t organisation_id, std::int64_t advisor_id, UnixSeconds now) override {
    return Guard("assign organisation", [&]() -> Status {
      const long long organisation = organisation_id, advisor = advisor_id, at = now;
      sql_ << "DELETE FROM crm_portfolio WHERE organisation_id = :o", soci::use(organisation);
      if (advisor_id != 0)
        sql_ << "INSERT INTO crm_portfolio (organisation_id, advisor_id, assigned_at) "
                "VALUES (:o, :a, :t)",
            soci::use(organisation), soci::use(advisor), soci::use(at);
      return Ok();
    });
  }

  Result<std::int64_t> AdvisorOf(std::int64_t organisation_id) override {
    return Guard("advisor of an organisation", [&]() -> Result<std::int64_t> {
      const long long organisation = organisation_id;
      long long advisor = 0;
      sql_ << "SELECT advisor_id FROM crm_portfolio WHERE organisation_id = :o",
          soci::use(organisation), soci::into(advisor);
      if (!sql_.got_data()) return std::int64_t{0};
      return static_cast<std::int64_t>(advisor);
    });
  }

  Result<std::int64_t> AddInteraction(const Interaction& i) override {
    return Guard("add interaction", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long advisor = i.advisor_id, created = i.created_at, updated = i.updated_at;
      const long long organisation = i.organisation_id, young = i.young_person_id;
      soci::indicator organisation_ind = i.organisation_id ? soci::i_ok : soci::i_null;
      soci::indicator young_ind = i.young_person_id ? soci::i_ok : soci::i_null;
      const std::string kind(crm::InteractionKindCode(i.kind)),
          occurred = FormatIsoDate(i.occurred_on), due = DateText(i.next_action_due);
      const int done = i.next_action_done ? 1 : 0;
      sql_ << "INSERT INTO crm_interactions (organisation_id, young_person_id, advisor_id, kind, "
              "occurred_on, summary, next_action, next_action_due, next_action_done, created_at, "
              "updated_at) VALUES (:o, :y, :a, :k, :d, :s, :n, :due, :done, :c, :u) RETURNING id",
          soci::use(organisation, organisation_ind), soci::use(young, young_ind),
          soci::use(advisor), soci::use(kind), soci::use(occurred), soci::use(i.summary),
          soci::use(i.next_action), soci::use(due), soci::use(done), soci::use(created),
          soci::use(updated), soci::into(id);
      for (std::int64_t contact_id : i.contact_ids) {
        const long long contact = contact_id;
        sql_ << "INSERT INTO crm_interaction_contacts (interaction_id, contact_id) VALUES (:i, :c)",
            soci::use(id), soci::use(contact);
      }
      return static_cast<std::int64_t>(id);
    });
  }

  Status UpdateNextAction(const Interaction& i) override {
    return Guard("update next action", [&]() -> Status {
      const long long key = i.id, updated = i.updated_at;
      const std::string due = DateText(i.next_action_due);
      const int done = i.next_action_done ? 1 : 0;
      soci::statement st =
          (sql_.prepare << "UPDATE crm_interactions SET next_action = :n, next_action_due = :d, "
                           "next_action_done = :done, updated_at = :u WHERE id = :id",
           soci::use(i.next_action), soci::use(due), soci::use(done), soci::use(updated),
           soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such interaction");
      return Ok();
    });
  }

  Result<Interaction> FindInteraction(std::int64_t id) override {
    return Guard("find interaction", [&]() -> Result<Interaction> {
      InteractionData data;
      soci::statement st(sql_);
      const long long key = id;
      st.exchange(soci::use(key));
      data.Into(st);
      Prepare(st,
              fmt::format("SELECT {}{} WHERE i.id = :k", kInteractionColumns, kInteractionFrom));
      st.execute();
      if (!st.fetch()) return Fail(ErrorCode::kNotFound, "no such interaction");
      Interaction out = data.ToRow().interaction;
      long long contact = 0;
      soci::statement contacts =
          (sql_.prepare << "SELECT contact_id FROM crm_interaction_contacts WHERE "
                           "interaction_id = :i ORDER BY contact_id",
           soci::use(key), soci::into(contact));
      contacts.execute();
      while (contacts.fetch()) out.contact_ids.push_back(contact);
      return out;
    });
  }

  Result<crm::Page<OrganisationRow>> ListOrganisations(const crm::OrganisationFilter& f) override {
    return Guard("list organisations", [&]() -> Result<crm::Page<OrganisationRow>> {
      crm::Page<OrganisationRow> page;
      page.page = std::max(1, f.page);
      page.page_size = f.page_size;
      {
        soci::statement count(sql_);
        Binder bind(count);
        const std::string where = Where(OrganisationConditions(f, bind));
        long long total = 0;
        count.exchange(soci::into(total));
        Prepare(count, fmt::format("SELECT COUNT(*){}{}", kOrganisationFrom, where));
        count.execute(true);
        page.total = total;
      }
      soci::statement st(sql_);
      Binder bind(st);
      // The page's ids first, from the filters' tables alone (an index walk), then their rows:
      // the joins run for one page, not for every row skipped.
      std::string ids = fmt::format("SELECT o.id{}{} ORDER BY o.folded_name, o.id",
                                    kOrganisationFrom, Where(OrganisationConditions(f, bind)));
      if (f.page_size > 0)
        ids += fmt::format(" LIMIT {} OFFSET {}", f.page_size,
                           static_cast<long long>(page.page - 1) * f.page_size);
      const std::string query = fmt::format(
          "SELECT o.id, o.kind, o.name, o.siret, o.uai, o.is_demo, o.created_at, o.commune_code, "
          "o.headcount, o.idcc, o.naf, o.status, COALESCE(c.name, ''), COALESCE(b.branch, ''), "
          "COALESCE(b.opco, ''), COALESCE(p.advisor_id, 0), COALESCE(u.display_name, '') "
          "FROM ({}) pg JOIN organisations o ON o.id = pg.id "
          "LEFT JOIN idcc_branches b ON b.idcc = o.idcc "
          "LEFT JOIN crm_portfolio p ON p.organisation_id = o.id "
          "LEFT JOIN communes c ON c.insee_code = o.commune_code "
          "LEFT JOIN users u ON u.id = p.advisor_id ORDER BY o.folded_name, o.id",
          ids);
      long long id = 0, created = 0, advisor = 0;
      int demo = 0;
      std::string kind, name, siret, uai, commune, headcount, idcc, naf, status, commune_name,
          branch, opco, advisor_name;
      st.exchange(soci::into(id));
      st.exchange(soci::into(kind));
      st.exchange(soci::into(name));
      st.exchange(soci::into(siret));
      st.exchange(soci::into(uai));
      st.exchange(soci::into(demo));
      st.exchange(soci::into(created));
      st.exchange(soci::into(commune));
      st.exchange(soci::into(headcount));
      st.exchange(soci::into(idcc));
      st.exchange(soci::into(naf));
      st.exchange(soci::into(status));
      st.exchange(soci::into(commune_name));
      st.exchange(soci::into(branch));
      st.exchange(soci::into(opco));
      st.exchange(soci::into(advisor));
      st.exchange(soci::into(advisor_name));
      Prepare(st, query);
      st.execute();
      while (st.fetch()) {
        OrganisationRow row;
        auto& o = row.organisation;
        o.id = id;
        o.kind = people::ParseOrganisationKind(kind).value_or(people::OrganisationKind::kEmployer);
        o.name = name;
        o.siret = siret;
        o.uai = uai;
        o.is_demo = demo != 0;
        o.created_at = created;
        o.commune_code = commune;
        o.headcount = headcount;
        o.idcc = idcc;
        o.naf = naf;
        o.status =
            people::ParseOrganisationStatus(status).value_or(people::OrganisationStatus::kPending);
        row.commune_name = commune_name;
        row.branch = branch;
        row.opco = opco;
        row.advisor_id = advisor;
        row.advisor_name = advisor_name;
        page.rows.push_back(std::move(row));
      }
      return page;
    });
  }

  Result<crm::Page<InteractionRow>> ListInteractions(const crm::InteractionFilter& f) override {
    return Guard("list interactions", [&]() -> Result<crm::Page<InteractionRow>> {
      crm::Page<InteractionRow> page;
      page.page = std::max(1, f.page);
      page.page_size = f.page_size;
      {
        soci::statement count(sql_);
        Binder bind(count);
        const std::string where = Where(InteractionConditions(f, bind));
        long long total = 0;
        count.exchange(soci::into(total));
        Prepare(count, fmt::format("SELECT COUNT(*) FROM crm_interactions i{}", where));
        count.execute(true);
        page.total = total;
      }
      soci::statement st(sql_);
      Binder bind(st);
      const char* order = f.by_due_date ? " ORDER BY i.next_action_due, i.id"
                                        : " ORDER BY i.occurred_on DESC, i.id DESC";
      // The page's ids first (an index walk), then their rows with the names.
      std::string ids = fmt::format("SELECT i.id FROM crm_interactions i{}{}",
                                    Where(InteractionConditions(f, bind)), order);
      if (f.page_size > 0)
        ids += fmt::format(" LIMIT {} OFFSET {}", f.page_size,
                           static_cast<long long>(page.page - 1) * f.page_size);
      const std::string query = fmt::format(
          "SELECT {} FROM ({}) pg JOIN crm_interactions i ON i.id = pg.id"
          " LEFT JOIN organisations o ON o.id = i.organisation_id"
          " LEFT JOIN users a ON a.id = i.advisor_id"
          " LEFT JOIN users y ON y.id = i.young_person_id{}",
          kInteractionColumns, ids, order);
      InteractionData data;
      data.Into(st);
      Prepare(st, query);
      st.execute();
      while (st.fetch()) page.rows.push_back(data.ToRow());
      if (f.organisation_id != 0 || f.young_person_id != 0) LoadContactNames(page.rows);
      return page;
    });
  }

  Result<std::vector<SearchHit>> Search(const std::string& folded, const std::string& code,
                                        int limit) override {
    return Guard("search organisations and contacts", [&]() -> Result<std::vector<SearchHit>> {
      std::vector<SearchHit> out;
      const std::string pattern = Contains(folded), starts = folded + "%";
      const std::string code_pattern = code.empty() ? std::string() : Contains(code);
      long long id = 0;
      std::string kind, name, siret, uai;
      {
        soci::statement st(sql_);
        Binder bind(st);
        std::vector<std::string> any = {
            fmt::format("o.folded_name LIKE {} ESCAPE '\\'", bind.Text(pattern))};
        if (!code.empty()) {
          any.push_back(fmt::format("o.siret LIKE {} ESCAPE '\\'", bind.Text(code_pattern)));
          any.push_back(fmt::format("lower(o.uai) LIKE {} ESCAPE '\\'", bind.Text(code_pattern)));
        }
        std::string condition;
        for (const auto& a : any) condition += (condition.empty() ? "" : " OR ") + a;
        const std::string first = bind.Text(starts);
        st.exchange(soci::into(id));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(name));
        st.exchange(soci::into(siret));
        st.exchange(soci::into(uai));
        Prepare(st, fmt::format("SELECT o.id, o.kind, o.name, o.siret, o.uai FROM organisations o "
                                "WHERE {} ORDER BY CASE WHEN o.folded_name LIKE {} THEN 0 ELSE 1 "
                                "END, o.folded_name, o.id LIMIT {}",
                                condition, first, limit));
        st.execute();
        while (st.fetch()) {
          SearchHit hit;
          hit.organisation_id = id;
          hit.organisation_name = name;
          hit.kind =
              people::ParseOrganisationKind(kind).value_or(people::OrganisationKind::kEmployer);
          hit.siret = siret;
          hit.uai = uai;
          out.push_back(std::move(hit));
        }
      }
      long long contact = 0;
      std::string contact_name, email;
      soci::statement st(sql_);
      Binder bind(st);
      const std::string condition = fmt::format("c.folded LIKE {} ESCAPE '\\'", bind.Text(pattern));
      const std::string first = bind.Text(starts);
      st.exchange(soci::into(id));
      st.exchange(soci::into(kind));
      st.exchange(soci::into(name));
      st.exchange(soci::into(siret));
      st.exchange(soci::into(uai));
      st.exchange(soci::into(contact));
      st.exchange(soci::into(contact_name));
      st.exchange(soci::into(email));
      Prepare(st,
              fmt::format("SELECT o.id, o.kind, o.name, o.siret, o.uai, c.id, c.name, c.email "
                          "FROM crm_contacts c JOIN organisations o ON o.id = c.organisation_id "
                          "WHERE {} ORDER BY CASE WHEN c.folded LIKE {} THEN 0 ELSE 1 END, "
                          "c.folded, c.id LIMIT {}",
                          condition, first, limit));
      st.execute();
      while (st.fetch()) {
        SearchHit hit;
        hit.organisation_id = id;
        hit.organisation_name = name;
        hit.kind =
            people::ParseOrganisationKind(kind).value_or(people::OrganisationKind::kEmployer);
        hit.siret = siret;
        hit.uai = uai;
        hit.contact_id = contact;
        hit.contact_name = contact_name;
        hit.contact_email = email;
        out.push_back(std::move(hit));
      }
      return out;
    });
  }

 private:
  static int OpcoRank(const std::string& opco) {
    for (std::size_t i = 0; i < crm::kOpcoCodes.size(); ++i)
      if (crm::kOpcoCodes[i] == opco) return static_cast<int>(i);
    return static_cast<int>(crm::kOpcoCodes.size());
  }

  static std::string ContactFolded(const Contact& c) {
    return crm::FoldName(c.name) + " " + crm::FoldName(c.email);
  }

  std::vector<std::string> OrganisationConditions(const crm::OrganisationFilter& f, Binder& bind) {
    std::vector<std::string> where;
    if (f.kind)
      where.push_back(fmt::format("o.kind = {}",
                                  bind.Text(std::string(people::OrganisationKindCode(*f.kind)))));
    if (!f.commune_code.empty())
      where.push_back(fmt::format("o.commune_code = {}", bind.Text(f.commune_code)));
    if (!f.idcc.empty()) where.push_back(fmt::format("o.idcc = {}", bind.Text(f.idcc)));
    if (!f.opco.empty()) where.push_back(fmt::format("b.opco = {}", bind.Text(f.opco)));
    if (f.advisor_id != 0)
      where.push_back(fmt::format("p.advisor_id = {}", bind.Number(f.advisor_id)));
    if (!f.q.empty()) {
      const std::string pattern = Contains(f.q);
      where.push_back(fmt::format(
          "(o.folded_name LIKE {} ESCAPE '\\' OR o.siret LIKE {} ESCAPE '\\' OR lower(o.uai) "
          "LIKE {} ESCAPE '\\')",
          bind.Text(pattern), bind.Text(pattern), bind.Text(pattern)));
    }
    return where;
  }

  std::vector<std::string> InteractionConditions(const crm::InteractionFilter& f, Binder& bind) {
    std::vector<std::string> where;
    if (f.advisor_id != 0)
      where.push_back(fmt::format("i.advisor_id = {}", bind.Number(f.advisor_id)));
    if (f.organisation_id != 0)
      where.push_back(fmt::format("i.organisation_id = {}", bind.Number(f.organisation_id)));
    if (f.young_person_id != 0)
      where.push_back(fmt::format("i.young_person_id = {}", bind.Number(f.young_person_id)));
    if (f.kind)
      where.push_back(
          fmt::format("i.kind = {}", bind.Text(std::string(crm::InteractionKindCode(*f.kind)))));
    if (f.from)
      where.push_back(fmt::format("i.occurred_on >= {}", bind.Text(FormatIsoDate(*f.from))));
    if (f.to) where.push_back(fmt::format("i.occurred_on <= {}", bind.Text(FormatIsoDate(*f.to))));
    switch (f.action) {
      case crm::ActionState::kAny:
        break;
      case crm::ActionState::kOpen:
        where.emplace_back("i.next_action <> '' AND i.next_action_done = 0");
        if (f.due_until)
          where.push_back(
              fmt::format("i.next_action_due <= {}", bind.Text(FormatIsoDate(*f.due_until))));
        break;
      case crm::ActionState::kOverdue:
        where.push_back(
            fmt::format("i.next_action <> '' AND i.next_action_done = 0 AND i.next_action_due < {}",
                        bind.Text(FormatIsoDate(f.today))));
        break;
      case crm::ActionState::kDone:
        where.emplace_back("i.next_action <> '' AND i.next_action_done = 1");
        break;
    }
    if (!f.q.empty())
      where.push_back(fmt::format(
          "i.organisation_id IN (SELECT id FROM organisations WHERE folded_name LIKE {} ESCAPE "
          "'\\')",
          bind.Text(Contains(f.q))));
    return where;
  }

  void LoadContactNames(std::vector<InteractionRow>& rows) {
    for (auto& row : rows) {
      const long long key = row.interaction.id;
      long long contact = 0;
      std::string name;
      soci::statement st =
          (sql_.prepare << "SELECT c.id, c.name FROM crm_interaction_contacts ic JOIN "
                           "crm_contacts c ON c.id = ic.contact_id WHERE ic.interaction_id = :i "
                           "ORDER BY c.folded, c.id",
           soci::use(key), soci::into(contact), soci::into(name));
      st.execute();
      while (st.fetch()) {
        row.interaction.contact_ids.push_back(contact);
        row.contact_names.push_back(name);
      }
    }
  }

  std::vector<Contact> SelectContacts(const std::string& where, std::int64_t key_value) {
    long long id = 0, organisation = 0, created = 0, updated = 0, gone = 0;
    const long long key = key_value;
    std::string name, job, email, phone, notes;
    soci::statement st(sql_);
    st.exchange(soci::use(key));
    st.exchange(soci::into(id));
    st.exchange(soci::into(organisation));
    st.exchange(soci::into(name));
    st.exchange(soci::into(job));
    st.exchange(soci::into(email));
    st.exchange(soci::into(phone));
    st.exchange(soci::into(notes));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.exchange(soci::into(gone));
    Prepare(st,
            "SELECT id, organisation_id, name, job_title, email, phone, notes, created_at, "
            "updated_at, COALESCE(gone_at, 0) FROM crm_contacts " +
                where);
    st.execute();
    std::vector<Contact> out;
    while (st.fetch())
      out.push_back(
          Contact{id, organisation, name, job, email, phone, notes, created, updated, gone});
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<crm::CrmRepository> MakeSqlCrm(soci::session& sql) {
  return std::make_unique<SqlCrm>(sql);
}

}  // namespace maplace::storage
