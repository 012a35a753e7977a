#include "domain/enquiries/enquiry_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "core/crypto.h"
#include "core/date.h"
#include "core/text.h"
#include "domain/applications/application_service.h"
#include "domain/outbox/organisation_mail.h"
#include "domain/people/role.h"
#include "domain/people/siret.h"
#include "domain/text_checks.h"

namespace maplace::enquiries {
namespace {

using people::Actor;
using people::OrganisationKind;

constexpr std::size_t kMaxMessage = 4000;
constexpr std::size_t kMaxAnswer = 4000;
constexpr std::size_t kMaxNote = 500;
constexpr std::size_t kMaxName = 120;

Error NotFound() { return Error{ErrorCode::kNotFound, "no such enquiry", {}}; }

// The member's organisation, when the actor is an employer or CFA user.
std::optional<std::int64_t> MemberOf(const Actor& actor) {
  if ((actor.role != people::Role::kEmployer && actor.role != people::Role::kCfa) ||
      !actor.membership)
    return std::nullopt;
  return actor.membership->organisation_id;
}

std::string SpacePath(EnquiryKind kind) {
  return kind == EnquiryKind::kSpontaneous ? "/employeur/candidatures-spontanees" : "/cfa/demandes";
}

Status Audit(Repositories& repos, UnixSeconds now, std::int64_t actor, std::string action,
             std::string target, const std::string& client_address) {
  return repos.audit().Record(audit::AuditEvent{0, now, actor, std::move(action), std::move(target),
                                                text::SingleLine(client_address)});
}

Result<EnquiryView> Load(Repositories& repos, const Enquiry& e, bool replies) {
  EnquiryView view;
  view.enquiry = e;
  auto organisation = repos.organisations().FindById(e.organisation_id);
  if (!organisation) return Fail(organisation.error());
  view.organisation_name = organisation->name;
  if (e.training_id) {
    auto training = repos.trainings().FindById(e.training_id);
    if (training) view.training_title = training->input.title;
  }
  auto author = repos.users().FindById(e.author_id);
  if (!author) return Fail(author.error());
  view.author_name = author->display_name;
  view.author_email = author->email;
  if (e.cv_document_id) {
    auto cv = repos.applications().FindCv(e.cv_document_id);
    if (!cv) return Fail(cv.error());
    view.cv = *cv;
  }
  if (replies) {
    auto found = repos.enquiries().Replies(e.id);
    if (!found) return Fail(found.error());
    view.replies = std::move(*found);
  }
  return view;
}

// The enquiry when `actor` is a member of its organisation; kNotFound otherwise.
Result<Enquiry> OwnedByMember(Repositories& repos, const Actor& actor, std::int64_t id) {
  auto organisation = MemberOf(actor);
  if (!organisation) return Fail(NotFound());
  auto found = repos.enquiries().FindById(id);
  if (!found) return Fail(NotFound());
  if (found->organisation_id != *organisation) return Fail(NotFound());
  return found;
}

std::string What(const EnquiryView& v) {
  if (v.enquiry.kind == EnquiryKind::kSpontaneous) return "votre candidature spontanée";
  if (!v.training_title.empty())
    return fmt::format("votre demande d'informations sur « {} »", v.training_title);
  return "votre demande d'informations";
}

}  // namespace

EnquiryService::EnquiryService(Store& store, const Clock& clock, EnquirySettings settings)
    : store_(store), clock_(clock), settings_(std::move(settings)) {}

Status EnquiryService::CheckInformation(const InformationInput& input) {
  std::map<std::string, std::string> errors;
  if (!IsSubject(input.subject)) errors["subject"] = "Choisissez l'objet de votre demande.";
  checks::CheckText(errors, "message", input.message, kMaxMessage, true,
                    "Écrivez votre question au CFA en quelques mots.");
  if (errors.empty()) return Ok();
  return FailFields("invalid information request", std::move(errors));
}

Result<std::int64_t> EnquiryService::Create(const Actor& actor, Enquiry e, OrganisationKind kind,
                                            const std::string& client_address) {
  const UnixSeconds now = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(e.organisation_id);
    if (!organisation || organisation->kind != kind ||
        organisation->status != people::OrganisationStatus::kValidated)
      return Fail(ErrorCode::kNotFound, "no such organisation");
    auto sent = repos.enquiries().CountByAuthorSince(actor.user_id, now - 24 * 3600 + 1);
    if (!sent) return Fail(sent.error());
    if (*sent >= settings_.max_per_day)
      return Fail(
          Error{ErrorCode::kResourceExhausted,
                "too many enquiries today",
                {{"message", fmt::format("Vous avez déjà envoyé {} messages aux entreprises "
                                         "et aux CFA en 24 heures : c'est le maximum. "
                                         "Réessayez demain.",
                                         settings_.max_per_day)},
                 {"retry_after", "86400"}}});
    if (e.kind == EnquiryKind::kInformation && e.training_id) {
      auto training = repos.trainings().FindById(e.training_id);
      if (!training || training->organisation_id != e.organisation_id || !training->published)
        return Fail(ErrorCode::kNotFound, "no such training");
    }
    if (e.kind == EnquiryKind::kSpontaneous && e.cv_document_id == -1) {
      e.cv_document_id = 0;
      auto cv = repos.applications().LatestCv(actor.user_id);
      if (cv)
        e.cv_document_id = cv->id;
      else if (cv.error().code != ErrorCode::kNotFound)
        return Fail(cv.error());
    }
    e.author_id = actor.user_id;
    e.status = EnquiryStatus::kNew;
    e.created_at = e.updated_at = now;
    auto created = repos.enquiries().Create(e);
    if (!created) return Fail(created.error());
    id = *created;
    auto view = Load(repos, e, false);
    if (!view) return Fail(view.error());
    std::string subject, body;
    const std::string link = fmt::format("{}{}/{}", settings_.public_url, SpacePath(e.kind), id);
    if (e.kind == EnquiryKind::kSpontaneous) {
      subject = fmt::format("Candidature spontanée de {}", actor.display_name);
      body = fmt::format(
          "{} vous envoie une candidature spontanée pour une alternance.\n\nDébut souhaité : "
          "{}\nPlace en CFA : {}\nCV joint : {}\n\nLisez son message et répondez-lui (même "
          "« pas de poste pour le moment ») : {}\n",
          actor.display_name, applications::StartText(e.start_date),
          applications::CfaPlaceLabel(e.cfa_place), e.cv_document_id ? "oui" : "non", link);
    } else {
      subject = fmt::format("Demande d'informations : {}", SubjectLabel(e.subject));
      body = fmt::format(
          "{} vous pose une question ({}){}.\n\nLisez-la et répondez-lui depuis votre espace : "
          "{}\n\nUne réponse rapide aide un jeune à choisir sa formation.\n",
          actor.display_name, SubjectLabel(e.subject),
          view->training_title.empty()
              ? std::string()
              : fmt::format(" sur la formation « {} »", view->training_title),
          link);
    }
    if (auto s = outbox::MailOrganisation(repos, e.organisation_id, subject, body, now); !s)
      return s;
    return Audit(repos, now, actor.user_id, fmt::format("enquiry.{}", KindCode(e.kind)),
                 fmt::format("enquiry:{}", id), client_address);
  });
  if (!status) return Fail(status.error());
  return id;
}

Result<std::int64_t> EnquiryService::ApplySpontaneously(const Actor& actor,
                                                        std::int64_t employer_id,
                                                        const applications::ApplicationInput& input,
                                                        const std::string& client_address) {
  if (actor.role != people::Role::kYoungPerson)
    return Fail(
        Error{ErrorCode::kPermissionDenied,
              "only young people apply",
              {{"message", "Seuls les comptes « jeune » peuvent envoyer une candidature."}}});
  if (auto s = applications::ApplicationService::Check(input, MartiniqueDate(clock_.Now())); !s)
    return Fail(s.error());
  Enquiry e;
  e.kind = EnquiryKind::kSpontaneous;
  e.organisation_id = employer_id;
  e.message = std::string(text::Trim(input.message));
  e.start_date = std::string(text::Trim(input.start_date));
  e.rhythm = std::string(text::Trim(input.rhythm));
  e.cfa_place = input.cfa_place;
  e.cv_document_id = input.with_cv ? -1 : 0;  // -1: the latest CV, read in the transaction
  return Create(actor, std::move(e), OrganisationKind::kEmployer, client_address);
}

Result<std::int64_t> EnquiryService::AskInformation(const Actor& actor, std::int64_t cfa_id,
                                                    const InformationInput& input,
                                                    const std::string& client_address) {
  if (actor.role != people::Role::kYoungPerson)
    return Fail(Error{ErrorCode::kPermissionDenied,
                      "only young people ask",
                      {{"message", "Seuls les comptes « jeune » peuvent écrire à un CFA ici."}}});
  if (auto s = CheckInformation(input); !s) return Fail(s.error());
  Enquiry e;
  e.kind = EnquiryKind::kInformation;
  e.organisation_id = cfa_id;
  e.training_id = input.training_id;
  e.subject = input.subject;
  e.message = std::string(text::Trim(input.message));
  return Create(actor, std::move(e), OrganisationKind::kCfa, client_address);
}

Result<std::vector<EnquiryView>> EnquiryService::Mine(const Actor& actor) {
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<EnquiryView>> {
    std::vector<EnquiryView> out;
    if (actor.role != people::Role::kYoungPerson) return out;
    auto mine = repos.enquiries().ListByAuthor(actor.user_id);
    if (!mine) return Fail(mine.error());
    for (const auto& e : *mine) {
      auto view = Load(repos, e, true);
      if (!view) return Fail(view.error());
      view->author_email.clear();
      out.push_back(std::move(*view));
    }
    return out;
  });
}

Result<EnquiryInbox> EnquiryService::InboxOf(const Actor& actor,
                                             std::optional<EnquiryStatus> wanted) {
  auto organisation = MemberOf(actor);
  if (!organisation) return Fail(NotFound());
  return ReadValue(store_, [&](Repositories& repos) -> Result<EnquiryInbox> {
    EnquiryInbox inbox;
    inbox.kind =
        actor.role == people::Role::kCfa ? EnquiryKind::kInformation : EnquiryKind::kSpontaneous;
    for (auto s : AllStatuses()) inbox.counts[s] = 0;
    auto all = repos.enquiries().ListByOrganisation(*organisation);
    if (!all) return Fail(all.error());
    for (const auto& e : *all) {
      ++inbox.counts[e.status];
      ++inbox.total;
      if (wanted && e.status != *wanted) continue;
      auto view = Load(repos, e, false);
      if (!view) return Fail(view.error());
      inbox.entries.push_back(std::move(*view));
    }
    return inbox;
  });
}

Result<EnquiryView> EnquiryService::View(const Actor& actor, std::int64_t id) {
  return ReadValue(store_, [&](Repositories& repos) -> Result<EnquiryView> {
    auto found = repos.enquiries().FindById(id);
    if (!found) return Fail(NotFound());
    const bool author =
        actor.role == people::Role::kYoungPerson && found->author_id == actor.user_id;
    const auto organisation = MemberOf(actor);
    const bool member = organisation && found->organisation_id == *organisation;
    if (!author && !member) return Fail(NotFound());
    auto view = Load(repos, *found, true);
    if (!view) return Fail(view.error());
    if (!member) view->author_email.clear();
    return view;
  });
}

Status EnquiryService::MarkSeen(const Actor& actor, std::int64_t id) {
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = OwnedByMember(repos, actor, id);
    if (!found) return Fail(found.error());
    if (found->status != EnquiryStatus::kNew) return Ok();
    found->status = EnquiryStatus::kSeen;
    found->seen_at = found->updated_at = now;
    if (auto s = repos.enquiries().Update(*found); !s) return s;
    return Audit(repos, now, actor.user_id, "enquiry.seen", fmt::format("enquiry:{}", id), "");
  });
}

Status EnquiryService::Answer(const Actor& actor, std::int64_t id, const std::string& kind,
                              const std::string& raw, const std::string& client_address) {
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = OwnedByMember(repos, actor, id);
    if (!found) return Fail(found.error());
    const bool spontaneous = found->kind == EnquiryKind::kSpontaneous;
    std::map<std::string, std::string> errors;
    if (!IsReplyKind(kind) || (!spontaneous && kind != "answer"))
      errors["kind"] = "Choisissez une réponse dans la liste.";
    checks::CheckText(errors, "text", raw, kMaxAnswer, true,
                      kind == "no_position" ? nullptr
                      : kind == "interview"
                          ? "Proposez au moins un créneau d'entretien (jour, heure, lieu)."
                          : "Écrivez votre réponse.");
    if (!errors.empty()) return FailFields("invalid answer", std::move(errors));
    if (found->status == EnquiryStatus::kClosed)
      return Fail(Error{ErrorCode::kFailedPrecondition,
                        "enquiry closed",
                        {{"state", "Cette demande est close : on ne peut plus y répondre."}}});
    auto view = Load(repos, *found, false);
    if (!view) return Fail(view.error());
    const std::string text(text::Trim(raw));
    std::string body;
    if (kind == "no_position") {
      body = fmt::format(
          "{} a lu votre candidature spontanée et n'a pas de poste en alternance pour le "
          "moment.{}\n\nMerci de votre intérêt, et ne vous découragez pas : d'autres "
          "entreprises recrutent.",
          view->organisation_name, text.empty() ? std::string() : fmt::format("\n\n{}", text));
    } else if (kind == "interview") {
      body = fmt::format(
          "{} vous propose un entretien suite à votre candidature spontanée.\n\nCréneaux "
          "proposés :\n{}\n\nPour confirmer un créneau ou en demander un autre, écrivez à {}.",
          view->organisation_name, text, actor.email);
    } else {
      body = fmt::format("{} répond à {} :\n\n{}\n\nPour lui écrire : {}", view->organisation_name,
                         What(*view), text, actor.email);
    }
    found->status = EnquiryStatus::kAnswered;
    if (!found->seen_at) found->seen_at = now;
    found->updated_at = now;
    if (auto s = repos.enquiries().Update(*found); !s) return s;
    auto reply = repos.enquiries().AddReply(EnquiryReply{0, id, actor.user_id, kind, body, now});
    if (!reply) return Fail(reply.error());
    auto author = repos.users().FindById(found->author_id);
    if (!author) return Fail(author.error());
    if (author->status == people::UserStatus::kActive) {
      auto queued = repos.outbox().Enqueue(
          Mail{author->email, fmt::format("{} vous a répondu", view->organisation_name),
               fmt::format("Bonjour {},\n\n{}\n\nRetrouvez vos messages et leurs réponses : "
                           "{}/mes-messages\n",
                           author->display_name, body, settings_.public_url)},
          now);
      if (!queued) return Fail(queued.error());
    }
    return Audit(repos, now, actor.user_id, fmt::format("enquiry.answered:{}", kind),
                 fmt::format("enquiry:{}", id), client_address);
  });
}

Status EnquiryService::Close(const Actor& actor, std::int64_t id,
                             const std::string& client_address) {
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = repos.enquiries().FindById(id);
    if (!found) return Fail(NotFound());
    const bool author =
        actor.role == people::Role::kYoungPerson && found->author_id == actor.user_id;
    const auto organisation = MemberOf(actor);
    const bool member = organisation && found->organisation_id == *organisation;
    if (!author && !member) return Fail(NotFound());
    if (found->status == EnquiryStatus::kClosed) return Ok();
    found->status = EnquiryStatus::kClosed;
    found->updated_at = now;
    if (auto s = repos.enquiries().Update(*found); !s) return s;
    return Audit(repos, now, actor.user_id, "enquiry.closed", fmt::format("enquiry:{}", id),
                 client_address);
  });
}

Result<std::pair<applications::CvDocument, std::string>> EnquiryService::ReadCv(const Actor& actor,
                                                                                std::int64_t id) {
  auto view = View(actor, id);
  if (!view) return Fail(view.error());
  if (!view->cv) return Fail(NotFound());
  const auto& cv = *view->cv;
  std::ifstream in(settings_.documents_dir / cv.stored_name, std::ios::binary);
  if (!in) return Fail(ErrorCode::kUnavailable, "cv file missing");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (crypto::Sha256Hex(bytes) != cv.sha256) return Fail(ErrorCode::kInternal, "cv file altered");
  return std::pair{cv, std::move(bytes)};
}

Result<int> EnquiryService::RemindUnanswered() {
  const UnixSeconds now = clock_.Now();
  int reminded = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto due = repos.enquiries().ListUnansweredSince(now - settings_.remind_after);
    if (!due) return Fail(due.error());
    for (auto e : *due) {
      auto view = Load(repos, e, false);
      if (!view) return Fail(view.error());
      const bool spontaneous = e.kind == EnquiryKind::kSpontaneous;
      if (auto s = outbox::MailOrganisation(
              repos, e.organisation_id,
              spontaneous ? "Une candidature spontanée attend votre réponse"
                          : "Une demande d'informations attend votre réponse",
              fmt::format("{} vous a écrit le {} et n'a pas encore de réponse.\n\nRépondez-lui "
                          "en quelques mots{} : {}{}/{}\n",
                          view->author_name, FormatFrenchDate(MartiniqueDate(e.created_at)),
                          spontaneous ? " (même « pas de poste pour le moment »)" : "",
                          settings_.public_url, SpacePath(e.kind), e.id),
              now);
          !s)
        return s;
      e.reminded_at = now;
      if (auto s = repos.enquiries().Update(e); !s) return s;
      if (auto s = Audit(repos, now, 0, "enquiry.reminded", fmt::format("enquiry:{}", e.id), "");
          !s)
        return s;
      ++reminded;
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return reminded;
}

Result<PublicEmployer> EnquiryService::Employer(std::int64_t id) {
  const UnixSeconds now = clock_.Now();
  return ReadValue(store_, [&](Repositories& repos) -> Result<PublicEmployer> {
    auto organisation = repos.organisations().FindById(id);
    if (!organisation || organisation->kind != OrganisationKind::kEmployer ||
        organisation->status != people::OrganisationStatus::kValidated)
      return Fail(ErrorCode::kNotFound, "no such employer");
    PublicEmployer out;
    out.organisation = *organisation;
    auto communes = repos.jobs().Communes();
    if (!communes) return Fail(communes.error());
    for (const auto& c : *communes)
      if (c.insee_code == organisation->commune_code) out.commune_name = c.name;
    auto offers = repos.offers().ListByOrganisation(id);
    if (!offers) return Fail(offers.error());
    for (const auto& o : *offers)
      if (o.state == offers::OfferState::kPublished && !o.hidden && o.expires_at > now)
        out.offers.push_back(o);
    return out;
  });
}

Result<std::vector<Partner>> EnquiryService::PartnersOf(const Actor& actor) {
  if (actor.role != people::Role::kCfa || !actor.membership) return Fail(NotFound());
  return ReadValue(store_, [&](Repositories& repos) {
    return repos.enquiries().Partners(actor.membership->organisation_id);
  });
}

Result<std::vector<people::Organisation>> EnquiryService::FindEmployers(const Actor& actor,
                                                                        const std::string& query) {
  if (actor.role != people::Role::kCfa || !actor.membership) return Fail(NotFound());
  const std::string wanted = text::AsciiLower(text::Trim(query));
  const std::string digits = people::NormalizeSiret(query);
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<people::Organisation>> {
    std::vector<people::Organisation> out;
    if (wanted.size() < 2) return out;
    auto all = repos.organisations().List();
    if (!all) return Fail(all.error());
    for (const auto& o : *all) {
      if (o.kind != OrganisationKind::kEmployer ||
          o.status != people::OrganisationStatus::kValidated)
        continue;
      const bool by_name = text::AsciiLower(o.name).find(wanted) != std::string::npos;
      const bool by_siret = digits.size() >= 3 && o.siret.find(digits) != std::string::npos;
      if (by_name || by_siret) out.push_back(o);
      if (out.size() >= 20) break;
    }
    return out;
  });
}

Result<std::int64_t> EnquiryService::AddPartner(const Actor& actor, const PartnerInput& input) {
  if (actor.role != people::Role::kCfa || !actor.membership) return Fail(NotFound());
  const UnixSeconds now = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    Partner p;
    p.cfa_organisation_id = actor.membership->organisation_id;
    std::map<std::string, std::string> errors;
    checks::CheckText(errors, "note", input.note, kMaxNote, true, nullptr);
    if (input.employer_organisation_id) {
      auto employer = repos.organisations().FindById(input.employer_organisation_id);
      if (!employer || employer->kind != OrganisationKind::kEmployer ||
          employer->status != people::OrganisationStatus::kValidated)
        errors["employer"] = "Choisissez une entreprise dans la liste.";
      else {
        p.employer_organisation_id = employer->id;
        p.name = employer->name;
        p.siret = employer->siret;
      }
    } else {
      checks::CheckText(errors, "name", input.name, kMaxName, false,
                        "Indiquez le nom de l'entreprise.");
      p.name = std::string(text::Trim(input.name));
      p.siret = people::NormalizeSiret(input.siret);
      if (auto problem = people::SiretProblem(p.siret); !problem.empty()) errors["siret"] = problem;
    }
    if (!errors.empty()) return FailFields("invalid partner", std::move(errors));
    p.note = std::string(text::Trim(input.note));
    p.created_by = actor.user_id;
    p.created_at = now;
    auto added = repos.enquiries().AddPartner(p);
    if (!added && added.error().code == ErrorCode::kAlreadyExists)
      return Fail(Error{ErrorCode::kAlreadyExists,
                        "partner exists",
                        {{"siret", "Cette entreprise est déjà dans vos partenaires."}}});
    if (!added) return Fail(added.error());
    id = *added;
    return Audit(repos, now, actor.user_id, "cfa_partner.added", fmt::format("cfa_partner:{}", id),
                 "");
  });
  if (!status) return Fail(status.error());
  return id;
}

Status EnquiryService::RemovePartner(const Actor& actor, std::int64_t id) {
  if (actor.role != people::Role::kCfa || !actor.membership) return Fail(NotFound());
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    if (auto s = repos.enquiries().RemovePartner(actor.membership->organisation_id, id); !s)
      return s;
    return Audit(repos, now, actor.user_id, "cfa_partner.removed",
                 fmt::format("cfa_partner:{}", id), "");
  });
}

}  // namespace maplace::enquiries
