#include "cli/demo_workshops.h"

#include <fmt/format.h>

#include "cli/demo_member.h"
#include "core/date.h"

namespace maplace::cli {
namespace {

constexpr char kAdvisorEmail[] = "conseiller@demo.icicestmaplace.fr";
constexpr UnixSeconds kDay = 24 * 3600;

// `days` from today at `hour`:00, Martinique time.
UnixSeconds At(UnixSeconds now, int days, int hour) {
  return MartiniqueMidnight(MartiniqueDate(now)) + days * kDay + hour * 3600;
}

}  // namespace

Result<bool> CreateDemoWorkshops(Store& store, workshops::WorkshopService& workshops,
                                 poec::PoecService& poec, UnixSeconds now) {
  auto themes = workshops.Themes();
  if (!themes) return Fail(themes.error());
  if (!themes->empty()) return false;
  std::optional<people::Actor> advisor, cfa_member;
  auto found = store.Write([&](Repositories& repos) -> Status {
    auto user = repos.users().FindByEmail(kAdvisorEmail);
    if (!user) return Ok();  // no demo advisor: nothing to do
    advisor = people::Actor{user->id, user->role, user->email, user->display_name, true, {}, ""};
    auto member = DemoMember(repos, people::OrganisationKind::kCfa);
    if (!member) return Fail(member.error());
    cfa_member = *member;
    if (!cfa_member) return Ok();
    auto organisation = repos.organisations().FindById(cfa_member->membership->organisation_id);
    if (!organisation) return Fail(organisation.error());
    if (!organisation->commune_code.empty()) return Ok();
    organisation->commune_code = "97213";  // Le Lamentin
    return repos.organisations().Update(*organisation);
  });
  if (!found) return Fail(found.error());
  if (!advisor) return false;

  auto theme = workshops.CreateTheme(*advisor, "Recruter et accueillir un apprenti (démo)",
                                     "Les étapes du recrutement, le premier jour, le tuteur.");
  if (!theme) return Fail(theme.error());
  workshops::SessionInput upcoming;
  upcoming.theme_id = *theme;
  upcoming.title = "Les premiers jours de l'apprenti en entreprise (démo)";
  upcoming.starts_at = At(now, 14, 9);
  upcoming.ends_at = At(now, 14, 12);
  upcoming.place = "Le Lamentin, salle de la délégation (adresse fictive)";
  upcoming.online_link = "https://visio.example.org/atelier-demo";
  upcoming.capacity = 12;
  upcoming.speakers = "Léa Démo (conseillère), un maître d'apprentissage fictif";
  upcoming.description =
      "Un atelier pratique et fictif : préparer l'arrivée, le livret d'accueil, le rôle du "
      "tuteur.\nDonnées de démonstration.";
  auto next = workshops.CreateSession(*advisor, upcoming);
  if (!next) return Fail(next.error());
  if (cfa_member) {
    auto registered = workshops.Register(*cfa_member, *next, {cfa_member->user_id});
    if (!registered) return Fail(registered.error());
  }
  workshops::SessionInput past = upcoming;
  past.title = "Le contrat d'apprentissage pas à pas (démo)";
  past.starts_at = At(now, -30, 14);
  past.ends_at = At(now, -30, 17);
  past.online_link.clear();
  auto done = workshops.CreateSession(*advisor, past);
  if (!done) return Fail(done.error());
  if (cfa_member) {
    // Registered, present and rated: written directly, the session being over.
    auto status = store.Write([&](Repositories& repos) -> Status {
      auto seat = repos.workshops().TakeSeat(*done);
      if (!seat) return Fail(seat.error());
      workshops::Registration r;
      r.session_id = *done;
      r.organisation_id = cfa_member->membership->organisation_id;
      r.user_id = r.registered_by = cfa_member->user_id;
      r.attended = true;
      r.rating = 5;
      r.comment = "Très concret, merci (avis fictif).";
      r.created_at = past.starts_at - 10 * kDay;
      r.rated_at = r.updated_at = past.ends_at + kDay;
      auto created = repos.workshops().CreateRegistration(r);
      if (!created) return Fail(created.error());
      r.id = *created;
      if (auto s = repos.workshops().UpdateRegistration(r); !s) return s;
      if (auto s = repos.workshops().MarkSurveySent(*done, past.ends_at); !s) return s;
      auto action = repos.workshops().AddAction(
          {0, *done, "Envoyer le modèle de livret d'accueil aux participants (démo).",
           advisor->user_id, past.ends_at});
      if (!action) return Fail(action.error());
      return Ok();
    });
    if (!status) return Fail(status.error());
  }

  // A POEC toward welding, with outcomes.
  auto programme = poec.CreateProgramme(
      *advisor, {"POEC Soudeurs (démo)", "H2913", "Organisme de formation fictif", 399,
                 "OPCO 2i et France Travail (fictif)", "OPCO 2i, AKTO"});
  if (!programme) return Fail(programme.error());
  const std::vector<std::pair<const char*, int>> partners = {
      {"Chaudronnerie Fictive du Lamentin", 2},
      {"Soudure Démo Caraïbes", 2},
      {"Métallerie Exemple du Robert", 1}};
  for (const auto& [company, positions] : partners)
    if (auto added = poec.AddPartner(*advisor, *programme, company, std::to_string(positions));
        !added)
      return Fail(added.error());
  const Date today = MartiniqueDate(now);
  auto cohort =
      poec.CreateCohort(*advisor, *programme, "Promotion démo", FormatIsoDate(AddDays(today, -150)),
                        FormatIsoDate(AddDays(today, -40)), "Le Lamentin (fictif)");
  if (!cohort) return Fail(cohort.error());
  const std::vector<const char*> companies = {"Chaudronnerie Fictive du Lamentin",
                                              "Chaudronnerie Fictive du Lamentin",
                                              "Soudure Démo Caraïbes",
                                              "Métallerie Exemple du Robert",
                                              "Atelier Fictif de Fort-de-France",
                                              "Tuyauterie Démo du Sud",
                                              "Constructions Métalliques Exemple",
                                              "Maintenance Fictive Industrielle",
                                              "Serrurerie Démo de Schœlcher"};
  const std::vector<const char*> kinds = {"cdi",   "cdd12", "cdi",        "alternance", "cdi",
                                          "cdd12", "cdi",   "alternance", "cdi"};
  for (int i = 0; i < 10; ++i) {
    auto candidate = poec.AddCandidate(*advisor, *cohort,
                                       {fmt::format("Candidat fictif {}", i + 1), "", "", "97213"});
    if (!candidate) return Fail(candidate.error());
    poec::PathInput path;
    path.stage = "training";
    path.hours_attended = i == 9 ? 250 : 399;
    if (i < 9) {
      path.outcome = kinds[static_cast<std::size_t>(i)];
      path.company = companies[static_cast<std::size_t>(i)];
    } else {
      path.outcome = "other";
    }
    path.outcome_date = FormatIsoDate(AddDays(today, -30 + i));
    if (auto s = poec.UpdatePath(*advisor, *candidate, path); !s) return Fail(s.error());
  }
  return true;
}

}  // namespace maplace::cli
