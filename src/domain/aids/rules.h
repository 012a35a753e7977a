#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/aids/evaluation.h"
#include "domain/aids/situation.h"

namespace maplace::aids {

// The rules of rules/*.toml, validated. Every amount is dated by its date of effect; the
// engine picks the version in force on the day that matters (contract conclusion, start, or
// the month simulated), never "today".

// A value the sources leave uncertain (⚠ in rules.md): named, sourced, changeable by an
// administrator. Files refer to it as "$name".
struct Parameter {
  std::string name;
  double value = 0;
  double default_value = 0;  // as written in the file
  std::string unit;          // "euros", "cents", "percent", "level", "yes-no"
  std::string label;         // French, for the administration page
  std::string source;
  std::string where;  // "rules/parameters.toml:12"
};

struct SmicRate {
  Date from;
  Cents hourly_cents = 0;
  Cents mayotte_hourly_cents = 0;
  std::vector<std::string> legal_refs;
  bool uncertain = false;
  // « SMIC mensuel depuis le 1er novembre 2024 : 1 801,80 € (11,88 € de l'heure × 151,67 h). »
  std::string sentence;
  std::string mayotte_sentence;
};

struct PayBand {
  int min_age = 0;
  std::string label;                       // "18 à 20 ans"
  std::array<int, 3> percents{};           // contract years 1, 2, 3+
  bool agreement_minimum_applies = false;  // the % applies to max(SMIC, SMC)
};

struct ApprenticePayGrid {
  Date concluded_from;
  std::vector<PayBand> bands;  // by increasing min_age
  int same_level_bonus_points = 15;
  std::vector<std::string> legal_refs;
};

struct ProfessionalisationBand {
  int min_age = 0;
  std::string label;
  int percent = 0;            // of the SMIC
  int percent_level4 = 0;     // when a level 4 diploma or higher is held
  int agreement_percent = 0;  // of the SMC, when higher (26 and over)
};

struct ProfessionalisationPay {
  Date from;
  std::vector<ProfessionalisationBand> bands;
  std::vector<std::string> legal_refs;
};

// Apprentice social contributions, by contract conclusion date (LFSS 2025).
struct ContributionRegime {
  Date concluded_from;
  int exempt_percent_of_smic = 79;  // employee contributions exempt up to this share
  bool csg_above_threshold = false;
  std::vector<std::string> legal_refs;
};

// Rates used to turn gross into net and employer cost (by date of the pay month).
struct ContributionRates {
  Date from;
  double employee_rate = 0;           // on the pay above the exempt part (retirement, AGIRC-ARRCO)
  double csg_crds_rate = 0;           // CSG + CRDS
  double csg_base_share = 0;          // 98.25 % of pay
  double employer_residual_rate = 0;  // after the general reduction (RGDU)
  double employer_residual_rate_lodeom = 0;  // overseas employers under Lodeom
  std::vector<std::string> legal_refs;
  std::string source;
};

struct EmployerParticipation {
  Date concluded_from;
  int min_level = 6;
  int max_level = 7;
  Cents amount_cents = 0;
  Cents after_broken_contract_cents = 0;
  std::vector<std::string> legal_refs;
};

struct OpcoFunding {
  Date from;
  Cents lodging_per_night_cents = 0;
  Cents meal_cents = 0;
  Cents first_equipment_max_cents = 0;
  Cents rqth_increase_max_cents = 0;
  bool prorated_by_day = false;  // the NPEC follows the contract's days (décret 2025-585)
  std::vector<std::string> legal_refs;
};

struct ContractLimits {
  int min_age = 16;
  int max_age = 29;  // inclusive, at the start
  int min_age_after_college = 15;
  int exception_max_age = 35;  // at conclusion, after a previous contract
  int min_months = 6;
  int max_months = 36;
  int max_months_rqth = 48;
  int start_window_months = 3;
  int tutor_max_apprentices = 2;
  int tutor_max_repeating = 1;
  int tutor_years_with_diploma = 1;
  int tutor_years_without_diploma = 2;
  std::map<std::string, std::vector<std::string>> legal_refs;  // by check id
};

// The conditions an aid case may ask for; absent ones are not asked.
struct AidConditions {
  std::vector<ContractKind> contract_kinds;
  std::vector<Territory> territories;
  std::optional<int> min_headcount, max_headcount;
  std::optional<int> min_level, max_level, max_level_overseas;
  std::optional<bool> rqth;
  bool quota_commitment = false;
  bool overseas = false;
  std::optional<int> min_age, max_age;          // at the aid's date
  std::optional<MobilityDestination> mobility;  // kNone: any destination
  bool first_mobility = false;
  bool social_support_criteria = false;  // any of the AKTO criteria
  bool driving_licence = false;          // preparing it, never helped
  bool tenant = false;
  std::optional<int> max_gross_percent_of_smic;
  bool private_non_agricultural = false;
  bool job_seeker = false;
  std::optional<Cents> max_household_quotient_cents;
  bool contract_in_progress = false;
};

struct AidCase {
  std::string label;  // "aide unique", "aide exceptionnelle"
  AidConditions when;
  Cents amount_cents = 0;
  bool amount_is_maximum = false;
  std::optional<Cents> rent_minus_cents;  // Mobili-jeune: rent left − this, up to the amount
  std::string note;
};

// The basis date of a version: which day decides the rules in force.
enum class DateBasis { kConcludedOn, kStartsOn, kSimulatedDate };

struct AidVersion {
  Date from;
  std::optional<Date> to;
  std::optional<Date> starts_to;  // also bounds the contract's start
  std::vector<AidCase> cases;     // the first case whose conditions hold applies
  std::vector<std::string> legal_refs;
  std::string note;  // said in the explanation, e.g. an uncertainty
  std::string span;  // "du 24 février 2025 au 31 décembre 2025", written once at load
  bool uncertain = false;
  std::string where;
};

struct AidDefinition {
  std::string id;
  std::string name;
  Beneficiary beneficiary = Beneficiary::kEmployer;
  std::string payer;
  std::string how_to_ask;
  Periodicity period = Periodicity::kOnce;
  DateBasis basis = DateBasis::kConcludedOn;
  std::optional<int> max_months;          // monthly aids: how long at most
  std::optional<Cents> yearly_cap_cents;  // monthly aids: at most this per contract year
  bool enabled = true;                    // configurable entries can be switched off
  bool overseas_enabled = true;
  std::vector<AidVersion> versions;
};

struct Rules {
  std::map<std::string, Parameter> parameters;
  std::vector<SmicRate> smic;  // by date
  std::vector<ApprenticePayGrid> apprentice_pay;
  std::vector<ProfessionalisationPay> professionalisation_pay;
  std::vector<ContributionRegime> contribution_regimes;
  std::vector<ContributionRates> contribution_rates;
  std::vector<EmployerParticipation> employer_participation;
  std::vector<OpcoFunding> opco_funding;
  ContractLimits limits;
  std::vector<AidDefinition> aids;
  Date day_prorating_from;  // décret 2025-1031: prorated first/last month of the State aid
  Date first_day;           // no evaluation before
};

struct RulesFile {
  std::string name;  // "rules/state_hiring_aid.toml", for error messages
  std::string text;
};

// Validates the rules files, with `overrides` (parameter name -> value, set by an
// administrator) applied. kInvalidArgument naming the file, the line and the reason on the
// first fault: a bad file stops the server.
Result<Rules> LoadRules(const std::vector<RulesFile>& files,
                        const std::map<std::string, double>& overrides = {});
// The *.toml files of a directory, by name.
Result<std::vector<RulesFile>> ReadRulesDirectory(const std::string& directory);
// The rules compiled into the binary (the repository's rules/ folder).
std::vector<RulesFile> EmbeddedRulesFiles();
// The rules of `directory`, or the compiled-in ones when it is empty (MAPLACE_RULES_DIR).
Result<Rules> LoadRulesFrom(const std::string& directory,
                            const std::map<std::string, double>& overrides = {});

}  // namespace maplace::aids
