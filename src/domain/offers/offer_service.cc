#include "domain/offers/offer_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/crypto.h"
#include "core/text.h"
#include "domain/enquiries/report_limits.h"
#include "domain/outbox/organisation_mail.h"
#include "domain/people/role.h"
#include "domain/text_checks.h"

namespace maplace::offers {
namespace {

constexpr std::size_t kMaxTitle = 120;
constexpr std::size_t kMaxRhythm = 120;
constexpr std::size_t kMaxDescription = 5000;
constexpr std::size_t kMaxReportDetails = 1000;

Error NotFound() { return Error{ErrorCode::kNotFound, "no such offer", {}}; }

Error Refused(std::string message, std::string french) {
  return Error{ErrorCode::kFailedPrecondition, std::move(message), {{"state", std::move(french)}}};
}

// A single-line text field: required, clean, no markup, at most `max` characters.
void CheckLine(std::map<std::string, std::string>& errors, const char* field,
               std::string_view value, std::size_t min, std::size_t max, const char* missing) {
  auto trimmed = text::Trim(value);
  if (trimmed.size() < min) {
    errors[field] = missing;
  } else if (!text::IsCleanUtf8(trimmed, false)) {
    errors[field] = "Ce texte contient des caractères invisibles ou non valides : retapez-le.";
  } else if (checks::HasMarkup(trimmed)) {
    errors[field] =
        "Les signes < et > ne sont pas acceptés : écrivez du texte simple, sans balises.";
  } else if (text::CodePointCount(trimmed) > max) {
    errors[field] = fmt::format("Ce texte doit faire au plus {} caractères.", max);
  }
}

bool IsRomeCode(std::string_view code) {
  return code.size() == 5 && code[0] >= 'A' && code[0] <= 'N' &&
         code.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
}

std::string FrenchDay(UnixSeconds t) { return FormatFrenchLongDate(MartiniqueDate(t)); }

// Lower-case ASCII with the French accents removed.
std::string Fold(std::string_view s) {
  static const std::map<std::string, char> kAccents = {
      {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"á", 'a'}, {"ç", 'c'}, {"é", 'e'}, {"è", 'e'},
      {"ê", 'e'}, {"ë", 'e'}, {"î", 'i'}, {"ï", 'i'}, {"í", 'i'}, {"ô", 'o'}, {"ö", 'o'},
      {"ó", 'o'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ú", 'u'}, {"ÿ", 'y'}, {"À", 'a'},
      {"Â", 'a'}, {"Ç", 'c'}, {"É", 'e'}, {"È", 'e'}, {"Ê", 'e'}, {"Ë", 'e'}, {"Î", 'i'},
      {"Ï", 'i'}, {"Ô", 'o'}, {"Ù", 'u'}, {"Û", 'u'}, {"Ü", 'u'}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(std::tolower(c)));
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    auto it = kAccents.find(std::string(s.substr(i, len)));
    if (it != kAccents.end()) {
      out.push_back(it->second);
    } else if (s.substr(i, len) == "œ" || s.substr(i, len) == "Œ") {
      out += "oe";
    } else {
      out.push_back(' ');
    }
    i += len;
  }
  return out;
}

bool EndsWith(const std::string& s, std::string_view end) {
  return s.size() > end.size() + 2 && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// A light stem, enough for job titles: the feminine and the plural join the masculine
// (cuisinière → cuisinier, vendeuse → vendeur, apprenties → apprenti).
std::string Stem(std::string word) {
  if (EndsWith(word, "s") || EndsWith(word, "x")) word.pop_back();
  static const std::pair<std::string_view, std::string_view> kEndings[] = {
      {"iere", "ier"}, {"euse", "eur"}, {"trice", "teur"}, {"ienne", "ien"}, {"enne", "en"}};
  for (const auto& [from, to] : kEndings) {
    if (EndsWith(word, from)) {
      word = word.substr(0, word.size() - from.size()) + std::string(to);
      return word;
    }
  }
  if (EndsWith(word, "e")) word.pop_back();
  return word;
}

std::set<std::string> Words(std::string_view title) {
  static const std::set<std::string> kStop = {"les", "des", "une",  "pour", "avec", "aux",
                                              "sur", "par", "dans", "h/f",  "f/h"};
  std::set<std::string> words;
  std::string folded = Fold(title), word;
  folded.push_back(' ');
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word.push_back(c);
      continue;
    }
    if (word.size() >= 3 && !kStop.count(word)) words.insert(Stem(word));
    word.clear();
  }
  return words;
}

OfferInput Normalized(const OfferInput& input) {
  OfferInput out = input;
  out.rome_code = std::string(text::Trim(input.rome_code));
  out.title = std::string(text::Trim(input.title));
  out.rhythm = std::string(text::Trim(input.rhythm));
  out.description = std::string(text::Trim(input.description));
  out.commune_code = std::string(text::Trim(input.commune_code));
  out.start_date = std::string(text::Trim(input.start_date));
  return out;
}

std::string ActionVerb(OfferState to) {
  switch (to) {
    case OfferState::kPublished:
      return "publiée";
    case OfferState::kPaused:
      return "mise en pause";
    case OfferState::kExpired:
      return "expirée";
    case OfferState::kFilled:
      return "marquée pourvue";
    case OfferState::kClosed:
      return "clôturée";
    case OfferState::kDraft:
      return "remise en brouillon";
  }
  return "";
}

}  // namespace

double TitleSimilarity(std::string_view a, std::string_view b) {
  auto wa = Words(a), wb = Words(b);
  if (wa.empty() && wb.empty()) return Fold(a) == Fold(b) ? 1.0 : 0.0;
  std::size_t common = 0;
  for (const auto& w : wa) common += wb.count(w);
  const std::size_t all = wa.size() + wb.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

OfferService::OfferService(Store& store, const Clock& clock, OfferSettings settings)
    : store_(store), clock_(clock), settings_(std::move(settings)) {}

Status OfferService::Check(const OfferInput& raw, Date today) {
  const OfferInput input = Normalized(raw);
  std::map<std::string, std::string> errors;
  if (!IsRomeCode(input.rome_code))
    errors["rome_code"] = "Choisissez le métier dans la liste des métiers (code ROME).";
  CheckLine(errors, "title", input.title, 3, kMaxTitle,
            "Donnez un intitulé à l'offre, par exemple « Apprenti(e) cuisinier(ère) ».");
  if (input.level < 3 || input.level > 7)
    errors["level"] = "Choisissez le niveau du diplôme visé, du CAP (3) au master (7).";
  if (!input.start_date.empty()) {
    auto date = ParseIsoDate(input.start_date);
    if (!date)
      errors["start_date"] = "Indiquez une date de début valide, par exemple 2026-09-01.";
    else if (Days(*date) < Days(today))
      errors["start_date"] =
          "La date de début est déjà passée : choisissez une date à venir "
          "ou « dès que possible ».";
  }
  if (input.duration_months < 6 || input.duration_months > 36)
    errors["duration_months"] = "La durée du contrat va de 6 à 36 mois.";
  if (input.positions < 1 || input.positions > 50)
    errors["positions"] = "Le nombre de postes va de 1 à 50.";
  if (!input.rhythm.empty()) CheckLine(errors, "rhythm", input.rhythm, 0, kMaxRhythm, "");
  auto description = input.description;
  if (text::CodePointCount(description) < 30 && text::IsCleanUtf8(description, true)) {
    errors["description"] = "Décrivez le poste en quelques phrases (30 caractères au moins).";
  } else if (!text::IsCleanUtf8(description, true)) {
    errors["description"] = "Ce texte contient des caractères invisibles ou non valides.";
  } else if (checks::HasMarkup(description)) {
    errors["description"] =
        "Les signes < et > ne sont pas acceptés : écrivez du texte simple, sans balises.";
  } else if (text::CodePointCount(description) > kMaxDescription) {
    errors["description"] =
        fmt::format("La description doit faire au plus {} caractères.", kMaxDescription);
  }
  if (input.commune_code.size() != 5)
    errors["commune_code"] = "Choisissez la commune du lieu de travail.";
  if (input.pause_after_applications < 0 || input.pause_after_applications > 500)
    errors["pause_after_applications"] =
        "Indiquez un nombre de candidatures de 1 à 500, ou laissez vide.";
  if (errors.empty()) return Ok();
  return FailFields("invalid offer", std::move(errors));
}

Status OfferService::Audit(Repositories& repos, std::int64_t actor, std::string action,
                           std::int64_t id, const std::string& client_address) {
  return repos.audit().Record(audit::AuditEvent{0, clock_.Now(), actor, std::move(action),
                                                fmt::format("offer:{}", id),
                                                text::SingleLine(client_address)});
}

bool OfferService::Visible(const Offer& offer) const {
  return offer.state == OfferState::kPublished && !offer.hidden && offer.expires_at > clock_.Now();
}

void OfferService::Notify(const Offer& offer) {
  if (!listener_) return;
  if (Visible(offer))
    listener_->OnOfferChanged(offer);
  else
    listener_->OnOfferRemoved(offer.id);
}

Result<Offer> OfferService::Owned(Repositories& repos, const people::Actor& actor,
                                  std::int64_t id) {
  if (actor.role != people::Role::kEmployer || !actor.membership) return Fail(NotFound());
  auto offer = repos.offers().FindById(id);
  if (!offer) return offer;
  if (offer->organisation_id != actor.membership->organisation_id) return Fail(NotFound());
  return offer;
}

namespace {

// Field errors for what only the store can tell: an unknown job or commune.
Status CheckReferences(Repositories& repos, const OfferInput& input) {
  std::map<std::string, std::string> errors;
  auto job = repos.jobs().FindJob(input.rome_code);
  if (!job) {
    if (job.error().code != ErrorCode::kNotFound) return Fail(job.error());
    errors["rome_code"] = "Ce métier n'existe pas dans le ROME : choisissez-le dans la liste.";
  }
  auto communes = repos.jobs().Communes();
  if (!communes) return Fail(communes.error());
  if (std::none_of(communes->begin(), communes->end(),
                   [&](const auto& c) { return c.insee_code == input.commune_code; }))
    errors["commune_code"] = "Choisissez la commune du lieu de travail dans la liste.";
  if (errors.empty()) return Ok();
  return FailFields("unknown reference", std::move(errors));
}

}  // namespace

Result<std::vector<Offer>> OfferService::ListOwn(const people::Actor& actor) {
  if (actor.role != people::Role::kEmployer || !actor.membership)
    return Fail(ErrorCode::kNotFound, "no employer organisation");
  return ReadValue(store_, [&](Repositories& repos) {
    return repos.offers().ListByOrganisation(actor.membership->organisation_id);
  });
}

Result<Offer> OfferService::Get(const people::Actor& actor, std::int64_t id) {
  return ReadValue(store_, [&](Repositories& repos) { return Owned(repos, actor, id); });
}

Result<std::int64_t> OfferService::CreateDraft(const people::Actor& actor, const OfferInput& raw) {
  if (actor.role != people::Role::kEmployer || !actor.membership)
    return Fail(ErrorCode::kNotFound, "no employer organisation");
  const UnixSeconds now = clock_.Now();
  const OfferInput input = Normalized(raw);
  if (auto s = Check(input, MartiniqueDate(now)); !s) return Fail(s.error());
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    if (auto s = CheckReferences(repos, input); !s) return s;
    Offer offer;
    offer.organisation_id = actor.membership->organisation_id;
    offer.created_by = actor.user_id;
    offer.input = input;
    offer.created_at = offer.updated_at = now;
    auto created = repos.offers().Create(offer);
    if (!created) return Fail(created.error());
    id = *created;
    return Audit(repos, actor.user_id, "offer.created", id);
  });
  if (!status) return Fail(status.error());
  return id;
}

Status OfferService::Edit(const people::Actor& actor, std::int64_t id, const OfferInput& raw) {
  const UnixSeconds now = clock_.Now();
  const OfferInput input = Normalized(raw);
  std::optional<Offer> changed;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto offer = Owned(repos, actor, id);
    if (!offer) return Fail(offer.error());
    if (offer->state == OfferState::kFilled || offer->state == OfferState::kClosed)
      return Fail(
          Refused("offer is over",
                  fmt::format("Cette offre est {} : elle ne peut plus "
                              "être modifiée. Dupliquez-la pour en "
                              "publier une nouvelle.",
                              text::AsciiLower(std::string(OfferStateLabel(offer->state))))));
    // A start date already in the offer may have passed since; only a new one must be ahead.
    OfferInput checked = input;
    if (checked.start_date == offer->input.start_date) checked.start_date.clear();
    if (auto s = Check(checked, MartiniqueDate(now)); !s) return s;
    if (auto s = CheckReferences(repos, input); !s) return s;
    offer->input = input;
    offer->updated_at = now;
    if (auto s = repos.offers().Update(*offer); !s) return s;
    changed = *offer;
    return Audit(repos, actor.user_id, "offer.edited", id);
  });
  if (!status) return status;
  Notify(*changed);
  return Ok();
}

Result<std::int64_t> OfferService::Duplicate(const people::Actor& actor, std::int64_t id) {
  const UnixSeconds now = clock_.Now();
  std::int64_t new_id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto offer = Owned(repos, actor, id);
    if (!offer) return Fail(offer.error());
    Offer copy;
    copy.organisation_id = offer->organisation_id;
    copy.created_by = actor.user_id;
    copy.input = offer->input;
    // A past start date would not pass the form again: the copy starts as soon as possible.
    if (auto date = ParseIsoDate(copy.input.start_date);
        date && Days(*date) < Days(MartiniqueDate(now)))
      copy.input.start_date.clear();
    copy.created_at = copy.updated_at = now;
    auto created = repos.offers().Create(copy);
    if (!created) return Fail(created.error());
    new_id = *created;
    return Audit(repos, actor.user_id, "offer.duplicated", new_id);
  });
  if (!status) return Fail(status.error());
  return new_id;
}

namespace {

std::vector<Offer> DuplicatesOf(const Offer& offer, const std::vector<Offer>& others,
                                double threshold) {
  std::vector<Offer> out;
  for (const auto& other : others) {
    if (other.id == offer.id || !IsOpen(other.state) || other.hidden) continue;
    if (other.input.rome_code != offer.input.rome_code) continue;
    if (TitleSimilarity(other.input.title, offer.input.title) >= threshold) out.push_back(other);
  }
  return out;
}

}  // namespace

Result<PublishCheck> OfferService::CheckBeforePublishing(const people::Actor& actor,
                                                         std::int64_t id) {
  PublishCheck check;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto offer = Owned(repos, actor, id);
    if (!offer) return Fail(offer.error());
    auto others = repos.offers().ListByOrganisation(offer->organisation_id);
    if (!others) return Fail(others.error());
    check.duplicates = DuplicatesOf(*offer, *others, settings_.duplicate_similarity);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return check;
}

Status OfferService::Publish(const people::Actor& actor, std::int64_t id,
                             bool duplicates_confirmed) {
  const UnixSeconds now = clock_.Now();
  std::optional<Offer> changed;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto offer = Owned(repos, actor, id);
    if (!offer) return Fail(offer.error());
    if (offer->state != OfferState::kDraft)
      return Fail(
          Refused("not a draft",
                  fmt::format("Cette offre est {} : seul un brouillon "
                              "peut être publié.",
                              text::AsciiLower(std::string(OfferStateLabel(offer->state))))));
    auto organisation = repos.organisations().FindById(offer->organisation_id);
    if (!organisation) return Fail(organisation.error());
    if (organisation->status != people::OrganisationStatus::kValidated)
      return Fail(Error{ErrorCode::kFailedPrecondition,
                        "organisation not validated",
                        {{"organisation",
                          "Votre entreprise n'est pas encore validée par un conseiller : vous "
                          "pourrez publier cette offre dès qu'elle le sera. Elle reste "
                          "enregistrée en brouillon."}}});
    // The start date may have passed while the offer was a draft.
    if (auto s = Check(offer->input, MartiniqueDate(now)); !s) return s;
    if (!duplicates_confirmed) {
      auto others = repos.offers().ListByOrganisation(offer->organisation_id);
      if (!others) return Fail(others.error());
      auto duplicates = DuplicatesOf(*offer, *others, settings_.duplicate_similarity);
      if (!duplicates.empty())
        return Fail(Error{
            ErrorCode::kFailedPrecondition,
            "near-duplicate offers",
            {{"duplicates", fmt::format("Votre offre ressemble beaucoup à « {} », déjà en "
                                        "ligne. Confirmez qu'il s'agit bien d'un autre poste.",
                                        duplicates.front().input.title)}}});
    }
    offer->state = OfferState::kPublished;
    if (offer->published_at == 0) offer->published_at = now;
    offer->expires_at = now + settings_.lifetime;
    offer->reminder_sent_at = 0;
    offer->extension_token_hash.clear();
    offer->updated_at = now;
    if (auto s = repos.offers().Update(*offer); !s) return s;
    changed = *offer;
    return Audit(repos, actor.user_id, "offer.published", id);
  });
  if (!status) return status;
  Notify(*changed);
  return Ok();
}

Status OfferService::Transition(const people::Actor& actor, std::int64_t id, OfferState to,
                                const std::string& channel) {
  const UnixSeconds now = clock_.Now();
  std::optional<Offer> changed;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto offer = Owned(repos, actor, id);
    if (!offer) return Fail(offer.error());
    const OfferState from = offer->state;
    const bool resume = to == OfferState::kPublished && from == OfferState::kPaused;
    const bool extend = to == OfferState::kPublished && !resume;
    if (!CanTransition(from, to) || (to == OfferState::kPublished && from == OfferState::kDraft))
      return Fail(Refused(fmt::format("{} -> {}", OfferStateCode(from), OfferStateCode(to)),
                          fmt::format("Cette offre est {} : elle ne peut pas être {}.",
                                      text::AsciiLower(std::string(OfferStateLabel(from))),
                                      extend ? "prolongée" : ActionVerb(to))));
    if (to == OfferState::kFilled && !IsFillChannel(channel))
      return FailFields("no channel", {{"channel", "Dites-nous comment vous avez recruté."}});
    offer->state = to;
    if (extend) {
      offer->expires_at = now + settings_.lifetime;
      offer->reminder_sent_at = 0;
      offer->extension_token_hash.clear();
    }
    if (to == OfferState::kFilled) offer->filled_channel = channel;
    offer->updated_at = now;
    if (auto s = repos.offers().Update(*offer); !s) return s;
    changed = *offer;
    const char* action = extend                      ? "offer.extended"
                         : resume                    ? "offer.resumed"
                         : to == OfferState::kPaused ? "offer.paused"
                         : to == OfferState::kFilled ? "offer.filled"
                                                     : "offer.closed";
    return Audit(repos, actor.user_id, action, id);
  });
  if (!status) return status;
  Notify(*changed);
  return Ok();
}

Status OfferService::Extend(const people::Actor& actor, std::int64_t id) {
  return Transition(actor, id, OfferState::kPublished, "");
}
Status OfferService::Pause(const people::Actor& actor, std::int64_t id) {
  return Transition(actor, id, OfferState::kPaused, "");
}
Status OfferService::Resume(const people::Actor& actor, std::int64_t id) {
  // Only a paused offer resumes; Transition tells extension from resumption by the state.
  auto offer = Get(actor, id);
  if (!offer) return Fail(offer.error());
  if (offer->state != OfferState::kPaused)
    return Fail(Refused("not paused", "Cette offre n'est pas en pause."));
  return Transition(actor, id, OfferState::kPublished, "");
}
Status OfferService::MarkFilled(const people::Actor& actor, std::int64_t id,
                                const std::string& channel) {
  return Transition(actor, id, OfferState::kFilled, channel);
}
Status OfferService::Close(const people::Actor& actor, std::int64_t id) {
  return Transition(actor, id, OfferState::kClosed, "");
}

Result<Offer> OfferService::ExtendByLink(const std::string& token) {
  const UnixSeconds now = clock_.Now();
  const Error invalid{ErrorCode::kNotFound,
                      "extension link unknown or used",
                      {{"token",
                        "Ce lien n'est plus valable : l'offre a déjà été prolongée ou "
                        "n'est plus en ligne. Connectez-vous pour la gérer."}}};
  Result<Offer> result = Fail(invalid);
  auto status = store_.Write([&](Repositories& repos) -> Status {
    if (token.empty()) return Fail(invalid);
    auto offer = repos.offers().FindByExtensionToken(crypto::Sha256Hex(token));
    if (!offer)
      return offer.error().code == ErrorCode::kNotFound ? Fail(invalid) : Fail(offer.error());
    if (offer->hidden || !CanTransition(offer->state, OfferState::kPublished) ||
        offer->state == OfferState::kDraft)
      return Fail(invalid);
    offer->state = OfferState::kPublished;
    offer->expires_at = now + settings_.lifetime;
    offer->reminder_sent_at = 0;
    offer->extension_token_hash.clear();
    offer->updated_at = now;
    if (auto s = repos.offers().Update(*offer); !s) return s;
    result = *offer;
    return Audit(repos, 0, "offer.extended_by_link", offer->id);
  });
  if (!status) return Fail(status.error());
  Notify(*result);
  return result;
}

Result<PublicOffer> OfferService::GetPublished(std::int64_t id) {
  Result<PublicOffer> result = Fail(NotFound());
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto offer = repos.offers().FindById(id);
    if (!offer) return Fail(offer.error());
    if (!Visible(*offer)) return Fail(NotFound());
    auto organisation = repos.organisations().FindById(offer->organisation_id);
    if (!organisation) return Fail(organisation.error());
    result = PublicOffer{*offer, organisation->name};
    return Ok();
  });
  if (!status) return Fail(status.error());
  return result;
}

Result<std::vector<PublicOffer>> OfferService::ListPublished() {
  std::vector<PublicOffer> out;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto open = repos.offers().ListOpen();
    if (!open) return Fail(open.error());
    std::map<std::int64_t, std::string> names;
    for (auto& offer : *open) {
      if (!Visible(offer)) continue;
      auto& name = names[offer.organisation_id];
      if (name.empty()) {
        auto organisation = repos.organisations().FindById(offer.organisation_id);
        if (!organisation) return Fail(organisation.error());
        name = organisation->name;
      }
      out.push_back(PublicOffer{std::move(offer), name});
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

Status OfferService::OnApplication(std::int64_t offer_id, int applications) {
  const UnixSeconds now = clock_.Now();
  std::optional<Offer> changed;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto offer = repos.offers().FindById(offer_id);
    if (!offer) return Fail(offer.error());
    offer->applications = applications;
    const bool pause = offer->state == OfferState::kPublished &&
                       offer->input.pause_after_applications > 0 &&
                       applications >= offer->input.pause_after_applications;
    if (pause) offer->state = OfferState::kPaused;
    offer->updated_at = now;
    if (auto s = repos.offers().Update(*offer); !s) return s;
    changed = *offer;  // the search card shows the count: told even when nothing pauses
    if (!pause) return Ok();
    if (auto s = outbox::MailOrganisation(
            repos, offer->organisation_id,
            fmt::format("Votre offre « {} » est en pause", offer->input.title),
            fmt::format("Votre offre « {} » a reçu {} candidatures : comme vous l'aviez "
                        "demandé, elle est mise en pause et n'en reçoit plus.\n\nPour la "
                        "remettre en ligne : {}/employeur/offres/{}\n",
                        offer->input.title, applications, settings_.public_url, offer->id),
            now);
        !s)
      return s;
    return Audit(repos, 0, "offer.paused_by_applications", offer_id);
  });
  if (!status) return status;
  if (changed) Notify(*changed);
  return Ok();
}

Status OfferService::Report(std::int64_t offer_id, const std::string& reason,
                            const std::string& details, const std::string& client_address,
                            const std::string& visitor) {
  std::map<std::string, std::string> errors;
  const std::string trimmed(text::Trim(details));
  if (!IsReportReason(reason)) errors["reason"] = "Choisissez une raison dans la liste.";
  if (reason == "other" && trimmed.empty())
    errors["details"] = "Dites-nous en quelques mots ce qui ne va pas.";
  if (!text::IsCleanUtf8(trimmed, true) || text::CodePointCount(trimmed) > kMaxReportDetails)
    errors["details"] = "Ce texte doit faire au plus 1000 caractères, sans caractères invisibles.";
  if (!errors.empty()) return FailFields("invalid report", std::move(errors));
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto offer = repos.offers().FindById(offer_id);
    if (!offer) return Fail(offer.error());
    if (!Visible(*offer)) return Fail(NotFound());
    if (auto s = enquiries::MarkReport(repos, offer_id, visitor, client_address, now); !s) return s;
    auto added = repos.offers().AddReport(OfferReport{0, offer_id, reason, trimmed, now, false});
    if (!added) return Fail(added.error());
    return Audit(repos, 0, "offer.reported", offer_id, client_address);
  });
}

namespace {

bool IsModerator(const people::Actor& actor) {
  return actor.role == people::Role::kAdvisor || actor.role == people::Role::kManager ||
         actor.role == people::Role::kAdmin;
}

}  // namespace

Result<std::vector<ReportedOffer>> OfferService::ReportedOffers(const people::Actor& actor) {
  if (!IsModerator(actor)) return Fail(ErrorCode::kPermissionDenied, "advisors only");
  std::vector<ReportedOffer> out;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto reports = repos.offers().OpenReports();
    if (!reports) return Fail(reports.error());
    std::map<std::int64_t, std::size_t> index;
    for (const auto& report : *reports) {
      auto it = index.find(report.offer_id);
      if (it == index.end()) {
        auto offer = repos.offers().FindById(report.offer_id);
        if (!offer) return Fail(offer.error());
        auto organisation = repos.organisations().FindById(offer->organisation_id);
        if (!organisation) return Fail(organisation.error());
        it = index.emplace(report.offer_id, out.size()).first;
        out.push_back(ReportedOffer{PublicOffer{*offer, organisation->name}, {}});
      }
      out[it->second].reports.push_back(report);
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

Status OfferService::Hide(const people::Actor& actor, std::int64_t id, const std::string& reason) {
  if (!IsModerator(actor)) return Fail(ErrorCode::kPermissionDenied, "advisors only");
  const std::string trimmed(text::Trim(reason));
  if (trimmed.empty() || !text::IsCleanUtf8(trimmed, true) ||
      text::CodePointCount(trimmed) > kMaxReportDetails)
    return FailFields("no reason", {{"reason",
                                     "Indiquez à l'employeur pourquoi son offre est masquée "
                                     "(1000 caractères au plus)."}});
  const UnixSeconds now = clock_.Now();
  std::optional<Offer> changed;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto offer = repos.offers().FindById(id);
    if (!offer) return Fail(offer.error());
    if (offer->hidden) return Fail(Refused("already hidden", "Cette offre est déjà masquée."));
    offer->hidden = true;
    offer->hidden_reason = trimmed;
    offer->updated_at = now;
    if (auto s = repos.offers().Update(*offer); !s) return s;
    if (auto s = repos.offers().ResolveReports(id); !s) return s;
    changed = *offer;
    if (auto s = outbox::MailOrganisation(
            repos, offer->organisation_id,
            fmt::format("Votre offre « {} » a été masquée", offer->input.title),
            fmt::format("Votre offre « {} » a été masquée par un conseiller de la délégation, "
                        "pour la raison suivante :\n\n{}\n\nPour en parler, répondez à ce "
                        "message ou contactez votre conseiller.\n",
                        offer->input.title, trimmed),
            now);
        !s)
      return s;
    return Audit(repos, actor.user_id, "offer.hidden", id);
  });
  if (!status) return status;
  Notify(*changed);
  return Ok();
}

Status OfferService::DismissReports(const people::Actor& actor, std::int64_t id) {
  if (!IsModerator(actor)) return Fail(ErrorCode::kPermissionDenied, "advisors only");
  return store_.Write([&](Repositories& repos) -> Status {
    auto offer = repos.offers().FindById(id);
    if (!offer) return Fail(offer.error());
    if (auto s = repos.offers().ResolveReports(id); !s) return s;
    return Audit(repos, actor.user_id, "offer.reports_dismissed", id);
  });
}

Result<std::vector<jobs::Commune>> OfferService::Communes() {
  std::vector<jobs::Commune> out;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.jobs().Communes();
    if (!found) return Fail(found.error());
    out = std::move(*found);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

Result<TickCounts> OfferService::Tick() {
  const UnixSeconds now = clock_.Now();
  TickCounts counts;
  std::vector<Offer> expired;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto due = repos.offers().ListPublishedExpiringBy(now + settings_.reminder_before);
    if (!due) return Fail(due.error());
    for (auto& offer : *due) {
      if (offer.expires_at <= now) {
        offer.state = OfferState::kExpired;
        offer.updated_at = now;
        if (auto s = repos.offers().Update(offer); !s) return s;
        if (auto s = outbox::MailOrganisation(
                repos, offer.organisation_id,
                fmt::format("Votre offre « {} » a expiré", offer.input.title),
                fmt::format("Votre offre « {} » n'est plus en ligne depuis aujourd'hui.\n\n"
                            "Vous pouvez la remettre en ligne pour 60 jours depuis votre "
                            "espace : {}/employeur/offres/{}\n",
                            offer.input.title, settings_.public_url, offer.id),
                now);
            !s)
          return s;
        if (auto s = Audit(repos, 0, "offer.expired", offer.id); !s) return s;
        expired.push_back(offer);
        ++counts.expired;
      } else if (offer.reminder_sent_at == 0) {
        const std::string token = crypto::RandomToken(16);
        offer.extension_token_hash = crypto::Sha256Hex(token);
        offer.reminder_sent_at = now;
        if (auto s = repos.offers().Update(offer); !s) return s;
        if (auto s = outbox::MailOrganisation(
                repos, offer.organisation_id,
                fmt::format("Votre offre « {} » expire le {}", offer.input.title,
                            FrenchDay(offer.expires_at)),
                fmt::format("Votre offre « {} » sera retirée le {}.\n\nLe poste est toujours "
                            "à pourvoir ? Prolongez-la de 60 jours en un clic :\n\n"
                            "{}/offres/prolonger?jeton={}\n\nLe poste est pourvu ? Dites-le "
                            "nous depuis votre espace : {}/employeur/offres/{}\n",
                            offer.input.title, FrenchDay(offer.expires_at), settings_.public_url,
                            token, settings_.public_url, offer.id),
                now);
            !s)
          return s;
        if (auto s = Audit(repos, 0, "offer.reminder_sent", offer.id); !s) return s;
        ++counts.reminded;
      }
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  for (const auto& offer : expired) Notify(offer);
  return counts;
}

}  // namespace maplace::offers
