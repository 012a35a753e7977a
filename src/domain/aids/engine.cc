#include "domain/aids/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "domain/aids/aids.h"
#include "domain/aids/money.h"
#include "domain/aids/pay.h"

namespace maplace::aids {

bool IsOverseas(Territory territory) { return territory != Territory::kHexagone; }

namespace {
const std::map<Territory, std::pair<std::string, std::string>>& TerritoryTable() {
  static const std::map<Territory, std::pair<std::string, std::string>> table = {
      {Territory::kHexagone, {"hexagone", "l'Hexagone"}},
      {Territory::kGuadeloupe, {"971", "Guadeloupe"}},
      {Territory::kMartinique, {"972", "Martinique"}},
      {Territory::kGuyane, {"973", "Guyane"}},
      {Territory::kReunion, {"974", "La Réunion"}},
      {Territory::kSaintPierreMiquelon, {"975", "Saint-Pierre-et-Miquelon"}},
      {Territory::kMayotte, {"976", "Mayotte"}}};
  return table;
}
}  // namespace

std::optional<Territory> TerritoryFromCode(std::string_view code) {
  for (const auto& [territory, names] : TerritoryTable()) {
    if (names.first == code) return territory;
  }
  return std::nullopt;
}
std::string TerritoryCode(Territory territory) { return TerritoryTable().at(territory).first; }
std::string TerritoryName(Territory territory) { return TerritoryTable().at(territory).second; }

std::string PeriodicityName(Periodicity periodicity) {
  switch (periodicity) {
    case Periodicity::kOnce:
      return "once";
    case Periodicity::kMonthlyFirstYear:
      return "monthly-first-year";
    case Periodicity::kMonthly:
      return "monthly";
    case Periodicity::kYearly:
      return "yearly";
    case Periodicity::kPerNight:
      return "per-night";
  }
  return "once";
}

std::string BeneficiaryName(Beneficiary beneficiary) {
  switch (beneficiary) {
    case Beneficiary::kEmployer:
      return "employer";
    case Beneficiary::kApprentice:
      return "apprentice";
    case Beneficiary::kCfa:
      return "cfa";
  }
  return "employer";
}

namespace {

Status Validate(const Rules& rules, const Situation& situation) {
  std::map<std::string, std::string> fields;
  const Contract& contract = situation.contract;
  const std::string first_day = FormatFrenchLongDate(rules.first_day);
  if (contract.starts_on < rules.first_day)
    fields["contract.starts_on"] = fmt::format("Les règles connues commencent le {}.", first_day);
  if (situation.date < rules.first_day)
    fields["date"] = fmt::format("Les règles connues commencent le {}.", first_day);
  if (contract.ends_on < contract.starts_on)
    fields["contract.ends_on"] = "La fin du contrat doit suivre son début.";
  else if (AddYears(contract.starts_on, 5) < contract.ends_on)
    fields["contract.ends_on"] = "Un contrat ne peut pas durer plus de 5 ans ici.";
  if (contract.ends_on < contract.concluded_on)
    fields["contract.concluded_on"] = "Le contrat doit être conclu avant sa fin.";
  if (contract.certification_level < 3 || contract.certification_level > 8)
    fields["contract.certification_level"] = "Le niveau du diplôme va de 3 (CAP) à 8 (doctorat).";
  if (contract.first_contract_year < 1 || contract.first_contract_year > 3)
    fields["contract.first_contract_year"] = "L'année de début va de 1 à 3.";
  if (contract.monthly_gross_cents && *contract.monthly_gross_cents < 0)
    fields["contract.monthly_gross_cents"] = "Le salaire ne peut pas être négatif.";
  if (contract.previous) {
    if (contract.previous->last_contract_year < 1 || contract.previous->last_contract_year > 3)
      fields["contract.previous.last_contract_year"] = "L'année atteinte va de 1 à 3.";
    if (contract.starts_on < contract.previous->ended_on)
      fields["contract.previous.ended_on"] = "Le contrat précédent doit finir avant celui-ci.";
  }
  const int age = AgeOn(situation.apprentice.birth_date, contract.starts_on);
  if (age < 14)
    fields["apprentice.birth_date"] =
        "La date de naissance donne moins de 14 ans au début du contrat.";
  if (age > 90) fields["apprentice.birth_date"] = "La date de naissance n'est pas plausible.";
  if (situation.employer.headcount < 0 || situation.employer.headcount > 1'000'000)
    fields["employer.headcount"] = "L'effectif va de 0 à 1 000 000.";
  if (situation.employer.collective_agreement_minimum_monthly_cents &&
      *situation.employer.collective_agreement_minimum_monthly_cents < 0)
    fields["employer.collective_agreement_minimum_monthly_cents"] =
        "Le minimum conventionnel ne peut pas être négatif.";
  if (situation.tutor &&
      (situation.tutor->other_apprentices < 0 || situation.tutor->other_repeating < 0 ||
       situation.tutor->other_repeating > situation.tutor->other_apprentices))
    fields["tutor.other_apprentices"] = "Le nombre d'apprentis suivis n'est pas cohérent.";
  const Funding& funding = situation.funding;
  if (funding.lodging_nights_per_year < 0 || funding.lodging_nights_per_year > 366 ||
      funding.meals_per_year < 0 || funding.meals_per_year > 1100 ||
      funding.first_equipment_cents < 0 ||
      (funding.npec_yearly_cents && *funding.npec_yearly_cents < 0))
    fields["funding"] = "Les frais de formation doivent être positifs et plausibles.";
  if (!fields.empty()) return FailFields("the situation is incoherent", std::move(fields));
  return Ok();
}

// The share of `monthly` due for the days of [from, to] that fall in each calendar month.
double ProratedMonths(Date from, Date to) {
  double months = 0;
  Date month_start{from.year(), from.month(), std::chrono::day(1)};
  while (month_start <= to) {
    Date next = FirstOfNextMonth(month_start);
    Date a = std::max(month_start, from);
    Date b = std::min(AddDays(next, -1), to);
    months += static_cast<double>(DaysBetween(a, b) + 1) / DaysBetween(month_start, next);
    month_start = next;
  }
  return months;
}

void SummariseYears(const Rules& rules, const Situation& situation, Evaluation& out) {
  const Contract& contract = situation.contract;
  Cents participation = 0;
  if (contract.kind == ContractKind::kApprenticeship) {
    const EmployerParticipation* rule =
        InForce(rules.employer_participation, &EmployerParticipation::concluded_from,
                contract.concluded_on);
    if (rule != nullptr && contract.certification_level >= rule->min_level &&
        contract.certification_level <= rule->max_level) {
      participation = contract.previous && contract.previous->broken_early
                          ? rule->after_broken_contract_cents
                          : rule->amount_cents;
      out.warnings.push_back(
          fmt::format("Participation de l'employeur de {} à la formation (niveau {} ou plus, "
                      "contrat conclu depuis le {}), "
                      "versée au CFA ({}).",
                      FormatEuros(participation), rule->min_level,
                      FormatFrenchLongDate(rule->concluded_from), rule->legal_refs.front()));
    }
  }
  Cents opco_yearly = 0;
  for (const Aid& aid : out.aids) {
    if (aid.beneficiary == Beneficiary::kCfa && aid.period == Periodicity::kYearly)
      opco_yearly += aid.amount_cents;
  }
  for (int year = 0; AddYears(contract.starts_on, year) <= contract.ends_on; ++year) {
    YearSummary summary;
    summary.contract_year = contract.first_contract_year + year;
    summary.from = AddYears(contract.starts_on, year);
    summary.to = std::min(AddDays(AddYears(contract.starts_on, year + 1), -1), contract.ends_on);
    double gross = 0;
    double cost = 0;
    for (const PayPeriod& period : out.pay) {
      Date a = std::max(period.from, summary.from);
      Date b = std::min(period.to, summary.to);
      if (b < a) continue;
      double months = ProratedMonths(a, b);
      gross += months * static_cast<double>(period.gross_monthly_cents);
      cost += months * static_cast<double>(period.employer_monthly_cost_cents);
    }
    summary.gross_cents = std::llround(gross);
    summary.employer_cost_cents = std::llround(cost) + (year == 0 ? participation : 0);
    for (const Aid& aid : out.aids) {
      if (!aid.eligible || aid.beneficiary != Beneficiary::kEmployer) continue;
      // Aids of the first year, or paid once, count in the first year.
      if (year == 0) summary.aids_cents += aid.total_cents;
    }
    summary.remaining_cost_cents = summary.employer_cost_cents - summary.aids_cents;
    summary.opco_funding_cents = opco_yearly;
    out.employer_total_cost_cents += summary.employer_cost_cents;
    out.employer_total_aids_cents += summary.aids_cents;
    out.years.push_back(summary);
  }
  out.employer_remaining_cost_cents = out.employer_total_cost_cents - out.employer_total_aids_cents;
}

}  // namespace

Result<Evaluation> Evaluate(const Rules& rules, const Situation& situation) {
  if (auto valid = Validate(rules, situation); !valid) return Fail(valid.error());
  Evaluation out;
  out.date = situation.date;
  const SmicRate& smic = SmicOn(rules, situation.date);
  out.smic_hourly_cents = SmicHourlyCents(smic, situation.territory);
  out.smic_monthly_cents = SmicMonthlyCents(out.smic_hourly_cents);
  if (smic.uncertain) {
    out.warnings.push_back(fmt::format(
        "Le SMIC en vigueur le {} ({},{:02} € de l'heure) n'a pas été vérifié au Journal officiel.",
        FormatFrenchDate(situation.date), out.smic_hourly_cents / 100,
        out.smic_hourly_cents % 100));
  }

  out.pay = PayPeriods(rules, situation);
  const Contract& contract = situation.contract;
  const bool inside = contract.starts_on <= situation.date && situation.date <= contract.ends_on;
  if (!inside) {
    out.warnings.push_back(
        fmt::format("Le {} est en dehors du contrat : le salaire montré est celui du premier mois.",
                    FormatFrenchDate(situation.date)));
  }
  const PayPeriod* current = &out.pay.front();
  for (const PayPeriod& period : out.pay) {
    if (period.from <= situation.date && situation.date <= period.to) current = &period;
  }
  out.minimum_monthly_cents = current->minimum_monthly_cents;
  out.gross_monthly_cents = current->gross_monthly_cents;
  out.net_monthly_cents = current->net_monthly_cents;
  out.employer_monthly_cost_cents = current->employer_monthly_cost_cents;

  out.aids = EvaluateAids(rules, situation, out.pay);
  for (Aid& aid : OpcoFundingAids(rules, situation)) out.aids.push_back(std::move(aid));
  out.checks = CheckContract(rules, situation, out.pay);
  for (const Check& check : out.checks) {
    if (!check.ok) out.warnings.push_back(check.sentence);
  }
  for (const Aid& aid : out.aids) {
    if (!aid.eligible) continue;
    for (const AidDefinition& definition : rules.aids) {
      if (definition.id != aid.id) continue;
      for (const AidVersion& version : definition.versions) {
        if (version.uncertain && !version.note.empty() &&
            std::find(aid.explanation.begin(), aid.explanation.end(), version.note) !=
                aid.explanation.end()) {
          out.warnings.push_back(fmt::format("{} : {}", aid.name, version.note));
        }
      }
    }
  }
  SummariseYears(rules, situation, out);
  return out;
}

}  // namespace maplace::aids
