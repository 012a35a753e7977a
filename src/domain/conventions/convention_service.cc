#include "domain/conventions/convention_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "core/text.h"
#include "core/xlsx.h"
#include "domain/budgets/consumption.h"
#include "domain/crm/crm_service.h"
#include "domain/crm/fold.h"
#include "domain/journal/journal_repository.h"
#include "domain/text_checks.h"

namespace maplace::conventions {
namespace {

using people::Actor;
using people::Role;

Status Require(bool allowed) {
  if (!allowed) return Fail(ErrorCode::kPermissionDenied, "not allowed on conventions");
  return Ok();
}

std::string Trimmed(const std::string& s) { return std::string(text::Trim(s)); }

std::string Subject(std::int64_t id) { return fmt::format("convention:{}", id); }

// The audit event, and for money the journal entry, in the caller's transaction.
Status Audit(Repositories& repos, const Actor& actor, UnixSeconds now, const char* action,
             std::int64_t convention_id, std::optional<std::int64_t> amount_cents = std::nullopt,
             std::string before = "", std::string after = "") {
  if (auto s = repos.audit().Record(
          audit::AuditEvent{0, now, actor.user_id, action, Subject(convention_id), ""});
      !s)
    return s;
  if (!amount_cents) return Ok();
  journal::JournalEntry entry;
  entry.at = now;
  entry.actor_user_id = actor.user_id;
  entry.action = action;
  entry.subject = Subject(convention_id);
  entry.amount_cents = amount_cents;
  entry.before_ref = std::move(before);
  entry.after_ref = std::move(after);
  auto appended = repos.journal().Append(entry);
  if (!appended) return Fail(appended.error());
  return Ok();
}

// A whole number of at most 9 digits; nullopt otherwise.
std::optional<std::int64_t> WholeNumber(const std::string& text) {
  const std::string t = Trimmed(text);
  if (t.empty() || t.size() > 9) return std::nullopt;
  std::int64_t n = 0;
  auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), n);
  if (error != std::errc() || end != t.data() + t.size() || n < 0) return std::nullopt;
  return n;
}

void CheckAmount(std::map<std::string, std::string>& errors, const char* field,
                 const std::optional<std::int64_t>& cents, const char* missing) {
  if (!cents || *cents <= 0)
    errors[field] = missing;
  else if (*cents > budgets::kMaxAmountCents)
    errors[field] = "Le montant doit être compris entre 0,01 € et 100 000 000 €.";
}

std::optional<Date> CheckDate(std::map<std::string, std::string>& errors, const char* field,
                              const std::string& value, const char* missing) {
  auto date = ParseIsoDate(Trimmed(value));
  if (!date) errors[field] = missing;
  return date;
}

// The convention from a form; kInvalidArgument with French messages per field.
Result<Convention> Checked(const ConventionInput& input) {
  std::map<std::string, std::string> errors;
  if (input.organisation_id <= 0) errors["organisation_id"] = "Choisissez le partenaire.";
  checks::CheckText(errors, "reference", input.reference, 60, false, nullptr);
  checks::CheckText(errors, "object", input.object, 300, false,
                    "Indiquez l'objet de la convention.");
  auto starts = CheckDate(errors, "starts_on", input.starts_on,
                          "Indiquez la date de début de la convention (jj/mm/aaaa).");
  auto ends = CheckDate(errors, "ends_on", input.ends_on,
                        "Indiquez la date de fin de la convention (jj/mm/aaaa).");
  if (starts && ends && *ends < *starts)
    errors["ends_on"] = "La date de fin ne peut précéder la date de début.";
  CheckAmount(errors, "amount", input.amount_cents,
              "Indiquez le montant de la convention en euros (ex. 150 000).");
  checks::CheckText(errors, "notes", input.notes, 4000, true, nullptr);
  if (!errors.empty()) return FailFields("invalid convention", std::move(errors));
  Convention c;
  c.organisation_id = input.organisation_id;
  c.reference = Trimmed(input.reference);
  c.object = Trimmed(input.object);
  c.starts_on = *starts;
  c.ends_on = *ends;
  c.amount_cents = *input.amount_cents;
  c.notes = Trimmed(input.notes);
  return c;
}

// Whether each folded word of `words` is within the convention's object or reference.
bool HasWords(const Convention& c, const std::string& words) {
  const std::string folded = crm::FoldName(c.object + " " + c.reference);
  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    if (end > start && folded.find(words.substr(start, end - start)) == std::string::npos)
      return false;
    start = end + 1;
  }
  return true;
}

// The organisation must be a partner; the envelopes must exist.
Status CheckLinks(Repositories& repos, const Convention& c, std::vector<std::int64_t>& envelopes) {
  auto organisation = repos.organisations().FindById(c.organisation_id);
  if (!organisation && organisation.error().code != ErrorCode::kNotFound)
    return Fail(organisation.error());
  if (!organisation || organisation->kind != people::OrganisationKind::kPartner)
    return FailFields("not a partner",
                      {{"organisation_id", "Choisissez un partenaire de la liste."}});
  std::sort(envelopes.begin(), envelopes.end());
  envelopes.erase(std::unique(envelopes.begin(), envelopes.end()), envelopes.end());
  for (std::int64_t id : envelopes) {
    auto envelope = repos.budgets().Find(id);
    if (!envelope && envelope.error().code != ErrorCode::kNotFound) return Fail(envelope.error());
    if (!envelope)
      return FailFields("unknown envelope",
                        {{"envelopes", "Choisissez des enveloppes de la liste."}});
  }
  return Ok();
}

std::int64_t Scheduled(const std::vector<Instalment>& instalments) {
  std::int64_t sum = 0;
  for (const auto& i : instalments) sum += i.amount_cents;
  return sum;
}

}  // namespace

bool ConventionService::CanRead(Role role) { return people::IsStaff(role); }

bool ConventionService::CanEdit(Role role) {
  return role == Role::kManager || role == Role::kFinance || role == Role::kAdmin;
}

Date ConventionService::Today() const { return MartiniqueDate(clock_.Now()); }

Result<std::int64_t> ConventionService::Create(const Actor& actor, const ConventionInput& input) {
  if (auto ok = Require(CanEdit(actor.role)); !ok) return Fail(ok.error());
  auto checked = Checked(input);
  if (!checked) return Fail(checked.error());
  Convention c = std::move(*checked);
  c.created_by = actor.user_id;
  c.created_at = c.updated_at = clock_.Now();
  std::vector<std::int64_t> envelopes = input.envelope_ids;
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    if (auto ok = CheckLinks(repos, c, envelopes); !ok) return ok;
    auto created = repos.conventions().Create(c);
    if (!created) return Fail(created.error());
    id = *created;
    if (auto ok = repos.conventions().SetEnvelopes(id, envelopes); !ok) return ok;
    return Audit(repos, actor, c.created_at, kCreatedAction, id, c.amount_cents);
  });
  if (!status) return Fail(status.error());
  return id;
}

Status ConventionService::Update(const Actor& actor, std::int64_t id,
                                 const ConventionInput& input) {
  if (auto ok = Require(CanEdit(actor.role)); !ok) return ok;
  auto checked = Checked(input);
  if (!checked) return Fail(checked.error());
  std::vector<std::int64_t> envelopes = input.envelope_ids;
  return store_.Write([&](Repositories& repos) -> Status {
    auto before = repos.conventions().Find(id);
    if (!before) return Fail(before.error());
    Convention c = *checked;
    c.id = id;
    c.organisation_id = before->organisation_id;  // a convention stays with its partner
    c.created_by = before->created_by;
    c.created_at = before->created_at;
    c.updated_at = clock_.Now();
    if (auto ok = CheckLinks(repos, c, envelopes); !ok) return ok;
    auto instalments = repos.conventions().Instalments(id);
    if (!instalments) return Fail(instalments.error());
    if (c.amount_cents < Scheduled(*instalments))
      return FailFields(
          "amount below the schedule",
          {{"amount", "Le montant ne peut être inférieur au total de l'échéancier."}});
    if (auto ok = repos.conventions().Update(c); !ok) return ok;
    if (auto ok = repos.conventions().SetEnvelopes(id, envelopes); !ok) return ok;
    if (auto ok = Audit(repos, actor, c.updated_at, kUpdatedAction, id); !ok) return ok;
    if (c.amount_cents == before->amount_cents) return Ok();
    return Audit(repos, actor, c.updated_at, kAmountChangedAction, id,
                 c.amount_cents - before->amount_cents, std::to_string(before->amount_cents),
                 std::to_string(c.amount_cents));
  });
}

Result<std::int64_t> ConventionService::AddInstalment(const Actor& actor,
                                                      std::int64_t convention_id,
                                                      const InstalmentInput& input) {
  if (auto ok = Require(CanEdit(actor.role)); !ok) return Fail(ok.error());
  std::map<std::string, std::string> errors;
  auto due = CheckDate(errors, "due_on", input.due_on, "Indiquez la date d'échéance (jj/mm/aaaa).");
  CheckAmount(errors, "instalment_amount", input.amount_cents,
              "Indiquez le montant de l'échéance en euros (ex. 50 000).");
  if (!errors.empty()) return FailFields("invalid instalment", std::move(errors));
  Instalment i;
  i.convention_id = convention_id;
  i.due_on = *due;
  i.amount_cents = *input.amount_cents;
  i.created_at = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto convention = repos.conventions().Find(convention_id);
    if (!convention) return Fail(convention.error());
    auto instalments = repos.conventions().Instalments(convention_id);
    if (!instalments) return Fail(instalments.error());
    if (Scheduled(*instalments) + i.amount_cents > convention->amount_cents)
      return FailFields(
          "schedule above the amount",
          {{"instalment_amount", "L'échéancier dépasserait le montant de la convention."}});
    auto added = repos.conventions().AddInstalment(i);
    if (!added) return Fail(added.error());
    id = *added;
    return Audit(repos, actor, i.created_at, kInstalmentAddedAction, convention_id, i.amount_cents,
                 "", FormatIsoDate(i.due_on));
  });
  if (!status) return Fail(status.error());
  return id;
}

Status ConventionService::SetReceived(const Actor& actor, std::int64_t instalment_id,
                                      bool received) {
  if (auto ok = Require(CanEdit(actor.role)); !ok) return ok;
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto instalment = repos.conventions().FindInstalment(instalment_id);
    if (!instalment) return Fail(instalment.error());
    if (instalment->received_on.has_value() == received)
      return Fail(ErrorCode::kFailedPrecondition,
                  received ? "Cette échéance est déjà reçue." : "Cette échéance n'est pas reçue.");
    const std::optional<Date> on =
        received ? std::optional<Date>(MartiniqueDate(now)) : std::nullopt;
    if (auto ok = repos.conventions().SetReceived(instalment_id, on); !ok) return ok;
    return Audit(repos, actor, now,
                 received ? kInstalmentReceivedAction : kInstalmentReopenedAction,
                 instalment->convention_id, instalment->amount_cents,
                 fmt::format("instalment:{}", instalment_id), on ? FormatIsoDate(*on) : "");
  });
}

Result<std::int64_t> ConventionService::AddCommitment(const Actor& actor,
                                                      std::int64_t convention_id,
                                                      const CommitmentInput& input) {
  if (auto ok = Require(CanEdit(actor.role)); !ok) return Fail(ok.error());
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "description", input.description, 300, false, "Décrivez l'engagement.");
  checks::CheckText(errors, "indicator", input.indicator, 200, false,
                    "Indiquez ce qui est compté (ex. jeunes partis en mobilité).");
  auto target = WholeNumber(input.target);
  if (!target || *target == 0)
    errors["target"] = "Indiquez la cible, un nombre entier positif (ex. 40).";
  auto due = CheckDate(errors, "commitment_due_on", input.due_on,
                       "Indiquez l'échéance de l'engagement (jj/mm/aaaa).");
  if (!errors.empty()) return FailFields("invalid commitment", std::move(errors));
  Commitment c;
  c.convention_id = convention_id;
  c.description = Trimmed(input.description);
  c.indicator = Trimmed(input.indicator);
  c.target = *target;
  c.due_on = *due;
  c.created_at = c.updated_at = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto convention = repos.conventions().Find(convention_id);
    if (!convention) return Fail(convention.error());
    auto added = repos.conventions().AddCommitment(c);
    if (!added) return Fail(added.error());
    id = *added;
    return Audit(repos, actor, c.created_at, kCommitmentAddedAction, convention_id);
  });
  if (!status) return Fail(status.error());
  return id;
}

Status ConventionService::RecordProgress(const Actor& actor, std::int64_t commitment_id,
                                         const ProgressInput& input) {
  if (auto ok = Require(CanRead(actor.role)); !ok) return ok;
  std::map<std::string, std::string> errors;
  auto achieved = WholeNumber(input.achieved);
  if (!achieved) errors["achieved"] = "Indiquez la valeur atteinte, un nombre entier (ex. 12).";
  auto status = ParseCommitmentStatus(input.status);
  if (!status) errors["status"] = "Choisissez l'état de l'engagement.";
  checks::CheckText(errors, "note", input.note, 2000, true, nullptr);
  if (!errors.empty()) return FailFields("invalid progress", std::move(errors));
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto c = repos.conventions().FindCommitment(commitment_id);
    if (!c) return Fail(c.error());
    c->achieved = *achieved;
    c->status = *status;
    c->updated_at = now;
    if (auto ok = repos.conventions().UpdateProgress(*c); !ok) return ok;
    FollowUp f;
    f.commitment_id = commitment_id;
    f.author_id = actor.user_id;
    f.recorded_on = MartiniqueDate(now);
    f.achieved = *achieved;
    f.status = *status;
    f.note = Trimmed(input.note);
    f.created_at = now;
    auto added = repos.conventions().AddFollowUp(f);
    if (!added) return Fail(added.error());
    return Audit(repos, actor, now, kProgressAction, c->convention_id);
  });
}

Result<std::vector<ConventionRow>> ConventionService::List(const Actor& actor,
                                                           ConventionFilter filter) {
  if (auto ok = Require(CanRead(actor.role)); !ok) return Fail(ok.error());
  filter.today = Today();
  auto rows =
      ReadValue(store_, [&](Repositories& repos) { return repos.conventions().List(filter); });
  if (!rows) return rows;
  const std::string words = crm::FoldQuery(filter.q);
  std::erase_if(*rows, [&](const ConventionRow& row) { return !HasWords(row.convention, words); });
  return rows;
}

Result<ConventionSheet> ConventionService::Sheet(const Actor& actor, std::int64_t id) {
  if (auto ok = Require(CanRead(actor.role)); !ok) return Fail(ok.error());
  ConventionSheet sheet;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto convention = repos.conventions().Find(id);
    if (!convention) return Fail(convention.error());
    ConventionFilter filter;
    filter.organisation_id = convention->organisation_id;
    auto rows = repos.conventions().List(filter);
    if (!rows) return Fail(rows.error());
    for (auto& row : *rows)
      if (row.convention.id == id) sheet.row = std::move(row);
    auto envelope_ids = repos.conventions().Envelopes(id);
    if (!envelope_ids) return Fail(envelope_ids.error());
    if (!envelope_ids->empty()) {
      // What the envelopes committed and paid, summed from the money journal by the store.
      auto consumption = budgets::ConsumptionOf(repos, *envelope_ids);
      if (!consumption) return Fail(consumption.error());
      for (std::int64_t envelope_id : *envelope_ids) {
        auto envelope = repos.budgets().Find(envelope_id);
        if (!envelope) return Fail(envelope.error());
        const budgets::EnvelopeConsumption& used = consumption->at(envelope_id);
        EnvelopeUse use{*envelope, used.committed_cents, used.paid_cents};
        sheet.committed_cents += use.committed_cents;
        sheet.paid_cents += use.paid_cents;
        sheet.envelopes.push_back(std::move(use));
      }
    }
    auto instalments = repos.conventions().Instalments(id);
    if (!instalments) return Fail(instalments.error());
    sheet.instalments = std::move(*instalments);
    sheet.scheduled_cents = Scheduled(sheet.instalments);
    auto commitments = repos.conventions().Commitments(id);
    if (!commitments) return Fail(commitments.error());
    sheet.commitments = std::move(*commitments);
    auto follow_ups = repos.conventions().FollowUps(id);
    if (!follow_ups) return Fail(follow_ups.error());
    sheet.follow_ups = std::move(*follow_ups);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return sheet;
}

Result<std::vector<PartnerChoice>> ConventionService::Partners(const Actor& actor) {
  if (auto ok = Require(CanRead(actor.role)); !ok) return Fail(ok.error());
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<PartnerChoice>> {
    crm::OrganisationFilter filter;
    filter.kind = people::OrganisationKind::kPartner;
    filter.page_size = 0;
    auto page = repos.crm().ListOrganisations(filter);
    if (!page) return Fail(page.error());
    std::vector<PartnerChoice> out;
    for (const auto& row : page->rows) out.push_back({row.organisation.id, row.organisation.name});
    return out;
  });
}

Result<std::vector<budgets::Envelope>> ConventionService::Envelopes(const Actor& actor) {
  if (auto ok = Require(CanRead(actor.role)); !ok) return Fail(ok.error());
  return ReadValue(store_, [](Repositories& repos) { return repos.budgets().List(std::nullopt); });
}

Result<std::string> ConventionService::Export(const Actor& actor, ConventionFilter filter) {
  auto rows = List(actor, std::move(filter));
  if (!rows) return Fail(rows.error());
  xlsx::Sheet sheet{"Conventions",
                    {"N°", "Référence", "Partenaire", "Objet", "Début", "Fin", "Montant", "Reçu",
                     "Engagements", "Engagements atteints"},
                    {}};
  for (const auto& row : *rows) {
    const auto& c = row.convention;
    sheet.rows.push_back({std::int64_t{c.id}, c.reference, row.partner_name, c.object, c.starts_on,
                          c.ends_on, xlsx::Euros{c.amount_cents}, xlsx::Euros{row.received_cents},
                          std::int64_t{row.commitments}, std::int64_t{row.commitments_met}});
  }
  return xlsx::Write({sheet}, clock_.Now());
}

}  // namespace maplace::conventions
