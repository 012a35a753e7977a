#include "domain/reporting/indicators.h"

#include <map>
#include <set>

#include "core/date.h"
#include "core/text.h"
#include "domain/aid_requests/aid_request_repository.h"
#include "domain/budgets/budget_repository.h"
#include "domain/offers/offer_repository.h"
#include "domain/people/organisation_repository.h"
#include "domain/people/role.h"

namespace maplace::reporting {
namespace {

using aid_requests::RequestState;

int YearOf(UnixSeconds t) { return static_cast<int>(MartiniqueDate(t).year()); }

// Everything the indicators read, in one transaction.
struct Data {
  std::vector<budgets::Envelope> envelopes;
  std::vector<aid_requests::RequestRecord> requests;
  std::vector<aid_requests::Payment> payments;
  std::vector<offers::Offer> offers;
  std::vector<people::Organisation> organisations;
};

Result<Data> Load(Store& store) {
  Data data;
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto envelopes = repos.budgets().List(std::nullopt);
    if (!envelopes) return Fail(envelopes.error());
    data.envelopes = std::move(*envelopes);
    aid_requests::RequestFilter all;
    all.limit = 10'000'000;
    auto requests = repos.aid_requests().List(all);
    if (!requests) return Fail(requests.error());
    data.requests = std::move(*requests);
    auto payments = repos.aid_requests().Payments(std::nullopt, std::nullopt);
    if (!payments) return Fail(payments.error());
    data.payments = std::move(*payments);
    auto offers = repos.offers().ListAll();
    if (!offers) return Fail(offers.error());
    data.offers = std::move(*offers);
    auto organisations = repos.organisations().List();
    if (!organisations) return Fail(organisations.error());
    data.organisations = std::move(*organisations);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return data;
}

// An indicator summed per key for the year and the one before: `each` calls add(year, key,
// label, amount) for every fact.
template <typename Each>
Indicator Sum(std::string id, std::string label, std::string definition, Unit unit, int year,
              Each each) {
  Indicator out{std::move(id), std::move(label), std::move(definition), unit, year, 0, 0, {}};
  std::map<std::string, Breakdown> parts;
  each([&](int fact_year, const std::string& key, const std::string& part_label,
           std::int64_t amount) {
    if (fact_year != year && fact_year != year - 1) return;
    Breakdown& part = parts[key];
    part.key = key;
    part.label = part_label;
    (fact_year == year ? out.value : out.previous) += amount;
    (fact_year == year ? part.value : part.previous) += amount;
  });
  for (auto& [key, part] : parts) {
    if (!key.empty()) out.breakdown.push_back(std::move(part));
  }
  return out;
}

// The same name however it was typed: "  Mélissa JOSEPH " and "mélissa joseph".
std::string NameKey(std::string_view name) {
  return text::AsciiLower(text::SingleLine(text::Trim(name)));
}

bool Submitted(RequestState state) { return state != RequestState::kDraft; }

bool Granted(const aid_requests::AidRequest& r) {
  return r.state == RequestState::kCommitted || r.state == RequestState::kPaid ||
         (r.state == RequestState::kClosed && r.paid_cents > 0);
}

std::vector<Indicator> Indicators(const Data& data, int year) {
  std::vector<Indicator> out;
  const char* kBudgetScope =
      " Enveloppes de l'année budgétaire, toutes sources de financement (fonds propres, "
      "délégation, conventions, État).";
  for (const auto& [id, label, what] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"budget.allocated", "Budget des aides alloué", "Somme des montants alloués"},
           {"budget.committed", "Budget des aides engagé",
            "Somme des montants engagés sur des demandes accordées (payés ou non)"},
           {"budget.paid", "Budget des aides payé", "Somme des montants payés"}}) {
    out.push_back(Sum(id, label, what + "." + kBudgetScope, Unit::kCents, year, [&](auto add) {
      for (const auto& e : data.envelopes) {
        const std::int64_t amount = id == "budget.allocated"   ? e.allocated_cents
                                    : id == "budget.committed" ? e.committed_cents
                                                               : e.paid_cents;
        add(e.year, e.aid_id, e.aid_id, amount);
      }
    }));
  }
  out.push_back(Sum("aids.requests", "Demandes d'aide",
                    "Demandes créées dans l'année (heure de la Martinique) et envoyées par le "
                    "demandeur (les brouillons ne comptent pas), par état actuel.",
                    Unit::kCount, year, [&](auto add) {
                      for (const auto& r : data.requests) {
                        if (!Submitted(r.request.state)) continue;
                        add(YearOf(r.request.created_at),
                            std::string(aid_requests::StateCode(r.request.state)),
                            std::string(aid_requests::StateLabel(r.request.state)), 1);
                      }
                    }));
  out.push_back(Sum("aids.granted", "Aides accordées",
                    "Montant des demandes créées dans l'année et engagées sur une enveloppe "
                    "(engagées, payées, ou closes après paiement), par aide.",
                    Unit::kCents, year, [&](auto add) {
                      for (const auto& r : data.requests) {
                        if (!Granted(r.request)) continue;
                        add(YearOf(r.request.created_at), r.request.aid_id, r.request.aid_id,
                            r.request.amount_cents);
                      }
                    }));
  std::map<std::int64_t, std::string> aid_of;
  for (const auto& r : data.requests) aid_of[r.request.id] = r.request.aid_id;
  out.push_back(Sum("aids.paid", "Aides versées",
                    "Somme des versements exécutés dans l'année (date du lot de paiement, heure "
                    "de la Martinique), par aide.",
                    Unit::kCents, year, [&](auto add) {
                      for (const auto& p : data.payments) {
                        add(YearOf(p.created_at), aid_of[p.request_id], aid_of[p.request_id],
                            p.amount_cents);
                      }
                    }));

  // Distinct people: a young person's own account, or an apprentice named by an employer or a
  // CFA (name and organisation).
  Indicator young{"young_people.accompanied",
                  "Jeunes accompagnés",
                  "Personnes distinctes ayant, dans l'année, une demande d'aide envoyée : le "
                  "compte du jeune, ou l'apprenti nommé par un employeur ou un CFA (nom et "
                  "organisation). Les suivis et les candidatures s'y ajouteront quand la "
                  "plateforme les enregistrera.",
                  Unit::kCount,
                  year,
                  0,
                  0,
                  {}};
  std::set<std::string> people_of_year, people_before;
  for (const auto& r : data.requests) {
    if (!Submitted(r.request.state)) continue;
    const int y = YearOf(r.request.created_at);
    if (y != year && y != year - 1) continue;
    const std::string who =
        r.request.organisation_id
            ? std::to_string(*r.request.organisation_id) + "/" + NameKey(r.beneficiary_name)
            : "user:" + std::to_string(r.request.hands.requester);
    (y == year ? people_of_year : people_before).insert(who);
  }
  young.value = static_cast<std::int64_t>(people_of_year.size());
  young.previous = static_cast<std::int64_t>(people_before.size());
  out.push_back(std::move(young));

  out.push_back(Sum("offers.published", "Offres d'alternance publiées",
                    "Offres publiées pour la première fois dans l'année, par type de contrat.",
                    Unit::kCount, year, [&](auto add) {
                      for (const auto& o : data.offers) {
                        if (o.published_at == 0) continue;
                        add(YearOf(o.published_at),
                            std::string(offers::ContractKindCode(o.input.contract)),
                            std::string(offers::ContractKindLabel(o.input.contract)), 1);
                      }
                    }));
  out.push_back(Sum("offers.filled", "Offres pourvues",
                    "Offres marquées pourvues dont la dernière modification date de l'année, "
                    "par canal de recrutement déclaré par l'employeur.",
                    Unit::kCount, year, [&](auto add) {
                      for (const auto& o : data.offers) {
                        if (o.state != offers::OfferState::kFilled) continue;
                        add(YearOf(o.updated_at), o.filled_channel,
                            std::string(offers::FillChannelLabel(o.filled_channel)), 1);
                      }
                    }));
  out.push_back(Sum("organisations.new", "Nouvelles organisations",
                    "Employeurs et CFA inscrits dans l'année (comptes de démonstration exclus).",
                    Unit::kCount, year, [&](auto add) {
                      for (const auto& o : data.organisations) {
                        // Partners (LADOM, missions locales…) are entered by advisors, not
                        // registered: they are not counted here.
                        if (o.is_demo || o.kind == people::OrganisationKind::kPartner) continue;
                        const bool cfa = o.kind == people::OrganisationKind::kCfa;
                        add(YearOf(o.created_at), cfa ? "cfa" : "employer",
                            cfa ? "CFA" : "Employeurs", 1);
                      }
                    }));
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
                                       const Filters& filters, jobs::JobsService* /*jobs*/) {
  if (!people::IsStaff(actor.role))
    return Fail(ErrorCode::kPermissionDenied, "indicators are for the delegation's staff");
  if (filters.year < 2020 || filters.year > 2100)
    return FailFields("bad year", {{"year", "Choisissez une année entre 2020 et 2100."}});
  auto data = Load(store);
  if (!data) return Fail(data.error());
  auto out = Indicators(*data, filters.year);
  // These figures are computed over the year only, for now.
  const auto set = FiltersSet(filters);
  for (auto& i : out) {
    i.filters_applied = {"year"};
    i.filters_not_applicable.assign(set.begin() + 1, set.end());
  }
  return out;
}

Result<std::vector<PublicFigure>> PublicFigures(Store& store, int year) {
  if (year < 2020 || year > 2100)
    return FailFields("bad year", {{"year", "Choisissez une année entre 2020 et 2100."}});
  auto data = Load(store);
  if (!data) return Fail(data.error());
  std::vector<PublicFigure> out;
  for (const Indicator& i : Indicators(*data, year)) {
    if (i.id != "offers.published" && i.id != "offers.filled" && i.id != "aids.requests" &&
        i.id != "organisations.new")
      continue;
    out.push_back({i.id, i.label, i.value, i.value >= kSmallCount});
    for (const Breakdown& b : i.breakdown) {
      out.push_back(
          {i.id + "." + b.key, i.label + " — " + b.label, b.value, b.value >= kSmallCount});
    }
  }
  // What is not published is not given out either.
  for (auto& figure : out) {
    if (!figure.published) figure.value = 0;
  }
  return out;
}

}  // namespace maplace::reporting
