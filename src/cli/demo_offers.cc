#include "cli/demo_offers.h"

#include "cli/demo_member.h"

namespace maplace::cli {
namespace {

offers::OfferInput DemoOffer(const char* rome, const char* title, int level, int months,
                             const char* rhythm, const char* description) {
  offers::OfferInput in;
  in.rome_code = rome;
  in.title = title;
  in.level = level;
  in.contract = offers::ContractKind::kApprenticeship;
  in.duration_months = months;
  in.positions = 1;
  in.rhythm = rhythm;
  in.description = description;
  in.commune_code = "97213";  // Le Lamentin
  return in;
}

}  // namespace

Result<int> CreateDemoOffers(Store& store, offers::OfferService& offers) {
  std::optional<people::Actor> employer;
  bool ready = false;
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto member = DemoMember(repos, people::OrganisationKind::kEmployer);
    if (!member) return Fail(member.error());
    if (!*member) return Ok();
    auto existing = repos.offers().ListByOrganisation((*member)->membership->organisation_id);
    if (!existing) return Fail(existing.error());
    if (!existing->empty()) return Ok();
    employer = **member;
    auto job = repos.jobs().FindJob("G1610");
    auto communes = repos.jobs().Communes();
    ready = job.has_value() && communes && !communes->empty();
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (!employer || !ready) return 0;
  // Jobs of the seed (data/seed/rome) as well as of the whole ROME.
  const offers::OfferInput demo[] = {
      DemoOffer("G1610", "Apprenti(e) pâtissier(ère) (offre de démonstration)", 3, 24,
                "2 jours au CFA / 3 jours en entreprise",
                "Offre fictive de démonstration. Tourments d'amour, gâteaux patate et "
                "entremets : vous préparerez la vitrine avec l'équipe de la pâtisserie, auprès "
                "d'un maître d'apprentissage patient. Horaires du matin."),
      DemoOffer("D1106", "Vendeur(euse) en boulangerie (offre de démonstration)", 4, 24,
                "2 semaines au CFA / 2 semaines en entreprise",
                "Offre fictive de démonstration. Accueil des clients, mise en valeur des pains "
                "et des viennoiseries, tenue de la caisse : vous préparerez un bac pro métiers "
                "du commerce et de la vente."),
      DemoOffer("H2913", "Apprenti(e) soudeur(euse) (offre de démonstration)", 3, 24,
                "1 semaine au CFA / 2 semaines en entreprise",
                "Offre fictive de démonstration. Garde-corps, portails et charpentes légères : "
                "vous apprendrez le soudage à l'arc et le MIG à l'atelier, avec un tuteur "
                "soudeur depuis vingt ans. Équipements de protection fournis."),
      DemoOffer("H2913", "Soudeur(euse) TIG en chaudronnerie (offre de démonstration)", 4, 12,
                "2 jours au CFA / 3 jours en entreprise",
                "Offre fictive de démonstration. Cuves et tuyauteries inox pour l'agroalimentaire "
                ": vous préparerez la mention complémentaire technicien en soudage en assemblant "
                "des pièces au TIG, d'après plans."),
  };

  int created = 0;
  for (const auto& input : demo) {
    auto id = offers.CreateDraft(*employer, input);
    if (!id) {
      if (id.error().code == ErrorCode::kInvalidArgument) continue;  // a job not imported
      return Fail(id.error());
    }
    if (auto published = offers.Publish(*employer, *id, true); !published)
      return Fail(published.error());
    ++created;
  }
  return created;
}

}  // namespace maplace::cli
