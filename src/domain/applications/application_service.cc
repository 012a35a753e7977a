#include "domain/applications/application_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "core/crypto.h"
#include "core/private_file.h"
#include "core/text.h"
#include "core/xlsx.h"
#include "domain/people/role.h"
#include "domain/text_checks.h"

namespace maplace::applications {
namespace {

using people::Actor;

constexpr std::size_t kMaxMessage = 4000;
constexpr std::size_t kMaxRhythm = 120;
constexpr std::size_t kMaxSlots = 2000;
constexpr std::size_t kMaxDetails = 1000;

Error NotFound() { return Error{ErrorCode::kNotFound, "no such application", {}}; }

Error Refused(ErrorCode code, std::string message, const char* field, std::string french) {
  return Error{code, std::move(message), {{field, std::move(french)}}};
}

// The name a person gave, for display only: its last path component, on one line, cut.
std::string DisplayName(std::string_view original) {
  const auto slash = original.find_last_of("/\\");
  if (slash != std::string_view::npos) original.remove_prefix(slash + 1);
  std::string name = text::SingleLine(original);
  if (!text::IsUtf8(name)) name = "cv";
  if (name.size() > 120) name.resize(120);
  while (!name.empty() && !text::IsUtf8(name)) name.pop_back();
  return name.empty() ? "cv" : name;
}

bool IsEmployer(const Actor& actor) {
  return actor.role == people::Role::kEmployer && actor.membership.has_value();
}

Status MailMembers(Repositories& repos, std::int64_t organisation_id, const std::string& subject,
                   const std::string& body, UnixSeconds now) {
  auto members = repos.organisations().Members(organisation_id);
  if (!members) return Fail(members.error());
  for (const auto& member : *members) {
    if (member.user.status != people::UserStatus::kActive) continue;
    auto queued = repos.outbox().Enqueue(
        Mail{member.user.email, subject,
             fmt::format("Bonjour {},\n\n{}", member.user.display_name, body)},
        now);
    if (!queued) return Fail(queued.error());
  }
  return Ok();
}

Status Audit(Repositories& repos, UnixSeconds now, std::int64_t actor, std::string action,
             std::int64_t id, const std::string& client_address) {
  return repos.audit().Record(audit::AuditEvent{0, now, actor, std::move(action),
                                                fmt::format("application:{}", id),
                                                text::SingleLine(client_address)});
}

// The view of an application: its offer, organisation, applicant, CV and (when `replies`)
// the recruiters' replies.
Result<ApplicationView> Load(Repositories& repos, const Application& a, bool replies) {
  ApplicationView view;
  view.application = a;
  auto offer = repos.offers().FindById(a.offer_id);
  if (!offer) return Fail(offer.error());
  view.offer_title = offer->input.title;
  auto organisation = repos.organisations().FindById(a.organisation_id);
  if (!organisation) return Fail(organisation.error());
  view.organisation_name = organisation->name;
  auto applicant = repos.users().FindById(a.applicant_id);
  if (!applicant) return Fail(applicant.error());
  view.applicant_name = applicant->display_name;
  view.applicant_email = applicant->email;
  if (a.cv_document_id) {
    auto cv = repos.applications().FindCv(a.cv_document_id);
    if (!cv) return Fail(cv.error());
    view.cv = *cv;
  }
  if (replies) {
    auto found = repos.applications().Replies(a.id);
    if (!found) return Fail(found.error());
    view.replies = std::move(*found);
  }
  return view;
}

// The application when `actor` is a member of its organisation; kNotFound otherwise.
Result<Application> OwnedByEmployer(Repositories& repos, const Actor& actor, std::int64_t id) {
  if (!IsEmployer(actor)) return Fail(NotFound());
  auto found = repos.applications().FindById(id);
  if (!found) return found;
  if (found->organisation_id != actor.membership->organisation_id) return Fail(NotFound());
  return found;
}

}  // namespace

ApplicationService::ApplicationService(Store& store, offers::OfferService& offers,
                                       const Clock& clock, ApplicationSettings settings)
    : store_(store), offers_(offers), clock_(clock), settings_(std::move(settings)) {}

Status ApplicationService::Check(const ApplicationInput& input, Date today) {
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "message", input.message, kMaxMessage, true,
                    "Écrivez quelques mots au recruteur : qui vous êtes et pourquoi ce poste.");
  checks::CheckText(errors, "rhythm", input.rhythm, kMaxRhythm, false, nullptr);
  const auto start = text::Trim(input.start_date);
  if (!start.empty()) {
    auto date = ParseIsoDate(start);
    if (!date)
      errors["start_date"] = "Indiquez une date au format jj/mm/aaaa, ou « dès que possible ».";
    else if (Days(*date) < Days(today))
      errors["start_date"] = "Cette date est passée : choisissez une date à venir.";
  }
  if (!IsCfaPlace(input.cfa_place))
    errors["cfa_place"] = "Dites si vous avez déjà une place dans un CFA.";
  if (errors.empty()) return Ok();
  return FailFields("invalid application", std::move(errors));
}

Result<std::int64_t> ApplicationService::Apply(const Actor& actor, std::int64_t offer_id,
                                               const ApplicationInput& raw,
                                               const std::string& client_address) {
  if (actor.role != people::Role::kYoungPerson)
    return Fail(Refused(ErrorCode::kPermissionDenied, "only young people apply", "offer",
                        "Seuls les comptes « jeune » peuvent postuler à une offre."));
  const UnixSeconds now = clock_.Now();
  if (auto s = Check(raw, MartiniqueDate(now)); !s) return Fail(s.error());
  ApplicationInput input = raw;
  input.message = std::string(text::Trim(raw.message));
  input.rhythm = std::string(text::Trim(raw.rhythm));
  input.start_date = std::string(text::Trim(raw.start_date));
  auto published = offers_.GetPublished(offer_id);
  if (!published) return Fail(published.error());
  std::int64_t id = 0;
  int count = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    const Error already = Refused(ErrorCode::kAlreadyExists, "already applied", "offer",
                                  "Vous avez déjà postulé à cette offre : suivez votre "
                                  "candidature dans « Mes candidatures ».");
    // Still published in this transaction (it may have paused at its threshold meanwhile).
    auto current = repos.offers().FindById(offer_id);
    if (!current) return Fail(current.error());
    if (current->state != offers::OfferState::kPublished || current->hidden)
      return Fail(ErrorCode::kNotFound, "offer no longer published");
    auto mine = repos.applications().ListByApplicant(actor.user_id);
    if (!mine) return Fail(mine.error());
    for (const auto& a : *mine)
      if (a.offer_id == offer_id) return Fail(already);
    Application a;
    a.offer_id = offer_id;
    a.organisation_id = published->offer.organisation_id;
    a.applicant_id = actor.user_id;
    a.message = input.message;
    a.start_date = input.start_date;
    a.rhythm = input.rhythm;
    a.cfa_place = input.cfa_place;
    if (input.with_cv) {
      auto cv = repos.applications().LatestCv(actor.user_id);
      if (cv)
        a.cv_document_id = cv->id;
      else if (cv.error().code != ErrorCode::kNotFound)
        return Fail(cv.error());
    }
    a.created_at = a.updated_at = now;
    auto created = repos.applications().Create(a);
    // Two submissions at once: the unique key refuses the second.
    if (!created && created.error().code == ErrorCode::kAlreadyExists) return Fail(already);
    if (!created) return Fail(created.error());
    id = *created;
    auto counted = repos.applications().CountForOffer(offer_id);
    if (!counted) return Fail(counted.error());
    count = *counted;
    if (auto s = MailMembers(
            repos, a.organisation_id,
            fmt::format("Nouvelle candidature pour « {} »", published->offer.input.title),
            fmt::format("{} a postulé à votre offre « {} ».\n\nDébut souhaité : {}\nPlace en "
                        "CFA : {}\nCV joint : {}\n\nLisez sa candidature et répondez-lui : "
                        "{}/employeur/candidatures/{}\n\nUne réponse rapide, même négative, "
                        "compte beaucoup pour un jeune qui cherche son alternance.\n",
                        actor.display_name, published->offer.input.title, StartText(a.start_date),
                        CfaPlaceLabel(a.cfa_place), a.cv_document_id ? "oui" : "non",
                        settings_.public_url, id),
            now);
        !s)
      return s;
    return Audit(repos, now, actor.user_id, "application.created", id, client_address);
  });
  if (!status) return Fail(status.error());
  // After the commit: the offer counts it (and may pause), the search cards follow.
  if (auto s = offers_.OnApplication(offer_id, count); !s) return Fail(s.error());
  return id;
}

Result<std::vector<ApplicationView>> ApplicationService::Mine(const Actor& actor) {
  std::vector<ApplicationView> out;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto mine = repos.applications().ListByApplicant(actor.user_id);
    if (!mine) return Fail(mine.error());
    for (const auto& a : *mine) {
      auto view = Load(repos, a, true);
      if (!view) return Fail(view.error());
      view->applicant_email.clear();
      out.push_back(std::move(*view));
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

Result<Inbox> ApplicationService::InboxOf(const Actor& actor, std::optional<std::int64_t> offer_id,
                                          std::optional<ApplicationStatus> wanted) {
  if (!IsEmployer(actor)) return Fail(NotFound());
  Inbox inbox;
  for (auto s : AllStatuses()) inbox.counts[s] = 0;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    const auto organisation = actor.membership->organisation_id;
    auto offers = repos.offers().ListByOrganisation(organisation);
    if (!offers) return Fail(offers.error());
    inbox.offers = std::move(*offers);
    auto all = repos.applications().ListByOrganisation(organisation);
    if (!all) return Fail(all.error());
    for (const auto& a : *all) {
      if (offer_id && a.offer_id != *offer_id) continue;
      ++inbox.counts[a.status];
      ++inbox.total;
      if (wanted && a.status != *wanted) continue;
      auto view = Load(repos, a, false);
      if (!view) return Fail(view.error());
      inbox.entries.push_back(std::move(*view));
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return inbox;
}

Result<ApplicationView> ApplicationService::View(const Actor& actor, std::int64_t id) {
  ApplicationView out;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.applications().FindById(id);
    if (!found) return Fail(found.error());
    const bool applicant =
        actor.role == people::Role::kYoungPerson && found->applicant_id == actor.user_id;
    const bool employer =
        IsEmployer(actor) && found->organisation_id == actor.membership->organisation_id;
    if (!applicant && !employer) return Fail(NotFound());
    auto view = Load(repos, *found, true);
    if (!view) return Fail(view.error());
    if (!employer) view->applicant_email.clear();
    out = std::move(*view);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

Status ApplicationService::MarkSeen(const Actor& actor, std::int64_t id) {
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = OwnedByEmployer(repos, actor, id);
    if (!found) return Fail(found.error());
    if (found->status != ApplicationStatus::kNew) return Ok();
    found->status = ApplicationStatus::kSeen;
    found->seen_at = found->updated_at = now;
    if (auto s = repos.applications().Update(*found); !s) return s;
    return Audit(repos, now, actor.user_id, "application.seen", id, "");
  });
}

Status ApplicationService::Answer(const Actor& actor, std::int64_t id, ApplicationStatus to,
                                  const std::string& kind, const std::string& refusal_reason,
                                  const std::function<std::string(const ApplicationView&)>& body,
                                  const std::string& client_address) {
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = OwnedByEmployer(repos, actor, id);
    if (!found) return Fail(found.error());
    if (IsFinal(found->status))
      return Fail(Refused(
          ErrorCode::kFailedPrecondition, "application already decided", "state",
          fmt::format("Cette candidature est déjà close ({}).", StatusLabel(found->status))));
    auto view = Load(repos, *found, false);
    if (!view) return Fail(view.error());
    const std::string text = body(*view);
    found->status = to;
    found->refusal_reason = refusal_reason;
    if (!found->seen_at) found->seen_at = now;
    found->updated_at = now;
    if (auto s = repos.applications().Update(*found); !s) return s;
    auto reply = repos.applications().AddReply(Reply{0, id, actor.user_id, kind, text, now});
    if (!reply) return Fail(reply.error());
    auto applicant = repos.users().FindById(found->applicant_id);
    if (!applicant) return Fail(applicant.error());
    if (applicant->status == people::UserStatus::kActive) {
      auto queued = repos.outbox().Enqueue(
          Mail{applicant->email,
               fmt::format("Votre candidature « {} » : {}", view->offer_title, StatusLabel(to)),
               fmt::format("Bonjour {},\n\n{}\n\nRetrouvez vos candidatures : "
                           "{}/mes-candidatures\n",
                           applicant->display_name, text, settings_.public_url)},
          now);
      if (!queued) return Fail(queued.error());
    }
    return Audit(repos, now, actor.user_id, fmt::format("application.{}", StatusCode(to)), id,
                 client_address);
  });
}

Status ApplicationService::Invite(const Actor& actor, std::int64_t id, const std::string& slots,
                                  const std::string& client_address) {
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "slots", slots, kMaxSlots, true,
                    "Proposez au moins un créneau d'entretien (jour, heure, lieu).");
  if (!errors.empty()) return FailFields("invalid invitation", std::move(errors));
  const std::string trimmed(text::Trim(slots));
  return Answer(
      actor, id, ApplicationStatus::kInterview, "interview", "",
      [&](const ApplicationView& v) {
        return fmt::format(
            "{} vous propose un entretien pour l'offre « {} ».\n\nCréneaux proposés :\n{}\n\n"
            "Pour confirmer un créneau ou en demander un autre, écrivez à {}.",
            v.organisation_name, v.offer_title, trimmed, actor.email);
      },
      client_address);
}

Status ApplicationService::Refuse(const Actor& actor, std::int64_t id, const std::string& reason,
                                  const std::string& details, const std::string& client_address) {
  std::map<std::string, std::string> errors;
  if (!IsRefusalReason(reason)) errors["reason"] = "Choisissez une raison dans la liste.";
  checks::CheckText(errors, "details", details, kMaxDetails, true,
                    reason == "other"
                        ? "Dites en quelques mots pourquoi la candidature n'est pas retenue."
                        : nullptr);
  if (!errors.empty()) return FailFields("invalid refusal", std::move(errors));
  const std::string trimmed(text::Trim(details));
  return Answer(
      actor, id, ApplicationStatus::kRefused, "refusal", reason,
      [&](const ApplicationView& v) {
        std::string why = reason == "other" ? trimmed : std::string(RefusalReasonLabel(reason));
        if (reason != "other" && !trimmed.empty()) why += fmt::format(" ({})", trimmed);
        return fmt::format(
            "{} a étudié votre candidature pour l'offre « {} » et ne peut pas y donner suite.\n"
            "Raison : {}.\n\nMerci de votre intérêt, et ne vous découragez pas : d'autres "
            "offres vous attendent.",
            v.organisation_name, v.offer_title, why);
      },
      client_address);
}

Status ApplicationService::Hire(const Actor& actor, std::int64_t id,
                                const std::string& client_address) {
  return Answer(
      actor, id, ApplicationStatus::kHired, "hire", "",
      [&](const ApplicationView& v) {
        return fmt::format(
            "Bonne nouvelle : {} retient votre candidature pour l'offre « {} ».\n\nLe recruteur "
            "va vous contacter pour la suite (contrat, inscription au CFA). Vous pouvez aussi "
            "lui écrire à {}.",
            v.organisation_name, v.offer_title, actor.email);
      },
      client_address);
}

Result<CvDocument> ApplicationService::SaveCv(const Actor& actor, std::string_view bytes,
                                              std::string_view original_name) {
  if (actor.role != people::Role::kYoungPerson)
    return Fail(Refused(ErrorCode::kPermissionDenied, "only young people keep a CV", "cv",
                        "Seuls les comptes « jeune » déposent un CV."));
  if (bytes.empty())
    return Fail(Refused(ErrorCode::kInvalidArgument, "empty cv", "cv",
                        "Le fichier est vide : choisissez votre CV."));
  if (static_cast<std::int64_t>(bytes.size()) > settings_.max_cv_bytes)
    return Fail(Refused(ErrorCode::kInvalidArgument, "cv too large", "cv",
                        "Le CV doit faire 3 Mo au plus."));
  if (original_name.find_first_of("/\\") != std::string_view::npos)
    return Fail(Refused(ErrorCode::kInvalidArgument, "cv name with a path", "cv",
                        "Le nom du fichier ne doit pas contenir de chemin (/ ou \\) : "
                        "renommez-le, par exemple « cv.pdf »."));
  auto type = SniffCvType(bytes);
  if (!type)
    return Fail(Refused(ErrorCode::kInvalidArgument, "cv type", "cv",
                        "Le CV doit être un fichier PDF ou Word (DOCX). Ce fichier n'en est "
                        "pas un, quel que soit son nom."));
  // The name's extension must say what the content is (a mislabelled file confuses recruiters).
  const std::string lower = text::AsciiLower(original_name);
  const std::string_view wanted = *type == kPdfType ? ".pdf" : ".docx";
  if (!std::string_view(lower).ends_with(wanted))
    return Fail(Refused(ErrorCode::kInvalidArgument, "cv extension", "cv",
                        fmt::format("Ce fichier est un {} mais son nom ne finit pas par « {} » : "
                                    "renommez-le.",
                                    *type == kPdfType ? "PDF" : "document Word (DOCX)", wanted)));
  const UnixSeconds now = clock_.Now();
  CvDocument cv{0,
                actor.user_id,
                crypto::RandomToken(24),
                DisplayName(original_name),
                std::string(*type),
                static_cast<std::int64_t>(bytes.size()),
                crypto::Sha256Hex(bytes),
                now};
  const auto path = settings_.documents_dir / cv.stored_name;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto added = repos.applications().AddCv(cv);
    if (!added) return Fail(added.error());
    cv.id = *added;
    // Written before the commit: a failed commit leaves an orphan file, never a row without
    // its file.
    auto written = ReadOrCreatePrivateFile(path, [&] { return std::string(bytes); });
    if (!written) return Fail(written.error());
    return repos.audit().Record(
        audit::AuditEvent{0, now, actor.user_id, "cv.uploaded", fmt::format("cv:{}", cv.id), ""});
  });
  if (!status) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return Fail(status.error());
  }
  return cv;
}

Result<std::optional<CvDocument>> ApplicationService::MyCv(const Actor& actor) {
  std::optional<CvDocument> out;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto cv = repos.applications().LatestCv(actor.user_id);
    if (cv) {
      out = *cv;
      return Ok();
    }
    if (cv.error().code == ErrorCode::kNotFound) return Ok();
    return Fail(cv.error());
  });
  if (!status) return Fail(status.error());
  return out;
}

Result<std::pair<CvDocument, std::string>> ApplicationService::ReadCv(const Actor& actor,
                                                                      std::int64_t cv_id) {
  std::optional<CvDocument> cv;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.applications().FindCv(cv_id);
    if (!found) return Fail(NotFound());
    if (found->owner_id == actor.user_id && actor.role == people::Role::kYoungPerson) {
      cv = *found;
      return Ok();
    }
    if (!IsEmployer(actor)) return Fail(NotFound());
    auto sent = repos.applications().ListByCv(cv_id);
    if (!sent) return Fail(sent.error());
    for (const auto& a : *sent)
      if (a.organisation_id == actor.membership->organisation_id) cv = *found;
    if (!cv) return Fail(NotFound());
    return Ok();
  });
  if (!status) return Fail(status.error());
  std::ifstream in(settings_.documents_dir / cv->stored_name, std::ios::binary);
  if (!in) return Fail(ErrorCode::kUnavailable, "cv file missing");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (crypto::Sha256Hex(bytes) != cv->sha256) return Fail(ErrorCode::kInternal, "cv file altered");
  return std::pair{*cv, std::move(bytes)};
}

Result<int> ApplicationService::RemindUnanswered() {
  const UnixSeconds now = clock_.Now();
  int reminded = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto due = repos.applications().ListUnansweredSince(now - settings_.remind_after);
    if (!due) return Fail(due.error());
    for (auto a : *due) {
      auto view = Load(repos, a, false);
      if (!view) return Fail(view.error());
      if (auto s = MailMembers(
              repos, a.organisation_id,
              fmt::format("Une candidature attend votre réponse : « {} »", view->offer_title),
              fmt::format("{} a postulé à votre offre « {} » le {} et n'a pas encore de "
                          "réponse.\n\nRépondez-lui en deux clics (entretien, refus avec une "
                          "raison, embauche) : {}/employeur/candidatures/{}\n",
                          view->applicant_name, view->offer_title,
                          FormatFrenchDate(MartiniqueDate(a.created_at)), settings_.public_url,
                          a.id),
              now);
          !s)
        return s;
      a.reminded_at = now;
      if (auto s = repos.applications().Update(a); !s) return s;
      if (auto s = Audit(repos, now, 0, "application.reminded", a.id, ""); !s) return s;
      ++reminded;
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return reminded;
}

Result<std::string> ApplicationService::Export(const Actor& actor,
                                               std::optional<std::int64_t> offer_id) {
  auto inbox = InboxOf(actor, offer_id, std::nullopt);
  if (!inbox) return Fail(inbox.error());
  xlsx::Sheet sheet{"Candidatures",
                    {"N°", "Offre", "Candidat", "E-mail", "Reçue le", "Statut", "Début souhaité",
                     "Rythme souhaité", "Place en CFA", "CV", "Message"},
                    {}};
  for (const auto& v : inbox->entries) {
    const auto& a = v.application;
    sheet.rows.push_back({static_cast<std::int64_t>(a.id), v.offer_title, v.applicant_name,
                          v.applicant_email, MartiniqueDate(a.created_at),
                          std::string(StatusLabel(a.status)), StartText(a.start_date), a.rhythm,
                          std::string(CfaPlaceLabel(a.cfa_place)),
                          std::string(v.cv ? "oui" : "non"), a.message});
  }
  return xlsx::Write({sheet}, clock_.Now());
}

}  // namespace maplace::applications
