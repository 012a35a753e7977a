#include "cli/demo_applications.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cli/demo_member.h"
#include "core/date.h"
#include "domain/applications/application.h"

namespace maplace::cli {
namespace {

using applications::Application;
using applications::ApplicationStatus;

constexpr char kYoungEmail[] = "jeune@demo.icicestmaplace.fr";
constexpr UnixSeconds kHour = 3600;
constexpr UnixSeconds kDay = 24 * kHour;
constexpr UnixSeconds kRemindAfter = 7 * kDay;  // as ApplicationSettings::remind_after
constexpr int kLastYear = 20, kThisYear = 26;   // applications dated in each year

constexpr const char* kFirstNames[] = {"Anaïs", "Kenzo", "Maéva", "Jordan",  "Léna",
                                       "Nolan", "Ambre", "Teddy", "Yasmine", "Loïc"};
constexpr const char* kLastNames[] = {"Démo-Valcin", "Démo-Jean-Louis", "Démo-Rosine"};
constexpr int kApplicants = 30;  // each pair of names once

constexpr const char* kMessages[] = {
    "Bonjour, je prépare un CAP et je cherche l'entreprise qui m'accueillera en alternance. "
    "Je suis ponctuel et j'aime le travail bien fait. (Message fictif de démonstration.)",
    "Bonjour, votre offre m'intéresse beaucoup : j'ai fait mon stage de troisième dans ce "
    "métier et je voudrais en faire mon métier. (Message fictif de démonstration.)",
    "Bonjour, après un bac général je me réoriente vers ce métier. Je suis disponible dès que "
    "possible et j'habite à dix minutes. (Message fictif de démonstration.)",
    "Bonjour, mon CFA m'a conseillé votre entreprise. Je suis motivée et je peux venir vous "
    "rencontrer quand vous voulez. (Message fictif de démonstration.)",
};
constexpr const char* kCfaPlaces[] = {"yes", "in_progress", "no"};

// One recruiter's answer, `days` after the application or the answer before it.
struct Answer {
  const char* kind = nullptr;  // "interview", "refusal", "hire"; nullptr: none
  int days = 0;
  const char* reason = "";  // of a refusal (applications::IsRefusalReason)
};
// What becomes of an application: up to two answers; `seen` when the recruiter opens it but
// never answers. The applications take these in turn.
struct Outcome {
  Answer first, then;
  bool seen = true;
};
const Outcome kOutcomes[] = {
    {{"interview", 3}, {"hire", 10}},
    {{"refusal", 2, "profile"}, {}},
    {{"interview", 5}, {}},
    {{}, {}, true},
    {{"refusal", 9, "filled"}, {}},
    {{"interview", 1}, {"hire", 8}},
    {{"interview", 4}, {"refusal", 6, "no_cfa"}},
    {{}, {}, false},
    {{"refusal", 14, "no_cfa"}, {}},
    {{"refusal", 21, "profile"}, {}},
};

struct Planned {
  int applicant = -1;  // index of a demo applicant; -1 for the demo young person
  std::size_t offer = 0;
  UnixSeconds at = 0;
  Outcome outcome;
  int turn = 0;  // varies the message, the hours and the wishes
};

// `day` at `hour`:00, Martinique time.
UnixSeconds At(Date day, int hour) { return MartiniqueMidnight(day) + hour * kHour; }

std::string ApplicantEmail(int i) {
  return fmt::format("candidat{:02}@demo.icicestmaplace.fr", i + 1);
}

ApplicationStatus StatusOf(std::string_view kind) {
  if (kind == "interview") return ApplicationStatus::kInterview;
  return kind == "hire" ? ApplicationStatus::kHired : ApplicationStatus::kRefused;
}

// The reply as the young person reads it, close to the service's templates.
std::string ReplyBody(const Answer& answer, const std::string& organisation,
                      const std::string& title) {
  const std::string_view kind = answer.kind;
  if (kind == "interview")
    return fmt::format(
        "{} vous propose un entretien pour l'offre « {} ».\n\nCréneaux proposés :\nMardi à 9 h "
        "ou jeudi à 14 h, à la boutique (créneaux fictifs de démonstration).",
        organisation, title);
  if (kind == "hire")
    return fmt::format(
        "Bonne nouvelle : {} retient votre candidature pour l'offre « {} ».\n\nLe recruteur va "
        "vous contacter pour la suite (contrat, inscription au CFA). (Réponse fictive de "
        "démonstration.)",
        organisation, title);
  return fmt::format(
      "{} a étudié votre candidature pour l'offre « {} » et ne peut pas y donner suite.\n"
      "Raison : {}.\n\nMerci de votre intérêt. (Réponse fictive de démonstration.)",
      organisation, title, applications::RefusalReasonLabel(answer.reason));
}

// The applications of last year and this year, oldest first, over the offers in turn.
std::vector<Planned> Plan(const std::vector<offers::Offer>& offers, UnixSeconds now) {
  const Date today = MartiniqueDate(now);
  const std::chrono::year this_year = today.year();
  const Date january_6_last_year{this_year - std::chrono::years{1}, std::chrono::January,
                                 std::chrono::day{6}};
  const Date january_1{this_year, std::chrono::January, std::chrono::day{1}};
  const int days_this_year = DaysBetween(january_1, today);
  std::vector<Planned> plan;
  std::set<std::pair<int, std::size_t>> taken;  // one application per applicant and offer
  for (int turn = 0; turn < kLastYear + kThisYear; ++turn) {
    Planned p;
    p.turn = turn;
    p.applicant = turn % kApplicants;
    p.offer = static_cast<std::size_t>(turn + turn / kApplicants) % offers.size();
    if (!taken.insert({p.applicant, p.offer}).second) continue;
    const int hour = 8 + turn * 7 % 11;
    if (turn < kLastYear) {
      p.at = At(AddDays(january_6_last_year, 18 * turn), hour);
    } else {
      const int k = turn - kLastYear;
      p.at = At(AddDays(january_1, days_this_year * (k + 1) / (kThisYear + 1)), hour);
      p.at = std::min(p.at, now - (kThisYear - k) * kHour);  // never ahead of now (1 January)
    }
    p.outcome = kOutcomes[turn % std::size(kOutcomes)];
    plan.push_back(p);
  }
  // The demo young person's own: one invited to an interview, one sent two days ago. Never to a
  // welding offer: tests/browser/apply.test.mjs applies to one as them.
  for (const auto& [rome, days, outcome] : {std::tuple{"G1610", 12, Outcome{{"interview", 3}, {}}},
                                            std::tuple{"D1106", 2, Outcome{{}, {}, false}}}) {
    for (std::size_t i = 0; i < offers.size(); ++i) {
      if (offers[i].input.rome_code != rome) continue;
      plan.push_back({-1, i, now - days * kDay, outcome, static_cast<int>(plan.size())});
      break;
    }
  }
  std::stable_sort(plan.begin(), plan.end(),
                   [](const Planned& a, const Planned& b) { return a.at < b.at; });
  return plan;
}

}  // namespace

Result<int> CreateDemoApplications(Store& store, offers::OfferService& offers, UnixSeconds now) {
  std::optional<people::Actor> employer;
  std::string organisation_name;
  std::vector<offers::Offer> demo_offers;
  std::int64_t young = 0;
  std::set<std::int64_t> young_applied;  // offers
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto done = repos.users().FindByEmail(ApplicantEmail(0));
    if (done) return Ok();
    if (done.error().code != ErrorCode::kNotFound) return Fail(done.error());
    auto member = DemoMember(repos, people::OrganisationKind::kEmployer);
    if (!member) return Fail(member.error());
    if (!*member) return Ok();
    auto organisation = repos.organisations().FindById((*member)->membership->organisation_id);
    if (!organisation) return Fail(organisation.error());
    auto listed = repos.offers().ListByOrganisation(organisation->id);
    if (!listed) return Fail(listed.error());
    for (auto& o : *listed)
      if (o.published_at != 0 && !o.hidden) demo_offers.push_back(std::move(o));
    std::sort(demo_offers.begin(), demo_offers.end(),
              [](const offers::Offer& a, const offers::Offer& b) { return a.id < b.id; });
    employer = **member;
    organisation_name = organisation->name;
    auto user = repos.users().FindByEmail(kYoungEmail);
    if (!user || !user->is_demo) return Ok();
    young = user->id;
    auto own = repos.applications().ListByApplicant(young);  // by hand, on a demo in use
    if (!own) return Fail(own.error());
    for (const auto& a : *own) young_applied.insert(a.offer_id);
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (!employer || demo_offers.empty()) return 0;

  const std::vector<Planned> plan = Plan(demo_offers, now);
  int written = 0;
  std::map<std::int64_t, int> counts;  // offer → its applications, for its search card
  auto write = store.Write([&](Repositories& repos) -> Status {
    // Signed up on 2 January last year; no password, disabled: nobody signs in as them.
    const Date january_2_last_year{MartiniqueDate(now).year() - std::chrono::years{1},
                                   std::chrono::January, std::chrono::day{2}};
    const UnixSeconds signed_up = std::min(At(january_2_last_year, 9), now);
    std::vector<std::int64_t> applicants;
    for (int i = 0; i < kApplicants; ++i) {
      const std::string name =
          fmt::format("{} {}", kFirstNames[i % std::size(kFirstNames)],
                      kLastNames[static_cast<std::size_t>(i) / std::size(kFirstNames)]);
      auto id =
          repos.users().Create({0, ApplicantEmail(i), name, people::Role::kYoungPerson,
                                people::UserStatus::kDisabled, "", true, signed_up, signed_up});
      if (!id) return Fail(id.error());
      applicants.push_back(*id);
    }
    for (const Planned& p : plan) {
      const offers::Offer& offer = demo_offers[p.offer];
      if (p.applicant < 0 && (young == 0 || young_applied.contains(offer.id))) continue;
      Application a;
      a.offer_id = offer.id;
      a.organisation_id = offer.organisation_id;
      a.applicant_id = p.applicant < 0 ? young : applicants[static_cast<std::size_t>(p.applicant)];
      a.message = kMessages[static_cast<std::size_t>(p.turn) % std::size(kMessages)];
      const Date sent = MartiniqueDate(p.at);
      if (p.turn % 2 == 0) {  // September, else « dès que possible »
        const Date september{sent.year(), std::chrono::September, std::chrono::day{1}};
        a.start_date = FormatIsoDate(sent < september ? september : AddYears(september, 1));
      }
      a.rhythm = p.turn % 3 == 0 ? "2 jours au CFA / 3 jours en entreprise" : "";
      a.cfa_place = kCfaPlaces[static_cast<std::size_t>(p.turn) % std::size(kCfaPlaces)];
      a.created_at = a.updated_at = p.at;
      auto id = repos.applications().Create(a);
      if (!id) return Fail(id.error());
      a.id = *id;

      // The answers that have come by now, each an hour or two into the recruiter's day.
      UnixSeconds at = p.at;
      UnixSeconds first_answer = now;
      for (const Answer* answer : {&p.outcome.first, &p.outcome.then}) {
        if (answer->kind == nullptr) break;
        at += answer->days * kDay + (p.turn % 3) * kHour;
        if (at > now) break;
        if (a.seen_at == 0) {
          a.seen_at = std::max(p.at, at - 2 * kHour);
          first_answer = at;
        }
        a.status = StatusOf(answer->kind);
        a.refusal_reason = answer->reason;
        a.updated_at = at;
        auto reply = repos.applications().AddReply(
            {0, a.id, employer->user_id, answer->kind,
             ReplyBody(*answer, organisation_name, offer.input.title), at});
        if (!reply) return Fail(reply.error());
      }
      if (a.status == ApplicationStatus::kNew && p.outcome.seen && p.at + kDay <= now) {
        a.status = ApplicationStatus::kSeen;
        a.seen_at = a.updated_at = p.at + kDay;
      }
      // Unanswered for a week: the employer was reminded then (and is not again).
      if (p.at + kRemindAfter <= first_answer) a.reminded_at = p.at + kRemindAfter;
      if (auto s = repos.applications().Update(a); !s) return s;
      ++written;
      auto counted = repos.applications().CountForOffer(offer.id);
      if (!counted) return Fail(counted.error());
      counts[offer.id] = *counted;
    }
    return Ok();
  });
  if (!write) return Fail(write.error());
  // After the commit, as ApplicationService::Apply: the offers count them, the cards follow.
  for (const auto& [offer, count] : counts)
    if (auto s = offers.OnApplication(offer, count); !s) return Fail(s.error());
  return written;
}

}  // namespace maplace::cli
