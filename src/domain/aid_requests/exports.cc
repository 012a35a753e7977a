#include "domain/aid_requests/exports.h"

#include <fmt/format.h>

#include <map>

#include "core/date.h"
#include "domain/aid_requests/aid_request_repository.h"
#include "domain/budgets/budget_repository.h"
#include "domain/budgets/consumption.h"
#include "domain/people/role.h"

namespace maplace::aid_requests {

Result<std::string> YearWorkbook(Store& store, const people::Actor& actor, int year,
                                 UnixSeconds now) {
  auto sheets = YearSheets(store, actor, year);
  if (!sheets) return Fail(sheets.error());
  return xlsx::Write(*sheets, now);
}

Result<std::vector<xlsx::Sheet>> YearSheets(Store& store, const people::Actor& actor, int year) {
  if (!people::IsStaff(actor.role) || actor.role == people::Role::kAdmin)
    return Fail(ErrorCode::kPermissionDenied, "exports are for the delegation's staff");
  if (year < 2020 || year > 2100)
    return FailFields("bad year", {{"annee", "Année entre 2020 et 2100."}});

  xlsx::Sheet requests{
      "Demandes",
      {"N°", "Aide", "État", "Bénéficiaire", "Montant", "Payé", "Créée le", "Enveloppe"},
      {}};
  xlsx::Sheet envelopes{
      "Enveloppes",
      {"N°", "Aide", "Source", "Partenaire", "Libellé", "Alloué", "Engagé", "Payé", "Reste"},
      {}};
  xlsx::Sheet monthly{
      "Paiements par mois", {"Enveloppe", "Aide", "Mois", "Versements", "Montant"}, {}};
  xlsx::Sheet consumption{"Consommation par mois",
                          {"Enveloppe", "Aide", "Mois", "Engagé (net)", "Payé", "Virements"},
                          {}};

  auto read = store.Read([&](Repositories& repos) -> Status {
    RequestFilter filter;
    filter.limit = 100000;
    auto list = repos.aid_requests().List(filter);
    if (!list) return Fail(list.error());
    for (const RequestRecord& r : *list) {
      const Date created = MartiniqueDate(r.request.created_at);
      if (static_cast<int>(created.year()) != year) continue;
      requests.rows.push_back(
          {r.request.id, r.request.aid_id, std::string(StateLabel(r.request.state)),
           r.beneficiary_name, xlsx::Euros{r.request.amount_cents},
           xlsx::Euros{r.request.paid_cents}, created,
           r.envelope_id ? xlsx::Cell(*r.envelope_id) : xlsx::Cell(std::string())});
    }
    auto year_envelopes = repos.budgets().List(year);
    if (!year_envelopes) return Fail(year_envelopes.error());
    std::map<std::int64_t, std::string> aid_of;
    for (const budgets::Envelope& e : *year_envelopes) {
      aid_of[e.id] = e.aid_id;
      envelopes.rows.push_back(
          {e.id, e.aid_id, std::string(budgets::FundingSourceCode(e.funding_source)), e.partner,
           e.label, xlsx::Euros{e.allocated_cents}, xlsx::Euros{e.committed_cents},
           xlsx::Euros{e.paid_cents}, xlsx::Euros{e.allocated_cents - e.committed_cents}});
    }
    auto payments = repos.aid_requests().Payments(std::nullopt, std::nullopt);
    if (!payments) return Fail(payments.error());
    // (envelope, month) -> count, amount
    std::map<std::pair<std::int64_t, std::string>, std::pair<std::int64_t, std::int64_t>> sums;
    for (const Payment& p : *payments) {
      if (!aid_of.contains(p.envelope_id)) continue;
      const Date day = MartiniqueDate(p.created_at);
      auto& sum = sums[{p.envelope_id, FormatIsoDate(day).substr(0, 7)}];
      sum.first += 1;
      sum.second += p.amount_cents;
    }
    for (const auto& [key, sum] : sums) {
      monthly.rows.push_back(
          {key.first, aid_of[key.first], key.second, sum.first, xlsx::Euros{sum.second}});
    }
    auto months = budgets::ConsumptionByMonth(repos, year);
    if (!months) return Fail(months.error());
    for (const budgets::MonthlyConsumption& m : *months) {
      consumption.rows.push_back({m.envelope_id, aid_of[m.envelope_id], m.month,
                                  xlsx::Euros{m.committed_cents}, xlsx::Euros{m.paid_cents},
                                  xlsx::Euros{m.transferred_cents}});
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  return std::vector<xlsx::Sheet>{requests, envelopes, monthly, consumption};
}

}  // namespace maplace::aid_requests
