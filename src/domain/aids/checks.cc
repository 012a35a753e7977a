// Contract checks (rules.md f): what an OPCO would refuse, said before the contract is filed.
#include <fmt/format.h>

#include "domain/aids/aids.h"
#include "domain/aids/money.h"

namespace maplace::aids {

namespace {

Check AgeCheck(const ContractLimits& limits, const Situation& situation) {
  const Apprentice& apprentice = situation.apprentice;
  const Contract& contract = situation.contract;
  const int age = AgeOn(apprentice.birth_date, contract.starts_on);
  Check check{"age", true, "", limits.legal_refs.at("age")};
  const bool unlimited = apprentice.rqth || apprentice.age_exception == AgeException::kRqth ||
                         apprentice.age_exception == AgeException::kBusinessCreation ||
                         apprentice.age_exception == AgeException::kHighLevelAthlete;
  if (age < limits.min_age) {
    if (age >= limits.min_age_after_college && apprentice.completed_college) {
      check.sentence = fmt::format(
          "L'apprenti a {} ans au début du contrat : possible car il a terminé la classe de 3e.",
          age);
    } else {
      check.ok = false;
      check.sentence = fmt::format(
          "L'apprenti a {} ans au début du contrat : il faut {} ans, ou {} ans après avoir terminé "
          "la classe de 3e.",
          age, limits.min_age, limits.min_age_after_college);
    }
  } else if (age <= limits.max_age) {
    check.sentence = fmt::format("L'apprenti a {} ans au début du contrat (de {} à {} ans).", age,
                                 limits.min_age, limits.max_age);
  } else if (unlimited) {
    check.sentence = fmt::format("L'apprenti a {} ans : pas de limite d'âge ({}).", age,
                                 apprentice.rqth || apprentice.age_exception == AgeException::kRqth
                                     ? "travailleur handicapé"
                                 : apprentice.age_exception == AgeException::kBusinessCreation
                                     ? "création ou reprise d'entreprise"
                                     : "sportif de haut niveau");
  } else if (apprentice.age_exception == AgeException::kHigherDiploma ||
             apprentice.age_exception == AgeException::kBrokenContract) {
    const int age_at_conclusion = AgeOn(apprentice.birth_date, contract.concluded_on);
    const bool within_year = !contract.previous ||
                             DaysBetween(contract.previous->ended_on, contract.concluded_on) <= 365;
    check.ok = age_at_conclusion <= limits.exception_max_age && within_year;
    check.sentence = check.ok ? fmt::format(
                                    "L'apprenti a {} ans : possible jusqu'à {} ans car ce contrat "
                                    "suit le précédent de moins d'un an.",
                                    age, limits.exception_max_age)
                              : fmt::format(
                                    "L'apprenti a {} ans : l'exception vaut jusqu'à {} ans et "
                                    "moins d'un an après le contrat précédent.",
                                    age_at_conclusion, limits.exception_max_age);
  } else {
    check.ok = false;
    check.sentence = fmt::format(
        "L'apprenti a {} ans au début du contrat : la limite est de {} ans révolus, sauf "
        "exceptions (RQTH, création "
        "d'entreprise, sportif de haut niveau, contrat qui suit un précédent).",
        age, limits.max_age);
  }
  return check;
}

Check DurationCheck(const ContractLimits& limits, const Situation& situation) {
  const Contract& contract = situation.contract;
  const bool rqth = situation.apprentice.rqth;
  const int max_months = rqth ? limits.max_months_rqth : limits.max_months;
  const Date after_end = AddDays(contract.ends_on, 1);
  Check check{"duration", true, "", limits.legal_refs.at("duration")};
  if (after_end < AddMonths(contract.starts_on, limits.min_months)) {
    check.ok = false;
    check.sentence =
        fmt::format("Le contrat dure moins de {} mois, le minimum.", limits.min_months);
  } else if (AddMonths(contract.starts_on, max_months) < after_end) {
    check.ok = false;
    check.sentence = fmt::format("Le contrat dure plus de {} ans, le maximum{}.", max_months / 12,
                                 rqth ? " pour un apprenti reconnu travailleur handicapé" : "");
  } else {
    check.sentence =
        fmt::format("Le contrat dure entre {} mois et {} ans.", limits.min_months, max_months / 12);
  }
  return check;
}

Check StartWindowCheck(const ContractLimits& limits, const Situation& situation) {
  const Contract& contract = situation.contract;
  const Date training = *contract.training_starts_on;
  const int months = limits.start_window_months;
  Check check{"start-window", true, "", limits.legal_refs.at("start-window")};
  if (contract.starts_on < AddMonths(training, -months)) {
    check.ok = false;
    check.sentence =
        fmt::format("Le contrat commence plus de {} mois avant la formation au CFA ({}).", months,
                    FormatFrenchDate(training));
  } else if (AddMonths(training, months) < contract.starts_on) {
    check.ok = false;
    check.sentence = fmt::format(
        "Le contrat commence plus de {} mois après le début de la formation au CFA ({}).", months,
        FormatFrenchDate(training));
  } else {
    check.sentence =
        fmt::format("Le contrat commence moins de {} mois avant ou après la formation au CFA ({}).",
                    months, FormatFrenchDate(training));
  }
  return check;
}

Check MinimumPayCheck(const ContractLimits& limits, const std::vector<PayPeriod>& pay) {
  Check check{"minimum-pay", true,
              "Le salaire prévu respecte le minimum légal sur toute la durée du contrat.",
              limits.legal_refs.at("minimum-pay")};
  for (const PayPeriod& period : pay) {
    if (period.gross_monthly_cents < period.minimum_monthly_cents) {
      check.ok = false;
      check.sentence = fmt::format(
          "Du {} au {}, le salaire prévu ({}) est inférieur au minimum ({}) de {}.",
          FormatFrenchDate(period.from), FormatFrenchDate(period.to),
          FormatEuros(period.gross_monthly_cents), FormatEuros(period.minimum_monthly_cents),
          FormatEuros(period.minimum_monthly_cents - period.gross_monthly_cents));
      break;
    }
  }
  return check;
}

Check TutorCheck(const ContractLimits& limits, const Situation& situation) {
  const Tutor& tutor = *situation.tutor;
  Check check{"tutor", true, "", limits.legal_refs.at("tutor")};
  const int repeating = tutor.other_repeating + (tutor.this_one_repeats ? 1 : 0);
  const int others =
      tutor.other_apprentices - tutor.other_repeating + (tutor.this_one_repeats ? 0 : 1);
  std::vector<std::string> problems;
  if (others > limits.tutor_max_apprentices) {
    problems.push_back(fmt::format("il suivrait {} apprentis, {} au plus (plus un redoublant)",
                                   others, limits.tutor_max_apprentices));
  }
  if (repeating > limits.tutor_max_repeating) {
    problems.push_back(fmt::format("il suivrait {} apprentis redoublants, {} au plus", repeating,
                                   limits.tutor_max_repeating));
  }
  if (tutor.related_experience_years) {
    const int years = *tutor.related_experience_years;
    const bool diploma = tutor.diploma_level_same_field &&
                         *tutor.diploma_level_same_field >= situation.contract.certification_level;
    const bool qualified = (diploma && years >= limits.tutor_years_with_diploma) ||
                           years >= limits.tutor_years_without_diploma;
    if (!qualified) {
      problems.push_back(
          fmt::format("il faut {} an d'expérience avec un diplôme du même domaine de niveau au "
                      "moins égal, ou {} ans d'expérience",
                      limits.tutor_years_with_diploma, limits.tutor_years_without_diploma));
    }
  }
  check.ok = problems.empty();
  check.sentence = check.ok
                       ? "Le maître d'apprentissage remplit les conditions (nombre d'apprentis "
                         "suivis, expérience)."
                       : fmt::format("Maître d'apprentissage : {}.", fmt::join(problems, " ; "));
  return check;
}

}  // namespace

std::vector<Check> CheckContract(const Rules& rules, const Situation& situation,
                                 const std::vector<PayPeriod>& pay) {
  std::vector<Check> checks;
  const ContractLimits& limits = rules.limits;
  if (situation.contract.kind == ContractKind::kApprenticeship) {
    checks.push_back(AgeCheck(limits, situation));
    checks.push_back(DurationCheck(limits, situation));
    if (situation.contract.training_starts_on)
      checks.push_back(StartWindowCheck(limits, situation));
    if (situation.tutor) checks.push_back(TutorCheck(limits, situation));
  }
  checks.push_back(MinimumPayCheck(limits, pay));
  return checks;
}

}  // namespace maplace::aids
