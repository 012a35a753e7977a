#include "cli/demo_contracts.h"

#include <fmt/format.h>

#include "domain/contracts/contract_service.h"

namespace maplace::cli {
namespace {

constexpr char kAdvisorEmail[] = "conseiller@demo.icicestmaplace.fr";

constexpr const char* kFirstNames[] = {"Léa",   "Kévin",  "Maëlys", "Dylan", "Inès",   "Enzo",
                                       "Chloé", "Mathis", "Jade",   "Noah",  "Océane", "Lucas"};
constexpr const char* kLastNames[] = {"Démo-Alexis",  "Démo-Belrose", "Démo-Charlery",
                                      "Démo-Dorival", "Démo-Édouard", "Démo-Fanfant"};

struct Certification {
  const char* rncp;
  const char* title;
  int level;
};
constexpr Certification kCertifications[] = {
    {"RNCP37859", "CAP Cuisine (démo)", 3},
    {"RNCP35316", "BP Agent technique de prévention et de sécurité (démo)", 4},
    {"RNCP38563", "BTS Management commercial opérationnel (démo)", 5},
    {"RNCP36004", "Titre professionnel Agent de propreté et d'hygiène (démo)", 3},
};

constexpr const char* kBreakReasons[] = {"Trajets trop longs depuis le Nord Caraïbe (motif fictif)",
                                         "Désaccord sur les horaires (motif fictif)",
                                         "Difficultés financières de l'entreprise (motif fictif)"};

}  // namespace

Result<int> CreateDemoContracts(Store& store, const aids::Rules& rules, UnixSeconds now) {
  using namespace contracts;
  std::int64_t advisor = 0;
  std::vector<std::int64_t> employers, cfas;
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto user = repos.users().FindByEmail(kAdvisorEmail);
    if (!user) return Ok();
    ContractFilter any;
    any.page_size = 1;
    auto existing = repos.contracts().ListContracts(any);
    if (!existing) return Fail(existing.error());
    if (existing->total > 0) return Ok();
    auto organisations = repos.organisations().List();
    if (!organisations) return Fail(organisations.error());
    for (const auto& o : *organisations) {
      if (o.kind == people::OrganisationKind::kEmployer) employers.push_back(o.id);
      if (o.kind == people::OrganisationKind::kCfa) cfas.push_back(o.id);
    }
    advisor = user->id;
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (advisor == 0 || employers.empty() || cfas.empty()) return 0;

  const Date today = MartiniqueDate(now);
  const int this_year = static_cast<int>(today.year());
  int written = 0;
  auto write = store.Write([&](Repositories& repos) -> Status {
    for (int i = 0; i < 36; ++i) {
      Apprentice a;
      a.first_name = kFirstNames[i % 12];
      a.last_name = kLastNames[(i / 2) % 6];
      // One in six is 17 today (their contracts start this year); the others are 18 to 24.
      const int age_today = i % 6 == 0 ? 17 : 18 + i % 7;
      a.birth_date = AddDays(AddYears(today, -age_today), -(30 + 7 * i));
      a.advisor_id = i % 3 == 0 ? advisor : 0;
      a.created_at = a.updated_at = now;
      const std::string key = IdentityKey(a.last_name, a.first_name, a.birth_date);
      auto apprentice = repos.contracts().AddApprentice(a, key);
      if (!apprentice) return Fail(apprentice.error());
      a.id = *apprentice;

      const Certification& cert = kCertifications[i % 4];
      Contract c;
      c.apprentice_id = a.id;
      c.kind = i % 6 == 5 ? Kind::kProfessionalisation : Kind::kApprenticeship;
      c.employer_id = employers[static_cast<std::size_t>(i) % employers.size()];
      c.cfa_id = cfas[static_cast<std::size_t>(i) % cfas.size()];
      c.rncp_code = cert.rncp;
      c.certification_title = cert.title;
      c.level = cert.level;
      // Three school years: starts in September of this year, last year and the year before.
      const int start_year = this_year - i % 3;
      c.starts_on = Date{std::chrono::year{start_year}, std::chrono::September,
                         std::chrono::day{static_cast<unsigned>(1 + i % 20)}};
      c.concluded_on = AddDays(c.starts_on, -10);
      c.ends_on = AddDays(AddYears(c.starts_on, c.kind == Kind::kProfessionalisation ? 1 : 2), -1);
      c.training_starts_on =
          Date{std::chrono::year{start_year}, std::chrono::September, std::chrono::day{1}};
      c.tutor_name = fmt::format("Tuteur {} (fictif)", i % 7 + 1);
      c.tutor_experience_years = 2 + i % 10;
      c.opco = "akto";
      // Pay above the minimum of their age (professionalisation pays more); one in seven under.
      if (i % 7 == 3)
        c.pay_cents = {50000, 60000};
      else if (c.kind == Kind::kProfessionalisation)
        c.pay_cents = {140000};
      else
        c.pay_cents = {100000 + 1000 * (i % 5), 115000};
      if (i % 8 == 2 && c.starts_on < AddDays(today, -60)) {
        c.state = State::kBroken;
        c.broken_on = AddDays(c.starts_on, 45 + 11 * i);
        if (today < *c.broken_on) c.broken_on = AddDays(today, -3);
        c.break_initiative = kInitiatives[static_cast<std::size_t>(i) % 4];
        c.break_reason = kBreakReasons[i % 3];
        c.after_break = kAfterBreaks[static_cast<std::size_t>(i) % 4];
        c.after_break_note = "Suite fictive de démonstration.";
      } else if (c.ends_on < today) {
        c.state = State::kCompleted;
      }
      c.checks = RunChecks(rules, c, a);
      c.created_by = advisor;
      c.created_at = c.updated_at = now;
      if (auto id = repos.contracts().AddContract(c); !id) return Fail(id.error());
      ++written;

      // The follow-up of one in four running contracts.
      if (c.state != State::kRunning || i % 4 != 1) continue;
      const Difficulty kind = kDifficulties[static_cast<std::size_t>(i) % 5];
      DifficultyEntry d{0,
                        a.id,
                        kind,
                        AddDays(today, -(5 + i)),
                        "Difficulté fictive signalée par le CFA.",
                        std::nullopt,
                        advisor,
                        now};
      if (auto s = repos.contracts().AddDifficulty(d); !s) return Fail(s.error());
      RiskEntry r{0,  a.id, i % 8 == 1 ? "high" : "low", "Absences au CFA (fictif)", advisor,
                  "", now};
      if (auto s = repos.contracts().AddRisk(r); !s) return Fail(s.error());
      ActionEntry act{0,
                      a.id,
                      "Appeler le maître d'apprentissage (fictif)",
                      AddDays(today, i % 3 - 1),
                      std::nullopt,
                      advisor,
                      now};
      if (auto s = repos.contracts().AddAction(act); !s) return Fail(s.error());
      Note note;
      note.apprentice_id = a.id;
      note.body =
          "Note confidentielle fictive : situation familiale suivie par l'assistante sociale.";
      note.sensitive = true;
      note.created_by = advisor;
      note.created_at = now;
      if (auto s = repos.contracts().AddNote(note); !s) return Fail(s.error());
      if (a.advisor_id == 0) {
        a.advisor_id = advisor;
        a.risk = r.risk;
        if (auto s = repos.contracts().UpdateApprentice(a); !s) return Fail(s.error());
      }
    }
    return Ok();
  });
  if (!write) return Fail(write.error());
  return written;
}

}  // namespace maplace::cli
