#include "domain/fakes/in_memory_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "domain/enquiries/in_memory_enquiries.h"
#include "domain/fakes/in_memory_aid_requests.h"
#include "domain/fakes/in_memory_applications.h"
#include "domain/fakes/in_memory_offers.h"
#include "domain/fakes/in_memory_trainings.h"
#include "domain/fakes/in_memory_young_people.h"
#include "domain/reference/tables.h"

namespace maplace::fakes {

using people::Member;
using people::Membership;
using people::OneTimeToken;
using people::Organisation;
using people::Session;
using people::TokenPurpose;
using people::User;
using people::UserStatus;

struct InMemoryStore::State {
  std::map<std::int64_t, User> users;
  std::map<std::string, Session> sessions;
  struct StoredToken {
    OneTimeToken token;
    bool used = false;
  };
  std::map<std::string, StoredToken> tokens;
  std::map<std::int64_t, Organisation> organisations;
  std::map<std::int64_t, Membership> memberships;  // by user id
  std::map<std::int64_t, outbox::OutboxMail> mails;
  std::vector<audit::AuditEvent> audit;
  std::map<std::string, std::map<std::string, reference::Row>> reference_tables;
  std::vector<reference::ImportRecord> imports;
  std::map<std::string, aids::ParameterOverride> parameter_overrides;
  std::map<std::int64_t, budgets::Envelope> envelopes;
  std::map<std::int64_t, budgets::TransferProposal> transfers;
  std::vector<journal::JournalEntry> journal;  // by seq, from 1
  AidRequestsState aid_requests;
  OffersState offers;
  TrainingsState trainings;
  ApplicationsState applications;
  YoungPeopleState young_people;
  EnquiriesState enquiries;
  std::int64_t next_id = 1;
};

namespace {

class Users final : public people::UserRepository {
 public:
  explicit Users(InMemoryStore::State& s) : s_(s) {}
  Result<std::int64_t> Create(const User& user) override {
    for (const auto& [id, u] : s_.users) {
      if (u.email == user.email) return Fail(ErrorCode::kAlreadyExists, "e-mail taken");
    }
    User copy = user;
    copy.id = s_.next_id++;
    s_.users[copy.id] = copy;
    return copy.id;
  }
  Result<User> FindById(std::int64_t id) override {
    auto it = s_.users.find(id);
    if (it == s_.users.end()) return Fail(ErrorCode::kNotFound, "no such user");
    return it->second;
  }
  Result<User> FindByEmail(std::string_view email) override {
    for (const auto& [id, u] : s_.users) {
      if (u.email == email) return u;
    }
    return Fail(ErrorCode::kNotFound, "no such user");
  }
  Result<std::vector<User>> List() override {
    std::vector<User> out;
    for (const auto& [id, u] : s_.users) out.push_back(u);
    return out;
  }
  Status UpdatePasswordHash(std::int64_t id, std::string_view hash, UnixSeconds now) override {
    return Update(id, now, [&](User& u) { u.password_hash = hash; });
  }
  Status UpdateStatus(std::int64_t id, UserStatus status, UnixSeconds now) override {
    return Update(id, now, [&](User& u) { u.status = status; });
  }
  Status UpdateEmail(std::int64_t id, std::string_view email, UnixSeconds now) override {
    for (const auto& [other, u] : s_.users) {
      if (other != id && u.email == email) return Fail(ErrorCode::kAlreadyExists, "e-mail taken");
    }
    return Update(id, now, [&](User& u) { u.email = email; });
  }
  Status UpdateDisplayName(std::int64_t id, std::string_view name, UnixSeconds now) override {
    return Update(id, now, [&](User& u) { u.display_name = name; });
  }
  Result<std::int64_t> CountNonDemo() override {
    return static_cast<std::int64_t>(std::count_if(
        s_.users.begin(), s_.users.end(), [](const auto& e) { return !e.second.is_demo; }));
  }

 private:
  template <typename F>
  Status Update(std::int64_t id, UnixSeconds now, F change) {
    auto it = s_.users.find(id);
    if (it == s_.users.end()) return Fail(ErrorCode::kNotFound, "no such user");
    change(it->second);
    it->second.updated_at = now;
    return Ok();
  }
  InMemoryStore::State& s_;
};

class Sessions final : public people::SessionRepository {
 public:
  explicit Sessions(InMemoryStore::State& s) : s_(s) {}
  Status Create(const Session& session) override {
    s_.sessions[session.token_hash] = session;
    return Ok();
  }
  Result<Session> Find(std::string_view token_hash) override {
    auto it = s_.sessions.find(std::string(token_hash));
    if (it == s_.sessions.end()) return Fail(ErrorCode::kNotFound, "no such session");
    return it->second;
  }
  Status Touch(std::string_view token_hash, UnixSeconds now) override {
    auto it = s_.sessions.find(std::string(token_hash));
    if (it != s_.sessions.end()) it->second.last_seen_at = now;
    return Ok();
  }
  Status Delete(std::string_view token_hash) override {
    s_.sessions.erase(std::string(token_hash));
    return Ok();
  }
  Status DeleteAllForUser(std::int64_t user_id) override {
    std::erase_if(s_.sessions, [&](const auto& e) { return e.second.user_id == user_id; });
    return Ok();
  }

 private:
  InMemoryStore::State& s_;
};

class Tokens final : public people::TokenRepository {
 public:
  explicit Tokens(InMemoryStore::State& s) : s_(s) {}
  Status Create(const OneTimeToken& token) override {
    s_.tokens[token.token_hash] = {token, false};
    return Ok();
  }
  Result<OneTimeToken> FindUsable(std::string_view hash, TokenPurpose purpose,
                                  UnixSeconds now) override {
    auto it = s_.tokens.find(std::string(hash));
    if (it == s_.tokens.end() || it->second.used || it->second.token.purpose != purpose ||
        now >= it->second.token.expires_at)
      return Fail(ErrorCode::kNotFound, "no usable token");
    return it->second.token;
  }
  Result<OneTimeToken> Consume(std::string_view hash, TokenPurpose purpose,
                               UnixSeconds now) override {
    auto found = FindUsable(hash, purpose, now);
    if (found) s_.tokens[std::string(hash)].used = true;
    return found;
  }
  Status RevokeAll(std::int64_t user_id, TokenPurpose purpose, UnixSeconds) override {
    for (auto& [hash, t] : s_.tokens) {
      if (t.token.user_id == user_id && t.token.purpose == purpose) t.used = true;
    }
    return Ok();
  }

 private:
  InMemoryStore::State& s_;
};

class Organisations final : public people::OrganisationRepository {
 public:
  explicit Organisations(InMemoryStore::State& s) : s_(s) {}
  Result<std::int64_t> Create(const Organisation& organisation) override {
    Organisation copy = organisation;
    copy.id = s_.next_id++;
    s_.organisations[copy.id] = copy;
    return copy.id;
  }
  Result<Organisation> FindById(std::int64_t id) override {
    auto it = s_.organisations.find(id);
    if (it == s_.organisations.end()) return Fail(ErrorCode::kNotFound, "no such organisation");
    return it->second;
  }
  Result<std::vector<Organisation>> List() override {
    std::vector<Organisation> out;
    for (const auto& [id, o] : s_.organisations) out.push_back(o);
    return out;
  }
  Status AddMember(const Membership& membership) override {
    if (s_.memberships.count(membership.user_id))
      return Fail(ErrorCode::kAlreadyExists, "already a member");
    s_.memberships[membership.user_id] = membership;
    return Ok();
  }
  Result<std::optional<Membership>> MembershipOf(std::int64_t user_id) override {
    auto it = s_.memberships.find(user_id);
    if (it == s_.memberships.end()) return std::optional<Membership>{};
    return std::optional<Membership>{it->second};
  }
  Result<std::vector<Member>> Members(std::int64_t organisation_id) override {
    std::vector<Member> out;
    for (const auto& [user_id, m] : s_.memberships) {
      if (m.organisation_id == organisation_id) out.push_back({s_.users.at(user_id), m.role});
    }
    return out;
  }
  Status Update(const Organisation& organisation) override {
    auto it = s_.organisations.find(organisation.id);
    if (it == s_.organisations.end()) return Fail(ErrorCode::kNotFound, "no such organisation");
    Organisation copy = organisation;
    copy.kind = it->second.kind;
    copy.is_demo = it->second.is_demo;
    copy.created_at = it->second.created_at;
    it->second = copy;
    return Ok();
  }
  Result<std::vector<Organisation>> AwaitingValidation() override {
    std::vector<Organisation> out;
    for (const auto& [id, o] : s_.organisations)
      if (o.status == people::OrganisationStatus::kPending ||
          o.status == people::OrganisationStatus::kDetailsRequested)
        out.push_back(o);
    return out;
  }
  Result<std::optional<Organisation>> FindBySiret(const std::string& siret) override {
    for (const auto& [id, o] : s_.organisations)
      if (!siret.empty() && o.siret == siret) return std::optional<Organisation>{o};
    return std::optional<Organisation>{};
  }
  Result<bool> SiretKnown(const std::string& siret) override {
    auto cfas = s_.reference_tables.find("cfas");
    if (cfas != s_.reference_tables.end() && cfas->second.count(siret + '\x1f')) return true;
    for (const auto& [id, o] : s_.organisations)
      if (o.status == people::OrganisationStatus::kValidated && o.siret.size() == 14 &&
          siret.size() == 14 && o.siret.compare(0, 9, siret, 0, 9) == 0)
        return true;
    return false;
  }
  Result<std::string> AgreementTitle(const std::string& idcc) override {
    auto table = s_.reference_tables.find("collective_agreements");
    if (table == s_.reference_tables.end()) return std::string();
    auto row = table->second.find(idcc + '\x1f');
    if (row == table->second.end() || row->second.size() < 2) return std::string();
    return row->second[1].value_or("");
  }

 private:
  InMemoryStore::State& s_;
};

class Outbox final : public outbox::OutboxRepository {
 public:
  explicit Outbox(InMemoryStore::State& s) : s_(s) {}
  Result<std::int64_t> Enqueue(const Mail& mail, UnixSeconds now) override {
    outbox::OutboxMail m;
    m.id = s_.next_id++;
    m.mail = mail;
    m.created_at = m.next_attempt_at = now;
    s_.mails[m.id] = m;
    return m.id;
  }
  Result<std::vector<outbox::OutboxMail>> Due(UnixSeconds now, int limit) override {
    std::vector<outbox::OutboxMail> out;
    for (const auto& [id, m] : s_.mails) {
      if (m.state == outbox::MailState::kPending && m.next_attempt_at <= now &&
          static_cast<int>(out.size()) < limit)
        out.push_back(m);
    }
    return out;
  }
  Status MarkSent(std::int64_t id, UnixSeconds now) override {
    auto& m = s_.mails.at(id);
    m.state = outbox::MailState::kSent;
    m.sent_at = now;
    ++m.attempts;
    return Ok();
  }
  Status MarkAttemptFailed(std::int64_t id, std::string_view error, UnixSeconds next,
                           bool give_up) override {
    auto& m = s_.mails.at(id);
    ++m.attempts;
    m.last_error = error;
    m.next_attempt_at = next;
    if (give_up) m.state = outbox::MailState::kFailed;
    return Ok();
  }
  Result<std::vector<outbox::OutboxMail>> Latest(int limit) override {
    std::vector<outbox::OutboxMail> out;
    for (auto it = s_.mails.rbegin(); it != s_.mails.rend() && static_cast<int>(out.size()) < limit;
         ++it)
      out.push_back(it->second);
    return out;
  }
  Result<outbox::OutboxMail> FindById(std::int64_t id) override {
    auto it = s_.mails.find(id);
    if (it == s_.mails.end()) return Fail(ErrorCode::kNotFound, "no such mail");
    return it->second;
  }

 private:
  InMemoryStore::State& s_;
};

class Audit final : public audit::AuditLog {
 public:
  explicit Audit(InMemoryStore::State& s) : s_(s) {}
  Status Record(const audit::AuditEvent& event) override {
    s_.audit.push_back(event);
    s_.audit.back().id = static_cast<std::int64_t>(s_.audit.size());
    return Ok();
  }
  Result<std::vector<audit::AuditEvent>> Latest(int limit) override {
    std::vector<audit::AuditEvent> out;
    for (auto it = s_.audit.rbegin(); it != s_.audit.rend() && static_cast<int>(out.size()) < limit;
         ++it)
      out.push_back(*it);
    return out;
  }

 private:
  InMemoryStore::State& s_;
};

class Journal final : public journal::JournalRepository {
 public:
  explicit Journal(InMemoryStore::State& s) : s_(s) {}
  Result<std::vector<journal::JournalEntry>> Page(std::int64_t after_seq, int limit) override {
    std::vector<journal::JournalEntry> out;
    for (const auto& e : s_.journal) {
      if (static_cast<int>(out.size()) >= limit) break;
      if (e.seq > after_seq) out.push_back(e);
    }
    return out;
  }
  Result<std::vector<journal::ActionTotal>> Totals(
      const std::vector<std::string>& subjects) override {
    const std::set<std::string> wanted(subjects.begin(), subjects.end());
    std::map<std::pair<std::string, std::string>, std::int64_t> sums;
    for (const auto& e : s_.journal) {
      if (wanted.contains(e.subject) && e.amount_cents)
        sums[{e.subject, e.action}] += *e.amount_cents;
    }
    std::vector<journal::ActionTotal> out;
    for (const auto& [key, sum] : sums) out.push_back({key.first, key.second, sum});
    return out;
  }

 protected:
  // Transactions are serialised by the store's mutex, which is the append lock here.
  Result<std::optional<journal::JournalHead>> LockHead() override {
    if (s_.journal.empty()) return std::optional<journal::JournalHead>();
    return std::optional<journal::JournalHead>(
        journal::JournalHead{s_.journal.back().seq, s_.journal.back().hash});
  }
  Status Insert(const journal::JournalEntry& entry) override {
    if (!s_.journal.empty() && s_.journal.back().seq >= entry.seq)
      return Fail(ErrorCode::kAlreadyExists, "journal seq taken");
    s_.journal.push_back(entry);
    return Ok();
  }

 private:
  InMemoryStore::State& s_;
};

class Reference final : public reference::ReferenceRepository {
 public:
  explicit Reference(InMemoryStore::State& s) : s_(s) {}
  Result<reference::SyncCounts> Sync(const reference::TableSpec& spec,
                                     const std::vector<reference::Row>& rows) override {
    auto key = [&](const reference::Row& row) {
      std::string k;
      for (std::size_t i = 0; i < spec.key_size; ++i) k += row[i].value_or("") + '\x1f';
      return k;
    };
    auto& table = s_.reference_tables[spec.table];
    std::map<std::string, reference::Row> incoming;
    std::set<std::string> partitions;
    for (const auto& row : rows) {
      if (!incoming.emplace(key(row), row).second)
        return Fail(ErrorCode::kInvalidArgument, "duplicate key in " + spec.table);
      if (spec.partition) partitions.insert(row[*spec.partition].value_or(""));
    }
    reference::SyncCounts counts;
    for (auto it = table.begin(); it != table.end();) {
      const bool in_scope =
          !spec.partition || partitions.count(it->second[*spec.partition].value_or(""));
      if (in_scope && !incoming.count(it->first)) {
        it = table.erase(it);
        ++counts.removed;
      } else {
        ++it;
      }
    }
    for (auto& [k, row] : incoming) {
      auto it = table.find(k);
      if (it == table.end())
        ++counts.added;
      else if (it->second != row)
        ++counts.changed;
      else
        ++counts.unchanged;
      table[k] = row;
    }
    return counts;
  }
  Status RecordImport(const reference::ImportRecord& record) override {
    s_.imports.push_back(record);
    return Ok();
  }
  Result<std::vector<reference::ImportRecord>> LatestImports() override {
    std::map<std::string, reference::ImportRecord> latest;
    for (const auto& r : s_.imports) latest[r.source.kind] = r;
    std::vector<reference::ImportRecord> out;
    for (auto& [kind, r] : latest) out.push_back(r);
    return out;
  }

 private:
  InMemoryStore::State& s_;
};

// The fake has no reference data: jobs are tested on the SQL store with the real files.
class Jobs final : public jobs::JobsRepository {
 public:
  explicit Jobs(InMemoryStore::State& s) : s_(s) {}
  // Only code and label, from a `rome_jobs` reference table a test filled (code, label, …).
  Result<jobs::Job> FindJob(std::string_view code) override {
    auto table = s_.reference_tables.find("rome_jobs");
    if (table != s_.reference_tables.end()) {
      auto row = table->second.find(std::string(code) + '\x1f');
      if (row != table->second.end() && row->second.size() >= 2) {
        jobs::Job job;
        job.code = std::string(code);
        job.label = row->second[1].value_or("");
        return job;
      }
    }
    return Fail(ErrorCode::kNotFound, "no jobs in the fake store");
  }
  Result<std::vector<jobs::JobSummary>> AllJobs() override {
    return std::vector<jobs::JobSummary>{};
  }
  Result<std::vector<std::pair<std::string, std::string>>> JobTitles() override {
    return std::vector<std::pair<std::string, std::string>>{};
  }
  Result<std::vector<std::pair<std::string, std::string>>> JobParents() override {
    return std::vector<std::pair<std::string, std::string>>{};
  }
  Result<std::vector<jobs::Sector>> Sectors() override { return std::vector<jobs::Sector>{}; }
  Result<std::vector<jobs::HiringFigure>> HiringFigures() override {
    return std::vector<jobs::HiringFigure>{};
  }
  Result<std::vector<jobs::FapRomeLink>> FapRomeLinks() override {
    return std::vector<jobs::FapRomeLink>{};
  }
  Result<std::vector<jobs::EmploymentArea>> Areas() override {
    return std::vector<jobs::EmploymentArea>{};
  }
  // Code and name, from a `communes` reference table a test filled (insee_code, name, …).
  Result<std::vector<jobs::Commune>> Communes() override {
    std::vector<jobs::Commune> out;
    auto table = s_.reference_tables.find("communes");
    if (table == s_.reference_tables.end()) return out;
    for (const auto& [key, row] : table->second) {
      jobs::Commune commune;
      commune.insee_code = row.size() > 0 ? row[0].value_or("") : "";
      commune.name = row.size() > 1 ? row[1].value_or("") : "";
      out.push_back(commune);
    }
    return out;
  }
  Result<std::int64_t> DataVersion() override { return 0; }

 private:
  InMemoryStore::State& s_;
};

// Reads the NPEC rows that ImportService put in the `npec` reference table.
class Aids final : public aids::AidsRepository {
 public:
  explicit Aids(InMemoryStore::State& s) : s_(s) {}
  Result<aids::Npec> FindNpec(std::string_view rncp_code, std::string_view cpne_code) override {
    for (auto& npec : All())
      if (npec.rncp_code == rncp_code && npec.cpne_code == cpne_code) return npec;
    return Fail(ErrorCode::kNotFound, "no NPEC for this certification and CPNE");
  }
  Result<std::vector<aids::Npec>> NpecsForCertification(std::string_view rncp_code) override {
    std::vector<aids::Npec> out;
    for (auto& npec : All())
      if (npec.rncp_code == rncp_code) out.push_back(std::move(npec));
    std::sort(out.begin(), out.end(), [](const aids::Npec& a, const aids::Npec& b) {
      return std::tuple(a.yearly_cents, a.cpne_code.size(), a.cpne_code) <
             std::tuple(b.yearly_cents, b.cpne_code.size(), b.cpne_code);
    });
    return out;
  }
  Result<std::vector<aids::ParameterOverride>> ParameterOverrides() override {
    std::vector<aids::ParameterOverride> out;
    for (const auto& [name, o] : s_.parameter_overrides) out.push_back(o);
    return out;
  }
  Status SetParameterOverride(const aids::ParameterOverride& value) override {
    s_.parameter_overrides[value.name] = value;
    return Ok();
  }
  Status RemoveParameterOverride(std::string_view name) override {
    if (!s_.parameter_overrides.erase(std::string(name)))
      return Fail(ErrorCode::kNotFound, "no override of this parameter");
    return Ok();
  }

 private:
  // Columns as reference::tables::Npec() lists them.
  std::vector<aids::Npec> All() const {
    std::vector<aids::Npec> out;
    auto table = s_.reference_tables.find(reference::tables::Npec().table);
    if (table == s_.reference_tables.end()) return out;
    for (const auto& [key, row] : table->second) {
      aids::Npec npec{row[0].value_or(""),
                      row[1].value_or(""),
                      row[2].value_or(""),
                      row[3],
                      std::stoll(row[4].value_or("0")),
                      {},
                      row[6]};
      if (row[5]) npec.applicable_from = ParseIsoDate(*row[5]);
      out.push_back(std::move(npec));
    }
    return out;
  }
  InMemoryStore::State& s_;
};

// The same checks as the conditional writes of storage/sql_budgets.cc.
class Budgets final : public budgets::BudgetRepository {
 public:
  explicit Budgets(InMemoryStore::State& s) : s_(s) {}
  Result<std::int64_t> Create(const budgets::Envelope& envelope) override {
    for (const auto& [id, e] : s_.envelopes) {
      if (e.aid_id == envelope.aid_id && e.year == envelope.year &&
          e.funding_source == envelope.funding_source && e.partner == envelope.partner)
        return Fail(ErrorCode::kAlreadyExists, "envelope exists");
    }
    budgets::Envelope copy = envelope;
    copy.id = s_.next_id++;
    copy.committed_cents = copy.paid_cents = 0;
    s_.envelopes[copy.id] = copy;
    return copy.id;
  }
  Result<budgets::Envelope> Find(std::int64_t id) override {
    auto it = s_.envelopes.find(id);
    if (it == s_.envelopes.end()) return Fail(ErrorCode::kNotFound, "no such envelope");
    return it->second;
  }
  Result<std::vector<budgets::Envelope>> List(std::optional<int> year) override {
    std::vector<budgets::Envelope> out;
    for (const auto& [id, e] : s_.envelopes) {
      if (!year || e.year == *year) out.push_back(e);
    }
    std::sort(out.begin(), out.end(), [](const budgets::Envelope& a, const budgets::Envelope& b) {
      return std::tuple(-a.year, a.aid_id, budgets::FundingSourceCode(a.funding_source),
                        a.partner) <
             std::tuple(-b.year, b.aid_id, budgets::FundingSourceCode(b.funding_source), b.partner);
    });
    return out;
  }
  Status Commit(std::int64_t id, std::int64_t amount, UnixSeconds now) override {
    return Change(id, now, [&](budgets::Envelope& e) {
      if (e.committed_cents + amount > e.allocated_cents) return false;
      e.committed_cents += amount;
      return true;
    });
  }
  Status Release(std::int64_t id, std::int64_t amount, UnixSeconds now) override {
    return Change(id, now, [&](budgets::Envelope& e) {
      if (e.committed_cents - amount < e.paid_cents) return false;
      e.committed_cents -= amount;
      return true;
    });
  }
  Status RecordPayment(std::int64_t id, std::int64_t amount, UnixSeconds now) override {
    return Change(id, now, [&](budgets::Envelope& e) {
      if (e.paid_cents + amount > e.committed_cents) return false;
      e.paid_cents += amount;
      return true;
    });
  }
  Status Transfer(std::int64_t from, std::int64_t to, std::int64_t amount,
                  UnixSeconds now) override {
    if (from == to) return Fail(ErrorCode::kInvalidArgument, "transfer to the same envelope");
    auto target = s_.envelopes.find(to);
    if (target == s_.envelopes.end()) return Fail(ErrorCode::kNotFound, "no such envelope");
    if (target->second.allocated_cents + amount > budgets::kMaxAllocatedCents)
      return Fail(ErrorCode::kFailedPrecondition, "destination envelope would be too large");
    if (auto s = Change(from, now,
                        [&](budgets::Envelope& e) {
                          if (e.allocated_cents - amount < e.committed_cents) return false;
                          e.allocated_cents -= amount;
                          return true;
                        });
        !s)
      return s;
    target->second.allocated_cents += amount;
    target->second.updated_at = now;
    return Ok();
  }
  Result<std::int64_t> CreateTransfer(const budgets::TransferProposal& proposal) override {
    budgets::TransferProposal copy = proposal;
    copy.id = s_.next_id++;
    copy.state = budgets::TransferState::kProposed;
    copy.decided_by = copy.decided_at = 0;
    copy.decision_note.clear();
    s_.transfers[copy.id] = copy;
    return copy.id;
  }
  Result<budgets::TransferProposal> FindTransfer(std::int64_t id) override {
    auto it = s_.transfers.find(id);
    if (it == s_.transfers.end()) return Fail(ErrorCode::kNotFound, "no such transfer");
    return it->second;
  }
  Result<std::vector<budgets::TransferProposal>> ListTransfers() override {
    std::vector<budgets::TransferProposal> out;
    for (auto it = s_.transfers.rbegin(); it != s_.transfers.rend(); ++it)
      out.push_back(it->second);
    return out;
  }
  // The same CHECKs as table envelope_transfers.
  Status DecideTransfer(std::int64_t id, budgets::TransferState decision, std::int64_t by,
                        UnixSeconds at, const std::string& note) override {
    auto it = s_.transfers.find(id);
    if (it == s_.transfers.end()) return Fail(ErrorCode::kNotFound, "no such transfer");
    if (it->second.state != budgets::TransferState::kProposed)
      return Fail(ErrorCode::kFailedPrecondition, "transfer decided");
    if (by == it->second.proposed_by || decision == budgets::TransferState::kProposed ||
        (decision == budgets::TransferState::kRefused && note.empty()))
      return Fail(ErrorCode::kInternal, "CHECK constraint failed: envelope_transfers");
    it->second.state = decision;
    it->second.decided_by = by;
    it->second.decided_at = at;
    it->second.decision_note = note;
    return Ok();
  }

 private:
  template <typename F>
  Status Change(std::int64_t id, UnixSeconds now, F apply) {
    auto it = s_.envelopes.find(id);
    if (it == s_.envelopes.end()) return Fail(ErrorCode::kNotFound, "no such envelope");
    if (!apply(it->second))
      return Fail(ErrorCode::kFailedPrecondition, "the envelope does not cover the amount");
    it->second.updated_at = now;
    return Ok();
  }
  InMemoryStore::State& s_;
};

}  // namespace

class InMemoryStore::Repos final : public Repositories {
 public:
  explicit Repos(State& s)
      : users_(s),
        sessions_(s),
        tokens_(s),
        organisations_(s),
        outbox_(s),
        audit_(s),
        reference_(s),
        jobs_(s),
        aids_(s),
        budgets_(s),
        journal_(s),
        aid_requests_(MakeInMemoryAidRequests(s.aid_requests)),
        trainings_(MakeInMemoryTrainings(s.trainings, s.reference_tables)),
        offers_(MakeInMemoryOffers(s.offers)),
        applications_(MakeInMemoryApplications(s.applications)),
        young_people_(MakeInMemoryYoungPeople(s.young_people)),
        unsubscribes_(MakeInMemoryUnsubscribes(s.enquiries)),
        enquiries_(MakeInMemoryEnquiries(s.enquiries)) {}
  people::UserRepository& users() override { return users_; }
  people::SessionRepository& sessions() override { return sessions_; }
  people::TokenRepository& tokens() override { return tokens_; }
  people::OrganisationRepository& organisations() override { return organisations_; }
  outbox::OutboxRepository& outbox() override { return outbox_; }
  audit::AuditLog& audit() override { return audit_; }
  reference::ReferenceRepository& reference() override { return reference_; }
  jobs::JobsRepository& jobs() override { return jobs_; }
  aids::AidsRepository& aids() override { return aids_; }
  budgets::BudgetRepository& budgets() override { return budgets_; }
  journal::JournalRepository& journal() override { return journal_; }
  aid_requests::AidRequestRepository& aid_requests() override { return *aid_requests_; }
  offers::OfferRepository& offers() override { return *offers_; }
  trainings::TrainingRepository& trainings() override { return *trainings_; }
  applications::ApplicationRepository& applications() override { return *applications_; }
  young_people::YoungPeopleRepository& young_people() override { return *young_people_; }
  outbox::UnsubscribeRepository& unsubscribes() override { return *unsubscribes_; }
  enquiries::EnquiryRepository& enquiries() override { return *enquiries_; }

 private:
  Users users_;
  Sessions sessions_;
  Tokens tokens_;
  Organisations organisations_;
  Outbox outbox_;
  Audit audit_;
  Reference reference_;
  Jobs jobs_;
  Aids aids_;
  Budgets budgets_;
  Journal journal_;
  std::unique_ptr<aid_requests::AidRequestRepository> aid_requests_;
  std::unique_ptr<trainings::TrainingRepository> trainings_;
  std::unique_ptr<offers::OfferRepository> offers_;
  std::unique_ptr<applications::ApplicationRepository> applications_;
  std::unique_ptr<young_people::YoungPeopleRepository> young_people_;
  std::unique_ptr<outbox::UnsubscribeRepository> unsubscribes_;
  std::unique_ptr<enquiries::EnquiryRepository> enquiries_;
};

InMemoryStore::InMemoryStore() : state_(std::make_unique<State>()) {}
InMemoryStore::~InMemoryStore() = default;

Status InMemoryStore::Read(const std::function<Status(Repositories&)>& work) { return Write(work); }

Status InMemoryStore::Write(const std::function<Status(Repositories&)>& work) {
  std::lock_guard lock(mutex_);
  State before = *state_;
  Repos repos(*state_);
  Status status = work(repos);
  if (!status) *state_ = std::move(before);
  return status;
}

}  // namespace maplace::fakes
