#include "domain/aids/rules.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "domain/aids/money.h"

namespace maplace::aids {

namespace {

// A fault in a rules file: where and why. Thrown inside the loader only, caught at its edge.
struct RulesFault {
  std::string message;
};

std::string Where(const std::string& file, const toml::node& node) {
  return fmt::format("{}:{}", file, node.source().begin.line);
}

[[noreturn]] void Fault(const std::string& file, const toml::node& node, std::string_view why) {
  throw RulesFault{fmt::format("{}: {}", Where(file, node), why)};
}

// Reads one table, refusing keys it does not know: a typo must not silently drop a rule.
class TableReader {
 public:
  TableReader(const std::string& file, const toml::table& table,
              const std::map<std::string, Parameter>& parameters)
      : file_(file), table_(table), parameters_(parameters) {}

  ~TableReader() noexcept(false) {
    if (std::uncaught_exceptions() > 0) return;
    for (const auto& [key, node] : table_) {
      if (!used_.contains(std::string(key.str())))
        Fault(file_, node, fmt::format("unknown key '{}'", key.str()));
    }
  }

  bool Has(std::string_view key) const { return table_.contains(key); }

  const toml::node& Node(std::string_view key) {
    used_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (node == nullptr) Fault(file_, table_, fmt::format("missing key '{}'", key));
    return *node;
  }

  // A number, or "$name" of a parameter.
  double Number(std::string_view key) { return NumberOf(Node(key), key); }
  std::optional<double> OptionalNumber(std::string_view key) {
    if (!Has(key)) return std::nullopt;
    return Number(key);
  }
  int Integer(std::string_view key) {
    double value = Number(key);
    if (value != std::floor(value))
      Fault(file_, Node(key), fmt::format("'{}' must be a whole number", key));
    return static_cast<int>(value);
  }
  std::optional<int> OptionalInteger(std::string_view key) {
    if (!Has(key)) return std::nullopt;
    return Integer(key);
  }
  int IntegerOr(std::string_view key, int fallback) {
    return OptionalInteger(key).value_or(fallback);
  }
  Cents Euros(std::string_view key) {
    double euros = Number(key);
    if (euros < 0) Fault(file_, Node(key), fmt::format("'{}' must not be negative", key));
    return static_cast<Cents>(std::llround(euros * 100));
  }
  std::optional<Cents> OptionalEuros(std::string_view key) {
    if (!Has(key)) return std::nullopt;
    return Euros(key);
  }
  bool Boolean(std::string_view key, bool fallback = false) {
    if (!Has(key)) return fallback;
    const toml::node& node = Node(key);
    if (auto value = node.value<bool>()) return *value;
    if (node.is_string()) return NumberOf(node, key) != 0;  // a yes-no parameter
    Fault(file_, node, fmt::format("'{}' must be true or false", key));
  }
  std::string String(std::string_view key) {
    const toml::node& node = Node(key);
    auto value = node.value<std::string>();
    if (!value || value->empty())
      Fault(file_, node, fmt::format("'{}' must be a non-empty string", key));
    return *value;
  }
  std::string StringOr(std::string_view key, std::string fallback = "") {
    return Has(key) ? String(key) : fallback;
  }
  std::vector<std::string> Strings(std::string_view key) {
    std::vector<std::string> out;
    if (!Has(key)) return out;
    const toml::node& node = Node(key);
    const toml::array* array = node.as_array();
    if (array == nullptr) Fault(file_, node, fmt::format("'{}' must be a list of strings", key));
    for (const toml::node& item : *array) {
      auto value = item.value<std::string>();
      if (!value) Fault(file_, item, fmt::format("'{}' must be a list of strings", key));
      out.push_back(*value);
    }
    return out;
  }
  // A TOML date (2025-02-24), or "$name" of a parameter written as YYYYMMDD.
  Date DateValue(std::string_view key) {
    const toml::node& node = Node(key);
    if (const auto* date = node.as_date()) {
      const toml::date& d = date->get();
      return Date{std::chrono::year(d.year), std::chrono::month(d.month), std::chrono::day(d.day)};
    }
    if (node.is_string()) {
      auto number = static_cast<long>(NumberOf(node, key));
      Date date{std::chrono::year(static_cast<int>(number / 10000)),
                std::chrono::month(static_cast<unsigned>(number / 100 % 100)),
                std::chrono::day(static_cast<unsigned>(number % 100))};
      if (!date.ok()) Fault(file_, node, fmt::format("'{}' is not a date (YYYYMMDD)", key));
      return date;
    }
    Fault(file_, node, fmt::format("'{}' must be a date such as 2025-02-24", key));
  }
  std::optional<Date> OptionalDate(std::string_view key) {
    if (!Has(key)) return std::nullopt;
    return DateValue(key);
  }
  const toml::table& Table(std::string_view key) {
    const toml::node& node = Node(key);
    const toml::table* table = node.as_table();
    if (table == nullptr) Fault(file_, node, fmt::format("'{}' must be a table", key));
    return *table;
  }
  // [[key]] blocks; none when absent.
  std::vector<const toml::table*> Tables(std::string_view key) {
    std::vector<const toml::table*> out;
    if (!Has(key)) return out;
    const toml::node& node = Node(key);
    const toml::array* array = node.as_array();
    if (array == nullptr)
      Fault(file_, node, fmt::format("'{}' must be a list of tables ([[{}]])", key, key));
    for (const toml::node& item : *array) {
      const toml::table* table = item.as_table();
      if (table == nullptr) Fault(file_, item, fmt::format("'{}' must be a list of tables", key));
      out.push_back(table);
    }
    return out;
  }

  [[noreturn]] void FaultAt(std::string_view key, std::string_view why) {
    Fault(file_, Node(key), why);
  }
  [[noreturn]] void FaultHere(std::string_view why) { Fault(file_, table_, why); }
  std::string Here() const { return Where(file_, table_); }
  const std::string& file() const { return file_; }
  const std::map<std::string, Parameter>& parameters() const { return parameters_; }

 private:
  double NumberOf(const toml::node& node, std::string_view key) {
    if (auto value = node.value<double>()) return *value;
    if (auto text = node.value<std::string>(); text && text->starts_with('$')) {
      auto found = parameters_.find(text->substr(1));
      if (found == parameters_.end())
        Fault(file_, node, fmt::format("unknown parameter '{}'", *text));
      return found->second.value;
    }
    Fault(file_, node, fmt::format("'{}' must be a number or a \"$parameter\"", key));
  }

  const std::string& file_;
  const toml::table& table_;
  const std::map<std::string, Parameter>& parameters_;
  std::set<std::string> used_;
};

template <typename T>
void CheckOrdered(const std::vector<T>& items, Date T::*field, const std::string& what) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    if (!(items[i - 1].*field < items[i].*field))
      throw RulesFault{fmt::format("{}: dates of effect must increase", what)};
  }
}

const std::set<std::string> kUnits = {"euros", "cents", "percent", "level", "yes-no", "date"};

void ReadParameters(const std::string& file, const toml::table& root,
                    const std::map<std::string, double>& overrides, Rules& rules) {
  for (const auto& [key, node] : root) {
    const toml::table* table = node.as_table();
    if (table == nullptr) Fault(file, node, "each parameter is a [table]");
    TableReader reader(file, *table, rules.parameters);
    Parameter parameter;
    parameter.name = std::string(key.str());
    parameter.label = reader.String("label");
    parameter.unit = reader.String("unit");
    if (!kUnits.contains(parameter.unit)) reader.FaultAt("unit", "unknown unit");
    parameter.source = reader.String("source");
    const toml::node& value = reader.Node("value");
    auto number = value.value<double>();
    if (!number) Fault(file, value, "'value' must be a number");
    parameter.default_value = parameter.value = *number;
    parameter.where = Where(file, *table);
    if (auto found = overrides.find(parameter.name); found != overrides.end()) {
      parameter.value = found->second;
    }
    if (parameter.unit == "yes-no" && parameter.value != 0 && parameter.value != 1)
      throw RulesFault{fmt::format("{}: '{}' must be 0 or 1", parameter.where, parameter.name)};
    if (parameter.value < 0)
      throw RulesFault{
          fmt::format("{}: '{}' must not be negative", parameter.where, parameter.name)};
    rules.parameters.emplace(parameter.name, std::move(parameter));
  }
  for (const auto& [name, value] : overrides) {
    if (!rules.parameters.contains(name))
      throw RulesFault{fmt::format("override of an unknown parameter '{}'", name)};
  }
}

void ReadSmic(TableReader& root, Rules& rules) {
  for (const toml::table* table : root.Tables("smic")) {
    TableReader reader(root.file(), *table, rules.parameters);
    SmicRate rate;
    rate.from = reader.DateValue("from");
    rate.hourly_cents = reader.Euros("hourly_euros");
    rate.mayotte_hourly_cents = reader.Euros("mayotte_hourly_euros");
    rate.legal_refs = reader.Strings("legal_refs");
    rate.uncertain = reader.Boolean("uncertain");
    if (rate.hourly_cents == 0 || rate.mayotte_hourly_cents == 0)
      reader.FaultHere("a SMIC cannot be zero");
    // Written once here: every pay period of every simulation says it.
    auto sentence = [&rate](Cents hourly, std::string_view where) {
      return fmt::format("SMIC mensuel{} depuis le {} : {} ({},{:02} € de l'heure × 151,67 h).",
                         where, FormatFrenchLongDate(rate.from),
                         FormatEuros(MulDivRound(hourly, 35 * 52, 12)), hourly / 100, hourly % 100);
    };
    rate.sentence = sentence(rate.hourly_cents, "");
    rate.mayotte_sentence = sentence(rate.mayotte_hourly_cents, " à Mayotte");
    rules.smic.push_back(std::move(rate));
  }
}

std::array<int, 3> ThreePercents(TableReader& reader, std::string_view key) {
  const toml::node& node = reader.Node(key);
  const toml::array* array = node.as_array();
  if (array == nullptr || array->size() != 3)
    reader.FaultAt(key, "must list 3 percentages (years 1, 2, 3)");
  std::array<int, 3> out{};
  for (std::size_t i = 0; i < 3; ++i) {
    auto value = (*array)[i].value<int64_t>();
    if (!value || *value <= 0 || *value > 100)
      reader.FaultAt(key, "percentages are whole numbers in 1–100");
    out[i] = static_cast<int>(*value);
  }
  return out;
}

void ReadPay(TableReader& root, Rules& rules) {
  for (const toml::table* table : root.Tables("apprentice_pay")) {
    TableReader reader(root.file(), *table, rules.parameters);
    ApprenticePayGrid grid;
    grid.concluded_from = reader.DateValue("concluded_from");
    grid.same_level_bonus_points = reader.Integer("same_level_bonus_points");
    grid.legal_refs = reader.Strings("legal_refs");
    for (const toml::table* band_table : reader.Tables("band")) {
      TableReader band_reader(root.file(), *band_table, rules.parameters);
      PayBand band;
      band.min_age = band_reader.Integer("min_age");
      band.label = band_reader.String("label");
      band.percents = ThreePercents(band_reader, "percents");
      band.agreement_minimum_applies = band_reader.Boolean("agreement_minimum_applies");
      if (!grid.bands.empty() && band.min_age <= grid.bands.back().min_age)
        band_reader.FaultAt("min_age", "bands must be by increasing age");
      grid.bands.push_back(std::move(band));
    }
    if (grid.bands.empty() || grid.bands.front().min_age != 0)
      reader.FaultHere("the first band must start at age 0");
    rules.apprentice_pay.push_back(std::move(grid));
  }
  for (const toml::table* table : root.Tables("professionalisation_pay")) {
    TableReader reader(root.file(), *table, rules.parameters);
    ProfessionalisationPay pay;
    pay.from = reader.DateValue("from");
    pay.legal_refs = reader.Strings("legal_refs");
    for (const toml::table* band_table : reader.Tables("band")) {
      TableReader band_reader(root.file(), *band_table, rules.parameters);
      ProfessionalisationBand band;
      band.min_age = band_reader.Integer("min_age");
      band.label = band_reader.String("label");
      band.percent = band_reader.Integer("percent");
      band.percent_level4 = band_reader.Integer("percent_level4");
      band.agreement_percent = band_reader.IntegerOr("agreement_percent", 0);
      pay.bands.push_back(std::move(band));
    }
    if (pay.bands.empty() || pay.bands.front().min_age != 0)
      reader.FaultHere("the first band must start at age 0");
    rules.professionalisation_pay.push_back(std::move(pay));
  }
}

void ReadContributions(TableReader& root, Rules& rules) {
  for (const toml::table* table : root.Tables("regime")) {
    TableReader reader(root.file(), *table, rules.parameters);
    ContributionRegime regime;
    regime.concluded_from = reader.DateValue("concluded_from");
    regime.exempt_percent_of_smic = reader.Integer("exempt_percent_of_smic");
    regime.csg_above_threshold = reader.Boolean("csg_above_threshold");
    regime.legal_refs = reader.Strings("legal_refs");
    rules.contribution_regimes.push_back(std::move(regime));
  }
  for (const toml::table* table : root.Tables("rates")) {
    TableReader reader(root.file(), *table, rules.parameters);
    ContributionRates rates;
    rates.from = reader.DateValue("from");
    rates.employee_rate = reader.Number("employee_percent") / 100;
    rates.csg_crds_rate = reader.Number("csg_crds_percent") / 100;
    rates.csg_base_share = reader.Number("csg_base_percent") / 100;
    rates.employer_residual_rate = reader.Number("employer_residual_percent") / 100;
    rates.employer_residual_rate_lodeom = reader.Number("employer_residual_lodeom_percent") / 100;
    rates.legal_refs = reader.Strings("legal_refs");
    rates.source = reader.String("source");
    rules.contribution_rates.push_back(std::move(rates));
  }
  for (const toml::table* table : root.Tables("participation")) {
    TableReader reader(root.file(), *table, rules.parameters);
    EmployerParticipation participation;
    participation.concluded_from = reader.DateValue("concluded_from");
    participation.min_level = reader.Integer("min_level");
    participation.max_level = reader.Integer("max_level");
    participation.amount_cents = reader.Euros("amount_euros");
    participation.after_broken_contract_cents = reader.Euros("after_broken_contract_euros");
    participation.legal_refs = reader.Strings("legal_refs");
    rules.employer_participation.push_back(std::move(participation));
  }
}

void ReadContract(TableReader& root, Rules& rules) {
  ContractLimits& limits = rules.limits;
  limits.min_age = root.Integer("min_age");
  limits.min_age_after_college = root.Integer("min_age_after_college");
  limits.max_age = root.Integer("max_age");
  limits.exception_max_age = root.Integer("exception_max_age");
  limits.min_months = root.Integer("min_months");
  limits.max_months = root.Integer("max_months");
  limits.max_months_rqth = root.Integer("max_months_rqth");
  limits.start_window_months = root.Integer("start_window_months");
  limits.tutor_max_apprentices = root.Integer("tutor_max_apprentices");
  limits.tutor_max_repeating = root.Integer("tutor_max_repeating");
  limits.tutor_years_with_diploma = root.Integer("tutor_years_with_diploma");
  limits.tutor_years_without_diploma = root.Integer("tutor_years_without_diploma");
  TableReader refs(root.file(), root.Table("legal_refs"), rules.parameters);
  for (const char* check : {"age", "duration", "start-window", "minimum-pay", "tutor"}) {
    limits.legal_refs[check] = refs.Strings(check);
  }
}

void ReadOpco(TableReader& root, Rules& rules) {
  for (const toml::table* table : root.Tables("funding")) {
    TableReader reader(root.file(), *table, rules.parameters);
    OpcoFunding funding;
    funding.from = reader.DateValue("from");
    funding.lodging_per_night_cents = reader.Euros("lodging_per_night_euros");
    funding.meal_cents = reader.Euros("meal_euros");
    funding.first_equipment_max_cents = reader.Euros("first_equipment_max_euros");
    funding.rqth_increase_max_cents = reader.Euros("rqth_increase_max_euros");
    funding.prorated_by_day = reader.Boolean("prorated_by_day");
    funding.legal_refs = reader.Strings("legal_refs");
    rules.opco_funding.push_back(std::move(funding));
  }
}

AidConditions ReadConditions(TableReader& reader) {
  AidConditions when;
  for (const std::string& kind : reader.Strings("contract_kinds")) {
    if (kind == "apprentissage")
      when.contract_kinds.push_back(ContractKind::kApprenticeship);
    else if (kind == "professionnalisation")
      when.contract_kinds.push_back(ContractKind::kProfessionalisation);
    else
      reader.FaultAt("contract_kinds", "kinds are \"apprentissage\" or \"professionnalisation\"");
  }
  for (const std::string& code : reader.Strings("territories")) {
    auto territory = TerritoryFromCode(code);
    if (!territory) reader.FaultAt("territories", fmt::format("unknown territory '{}'", code));
    when.territories.push_back(*territory);
  }
  when.min_headcount = reader.OptionalInteger("min_headcount");
  when.max_headcount = reader.OptionalInteger("max_headcount");
  when.min_level = reader.OptionalInteger("min_level");
  when.max_level = reader.OptionalInteger("max_level");
  when.max_level_overseas = reader.OptionalInteger("max_level_overseas");
  if (reader.Has("rqth")) when.rqth = reader.Boolean("rqth");
  when.quota_commitment = reader.Boolean("quota_commitment");
  when.overseas = reader.Boolean("overseas");
  when.min_age = reader.OptionalInteger("min_age");
  when.max_age = reader.OptionalInteger("max_age");
  if (reader.Has("mobility")) {
    std::string mobility = reader.String("mobility");
    if (mobility == "hexagone")
      when.mobility = MobilityDestination::kHexagone;
    else if (mobility == "outre-mer")
      when.mobility = MobilityDestination::kOtherOverseas;
    else if (mobility == "any")
      when.mobility = MobilityDestination::kNone;
    else
      reader.FaultAt("mobility", "mobility is \"hexagone\", \"outre-mer\" or \"any\"");
  }
  when.first_mobility = reader.Boolean("first_mobility");
  when.social_support_criteria = reader.Boolean("social_support_criteria");
  when.driving_licence = reader.Boolean("driving_licence");
  when.tenant = reader.Boolean("tenant");
  when.max_gross_percent_of_smic = reader.OptionalInteger("max_gross_percent_of_smic");
  when.private_non_agricultural = reader.Boolean("private_non_agricultural");
  when.job_seeker = reader.Boolean("job_seeker");
  when.max_household_quotient_cents = reader.OptionalEuros("max_household_quotient_euros");
  when.contract_in_progress = reader.Boolean("contract_in_progress");
  for (auto level : {when.min_level, when.max_level, when.max_level_overseas}) {
    if (level && (*level < 3 || *level > 8)) reader.FaultHere("levels are 3 to 8");
  }
  return when;
}

void ReadAid(TableReader& root, Rules& rules) {
  const std::map<std::string, Beneficiary> beneficiaries = {
      {"employer", Beneficiary::kEmployer},
      {"apprentice", Beneficiary::kApprentice},
      {"cfa", Beneficiary::kCfa}};
  const std::map<std::string, Periodicity> periods = {
      {"once", Periodicity::kOnce},
      {"monthly-first-year", Periodicity::kMonthlyFirstYear},
      {"monthly", Periodicity::kMonthly},
      {"yearly", Periodicity::kYearly},
      {"per-night", Periodicity::kPerNight}};
  const std::map<std::string, DateBasis> bases = {{"concluded_on", DateBasis::kConcludedOn},
                                                  {"starts_on", DateBasis::kStartsOn},
                                                  {"date", DateBasis::kSimulatedDate}};
  TableReader reader(root.file(), root.Table("aid"), rules.parameters);
  AidDefinition aid;
  aid.id = reader.String("id");
  aid.name = reader.String("name");
  auto lookup = [&](const auto& map, std::string_view key) {
    auto found = map.find(reader.String(key));
    if (found == map.end()) reader.FaultAt(key, fmt::format("unknown {}", key));
    return found->second;
  };
  aid.beneficiary = lookup(beneficiaries, "beneficiary");
  aid.period = lookup(periods, "period");
  aid.basis = lookup(bases, "basis");
  aid.payer = reader.String("payer");
  aid.how_to_ask = reader.String("how_to_ask");
  aid.max_months = reader.OptionalInteger("max_months");
  aid.yearly_cap_cents = reader.OptionalEuros("yearly_cap_euros");
  aid.enabled = reader.Boolean("enabled", true);
  aid.overseas_enabled = reader.Boolean("overseas_enabled", true);
  for (const AidDefinition& other : rules.aids) {
    if (other.id == aid.id) reader.FaultAt("id", fmt::format("aid '{}' is defined twice", aid.id));
  }

  for (const toml::table* version_table : root.Tables("version")) {
    TableReader version_reader(root.file(), *version_table, rules.parameters);
    AidVersion version;
    version.from = version_reader.DateValue("from");
    version.to = version_reader.OptionalDate("to");
    version.starts_to = version_reader.OptionalDate("starts_to");
    version.legal_refs = version_reader.Strings("legal_refs");
    version.note = version_reader.StringOr("note");
    version.uncertain = version_reader.Boolean("uncertain");
    version.where = version_reader.Here();
    version.span = version.to ? fmt::format("du {} au {}", FormatFrenchLongDate(version.from),
                                            FormatFrenchLongDate(*version.to))
                              : fmt::format("depuis le {}", FormatFrenchLongDate(version.from));
    if (version.starts_to) {
      version.span += fmt::format(", contrats commencés au plus tard le {}",
                                  FormatFrenchLongDate(*version.starts_to));
    }
    if (version.legal_refs.empty()) version_reader.FaultHere("a version needs its legal_refs");
    if (version.to && *version.to < version.from)
      version_reader.FaultAt("to", "'to' is before 'from'");
    if (!aid.versions.empty()) {
      const AidVersion& previous = aid.versions.back();
      if (!previous.to || !(*previous.to < version.from))
        version_reader.FaultAt("from", "versions must follow each other without overlapping");
    }
    for (const toml::table* case_table : version_reader.Tables("case")) {
      TableReader case_reader(root.file(), *case_table, rules.parameters);
      AidCase aid_case;
      aid_case.label = case_reader.String("label");
      aid_case.amount_cents = case_reader.Euros("amount_euros");
      aid_case.amount_is_maximum = case_reader.Boolean("amount_is_maximum");
      aid_case.rent_minus_cents = case_reader.OptionalEuros("rent_minus_euros");
      aid_case.note = case_reader.StringOr("note");
      TableReader conditions(root.file(), case_reader.Table("when"), rules.parameters);
      aid_case.when = ReadConditions(conditions);
      version.cases.push_back(std::move(aid_case));
    }
    if (version.cases.empty())
      version_reader.FaultHere("a version needs at least one [[version.case]]");
    aid.versions.push_back(std::move(version));
  }
  if (aid.versions.empty()) reader.FaultHere("an aid needs at least one [[version]]");
  rules.aids.push_back(std::move(aid));
}

// Which reader a file's top-level keys call for.
void ReadFile(const std::string& file, const toml::table& root, Rules& rules) {
  TableReader reader(file, root, rules.parameters);
  if (reader.Has("aid")) return ReadAid(reader, rules);
  if (reader.Has("smic")) return ReadSmic(reader, rules);
  if (reader.Has("apprentice_pay") || reader.Has("professionalisation_pay"))
    return ReadPay(reader, rules);
  if (reader.Has("regime") || reader.Has("rates") || reader.Has("participation"))
    return ReadContributions(reader, rules);
  if (reader.Has("min_age")) return ReadContract(reader, rules);
  if (reader.Has("funding")) return ReadOpco(reader, rules);
  reader.FaultHere(
      "this file holds no rule the engine knows ([aid], [[smic]], [[apprentice_pay]]…)");
}

void CheckComplete(Rules& rules) {
  auto require = [](bool ok, const char* what) {
    if (!ok) throw RulesFault{fmt::format("rules: {} missing", what)};
  };
  require(!rules.smic.empty(), "SMIC ([[smic]])");
  require(!rules.apprentice_pay.empty(), "apprentice pay ([[apprentice_pay]])");
  require(!rules.professionalisation_pay.empty(), "professionalisation pay");
  require(!rules.contribution_regimes.empty(), "contribution regimes ([[regime]])");
  require(!rules.contribution_rates.empty(), "contribution rates ([[rates]])");
  require(!rules.opco_funding.empty(), "OPCO funding ([[funding]])");
  require(!rules.limits.legal_refs.empty(), "contract limits (contract.toml)");
  require(std::any_of(rules.aids.begin(), rules.aids.end(),
                      [](const AidDefinition& aid) { return aid.id == "state-hiring-aid"; }),
          "the State hiring aid");
  CheckOrdered(rules.smic, &SmicRate::from, "[[smic]]");
  CheckOrdered(rules.apprentice_pay, &ApprenticePayGrid::concluded_from, "[[apprentice_pay]]");
  CheckOrdered(rules.professionalisation_pay, &ProfessionalisationPay::from,
               "[[professionalisation_pay]]");
  CheckOrdered(rules.contribution_regimes, &ContributionRegime::concluded_from, "[[regime]]");
  CheckOrdered(rules.contribution_rates, &ContributionRates::from, "[[rates]]");
  CheckOrdered(rules.employer_participation, &EmployerParticipation::concluded_from,
               "[[participation]]");
  CheckOrdered(rules.opco_funding, &OpcoFunding::from, "[[funding]]");
  rules.first_day = rules.smic.front().from;
  rules.day_prorating_from =
      Date{std::chrono::year(2025), std::chrono::November, std::chrono::day(1)};
}

}  // namespace

Result<Rules> LoadRules(const std::vector<RulesFile>& files,
                        const std::map<std::string, double>& overrides) {
  Rules rules;
  try {
    std::vector<std::pair<const RulesFile*, toml::table>> parsed;
    for (const RulesFile& file : files) {
      try {
        parsed.emplace_back(&file, toml::parse(file.text, file.name));
      } catch (const toml::parse_error& error) {
        throw RulesFault{
            fmt::format("{}:{}: {}", file.name, error.source().begin.line, error.description())};
      }
    }
    // Parameters first: the other files refer to them.
    for (const auto& [file, table] : parsed) {
      if (file->name.ends_with("parameters.toml"))
        ReadParameters(file->name, table, overrides, rules);
    }
    if (rules.parameters.empty() && !overrides.empty())
      throw RulesFault{"overrides given but no parameters.toml"};
    for (const auto& [file, table] : parsed) {
      if (!file->name.ends_with("parameters.toml")) ReadFile(file->name, table, rules);
    }
    CheckComplete(rules);
  } catch (const RulesFault& fault) {
    return Fail(ErrorCode::kInvalidArgument, fault.message);
  }
  return rules;
}

Result<Rules> LoadRulesFrom(const std::string& directory,
                            const std::map<std::string, double>& overrides) {
  if (directory.empty()) return LoadRules(EmbeddedRulesFiles(), overrides);
  auto files = ReadRulesDirectory(directory);
  if (!files) return Fail(files.error());
  return LoadRules(*files, overrides);
}

Result<std::vector<RulesFile>> ReadRulesDirectory(const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(directory, error))
    return Fail(ErrorCode::kNotFound, fmt::format("{}: no such rules directory", directory));
  std::vector<RulesFile> files;
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    if (!in && !in.eof())
      return Fail(ErrorCode::kUnavailable, fmt::format("cannot read {}", entry.path().string()));
    files.push_back({entry.path().string(), content.str()});
  }
  std::sort(files.begin(), files.end(),
            [](const RulesFile& a, const RulesFile& b) { return a.name < b.name; });
  if (files.empty())
    return Fail(ErrorCode::kNotFound, fmt::format("{}: no .toml rules files", directory));
  return files;
}

}  // namespace maplace::aids
