#include "cli/demo_trainings.h"

#include "cli/demo_member.h"
#include "core/date.h"

namespace maplace::cli {
namespace {

// The first `month`/01 strictly after `today`.
std::string Next(Date today, unsigned month) {
  Date d{today.year(), std::chrono::month{month}, std::chrono::day{1}};
  if (Days(d) <= Days(today)) d = Date{today.year() + std::chrono::years{1}, d.month(), d.day()};
  return FormatIsoDate(d);
}

trainings::TrainingInput DemoTraining(const char* rncp, int level, const char* title,
                                      std::vector<std::string> rome, int months, int places,
                                      const char* rhythm, std::vector<std::string> dates) {
  trainings::TrainingInput in;
  in.rncp_code = rncp;
  in.level = level;
  in.title = title;
  in.rome_codes = std::move(rome);
  in.duration_months = months;
  in.places = places;
  in.rhythm = rhythm;
  in.start_dates = std::move(dates);
  in.commune_code = "97213";  // Le Lamentin
  in.contact_name = "Service formations (démo)";
  in.contact_email = "formations@demo.icicestmaplace.fr";
  return in;
}

}  // namespace

Result<int> CreateDemoTrainings(Store& store, trainings::TrainingService& trainings,
                                UnixSeconds now) {
  std::optional<people::Actor> cfa;
  bool ready = false;
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto member = DemoMember(repos, people::OrganisationKind::kCfa);
    if (!member) return Fail(member.error());
    if (!*member) return Ok();
    auto existing = repos.trainings().ListByOrganisation((*member)->membership->organisation_id);
    if (!existing) return Fail(existing.error());
    if (!existing->empty()) return Ok();
    cfa = **member;
    auto job = repos.jobs().FindJob("G1602");
    auto communes = repos.jobs().Communes();
    ready = job.has_value() && communes && !communes->empty();
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (!cfa || !ready) return 0;
  const Date today = MartiniqueDate(now);
  const std::string september = Next(today, 9), january = Next(today, 1);
  // Jobs of the seed (data/seed/rome) as well as of the whole ROME.
  const trainings::TrainingInput demo[] = {
      DemoTraining("RNCP37553", 3, "CAP Cuisine (formation de démonstration)", {"G1602"}, 24, 12,
                   "2 semaines au CFA / 2 semaines en entreprise", {september, january}),
      DemoTraining("RNCP38765", 3, "CAP Pâtissier (formation de démonstration)", {"G1610"}, 24, 10,
                   "1 semaine au CFA / 2 semaines en entreprise", {september}),
      DemoTraining("RNCP37405", 5,
                   "BTS Conception et réalisation en chaudronnerie (formation de démonstration)",
                   {"H2913"}, 24, 8, "2 jours au CFA / 3 jours en entreprise", {september}),
      // Certif Info: CAP RICS option B soudage (RNCP38568), MC technicien en soudage (RNCP38311).
      DemoTraining("RNCP38568", 3,
                   "CAP Réalisations industrielles en chaudronnerie ou soudage, option soudage "
                   "(formation de démonstration)",
                   {"H2913"}, 24, 12, "1 semaine au CFA / 2 semaines en entreprise", {september}),
      DemoTraining("RNCP38311", 4, "MC Technicien en soudage (formation de démonstration)",
                   {"H2913"}, 12, 8, "2 jours au CFA / 3 jours en entreprise", {september}),
      DemoTraining("RNCP38399", 4, "Bac pro Commerce et vente (formation de démonstration)",
                   {"D1106"}, 36, 15, "2 semaines au CFA / 2 semaines en entreprise", {september}),
  };
  int created = 0;
  for (const auto& input : demo) {
    auto id = trainings.Create(*cfa, input);
    if (!id) {
      // A job or a certification the imported reference does not have: left out.
      if (id.error().code == ErrorCode::kInvalidArgument) continue;
      return Fail(id.error());
    }
    if (auto published = trainings.Publish(*cfa, *id); !published) return Fail(published.error());
    ++created;
  }
  return created;
}

}  // namespace maplace::cli
