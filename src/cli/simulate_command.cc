#include "cli/simulate_command.h"

#include <chrono>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "domain/aids/engine.h"
#include "domain/aids/json.h"

namespace maplace::cli {

using nlohmann::json;

namespace {

json ErrorJson(const Error& error) {
  json out = {{"code", std::string(ErrorCodeName(error.code))}, {"message", error.message}};
  if (!error.fields.empty()) out["fields"] = error.fields;
  return out;
}

Result<json> SimulateOne(const aids::Rules& rules, const json& input) {
  auto situation = aids::SituationFromJson(input);
  if (!situation) return Fail(situation.error());
  auto evaluation = aids::Evaluate(rules, *situation);
  if (!evaluation) return Fail(evaluation.error());
  return aids::EvaluationToJson(*evaluation);
}

}  // namespace

int Simulate(const aids::Rules& rules, std::istream& in, std::ostream& out) {
  json input = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (input.is_discarded()) {
    out << json{{"error",
                 {{"code", "invalid_argument"}, {"message", "the input is not valid JSON"}}}}
               .dump(2)
        << "\n";
    return 2;
  }
  if (!input.is_array()) {
    auto result = SimulateOne(rules, input);
    if (!result) {
      out << json{{"error", ErrorJson(result.error())}}.dump(2) << "\n";
      return 2;
    }
    out << result->dump(2) << "\n";
    return 0;
  }
  json results = json::array();
  for (std::size_t i = 0; i < input.size(); ++i) {
    auto result = SimulateOne(rules, input[i]);
    if (!result) {
      json error = ErrorJson(result.error());
      error["index"] = i;
      out << json{{"error", error}}.dump(2) << "\n";
      return 2;
    }
    results.push_back(std::move(*result));
  }
  out << results.dump(2) << "\n";
  return 0;
}

namespace {

// Varied situations: every State-aid period, ages, sizes, levels, territories, mobility.
std::vector<aids::Situation> BenchSituations() {
  std::vector<aids::Situation> situations;
  const char* starts[] = {"2023-09-01", "2024-09-02", "2025-02-10",
                          "2025-09-01", "2026-01-15", "2026-09-01"};
  const char* births[] = {"2008-05-20", "2006-03-15", "2003-11-30", "1998-07-01"};
  const int headcounts[] = {3, 8, 40, 300};
  const aids::Territory territories[] = {aids::Territory::kMartinique, aids::Territory::kHexagone,
                                         aids::Territory::kMayotte};
  int n = 0;
  for (const char* start : starts) {
    for (const char* birth : births) {
      for (int headcount : headcounts) {
        for (aids::Territory territory : territories) {
          aids::Situation s;
          s.territory = territory;
          s.contract.starts_on = *ParseIsoDate(start);
          s.contract.concluded_on = AddDays(s.contract.starts_on, -10);
          s.contract.ends_on = AddDays(AddYears(s.contract.starts_on, 2 + n % 2), -1);
          s.contract.certification_level = 3 + n % 5;
          s.date = AddMonths(s.contract.starts_on, 1 + n % 20);
          s.apprentice.birth_date = *ParseIsoDate(birth);
          s.apprentice.rqth = n % 7 == 0;
          s.apprentice.preparing_driving_licence = n % 3 == 0;
          s.apprentice.tenant = n % 4 == 0;
          s.apprentice.monthly_rent_cents = 35000;
          s.employer.headcount = headcount;
          s.employer.commits_to_alternance_quota = n % 2 == 0;
          s.mobility.destination =
              n % 5 == 0 ? aids::MobilityDestination::kHexagone : aids::MobilityDestination::kNone;
          s.funding.npec_yearly_cents = 750000;
          situations.push_back(s);
          ++n;
        }
      }
    }
  }
  return situations;
}

}  // namespace

int BenchAids(const aids::Rules& rules, int evaluations, std::ostream& out) {
  const std::vector<aids::Situation> situations = BenchSituations();
  std::size_t checksum = 0;
  for (const aids::Situation& s : situations) {  // warm-up, and every situation must evaluate
    auto evaluation = aids::Evaluate(rules, s);
    if (!evaluation) {
      out << json{{"error", ErrorJson(evaluation.error())}}.dump() << "\n";
      return 1;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < evaluations; ++i) {
    auto evaluation =
        aids::Evaluate(rules, situations[static_cast<std::size_t>(i) % situations.size()]);
    checksum += static_cast<std::size_t>(evaluation->employer_remaining_cost_cents) +
                evaluation->aids.size();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out << json{{"evaluations", evaluations},
              {"distinct_situations", situations.size()},
              {"seconds", seconds},
              {"evaluations_per_second", evaluations / seconds},
              {"mean_microseconds", seconds * 1e6 / evaluations},
              {"checksum", checksum}}
             .dump(2)
      << "\n";
  return 0;
}

}  // namespace maplace::cli
