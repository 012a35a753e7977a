#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "domain/aids/situation.h"

namespace maplace::aids {

// A condition of a rule, met or not, said in French, with where the law says it.
struct Condition {
  bool met = false;
  std::string sentence;
  std::vector<std::string> legal_refs;
};

// A stretch of the contract with one minimum pay: a new contract year, a new age band or a
// new SMIC starts a new period.
struct PayPeriod {
  int contract_year = 1;
  Date from;
  Date to;
  int age = 0;                             // at `from`
  std::string age_band;                    // "18 à 20 ans"
  int percent = 0;                         // of the base
  bool base_is_agreement_minimum = false;  // SMC rather than SMIC
  Cents smic_monthly_cents = 0;
  Cents base_monthly_cents = 0;
  Cents minimum_monthly_cents = 0;
  Cents gross_monthly_cents = 0;  // agreed pay, or the minimum
  Cents net_monthly_cents = 0;
  Cents employer_monthly_cost_cents = 0;  // gross + employer contributions left
  std::vector<std::string> explanation;
  std::vector<std::string> legal_refs;
};

enum class Periodicity { kOnce, kMonthlyFirstYear, kMonthly, kYearly, kPerNight };
std::string PeriodicityName(Periodicity periodicity);  // "once", "monthly-first-year", …

// Whom an aid helps.
enum class Beneficiary { kEmployer, kApprentice, kCfa };
std::string BeneficiaryName(Beneficiary beneficiary);  // "employer", "apprentice", "cfa"

struct Aid {
  std::string id;    // "state-hiring-aid"
  std::string name;  // « Aide à l'embauche d'un apprenti »
  Beneficiary beneficiary = Beneficiary::kEmployer;
  bool eligible = false;
  Cents amount_cents = 0;  // per period; the total for kOnce
  bool amount_is_maximum = false;
  Periodicity period = Periodicity::kOnce;
  Cents total_cents = 0;  // over the contract, as far as it can be said
  std::string payer;      // « ASP pour l'État »
  std::string how_to_ask;
  std::vector<Condition> conditions;
  std::vector<std::string> explanation;
  std::vector<std::string> legal_refs;
};

// A contract check that failed or deserves attention.
struct Check {
  std::string id;  // "age", "duration", "start-window", "minimum-pay", "tutor"
  bool ok = true;
  std::string sentence;
  std::vector<std::string> legal_refs;
};

// Cost and help over one contract year.
struct YearSummary {
  int contract_year = 1;
  Date from;
  Date to;
  Cents gross_cents = 0;
  Cents employer_cost_cents = 0;  // pay + contributions + participation
  Cents aids_cents = 0;           // employer aids paid for this year
  Cents remaining_cost_cents = 0;
  Cents opco_funding_cents = 0;  // paid to the CFA: the training costs nothing to the employer
};

struct Evaluation {
  Date date;
  Cents smic_hourly_cents = 0;  // at `date`, in the territory
  Cents smic_monthly_cents = 0;
  std::vector<PayPeriod> pay;
  // At `date` (or the contract's first month when `date` falls outside it).
  Cents minimum_monthly_cents = 0;
  Cents gross_monthly_cents = 0;
  Cents net_monthly_cents = 0;
  Cents employer_monthly_cost_cents = 0;
  std::vector<Aid> aids;
  std::vector<YearSummary> years;
  Cents employer_total_cost_cents = 0;
  Cents employer_total_aids_cents = 0;
  Cents employer_remaining_cost_cents = 0;
  std::vector<Check> checks;
  std::vector<std::string> warnings;  // French sentences: failed checks and uncertain rules
};

}  // namespace maplace::aids
