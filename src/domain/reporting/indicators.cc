#include "domain/reporting/indicators.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <regex>
#include <set>

#include "core/date.h"
#include "domain/aid_requests/aid_request_repository.h"
#include "domain/budgets/budget_repository.h"
#include "domain/contracts/figures.h"
#include "domain/crm/branches.h"
#include "domain/offers/offer.h"
#include "domain/people/role.h"
#include "domain/poec/poec_service.h"
#include "domain/reporting/accompanied.h"
#include "domain/workshops/workshop_service.h"

namespace maplace::reporting {
namespace {

using Names = std::vector<std::string_view>;

// 1 January 00:00 in Martinique.
UnixSeconds YearStart(int year) {
  return MartiniqueMidnight(
      Date{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}});
}

// Which filters each family of figures honours (see Filters).
const Names kYearOnly = {"year"};
const Names kOrganisationSide = {"year", "area", "branch", "opco"};
const Names kContractSide = {"year", "area", "branch", "opco", "level"};
const Names kEveryFilter = {"year", "area", "branch", "opco", "level", "rome"};

std::string_view FilterLabel(std::string_view name) {
  if (name == "year") return "année";
  if (name == "area") return "bassin d'emploi";
  if (name == "branch") return "branche (IDCC)";
  if (name == "opco") return "OPCO";
  if (name == "level") return "niveau de certification";
  return "métier (ROME)";
}

// "Filtres : année, bassin d'emploi." appended to a definition.
std::string FiltersSentence(const Names& honoured) {
  std::string out = honoured.size() == 1 ? " Filtre : " : " Filtres : ";
  for (std::size_t k = 0; k < honoured.size(); ++k)
    out += fmt::format("{}{}", k == 0 ? "" : ", ", FilterLabel(honoured[k]));
  return out + ".";
}

Indicator Make(std::string id, std::string label, std::string definition, Unit unit, int year,
               const Names& honoured, const std::vector<std::string>& set) {
  Indicator out;
  out.id = std::move(id);
  out.label = std::move(label);
  out.definition = std::move(definition) + FiltersSentence(honoured);
  out.unit = unit;
  out.year = year;
  for (const auto& name : set) {
    const bool honours = std::find(honoured.begin(), honoured.end(), name) != honoured.end();
    (honours ? out.filters_applied : out.filters_not_applicable).push_back(name);
  }
  return out;
}

// Adds `amount` to line `key` of `indicator`, for the year (`current`) or the one before.
void AddPart(Indicator& indicator, bool current, const std::string& key, const std::string& label,
             std::int64_t amount) {
  auto it = std::find_if(indicator.breakdown.begin(), indicator.breakdown.end(),
                         [&](const Breakdown& b) { return b.key == key; });
  if (it == indicator.breakdown.end()) {
    indicator.breakdown.push_back({key, label, 0, 0});
    it = indicator.breakdown.end() - 1;
  }
  (current ? it->value : it->previous) += amount;
}

// The same, and to the indicator's value.
void Add(Indicator& indicator, bool current, const std::string& key, const std::string& label,
         std::int64_t amount) {
  (current ? indicator.value : indicator.previous) += amount;
  AddPart(indicator, current, key, label, amount);
}

void SortBreakdown(Indicator& indicator) {
  std::sort(indicator.breakdown.begin(), indicator.breakdown.end(),
            [](const Breakdown& a, const Breakdown& b) { return a.key < b.key; });
}

Scope ScopeOf(const Filters& f) { return Scope{f.area, f.branch, f.opco, f.level, f.rome}; }

// Aid requests and organisations carry no offer: their figures are computed without level and
// ROME (and say so).
Scope OrganisationScope(const Filters& f) { return Scope{f.area, f.branch, f.opco, 0, ""}; }

Status Check(Repositories& repos, const Filters& f) {
  std::map<std::string, std::string> errors;
  if (f.year < 2020 || f.year > 2100) errors["year"] = "Choisissez une année entre 2020 et 2100.";
  if (!f.area.empty()) {
    auto areas = repos.jobs().Areas();
    if (!areas) return Fail(areas.error());
    if (std::none_of(areas->begin(), areas->end(), [&](const auto& a) { return a.code == f.area; }))
      errors["area"] = "Ce bassin d'emploi n'existe pas.";
  }
  static const std::regex kIdcc("[0-9]{4}"), kRome("[A-N][0-9]{4}");
  if (!f.branch.empty() && !std::regex_match(f.branch, kIdcc))
    errors["branch"] = "Une branche se désigne par son IDCC : quatre chiffres (1979).";
  if (!f.opco.empty() && !crm::IsOpcoCode(f.opco)) errors["opco"] = "Cet OPCO n'est pas connu.";
  if (f.level != 0 && (f.level < 3 || f.level > 7))
    errors["level"] = "Choisissez un niveau de certification de 3 à 7.";
  if (!f.rome.empty() && !std::regex_match(f.rome, kRome))
    errors["rome"] = "Un code ROME est une lettre et quatre chiffres (M1607).";
  if (!errors.empty()) return FailFields("invalid indicator filters", std::move(errors));
  return Ok();
}

// The reads of one year, under the filters.
struct YearData {
  Funnel funnel;
  std::vector<std::int64_t> delays;
  std::vector<HireCell> hires;
  std::vector<std::int64_t> applicants;
  std::vector<RequestCell> requests;
  std::vector<RequestPerson> people;
  std::vector<ApprenticeAt> named_apprentices;
  std::vector<ApprenticeRef> followed;
  std::vector<RequestCell> committed_by_kind;
  std::vector<budgets::Envelope> envelopes;
  std::vector<workshops::SessionFigures> sessions;
  poec::OutcomeFigures poec;
  contracts::YearFigures contracts;
  std::vector<KeyCount> granted, paid, published, filled, organisations;
};

// Moves a read's value into `into`, or gives its error.
template <typename T>
Status Into(Result<T> read, T& into) {
  if (!read) return Fail(read.error());
  into = std::move(*read);
  return Ok();
}

Status ReadYear(Repositories& repos, const Filters& f, int year, YearData& d) {
  const Scope scope = ScopeOf(f), organisation_side = OrganisationScope(f);
  const UnixSeconds from = YearStart(year), to = YearStart(year + 1);
  auto& r = repos.reporting();
  // The register's contracts under every filter but the ROME (a contract has none).
  const auto in_scope = [&f](const contracts::FigureRow& c) {
    return (f.area.empty() || c.area_code == f.area) && (f.branch.empty() || c.idcc == f.branch) &&
           (f.opco.empty() || c.opco == f.opco) && (f.level == 0 || c.level == f.level);
  };
  for (Status s : {
           Into(r.ApplicationFunnel(scope, from, to), d.funnel),
           Into(r.FirstReplyDelays(scope, from, to), d.delays),
           Into(r.Hires(scope, from, to), d.hires),
           Into(r.Applicants(scope, from, to), d.applicants),
           Into(r.AidRequests(organisation_side, from, to), d.requests),
           Into(r.FollowedApprentices(scope, from, to), d.followed),
           Into(r.GrantedByAid(organisation_side, from, to), d.granted),
           Into(r.PaidByAid(organisation_side, from, to), d.paid),
           Into(r.NewOrganisations(organisation_side, from, to), d.organisations),
           Into(r.OffersPublished(scope, from, to), d.published),
           Into(r.OffersFilled(scope, from, to), d.filled),
           Into(r.CommittedByContractKind(year), d.committed_by_kind),
           Into(repos.budgets().List(year), d.envelopes),
           // A contract is completed once its end is past: today in Martinique.
           Into(contracts::FiguresOfYear(repos, year, MartiniqueDate(std::time(nullptr)), in_scope),
                d.contracts),
       })
    if (!s) return s;
  // Aid requests carry no level or ROME: no one is counted through them under such a filter.
  if (scope.BindsOffersOnly()) return Ok();
  if (auto s = Into(r.AidRequestPeople(organisation_side, from, to), d.people); !s) return s;
  return Into(r.ApprenticesAtRequesters(organisation_side, from, to), d.named_apprentices);
}

std::int64_t MedianDays(std::vector<std::int64_t> seconds) {
  if (seconds.empty()) return 0;
  std::sort(seconds.begin(), seconds.end());
  const std::size_t n = seconds.size();
  const std::int64_t median =
      n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
  return (median + 43'200) / 86'400;  // to the nearest day
}

// The ROME jobs in tension in `area` ("" for the whole territory) for `year`: the jobs of the
// BMO families where at least half of the hiring projects are difficult, in the survey of the
// year or else the latest before it. Empty when there is no such survey.
class TensionJobs {
 public:
  explicit TensionJobs(jobs::JobsService& jobs) : jobs_(jobs) {}
  static constexpr double kDifficultShare = 0.5;

  Result<bool> InTension(int year, const std::string& area, const std::string& rome) {
    auto key = std::make_pair(year, area);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      auto set = Load(year, area);
      if (!set) return Fail(set.error());
      it = cache_.emplace(key, std::move(*set)).first;
    }
    return it->second.contains(rome);
  }

 private:
  Result<std::set<std::string>> Load(int year, const std::string& area) {
    jobs::RankingQuery query;
    if (!area.empty()) query.area = area;
    auto latest = jobs_.Ranking(query);
    if (!latest) return Fail(latest.error());
    int survey = 0;
    for (int y : latest->years)
      if (y <= year) survey = y;
    std::set<std::string> out;
    if (survey == 0) return out;
    query.year = survey;
    auto ranking = jobs_.Ranking(query);
    if (!ranking) return Fail(ranking.error());
    for (const auto& family : ranking->families)
      if (family.share_difficult && *family.share_difficult >= kDifficultShare)
        out.insert(family.jobs.begin(), family.jobs.end());
    return out;
  }

  jobs::JobsService& jobs_;
  std::map<std::pair<int, std::string>, std::set<std::string>> cache_;
};

Result<std::vector<Indicator>> Indicators(Store& store, const Filters& f, jobs::JobsService* jobs) {
  const int year = f.year;
  const auto set = FiltersSet(f);
  YearData now, before;
  auto read = store.Read([&](Repositories& repos) -> Status {
    if (auto s = Check(repos, f); !s) return s;
    if (auto s = ReadYear(repos, f, year, now); !s) return s;
    return ReadYear(repos, f, year - 1, before);
  });
  if (!read) return Fail(read.error());
  for (auto [y, d] : {std::pair{year, &now}, std::pair{year - 1, &before}}) {
    auto sessions = workshops::SessionsInYear(store, y);
    if (!sessions) return Fail(sessions.error());
    d->sessions = std::move(*sessions);
    auto poec = poec::PoecOutcomesInYear(store, y, f.rome);
    if (!poec) return Fail(poec.error());
    d->poec = std::move(*poec);
  }
  const auto both = [&](auto&& each) {
    each(now, true);
    each(before, false);
  };

  std::vector<Indicator> out;
  // Budgets.
  const std::string kBudgetScope =
      " Enveloppes de l'année budgétaire, toutes sources de financement (fonds propres, "
      "délégation, conventions, État), par aide.";
  for (const auto& [id, label, what] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"budget.allocated", "Budget des aides alloué", "Somme des montants alloués."},
           {"budget.committed", "Budget des aides engagé",
            "Somme des montants engagés sur des demandes accordées (payés ou non)."},
           {"budget.paid", "Budget des aides payé", "Somme des montants payés."}}) {
    Indicator i = Make(id, label, what + kBudgetScope, Unit::kCents, year, kYearOnly, set);
    both([&](const YearData& d, bool current) {
      for (const auto& e : d.envelopes) {
        const std::int64_t amount = id == "budget.allocated"   ? e.allocated_cents
                                    : id == "budget.committed" ? e.committed_cents
                                                               : e.paid_cents;
        Add(i, current, e.aid_id, e.aid_id, amount);
      }
    });
    SortBreakdown(i);
    out.push_back(std::move(i));
  }
  {
    Indicator i = Make("budget.alternance", "Budget engagé pour des contrats en alternance",
                       "Montants engagés sur les enveloppes de l'année pour des demandes dont la "
                       "situation simulée porte sur un contrat d'apprentissage ou de "
                       "professionnalisation, par type de contrat ; rapporté au budget engagé, "
                       "c'est la part qui va à l'alternance.",
                       Unit::kCents, year, kYearOnly, set);
    both([&](const YearData& d, bool current) {
      for (const auto& c : d.committed_by_kind)
        Add(i, current, c.state,
            c.state == "apprentissage" ? "Apprentissage" : "Professionnalisation", c.amount_cents);
    });
    out.push_back(std::move(i));
  }

  // Young people accompanied: one identity across applications, aid requests and follow-ups.
  {
    Indicator i = Make(
        "young_people.accompanied", "Jeunes accompagnés",
        "Personnes distinctes ayant dans l'année une candidature envoyée, une demande d'aide "
        "envoyée ou une entrée dans leur suivi d'apprenti (difficulté, risque de rupture, "
        "action, note, demande d'aide rattachée), chacune comptée une fois : par son compte de "
        "jeune (celui de l'apprenti quand son courriel y est relié), sinon par sa fiche "
        "d'apprenti, à laquelle se rattache une demande faite par son employeur ou son CFA à "
        "ses nom et prénom ; détail par source (une personne peut être dans plusieurs). Le "
        "suivi se filtre par les contrats de l'apprenti (bassin, branche et OPCO de "
        "l'employeur, niveau du contrat) ; avec un filtre de niveau, les demandes d'aide ne "
        "comptent pas (elles ne portent pas d'offre) ; avec un filtre de métier, seules les "
        "candidatures comptent.",
        Unit::kCount, year, kEveryFilter, set);
    both([&](const YearData& d, bool current) {
      const Accompanied counted =
          CountAccompanied({d.applicants, d.people, d.named_apprentices, d.followed});
      (current ? i.value : i.previous) = counted.people;
      AddPart(i, current, "applications", "Par une candidature", counted.applied);
      AddPart(i, current, "aid_requests", "Par une demande d'aide", counted.asked_aid);
      AddPart(i, current, "follow_ups", "Par un suivi d'apprenti", counted.followed);
    });
    out.push_back(std::move(i));
  }

  // Contracts of the register.
  {
    const std::string kScope =
        " Contrats d'apprentissage et de professionnalisation du registre des contrats, années "
        "de la Martinique ; bassin, branche et OPCO sont ceux de l'employeur, le niveau celui "
        "de la certification préparée.";
    for (const auto& [id, label, what, count] : std::vector<
             std::tuple<std::string, std::string, std::string, std::int64_t contracts::Counts::*>>{
             {"contracts.started", "Contrats commencés",
              "Contrats dont la date de début tombe dans l'année, par type de contrat.",
              &contracts::Counts::started},
             {"contracts.broken", "Contrats rompus",
              "Contrats rompus dont la date de rupture tombe dans l'année, par type de contrat.",
              &contracts::Counts::broken},
             {"contracts.completed", "Contrats menés à terme",
              "Contrats non rompus dont la date de fin tombe dans l'année et est passée, par "
              "type de contrat.",
              &contracts::Counts::completed}}) {
      Indicator i = Make(id, label, what + kScope, Unit::kCount, year, kContractSide, set);
      both([&](const YearData& d, bool current) {
        (current ? i.value : i.previous) = d.contracts.overall.*count;
        for (const auto& line : d.contracts.by_kind)
          AddPart(i, current, line.key, line.label, line.counts.*count);
      });
      SortBreakdown(i);
      out.push_back(std::move(i));
    }
  }

  // Applications: the funnel and the recruiters' response times.
  {
    Indicator i = Make("applications.funnel", "Parcours des candidatures",
                       "Candidatures envoyées dans l'année (heure de la Martinique), puis celles "
                       "qui ont reçu une réponse du recruteur, un entretien proposé, une "
                       "embauche, quelle que soit la date de la réponse.",
                       Unit::kCount, year, kEveryFilter, set);
    i.records = "applications";
    both([&](const YearData& d, bool current) {
      (current ? i.value : i.previous) = d.funnel.sent;
      for (const auto& [key, label, value] :
           std::vector<std::tuple<std::string, std::string, std::int64_t>>{
               {"sent", "Envoyées", d.funnel.sent},
               {"replied", "Avec une réponse", d.funnel.replied},
               {"interview", "Entretien proposé", d.funnel.interview},
               {"hired", "Embauche", d.funnel.hired}}) {
        AddPart(i, current, key, label, value);
      }
    });
    out.push_back(std::move(i));
  }
  {
    Indicator i =
        Make("applications.response_days", "Délai de première réponse",
             "Médiane, en jours arrondis, du délai entre l'envoi d'une candidature de l'année et "
             "la première réponse du recruteur (entretien, refus ou embauche) ; les candidatures "
             "sans réponse n'y entrent pas.",
             Unit::kDays, year, kEveryFilter, set);
    i.value = MedianDays(now.delays);
    i.previous = MedianDays(before.delays);
    out.push_back(std::move(i));
  }
  if (jobs != nullptr) {
    Indicator i = Make(
        "hires.tension", "Embauches dans des métiers en tension",
        "Candidatures passées à « embauché » dans l'année dont le métier (ROME) de l'offre "
        "appartient à une famille de l'enquête BMO où au moins la moitié des projets de "
        "recrutement sont jugés difficiles, dans le bassin d'emploi de l'offre (toute la "
        "Martinique si sa commune n'en a pas), selon l'enquête de l'année ou la dernière avant "
        "elle ; détail : en tension ou non.",
        Unit::kCount, year, kEveryFilter, set);
    TensionJobs tension(*jobs);
    for (auto [d, current, y] :
         {std::tuple{&now, true, year}, std::tuple{&before, false, year - 1}}) {
      for (const auto& cell : d->hires) {
        auto in = tension.InTension(y, cell.area_code, cell.rome_code);
        if (!in) return Fail(in.error());
        if (*in) (current ? i.value : i.previous) += cell.hires;
        AddPart(i, current, *in ? "tension" : "other",
                *in ? "Métiers en tension" : "Autres métiers", cell.hires);
      }
    }
    SortBreakdown(i);
    std::reverse(i.breakdown.begin(), i.breakdown.end());  // "tension" first
    out.push_back(std::move(i));
  }
  {
    Indicator by_job = Make("hires.by_job", "Embauches par métier",
                            "Candidatures passées à « embauché » dans l'année, par métier (ROME) "
                            "de l'offre.",
                            Unit::kCount, year, kEveryFilter, set);
    Indicator employers =
        Make("hires.employers", "Employeurs qui ont embauché",
             "Employeurs distincts ayant embauché par une candidature dans l'année ; détail : "
             "par métier (ROME) de l'offre, un employeur comptant dans chaque métier où il a "
             "embauché.",
             Unit::kCount, year, kEveryFilter, set);
    both([&](const YearData& d, bool current) {
      std::set<std::int64_t> all;
      std::map<std::string, std::set<std::int64_t>> by_rome;
      for (const auto& cell : d.hires) {
        const std::string label = cell.rome_label.empty()
                                      ? cell.rome_code
                                      : fmt::format("{} ({})", cell.rome_label, cell.rome_code);
        Add(by_job, current, cell.rome_code, label, cell.hires);
        all.insert(cell.organisation_id);
        if (by_rome[cell.rome_code].insert(cell.organisation_id).second)
          AddPart(employers, current, cell.rome_code, label, 1);
      }
      (current ? employers.value : employers.previous) = static_cast<std::int64_t>(all.size());
    });
    SortBreakdown(by_job);
    SortBreakdown(employers);
    out.push_back(std::move(by_job));
    out.push_back(std::move(employers));
  }

  // POEC and workshops.
  {
    const Names kPoecSide = {"year", "rome"};
    Indicator i = Make("poec.outcomes", "Sorties de POEC",
                       "Candidats de POEC dont la sortie est datée de l'année (tous programmes, "
                       "ou ceux du métier choisi), par type de sortie ; les embauches sont les "
                       "CDI, CDD d'au moins 12 mois et contrats en alternance.",
                       Unit::kCount, year, kPoecSide, set);
    Indicator hires = Make("poec.hires", "Embauches après une POEC",
                           "Candidats de POEC embauchés (CDI, CDD d'au moins 12 mois, contrat en "
                           "alternance) à une sortie datée de l'année, et les entreprises "
                           "distinctes qui les ont embauchés (« 9 soudeurs embauchés dans 8 "
                           "entreprises » : filtre métier H2913).",
                           Unit::kCount, year, kPoecSide, set);
    both([&](const YearData& d, bool current) {
      (current ? i.value : i.previous) = d.poec.with_outcome;
      for (const auto& o : d.poec.by_outcome) AddPart(i, current, o.code, o.label, o.count);
      Add(hires, current, "hired", "Candidats embauchés", d.poec.hired);
      AddPart(hires, current, "companies", "Entreprises qui ont embauché", d.poec.companies);
    });
    out.push_back(std::move(i));
    out.push_back(std::move(hires));
  }
  {
    Indicator sessions = Make("workshops.sessions", "Sessions d'ateliers",
                              "Sessions d'ateliers Aktiv Alternance commençant dans l'année "
                              "(heure de la Martinique), par thème.",
                              Unit::kCount, year, kYearOnly, set);
    Indicator attendance =
        Make("workshops.attendance", "Participation aux ateliers",
             "Personnes présentes sur la feuille d'émargement des sessions de l'année ; détail : "
             "inscrits ayant une place, présents, liste d'attente.",
             Unit::kCount, year, kYearOnly, set);
    Indicator satisfaction =
        Make("workshops.satisfaction", "Satisfaction des ateliers",
             "Moyenne des notes (1 à 5) des questionnaires de satisfaction des sessions de "
             "l'année, chaque réponse comptant autant, en centièmes (425 = 4,25 sur 5).",
             Unit::kHundredths, year, kYearOnly, set);
    both([&](const YearData& d, bool current) {
      double rated = 0;
      std::int64_t answers = 0;
      for (const auto& s : d.sessions) {
        Add(sessions, current, s.theme, s.theme, 1);
        AddPart(attendance, current, "registered", "Inscrits", s.stats.registered);
        Add(attendance, current, "attended", "Présents", s.stats.attended);
        AddPart(attendance, current, "waiting", "En liste d'attente", s.stats.waiting);
        rated += s.stats.average * s.stats.ratings;
        answers += s.stats.ratings;
      }
      (current ? satisfaction.value : satisfaction.previous) =
          answers == 0
              ? 0
              : static_cast<std::int64_t>(rated * 100.0 / static_cast<double>(answers) + 0.5);
    });
    SortBreakdown(sessions);
    out.push_back(std::move(sessions));
    out.push_back(std::move(attendance));
    out.push_back(std::move(satisfaction));
  }

  // Aid requests.
  const std::string kRequestScope =
      " Demandes créées dans l'année (heure de la Martinique) et envoyées par le demandeur (les "
      "brouillons ne comptent pas) ; bassin, branche et OPCO sont ceux de l'organisation qui "
      "demande (une demande faite par un jeune n'en a pas).";
  {
    Indicator by_state = Make("aids.requests", "Demandes d'aide",
                              "Nombre de demandes, par état actuel." + kRequestScope, Unit::kCount,
                              year, kOrganisationSide, set);
    Indicator by_aid = Make("aids.requests_by_aid", "Demandes d'aide par aide",
                            "Nombre de demandes, par aide." + kRequestScope, Unit::kCount, year,
                            kOrganisationSide, set);
    Indicator amounts =
        Make("aids.amounts", "Montants des demandes d'aide",
             "Montants demandés (accordés une fois engagés), par état actuel." + kRequestScope,
             Unit::kCents, year, kOrganisationSide, set);
    by_state.records = by_aid.records = amounts.records = "aid_requests";
    both([&](const YearData& d, bool current) {
      for (const auto& c : d.requests) {
        const auto state = aid_requests::ParseState(c.state);
        const std::string label =
            state ? std::string(aid_requests::StateLabel(*state)) : std::string(c.state);
        Add(by_state, current, c.state, label, c.requests);
        Add(by_aid, current, c.aid_id, c.aid_id, c.requests);
        Add(amounts, current, c.state, label, c.amount_cents);
      }
    });
    for (Indicator* i : {&by_state, &by_aid, &amounts}) {
      SortBreakdown(*i);
      out.push_back(std::move(*i));
    }
  }
  {
    Indicator granted = Make("aids.granted", "Aides accordées",
                             "Montant des demandes créées dans l'année et engagées sur une "
                             "enveloppe (engagées, payées, ou closes après paiement), par aide." +
                                 kRequestScope,
                             Unit::kCents, year, kOrganisationSide, set);
    Indicator paid = Make("aids.paid", "Aides versées",
                          "Somme des versements exécutés dans l'année (date du lot de paiement, "
                          "heure de la Martinique), par aide ; bassin, branche et OPCO sont ceux "
                          "de l'organisation qui a demandé l'aide.",
                          Unit::kCents, year, kOrganisationSide, set);
    both([&](const YearData& d, bool current) {
      for (const auto& c : d.granted) Add(granted, current, c.key, c.key, c.amount_cents);
      for (const auto& c : d.paid) Add(paid, current, c.key, c.key, c.amount_cents);
    });
    SortBreakdown(granted);
    SortBreakdown(paid);
    out.push_back(std::move(granted));
    out.push_back(std::move(paid));
  }

  // Offers and organisations.
  {
    Indicator published =
        Make("offers.published", "Offres d'alternance publiées",
             "Offres publiées pour la première fois dans l'année, par type de contrat ; le "
             "bassin est celui du lieu de travail.",
             Unit::kCount, year, kEveryFilter, set);
    Indicator filled =
        Make("offers.filled", "Offres pourvues",
             "Offres marquées pourvues dont la dernière modification date de l'année, par canal "
             "de recrutement déclaré par l'employeur ; le bassin est celui du lieu de travail.",
             Unit::kCount, year, kEveryFilter, set);
    Indicator organisations = Make("organisations.new", "Nouvelles organisations",
                                   "Employeurs et CFA inscrits dans l'année (comptes de "
                                   "démonstration et partenaires saisis par les conseillers "
                                   "exclus) ; le bassin est celui de leur commune.",
                                   Unit::kCount, year, kOrganisationSide, set);
    both([&](const YearData& d, bool current) {
      for (const auto& c : d.published) {
        const auto kind = offers::ParseContractKind(c.key);
        Add(published, current, c.key, kind ? std::string(offers::ContractKindLabel(*kind)) : c.key,
            c.count);
      }
      for (const auto& c : d.filled) {
        // An offer filled without a declared channel counts, in no line.
        (current ? filled.value : filled.previous) += c.count;
        if (!c.key.empty())
          AddPart(filled, current, c.key, std::string(offers::FillChannelLabel(c.key)), c.count);
      }
      for (const auto& c : d.organisations)
        Add(organisations, current, c.key, c.key == "cfa" ? "CFA" : "Employeurs", c.count);
    });
    for (Indicator* i : {&published, &filled, &organisations}) {
      SortBreakdown(*i);
      out.push_back(std::move(*i));
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> FiltersSet(const Filters& filters) {
  std::vector<std::string> out{"year"};
  if (!filters.area.empty()) out.push_back("area");
  if (!filters.branch.empty()) out.push_back("branch");
  if (!filters.opco.empty()) out.push_back("opco");
  if (filters.level != 0) out.push_back("level");
  if (!filters.rome.empty()) out.push_back("rome");
  return out;
}

Result<std::vector<Indicator>> Compute(Store& store, const people::Actor& actor,
                                       const Filters& filters, jobs::JobsService* jobs) {
  if (!people::IsStaff(actor.role))
    return Fail(ErrorCode::kPermissionDenied, "indicators are for the delegation's staff");
  return Indicators(store, filters, jobs);
}

bool MaySeeRecords(people::Role role, std::string_view records) {
  using people::Role;
  if (records == "applications") return role == Role::kAdvisor || role == Role::kManager;
  if (records == "aid_requests")
    return role == Role::kAdvisor || role == Role::kManager || role == Role::kFinance;
  return false;
}

Result<std::vector<RecordLine>> DrillDown(Store& store, const people::Actor& actor,
                                          const std::string& indicator, const std::string& part,
                                          const Filters& filters) {
  if (!people::IsStaff(actor.role))
    return Fail(ErrorCode::kPermissionDenied, "indicators are for the delegation's staff");
  const bool applications = indicator == "applications.funnel";
  const bool requests = indicator == "aids.requests" || indicator == "aids.requests_by_aid" ||
                        indicator == "aids.amounts";
  if (!applications && !requests)
    return Fail(ErrorCode::kNotFound, "no records behind this indicator");
  if (!MaySeeRecords(actor.role, applications ? "applications" : "aid_requests"))
    return Fail(ErrorCode::kPermissionDenied, "these records are not for this role");
  const UnixSeconds from = YearStart(filters.year), to = YearStart(filters.year + 1);
  return ReadValue(store, [&](Repositories& repos) -> Result<std::vector<RecordLine>> {
    if (auto s = Check(repos, filters); !s) return Fail(s.error());
    if (applications) {
      static const std::map<std::string, FunnelStep> kSteps = {
          {"sent", FunnelStep::kSent},
          {"replied", FunnelStep::kReplied},
          {"interview", FunnelStep::kInterview},
          {"hired", FunnelStep::kHired}};
      auto step = kSteps.find(part.empty() ? "sent" : part);
      if (step == kSteps.end())
        return FailFields("unknown step", {{"part", "Cette étape n'existe pas."}});
      return repos.reporting().ApplicationLines(ScopeOf(filters), from, to, step->second,
                                                kDrillDownLimit);
    }
    std::string aid, state;
    if (indicator == "aids.requests_by_aid") {
      aid = part;
    } else if (!part.empty()) {
      if (!aid_requests::ParseState(part))
        return FailFields("unknown state", {{"part", "Cet état n'existe pas."}});
      state = part;
    }
    return repos.reporting().AidRequestLines(OrganisationScope(filters), from, to, aid, state,
                                             kDrillDownLimit);
  });
}

Result<std::vector<PublicFigure>> PublicFigures(Store& store, int year) {
  Filters filters;
  filters.year = year;
  auto indicators = Indicators(store, filters, nullptr);
  if (!indicators) return Fail(indicators.error());
  std::vector<PublicFigure> out;
  const auto publish = [&](std::string id, std::string label, std::int64_t value) {
    out.push_back({std::move(id), std::move(label), value, value >= kSmallCount});
  };
  for (const Indicator& i : *indicators) {
    if (i.id == "applications.funnel") {
      // Applications and hires are published apart, each suppressed on its own.
      for (const Breakdown& b : i.breakdown) {
        if (b.key == "sent") publish("applications.sent", "Candidatures envoyées", b.value);
        if (b.key == "hired") publish("applications.hired", "Embauches après candidature", b.value);
      }
      continue;
    }
    if (i.id != "offers.published" && i.id != "offers.filled" && i.id != "aids.requests" &&
        i.id != "organisations.new")
      continue;
    publish(i.id, i.label, i.value);
    for (const Breakdown& b : i.breakdown)
      publish(i.id + "." + b.key, i.label + " — " + b.label, b.value);
  }
  // What is not published is not given out either.
  for (auto& figure : out) {
    if (!figure.published) figure.value = 0;
  }
  return out;
}

}  // namespace maplace::reporting
