#include "app/bench_crm.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <random>
#include <vector>

#include "core/clock.h"
#include "domain/crm/branches.h"
#include "domain/crm/crm_service.h"
#include "storage/database.h"

namespace maplace::app {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kCommunes[] = {"97201", "97202", "97203", "97204", "97205", "97206", "97207",
                                     "97208", "97209", "97210", "97211", "97212", "97213", "97214",
                                     "97215", "97216", "97217", "97218", "97219", "97220", "97221",
                                     "97222", "97223", "97224", "97225", "97226", "97227", "97228",
                                     "97229", "97230", "97231", "97232", "97233", "97234"};
constexpr const char* kIdccs[] = {"1979", "1501", "1266", "3043", "1351", "1413", "1517",
                                  "2098", "3248", "1596", "7024", "1486", "0000"};
constexpr const char* kFirst[] = {"Hôtel",      "Restaurant", "Boulangerie",   "Sécurité",
                                  "Propreté",   "Garage",     "Pharmacie",     "Boutique",
                                  "Transports", "Clinique",   "Cabinet",       "Société",
                                  "Atelier",    "Comptoir",   "Établissements"};
constexpr const char* kSecond[] = {"des Alizés",   "du Morne",  "Caraïbes",  "Madinina",
                                   "de la Savane", "du Carbet", "Bellevue",  "Créole",
                                   "du Lamentin",  "Océane",    "Émeraude",  "Soleil",
                                   "du Diamant",   "Tropicale", "Anse Noire"};
constexpr const char* kSurnames[] = {
    "Joseph",  "Éloi",     "Césaire",  "Lucien",     "Théodose",     "Zébus",         "Rosemond",
    "Bélaise", "Lordinot", "Clémenté", "Saint-Aimé", "Marie-Sainte", "Jean-Baptiste", "Nérée"};
constexpr const char* kSearches[] = {"hot", "rest", "bou", "sec", "pro", "gar", "pha", "ali",
                                     "mor", "car",  "mad", "sav", "cre", "jos", "elo", "ces",
                                     "the", "ros",  "bel", "ner", "97",  "123"};

template <typename T, std::size_t N>
const T& Pick(std::mt19937& rng, const T (&items)[N]) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

// A Luhn-valid SIRET from a number.
std::string Siret(int n) {
  std::string digits = fmt::format("{:013d}", 100000000000LL + n);
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits + static_cast<char>('0' + (10 - sum % 10) % 10);
}

struct Timing {
  std::string name;
  std::vector<double> ms;
};

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

Status Fill(Store& store, const CrmBenchOptions& options, UnixSeconds now,
            std::vector<std::int64_t>& advisors, std::vector<std::int64_t>& organisations,
            std::ostream& out) {
  std::mt19937 rng(42);
  const auto started = Clock::now();
  auto status = store.Write([&](Repositories& r) -> Status {
    for (int i = 0; i < 12; ++i) {
      auto id = r.users().Create(people::User{
          0, fmt::format("conseil{}@bench.mq", i), fmt::format("Conseiller {}", kSurnames[i]),
          people::Role::kAdvisor, people::UserStatus::kActive, "x", false, now, now});
      if (!id) return Fail(id.error());
      advisors.push_back(*id);
    }
    std::vector<reference::Row> branches;
    for (const char* idcc : kIdccs)
      if (std::string(idcc) != "0000")
        branches.push_back({idcc, fmt::format("Branche {}", idcc),
                            std::string(idcc) == "3248" ? "opco2i" : "akto"});
    if (auto s = r.reference().Sync(crm::IdccBranchesTable(), branches); !s) return Fail(s.error());
    return Ok();
  });
  if (!status) return status;
  for (int start = 0; start < options.organisations; start += 1000) {
    status = store.Write([&](Repositories& r) -> Status {
      for (int n = start; n < std::min(options.organisations, start + 1000); ++n) {
        people::Organisation o;
        const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
        o.kind = roll < 85 ? people::OrganisationKind::kEmployer
                           : (roll < 95 ? people::OrganisationKind::kCfa
                                        : people::OrganisationKind::kPartner);
        o.name =
            fmt::format("{} {} {}", Pick(rng, kFirst), Pick(rng, kSecond), Pick(rng, kSurnames));
        o.siret = Siret(n);
        if (o.kind == people::OrganisationKind::kCfa) o.uai = fmt::format("97{:05d}A", n);
        o.commune_code = Pick(rng, kCommunes);
        o.idcc = Pick(rng, kIdccs);
        o.headcount = "10-49";
        o.created_at = o.status_changed_at = now;
        auto id = r.organisations().Create(o);
        if (!id) return Fail(id.error());
        organisations.push_back(*id);
        if (std::uniform_int_distribution<int>(0, 9)(rng) < 6)
          if (auto a = r.crm().Assign(*id, advisors[rng() % advisors.size()], now); !a) return a;
        for (int c = 0; c < 2; ++c) {
          const std::string surname = Pick(rng, kSurnames);
          auto contact = r.crm().AddContact(
              crm::Contact{0, *id, fmt::format("{} {}", c == 0 ? "Marie" : "Jean", surname),
                           "Gérant", fmt::format("contact{}.{}@bench.mq", n, c), "", "", now, now});
          if (!contact) return Fail(contact.error());
        }
      }
      return Ok();
    });
    if (!status) return status;
  }
  const Date today = MartiniqueDate(now);
  for (int start = 0; start < options.interactions; start += 5000) {
    status = store.Write([&](Repositories& r) -> Status {
      for (int n = start; n < std::min(options.interactions, start + 5000); ++n) {
        crm::Interaction i;
        i.organisation_id = organisations[rng() % organisations.size()];
        i.advisor_id = advisors[rng() % advisors.size()];
        i.kind = crm::kInteractionKinds[rng() % 4];
        i.occurred_on = AddDays(today, -std::uniform_int_distribution<int>(0, 730)(rng));
        i.summary = "Échange de banc d'essai : besoins en alternance, postes, aides.";
        if (std::uniform_int_distribution<int>(0, 9)(rng) < 4) {
          i.next_action = "Rappeler";
          i.next_action_due = AddDays(today, std::uniform_int_distribution<int>(-30, 60)(rng));
          i.next_action_done = rng() % 2 == 0;
        }
        i.created_at = i.updated_at = now;
        if (auto id = r.crm().AddInteraction(i); !id) return Fail(id.error());
      }
      return Ok();
    });
    if (!status) return status;
  }
  out << fmt::format("  filled {} organisations, {} contacts, {} interactions in {:.1f} s\n",
                     options.organisations, options.organisations * 2, options.interactions,
                     std::chrono::duration<double>(Clock::now() - started).count());
  return Ok();
}

int RunOn(const std::string& label, const std::string& url, const CrmBenchOptions& options,
          std::ostream& out) {
  out << fmt::format("{}\n", label);
  auto store = storage::OpenAndMigrate(StorageConfig{url, 4});
  if (!store) {
    out << "  cannot open the store: " << store.error().message << "\n";
    return 1;
  }
  SystemClock clock;
  const UnixSeconds now = clock.Now();
  std::vector<std::int64_t> advisors, organisations;
  if (auto filled = Fill(**store, options, now, advisors, organisations, out); !filled) {
    out << "  fill failed: " << filled.error().message << "\n";
    return 1;
  }
  crm::CrmService service(**store, clock);
  std::mt19937 rng(7);
  auto actor = [&] {
    return people::Actor{
        advisors[rng() % advisors.size()], people::Role::kAdvisor, "", "", false, {}, ""};
  };
  const Date today = MartiniqueDate(now);
  const int org_pages = std::max(1, options.organisations / 50);
  const int interaction_pages = std::max(1, options.interactions / 50);
  std::vector<std::pair<std::string, std::function<bool()>>> scenarios = {
      {"organisations, page 1", [&] { return service.Organisations(actor(), {}).has_value(); }},
      {"organisations, any page",
       [&] {
         crm::OrganisationFilter f;
         f.page = 1 + static_cast<int>(rng() % static_cast<unsigned>(org_pages));
         return service.Organisations(actor(), f).has_value();
       }},
      {"organisations, OPCO + commune",
       [&] {
         crm::OrganisationFilter f;
         f.opco = "akto";
         f.commune_code = Pick(rng, kCommunes);
         return service.Organisations(actor(), f).has_value();
       }},
      {"organisations, branch + kind",
       [&] {
         crm::OrganisationFilter f;
         f.idcc = Pick(rng, kIdccs);
         f.kind = people::OrganisationKind::kEmployer;
         return service.Organisations(actor(), f).has_value();
       }},
      {"organisations, portfolio",
       [&] {
         crm::OrganisationFilter f;
         f.advisor_id = advisors[rng() % advisors.size()];
         return service.Organisations(actor(), f).has_value();
       }},
      {"organisations, name words",
       [&] {
         crm::OrganisationFilter f;
         f.q = Pick(rng, kSearches);
         return service.Organisations(actor(), f).has_value();
       }},
      {"interactions, page 1", [&] { return service.Interactions(actor(), {}).has_value(); }},
      {"interactions, any page",
       [&] {
         crm::InteractionFilter f;
         f.page = 1 + static_cast<int>(rng() % static_cast<unsigned>(interaction_pages));
         return service.Interactions(actor(), f).has_value();
       }},
      {"interactions, advisor + kind + 3 months",
       [&] {
         crm::InteractionFilter f;
         f.advisor_id = advisors[rng() % advisors.size()];
         f.kind = crm::kInteractionKinds[rng() % 4];
         f.from = AddDays(today, -90);
         return service.Interactions(actor(), f).has_value();
       }},
      {"interactions, overdue actions",
       [&] {
         crm::InteractionFilter f;
         f.action = crm::ActionState::kOverdue;
         return service.Interactions(actor(), f).has_value();
       }},
      {"interactions, organisation name",
       [&] {
         crm::InteractionFilter f;
         f.q = Pick(rng, kSearches);
         return service.Interactions(actor(), f).has_value();
       }},
      {"organisation page (file + timeline)",
       [&] {
         return service.File(actor(), organisations[rng() % organisations.size()]).has_value();
       }},
      {"global search", [&] { return service.Search(actor(), Pick(rng, kSearches)).has_value(); }},
      {"« Ma semaine »", [&] { return service.MyWeek(actor()).has_value(); }},
  };
  out << fmt::format("  {:<40} {:>9} {:>9} {:>9}\n", "scenario", "p50 ms", "p99 ms", "max ms");
  int failures = 0;
  for (auto& [name, run] : scenarios) {
    std::vector<double> ms;
    for (int q = 0; q < options.queries; ++q) {
      const auto start = Clock::now();
      if (!run()) ++failures;
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    out << fmt::format("  {:<40} {:>9.2f} {:>9.2f} {:>9.2f}\n", name, Percentile(ms, 0.5),
                       Percentile(ms, 0.99), *std::max_element(ms.begin(), ms.end()));
  }
  if (failures) out << fmt::format("  {} queries failed\n", failures);
  return failures ? 1 : 0;
}

}  // namespace

int RunCrmBenchmark(const CrmBenchOptions& options, std::ostream& out) {
  const auto dir =
      std::filesystem::temp_directory_path() / fmt::format("maplace-bench-crm-{}", getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  out << fmt::format("CRM benchmark: {} organisations, {} interactions, {} queries per scenario\n",
                     options.organisations, options.interactions, options.queries);
  int status =
      RunOn("SQLite (throwaway file)", "sqlite://" + (dir / "bench.db").string(), options, out);
  std::filesystem::remove_all(dir);
  if (!options.postgres_url.empty())
    status |= RunOn("PostgreSQL", options.postgres_url, options, out);
  return status;
}

}  // namespace maplace::app
