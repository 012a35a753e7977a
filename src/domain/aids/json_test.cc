// The JSON of `maplace simulate` and POST /api/v1/simulate, as docs/simulate.md describes it.
#include "domain/aids/json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "core/date.h"
#include "core/error_matchers.h"
#include "domain/aids/engine.h"
#include "domain/aids/rules.h"

namespace maplace::aids {
namespace {

using nlohmann::json;

Date D(const char* iso) { return *ParseIsoDate(iso); }

// The smallest valid situation: the contract dates and the birth date.
json Minimal() {
  return json::parse(R"({
    "contract": {"starts_on": "2025-09-01", "ends_on": "2027-08-31"},
    "apprentice": {"birth_date": "2006-03-15"}
  })");
}

// The example of docs/simulate.md, without its comments.
json DocExample() {
  return json::parse(R"({
    "date": "2025-10-01",
    "territory": "972",
    "contract": {
      "kind": "apprentissage",
      "concluded_on": "2025-09-01",
      "starts_on": "2025-09-01",
      "ends_on": "2027-08-31",
      "certification_level": 4,
      "first_contract_year": 1,
      "same_level_related_diploma": false,
      "training_starts_on": null,
      "monthly_gross_cents": null,
      "previous": null
    },
    "apprentice": {
      "birth_date": "2006-03-15",
      "rqth": false,
      "completed_college": false,
      "age_exception": "none",
      "job_seeker": false,
      "highest_level_held": null,
      "from_rsma_e2c_or_garantie_jeunes": false,
      "lives_in_qpv": false,
      "social_difficulties": false,
      "preparing_driving_licence": false,
      "received_driving_licence_aid": false,
      "tenant": false,
      "monthly_rent_cents": null,
      "household_quotient_cents": null
    },
    "employer": {
      "headcount": 8,
      "commits_to_alternance_quota": false,
      "collective_agreement_minimum_monthly_cents": null,
      "private_non_agricultural": true,
      "lodeom_eligible": false
    },
    "tutor": null,
    "mobility": {"destination": null, "already_received_for_this_contract": false},
    "funding": {"npec_yearly_cents": null, "lodging_nights_per_year": 0, "meals_per_year": 0,
                "first_equipment_cents": 0}
  })");
}

// The error of `json`, which must be refused, naming `field` with a message.
void ExpectFieldError(const json& input, const std::string& field) {
  auto situation = SituationFromJson(input);
  ASSERT_THAT(situation, HasErrorCode(ErrorCode::kInvalidArgument)) << input.dump();
  const auto& fields = situation.error().fields;
  auto it = fields.find(field);
  ASSERT_NE(it, fields.end()) << "no error on " << field << " in " << situation.error().message;
  EXPECT_FALSE(it->second.empty());
}

TEST(AidsJsonTest, TheDocumentedExampleIsRead) {
  auto situation = SituationFromJson(DocExample());
  ASSERT_THAT(situation, IsOk());
  EXPECT_EQ(FormatIsoDate(situation->date), "2025-10-01");
  EXPECT_EQ(situation->territory, Territory::kMartinique);
  EXPECT_EQ(situation->contract.kind, ContractKind::kApprenticeship);
  EXPECT_EQ(FormatIsoDate(situation->contract.starts_on), "2025-09-01");
  EXPECT_EQ(FormatIsoDate(situation->contract.ends_on), "2027-08-31");
  EXPECT_EQ(situation->contract.certification_level, 4);
  EXPECT_FALSE(situation->contract.monthly_gross_cents.has_value());
  EXPECT_FALSE(situation->contract.previous.has_value());
  EXPECT_EQ(FormatIsoDate(situation->apprentice.birth_date), "2006-03-15");
  EXPECT_EQ(situation->employer.headcount, 8);
  EXPECT_TRUE(situation->employer.private_non_agricultural);
  EXPECT_FALSE(situation->tutor.has_value());
  EXPECT_EQ(situation->mobility.destination, MobilityDestination::kNone);
}

TEST(AidsJsonTest, DefaultsTheDateAndTheConclusionToTheStart) {
  auto situation = SituationFromJson(Minimal());
  ASSERT_THAT(situation, IsOk());
  EXPECT_EQ(situation->date, D("2025-09-01"));
  EXPECT_EQ(situation->contract.concluded_on, D("2025-09-01"));
}

TEST(AidsJsonTest, ReadsTheEnumerations) {
  json input = Minimal();
  input["territory"] = "hexagone";
  input["contract"]["kind"] = "professionnalisation";
  input["apprentice"]["age_exception"] = "rupture";
  input["mobility"] = {{"destination", "outre-mer"}, {"already_received_for_this_contract", true}};
  input["tutor"] = {{"other_apprentices", 1},
                    {"other_repeating", 0},
                    {"this_one_repeats", false},
                    {"diploma_level_same_field", 5},
                    {"related_experience_years", 3}};
  input["contract"]["previous"] = {{"ended_on", "2025-06-30"},
                                   {"last_contract_year", 2},
                                   {"diploma_obtained", true},
                                   {"broken_early", false}};
  auto situation = SituationFromJson(input);
  ASSERT_THAT(situation, IsOk());
  EXPECT_EQ(situation->territory, Territory::kHexagone);
  EXPECT_EQ(situation->contract.kind, ContractKind::kProfessionalisation);
  EXPECT_EQ(situation->apprentice.age_exception, AgeException::kBrokenContract);
  EXPECT_EQ(situation->mobility.destination, MobilityDestination::kOtherOverseas);
  EXPECT_TRUE(situation->mobility.already_received_for_this_contract);
  ASSERT_TRUE(situation->tutor.has_value());
  EXPECT_EQ(situation->tutor->other_apprentices, 1);
  EXPECT_EQ(situation->tutor->diploma_level_same_field, 5);
  ASSERT_TRUE(situation->contract.previous.has_value());
  EXPECT_EQ(situation->contract.previous->ended_on, D("2025-06-30"));
  EXPECT_EQ(situation->contract.previous->last_contract_year, 2);
  EXPECT_TRUE(situation->contract.previous->diploma_obtained);

  for (auto [code, territory] :
       {std::pair{"971", Territory::kGuadeloupe}, std::pair{"973", Territory::kGuyane},
        std::pair{"974", Territory::kReunion}, std::pair{"975", Territory::kSaintPierreMiquelon},
        std::pair{"976", Territory::kMayotte}}) {
    json other = Minimal();
    other["territory"] = code;
    auto read = SituationFromJson(other);
    ASSERT_THAT(read, IsOk()) << code;
    EXPECT_EQ(read->territory, territory) << code;
  }
  for (auto [name, exception] :
       {std::pair{"none", AgeException::kNone},
        std::pair{"diplome-superieur", AgeException::kHigherDiploma},
        std::pair{"rqth", AgeException::kRqth},
        std::pair{"creation-entreprise", AgeException::kBusinessCreation},
        std::pair{"sportif-haut-niveau", AgeException::kHighLevelAthlete}}) {
    json other = Minimal();
    other["apprentice"]["age_exception"] = name;
    auto read = SituationFromJson(other);
    ASSERT_THAT(read, IsOk()) << name;
    EXPECT_EQ(read->apprentice.age_exception, exception) << name;
  }
}

TEST(AidsJsonTest, MissingBirthDate) {
  json input = Minimal();
  input["apprentice"].erase("birth_date");
  ExpectFieldError(input, "apprentice.birth_date");
  input["apprentice"]["birth_date"] = "2006-02-30";  // not a day
  ExpectFieldError(input, "apprentice.birth_date");
  input["apprentice"]["birth_date"] = "15/03/2006";
  ExpectFieldError(input, "apprentice.birth_date");
}

TEST(AidsJsonTest, MissingContractDates) {
  json input = Minimal();
  input["contract"].erase("starts_on");
  ExpectFieldError(input, "contract.starts_on");
  input = Minimal();
  input["contract"].erase("ends_on");
  ExpectFieldError(input, "contract.ends_on");
}

TEST(AidsJsonTest, ContractEndingBeforeItStarts) {
  // Refused naming contract.ends_on, by SituationFromJson or else by Evaluate (engine.h says
  // Evaluate refuses it; json.h that SituationFromJson names each faulty field).
  json input = Minimal();
  input["contract"]["ends_on"] = "2025-08-31";
  auto situation = SituationFromJson(input);
  std::optional<Error> error;
  if (!situation) {
    error = situation.error();
  } else {
    auto rules = LoadRules(EmbeddedRulesFiles());
    ASSERT_THAT(rules, IsOk());
    auto evaluation = Evaluate(*rules, *situation);
    if (!evaluation) error = evaluation.error();
  }
  ASSERT_TRUE(error.has_value()) << "accepted";
  EXPECT_EQ(error->code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(error->fields.contains("contract.ends_on")) << error->message;
  EXPECT_FALSE(error->fields.at("contract.ends_on").empty());
}

TEST(AidsJsonTest, LevelOutsideThreeToEight) {
  json input = Minimal();
  input["contract"]["certification_level"] = 9;
  ExpectFieldError(input, "contract.certification_level");
  input["contract"]["certification_level"] = 2;
  ExpectFieldError(input, "contract.certification_level");
  input["contract"]["certification_level"] = 8;
  EXPECT_THAT(SituationFromJson(input), IsOk());
}

TEST(AidsJsonTest, UnknownTerritory) {
  json input = Minimal();
  input["territory"] = "978";  // Saint-Martin is not one of the territories
  ExpectFieldError(input, "territory");
  input["territory"] = 972;  // a number, not a string
  ExpectFieldError(input, "territory");
}

TEST(AidsJsonTest, WrongTypes) {
  json input = Minimal();
  input["employer"]["headcount"] = "huit";
  ExpectFieldError(input, "employer.headcount");
  input = Minimal();
  input["apprentice"]["rqth"] = "oui";
  ExpectFieldError(input, "apprentice.rqth");
  input = Minimal();
  input["contract"]["starts_on"] = 20250901;
  ExpectFieldError(input, "contract.starts_on");
  input = Minimal();
  input["contract"]["monthly_gross_cents"] = "774,77";
  ExpectFieldError(input, "contract.monthly_gross_cents");
  input = Minimal();
  input["contract"]["kind"] = "stage";
  ExpectFieldError(input, "contract.kind");
  input = Minimal();
  input["contract"] = "2025-09-01";
  EXPECT_THAT(SituationFromJson(input), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(SituationFromJson(json::array()), HasErrorCode(ErrorCode::kInvalidArgument));
}

TEST(AidsJsonTest, EveryFaultyFieldIsNamed) {
  json input = Minimal();
  input["apprentice"].erase("birth_date");
  input["contract"]["certification_level"] = 9;
  input["territory"] = "978";
  auto situation = SituationFromJson(input);
  ASSERT_THAT(situation, HasErrorCode(ErrorCode::kInvalidArgument));
  const auto& fields = situation.error().fields;
  EXPECT_TRUE(fields.contains("apprentice.birth_date"));
  EXPECT_TRUE(fields.contains("contract.certification_level"));
  EXPECT_TRUE(fields.contains("territory"));
}

TEST(AidsJsonTest, SituationRoundTrip) {
  json input = DocExample();
  input["contract"]["monthly_gross_cents"] = 80000;
  input["contract"]["training_starts_on"] = "2025-09-15";
  input["apprentice"]["rqth"] = true;
  input["apprentice"]["highest_level_held"] = 3;
  input["employer"]["collective_agreement_minimum_monthly_cents"] = 190000;
  input["mobility"]["destination"] = "hexagone";
  auto situation = SituationFromJson(input);
  ASSERT_THAT(situation, IsOk());
  auto again = SituationFromJson(SituationToJson(*situation));
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->date, situation->date);
  EXPECT_EQ(again->contract.monthly_gross_cents, 80000);
  EXPECT_EQ(again->contract.training_starts_on, D("2025-09-15"));
  EXPECT_TRUE(again->apprentice.rqth);
  EXPECT_EQ(again->apprentice.highest_level_held, 3);
  EXPECT_EQ(again->employer.collective_agreement_minimum_monthly_cents, 190000);
  EXPECT_EQ(again->mobility.destination, MobilityDestination::kHexagone);
  EXPECT_EQ(SituationToJson(*again), SituationToJson(*situation));
}

// An evaluation built by hand, so that the keys are checked apart from the engine.
Evaluation SampleEvaluation() {
  Evaluation e;
  e.date = D("2025-10-01");
  e.smic_hourly_cents = 1188;
  e.smic_monthly_cents = 180180;
  PayPeriod p;
  p.contract_year = 1;
  p.from = D("2025-09-01");
  p.to = D("2025-12-31");
  p.age = 19;
  p.age_band = "18 à 20 ans";
  p.percent = 43;
  p.smic_monthly_cents = 180180;
  p.base_monthly_cents = 180180;
  p.minimum_monthly_cents = 77477;
  p.gross_monthly_cents = 77477;
  p.net_monthly_cents = 77477;
  p.employer_monthly_cost_cents = 81971;
  p.explanation = {"43 % du SMIC"};
  p.legal_refs = {"C. trav. art. D6222-26"};
  e.pay = {p};
  e.minimum_monthly_cents = 77477;
  e.gross_monthly_cents = 77477;
  e.net_monthly_cents = 77477;
  e.employer_monthly_cost_cents = 81971;
  Aid aid;
  aid.id = "state-hiring-aid";
  aid.name = "Aide à l'embauche d'un apprenti";
  aid.beneficiary = Beneficiary::kEmployer;
  aid.eligible = true;
  aid.amount_cents = 500000;
  aid.period = Periodicity::kMonthlyFirstYear;
  aid.total_cents = 500000;
  aid.payer = "ASP";
  aid.how_to_ask = "Rien à demander";
  aid.conditions = {Condition{true, "Entreprise de moins de 250 salariés", {"D6243-2"}}};
  aid.explanation = {"5 000 € la première année"};
  aid.legal_refs = {"C. trav. art. D6243-2"};
  e.aids = {aid};
  YearSummary year;
  year.contract_year = 1;
  year.from = D("2025-09-01");
  year.to = D("2026-08-31");
  e.years = {year};
  e.checks = {Check{"age", true, "L'apprenti a 19 ans.", {"C. trav. art. L6222-1"}}};
  e.warnings = {"Attention"};
  return e;
}

void ExpectKeys(const json& object, std::initializer_list<const char*> keys) {
  ASSERT_TRUE(object.is_object()) << object.dump();
  for (const char* key : keys) EXPECT_TRUE(object.contains(key)) << key << " in " << object.dump();
}

TEST(AidsJsonTest, EvaluationHasTheDocumentedKeys) {
  json out = EvaluationToJson(SampleEvaluation());
  ExpectKeys(out,
             {"date", "smic_hourly_cents", "smic_monthly_cents", "pay", "minimum_monthly_cents",
              "gross_monthly_cents", "net_monthly_cents", "employer_monthly_cost_cents", "aids",
              "years", "employer_total_cost_cents", "employer_total_aids_cents",
              "employer_remaining_cost_cents", "checks", "warnings"});
  EXPECT_EQ(out["date"], "2025-10-01");
  EXPECT_EQ(out["smic_monthly_cents"], 180180);
  ASSERT_EQ(out["pay"].size(), 1u);
  const json& pay = out["pay"][0];
  ExpectKeys(pay, {"contract_year", "from", "to", "age", "age_band", "percent", "base",
                   "smic_monthly_cents", "base_monthly_cents", "minimum_monthly_cents",
                   "gross_monthly_cents", "net_monthly_cents", "employer_monthly_cost_cents",
                   "explanation", "legal_refs"});
  EXPECT_EQ(pay["from"], "2025-09-01");
  EXPECT_EQ(pay["to"], "2025-12-31");
  EXPECT_EQ(pay["base"], "smic");
  EXPECT_EQ(pay["age_band"], "18 à 20 ans");
  EXPECT_EQ(pay["minimum_monthly_cents"], 77477);
  ASSERT_EQ(out["aids"].size(), 1u);
  const json& aid = out["aids"][0];
  ExpectKeys(
      aid, {"id", "name", "beneficiary", "eligible", "amount_cents", "amount_is_maximum", "period",
            "total_cents", "payer", "how_to_ask", "conditions", "explanation", "legal_refs"});
  EXPECT_EQ(aid["beneficiary"], "employer");
  EXPECT_EQ(aid["period"], "monthly-first-year");
  EXPECT_EQ(aid["amount_cents"], 500000);
  EXPECT_EQ(aid["eligible"], true);
  ASSERT_EQ(aid["conditions"].size(), 1u);
  ExpectKeys(aid["conditions"][0], {"met", "sentence", "legal_refs"});
  EXPECT_EQ(aid["conditions"][0]["met"], true);
  ASSERT_EQ(out["years"].size(), 1u);
  ExpectKeys(out["years"][0], {"contract_year", "from", "to", "gross_cents", "employer_cost_cents",
                               "aids_cents", "remaining_cost_cents", "opco_funding_cents"});
  ASSERT_EQ(out["checks"].size(), 1u);
  ExpectKeys(out["checks"][0], {"id", "ok", "sentence", "legal_refs"});
  EXPECT_EQ(out["warnings"], json::array({"Attention"}));
}

TEST(AidsJsonTest, PeriodicityAndBeneficiaryNames) {
  EXPECT_EQ(PeriodicityName(Periodicity::kOnce), "once");
  EXPECT_EQ(PeriodicityName(Periodicity::kMonthlyFirstYear), "monthly-first-year");
  EXPECT_EQ(PeriodicityName(Periodicity::kMonthly), "monthly");
  EXPECT_EQ(PeriodicityName(Periodicity::kYearly), "yearly");
  EXPECT_EQ(PeriodicityName(Periodicity::kPerNight), "per-night");
  EXPECT_EQ(BeneficiaryName(Beneficiary::kEmployer), "employer");
  EXPECT_EQ(BeneficiaryName(Beneficiary::kApprentice), "apprentice");
  EXPECT_EQ(BeneficiaryName(Beneficiary::kCfa), "cfa");
}

}  // namespace
}  // namespace maplace::aids
