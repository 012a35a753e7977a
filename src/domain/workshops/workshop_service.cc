#include "domain/workshops/workshop_service.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>

#include "core/crypto.h"
#include "core/date.h"
#include "core/private_file.h"
#include "core/text.h"
#include "core/time_format.h"
#include "core/xlsx.h"
#include "domain/crm/branches.h"
#include "domain/outbox/unsubscribe.h"
#include "domain/people/role.h"
#include "domain/text_checks.h"
#include "domain/workshops/ics.h"

namespace maplace::workshops {
namespace {

using people::Actor;
using people::Role;

constexpr UnixSeconds kMartiniqueOffset = 4 * 3600;  // UTC−4, no daylight saving time

Error NotFound() { return Error{ErrorCode::kNotFound, "no such workshop", {}}; }
Error Denied() {
  return Error{ErrorCode::kPermissionDenied,
               "staff only",
               {{"session", "Seuls les conseillers gèrent les ateliers."}}};
}

bool IsWorkshopStaff(const Actor& actor) {
  return actor.role == Role::kAdvisor || actor.role == Role::kManager || actor.role == Role::kAdmin;
}

bool IsMember(const Actor& actor) {
  return (actor.role == Role::kEmployer || actor.role == Role::kCfa) &&
         actor.membership.has_value();
}

UnixSeconds YearStart(int year) {
  const std::chrono::sys_days day{std::chrono::year{year} / 1 / 1};
  return std::chrono::sys_seconds{day}.time_since_epoch().count() + kMartiniqueOffset;
}

Date MartiniqueDay(UnixSeconds t) { return MartiniqueDate(t); }

SessionStats StatsOf(const std::vector<Registration>& registrations) {
  SessionStats stats;
  int total = 0;
  for (const auto& r : registrations) {
    if (r.status == RegistrationStatus::kRegistered) ++stats.registered;
    if (r.status == RegistrationStatus::kWaiting) ++stats.waiting;
    if (r.status == RegistrationStatus::kRegistered && r.attended) ++stats.attended;
    if (r.rating > 0) {
      ++stats.ratings;
      total += r.rating;
    }
  }
  if (stats.ratings) stats.average = static_cast<double>(total) / stats.ratings;
  return stats;
}

std::string ThemeName(const std::vector<Theme>& themes, std::int64_t id) {
  for (const auto& t : themes)
    if (t.id == id) return t.name;
  return "";
}

Result<RegistrationView> ViewOf(Repositories& repos, const Registration& r) {
  RegistrationView view{r, "", "", ""};
  auto user = repos.users().FindById(r.user_id);
  if (!user) return Fail(user.error());
  view.person_name = user->display_name;
  view.person_email = user->email;
  auto organisation = repos.organisations().FindById(r.organisation_id);
  if (!organisation) return Fail(organisation.error());
  view.organisation_name = organisation->name;
  return view;
}

Status MailUser(Repositories& repos, std::int64_t user_id, const std::string& subject,
                const std::string& body, UnixSeconds now) {
  auto user = repos.users().FindById(user_id);
  if (!user) return Fail(user.error());
  if (user->status != people::UserStatus::kActive) return Ok();
  auto queued = repos.outbox().Enqueue(
      Mail{user->email, subject, fmt::format("Bonjour {},\n\n{}", user->display_name, body)}, now);
  if (!queued) return Fail(queued.error());
  return Ok();
}

Status Audit(Repositories& repos, UnixSeconds now, std::int64_t actor, std::string action,
             std::string subject) {
  return repos.audit().Record(
      audit::AuditEvent{0, now, actor, std::move(action), std::move(subject), ""});
}

std::string WhereText(const SessionInput& in) {
  if (in.place.empty()) return fmt::format("En ligne : {}", in.online_link);
  if (in.online_link.empty()) return in.place;
  return fmt::format("{} (ou en ligne : {})", in.place, in.online_link);
}

// The display name of a file, on one line, without a path.
std::string DisplayName(std::string_view original) {
  const auto slash = original.find_last_of("/\\");
  if (slash != std::string_view::npos) original.remove_prefix(slash + 1);
  std::string name = text::SingleLine(original);
  if (!text::IsUtf8(name)) name = "support";
  if (name.size() > 120) name.resize(120);
  while (!name.empty() && !text::IsUtf8(name)) name.pop_back();
  return name.empty() ? "support" : name;
}

// The type of a material by its bytes and, for zip-based documents, its extension.
std::optional<std::string> SniffMaterial(std::string_view bytes, std::string_view name) {
  const std::string lower = text::AsciiLower(name);
  const auto ends = [&](std::string_view ext) { return std::string_view(lower).ends_with(ext); };
  if (bytes.starts_with("%PDF-"))
    return ends(".pdf") ? std::optional<std::string>("application/pdf") : std::nullopt;
  if (!bytes.starts_with(std::string_view("PK\x03\x04", 4))) return std::nullopt;
  if (ends(".docx"))
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ends(".pptx"))
    return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  if (ends(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (ends(".odt")) return "application/vnd.oasis.opendocument.text";
  if (ends(".odp")) return "application/vnd.oasis.opendocument.presentation";
  return std::nullopt;
}

// Whether the actor may read a session's materials and calendar: staff, or a member of an
// organisation with a registration (registered or waiting) at it.
Result<bool> MayRead(Repositories& repos, const Actor& actor, std::int64_t session_id) {
  if (IsWorkshopStaff(actor)) return true;
  if (!IsMember(actor)) return false;
  auto registrations = repos.workshops().Registrations(session_id);
  if (!registrations) return Fail(registrations.error());
  for (const auto& r : *registrations)
    if (r.organisation_id == actor.membership->organisation_id &&
        r.status != RegistrationStatus::kCancelled)
      return true;
  return false;
}

Error Invalid(const char* field, std::string french) {
  return Error{ErrorCode::kInvalidArgument, "invalid workshop input", {{field, std::move(french)}}};
}

}  // namespace

std::optional<UnixSeconds> ParseMartiniqueDateTime(std::string_view text) {
  text = text::Trim(text);
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  auto date = ParseIsoDate(text.substr(0, 10));
  if (!date) return std::nullopt;
  const auto digits = [&](std::size_t at) -> int {
    if (!std::isdigit(static_cast<unsigned char>(text[at])) ||
        !std::isdigit(static_cast<unsigned char>(text[at + 1])))
      return -1;
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
  };
  const int hours = digits(11), minutes = digits(14);
  if (text[13] != ':' || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return std::nullopt;
  if (text.size() != 16 && !(text.size() == 19 && text[16] == ':')) return std::nullopt;
  return std::chrono::sys_seconds{Days(*date)}.time_since_epoch().count() + hours * 3600 +
         minutes * 60 + kMartiniqueOffset;
}

std::string FormatMartiniqueDateTime(UnixSeconds t) {
  const std::chrono::sys_seconds local{std::chrono::seconds{t - kMartiniqueOffset}};
  return fmt::format("{:%Y-%m-%dT%H:%M}", local);
}

std::string FrenchSchedule(UnixSeconds starts_at, UnixSeconds ends_at) {
  const auto clock = [](UnixSeconds t) {
    const std::chrono::sys_seconds local{std::chrono::seconds{t - kMartiniqueOffset}};
    return fmt::format("{:%H:%M}", local);
  };
  const Date first = MartiniqueDay(starts_at), last = MartiniqueDay(ends_at);
  if (first == last)
    return fmt::format("{}, de {} à {}", FormatFrenchLongDate(first), clock(starts_at),
                       clock(ends_at));
  return fmt::format("du {} à {} au {} à {}", FormatFrenchLongDate(first), clock(starts_at),
                     FormatFrenchLongDate(last), clock(ends_at));
}

Result<std::vector<SessionFigures>> SessionsInYear(Store& store, int year) {
  return ReadValue(store, [&](Repositories& repos) -> Result<std::vector<SessionFigures>> {
    auto themes = repos.workshops().Themes();
    if (!themes) return Fail(themes.error());
    auto sessions = repos.workshops().SessionsBetween(YearStart(year), YearStart(year + 1));
    if (!sessions) return Fail(sessions.error());
    std::vector<SessionFigures> out;
    for (const auto& s : *sessions) {
      auto registrations = repos.workshops().Registrations(s.id);
      if (!registrations) return Fail(registrations.error());
      SessionFigures f{s.id,
                       s.input.title,
                       ThemeName(*themes, s.input.theme_id),
                       s.input.starts_at,
                       s.input.capacity,
                       StatsOf(*registrations),
                       0};
      std::set<std::int64_t> organisations;
      for (const auto& r : *registrations)
        if (r.status == RegistrationStatus::kRegistered && r.attended)
          organisations.insert(r.organisation_id);
      f.organisations_attending = static_cast<int>(organisations.size());
      out.push_back(std::move(f));
    }
    return out;
  });
}

WorkshopService::WorkshopService(Store& store, const Clock& clock, WorkshopSettings settings)
    : store_(store), clock_(clock), settings_(std::move(settings)) {}

Result<std::int64_t> WorkshopService::CreateTheme(const Actor& actor, const std::string& name,
                                                  const std::string& description) {
  if (!IsWorkshopStaff(actor)) return Fail(Denied());
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "theme_name", name, 120, false, "Donnez un nom au thème.");
  checks::CheckText(errors, "theme_description", description, 1000, true, nullptr);
  if (!errors.empty()) return FailFields("invalid theme", std::move(errors));
  const UnixSeconds now = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto created = repos.workshops().CreateTheme(
        Theme{0, std::string(text::Trim(name)), std::string(text::Trim(description)), now});
    if (!created && created.error().code == ErrorCode::kAlreadyExists)
      return Fail(Invalid("theme_name", "Ce thème existe déjà."));
    if (!created) return Fail(created.error());
    id = *created;
    return Audit(repos, now, actor.user_id, "workshop.theme_created", fmt::format("theme:{}", id));
  });
  if (!status) return Fail(status.error());
  return id;
}

Result<std::vector<Theme>> WorkshopService::Themes() {
  return ReadValue(store_, [](Repositories& repos) { return repos.workshops().Themes(); });
}

Status WorkshopService::Check(const SessionInput& input) {
  std::map<std::string, std::string> errors;
  if (input.theme_id <= 0) errors["theme_id"] = "Choisissez le thème de l'atelier.";
  checks::CheckText(errors, "title", input.title, 200, false, "Donnez un titre à la session.");
  if (input.starts_at <= 0)
    errors["starts_at"] = "Indiquez le début (date et heure, heure de la Martinique).";
  if (input.ends_at <= 0)
    errors["ends_at"] = "Indiquez la fin (date et heure, heure de la Martinique).";
  else if (input.starts_at > 0 && input.ends_at <= input.starts_at)
    errors["ends_at"] = "La fin doit venir après le début.";
  checks::CheckText(errors, "place", input.place, 300, false, nullptr);
  const auto link = text::Trim(input.online_link);
  if (!link.empty() && !(link.starts_with("https://") || link.starts_with("http://")))
    errors["online_link"] = "Le lien de visioconférence doit commencer par https://.";
  else
    checks::CheckText(errors, "online_link", link, 500, false, nullptr);
  if (text::Trim(input.place).empty() && link.empty())
    errors["place"] = "Indiquez un lieu, un lien de visioconférence, ou les deux.";
  if (input.capacity < 1 || input.capacity > 1000)
    errors["capacity"] = "La capacité doit être un nombre de places entre 1 et 1000.";
  checks::CheckText(errors, "speakers", input.speakers, 500, false, nullptr);
  checks::CheckText(errors, "description", input.description, 4000, true, nullptr);
  if (errors.empty()) return Ok();
  return FailFields("invalid session", std::move(errors));
}

namespace {
SessionInput Trimmed(const SessionInput& in) {
  SessionInput out = in;
  out.title = std::string(text::Trim(in.title));
  out.place = std::string(text::Trim(in.place));
  out.online_link = std::string(text::Trim(in.online_link));
  out.speakers = std::string(text::Trim(in.speakers));
  out.description = std::string(text::Trim(in.description));
  return out;
}
}  // namespace

Result<std::int64_t> WorkshopService::CreateSession(const Actor& actor, const SessionInput& raw) {
  if (!IsWorkshopStaff(actor)) return Fail(Denied());
  if (auto s = Check(raw); !s) return Fail(s.error());
  const UnixSeconds now = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto themes = repos.workshops().Themes();
    if (!themes) return Fail(themes.error());
    if (ThemeName(*themes, raw.theme_id).empty())
      return Fail(Invalid("theme_id", "Choisissez le thème de l'atelier."));
    Session s;
    s.input = Trimmed(raw);
    s.created_by = actor.user_id;
    s.created_at = s.updated_at = now;
    auto created = repos.workshops().CreateSession(s);
    if (!created) return Fail(created.error());
    id = *created;
    return Audit(repos, now, actor.user_id, "workshop.session_created",
                 fmt::format("workshop:{}", id));
  });
  if (!status) return Fail(status.error());
  return id;
}

Status WorkshopService::UpdateSession(const Actor& actor, std::int64_t id,
                                      const SessionInput& raw) {
  if (!IsWorkshopStaff(actor)) return Fail(Denied());
  if (auto s = Check(raw); !s) return s;
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = repos.workshops().FindSession(id);
    if (!found) return Fail(found.error());
    auto themes = repos.workshops().Themes();
    if (!themes) return Fail(themes.error());
    if (ThemeName(*themes, raw.theme_id).empty())
      return Fail(Invalid("theme_id", "Choisissez le thème de l'atelier."));
    if (raw.capacity < found->seats_taken)
      return Fail(
          Invalid("capacity", fmt::format("{} personnes sont déjà inscrites : la capacité ne peut "
                                          "pas descendre en dessous.",
                                          found->seats_taken)));
    found->input = Trimmed(raw);
    found->updated_at = now;
    if (auto s = repos.workshops().UpdateSession(*found); !s) return s;
    return Audit(repos, now, actor.user_id, "workshop.session_updated",
                 fmt::format("workshop:{}", id));
  });
}

Result<std::vector<SessionSummary>> WorkshopService::List(const SessionFilter& filter) {
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<SessionSummary>> {
    auto themes = repos.workshops().Themes();
    if (!themes) return Fail(themes.error());
    const UnixSeconds from = filter.year ? YearStart(*filter.year) : 0;
    const UnixSeconds to = filter.year ? YearStart(*filter.year + 1) : YearStart(3000);
    auto sessions = repos.workshops().SessionsBetween(from, to);
    if (!sessions) return Fail(sessions.error());
    std::vector<SessionSummary> out;
    for (auto it = sessions->rbegin(); it != sessions->rend(); ++it) {  // latest first
      if (filter.theme_id && it->input.theme_id != *filter.theme_id) continue;
      auto registrations = repos.workshops().Registrations(it->id);
      if (!registrations) return Fail(registrations.error());
      out.push_back({*it, ThemeName(*themes, it->input.theme_id), StatsOf(*registrations)});
    }
    return out;
  });
}

Result<std::vector<SessionSummary>> WorkshopService::Upcoming() {
  const UnixSeconds now = clock_.Now();
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<SessionSummary>> {
    auto themes = repos.workshops().Themes();
    if (!themes) return Fail(themes.error());
    // A session may last up to a few days: look back one week for those not yet ended.
    auto sessions = repos.workshops().SessionsBetween(now - 7 * 24 * 3600, YearStart(3000));
    if (!sessions) return Fail(sessions.error());
    std::vector<SessionSummary> out;
    for (const auto& s : *sessions) {
      if (s.input.ends_at <= now) continue;
      auto registrations = repos.workshops().Registrations(s.id);
      if (!registrations) return Fail(registrations.error());
      out.push_back({s, ThemeName(*themes, s.input.theme_id), StatsOf(*registrations)});
    }
    return out;
  });
}

Result<SessionSheet> WorkshopService::Sheet(const Actor& actor, std::int64_t id) {
  if (!IsWorkshopStaff(actor)) return Fail(NotFound());
  return ReadValue(store_, [&](Repositories& repos) -> Result<SessionSheet> {
    SessionSheet sheet;
    auto session = repos.workshops().FindSession(id);
    if (!session) return Fail(session.error());
    sheet.session = *session;
    auto themes = repos.workshops().Themes();
    if (!themes) return Fail(themes.error());
    for (const auto& t : *themes)
      if (t.id == session->input.theme_id) sheet.theme = t;
    auto registrations = repos.workshops().Registrations(id);
    if (!registrations) return Fail(registrations.error());
    sheet.stats = StatsOf(*registrations);
    for (const auto& r : *registrations) {
      auto view = ViewOf(repos, r);
      if (!view) return Fail(view.error());
      sheet.registrations.push_back(std::move(*view));
    }
    auto materials = repos.workshops().Materials(id);
    if (!materials) return Fail(materials.error());
    sheet.materials = std::move(*materials);
    auto actions = repos.workshops().Actions(id);
    if (!actions) return Fail(actions.error());
    sheet.actions = std::move(*actions);
    auto invitations = repos.workshops().Invitations(id);
    if (!invitations) return Fail(invitations.error());
    sheet.invited = static_cast<int>(invitations->size());
    return sheet;
  });
}

namespace {
Result<std::vector<InvitationTarget>> SelectTargets(Repositories& repos, std::int64_t id,
                                                    const InvitationCriteria& criteria) {
  auto organisations = repos.organisations().List();
  if (!organisations) return Fail(organisations.error());
  auto communes = repos.jobs().Communes();
  if (!communes) return Fail(communes.error());
  auto areas = repos.jobs().Areas();
  if (!areas) return Fail(areas.error());
  auto invitations = repos.workshops().Invitations(id);
  if (!invitations) return Fail(invitations.error());
  std::map<std::string, std::string> area_of;
  for (const auto& c : *communes) area_of[c.insee_code] = c.area_code;
  std::map<std::string, std::string> area_name;
  for (const auto& a : *areas) area_name[a.code] = a.short_name.empty() ? a.name : a.short_name;
  std::set<std::int64_t> invited;
  for (const auto& i : *invitations) invited.insert(i.organisation_id);
  std::map<std::string, crm::Branch> branch_of;
  auto branches = repos.crm().Branches();
  if (!branches) return Fail(branches.error());
  for (const auto& b : *branches) branch_of[b.idcc] = b;
  std::vector<InvitationTarget> out;
  for (const auto& o : *organisations) {
    if (o.status != people::OrganisationStatus::kValidated) continue;
    if (o.kind != people::OrganisationKind::kEmployer && o.kind != people::OrganisationKind::kCfa)
      continue;
    if (!criteria.kind.empty() && people::OrganisationKindCode(o.kind) != criteria.kind) continue;
    const std::string area = area_of.count(o.commune_code) ? area_of[o.commune_code] : "";
    if (!criteria.area_code.empty() && area != criteria.area_code) continue;
    const auto branch = branch_of.find(o.idcc);
    const std::string branch_name = branch != branch_of.end() ? branch->second.name : "";
    const std::string opco = branch != branch_of.end() ? branch->second.opco : "";
    if (!criteria.branch.empty() && branch_name != criteria.branch) continue;
    if (!criteria.opco.empty() && opco != criteria.opco) continue;
    out.push_back({o, area_name.count(area) ? area_name[area] : "", branch_name, opco,
                   invited.count(o.id) > 0});
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.organisation.name < b.organisation.name; });
  return out;
}

Status CheckCriteria(const InvitationCriteria& criteria) {
  if (!criteria.kind.empty() && criteria.kind != "cfa" && criteria.kind != "employer")
    return Fail(Invalid("kind", "Choisissez : CFA, entreprises, ou les deux."));
  if (!criteria.opco.empty() && !crm::IsOpcoCode(criteria.opco))
    return Fail(Invalid("opco", "Choisissez un OPCO dans la liste."));
  return Ok();
}
}  // namespace

Result<std::vector<InvitationTarget>> WorkshopService::Targets(const Actor& actor, std::int64_t id,
                                                               const InvitationCriteria& criteria) {
  if (!IsWorkshopStaff(actor)) return Fail(NotFound());
  if (auto s = CheckCriteria(criteria); !s) return Fail(s.error());
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<InvitationTarget>> {
    auto session = repos.workshops().FindSession(id);
    if (!session) return Fail(session.error());
    return SelectTargets(repos, id, criteria);
  });
}

Result<int> WorkshopService::Invite(const Actor& actor, std::int64_t id,
                                    const InvitationCriteria& criteria) {
  if (!IsWorkshopStaff(actor)) return Fail(NotFound());
  if (auto s = CheckCriteria(criteria); !s) return Fail(s.error());
  const UnixSeconds now = clock_.Now();
  int invited = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto session = repos.workshops().FindSession(id);
    if (!session) return Fail(session.error());
    if (session->input.ends_at <= now)
      return Fail(Invalid("session", "Cette session est passée : on n'y invite plus."));
    auto targets = SelectTargets(repos, id, criteria);
    if (!targets) return Fail(targets.error());
    const auto& in = session->input;
    for (const auto& t : *targets) {
      if (t.already_invited) continue;
      auto added =
          repos.workshops().AddInvitation(Invitation{id, t.organisation.id, actor.user_id, now});
      if (!added) return Fail(added.error());
      if (!*added) continue;
      auto members = repos.organisations().Members(t.organisation.id);
      if (!members) return Fail(members.error());
      for (const auto& m : *members) {
        if (m.user.status != people::UserStatus::kActive) continue;
        // Not transactional (issue 5 §7): those who left the list are skipped, the others get
        // the unsubscribe link and header.
        auto left = outbox::IsUnsubscribed(repos, m.user.email, outbox::kListWorkshopInvitations);
        if (!left) return Fail(left.error());
        if (*left) continue;
        auto mail = outbox::WithUnsubscribe(
            repos, settings_.public_url, outbox::kListWorkshopInvitations,
            Mail{m.user.email,
                 fmt::format("Invitation : atelier Aktiv Alternance « {} »", in.title),
                 fmt::format(
                     "Bonjour {},\n\nLa délégation de l'OPCO invite {} à l'atelier Aktiv "
                     "Alternance « {} », {} (heure de la Martinique).\n\nLieu : {}\n{}{}\n"
                     "Places limitées ({} au total). Inscrivez une ou plusieurs personnes de "
                     "votre structure : {}/ateliers/{}\n\nÀ bientôt,\nL'équipe des conseillers "
                     "emploi-formation\n",
                     m.user.display_name, t.organisation.name, in.title,
                     FrenchSchedule(in.starts_at, in.ends_at), WhereText(in),
                     in.speakers.empty() ? "" : fmt::format("Intervenants : {}\n", in.speakers),
                     in.description.empty() ? "" : fmt::format("\n{}\n", in.description),
                     in.capacity, settings_.public_url, id)});
        if (!mail) return Fail(mail.error());
        auto queued = repos.outbox().Enqueue(*mail, now);
        if (!queued) return Fail(queued.error());
      }
      ++invited;
    }
    return Audit(repos, now, actor.user_id, "workshop.invited",
                 fmt::format("workshop:{} ({} organisations)", id, invited));
  });
  if (!status) return Fail(status.error());
  return invited;
}

Result<OrganisationSessionView> WorkshopService::ForOrganisation(const Actor& actor,
                                                                 std::int64_t id) {
  if (!IsMember(actor)) return Fail(NotFound());
  return ReadValue(store_, [&](Repositories& repos) -> Result<OrganisationSessionView> {
    OrganisationSessionView view;
    auto session = repos.workshops().FindSession(id);
    if (!session) return Fail(session.error());
    view.session = *session;
    view.seats_left = session->input.capacity - session->seats_taken;
    auto themes = repos.workshops().Themes();
    if (!themes) return Fail(themes.error());
    for (const auto& t : *themes)
      if (t.id == session->input.theme_id) view.theme = t;
    auto registrations = repos.workshops().Registrations(id);
    if (!registrations) return Fail(registrations.error());
    for (const auto& r : *registrations) {
      if (r.organisation_id != actor.membership->organisation_id) continue;
      if (r.status == RegistrationStatus::kCancelled) continue;
      auto v = ViewOf(repos, r);
      if (!v) return Fail(v.error());
      view.mine.push_back(std::move(*v));
    }
    if (!view.mine.empty()) {
      auto materials = repos.workshops().Materials(id);
      if (!materials) return Fail(materials.error());
      view.materials = std::move(*materials);
    }
    auto members = repos.organisations().Members(actor.membership->organisation_id);
    if (!members) return Fail(members.error());
    for (const auto& m : *members)
      if (m.user.status == people::UserStatus::kActive) view.members.push_back(m);
    return view;
  });
}

Result<std::vector<Registration>> WorkshopService::Register(
    const Actor& actor, std::int64_t id, const std::vector<std::int64_t>& user_ids) {
  if (!IsMember(actor)) return Fail(NotFound());
  if (user_ids.empty()) return Fail(Invalid("people", "Cochez au moins une personne à inscrire."));
  const UnixSeconds now = clock_.Now();
  const auto organisation_id = actor.membership->organisation_id;
  std::vector<Registration> out;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto session = repos.workshops().FindSession(id);
    if (!session) return Fail(session.error());
    if (session->input.starts_at <= now)
      return Fail(
          Invalid("session", "Cette session a déjà commencé : les inscriptions sont closes."));
    auto members = repos.organisations().Members(organisation_id);
    if (!members) return Fail(members.error());
    auto existing = repos.workshops().Registrations(id);
    if (!existing) return Fail(existing.error());
    const auto& in = session->input;
    for (const auto user_id : std::set<std::int64_t>(user_ids.begin(), user_ids.end())) {
      const people::Member* member = nullptr;
      for (const auto& m : *members)
        if (m.user.id == user_id && m.user.status == people::UserStatus::kActive) member = &m;
      if (!member)
        return Fail(
            Invalid("people", "Vous ne pouvez inscrire que des membres de votre structure."));
      std::optional<Registration> previous;
      for (const auto& r : *existing)
        if (r.user_id == user_id) previous = r;
      if (previous && previous->status != RegistrationStatus::kCancelled) continue;
      auto seat = repos.workshops().TakeSeat(id);
      if (!seat) return Fail(seat.error());
      Registration r = previous.value_or(Registration{});
      r.session_id = id;
      r.organisation_id = organisation_id;
      r.user_id = user_id;
      r.registered_by = actor.user_id;
      r.status = *seat ? RegistrationStatus::kRegistered : RegistrationStatus::kWaiting;
      r.attended = false;
      r.updated_at = now;
      if (previous) {
        if (auto s = repos.workshops().UpdateRegistration(r); !s) return s;
      } else {
        r.created_at = now;
        auto created = repos.workshops().CreateRegistration(r);
        if (!created) return Fail(created.error());
        r.id = *created;
      }
      const std::string body =
          *seat ? fmt::format(
                      "Vous êtes inscrit(e) à l'atelier Aktiv Alternance « {} », {} "
                      "(heure de la Martinique).\nLieu : {}\n\nAjoutez-le à votre "
                      "agenda : {}/ateliers/{}/calendrier.ics\nDétails et annulation : "
                      "{}/ateliers/{}\n",
                      in.title, FrenchSchedule(in.starts_at, in.ends_at), WhereText(in),
                      settings_.public_url, id, settings_.public_url, id)
                : fmt::format(
                      "L'atelier Aktiv Alternance « {} », {}, est complet : vous êtes "
                      "sur la liste d'attente. Si une place se libère, elle vous est "
                      "attribuée automatiquement et vous recevrez un e-mail.\n\nDétails : "
                      "{}/ateliers/{}\n",
                      in.title, FrenchSchedule(in.starts_at, in.ends_at), settings_.public_url, id);
      if (auto s = MailUser(repos, user_id,
                            *seat ? fmt::format("Inscription confirmée : « {} »", in.title)
                                  : fmt::format("Liste d'attente : « {} »", in.title),
                            body, now);
          !s)
        return s;
      if (auto s =
              Audit(repos, now, actor.user_id, *seat ? "workshop.registered" : "workshop.waiting",
                    fmt::format("workshop_registration:{}", r.id));
          !s)
        return s;
      out.push_back(r);
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

Status WorkshopService::Cancel(const Actor& actor, std::int64_t registration_id) {
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = repos.workshops().FindRegistration(registration_id);
    if (!found) return Fail(NotFound());
    const bool own = IsMember(actor) && actor.membership->organisation_id == found->organisation_id;
    if (!own && !IsWorkshopStaff(actor)) return Fail(NotFound());
    if (found->status == RegistrationStatus::kCancelled) return Ok();
    auto session = repos.workshops().FindSession(found->session_id);
    if (!session) return Fail(session.error());
    if (session->input.starts_at <= now && !IsWorkshopStaff(actor))
      return Fail(Invalid("session", "Cette session a commencé : elle ne s'annule plus ici."));
    const bool held_seat = found->status == RegistrationStatus::kRegistered;
    found->status = RegistrationStatus::kCancelled;
    found->updated_at = now;
    if (auto s = repos.workshops().UpdateRegistration(*found); !s) return s;
    if (auto s = Audit(repos, now, actor.user_id, "workshop.cancelled",
                       fmt::format("workshop_registration:{}", found->id));
        !s)
      return s;
    if (!held_seat) return Ok();
    if (auto s = repos.workshops().ReleaseSeat(session->id); !s) return s;
    // The first of the waiting list takes the freed seat.
    auto registrations = repos.workshops().Registrations(session->id);
    if (!registrations) return Fail(registrations.error());
    for (auto r : *registrations) {
      if (r.status != RegistrationStatus::kWaiting) continue;
      auto seat = repos.workshops().TakeSeat(session->id);
      if (!seat) return Fail(seat.error());
      if (!*seat) return Ok();
      r.status = RegistrationStatus::kRegistered;
      r.updated_at = now;
      if (auto s = repos.workshops().UpdateRegistration(r); !s) return s;
      const auto& in = session->input;
      if (auto s = MailUser(
              repos, r.user_id, fmt::format("Une place s'est libérée : « {} »", in.title),
              fmt::format("Une place s'est libérée à l'atelier Aktiv Alternance « {} », {} "
                          "(heure de la Martinique) : elle est pour vous, vous êtes "
                          "inscrit(e).\nLieu : {}\n\nAjoutez-le à votre agenda : "
                          "{}/ateliers/{}/calendrier.ics\nSi vous ne pouvez plus venir, "
                          "annulez pour laisser la place : {}/ateliers/{}\n",
                          in.title, FrenchSchedule(in.starts_at, in.ends_at), WhereText(in),
                          settings_.public_url, session->id, settings_.public_url, session->id),
              now);
          !s)
        return s;
      return Audit(repos, now, 0, "workshop.promoted",
                   fmt::format("workshop_registration:{}", r.id));
    }
    return Ok();
  });
}

Status WorkshopService::RecordAttendance(const Actor& actor, std::int64_t id,
                                         const std::set<std::int64_t>& present) {
  if (!IsWorkshopStaff(actor)) return Fail(NotFound());
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto session = repos.workshops().FindSession(id);
    if (!session) return Fail(session.error());
    auto registrations = repos.workshops().Registrations(id);
    if (!registrations) return Fail(registrations.error());
    for (const auto rid : present) {
      bool known = false;
      for (const auto& r : *registrations)
        known |= r.id == rid && r.status == RegistrationStatus::kRegistered;
      if (!known)
        return Fail(Invalid("present",
                            "Cette feuille ne correspond plus aux inscrits : "
                            "rechargez la page."));
    }
    for (auto r : *registrations) {
      if (r.status != RegistrationStatus::kRegistered) continue;
      const bool attended = present.count(r.id) > 0;
      if (attended == r.attended) continue;
      r.attended = attended;
      r.updated_at = now;
      if (auto s = repos.workshops().UpdateRegistration(r); !s) return s;
    }
    return Audit(repos, now, actor.user_id, "workshop.attendance",
                 fmt::format("workshop:{} ({} present)", id, present.size()));
  });
}

Status WorkshopService::AddAction(const Actor& actor, std::int64_t id, const std::string& body) {
  if (!IsWorkshopStaff(actor)) return Fail(NotFound());
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "action", body, 1000, true, "Décrivez l'action de suivi.");
  if (!errors.empty()) return FailFields("invalid action", std::move(errors));
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto session = repos.workshops().FindSession(id);
    if (!session) return Fail(session.error());
    auto added = repos.workshops().AddAction(
        FollowUpAction{0, id, std::string(text::Trim(body)), actor.user_id, now});
    if (!added) return Fail(added.error());
    return Audit(repos, now, actor.user_id, "workshop.action_added",
                 fmt::format("workshop:{}", id));
  });
}

Result<Material> WorkshopService::AddMaterial(const Actor& actor, std::int64_t id,
                                              std::string_view bytes,
                                              std::string_view original_name) {
  if (!IsWorkshopStaff(actor)) return Fail(NotFound());
  if (bytes.empty()) return Fail(Invalid("material", "Choisissez un fichier à déposer."));
  if (static_cast<std::int64_t>(bytes.size()) > settings_.max_material_bytes)
    return Fail(Invalid("material", "Le fichier doit faire 10 Mo au plus."));
  if (original_name.find_first_of("/\\") != std::string_view::npos)
    return Fail(Invalid("material", "Le nom du fichier ne doit pas contenir de chemin (/ ou \\)."));
  auto type = SniffMaterial(bytes, original_name);
  if (!type)
    return Fail(Invalid("material",
                        "Déposez un PDF ou un document bureautique (DOCX, PPTX, XLSX, ODT, ODP) "
                        "dont le nom finit par son extension."));
  const UnixSeconds now = clock_.Now();
  Material m{0,
             id,
             crypto::RandomToken(24),
             DisplayName(original_name),
             *type,
             static_cast<std::int64_t>(bytes.size()),
             crypto::Sha256Hex(bytes),
             now};
  const auto path = settings_.documents_dir / m.stored_name;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto session = repos.workshops().FindSession(id);
    if (!session) return Fail(session.error());
    auto added = repos.workshops().AddMaterial(m);
    if (!added) return Fail(added.error());
    m.id = *added;
    auto written = ReadOrCreatePrivateFile(path, [&] { return std::string(bytes); });
    if (!written) return Fail(written.error());
    return Audit(repos, now, actor.user_id, "workshop.material_added",
                 fmt::format("workshop_material:{}", m.id));
  });
  if (!status) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return Fail(status.error());
  }
  return m;
}

Result<std::pair<Material, std::string>> WorkshopService::ReadMaterial(const Actor& actor,
                                                                       std::int64_t material_id) {
  auto material = ReadValue(store_, [&](Repositories& repos) -> Result<Material> {
    auto found = repos.workshops().FindMaterial(material_id);
    if (!found) return Fail(NotFound());
    auto allowed = MayRead(repos, actor, found->session_id);
    if (!allowed) return Fail(allowed.error());
    if (!*allowed) return Fail(NotFound());
    return found;
  });
  if (!material) return Fail(material.error());
  std::ifstream in(settings_.documents_dir / material->stored_name, std::ios::binary);
  if (!in) return Fail(ErrorCode::kUnavailable, "material file missing");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (crypto::Sha256Hex(bytes) != material->sha256)
    return Fail(ErrorCode::kInternal, "material file altered");
  return std::pair{*material, std::move(bytes)};
}

Result<std::string> WorkshopService::Calendar(const Actor& actor, std::int64_t id) {
  const UnixSeconds now = clock_.Now();
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::string> {
    auto session = repos.workshops().FindSession(id);
    if (!session) return Fail(NotFound());
    auto allowed = MayRead(repos, actor, id);
    if (!allowed) return Fail(allowed.error());
    if (!*allowed) return Fail(NotFound());
    auto themes = repos.workshops().Themes();
    if (!themes) return Fail(themes.error());
    return SessionCalendar(*session, ThemeName(*themes, session->input.theme_id),
                           fmt::format("{}/ateliers/{}", settings_.public_url, id), now);
  });
}

Result<int> WorkshopService::SendReminders() {
  const UnixSeconds now = clock_.Now();
  const Date tomorrow = AddDays(MartiniqueDay(now), 1);
  int queued = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto sessions = repos.workshops().SessionsBetween(now, now + 3 * 24 * 3600);
    if (!sessions) return Fail(sessions.error());
    for (const auto& s : *sessions) {
      if (s.reminded_at || MartiniqueDay(s.input.starts_at) != tomorrow) continue;
      auto registrations = repos.workshops().Registrations(s.id);
      if (!registrations) return Fail(registrations.error());
      const auto& in = s.input;
      for (const auto& r : *registrations) {
        if (r.status != RegistrationStatus::kRegistered) continue;
        if (auto m = MailUser(
                repos, r.user_id, fmt::format("Rappel : atelier « {} » demain", in.title),
                fmt::format(
                    "Rappel : vous êtes inscrit(e) à l'atelier Aktiv Alternance « {} », "
                    "demain, {} (heure de la Martinique).\nLieu : {}\n{}\nInvitation "
                    "pour votre agenda (fichier .ics) : {}/ateliers/{}/calendrier.ics\n"
                    "Un empêchement ? Annulez pour laisser la place : {}/ateliers/{}\n",
                    in.title, FrenchSchedule(in.starts_at, in.ends_at), WhereText(in),
                    in.speakers.empty() ? "" : fmt::format("Intervenants : {}\n", in.speakers),
                    settings_.public_url, s.id, settings_.public_url, s.id),
                now);
            !m)
          return m;
        ++queued;
      }
      if (auto m = repos.workshops().MarkReminded(s.id, now); !m) return m;
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return queued;
}

Result<int> WorkshopService::SendSurveys(std::optional<std::int64_t> only) {
  const UnixSeconds now = clock_.Now();
  int queued = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    std::vector<Session> sessions;
    if (only) {
      auto found = repos.workshops().FindSession(*only);
      if (!found) return Fail(found.error());
      if (found->input.ends_at > now)
        return Fail(Invalid("survey", "L'enquête part une fois la session terminée."));
      sessions.push_back(*found);
    } else {
      auto found = repos.workshops().SessionsBetween(now - 30 * 24 * 3600, now);
      if (!found) return Fail(found.error());
      sessions = std::move(*found);
    }
    for (const auto& s : sessions) {
      if (s.survey_sent_at || s.input.ends_at > now) continue;
      auto registrations = repos.workshops().Registrations(s.id);
      if (!registrations) return Fail(registrations.error());
      for (auto r : *registrations) {
        if (r.status != RegistrationStatus::kRegistered || !r.attended) continue;
        if (!r.survey_token_hash.empty()) continue;
        const std::string token = crypto::RandomToken(24);
        r.survey_token_hash = crypto::Sha256Hex(token);
        r.updated_at = now;
        if (auto u = repos.workshops().UpdateRegistration(r); !u) return u;
        if (auto m = MailUser(
                repos, r.user_id, fmt::format("Votre avis sur l'atelier « {} »", s.input.title),
                fmt::format("Merci d'avoir participé à l'atelier Aktiv Alternance « {} ».\n\n"
                            "Votre avis nous aide à améliorer les prochains : une note de 1 à 5 "
                            "et, si vous le souhaitez, un commentaire (une minute) :\n{}/ateliers/"
                            "avis/{}\n",
                            s.input.title, settings_.public_url, token),
                now);
            !m)
          return m;
        ++queued;
      }
      if (auto m = repos.workshops().MarkSurveySent(s.id, now); !m) return m;
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return queued;
}

Result<std::pair<RegistrationView, Session>> WorkshopService::Survey(const std::string& token) {
  return ReadValue(
      store_, [&](Repositories& repos) -> Result<std::pair<RegistrationView, Session>> {
        if (token.empty()) return Fail(NotFound());
        auto found = repos.workshops().FindRegistrationByToken(crypto::Sha256Hex(token));
        if (!found) return Fail(NotFound());
        auto view = ViewOf(repos, *found);
        if (!view) return Fail(view.error());
        auto session = repos.workshops().FindSession(found->session_id);
        if (!session) return Fail(session.error());
        return std::pair{std::move(*view), std::move(*session)};
      });
}

Status WorkshopService::AnswerSurvey(const std::string& token, int rating,
                                     const std::string& comment) {
  std::map<std::string, std::string> errors;
  if (rating < 1 || rating > 5) errors["rating"] = "Choisissez une note de 1 à 5.";
  checks::CheckText(errors, "comment", comment, 2000, true, nullptr);
  if (!errors.empty()) return FailFields("invalid survey", std::move(errors));
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    if (token.empty()) return Fail(NotFound());
    auto found = repos.workshops().FindRegistrationByToken(crypto::Sha256Hex(token));
    if (!found) return Fail(NotFound());
    if (found->rating > 0)
      return Fail(Error{ErrorCode::kFailedPrecondition,
                        "already answered",
                        {{"rating", "Vous avez déjà donné votre avis sur cet atelier : merci !"}}});
    found->rating = rating;
    found->comment = std::string(text::Trim(comment));
    found->rated_at = found->updated_at = now;
    if (auto s = repos.workshops().UpdateRegistration(*found); !s) return s;
    return Audit(repos, now, found->user_id, "workshop.survey_answered",
                 fmt::format("workshop_registration:{}", found->id));
  });
}

Result<std::string> WorkshopService::ExportSessions(const SessionFilter& filter) {
  auto sessions = List(filter);
  if (!sessions) return Fail(sessions.error());
  xlsx::Sheet sheet{
      "Ateliers",
      {"N°", "Thème", "Titre", "Début", "Fin", "Lieu", "Lien", "Intervenants", "Capacité",
       "Inscrits", "Liste d'attente", "Présents", "Avis", "Satisfaction moyenne"},
      {}};
  for (const auto& s : *sessions) {
    const auto& in = s.session.input;
    sheet.rows.push_back(
        {static_cast<std::int64_t>(s.session.id), s.theme, in.title,
         FormatFrenchDateTime(in.starts_at), FormatFrenchDateTime(in.ends_at), in.place,
         in.online_link, in.speakers, static_cast<std::int64_t>(in.capacity),
         static_cast<std::int64_t>(s.stats.registered), static_cast<std::int64_t>(s.stats.waiting),
         static_cast<std::int64_t>(s.stats.attended), static_cast<std::int64_t>(s.stats.ratings),
         s.stats.ratings ? fmt::format("{:.1f}", s.stats.average) : std::string()});
  }
  return xlsx::Write({sheet}, clock_.Now());
}

Result<std::string> WorkshopService::ExportRegistrations(const Actor& actor, std::int64_t id) {
  auto sheet_data = Sheet(actor, id);
  if (!sheet_data) return Fail(sheet_data.error());
  xlsx::Sheet sheet{"Inscriptions",
                    {"N°", "Personne", "E-mail", "Structure", "État", "Inscrit le", "Présent",
                     "Note", "Commentaire"},
                    {}};
  for (const auto& v : sheet_data->registrations) {
    const auto& r = v.registration;
    sheet.rows.push_back(
        {static_cast<std::int64_t>(r.id), v.person_name, v.person_email, v.organisation_name,
         std::string(RegistrationStatusLabel(r.status)), MartiniqueDay(r.created_at),
         std::string(r.attended ? "oui" : "non"),
         r.rating ? xlsx::Cell(static_cast<std::int64_t>(r.rating)) : xlsx::Cell(std::string()),
         r.comment});
  }
  return xlsx::Write({sheet}, clock_.Now());
}

}  // namespace maplace::workshops
