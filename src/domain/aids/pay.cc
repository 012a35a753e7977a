#include "domain/aids/pay.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "domain/aids/money.h"

namespace maplace::aids {

namespace {

// The contract year on `day`: the first year of the cycle, plus one per anniversary passed.
int ContractYear(const Contract& contract, Date day) {
  int passed = 0;
  while (AddYears(contract.starts_on, passed + 1) <= day) ++passed;
  return contract.first_contract_year + passed;
}

const PayBand& BandFor(const ApprenticePayGrid& grid, int age) {
  const PayBand* band = &grid.bands.front();
  for (const PayBand& candidate : grid.bands) {
    if (candidate.min_age <= age) band = &candidate;
  }
  return *band;
}

const ProfessionalisationBand& BandFor(const ProfessionalisationPay& pay, int age) {
  const ProfessionalisationBand* band = &pay.bands.front();
  for (const ProfessionalisationBand& candidate : pay.bands) {
    if (candidate.min_age <= age) band = &candidate;
  }
  return *band;
}

int PercentOfYear(const PayBand& band, int year) {
  return band.percents[static_cast<std::size_t>(std::clamp(year, 1, 3) - 1)];
}

// Where a new period may start: contract anniversaries, band changes and new SMICs.
std::vector<Date> Breakpoints(const Rules& rules, const Situation& situation,
                              const std::vector<int>& band_ages) {
  const Contract& contract = situation.contract;
  std::vector<Date> points = {contract.starts_on};
  auto add = [&](Date day) {
    if (contract.starts_on < day && day <= contract.ends_on) points.push_back(day);
  };
  if (contract.kind == ContractKind::kApprenticeship) {
    for (int k = 1; AddYears(contract.starts_on, k) <= contract.ends_on; ++k)
      add(AddYears(contract.starts_on, k));
  }
  for (int age : band_ages) {
    if (age > 0) add(FirstOfNextMonth(Birthday(situation.apprentice.birth_date, age)));
  }
  for (const SmicRate& rate : rules.smic) add(rate.from);
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  return points;
}

// Net pay and employer cost of a month's gross pay, by the contract's contribution regime.
void NetAndCost(const Rules& rules, const Situation& situation, PayPeriod& period) {
  const ContributionRegime* regime =
      InForce(rules.contribution_regimes, &ContributionRegime::concluded_from,
              situation.contract.concluded_on);
  const ContributionRates* rates =
      InForce(rules.contribution_rates, &ContributionRates::from, period.from);
  if (regime == nullptr || rates == nullptr) {
    period.net_monthly_cents = period.gross_monthly_cents;
    period.employer_monthly_cost_cents = period.gross_monthly_cents;
    return;
  }
  const bool lodeom = IsOverseas(situation.territory) && situation.employer.lodeom_eligible;
  const double employer_rate =
      lodeom ? rates->employer_residual_rate_lodeom : rates->employer_residual_rate;
  period.employer_monthly_cost_cents =
      period.gross_monthly_cents +
      std::llround(static_cast<double>(period.gross_monthly_cents) * employer_rate);

  if (situation.contract.kind == ContractKind::kProfessionalisation) {
    // Ordinary employee: contributions on the whole pay.
    const double gross = static_cast<double>(period.gross_monthly_cents);
    const Cents deductions = std::llround(gross * rates->employee_rate) +
                             std::llround(gross * rates->csg_base_share * rates->csg_crds_rate);
    period.net_monthly_cents = period.gross_monthly_cents - deductions;
    period.explanation.push_back(
        fmt::format("Net estimé : {} de cotisations salariales (retraite {:.2f} %, CSG-CRDS {:.2f} "
                    "% sur {:.2f} % du brut).",
                    FormatEuros(deductions), rates->employee_rate * 100, rates->csg_crds_rate * 100,
                    rates->csg_base_share * 100));
    return;
  }
  const Cents threshold =
      MulDivRound(period.smic_monthly_cents, regime->exempt_percent_of_smic, 100);
  const Cents excess = std::max<Cents>(0, period.gross_monthly_cents - threshold);
  const Cents employee = std::llround(static_cast<double>(excess) * rates->employee_rate);
  const Cents csg =
      regime->csg_above_threshold
          ? std::llround(static_cast<double>(excess) * rates->csg_base_share * rates->csg_crds_rate)
          : 0;
  period.net_monthly_cents = period.gross_monthly_cents - employee - csg;
  const std::string regime_name =
      regime->csg_above_threshold
          ? fmt::format("contrat conclu depuis le {}", FormatFrenchLongDate(regime->concluded_from))
          : fmt::format("contrat conclu avant le {}",
                        FormatFrenchLongDate(rules.contribution_regimes.back().concluded_from));
  if (excess == 0) {
    period.explanation.push_back(
        fmt::format("Net égal au brut : la part du salaire jusqu'à {} % du SMIC ({}) est exonérée "
                    "de cotisations salariales ({}).",
                    regime->exempt_percent_of_smic, FormatEuros(threshold), regime_name));
  } else {
    period.explanation.push_back(fmt::format(
        "Net : {} % du SMIC ({}) exonérés ({}) ; sur les {} au-delà, {} de cotisations "
        "salariales{}.",
        regime->exempt_percent_of_smic, FormatEuros(threshold), regime_name, FormatEuros(excess),
        FormatEuros(employee),
        regime->csg_above_threshold ? fmt::format(" et {} de CSG-CRDS", FormatEuros(csg))
                                    : std::string()));
  }
  for (const std::string& ref : regime->legal_refs) period.legal_refs.push_back(ref);
}

}  // namespace

const SmicRate& SmicOn(const Rules& rules, Date day) {
  const SmicRate* rate = InForce(rules.smic, &SmicRate::from, day);
  return rate != nullptr ? *rate : rules.smic.front();
}

Cents SmicHourlyCents(const SmicRate& rate, Territory territory) {
  return territory == Territory::kMayotte ? rate.mayotte_hourly_cents : rate.hourly_cents;
}

Cents SmicMonthlyCents(Cents hourly_cents) { return MulDivRound(hourly_cents, 35 * 52, 12); }

int BandAge(Date birth, Date day) {
  int age = AgeOn(birth, day);
  if (age > 0 && day < FirstOfNextMonth(Birthday(birth, age))) --age;
  return age;
}

std::string ContractYearName(int year) {
  return year == 1 ? "1re année" : fmt::format("{}e année", year);
}

std::vector<PayPeriod> PayPeriods(const Rules& rules, const Situation& situation) {
  const Contract& contract = situation.contract;
  const Apprentice& apprentice = situation.apprentice;
  const bool apprenticeship = contract.kind == ContractKind::kApprenticeship;
  const ApprenticePayGrid* grid =
      InForce(rules.apprentice_pay, &ApprenticePayGrid::concluded_from, contract.concluded_on);
  if (grid == nullptr) grid = &rules.apprentice_pay.front();
  const ProfessionalisationPay* pro =
      InForce(rules.professionalisation_pay, &ProfessionalisationPay::from, contract.concluded_on);
  if (pro == nullptr) pro = &rules.professionalisation_pay.front();

  std::vector<int> band_ages;
  if (apprenticeship) {
    for (const PayBand& band : grid->bands) band_ages.push_back(band.min_age);
  } else {
    for (const ProfessionalisationBand& band : pro->bands) band_ages.push_back(band.min_age);
  }
  const std::vector<Date> points = Breakpoints(rules, situation, band_ages);

  // D6222-29: a successive contract keeps at least the last year's rate of the previous one.
  int previous_percent = 0;
  if (apprenticeship && contract.previous && contract.previous->diploma_obtained) {
    const PayBand& band =
        BandFor(*grid, BandAge(apprentice.birth_date, contract.previous->ended_on));
    previous_percent = PercentOfYear(band, contract.previous->last_contract_year);
  }
  const bool bonus = apprenticeship && contract.same_level_related_diploma &&
                     contract.ends_on < AddYears(contract.starts_on, 1);

  std::vector<PayPeriod> periods;
  periods.reserve(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    PayPeriod period;
    period.explanation.reserve(6);  // a handful each: one allocation, not four
    period.legal_refs.reserve(8);
    period.from = points[i];
    period.to = i + 1 < points.size() ? AddDays(points[i + 1], -1) : contract.ends_on;
    period.age = BandAge(apprentice.birth_date, period.from);
    const SmicRate& smic = SmicOn(rules, period.from);
    const Cents hourly = SmicHourlyCents(smic, situation.territory);
    period.smic_monthly_cents = SmicMonthlyCents(hourly);
    const auto& smc = situation.employer.collective_agreement_minimum_monthly_cents;

    if (apprenticeship) {
      period.contract_year = ContractYear(contract, period.from);
      const PayBand& band = BandFor(*grid, period.age);
      period.age_band = band.label;
      period.percent = PercentOfYear(band, period.contract_year);
      period.explanation.push_back(
          fmt::format("{} % du salaire de référence : apprenti de {}, {} d'exécution du contrat.",
                      period.percent, band.label, ContractYearName(period.contract_year)));
      if (contract.first_contract_year > 1 &&
          period.contract_year == contract.first_contract_year) {
        period.explanation.push_back(fmt::format(
            "Le contrat commence en {} du cycle de formation : il est rémunéré comme telle.",
            ContractYearName(contract.first_contract_year)));
        period.legal_refs.push_back("C. trav. art. D6222-28-1");
      }
      if (previous_percent > period.percent) {
        period.explanation.push_back(fmt::format(
            "Contrat successif : au moins le taux de la dernière année du contrat précédent, {} %.",
            previous_percent));
        period.percent = previous_percent;
        period.legal_refs.push_back("C. trav. art. D6222-29");
      }
      if (bonus) {
        period.percent = std::min(100, period.percent + grid->same_level_bonus_points);
        period.explanation.push_back(fmt::format(
            "Diplôme de même niveau déjà obtenu et contrat d'un an au plus : +{} points.",
            grid->same_level_bonus_points));
        period.legal_refs.push_back("C. trav. art. D6222-30");
      }
      period.base_is_agreement_minimum =
          band.agreement_minimum_applies && smc.has_value() && *smc > period.smic_monthly_cents;
      for (const std::string& ref : grid->legal_refs) period.legal_refs.push_back(ref);
    } else {
      period.contract_year = ContractYear(contract, period.from);
      const ProfessionalisationBand& band = BandFor(*pro, period.age);
      period.age_band = band.label;
      const bool level4 = apprentice.highest_level_held.value_or(0) >= 4;
      period.percent = level4 ? band.percent_level4 : band.percent;
      period.explanation.push_back(
          fmt::format("{} % du SMIC : salarié de {}{}.", period.percent, band.label,
                      level4 ? ", titulaire d'un diplôme de niveau 4 (bac) ou plus" : ""));
      if (band.agreement_percent > 0 && smc.has_value() &&
          MulDivRound(*smc, band.agreement_percent, 100) > period.smic_monthly_cents) {
        period.base_is_agreement_minimum = true;
        period.percent = band.agreement_percent;
        period.explanation.push_back(fmt::format(
            "{} % du minimum conventionnel, plus favorable que le SMIC.", band.agreement_percent));
      }
      for (const std::string& ref : pro->legal_refs) period.legal_refs.push_back(ref);
    }

    period.base_monthly_cents = period.base_is_agreement_minimum ? *smc : period.smic_monthly_cents;
    period.minimum_monthly_cents = MulDivRound(period.base_monthly_cents, period.percent, 100);
    if (period.base_is_agreement_minimum && apprenticeship) {
      period.explanation.push_back(fmt::format(
          "Le minimum conventionnel ({}) dépasse le SMIC : le pourcentage s'y applique.",
          FormatEuros(*smc)));
    }
    period.explanation.push_back(situation.territory == Territory::kMayotte ? smic.mayotte_sentence
                                                                            : smic.sentence);
    period.explanation.push_back(fmt::format("Minimum : {} × {} % = {}.",
                                             FormatEuros(period.base_monthly_cents), period.percent,
                                             FormatEuros(period.minimum_monthly_cents)));
    for (const std::string& ref : smic.legal_refs) period.legal_refs.push_back(ref);
    period.gross_monthly_cents =
        contract.monthly_gross_cents.value_or(period.minimum_monthly_cents);
    NetAndCost(rules, situation, period);
    periods.push_back(std::move(period));
  }
  return periods;
}

}  // namespace maplace::aids
