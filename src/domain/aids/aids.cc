// The aids of rules/aids/*.toml, evaluated on a situation: which version is in force, which
// case applies, and a French sentence for every condition met or missed.
#include "domain/aids/aids.h"

#include <fmt/format.h>

#include <algorithm>

#include "domain/aids/money.h"
#include "domain/aids/pay.h"

namespace maplace::aids {

namespace {

std::string LevelRange(const AidConditions& when) {
  if (when.min_level && when.max_level && *when.min_level == *when.max_level) {
    return fmt::format("le niveau {}", *when.max_level);
  }
  std::string range;
  if (when.min_level && when.max_level) {
    range = fmt::format("les niveaux {} à {}", *when.min_level, *when.max_level);
  } else if (when.max_level) {
    range = fmt::format("jusqu'au niveau {}", *when.max_level);
  } else {
    range = fmt::format("à partir du niveau {}", *when.min_level);
  }
  if (when.max_level_overseas) range += fmt::format(" ({} en outre-mer)", *when.max_level_overseas);
  return range;
}

// The conditions of a case on the situation, each said in French.
class ConditionWriter {
 public:
  ConditionWriter(const Situation& situation, const std::vector<PayPeriod>& pay, Date day)
      : situation_(situation), pay_(pay), day_(day) {}

  // Each condition of `when`, met or not; the French sentence only when `render` (choosing
  // the case needs the booleans alone, and sentences are the engine's main cost).
  std::vector<Condition> Of(const AidConditions& when, bool render) const {
    std::vector<Condition> out;
    out.reserve(8);
    auto Add = [render](std::vector<Condition>& list, bool met, auto&& sentence) {
      list.push_back({met, render ? sentence() : std::string()});
    };
    const Contract& contract = situation_.contract;
    const Apprentice& apprentice = situation_.apprentice;
    const Employer& employer = situation_.employer;
    const bool overseas = IsOverseas(situation_.territory);
    if (!when.contract_kinds.empty()) {
      bool met = std::find(when.contract_kinds.begin(), when.contract_kinds.end(), contract.kind) !=
                 when.contract_kinds.end();
      const char* wanted = when.contract_kinds.front() == ContractKind::kApprenticeship
                               ? "d'apprentissage"
                               : "de professionnalisation";
      Add(out, met, [&] {
        return std::string(met ? fmt::format("Le contrat est un contrat {}.", wanted)
                               : fmt::format("L'aide est réservée aux contrats {}.", wanted));
      });
    }
    if (!when.territories.empty()) {
      bool met = std::find(when.territories.begin(), when.territories.end(),
                           situation_.territory) != when.territories.end();
      Add(out, met, [&] {
        return std::string(
            met ? fmt::format("Le contrat est exécuté en {}.", TerritoryName(situation_.territory))
                : fmt::format("L'aide est réservée à : {}.",
                              TerritoryName(when.territories.front())));
      });
    }
    if (when.overseas) {
      Add(out, overseas, [&] {
        return std::string(overseas ? fmt::format("Le contrat est exécuté en outre-mer ({}).",
                                                  TerritoryName(situation_.territory))
                                    : "L'aide est réservée aux territoires d'outre-mer.");
      });
    }
    if (when.max_headcount || when.min_headcount) {
      bool met = (!when.max_headcount || employer.headcount <= *when.max_headcount) &&
                 (!when.min_headcount || employer.headcount >= *when.min_headcount);
      std::string limit = when.max_headcount ? fmt::format("moins de {}", *when.max_headcount + 1)
                                             : fmt::format("{} ou plus", *when.min_headcount);
      Add(out, met, [&] {
        return std::string(
            fmt::format("L'entreprise compte {} salarié{} ; ce cas demande {} salariés.",
                        employer.headcount, employer.headcount > 1 ? "s" : "", limit));
      });
    }
    if (when.min_level || when.max_level) {
      int max_level = when.max_level.value_or(8);
      if (overseas && when.max_level_overseas) max_level = *when.max_level_overseas;
      int level = contract.certification_level;
      bool met = level <= max_level && (!when.min_level || level >= *when.min_level);
      Add(out, met, [&] {
        return std::string(fmt::format("Le diplôme préparé est de niveau {} ; ce cas couvre {}.",
                                       level, LevelRange(when)));
      });
    }
    if (when.rqth) {
      bool met = apprentice.rqth == *when.rqth;
      Add(out, met, [&] {
        return std::string(
            *when.rqth
                ? (met ? "L'apprenti est reconnu travailleur handicapé (RQTH)."
                       : "Ce cas concerne les apprentis reconnus travailleurs handicapés (RQTH).")
                : (met ? "L'apprenti n'a pas de RQTH."
                       : "Ce cas exclut les apprentis ayant une RQTH."));
      });
    }
    if (when.quota_commitment) {
      bool met = employer.commits_to_alternance_quota;
      Add(out, met, [&] {
        return std::string(
            met ? "L'entreprise s'engage à atteindre le seuil d'alternants dans son effectif."
                : "Une entreprise de 250 salariés ou plus doit s'engager à atteindre 5 % "
                  "d'alternants "
                  "dans son effectif (ou 3 % avec une progression).");
      });
    }
    if (when.min_age || when.max_age) {
      int age = AgeOn(apprentice.birth_date, day_);
      bool met = (!when.min_age || age >= *when.min_age) && (!when.max_age || age <= *when.max_age);
      std::string limit = when.min_age && when.max_age
                              ? fmt::format("de {} à {} ans", *when.min_age, *when.max_age)
                          : when.min_age ? fmt::format("au moins {} ans", *when.min_age)
                                         : fmt::format("moins de {} ans", *when.max_age + 1);
      Add(out, met, [&] {
        return std::string(fmt::format("Âge le {} : {} ans ; l'aide demande {}.",
                                       FormatFrenchDate(day_), age, limit));
      });
    }
    if (when.mobility) {
      const MobilityDestination destination = situation_.mobility.destination;
      bool met = *when.mobility == MobilityDestination::kNone
                     ? destination != MobilityDestination::kNone
                     : destination == *when.mobility;
      std::string wanted = *when.mobility == MobilityDestination::kHexagone ? "dans l'Hexagone"
                           : *when.mobility == MobilityDestination::kOtherOverseas
                               ? "dans un autre territoire d'outre-mer"
                               : "hors de votre territoire";
      Add(out, met, [&] {
        return std::string(
            met ? fmt::format("Une partie de la formation ou du travail se déroule {}.", wanted)
                : fmt::format("L'aide demande une formation ou un travail {}.", wanted));
      });
    }
    if (when.first_mobility) {
      bool met = !situation_.mobility.already_received_for_this_contract;
      Add(out, met, [&] {
        return std::string(met ? "Aucune aide à la mobilité n'a encore été versée pour ce contrat."
                               : "Une seule mobilité est aidée par contrat, et elle l'a déjà été.");
      });
    }
    if (when.social_support_criteria) out.push_back(SocialCriteria(render));
    if (when.driving_licence) {
      bool met = apprentice.preparing_driving_licence && !apprentice.received_driving_licence_aid;
      Add(out, met, [&] {
        return std::string(met ? "L'apprenti prépare le permis B et n'a jamais reçu cette aide."
                           : apprentice.received_driving_licence_aid
                               ? "L'aide au permis n'est versée qu'une fois."
                               : "L'aide demande de préparer le permis B.");
      });
    }
    if (when.tenant) {
      bool met = apprentice.tenant;
      Add(out, met, [&] {
        return std::string(
            met ? "L'apprenti paie un loyer (ou un second loyer) pour se rapprocher de son travail."
                : "L'aide demande de payer un loyer près du lieu de formation ou de travail.");
      });
    }
    if (when.max_gross_percent_of_smic)
      out.push_back(PayCeiling(*when.max_gross_percent_of_smic, render));
    if (when.private_non_agricultural) {
      bool met = employer.private_non_agricultural;
      Add(out, met, [&] {
        return std::string(
            met ? "L'employeur est une entreprise privée non agricole."
                : "L'aide est réservée aux salariés d'entreprises privées non agricoles.");
      });
    }
    if (when.job_seeker) {
      bool met = apprentice.job_seeker;
      Add(out, met, [&] {
        return std::string(met ? "Le salarié était inscrit comme demandeur d'emploi."
                               : "L'aide demande que le salarié ait été demandeur d'emploi.");
      });
    }
    if (when.max_household_quotient_cents) {
      bool known = apprentice.household_quotient_cents.has_value();
      bool met =
          known && *apprentice.household_quotient_cents <= *when.max_household_quotient_cents;
      Add(out, met, [&] {
        return std::string(fmt::format("Le quotient familial doit être au plus de {}{}.",
                                       FormatEuros(*when.max_household_quotient_cents),
                                       known ? "" : " (non renseigné)"));
      });
    }
    if (when.contract_in_progress) {
      bool met = contract.starts_on <= day_ && day_ <= contract.ends_on;
      Add(out, met, [&] {
        return std::string(
            met ? fmt::format("Le contrat est en cours le {}.", FormatFrenchDate(day_))
                : fmt::format("L'aide demande un contrat en cours ; le {}, il ne l'est pas.",
                              FormatFrenchDate(day_)));
      });
    }
    return out;
  }

 private:
  Condition SocialCriteria(bool render) const {
    const Apprentice& a = situation_.apprentice;
    std::vector<std::string> met;
    if (a.from_rsma_e2c_or_garantie_jeunes)
      met.push_back("vient du RSMA, d'une E2C ou de la Garantie jeunes");
    if (!a.highest_level_held || *a.highest_level_held < 3)
      met.push_back("n'a pas de diplôme de niveau 3 ou 4");
    if (a.rqth) met.push_back("est reconnu travailleur handicapé");
    if (a.lives_in_qpv) met.push_back("habite un quartier prioritaire");
    if (a.social_difficulties) met.push_back("rencontre des difficultés sociales ou matérielles");
    if (!render) return {!met.empty(), {}};
    if (met.empty()) {
      return {false,
              "Aucun critère n'est rempli : venir du RSMA, d'une E2C ou de la Garantie jeunes, ne "
              "pas avoir de "
              "diplôme de niveau 3 ou 4, être reconnu travailleur handicapé, habiter un quartier "
              "prioritaire ou "
              "rencontrer des difficultés sociales ou matérielles qui menacent l'apprentissage."};
    }
    return {true, fmt::format("L'apprenti {}.", fmt::join(met, ", "))};
  }

  Condition PayCeiling(int percent, bool render) const {
    const PayPeriod* period = PeriodOn(day_);
    if (period == nullptr) return {false, "Le salaire à cette date n'est pas connu."};
    Cents ceiling = MulDivRound(period->smic_monthly_cents, percent, 100);
    bool met = period->gross_monthly_cents <= ceiling;
    if (!render) return {met, {}};
    return {met,
            fmt::format("Salaire brut {} ; l'aide demande au plus {} % du SMIC, soit {}.",
                        FormatEuros(period->gross_monthly_cents), percent, FormatEuros(ceiling))};
  }

  const PayPeriod* PeriodOn(Date day) const {
    for (const PayPeriod& period : pay_) {
      if (period.from <= day && day <= period.to) return &period;
    }
    return pay_.empty() ? nullptr : &pay_.front();
  }

  const Situation& situation_;
  const std::vector<PayPeriod>& pay_;
  Date day_;
};

Date BasisDate(const AidDefinition& aid, const Situation& situation) {
  switch (aid.basis) {
    case DateBasis::kConcludedOn:
      return situation.contract.concluded_on;
    case DateBasis::kStartsOn:
      return situation.contract.starts_on;
    case DateBasis::kSimulatedDate:
      return situation.date;
  }
  return situation.date;
}

const AidVersion* VersionOn(const AidDefinition& aid, Date day, Date starts_on) {
  for (const AidVersion& version : aid.versions) {
    if (day < version.from || (version.to && *version.to < day)) continue;
    if (version.starts_to && *version.starts_to < starts_on) continue;
    return &version;
  }
  return nullptr;
}

const char* BasisName(DateBasis basis) {
  return basis == DateBasis::kConcludedOn ? "Contrat conclu"
         : basis == DateBasis::kStartsOn  ? "Contrat commencé"
                                          : "Situation";
}

std::string BasisSentence(const AidDefinition& aid, const AidVersion& version, Date day) {
  return fmt::format("{} le {} : règles en vigueur {} ({}).", BasisName(aid.basis),
                     FormatFrenchDate(day), version.span, version.legal_refs.front());
}

// State aid paid during the first year: the whole amount for a year or more; for a shorter
// contract, by month — prorated by days in the first and last month since décret 2025-1031,
// per month started before it.
Cents FirstYearTotal(const Rules& rules, const Contract& contract, Cents yearly) {
  const Date year_end = AddDays(AddYears(contract.starts_on, 1), -1);
  if (year_end <= contract.ends_on) return yearly;
  const bool by_days = rules.day_prorating_from <= contract.ends_on;
  double months = 0;
  Date month_start{contract.starts_on.year(), contract.starts_on.month(), std::chrono::day(1)};
  while (month_start <= contract.ends_on) {
    Date next = FirstOfNextMonth(month_start);
    Date from = std::max(month_start, contract.starts_on);
    Date to = std::min(AddDays(next, -1), contract.ends_on);
    double covered = DaysBetween(from, to) + 1;
    double length = DaysBetween(month_start, next);
    months += by_days ? covered / length : 1.0;
    month_start = next;
  }
  return std::min<Cents>(yearly, std::llround(static_cast<double>(yearly) * months / 12.0));
}

}  // namespace

std::vector<Aid> EvaluateAids(const Rules& rules, const Situation& situation,
                              const std::vector<PayPeriod>& pay) {
  std::vector<Aid> out;
  out.reserve(rules.aids.size() + 2);
  const bool overseas = IsOverseas(situation.territory);
  for (const AidDefinition& definition : rules.aids) {
    if (!definition.enabled || (overseas && !definition.overseas_enabled)) continue;
    Aid aid;
    aid.explanation.reserve(4);
    aid.id = definition.id;
    aid.name = definition.name;
    aid.beneficiary = definition.beneficiary;
    aid.period = definition.period;
    aid.payer = definition.payer;
    aid.how_to_ask = definition.how_to_ask;
    const Date day = BasisDate(definition, situation);
    const AidVersion* version = VersionOn(definition, day, situation.contract.starts_on);
    if (version == nullptr) {
      // Say when the aid existed, with the text that set it.
      const AidVersion& nearest = day < definition.versions.front().from
                                      ? definition.versions.front()
                                      : definition.versions.back();
      aid.legal_refs = nearest.legal_refs;
      aid.conditions.push_back(
          {false,
           fmt::format("{} le {} : cette aide vaut {}.", BasisName(definition.basis),
                       FormatFrenchDate(day), nearest.span),
           nearest.legal_refs});
      aid.explanation.push_back(aid.conditions.back().sentence);
      out.push_back(std::move(aid));
      continue;
    }
    aid.legal_refs = version->legal_refs;
    aid.conditions.reserve(8);
    aid.conditions.push_back({true, BasisSentence(definition, *version, day), {}});

    // The first case whose conditions all hold; otherwise the closest one, to say what misses.
    ConditionWriter writer(situation, pay,
                           definition.basis == DateBasis::kSimulatedDate ? situation.date : day);
    const AidCase* chosen = nullptr;
    const AidCase* closest = nullptr;
    std::size_t best_met = 0;
    for (const AidCase& aid_case : version->cases) {
      std::vector<Condition> conditions = writer.Of(aid_case.when, /*render=*/false);
      std::size_t met = std::count_if(conditions.begin(), conditions.end(),
                                      [](const Condition& c) { return c.met; });
      if (met == conditions.size()) {
        chosen = &aid_case;
        break;
      }
      if (closest == nullptr || met > best_met) {
        best_met = met;
        closest = &aid_case;
      }
    }
    // When the aid is not for this kind of contract or territory, that alone is said.
    const AidConditions& reported = chosen != nullptr ? chosen->when : closest->when;
    AidConditions scope;
    scope.contract_kinds = reported.contract_kinds;
    scope.territories = reported.territories;
    scope.overseas = reported.overseas;
    const std::vector<Condition> scope_conditions = writer.Of(scope, /*render=*/false);
    const bool out_of_scope = std::any_of(scope_conditions.begin(), scope_conditions.end(),
                                          [](const Condition& c) { return !c.met; });
    std::vector<Condition> chosen_conditions =
        writer.Of(out_of_scope ? scope : reported, /*render=*/true);
    for (Condition& condition : chosen_conditions) aid.conditions.push_back(std::move(condition));

    if (chosen != nullptr) {
      aid.eligible = true;
      aid.amount_cents = chosen->amount_cents;
      aid.amount_is_maximum = chosen->amount_is_maximum;
      aid.explanation.push_back(fmt::format("{} : {}{}.", chosen->label,
                                            aid.amount_is_maximum ? "jusqu'à " : "",
                                            FormatEuros(aid.amount_cents)));
      if (chosen->rent_minus_cents && situation.apprentice.monthly_rent_cents) {
        Cents from_rent = *situation.apprentice.monthly_rent_cents - *chosen->rent_minus_cents;
        aid.amount_cents = std::clamp<Cents>(from_rent, 0, chosen->amount_cents);
        aid.amount_is_maximum = false;
        aid.explanation.push_back(
            fmt::format("Loyer restant {} moins {} laissés à votre charge : {} par mois.",
                        FormatEuros(*situation.apprentice.monthly_rent_cents),
                        FormatEuros(*chosen->rent_minus_cents), FormatEuros(aid.amount_cents)));
        if (aid.amount_cents < *chosen->rent_minus_cents) {
          aid.eligible = false;
          aid.explanation.push_back("L'aide n'est pas versée en dessous de 10 € par mois.");
        }
      }
      if (!chosen->note.empty()) aid.explanation.push_back(chosen->note);
      switch (definition.period) {
        case Periodicity::kMonthlyFirstYear:
          aid.total_cents = FirstYearTotal(rules, situation.contract, aid.amount_cents);
          aid.explanation.push_back(fmt::format(
              "Versée chaque mois pendant la 1re année d'exécution du contrat seulement : {} par "
              "mois, {} au total.",
              FormatEuros(MulDivRound(aid.amount_cents, 1, 12)), FormatEuros(aid.total_cents)));
          break;
        case Periodicity::kMonthly: {
          // Months of the contract, at most max_months, at most the yearly cap per contract year.
          int months = 0;
          while (months < definition.max_months.value_or(120) &&
                 AddMonths(situation.contract.starts_on, months) <= situation.contract.ends_on) {
            ++months;
          }
          for (int done = 0; done < months; done += 12) {
            Cents year = aid.amount_cents * std::min(12, months - done);
            if (definition.yearly_cap_cents) year = std::min(year, *definition.yearly_cap_cents);
            aid.total_cents += year;
          }
          if (definition.yearly_cap_cents) {
            aid.explanation.push_back(fmt::format("Au plus {} par an, pendant {} mois au plus.",
                                                  FormatEuros(*definition.yearly_cap_cents),
                                                  definition.max_months.value_or(months)));
          }
          break;
        }
        default:
          aid.total_cents = aid.amount_cents;
      }
    } else {
      aid.explanation.push_back("Les conditions ne sont pas toutes remplies.");
    }
    if (!version->note.empty()) aid.explanation.push_back(version->note);
    out.push_back(std::move(aid));
  }
  return out;
}

std::vector<Aid> OpcoFundingAids(const Rules& rules, const Situation& situation) {
  std::vector<Aid> out;
  if (situation.contract.kind != ContractKind::kApprenticeship) return out;
  const OpcoFunding* funding =
      InForce(rules.opco_funding, &OpcoFunding::from, situation.contract.starts_on);
  if (funding == nullptr) return out;

  Aid npec;
  npec.id = "opco-contract-funding";
  npec.name = "Prise en charge de la formation par l'OPCO (NPEC)";
  npec.beneficiary = Beneficiary::kCfa;
  npec.period = Periodicity::kYearly;
  npec.payer = "L'OPCO de l'employeur, au CFA";
  npec.how_to_ask =
      "Le CFA la demande à l'OPCO une fois le contrat déposé ; la formation ne coûte rien à "
      "l'employeur.";
  npec.legal_refs = {"C. trav. art. L6332-14", "C. trav. art. D6332-78"};
  npec.eligible = true;
  npec.conditions.push_back(
      {true, "Tout contrat d'apprentissage déposé auprès de l'OPCO est financé.", npec.legal_refs});
  if (situation.funding.npec_yearly_cents) {
    npec.amount_cents = *situation.funding.npec_yearly_cents;
    npec.explanation.push_back(
        fmt::format("Niveau de prise en charge de la certification pour la branche : {} par an.",
                    FormatEuros(npec.amount_cents)));
  } else {
    npec.explanation.push_back(
        "Le montant dépend de la certification et de la branche (référentiel de France "
        "compétences) : non renseigné.");
  }
  if (situation.apprentice.rqth) {
    npec.explanation.push_back(
        fmt::format("Apprenti reconnu travailleur handicapé : majoration jusqu'à {}.",
                    FormatEuros(funding->rqth_increase_max_cents)));
    npec.legal_refs.push_back("C. trav. art. D6332-82");
  }
  int years = 0;
  while (AddYears(situation.contract.starts_on, years) <= situation.contract.ends_on) ++years;
  if (funding->prorated_by_day) {
    // Décret 2025-585: the CFA is paid for the days of the contract.
    const int days = DaysBetween(situation.contract.starts_on, situation.contract.ends_on) + 1;
    npec.total_cents = MulDivRound(npec.amount_cents, days, 365);
    npec.explanation.push_back(
        fmt::format("Versée au prorata des jours du contrat ({} jours) : {} au total.", days,
                    FormatEuros(npec.total_cents)));
  } else {
    npec.total_cents = npec.amount_cents * years;
  }
  out.push_back(std::move(npec));

  Aid annexes;
  annexes.id = "opco-frais-annexes";
  annexes.name = "Frais annexes pris en charge par l'OPCO (hébergement, repas, premier équipement)";
  annexes.beneficiary = Beneficiary::kCfa;
  annexes.period = Periodicity::kYearly;
  annexes.payer = "L'OPCO de l'employeur, au CFA qui supporte ces frais";
  annexes.how_to_ask = "Le CFA les déclare à l'OPCO avec la prise en charge du contrat.";
  annexes.legal_refs = funding->legal_refs;
  annexes.eligible = true;
  const Funding& asked = situation.funding;
  const Cents lodging = funding->lodging_per_night_cents * asked.lodging_nights_per_year;
  const Cents meals = funding->meal_cents * asked.meals_per_year;
  const Cents equipment = std::min(asked.first_equipment_cents, funding->first_equipment_max_cents);
  annexes.amount_cents = lodging + meals;
  annexes.total_cents = annexes.amount_cents * years + equipment;
  annexes.conditions.push_back(
      {true, "Le CFA supporte ces frais pour l'apprenti.", funding->legal_refs});
  annexes.explanation.push_back(
      fmt::format("Hébergement : {} nuits × {} = {} par an.", asked.lodging_nights_per_year,
                  FormatEuros(funding->lodging_per_night_cents), FormatEuros(lodging)));
  annexes.explanation.push_back(fmt::format("Repas : {} × {} = {} par an.", asked.meals_per_year,
                                            FormatEuros(funding->meal_cents), FormatEuros(meals)));
  annexes.explanation.push_back(fmt::format("Premier équipement : {} (au plus {}).",
                                            FormatEuros(equipment),
                                            FormatEuros(funding->first_equipment_max_cents)));
  out.push_back(std::move(annexes));
  return out;
}

}  // namespace maplace::aids
