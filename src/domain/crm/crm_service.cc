#include "domain/crm/crm_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>

#include "core/text.h"
#include "domain/crm/fold.h"
#include "domain/people/siret.h"

namespace maplace::crm {
namespace {

using people::Actor;
using people::OrganisationKind;

Status RequireStaff(const Actor& actor) {
  if (!people::IsStaff(actor.role))
    return Fail(ErrorCode::kPermissionDenied, "the CRM is for the delegation's staff");
  return Ok();
}

bool Matches(const std::string& text, const char* pattern) {
  return std::regex_match(text, std::regex(pattern));
}

// A text field: trimmed, clean UTF-8 (newlines when `multiline`), at most `max` characters.
void CheckText(std::map<std::string, std::string>& errors, const std::string& field,
               const std::string& value, std::size_t max, bool required, bool multiline,
               const char* missing) {
  const std::string_view trimmed = text::Trim(value);
  if (trimmed.empty()) {
    if (required) errors[field] = missing;
    return;
  }
  if (!text::IsCleanUtf8(trimmed, multiline))
    errors[field] = "Ce texte contient des caractères non autorisés.";
  else if (text::CodePointCount(trimmed) > max)
    errors[field] = fmt::format("{} caractères au plus.", max);
}

std::string Trimmed(const std::string& s) { return std::string(text::Trim(s)); }

audit::AuditEvent Event(const Actor& actor, UnixSeconds now, std::string action,
                        std::string subject) {
  return audit::AuditEvent{0, now, actor.user_id, std::move(action), std::move(subject), ""};
}

}  // namespace

std::string FoldQuery(const std::string& typed) {
  const std::string folded = FoldName(typed);
  std::string out;
  for (char c : folded) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string CodeQuery(const std::string& typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '.' || c == '-') continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) return "";
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  // A SIRET or a UAI has digits: plain words are searched as names only.
  if (std::none_of(out.begin(), out.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  return out;
}

CrmService::CrmService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

Date CrmService::Today() const { return MartiniqueDate(clock_.Now()); }

Status CrmService::Check(const OrganisationInput& input) {
  std::map<std::string, std::string> errors;
  const auto kind = people::ParseOrganisationKind(input.kind);
  if (!kind) errors["kind"] = "Choisissez le type d'organisation.";
  CheckText(errors, "name", input.name, 200, true, false, "Indiquez le nom de l'organisation.");
  const std::string siret = people::NormalizeSiret(input.siret);
  if (siret.empty()) {
    if (kind && *kind != OrganisationKind::kPartner)
      errors["siret"] = "Indiquez le SIRET (14 chiffres).";
  } else if (auto problem = people::SiretProblem(siret); !problem.empty()) {
    errors["siret"] = problem;
  }
  const std::string uai = Trimmed(input.uai);
  if (!uai.empty() && !Matches(text::AsciiLower(uai), "[0-9]{7}[a-z]"))
    errors["uai"] = "Le code UAI compte 7 chiffres et une lettre (ex. 9720001A).";
  const std::string commune = Trimmed(input.commune_code);
  if (!commune.empty() && !Matches(commune, "[0-9][0-9AB][0-9]{3}"))
    errors["commune_code"] = "Choisissez une commune de la liste.";
  const std::string idcc = Trimmed(input.idcc);
  if (!idcc.empty() && !Matches(idcc, "[0-9]{4}"))
    errors["idcc"] = "L'IDCC compte 4 chiffres (ex. 1979).";
  const std::string naf = Trimmed(input.naf);
  if (!naf.empty() && !Matches(naf, "[0-9]{2}\\.?[0-9]{2}[A-Za-z]"))
    errors["naf"] = "Le code NAF s'écrit 4 chiffres et une lettre (ex. 5610A).";
  if (!input.headcount.empty() && !people::IsHeadcountBand(input.headcount))
    errors["headcount"] = "Choisissez une tranche d'effectif.";
  if (!errors.empty()) return FailFields("invalid organisation", std::move(errors));
  return Ok();
}

Status CrmService::Check(const ContactInput& input) {
  std::map<std::string, std::string> errors;
  CheckText(errors, "name", input.name, 120, true, false, "Indiquez le nom du contact.");
  CheckText(errors, "job_title", input.job_title, 120, false, false, "");
  const std::string email = Trimmed(input.email);
  if (!email.empty() && text::NormalizeEmail(email).empty())
    errors["email"] = "Cette adresse e-mail n'est pas valide (ex. nom@exemple.fr).";
  const std::string phone = Trimmed(input.phone);
  if (!phone.empty() && !Matches(phone, "\\+?[0-9 .()-]{6,25}"))
    errors["phone"] = "Ce numéro de téléphone n'est pas valide (ex. 0596 12 34 56).";
  CheckText(errors, "notes", input.notes, 4000, false, true, "");
  if (!errors.empty()) return FailFields("invalid contact", std::move(errors));
  return Ok();
}

Status CrmService::Check(const InteractionInput& input) {
  std::map<std::string, std::string> errors;
  if (!ParseInteractionKind(input.kind)) errors["kind"] = "Choisissez le type d'échange.";
  if (!ParseIsoDate(Trimmed(input.occurred_on)))
    errors["occurred_on"] = "Indiquez la date de l'échange (jj/mm/aaaa).";
  CheckText(errors, "summary", input.summary, 4000, true, true, "Résumez l'échange.");
  CheckText(errors, "next_action", input.next_action, 300, false, false, "");
  const std::string due = Trimmed(input.next_action_due);
  const bool has_action = !text::Trim(input.next_action).empty();
  if (has_action && due.empty())
    errors["next_action_due"] = "Indiquez l'échéance de l'action suivante.";
  else if (!due.empty() && !ParseIsoDate(due))
    errors["next_action_due"] = "Cette date n'est pas valide.";
  else if (!due.empty() && !has_action)
    errors["next_action"] = "Décrivez l'action suivante, ou effacez son échéance.";
  const std::string email = Trimmed(input.young_person_email);
  if (!email.empty() && text::NormalizeEmail(email).empty())
    errors["young_person_email"] = "Cette adresse e-mail n'est pas valide (ex. nom@exemple.fr).";
  for (const auto& id : input.contact_ids)
    if (!Matches(id, "[1-9][0-9]{0,17}"))
      errors["contacts"] = "Choisissez des contacts de la liste.";
  if (!errors.empty()) return FailFields("invalid interaction", std::move(errors));
  return Ok();
}

Result<std::int64_t> CrmService::CreateOrganisation(const Actor& actor,
                                                    const OrganisationInput& input) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  if (auto ok = Check(input); !ok) return Fail(ok.error());
  people::Organisation o;
  o.kind = *people::ParseOrganisationKind(input.kind);
  o.name = Trimmed(input.name);
  o.siret = people::NormalizeSiret(input.siret);
  o.uai = text::AsciiLower(Trimmed(input.uai));
  if (!o.uai.empty()) o.uai.back() = static_cast<char>(std::toupper(o.uai.back()));
  o.commune_code = Trimmed(input.commune_code);
  o.idcc = Trimmed(input.idcc);
  o.naf = Trimmed(input.naf);
  o.naf.erase(std::remove(o.naf.begin(), o.naf.end(), '.'), o.naf.end());
  if (!o.naf.empty()) o.naf.back() = static_cast<char>(std::toupper(o.naf.back()));
  o.headcount = input.headcount;
  o.status = people::OrganisationStatus::kValidated;
  o.created_at = o.status_changed_at = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    if (!o.siret.empty()) {
      auto existing = repos.organisations().FindBySiret(o.siret);
      if (!existing) return Fail(existing.error());
      if (*existing)
        return FailFields(
            "SIRET already known",
            {{"siret", fmt::format("Ce SIRET est déjà celui de « {} ».", (*existing)->name)}});
    }
    auto created = repos.organisations().Create(o);
    if (!created) return Fail(created.error());
    id = *created;
    return repos.audit().Record(
        Event(actor, o.created_at, "crm.organisation_created", fmt::format("organisation:{}", id)));
  });
  if (!status) return Fail(status.error());
  return id;
}

Result<OrganisationFile> CrmService::File(const Actor& actor, std::int64_t organisation_id) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  OrganisationFile file;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(organisation_id);
    if (!organisation) return Fail(organisation.error());
    file.row.organisation = *organisation;
    auto branch = repos.crm().BranchOf(organisation->idcc);
    if (!branch) return Fail(branch.error());
    if (*branch) {
      file.row.branch = (*branch)->name;
      file.row.opco = (*branch)->opco;
    }
    auto title = repos.organisations().AgreementTitle(organisation->idcc);
    if (!title) return Fail(title.error());
    file.agreement_title = *title;
    auto advisor = repos.crm().AdvisorOf(organisation_id);
    if (!advisor) return Fail(advisor.error());
    if (*advisor != 0) {
      auto user = repos.users().FindById(*advisor);
      if (!user) return Fail(user.error());
      file.row.advisor_id = user->id;
      file.row.advisor_name = user->display_name;
    }
    auto contacts = repos.crm().Contacts(organisation_id);
    if (!contacts) return Fail(contacts.error());
    file.contacts = std::move(*contacts);
    auto members = repos.organisations().Members(organisation_id);
    if (!members) return Fail(members.error());
    file.members = std::move(*members);
    InteractionFilter filter;
    filter.organisation_id = organisation_id;
    filter.page_size = 200;
    auto timeline = repos.crm().ListInteractions(filter);
    if (!timeline) return Fail(timeline.error());
    file.timeline = std::move(timeline->rows);
    auto offers = repos.offers().ListByOrganisation(organisation_id);
    if (!offers) return Fail(offers.error());
    file.offers = static_cast<int>(offers->size());
    auto trainings = repos.trainings().ListByOrganisation(organisation_id);
    if (!trainings) return Fail(trainings.error());
    file.trainings = static_cast<int>(trainings->size());
    return Ok();
  });
  if (!status) return Fail(status.error());
  return file;
}

Result<std::int64_t> CrmService::AddContact(const Actor& actor, std::int64_t organisation_id,
                                            const ContactInput& input) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  if (auto ok = Check(input); !ok) return Fail(ok.error());
  Contact c;
  c.organisation_id = organisation_id;
  c.name = Trimmed(input.name);
  c.job_title = Trimmed(input.job_title);
  c.email = text::NormalizeEmail(input.email);
  c.phone = Trimmed(input.phone);
  c.notes = Trimmed(input.notes);
  c.created_at = c.updated_at = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(organisation_id);
    if (!organisation) return Fail(organisation.error());
    auto added = repos.crm().AddContact(c);
    if (!added) return Fail(added.error());
    id = *added;
    return repos.audit().Record(Event(actor, c.created_at, "crm.contact_added",
                                      fmt::format("organisation:{}", organisation_id)));
  });
  if (!status) return Fail(status.error());
  return id;
}

Status CrmService::UpdateContact(const Actor& actor, std::int64_t contact_id,
                                 const ContactInput& input) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  if (auto ok = Check(input); !ok) return Fail(ok.error());
  return store_.Write([&](Repositories& repos) -> Status {
    auto c = repos.crm().FindContact(contact_id);
    if (!c) return Fail(c.error());
    c->name = Trimmed(input.name);
    c->job_title = Trimmed(input.job_title);
    c->email = text::NormalizeEmail(input.email);
    c->phone = Trimmed(input.phone);
    c->notes = Trimmed(input.notes);
    c->updated_at = clock_.Now();
    if (auto ok = repos.crm().UpdateContact(*c); !ok) return ok;
    return repos.audit().Record(Event(actor, c->updated_at, "crm.contact_updated",
                                      fmt::format("organisation:{}", c->organisation_id)));
  });
}

Result<Contact> CrmService::FindContact(const Actor& actor, std::int64_t contact_id) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return ReadValue(store_,
                   [&](Repositories& repos) { return repos.crm().FindContact(contact_id); });
}

Status CrmService::SetContactGone(const Actor& actor, std::int64_t contact_id, bool gone) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return store_.Write([&](Repositories& repos) -> Status {
    auto c = repos.crm().FindContact(contact_id);
    if (!c) return Fail(c.error());
    if ((c->gone_at != 0) == gone)
      return Fail(ErrorCode::kFailedPrecondition,
                  gone ? "Ce contact est déjà marqué comme parti." : "Ce contact n'est pas parti.");
    c->updated_at = clock_.Now();
    c->gone_at = gone ? c->updated_at : 0;
    if (auto ok = repos.crm().UpdateContact(*c); !ok) return ok;
    return repos.audit().Record(Event(actor, c->updated_at,
                                      gone ? "crm.contact_gone" : "crm.contact_returned",
                                      fmt::format("organisation:{}", c->organisation_id)));
  });
}

Status CrmService::Assign(const Actor& actor, std::int64_t organisation_id,
                          std::int64_t advisor_id) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return store_.Write([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(organisation_id);
    if (!organisation) return Fail(organisation.error());
    if (advisor_id != 0) {
      auto advisor = repos.users().FindById(advisor_id);
      if (!advisor || !people::IsStaff(advisor->role) ||
          advisor->status != people::UserStatus::kActive)
        return FailFields("not an advisor",
                          {{"advisor", "Choisissez un conseiller de la délégation."}});
    }
    const UnixSeconds now = clock_.Now();
    if (auto ok = repos.crm().Assign(organisation_id, advisor_id, now); !ok) return ok;
    return repos.audit().Record(Event(actor, now, "crm.portfolio_assigned",
                                      fmt::format("organisation:{}", organisation_id)));
  });
}

Result<std::int64_t> CrmService::LogInteraction(const Actor& actor, std::int64_t organisation_id,
                                                const InteractionInput& input) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  if (auto ok = Check(input); !ok) return Fail(ok.error());
  Interaction i;
  i.organisation_id = organisation_id;
  i.advisor_id = actor.user_id;
  i.kind = *ParseInteractionKind(input.kind);
  i.occurred_on = *ParseIsoDate(Trimmed(input.occurred_on));
  i.summary = Trimmed(input.summary);
  i.next_action = Trimmed(input.next_action);
  i.next_action_due = ParseIsoDate(Trimmed(input.next_action_due));
  i.created_at = i.updated_at = clock_.Now();
  for (const auto& id : input.contact_ids) i.contact_ids.push_back(std::stoll(id));
  std::sort(i.contact_ids.begin(), i.contact_ids.end());
  i.contact_ids.erase(std::unique(i.contact_ids.begin(), i.contact_ids.end()), i.contact_ids.end());
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(organisation_id);
    if (!organisation) return Fail(organisation.error());
    for (std::int64_t contact_id : i.contact_ids) {
      auto contact = repos.crm().FindContact(contact_id);
      if (!contact || contact->organisation_id != organisation_id)
        return FailFields("contact of another organisation",
                          {{"contacts", "Choisissez des contacts de cette organisation."}});
      if (contact->gone_at != 0)
        return FailFields(
            "contact gone",
            {{"contacts", fmt::format("{} a quitté l'organisation.", contact->name)}});
    }
    const std::string email = text::NormalizeEmail(input.young_person_email);
    if (!email.empty()) {
      auto young = repos.users().FindByEmail(email);
      if (!young || young->role != people::Role::kYoungPerson)
        return FailFields(
            "no such young person",
            {{"young_person_email", "Aucun jeune n'est inscrit avec cette adresse e-mail."}});
      i.young_person_id = young->id;
    }
    auto added = repos.crm().AddInteraction(i);
    if (!added) return Fail(added.error());
    id = *added;
    return repos.audit().Record(Event(actor, i.created_at, "crm.interaction_logged",
                                      fmt::format("organisation:{}", organisation_id)));
  });
  if (!status) return Fail(status.error());
  return id;
}

Status CrmService::SetActionDone(const Actor& actor, std::int64_t interaction_id, bool done) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return store_.Write([&](Repositories& repos) -> Status {
    auto i = repos.crm().FindInteraction(interaction_id);
    if (!i) return Fail(i.error());
    if (i->next_action.empty())
      return Fail(ErrorCode::kFailedPrecondition, "this interaction has no next action");
    i->next_action_done = done;
    i->updated_at = clock_.Now();
    if (auto ok = repos.crm().UpdateNextAction(*i); !ok) return ok;
    return repos.audit().Record(Event(actor, i->updated_at,
                                      done ? "crm.action_done" : "crm.action_reopened",
                                      fmt::format("interaction:{}", interaction_id)));
  });
}

Result<std::vector<SearchHit>> CrmService::Search(const Actor& actor, const std::string& typed) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  const std::string folded = FoldQuery(typed);
  if (text::CodePointCount(folded) < static_cast<std::size_t>(kMinSearchLength))
    return std::vector<SearchHit>{};
  const std::string code = CodeQuery(typed);
  return ReadValue(
      store_, [&](Repositories& repos) { return repos.crm().Search(folded, code, kSearchLimit); });
}

Result<Page<OrganisationRow>> CrmService::Organisations(const Actor& actor,
                                                        OrganisationFilter filter) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  const std::string code = CodeQuery(filter.q);
  filter.q = !code.empty() && std::all_of(code.begin(), code.end(), ::isdigit)
                 ? code
                 : FoldQuery(filter.q);
  filter.page = std::max(1, filter.page);
  return ReadValue(store_,
                   [&](Repositories& repos) { return repos.crm().ListOrganisations(filter); });
}

Result<Page<InteractionRow>> CrmService::Interactions(const Actor& actor,
                                                      InteractionFilter filter) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  filter.q = FoldQuery(filter.q);
  filter.today = Today();
  filter.page = std::max(1, filter.page);
  return ReadValue(store_,
                   [&](Repositories& repos) { return repos.crm().ListInteractions(filter); });
}

Result<std::pair<people::User, std::vector<InteractionRow>>> CrmService::YoungPersonTimeline(
    const Actor& actor, std::int64_t user_id) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  using Out = std::pair<people::User, std::vector<InteractionRow>>;
  return ReadValue(store_, [&](Repositories& repos) -> Result<Out> {
    auto user = repos.users().FindById(user_id);
    if (!user) return Fail(user.error());
    if (user->role != people::Role::kYoungPerson)
      return Fail(ErrorCode::kNotFound, "not a young person");
    InteractionFilter filter;
    filter.young_person_id = user_id;
    filter.page_size = 200;
    auto timeline = repos.crm().ListInteractions(filter);
    if (!timeline) return Fail(timeline.error());
    return Out{*user, std::move(timeline->rows)};
  });
}

Result<Week> CrmService::MyWeek(const Actor& actor) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  Week week;
  week.today = Today();
  auto status = store_.Read([&](Repositories& repos) -> Status {
    InteractionFilter filter;
    filter.advisor_id = actor.user_id;
    filter.action = ActionState::kOpen;
    filter.due_until = AddDays(week.today, 7);
    filter.by_due_date = true;
    filter.page_size = 500;
    auto actions = repos.crm().ListInteractions(filter);
    if (!actions) return Fail(actions.error());
    for (auto& row : actions->rows) {
      if (row.interaction.next_action_due && *row.interaction.next_action_due < week.today)
        week.overdue.push_back(std::move(row));
      else
        week.upcoming.push_back(std::move(row));
    }
    auto waiting = repos.organisations().AwaitingValidation();
    if (!waiting) return Fail(waiting.error());
    week.awaiting_validation = std::move(*waiting);
    aid_requests::RequestFilter requests;
    requests.states = {aid_requests::RequestState::kSubmitted,
                       aid_requests::RequestState::kUnderInstruction};
    requests.limit = 100000;
    auto to_instruct = repos.aid_requests().List(requests);
    if (!to_instruct) return Fail(to_instruct.error());
    week.aid_requests_to_instruct = static_cast<std::int64_t>(to_instruct->size());
    return Ok();
  });
  if (!status) return Fail(status.error());
  return week;
}

Result<std::vector<Branch>> CrmService::Branches(const Actor& actor) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return ReadValue(store_, [&](Repositories& repos) { return repos.crm().Branches(); });
}

Result<std::optional<Branch>> CrmService::BranchOf(const std::string& idcc) {
  return ReadValue(store_, [&](Repositories& repos) { return repos.crm().BranchOf(idcc); });
}

Result<std::vector<Advisor>> CrmService::Advisors(const Actor& actor) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<Advisor>> {
    auto users = repos.users().List();
    if (!users) return Fail(users.error());
    std::vector<Advisor> out;
    for (const auto& u : *users)
      if ((u.role == people::Role::kAdvisor || u.role == people::Role::kManager) &&
          u.status == people::UserStatus::kActive)
        out.push_back({u.id, u.display_name});
    std::sort(out.begin(), out.end(), [](const Advisor& a, const Advisor& b) {
      return FoldName(a.name) < FoldName(b.name);
    });
    return out;
  });
}

}  // namespace maplace::crm
