#include "domain/aids/json.h"

#include <fmt/format.h>

#include <map>

namespace maplace::aids {

using nlohmann::json;

namespace {

// Reads fields of one JSON object, collecting a French message per faulty field.
class Reader {
 public:
  Reader(const json& object, std::string prefix, std::map<std::string, std::string>& errors)
      : object_(object), prefix_(std::move(prefix)), errors_(errors) {}

  bool ok() const { return object_.is_object(); }
  std::string Path(std::string_view key) const { return prefix_ + std::string(key); }
  const json* Get(std::string_view key) const {
    if (!object_.is_object()) return nullptr;
    auto found = object_.find(std::string(key));
    if (found == object_.end() || found->is_null()) return nullptr;
    return &*found;
  }
  void Error(std::string_view key, std::string message) {
    errors_.emplace(Path(key), std::move(message));
  }

  std::optional<Date> OptionalDate(std::string_view key) {
    const json* value = Get(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) {
      if (auto date = ParseIsoDate(value->get_ref<const std::string&>())) return date;
    }
    Error(key, "Date attendue au format AAAA-MM-JJ (par exemple 2025-09-01).");
    return std::nullopt;
  }
  Date RequiredDate(std::string_view key) {
    if (Get(key) == nullptr) {
      Error(key, "Cette date est obligatoire.");
      return Date{};
    }
    return OptionalDate(key).value_or(Date{});
  }
  std::optional<std::int64_t> OptionalInteger(std::string_view key, std::int64_t min,
                                              std::int64_t max) {
    const json* value = Get(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_number_integer()) {
      auto number = value->get<std::int64_t>();
      if (number >= min && number <= max) return number;
    }
    Error(key, fmt::format("Nombre entier attendu, de {} à {}.", min, max));
    return std::nullopt;
  }
  int Integer(std::string_view key, int fallback, int min, int max) {
    return static_cast<int>(OptionalInteger(key, min, max).value_or(fallback));
  }
  bool Boolean(std::string_view key, bool fallback = false) {
    const json* value = Get(key);
    if (value == nullptr) return fallback;
    if (value->is_boolean()) return value->get<bool>();
    Error(key, "Réponse oui/non attendue (true ou false).");
    return fallback;
  }
  std::optional<std::string> OptionalString(std::string_view key) {
    const json* value = Get(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) return value->get<std::string>();
    Error(key, "Texte attendu.");
    return std::nullopt;
  }
  Reader Child(std::string_view key) {
    const json* value = Get(key);
    if (value != nullptr && !value->is_object()) Error(key, "Objet JSON attendu.");
    static const json kEmpty = json::object();
    return Reader(value != nullptr && value->is_object() ? *value : kEmpty, Path(key) + ".",
                  errors_);
  }

 private:
  const json& object_;
  std::string prefix_;
  std::map<std::string, std::string>& errors_;
};

constexpr std::int64_t kMaxCents = 100'000'000;  // 1 000 000 €

}  // namespace

Result<Situation> SituationFromJson(const json& input) {
  std::map<std::string, std::string> errors;
  if (!input.is_object())
    return FailFields("a situation is a JSON object", {{"situation", "Objet JSON attendu."}});
  Reader root(input, "", errors);
  Situation s;

  Reader contract = root.Child("contract");
  if (auto kind = contract.OptionalString("kind")) {
    if (*kind == "apprentissage")
      s.contract.kind = ContractKind::kApprenticeship;
    else if (*kind == "professionnalisation")
      s.contract.kind = ContractKind::kProfessionalisation;
    else
      contract.Error("kind", "Type de contrat attendu : apprentissage ou professionnalisation.");
  }
  s.contract.starts_on = contract.RequiredDate("starts_on");
  s.contract.ends_on = contract.RequiredDate("ends_on");
  s.contract.concluded_on = contract.OptionalDate("concluded_on").value_or(s.contract.starts_on);
  s.contract.certification_level = contract.Integer("certification_level", 4, 3, 8);
  s.contract.first_contract_year = contract.Integer("first_contract_year", 1, 1, 3);
  s.contract.same_level_related_diploma = contract.Boolean("same_level_related_diploma");
  s.contract.training_starts_on = contract.OptionalDate("training_starts_on");
  s.contract.monthly_gross_cents = contract.OptionalInteger("monthly_gross_cents", 0, kMaxCents);
  if (contract.Get("previous") != nullptr) {
    Reader previous = contract.Child("previous");
    PreviousContract p;
    p.ended_on = previous.RequiredDate("ended_on");
    p.last_contract_year = previous.Integer("last_contract_year", 1, 1, 3);
    p.diploma_obtained = previous.Boolean("diploma_obtained");
    p.broken_early = previous.Boolean("broken_early");
    s.contract.previous = p;
  }

  s.date = root.OptionalDate("date").value_or(s.contract.starts_on);
  if (auto territory = root.OptionalString("territory")) {
    if (auto parsed = TerritoryFromCode(*territory))
      s.territory = *parsed;
    else
      root.Error("territory", "Territoire attendu : hexagone, ou un code de 971 à 976.");
  }

  Reader apprentice = root.Child("apprentice");
  s.apprentice.birth_date = apprentice.RequiredDate("birth_date");
  s.apprentice.rqth = apprentice.Boolean("rqth");
  s.apprentice.completed_college = apprentice.Boolean("completed_college");
  if (auto exception = apprentice.OptionalString("age_exception")) {
    static const std::map<std::string, AgeException> kExceptions = {
        {"none", AgeException::kNone},
        {"diplome-superieur", AgeException::kHigherDiploma},
        {"rupture", AgeException::kBrokenContract},
        {"rqth", AgeException::kRqth},
        {"creation-entreprise", AgeException::kBusinessCreation},
        {"sportif-haut-niveau", AgeException::kHighLevelAthlete}};
    auto found = kExceptions.find(*exception);
    if (found != kExceptions.end())
      s.apprentice.age_exception = found->second;
    else
      apprentice.Error("age_exception", "Exception d'âge inconnue.");
  }
  s.apprentice.job_seeker = apprentice.Boolean("job_seeker");
  if (auto level = apprentice.OptionalInteger("highest_level_held", 0, 8))
    s.apprentice.highest_level_held = static_cast<int>(*level);
  s.apprentice.from_rsma_e2c_or_garantie_jeunes =
      apprentice.Boolean("from_rsma_e2c_or_garantie_jeunes");
  s.apprentice.lives_in_qpv = apprentice.Boolean("lives_in_qpv");
  s.apprentice.social_difficulties = apprentice.Boolean("social_difficulties");
  s.apprentice.preparing_driving_licence = apprentice.Boolean("preparing_driving_licence");
  s.apprentice.received_driving_licence_aid = apprentice.Boolean("received_driving_licence_aid");
  s.apprentice.tenant = apprentice.Boolean("tenant");
  s.apprentice.monthly_rent_cents = apprentice.OptionalInteger("monthly_rent_cents", 0, kMaxCents);
  s.apprentice.household_quotient_cents =
      apprentice.OptionalInteger("household_quotient_cents", 0, kMaxCents);

  Reader employer = root.Child("employer");
  s.employer.headcount = employer.Integer("headcount", 1, 0, 1'000'000);
  s.employer.commits_to_alternance_quota = employer.Boolean("commits_to_alternance_quota");
  s.employer.collective_agreement_minimum_monthly_cents =
      employer.OptionalInteger("collective_agreement_minimum_monthly_cents", 0, kMaxCents);
  s.employer.private_non_agricultural = employer.Boolean("private_non_agricultural", true);
  s.employer.lodeom_eligible = employer.Boolean("lodeom_eligible");

  if (root.Get("tutor") != nullptr) {
    Reader tutor = root.Child("tutor");
    Tutor t;
    t.other_apprentices = tutor.Integer("other_apprentices", 0, 0, 100);
    t.other_repeating = tutor.Integer("other_repeating", 0, 0, 100);
    t.this_one_repeats = tutor.Boolean("this_one_repeats");
    if (auto level = tutor.OptionalInteger("diploma_level_same_field", 0, 8))
      t.diploma_level_same_field = static_cast<int>(*level);
    if (auto years = tutor.OptionalInteger("related_experience_years", 0, 60))
      t.related_experience_years = static_cast<int>(*years);
    s.tutor = t;
  }

  Reader mobility = root.Child("mobility");
  if (auto destination = mobility.OptionalString("destination")) {
    if (*destination == "hexagone")
      s.mobility.destination = MobilityDestination::kHexagone;
    else if (*destination == "outre-mer")
      s.mobility.destination = MobilityDestination::kOtherOverseas;
    else if (*destination != "aucune")
      mobility.Error("destination", "Destination attendue : hexagone ou outre-mer.");
  }
  s.mobility.already_received_for_this_contract =
      mobility.Boolean("already_received_for_this_contract");

  Reader funding = root.Child("funding");
  s.funding.npec_yearly_cents = funding.OptionalInteger("npec_yearly_cents", 0, kMaxCents);
  s.funding.lodging_nights_per_year = funding.Integer("lodging_nights_per_year", 0, 0, 366);
  s.funding.meals_per_year = funding.Integer("meals_per_year", 0, 0, 1100);
  s.funding.first_equipment_cents =
      funding.OptionalInteger("first_equipment_cents", 0, kMaxCents).value_or(0);

  if (!errors.empty()) return FailFields("the situation has invalid fields", std::move(errors));
  return s;
}

json SituationToJson(const Situation& s) {
  json out;
  out["date"] = FormatIsoDate(s.date);
  out["territory"] = TerritoryCode(s.territory);
  const Contract& c = s.contract;
  json contract = {
      {"kind", c.kind == ContractKind::kApprenticeship ? "apprentissage" : "professionnalisation"},
      {"concluded_on", FormatIsoDate(c.concluded_on)},
      {"starts_on", FormatIsoDate(c.starts_on)},
      {"ends_on", FormatIsoDate(c.ends_on)},
      {"certification_level", c.certification_level},
      {"first_contract_year", c.first_contract_year},
      {"same_level_related_diploma", c.same_level_related_diploma}};
  if (c.training_starts_on) contract["training_starts_on"] = FormatIsoDate(*c.training_starts_on);
  if (c.monthly_gross_cents) contract["monthly_gross_cents"] = *c.monthly_gross_cents;
  if (c.previous) {
    contract["previous"] = {{"ended_on", FormatIsoDate(c.previous->ended_on)},
                            {"last_contract_year", c.previous->last_contract_year},
                            {"diploma_obtained", c.previous->diploma_obtained},
                            {"broken_early", c.previous->broken_early}};
  }
  out["contract"] = contract;
  const Apprentice& a = s.apprentice;
  static const std::map<AgeException, std::string> kExceptions = {
      {AgeException::kNone, "none"},
      {AgeException::kHigherDiploma, "diplome-superieur"},
      {AgeException::kBrokenContract, "rupture"},
      {AgeException::kRqth, "rqth"},
      {AgeException::kBusinessCreation, "creation-entreprise"},
      {AgeException::kHighLevelAthlete, "sportif-haut-niveau"}};
  json apprentice = {{"birth_date", FormatIsoDate(a.birth_date)},
                     {"rqth", a.rqth},
                     {"completed_college", a.completed_college},
                     {"age_exception", kExceptions.at(a.age_exception)},
                     {"job_seeker", a.job_seeker},
                     {"from_rsma_e2c_or_garantie_jeunes", a.from_rsma_e2c_or_garantie_jeunes},
                     {"lives_in_qpv", a.lives_in_qpv},
                     {"social_difficulties", a.social_difficulties},
                     {"preparing_driving_licence", a.preparing_driving_licence},
                     {"received_driving_licence_aid", a.received_driving_licence_aid},
                     {"tenant", a.tenant}};
  if (a.highest_level_held) apprentice["highest_level_held"] = *a.highest_level_held;
  if (a.monthly_rent_cents) apprentice["monthly_rent_cents"] = *a.monthly_rent_cents;
  if (a.household_quotient_cents)
    apprentice["household_quotient_cents"] = *a.household_quotient_cents;
  out["apprentice"] = apprentice;
  const Employer& e = s.employer;
  json employer = {{"headcount", e.headcount},
                   {"commits_to_alternance_quota", e.commits_to_alternance_quota},
                   {"private_non_agricultural", e.private_non_agricultural},
                   {"lodeom_eligible", e.lodeom_eligible}};
  if (e.collective_agreement_minimum_monthly_cents)
    employer["collective_agreement_minimum_monthly_cents"] =
        *e.collective_agreement_minimum_monthly_cents;
  out["employer"] = employer;
  if (s.tutor) {
    json tutor = {{"other_apprentices", s.tutor->other_apprentices},
                  {"other_repeating", s.tutor->other_repeating},
                  {"this_one_repeats", s.tutor->this_one_repeats}};
    if (s.tutor->diploma_level_same_field)
      tutor["diploma_level_same_field"] = *s.tutor->diploma_level_same_field;
    if (s.tutor->related_experience_years)
      tutor["related_experience_years"] = *s.tutor->related_experience_years;
    out["tutor"] = tutor;
  }
  const char* destination = s.mobility.destination == MobilityDestination::kHexagone ? "hexagone"
                            : s.mobility.destination == MobilityDestination::kOtherOverseas
                                ? "outre-mer"
                                : nullptr;
  out["mobility"] = {
      {"destination", destination ? json(destination) : json(nullptr)},
      {"already_received_for_this_contract", s.mobility.already_received_for_this_contract}};
  json funding = {{"lodging_nights_per_year", s.funding.lodging_nights_per_year},
                  {"meals_per_year", s.funding.meals_per_year},
                  {"first_equipment_cents", s.funding.first_equipment_cents}};
  if (s.funding.npec_yearly_cents) funding["npec_yearly_cents"] = *s.funding.npec_yearly_cents;
  out["funding"] = funding;
  return out;
}

json EvaluationToJson(const Evaluation& e) {
  json out;
  out["date"] = FormatIsoDate(e.date);
  out["smic_hourly_cents"] = e.smic_hourly_cents;
  out["smic_monthly_cents"] = e.smic_monthly_cents;
  json pay = json::array();
  for (const PayPeriod& p : e.pay) {
    pay.push_back({{"contract_year", p.contract_year},
                   {"from", FormatIsoDate(p.from)},
                   {"to", FormatIsoDate(p.to)},
                   {"age", p.age},
                   {"age_band", p.age_band},
                   {"percent", p.percent},
                   {"base", p.base_is_agreement_minimum ? "smc" : "smic"},
                   {"smic_monthly_cents", p.smic_monthly_cents},
                   {"base_monthly_cents", p.base_monthly_cents},
                   {"minimum_monthly_cents", p.minimum_monthly_cents},
                   {"gross_monthly_cents", p.gross_monthly_cents},
                   {"net_monthly_cents", p.net_monthly_cents},
                   {"employer_monthly_cost_cents", p.employer_monthly_cost_cents},
                   {"explanation", p.explanation},
                   {"legal_refs", p.legal_refs}});
  }
  out["pay"] = pay;
  out["minimum_monthly_cents"] = e.minimum_monthly_cents;
  out["gross_monthly_cents"] = e.gross_monthly_cents;
  out["net_monthly_cents"] = e.net_monthly_cents;
  out["employer_monthly_cost_cents"] = e.employer_monthly_cost_cents;
  json aids = json::array();
  for (const Aid& a : e.aids) {
    json conditions = json::array();
    for (const Condition& c : a.conditions) {
      conditions.push_back(
          {{"met", c.met}, {"sentence", c.sentence}, {"legal_refs", c.legal_refs}});
    }
    aids.push_back({{"id", a.id},
                    {"name", a.name},
                    {"beneficiary", BeneficiaryName(a.beneficiary)},
                    {"eligible", a.eligible},
                    {"amount_cents", a.amount_cents},
                    {"amount_is_maximum", a.amount_is_maximum},
                    {"period", PeriodicityName(a.period)},
                    {"total_cents", a.total_cents},
                    {"payer", a.payer},
                    {"how_to_ask", a.how_to_ask},
                    {"conditions", conditions},
                    {"explanation", a.explanation},
                    {"legal_refs", a.legal_refs}});
  }
  out["aids"] = aids;
  json years = json::array();
  for (const YearSummary& y : e.years) {
    years.push_back({{"contract_year", y.contract_year},
                     {"from", FormatIsoDate(y.from)},
                     {"to", FormatIsoDate(y.to)},
                     {"gross_cents", y.gross_cents},
                     {"employer_cost_cents", y.employer_cost_cents},
                     {"aids_cents", y.aids_cents},
                     {"remaining_cost_cents", y.remaining_cost_cents},
                     {"opco_funding_cents", y.opco_funding_cents}});
  }
  out["years"] = years;
  out["employer_total_cost_cents"] = e.employer_total_cost_cents;
  out["employer_total_aids_cents"] = e.employer_total_aids_cents;
  out["employer_remaining_cost_cents"] = e.employer_remaining_cost_cents;
  json checks = json::array();
  for (const Check& c : e.checks) {
    checks.push_back(
        {{"id", c.id}, {"ok", c.ok}, {"sentence", c.sentence}, {"legal_refs", c.legal_refs}});
  }
  out["checks"] = checks;
  out["warnings"] = e.warnings;
  return out;
}

}  // namespace maplace::aids
