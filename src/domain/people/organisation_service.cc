#include "domain/people/organisation_service.h"

#include <fmt/format.h>

#include <map>

#include "core/text.h"
#include "domain/people/role.h"
#include "domain/people/siret.h"

namespace maplace::people {
namespace {

constexpr std::size_t kMaxName = 120;
constexpr std::size_t kMaxAddress = 200;
constexpr std::size_t kMaxMessage = 2000;

bool IsStaffDecider(const Actor& actor) {
  return actor.role == Role::kAdvisor || actor.role == Role::kManager || actor.role == Role::kAdmin;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

void CheckText(std::map<std::string, std::string>& errors, const char* field,
               std::string_view value, std::size_t max, const char* missing) {
  if (value.empty()) {
    errors[field] = missing;
  } else if (!text::IsCleanUtf8(value, false) ||
             value.find_first_of("<>") != std::string_view::npos) {
    errors[field] =
        "Ce texte contient des caractères non acceptés (< > ou caractères "
        "invisibles) : retapez-le.";
  } else if (text::CodePointCount(value) > max) {
    errors[field] = fmt::format("Ce texte doit faire au plus {} caractères.", max);
  }
}

Status Record(Repositories& repos, UnixSeconds now, std::int64_t actor, std::string action,
              std::int64_t id, const std::string& client_address) {
  return repos.audit().Record(audit::AuditEvent{0, now, actor, std::move(action),
                                                fmt::format("organisation:{}", id),
                                                text::SingleLine(client_address)});
}

}  // namespace

Result<OrganisationForm> CheckOrganisationForm(const OrganisationForm& raw) {
  OrganisationForm form = raw;
  form.name = std::string(text::Trim(raw.name));
  form.siret = NormalizeSiret(raw.siret);
  form.uai = Upper(text::Trim(raw.uai));
  form.address = std::string(text::Trim(raw.address));
  form.commune_code = std::string(text::Trim(raw.commune_code));
  form.headcount = std::string(text::Trim(raw.headcount));
  form.idcc = std::string(text::Trim(raw.idcc));
  form.naf = Upper(NormalizeSiret(raw.naf));  // "56.10A" -> "5610A"
  std::map<std::string, std::string> errors;
  CheckText(errors, "name", form.name, kMaxName, "Indiquez le nom de l'organisation.");
  if (auto problem = SiretProblem(form.siret); !problem.empty()) errors["siret"] = problem;
  if (form.kind == OrganisationKind::kCfa) {
    if (form.uai.size() != 8 || !AllDigits(form.uai.substr(0, 7)) ||
        !std::isalpha(static_cast<unsigned char>(form.uai[7])))
      errors["uai"] = "Le numéro UAI compte 7 chiffres et une lettre, par exemple 9720001A.";
  } else {
    form.uai.clear();
  }
  CheckText(errors, "address", form.address, kMaxAddress,
            "Indiquez l'adresse de l'établissement (numéro et rue).");
  if (form.commune_code.size() != 5) errors["commune_code"] = "Choisissez la commune.";
  if (!IsHeadcountBand(form.headcount))
    errors["headcount"] = "Choisissez le nombre de salariés dans la liste.";
  if (!form.idcc.empty()) {
    if (form.idcc.size() < 4 && AllDigits(form.idcc))
      form.idcc = std::string(4 - form.idcc.size(), '0') + form.idcc;
    if (form.idcc.size() != 4 || !AllDigits(form.idcc))
      errors["idcc"] =
          "Le code IDCC compte 4 chiffres, par exemple 1979 (il figure sur les "
          "bulletins de paie). Laissez vide si vous ne le connaissez pas.";
  }
  if (!form.naf.empty() && (form.naf.size() != 5 || !AllDigits(form.naf.substr(0, 4)) ||
                            !std::isalpha(static_cast<unsigned char>(form.naf[4]))))
    errors["naf"] = "Le code NAF (ou APE) compte 4 chiffres et une lettre, par exemple 56.10A.";
  if (!errors.empty()) return FailFields("invalid organisation", std::move(errors));
  return form;
}

Result<std::vector<QueuedOrganisation>> OrganisationService::Queue(const Actor& actor) {
  if (!IsStaffDecider(actor)) return Fail(ErrorCode::kPermissionDenied, "advisors only");
  std::vector<QueuedOrganisation> out;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto waiting = repos.organisations().AwaitingValidation();
    if (!waiting) return Fail(waiting.error());
    for (auto& organisation : *waiting) {
      auto members = repos.organisations().Members(organisation.id);
      if (!members) return Fail(members.error());
      auto title = repos.organisations().AgreementTitle(organisation.idcc);
      if (!title) return Fail(title.error());
      out.push_back({std::move(organisation), std::move(*members), std::move(*title)});
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

Result<QueuedOrganisation> OrganisationService::Find(const Actor& actor, std::int64_t id) {
  if (!IsStaffDecider(actor)) return Fail(ErrorCode::kPermissionDenied, "advisors only");
  Result<QueuedOrganisation> result = Fail(ErrorCode::kNotFound, "no such organisation");
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(id);
    if (!organisation) return Fail(organisation.error());
    auto members = repos.organisations().Members(id);
    if (!members) return Fail(members.error());
    auto title = repos.organisations().AgreementTitle(organisation->idcc);
    if (!title) return Fail(title.error());
    result = QueuedOrganisation{*organisation, *members, *title};
    return Ok();
  });
  if (!status) return Fail(status.error());
  return result;
}

Status OrganisationService::Decide(const Actor& actor, std::int64_t id, OrganisationStatus to,
                                   const std::string& message, const std::string& client_address) {
  if (!IsStaffDecider(actor)) return Fail(ErrorCode::kPermissionDenied, "advisors only");
  const std::string trimmed(text::Trim(message));
  if (to != OrganisationStatus::kValidated) {
    if (trimmed.empty())
      return FailFields("no message",
                        {{"message", to == OrganisationStatus::kRefused
                                         ? "Indiquez la raison du refus : elle est envoyée à "
                                           "l'organisation."
                                         : "Indiquez les précisions que vous demandez : elles "
                                           "sont envoyées à l'organisation."}});
    if (!text::IsCleanUtf8(trimmed, true) || text::CodePointCount(trimmed) > kMaxMessage)
      return FailFields("bad message",
                        {{"message", "Le message doit faire au plus 2000 caractères."}});
  }
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(id);
    if (!organisation) return Fail(organisation.error());
    if (organisation->status != OrganisationStatus::kPending &&
        organisation->status != OrganisationStatus::kDetailsRequested)
      return Fail(Error{ErrorCode::kFailedPrecondition,
                        "already decided",
                        {{"state", fmt::format("Cette organisation est déjà « {} » : elle "
                                               "n'attend plus de décision.",
                                               OrganisationStatusLabel(organisation->status))}}});
    organisation->status = to;
    organisation->status_reason = trimmed;
    organisation->status_changed_at = now;
    if (auto s = repos.organisations().Update(*organisation); !s) return s;
    std::string subject, body;
    switch (to) {
      case OrganisationStatus::kValidated:
        subject = fmt::format("{} est validée", organisation->name);
        body = fmt::format(
            "Bonne nouvelle : un conseiller de la délégation a validé l'espace de {} sur « Ici "
            "c'est ma place ».\n\nVous pouvez maintenant publier vos offres : {}/employeur/"
            "offres\n",
            organisation->name, public_url_);
        break;
      case OrganisationStatus::kDetailsRequested:
        subject = fmt::format("{} : un conseiller vous demande des précisions", organisation->name);
        body = fmt::format(
            "Avant de valider l'espace de {}, un conseiller de la délégation vous demande :\n\n"
            "{}\n\nCorrigez ou complétez vos informations ici : {}/organisation/details\n",
            organisation->name, trimmed, public_url_);
        break;
      default:
        subject = fmt::format("{} : votre demande n'a pas été acceptée", organisation->name);
        body = fmt::format(
            "Un conseiller de la délégation n'a pas pu valider l'espace de {}, pour la raison "
            "suivante :\n\n{}\n\nSi vous pensez qu'il s'agit d'une erreur, répondez à ce "
            "message.\n",
            organisation->name, trimmed);
        break;
    }
    auto members = repos.organisations().Members(id);
    if (!members) return Fail(members.error());
    for (const auto& member : *members) {
      auto queued = repos.outbox().Enqueue(
          Mail{member.user.email, subject,
               fmt::format("Bonjour {},\n\n{}", member.user.display_name, body)},
          now);
      if (!queued) return Fail(queued.error());
    }
    const char* action = to == OrganisationStatus::kValidated ? "organisation.validated"
                         : to == OrganisationStatus::kRefused ? "organisation.refused"
                                                              : "organisation.details_requested";
    return Record(repos, now, actor.user_id, action, id, client_address);
  });
}

Status OrganisationService::Validate(const Actor& actor, std::int64_t id,
                                     const std::string& client_address) {
  return Decide(actor, id, OrganisationStatus::kValidated, "", client_address);
}
Status OrganisationService::RequestDetails(const Actor& actor, std::int64_t id,
                                           const std::string& message,
                                           const std::string& client_address) {
  return Decide(actor, id, OrganisationStatus::kDetailsRequested, message, client_address);
}
Status OrganisationService::Refuse(const Actor& actor, std::int64_t id, const std::string& reason,
                                   const std::string& client_address) {
  return Decide(actor, id, OrganisationStatus::kRefused, reason, client_address);
}

Status OrganisationService::UpdateDetails(const Actor& actor, const OrganisationForm& raw) {
  if (!actor.membership || actor.membership->role != MemberRole::kAdmin)
    return Fail(ErrorCode::kPermissionDenied, "only organisation administrators");
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(actor.membership->organisation_id);
    if (!organisation) return Fail(organisation.error());
    OrganisationForm input = raw;
    input.kind = organisation->kind;
    auto form = CheckOrganisationForm(input);
    if (!form) return Fail(form.error());
    if (organisation->status == OrganisationStatus::kRefused)
      return Fail(Error{ErrorCode::kFailedPrecondition,
                        "refused",
                        {{"state",
                          "Votre organisation a été refusée : contactez la délégation "
                          "pour en parler."}}});
    if (organisation->status == OrganisationStatus::kValidated &&
        form->siret != organisation->siret)
      return FailFields("siret locked", {{"siret",
                                          "Le SIRET d'une organisation validée ne peut pas "
                                          "changer : contactez votre conseiller."}});
    if (form->siret != organisation->siret) {
      auto other = repos.organisations().FindBySiret(form->siret);
      if (!other) return Fail(other.error());
      if (*other)
        return FailFields("siret taken", {{"siret",
                                           "Une autre organisation utilise déjà ce SIRET : "
                                           "contactez votre conseiller."}});
    }
    organisation->name = form->name;
    organisation->siret = form->siret;
    organisation->uai = form->uai;
    organisation->address = form->address;
    organisation->commune_code = form->commune_code;
    organisation->headcount = form->headcount;
    organisation->idcc = form->idcc;
    organisation->naf = form->naf;
    if (organisation->status == OrganisationStatus::kDetailsRequested) {
      organisation->status = OrganisationStatus::kPending;
      organisation->status_changed_at = now;
    }
    if (auto s = repos.organisations().Update(*organisation); !s) return s;
    return Record(repos, now, actor.user_id, "organisation.details_updated", organisation->id, "");
  });
}

Result<std::string> OrganisationService::AgreementTitle(const std::string& idcc) {
  std::string title;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.organisations().AgreementTitle(idcc);
    if (!found) return Fail(found.error());
    title = std::move(*found);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return title;
}

}  // namespace maplace::people
