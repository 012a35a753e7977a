#include "domain/young_people/young_people_service.h"

#include <fmt/format.h>

#include <charconv>
#include <map>

#include "core/crypto.h"
#include "core/text.h"
#include "domain/outbox/unsubscribe.h"
#include "domain/people/role.h"
#include "domain/text_checks.h"

namespace maplace::young_people {
namespace {

using people::Actor;
using people::Role;

constexpr std::size_t kMaxWishes = 200;
constexpr std::size_t kMaxSearchName = 80;
constexpr std::size_t kMaxQuery = 1000;
constexpr std::string_view kTokenPurpose = "alerts-unsubscribe:";

Error NotFound(const char* what) { return Error{ErrorCode::kNotFound, what, {}}; }

Error Refused(ErrorCode code, std::string message, const char* field, std::string french) {
  return Error{code, std::move(message), {{field, std::move(french)}}};
}

Status YoungOnly(const Actor& actor) {
  if (actor.role == Role::kYoungPerson) return Ok();
  return Fail(Refused(ErrorCode::kPermissionDenied, "young people only", "role",
                      "Cet espace est celui des comptes « jeune »."));
}

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool IsRomeCode(std::string_view code) {
  if (code.size() != 5 || code[0] < 'A' || code[0] > 'N') return false;
  for (char c : code.substr(1))
    if (c < '0' || c > '9') return false;
  return true;
}

// "0696 12 34 56", "06.96.12.34.56", "+596 696 12 34 56" -> digits (and the leading +).
std::optional<std::string> NormalisePhone(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c >= '0' && c <= '9')
      out += c;
    else if (c == '+' && out.empty())
      out += c;
    else if (c != ' ' && c != '.' && c != '-')
      return std::nullopt;
  }
  if (out.size() == 10 && out[0] == '0') return out;
  if (out.size() >= 12 && out.size() <= 13 && out[0] == '+') return out;
  return std::nullopt;
}

Status Audit(Repositories& repos, UnixSeconds now, std::int64_t actor, std::string action,
             std::string target) {
  return repos.audit().Record(
      audit::AuditEvent{0, now, actor, std::move(action), std::move(target), ""});
}

// Switches off every alert of a person; how many were on.
Result<int> SwitchOffAlerts(Repositories& repos, std::int64_t user_id) {
  auto mine = repos.young_people().ListSearches(user_id);
  if (!mine) return Fail(mine.error());
  int turned_off = 0;
  for (auto s : *mine) {
    if (!s.alerts) continue;
    s.alerts = false;
    if (auto done = repos.young_people().UpdateSearch(s); !done) return Fail(done.error());
    ++turned_off;
  }
  return turned_off;
}

// A person who turns an alert on wants the alerts' mail again, whatever link they once clicked.
Status Resubscribe(Repositories& repos, const people::Actor& actor) {
  return repos.unsubscribes().Remove(actor.email, std::string(outbox::kListSavedSearches));
}

}  // namespace

YoungPeopleService::YoungPeopleService(Store& store, const Clock& clock,
                                       YoungPeopleSettings settings)
    : store_(store), clock_(clock), settings_(std::move(settings)) {}

void YoungPeopleService::SetSigningKey(const std::string& secret) {
  // A key of its own, derived, so that a token of this purpose is no good elsewhere.
  signing_key_ = crypto::HmacSha256(secret, "maplace young_people unsubscribe key");
}

Status YoungPeopleService::CheckProfile(const ProfileInput& input, Date today) {
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "wishes", input.wishes, kMaxWishes, false,
                    "Dites en quelques mots ce que vous cherchez (un métier, un domaine).");
  const auto rome = text::Trim(input.rome_code);
  if (!rome.empty() && !IsRomeCode(rome))
    errors["rome_code"] = "Un code ROME s'écrit comme G1602 (une lettre et quatre chiffres).";
  const auto level = text::Trim(input.level);
  if (!level.empty()) {
    auto value = ParseInt(level);
    if (!value || *value < 3 || *value > 8)
      errors["level"] = "Choisissez un niveau dans la liste (de 3, CAP, à 8, doctorat).";
  }
  if (text::Trim(input.commune_code).empty()) {
    errors["commune"] = text::Trim(input.commune_text).empty()
                            ? "Indiquez votre commune."
                            : "Cette commune n'est pas dans nos territoires : choisissez-la "
                              "dans la liste.";
  }
  auto km = ParseInt(text::Trim(input.mobility_km));
  if (!km || *km < 1 || *km > 200)
    errors["mobility_km"] = "Indiquez une distance en kilomètres, de 1 à 200.";
  const auto birth_text = text::Trim(input.birth_date);
  if (birth_text.empty()) {
    errors["birth_date"] = "Indiquez votre date de naissance.";
  } else if (auto birth = ParseTypedDate(birth_text); !birth) {
    errors["birth_date"] = "Indiquez une date réelle, au format jj/mm/aaaa.";
  } else if (Days(*birth) > Days(today)) {
    errors["birth_date"] = "Cette date est dans le futur.";
  } else if (AgeOn(*birth, today) < 14) {
    errors["birth_date"] = "Il faut avoir au moins 14 ans pour créer un profil.";
  } else if (AgeOn(*birth, today) > 99) {
    errors["birth_date"] = "Vérifiez l'année de naissance.";
  }
  const auto phone = text::Trim(input.phone);
  if (!phone.empty() && !NormalisePhone(phone))
    errors["phone"] = "Indiquez un numéro à 10 chiffres, comme 0696 12 34 56.";
  if (errors.empty()) return Ok();
  return FailFields("invalid profile", std::move(errors));
}

Status YoungPeopleService::SaveProfile(const Actor& actor, const ProfileInput& input) {
  if (auto s = YoungOnly(actor); !s) return s;
  const UnixSeconds now = clock_.Now();
  if (auto s = CheckProfile(input, MartiniqueDate(now)); !s) return s;
  Profile p;
  p.user_id = actor.user_id;
  p.wishes = std::string(text::Trim(input.wishes));
  p.rome_code = std::string(text::Trim(input.rome_code));
  const auto level = text::Trim(input.level);
  p.level = level.empty() ? 0 : *ParseInt(level);
  p.commune_code = std::string(text::Trim(input.commune_code));
  p.mobility_km = *ParseInt(text::Trim(input.mobility_km));
  p.birth_date = FormatIsoDate(*ParseTypedDate(text::Trim(input.birth_date)));
  const auto phone = text::Trim(input.phone);
  p.phone = phone.empty() ? "" : *NormalisePhone(phone);
  // Only what the person ticked in this very form: never carried over, never defaulted here.
  p.visible_to_employers = input.visible_to_employers;
  p.updated_at = now;
  return store_.Write([&](Repositories& repos) -> Status {
    if (!p.rome_code.empty()) {
      auto job = repos.jobs().FindJob(p.rome_code);
      if (!job && job.error().code == ErrorCode::kNotFound)
        return Fail(Refused(ErrorCode::kInvalidArgument, "unknown rome code", "rome_code",
                            "Ce code ROME n'existe pas : choisissez un métier dans la liste."));
      if (!job) return Fail(job.error());
    }
    auto before = repos.young_people().FindProfile(actor.user_id);
    if (before)
      p.created_at = before->created_at;
    else if (before.error().code == ErrorCode::kNotFound)
      p.created_at = now;
    else
      return Fail(before.error());
    if (auto s = repos.young_people().SaveProfile(p); !s) return s;
    return Audit(repos, now, actor.user_id,
                 p.visible_to_employers ? "profile.saved.visible" : "profile.saved.hidden",
                 fmt::format("user:{}", actor.user_id));
  });
}

Result<std::optional<Profile>> YoungPeopleService::MyProfile(const Actor& actor) {
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::optional<Profile>> {
    auto found = repos.young_people().FindProfile(actor.user_id);
    if (found) return std::optional<Profile>(*found);
    if (found.error().code == ErrorCode::kNotFound) return std::optional<Profile>();
    return Fail(found.error());
  });
}

Result<EmployerView> YoungPeopleService::ForEmployer(const Actor& employer,
                                                     std::int64_t young_person_id) {
  if (employer.role != Role::kEmployer || !employer.membership) return Fail(NotFound("profile"));
  const Date today = MartiniqueDate(clock_.Now());
  return ReadValue(store_, [&](Repositories& repos) -> Result<EmployerView> {
    // Only the employers the young person chose to write to.
    auto sent = repos.applications().ListByApplicant(young_person_id);
    if (!sent) return Fail(sent.error());
    bool applied = false;
    for (const auto& a : *sent)
      applied = applied || a.organisation_id == employer.membership->organisation_id;
    if (!applied) return Fail(NotFound("profile"));
    auto profile = repos.young_people().FindProfile(young_person_id);
    if (!profile)
      return Fail(profile.error().code == ErrorCode::kNotFound ? NotFound("profile")
                                                               : profile.error());
    if (!profile->visible_to_employers) return Fail(NotFound("profile"));
    auto user = repos.users().FindById(young_person_id);
    if (!user) return Fail(user.error());
    EmployerView view{user->display_name, profile->wishes,       profile->rome_code,
                      profile->level,     profile->commune_code, profile->mobility_km,
                      profile->phone};
    if (IsMinor(*profile, today)) view.phone.clear();
    return view;
  });
}

Status YoungPeopleService::AddFavourite(const Actor& actor, FavouriteKind kind,
                                        std::int64_t target_id) {
  if (auto s = YoungOnly(actor); !s) return s;
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    if (kind == FavouriteKind::kOffer) {
      auto offer = repos.offers().FindById(target_id);
      if (!offer && offer.error().code != ErrorCode::kNotFound) return Fail(offer.error());
      if (!offer || offer->state != offers::OfferState::kPublished || offer->hidden)
        return Fail(NotFound("offer"));
    } else {
      auto training = repos.trainings().FindById(target_id);
      if (!training && training.error().code != ErrorCode::kNotFound) return Fail(training.error());
      if (!training || !training->published) return Fail(NotFound("training"));
    }
    auto mine = repos.young_people().ListFavourites(actor.user_id);
    if (!mine) return Fail(mine.error());
    for (const auto& f : *mine)
      if (f.kind == kind && f.target_id == target_id)
        return Fail(Refused(ErrorCode::kAlreadyExists, "already a favourite", "favourite",
                            "Déjà dans vos favoris."));
    if (static_cast<int>(mine->size()) >= settings_.max_favourites)
      return Fail(Refused(ErrorCode::kResourceExhausted, "too many favourites", "favourite",
                          fmt::format("Vous gardez déjà {} favoris : retirez-en avant d'en "
                                      "ajouter.",
                                      settings_.max_favourites)));
    auto added =
        repos.young_people().AddFavourite(Favourite{0, actor.user_id, kind, target_id, now});
    if (!added && added.error().code == ErrorCode::kAlreadyExists)
      return Fail(Refused(ErrorCode::kAlreadyExists, "already a favourite", "favourite",
                          "Déjà dans vos favoris."));
    if (!added) return Fail(added.error());
    return Ok();
  });
}

Status YoungPeopleService::RemoveFavourite(const Actor& actor, FavouriteKind kind,
                                           std::int64_t target_id) {
  if (auto s = YoungOnly(actor); !s) return s;
  return store_.Write([&](Repositories& repos) -> Status {
    return repos.young_people().RemoveFavourite(actor.user_id, kind, target_id);
  });
}

Result<std::vector<FavouriteView>> YoungPeopleService::Favourites(const Actor& actor) {
  const UnixSeconds now = clock_.Now();
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<FavouriteView>> {
    auto mine = repos.young_people().ListFavourites(actor.user_id);
    if (!mine) return Fail(mine.error());
    std::vector<FavouriteView> out;
    for (const auto& f : *mine) {
      FavouriteView v;
      v.favourite = f;
      if (f.kind == FavouriteKind::kOffer) {
        v.url = fmt::format("/offres/{}", f.target_id);
        auto offer = repos.offers().FindById(f.target_id);
        if (!offer && offer.error().code != ErrorCode::kNotFound) return Fail(offer.error());
        if (!offer) {
          v.title = "Offre supprimée";
          v.available = false;
          v.state = "Supprimée";
        } else {
          v.title = offer->input.title;
          if (auto o = repos.organisations().FindById(offer->organisation_id)) v.subtitle = o->name;
          if (offer->hidden) {
            v.available = false;
            v.state = "Retirée";
          } else if (offer->state == offers::OfferState::kPublished && offer->expires_at != 0 &&
                     offer->expires_at <= now) {
            v.available = false;
            v.state = std::string(offers::OfferStateLabel(offers::OfferState::kExpired));
          } else if (offer->state != offers::OfferState::kPublished) {
            v.available = false;
            v.state = std::string(offers::OfferStateLabel(offer->state));
          }
        }
      } else {
        v.url = fmt::format("/formations/{}", f.target_id);
        auto training = repos.trainings().FindById(f.target_id);
        if (!training && training.error().code != ErrorCode::kNotFound)
          return Fail(training.error());
        if (!training) {
          v.title = "Formation supprimée";
          v.available = false;
          v.state = "Supprimée";
        } else {
          v.title = training->input.title;
          if (auto o = repos.organisations().FindById(training->organisation_id))
            v.subtitle = o->name;
          if (!training->published) {
            v.available = false;
            v.state = "Retirée par le CFA";
          }
        }
      }
      out.push_back(std::move(v));
    }
    return out;
  });
}

Result<std::set<std::pair<FavouriteKind, std::int64_t>>> YoungPeopleService::FavouriteKeys(
    const Actor& actor) {
  using Keys = std::set<std::pair<FavouriteKind, std::int64_t>>;
  return ReadValue(store_, [&](Repositories& repos) -> Result<Keys> {
    auto mine = repos.young_people().ListFavourites(actor.user_id);
    if (!mine) return Fail(mine.error());
    Keys keys;
    for (const auto& f : *mine) keys.emplace(f.kind, f.target_id);
    return keys;
  });
}

Result<std::int64_t> YoungPeopleService::SaveSearch(const Actor& actor, const std::string& name,
                                                    const std::string& query, bool alerts) {
  if (auto s = YoungOnly(actor); !s) return Fail(s.error());
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "name", name, kMaxSearchName, false,
                    "Donnez un nom à cette recherche, par exemple « Soudure au Lamentin ».");
  const auto q = text::Trim(query);
  if (q.empty() || q.size() > kMaxQuery || !text::IsCleanUtf8(q, false) ||
      q.find_first_of(" <>\"") != std::string_view::npos)
    errors["query"] =
        "Cette recherche ne peut pas être enregistrée : relancez-la depuis la page "
        "de recherche.";
  if (!errors.empty()) return FailFields("invalid saved search", std::move(errors));
  const UnixSeconds now = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto mine = repos.young_people().ListSearches(actor.user_id);
    if (!mine) return Fail(mine.error());
    for (const auto& s : *mine)
      if (s.query == q)
        return Fail(Refused(
            ErrorCode::kAlreadyExists, "search already saved", "query",
            fmt::format("Cette recherche est déjà enregistrée sous le nom « {} ».", s.name)));
    if (static_cast<int>(mine->size()) >= settings_.max_searches)
      return Fail(Refused(ErrorCode::kResourceExhausted, "too many searches", "query",
                          fmt::format("Vous avez déjà {} recherches enregistrées : supprimez-en "
                                      "une avant d'en ajouter.",
                                      settings_.max_searches)));
    SavedSearch s;
    s.owner_id = actor.user_id;
    s.name = std::string(text::Trim(name));
    s.query = std::string(q);
    s.alerts = alerts;
    s.created_at = now;
    if (alerts)
      if (auto s2 = Resubscribe(repos, actor); !s2) return s2;
    // Offers published from the second it is saved on are news.
    s.last_digest_at = now - 1;
    auto added = repos.young_people().AddSearch(s);
    if (!added) return Fail(added.error());
    id = *added;
    return Audit(repos, now, actor.user_id, "saved_search.created",
                 fmt::format("saved_search:{}", id));
  });
  if (!status) return Fail(status.error());
  return id;
}

Result<std::vector<SavedSearch>> YoungPeopleService::Searches(const Actor& actor) {
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<SavedSearch>> {
    auto mine = repos.young_people().ListSearches(actor.user_id);
    if (!mine) return mine;
    // Left the alerts' list by a mail's link: no alert is sent, whatever the searches say (the
    // next digest switches them off).
    auto left = outbox::IsUnsubscribed(repos, actor.email, outbox::kListSavedSearches);
    if (!left) return Fail(left.error());
    if (*left)
      for (auto& s : *mine) s.alerts = false;
    return mine;
  });
}

Status YoungPeopleService::SetAlerts(const Actor& actor, std::int64_t search_id, bool on) {
  if (auto s = YoungOnly(actor); !s) return s;
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = repos.young_people().FindSearch(search_id);
    if (!found || found->owner_id != actor.user_id) return Fail(NotFound("saved search"));
    if (on)
      if (auto s = Resubscribe(repos, actor); !s) return s;
    if (found->alerts == on) return Ok();
    found->alerts = on;
    // Turned back on: only the offers published from now on are news.
    if (on) found->last_digest_at = now - 1;
    return repos.young_people().UpdateSearch(*found);
  });
}

Status YoungPeopleService::DeleteSearch(const Actor& actor, std::int64_t search_id) {
  if (auto s = YoungOnly(actor); !s) return s;
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = repos.young_people().FindSearch(search_id);
    if (!found || found->owner_id != actor.user_id) return Fail(NotFound("saved search"));
    return repos.young_people().DeleteSearch(search_id);
  });
}

Result<std::vector<SavedSearch>> YoungPeopleService::AlertSearches() {
  return ReadValue(store_,
                   [](Repositories& repos) { return repos.young_people().ListAlertSearches(); });
}

Result<bool> YoungPeopleService::RecordDigest(std::int64_t owner_id,
                                              const std::vector<DigestSection>& sections,
                                              UnixSeconds at) {
  bool queued = false;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    std::vector<const DigestSection*> news;
    for (const auto& section : sections) {
      auto current = repos.young_people().FindSearch(section.search.id);
      if (!current && current.error().code == ErrorCode::kNotFound) continue;
      if (!current) return Fail(current.error());
      // Digested by another run meanwhile, switched off or moved: left alone.
      if (current->owner_id != owner_id || !current->alerts ||
          current->last_digest_at != section.search.last_digest_at)
        continue;
      current->last_digest_at = at;
      if (auto s = repos.young_people().UpdateSearch(*current); !s) return s;
      if (!section.offers.empty()) news.push_back(&section);
    }
    if (news.empty()) return Ok();
    auto user = repos.users().FindById(owner_id);
    if (!user) return Fail(user.error());
    if (user->status != people::UserStatus::kActive) return Ok();
    // Left the alerts' list through a mail's one-click link (outbox/unsubscribe.h): nothing is
    // sent, and their alerts are switched off so that « Mes recherches » says so.
    auto left = outbox::IsUnsubscribed(repos, user->email, outbox::kListSavedSearches);
    if (!left) return Fail(left.error());
    if (*left) {
      auto off = SwitchOffAlerts(repos, owner_id);
      return off ? Ok() : Fail(off.error());
    }
    std::size_t count = 0;
    std::string body = fmt::format(
        "Bonjour {},\n\nDe nouvelles offres d'alternance "
        "correspondent à vos recherches enregistrées.\n",
        user->display_name);
    for (const DigestSection* section : news) {
      count += section->offers.size();
      body += fmt::format("\n« {} » : {}\n", section->search.name,
                          section->offers.size() == 1
                              ? std::string("1 nouvelle offre")
                              : fmt::format("{} nouvelles offres", section->offers.size()));
      for (const auto& o : section->offers) {
        std::string where = o.subtitle;
        if (!o.commune.empty()) where += where.empty() ? o.commune : fmt::format(", {}", o.commune);
        body += fmt::format("- {}{}\n  {}{}\n", o.title,
                            where.empty() ? std::string() : fmt::format(" ({})", where),
                            settings_.public_url, o.url);
      }
      body += fmt::format("  Toute la recherche : {}/recherche?{}\n", settings_.public_url,
                          section->search.query);
    }
    body += fmt::format(
        "\nVos recherches et vos alertes : {}/mes-recherches\n\nVous recevez ce message une "
        "fois par jour au plus, seulement quand il y a du nouveau.\n",
        settings_.public_url);
    const std::string subject = count == 1
                                    ? std::string("1 nouvelle offre pour vos recherches")
                                    : fmt::format("{} nouvelles offres pour vos recherches", count);
    // The shared one-click link and List-Unsubscribe header, as for every non-transactional mail.
    auto mail = outbox::WithUnsubscribe(repos, settings_.public_url, outbox::kListSavedSearches,
                                        Mail{user->email, subject, body});
    if (!mail) return Fail(mail.error());
    auto enqueued = repos.outbox().Enqueue(*mail, at);
    if (!enqueued) return Fail(enqueued.error());
    queued = true;
    return Audit(repos, at, 0, "saved_search.digest", fmt::format("user:{}", owner_id));
  });
  if (!status) return Fail(status.error());
  return queued;
}

std::string YoungPeopleService::UnsubscribeToken(std::int64_t user_id) const {
  const std::string id = std::to_string(user_id);
  return fmt::format("{}.{}", id,
                     crypto::HmacSha256(signing_key_, fmt::format("{}{}", kTokenPurpose, id)));
}

Result<int> YoungPeopleService::Unsubscribe(const std::string& token) {
  const Error bad = Refused(ErrorCode::kInvalidArgument, "bad unsubscribe token", "token",
                            "Ce lien de désabonnement n'est pas valide : connectez-vous et "
                            "coupez vos alertes depuis « Mes recherches ».");
  if (signing_key_.empty()) return Fail(ErrorCode::kInternal, "no signing key");
  const auto dot = token.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 19) return Fail(bad);
  std::int64_t user_id = 0;
  auto [end, error] = std::from_chars(token.data(), token.data() + dot, user_id);
  if (error != std::errc() || end != token.data() + dot || user_id <= 0) return Fail(bad);
  if (!crypto::ConstantTimeEquals(UnsubscribeToken(user_id), token)) return Fail(bad);
  // The links of mails sent before the alerts used the shared mechanism keep working.
  const UnixSeconds now = clock_.Now();
  int turned_off = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto off = SwitchOffAlerts(repos, user_id);
    if (!off) return Fail(off.error());
    turned_off = *off;
    return Audit(repos, now, user_id, "saved_search.unsubscribed", fmt::format("user:{}", user_id));
  });
  if (!status) return Fail(status.error());
  return turned_off;
}

}  // namespace maplace::young_people
