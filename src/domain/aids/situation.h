#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace maplace::aids {

using Cents = std::int64_t;

// Where the contract is performed. Only Mayotte has its own SMIC; the overseas territories
// share the aide unique up to level 5 and the delegation's mobility aids.
enum class Territory {
  kHexagone,
  kGuadeloupe,           // 971
  kMartinique,           // 972
  kGuyane,               // 973
  kReunion,              // 974
  kSaintPierreMiquelon,  // 975
  kMayotte,              // 976
};
bool IsOverseas(Territory territory);
// "hexagone", "971" … "976"
std::optional<Territory> TerritoryFromCode(std::string_view code);
std::string TerritoryCode(Territory territory);
std::string TerritoryName(Territory territory);  // « Martinique », « l'Hexagone »

enum class ContractKind { kApprenticeship, kProfessionalisation };

// L6222-2: the cases where the 29-year age limit does not apply.
enum class AgeException {
  kNone,
  kHigherDiploma,     // new contract toward a higher diploma, within a year of the previous one
  kBrokenContract,    // previous contract broken for reasons beyond the apprentice's control
  kRqth,              // recognised disabled worker (also implied by Apprentice::rqth)
  kBusinessCreation,  // creating or taking over a business that needs the diploma
  kHighLevelAthlete,  // on the ministry's list
};

enum class MobilityDestination { kNone, kHexagone, kOtherOverseas };

// The apprentice's previous apprenticeship contract, when this one follows it (D6222-29).
struct PreviousContract {
  Date ended_on;
  int last_contract_year = 1;     // the year of execution reached (1–3)
  bool diploma_obtained = false;  // D6222-29 keeps the last year's pay only then
  bool broken_early = false;      // the 750 € participation drops to 200 € (décret 2025-585)
};

struct Contract {
  ContractKind kind = ContractKind::kApprenticeship;
  Date concluded_on;
  Date starts_on;
  Date ends_on;                 // last day of the contract
  int certification_level = 4;  // RNCP level 3–8
  // The contract year the apprentice starts in: 2 when a one-year contract covers the second
  // year of a two-year cycle (D6222-28-1), or for a one-year licence professionnelle.
  int first_contract_year = 1;
  // +15 points (D6222-30): a contract of at most a year toward a diploma of the same level as
  // one already held, and directly related to it.
  bool same_level_related_diploma = false;
  std::optional<Date> training_starts_on;    // the CFA cycle's first day
  std::optional<Cents> monthly_gross_cents;  // the pay agreed; the minimum when absent
  std::optional<PreviousContract> previous;
};

struct Apprentice {
  Date birth_date;
  bool rqth = false;
  bool completed_college = false;  // 15-year-olds may start after the 3e
  AgeException age_exception = AgeException::kNone;
  bool job_seeker = false;  // professionnalisation: AFE (≥ 26) and the ≥ 45 State aid
  // The highest diploma already held (RNCP level); none when absent. Professionnalisation pay
  // is higher from level 4 (bac); the social support is for those without a level 3 or 4.
  std::optional<int> highest_level_held;
  // Criteria of the delegation's social support (the CFA asks for it).
  bool from_rsma_e2c_or_garantie_jeunes = false;
  bool lives_in_qpv = false;
  bool social_difficulties = false;
  // Driving-licence aid: preparing the B licence and never received the aid.
  bool preparing_driving_licence = false;
  bool received_driving_licence_aid = false;
  // Mobili-jeune: the apprentice rents a home (or pays a second rent) near the work place.
  bool tenant = false;
  std::optional<Cents> monthly_rent_cents;  // after housing benefit
  // LADOM schemes ask for the household quotient (€ per year).
  std::optional<Cents> household_quotient_cents;
};

struct Employer {
  int headcount = 1;
  bool commits_to_alternance_quota = false;  // ≥ 250 employees: the 5 % commitment
  std::optional<Cents> collective_agreement_minimum_monthly_cents;  // SMC for the job
  bool private_non_agricultural = true;                             // Mobili-jeune
  bool lodeom_eligible = false;  // overseas employer under the Lodeom scales
};

struct Tutor {
  int other_apprentices = 0;      // supervised at the same time, not counting this one
  int other_repeating = 0;        // among them, apprentices repeating after a failed exam
  bool this_one_repeats = false;  // this apprentice repeats after a failed exam
  std::optional<int> diploma_level_same_field;  // the tutor's diploma in the same field
  std::optional<int> related_experience_years;
};

struct Mobility {
  MobilityDestination destination = MobilityDestination::kNone;
  bool already_received_for_this_contract = false;
};

// What the OPCO funds for the contract (paid to the CFA).
struct Funding {
  std::optional<Cents> npec_yearly_cents;  // the NPEC of the certification for the branch
  int lodging_nights_per_year = 0;
  int meals_per_year = 0;
  Cents first_equipment_cents = 0;
};

// One situation to evaluate. `date` is the day the question is asked about (the month whose
// pay and cost are shown); the rules are those in force at each date that matters, never
// "today".
struct Situation {
  Date date;
  Territory territory = Territory::kMartinique;
  Contract contract;
  Apprentice apprentice;
  Employer employer;
  std::optional<Tutor> tutor;
  Mobility mobility;
  Funding funding;
};

}  // namespace maplace::aids
