#include "cli/demo_crm.h"

#include <fmt/format.h>

namespace maplace::cli {
namespace {

constexpr char kAdvisorEmail[] = "conseiller@demo.icicestmaplace.fr";

struct DemoOrganisation {
  people::OrganisationKind kind;
  const char* name;
  const char* commune;
  const char* idcc;
  const char* naf;
  const char* headcount;
  const char* contact;
  const char* job_title;
  const char* email;
};

// Names and people are invented; the e-mail domain is the demo's.
constexpr DemoOrganisation kOrganisations[] = {
    {people::OrganisationKind::kEmployer, "Hôtel Les Alizés (démo)", "97209", "1979", "5510Z",
     "10-49", "Murielle Saint-Aimé (fictive)", "Directrice", "alizes@demo.icicestmaplace.fr"},
    {people::OrganisationKind::kEmployer, "Sécurité Caraïbes Services (démo)", "97213", "1351",
     "8010Z", "50-249", "Didier Rosemond (fictif)", "Responsable d'exploitation",
     "securite@demo.icicestmaplace.fr"},
    {people::OrganisationKind::kEmployer, "Propreté du Nord (démo)", "97222", "3043", "8121Z",
     "10-49", "Line Bélaise (fictive)", "Gérante", "proprete@demo.icicestmaplace.fr"},
    {people::OrganisationKind::kPartner, "Mission locale (démo, partenaire fictif)", "97209", "",
     "", "", "Yannick Clémenté (fictif)", "Conseiller", "mission@demo.icicestmaplace.fr"},
    {people::OrganisationKind::kPartner, "Agence de mobilité outre-mer (démo, partenaire fictif)",
     "97209", "", "", "", "Sabine Lordinot (fictive)", "Chargée de mission",
     "mobilite@demo.icicestmaplace.fr"},
};

struct DemoInteraction {
  int organisation;  // index in kOrganisations
  const char* kind;
  int days_ago;
  const char* summary;
  const char* next_action;
  int due_in_days;  // from today; negative: overdue
  bool done;
};

constexpr DemoInteraction kInteractions[] = {
    {0, "visit", 12,
     "Visite de l'hôtel : deux postes de commis de cuisine en alternance pour la "
     "rentrée, la directrice souhaite un CFA proche.",
     "Envoyer la liste des CFA qui préparent le CAP cuisine", -2, false},
    {0, "call", 3,
     "Appel : la directrice confirme un poste de réceptionniste en contrat de "
     "professionnalisation.",
     "Aider à publier l'offre de réceptionniste", 3, false},
    {1, "visit", 20, "Visite : besoin d'agents de sécurité ; intérêt pour une POEC.",
     "Présenter le programme POEC sécurité", 5, false},
    {2, "email", 8, "Courriel : questions sur l'aide à l'embauche d'un apprenti.",
     "Envoyer la simulation de coût d'un apprenti", -1, true},
    {3, "event", 15,
     "Réunion d'information commune sur l'alternance avec les conseillers de "
     "la mission locale.",
     "Organiser un atelier pour les jeunes suivis", 12, false},
    {4, "call", 5, "Appel : point sur les aides à la mobilité des apprentis vers l'Hexagone.", "",
     0, false},
};

}  // namespace

Result<int> CreateDemoCrm(Store& store, crm::CrmService& crm, UnixSeconds now) {
  std::optional<people::Actor> advisor;
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto user = repos.users().FindByEmail(kAdvisorEmail);
    if (!user) return Ok();  // no demo accounts yet
    crm::InteractionFilter mine;
    mine.advisor_id = user->id;
    mine.page_size = 1;
    auto logged = repos.crm().ListInteractions(mine);
    if (!logged) return Fail(logged.error());
    if (logged->total > 0) return Ok();
    advisor = people::Actor{user->id, user->role, user->email, user->display_name, true, {}, ""};
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (!advisor) return 0;

  std::vector<std::int64_t> ids;
  for (const auto& d : kOrganisations) {
    people::Organisation o;
    o.kind = d.kind;
    o.name = d.name;
    o.is_demo = true;
    o.commune_code = d.commune;
    o.idcc = d.idcc;
    o.naf = d.naf;
    o.headcount = d.headcount;
    o.status = people::OrganisationStatus::kValidated;
    o.created_at = o.status_changed_at = now;
    std::int64_t id = 0;
    auto created = store.Write([&](Repositories& repos) -> Status {
      auto made = repos.organisations().Create(o);
      if (!made) return Fail(made.error());
      id = *made;
      return Ok();
    });
    if (!created) return Fail(created.error());
    if (auto c = crm.AddContact(*advisor, id, {d.contact, d.job_title, d.email, "", ""}); !c)
      return Fail(c.error());
    if (auto a = crm.Assign(*advisor, id, advisor->user_id); !a) return Fail(a.error());
    ids.push_back(id);
  }
  const Date today = MartiniqueDate(now);
  int logged = 0;
  for (const auto& d : kInteractions) {
    crm::InteractionInput input;
    input.kind = d.kind;
    input.occurred_on = FormatIsoDate(AddDays(today, -d.days_ago));
    input.summary = fmt::format("{} (échange fictif de démonstration)", d.summary);
    input.next_action = d.next_action;
    if (*d.next_action) input.next_action_due = FormatIsoDate(AddDays(today, d.due_in_days));
    auto id = crm.LogInteraction(*advisor, ids[static_cast<std::size_t>(d.organisation)], input);
    if (!id) return Fail(id.error());
    if (d.done)
      if (auto done = crm.SetActionDone(*advisor, *id, true); !done) return Fail(done.error());
    ++logged;
  }
  return logged;
}

}  // namespace maplace::cli
