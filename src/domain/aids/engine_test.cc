// The aids engine checked against values computed by hand from ../shared/reference/rules.md
// (sections a, b, c, d, f). Every expected amount is written out with its arithmetic; none is
// read back from the engine or the rules files. Conventions used for the arithmetic:
// - monthly SMIC = hourly × 35 × 52 / 12 (151.67 h), rounded to the cent (rules.md a.1, a.2);
// - a minimum pay = percent × monthly SMIC (or SMC), rounded to the nearest cent;
// - "d-1 / d" pairs test the day before and the day of each date of effect.
#include "domain/aids/engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>

#include "core/date.h"
#include "core/error_matchers.h"
#include "domain/aids/rules.h"

namespace maplace::aids {
namespace {

Date D(const char* iso) {
  auto date = ParseIsoDate(iso);
  if (!date) throw std::invalid_argument(iso);
  return *date;
}

Rules Load(const std::map<std::string, double>& overrides = {}) {
  auto rules = LoadRules(EmbeddedRulesFiles(), overrides);
  if (!rules) {
    ADD_FAILURE() << "LoadRules: " << rules.error().message;
    std::abort();
  }
  return *std::move(rules);
}

// The repository's rules with their default parameters, loaded once.
const Rules& DefaultRules() {
  static const Rules rules = Load();
  return rules;
}

// A situation built step by step. Runs() sets the contract dates, and also the conclusion and
// the simulated date to its first day: call Concluded() and On() after it to change them.
class Case {
 public:
  Case() {
    s_.territory = Territory::kMartinique;
    s_.apprentice.birth_date = D("2006-03-15");
    s_.employer.headcount = 8;
    s_.contract.certification_level = 4;
    Runs("2025-09-01", "2027-08-31");
    On("2025-10-01");
  }
  Case& Runs(Date starts, Date ends) {
    s_.contract.starts_on = starts;
    s_.contract.ends_on = ends;
    s_.contract.concluded_on = starts;
    s_.date = starts;
    return *this;
  }
  Case& Runs(const char* starts, const char* ends) { return Runs(D(starts), D(ends)); }
  // A contract of `years` years from `starts` (last day the eve of the anniversary).
  Case& RunsYears(const char* starts, int years) {
    return Runs(D(starts), AddDays(AddYears(D(starts), years), -1));
  }
  Case& Concluded(const char* date) {
    s_.contract.concluded_on = D(date);
    return *this;
  }
  Case& On(const char* date) {
    s_.date = D(date);
    return *this;
  }
  Case& Born(const char* date) {
    s_.apprentice.birth_date = D(date);
    return *this;
  }
  Case& In(Territory territory) {
    s_.territory = territory;
    return *this;
  }
  Case& Level(int level) {
    s_.contract.certification_level = level;
    return *this;
  }
  Case& Headcount(int headcount) {
    s_.employer.headcount = headcount;
    return *this;
  }
  Case& Quota() {
    s_.employer.commits_to_alternance_quota = true;
    return *this;
  }
  Case& Rqth() {
    s_.apprentice.rqth = true;
    return *this;
  }
  Case& Pay(Cents monthly_gross) {
    s_.contract.monthly_gross_cents = monthly_gross;
    return *this;
  }
  Case& Smc(Cents monthly) {
    s_.employer.collective_agreement_minimum_monthly_cents = monthly;
    return *this;
  }
  Case& Professionalisation() {
    s_.contract.kind = ContractKind::kProfessionalisation;
    return *this;
  }
  Case& FirstYear(int year) {
    s_.contract.first_contract_year = year;
    return *this;
  }
  Case& SameLevelDiploma() {
    s_.contract.same_level_related_diploma = true;
    return *this;
  }
  Case& Previous(const char* ended_on, int last_year, bool diploma, bool broken = false) {
    s_.contract.previous = PreviousContract{D(ended_on), last_year, diploma, broken};
    return *this;
  }
  Case& TrainingStarts(const char* date) {
    s_.contract.training_starts_on = D(date);
    return *this;
  }
  Case& WithTutor(Tutor tutor) {
    s_.tutor = tutor;
    return *this;
  }
  Case& Going(MobilityDestination destination, bool already_received = false) {
    s_.mobility.destination = destination;
    s_.mobility.already_received_for_this_contract = already_received;
    return *this;
  }
  Apprentice& apprentice() { return s_.apprentice; }
  Employer& employer() { return s_.employer; }
  Contract& contract() { return s_.contract; }
  Funding& funding() { return s_.funding; }
  const Situation& situation() const { return s_; }

 private:
  Situation s_;
};

Evaluation Eval(const Case& c, const Rules& rules = DefaultRules()) {
  auto evaluation = Evaluate(rules, c.situation());
  if (!evaluation) {
    ADD_FAILURE() << "Evaluate failed: " << evaluation.error().message;
    return {};
  }
  return *std::move(evaluation);
}

// The pay period that contains `day`.
PayPeriod PeriodOn(const Evaluation& evaluation, const char* day) {
  Date date = D(day);
  for (const auto& period : evaluation.pay)
    if (Days(period.from) <= Days(date) && Days(date) <= Days(period.to)) return period;
  ADD_FAILURE() << "no pay period on " << day;
  return {};
}

// The total of an aid, or -1 when the evaluation has none.
std::int64_t AidTotal(const Evaluation& evaluation, const std::string& id);

// Not on a temporary evaluation: the pointer would outlive it.
const Aid* FindAid(const Evaluation&& evaluation, const std::string& id) = delete;
const Aid* FindAid(const Evaluation& evaluation, const std::string& id) {
  for (const auto& aid : evaluation.aids)
    if (aid.id == id) return &aid;
  return nullptr;
}

std::int64_t AidTotal(const Evaluation& evaluation, const std::string& id) {
  const Aid* aid = FindAid(evaluation, id);
  return aid != nullptr ? aid->total_cents : -1;
}

bool Eligible(const Evaluation& evaluation, const std::string& id) {
  const Aid* aid = FindAid(evaluation, id);
  return aid != nullptr && aid->eligible;
}

// The aid's amount when eligible, 0 otherwise (absent included).
Cents AidCents(const Evaluation& evaluation, const std::string& id) {
  const Aid* aid = FindAid(evaluation, id);
  return aid != nullptr && aid->eligible ? aid->amount_cents : 0;
}

// Checks that pass may or may not be listed; a failed one is listed with ok = false.
bool CheckFails(const Evaluation& evaluation, const std::string& id) {
  return std::any_of(evaluation.checks.begin(), evaluation.checks.end(),
                     [&](const Check& check) { return check.id == id && !check.ok; });
}

constexpr const char* kStateAid = "state-hiring-aid";

// ---------------------------------------------------------------------------------------------
// SMIC (rules.md a.2)

// A 27-year-old (26+ band, 100 % of the SMIC) whose two-year contract began 3 months before
// `day`: the minimum pay is the monthly SMIC itself.
Evaluation SmicOn(const char* day, Territory territory = Territory::kMartinique,
                  const Rules& rules = DefaultRules()) {
  Date date = D(day);
  Date starts = AddMonths(date, -3);
  Case c;
  c.Born("1997-01-10").In(territory).Runs(starts, AddDays(AddYears(starts, 2), -1));
  c.On(day);
  return Eval(c, rules);
}

struct SmicRow {
  const char* day;
  Cents hourly;
  Cents monthly;
  Cents mayotte_hourly;
  Cents mayotte_monthly;
};

TEST(AidsSmicTest, EachDateOfEffectTheDayBeforeAndTheDayOf) {
  const SmicRow rows[] = {
      // 11.27 × 35 × 52 / 12 = 1 709.2833 → 1 709.28; Mayotte 8.51 × 151.666… = 1 290.6833 → 1
      // 290.68
      {"2023-04-30", 1127, 170928, 851, 129068},
      // 11.52 × 151.666… = 1 747.20; Mayotte 8.70 × 151.666… = 1 319.50
      {"2023-05-01", 1152, 174720, 870, 131950},
      {"2023-12-31", 1152, 174720, 870, 131950},
      // 11.65 × 151.666… = 1 766.9167 → 1 766.92; Mayotte 8.80 × 151.666… = 1 334.6667 → 1 334.67
      {"2024-01-01", 1165, 176692, 880, 133467},
      {"2024-10-31", 1165, 176692, 880, 133467},
      // 11.88 × 151.666… = 1 801.80; Mayotte 8.98 × 151.666… = 1 361.9667 → 1 361.97
      {"2024-11-01", 1188, 180180, 898, 136197},
      {"2025-12-31", 1188, 180180, 898, 136197},
      // 12.02 × 151.666… = 1 823.0333 → 1 823.03; Mayotte 9.33 × 151.666… = 1 415.05
      {"2026-01-01", 1202, 182303, 933, 141505},
      {"2026-05-31", 1202, 182303, 933, 141505},
      // 12.31 × 151.666… = 1 867.0167 → 1 867.02; Mayotte 9.56 × 151.666… = 1 449.9333 → 1 449.93
      {"2026-06-01", 1231, 186702, 956, 144993},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.day);
    auto martinique = SmicOn(row.day);
    EXPECT_EQ(martinique.smic_hourly_cents, row.hourly);
    EXPECT_EQ(martinique.smic_monthly_cents, row.monthly);
    EXPECT_EQ(martinique.minimum_monthly_cents, row.monthly);  // 26+: 100 % of the SMIC
    EXPECT_EQ(PeriodOn(martinique, row.day).smic_monthly_cents, row.monthly);
    auto hexagone = SmicOn(row.day, Territory::kHexagone);  // same SMIC as Martinique
    EXPECT_EQ(hexagone.smic_hourly_cents, row.hourly);
    EXPECT_EQ(hexagone.smic_monthly_cents, row.monthly);
    auto mayotte = SmicOn(row.day, Territory::kMayotte);
    EXPECT_EQ(mayotte.smic_hourly_cents, row.mayotte_hourly);
    EXPECT_EQ(mayotte.smic_monthly_cents, row.mayotte_monthly);
    EXPECT_EQ(mayotte.minimum_monthly_cents, row.mayotte_monthly);
  }
}

TEST(AidsSmicTest, ApprenticePayInMayotteIsOnMayottesSmic) {
  // 19 years old, first year, 2025: 43 % × 1 361.97 = 585.6471 → 585.65 (Martinique: 774.77).
  auto mayotte = Eval(Case().Born("2006-01-10").In(Territory::kMayotte).On("2025-10-01"));
  EXPECT_EQ(mayotte.minimum_monthly_cents, 58565);
  auto martinique = Eval(Case().Born("2006-01-10").On("2025-10-01"));
  EXPECT_EQ(martinique.minimum_monthly_cents, 77477);
}

TEST(AidsSmicTest, AContractSpanningSmicChangesGetsANewPayPeriodOnEachOne) {
  // Born 15/01/2006: 18 on 01/09/2024, 21 only on 15/01/2027 after the end: always 18–20.
  auto e = Eval(Case().Born("2006-01-15").Runs("2024-09-01", "2026-08-31").On("2024-09-01"));
  ASSERT_EQ(e.pay.size(), 5u);
  struct Expected {
    const char* from;
    const char* to;
    int year;
    int percent;
    Cents smic;
    Cents minimum;
  };
  const Expected expected[] = {
      {"2024-09-01", "2024-10-31", 1, 43, 176692, 75978},  // 1 766.92 × 43 % = 759.7756 → 759.78
      {"2024-11-01", "2025-08-31", 1, 43, 180180, 77477},  // 1 801.80 × 43 % = 774.774 → 774.77
      {"2025-09-01", "2025-12-31", 2, 51, 180180, 91892},  // 1 801.80 × 51 % = 918.918 → 918.92
      {"2026-01-01", "2026-05-31", 2, 51, 182303, 92975},  // 1 823.03 × 51 % = 929.7453 → 929.75
      {"2026-06-01", "2026-08-31", 2, 51, 186702, 95218},  // 1 867.02 × 51 % = 952.1802 → 952.18
  };
  for (std::size_t i = 0; i < e.pay.size(); ++i) {
    SCOPED_TRACE(expected[i].from);
    const auto& p = e.pay[i];
    EXPECT_EQ(FormatIsoDate(p.from), expected[i].from);
    EXPECT_EQ(FormatIsoDate(p.to), expected[i].to);
    EXPECT_EQ(p.contract_year, expected[i].year);
    EXPECT_EQ(p.percent, expected[i].percent);
    EXPECT_EQ(p.smic_monthly_cents, expected[i].smic);
    EXPECT_EQ(p.base_monthly_cents, expected[i].smic);
    EXPECT_FALSE(p.base_is_agreement_minimum);
    EXPECT_EQ(p.minimum_monthly_cents, expected[i].minimum);
    EXPECT_EQ(p.gross_monthly_cents, expected[i].minimum);  // no agreed pay: the minimum
  }
}

TEST(AidsSmicTest, ParameterOverrideChangesTheJune2026Smic) {
  Rules rules = Load({{"smic_2026_06_hourly_euros", 12.50}});
  // 12.50 × 35 × 52 / 12 = 1 895.8333 → 1 895.83
  auto e = SmicOn("2026-06-01", Territory::kMartinique, rules);
  EXPECT_EQ(e.smic_hourly_cents, 1250);
  EXPECT_EQ(e.smic_monthly_cents, 189583);
  EXPECT_EQ(SmicOn("2026-05-31", Territory::kMartinique, rules).smic_hourly_cents, 1202);
  // A 19-year-old in the first year: 1 895.83 × 43 % = 815.2069 → 815.21
  auto young = Eval(Case().Born("2006-01-10").RunsYears("2026-03-02", 2).On("2026-06-01"), rules);
  EXPECT_EQ(young.minimum_monthly_cents, 81521);
  // Mayotte's own June 2026 parameter: 9.70 × 151.666… = 1 471.1667 → 1 471.17
  Rules mayotte_rules = Load({{"smic_2026_06_mayotte_hourly_euros", 9.70}});
  auto mayotte = SmicOn("2026-06-01", Territory::kMayotte, mayotte_rules);
  EXPECT_EQ(mayotte.smic_hourly_cents, 970);
  EXPECT_EQ(mayotte.smic_monthly_cents, 147117);
}

// ---------------------------------------------------------------------------------------------
// Apprentice minimum pay (rules.md a.1, a.2)

struct GridRow {
  const char* starts;  // a one-year contract; evaluated on its first day
  const char* born;
  int contract_year;  // first_contract_year (D6222-28-1) for years 2 and 3
  int percent;
  Cents minimum;
};

TEST(AidsApprenticePayTest, EveryBandAndContractYear) {
  // Born 01/06/2008: 16 on 06/01/2025, 17 all year → under 18.
  // Born 01/03/2006: 18 on 06/01/2025, 19 from 01/03/2025 → 18–20.
  // Born 01/02/2002: 22 → 21–25. Born 01/02/1997: 27 → 26 and over.
  const GridRow rows[] = {
      // SMIC of 1 Nov 2024: 1 801.80 € (the rules.md a.2 row "1 Nov 2024")
      {"2025-01-06", "2008-06-01", 1, 27, 48649},    // 1 801.80 × 27 % = 486.486 → 486.49
      {"2025-01-06", "2008-06-01", 2, 39, 70270},    // × 39 % = 702.702 → 702.70
      {"2025-01-06", "2008-06-01", 3, 55, 99099},    // × 55 % = 990.99
      {"2025-01-06", "2006-03-01", 1, 43, 77477},    // × 43 % = 774.774 → 774.77
      {"2025-01-06", "2006-03-01", 2, 51, 91892},    // × 51 % = 918.918 → 918.92
      {"2025-01-06", "2006-03-01", 3, 67, 120721},   // × 67 % = 1 207.206 → 1 207.21
      {"2025-01-06", "2002-02-01", 1, 53, 95495},    // × 53 % = 954.954 → 954.95
      {"2025-01-06", "2002-02-01", 2, 61, 109910},   // × 61 % = 1 099.098 → 1 099.10
      {"2025-01-06", "2002-02-01", 3, 78, 140540},   // × 78 % = 1 405.404 → 1 405.40
      {"2025-01-06", "1997-02-01", 1, 100, 180180},  // 100 % = 1 801.80
      {"2025-01-06", "1997-02-01", 3, 100, 180180},
      // Other rows of the table
      {"2023-02-06", "2005-06-01", 3, 55, 94010},   // 1 709.28 × 55 % = 940.104 → 940.10
      {"2023-06-05", "2001-02-01", 1, 53, 92602},   // 1 747.20 × 53 % = 926.016 → 926.02
      {"2024-02-05", "2007-06-01", 1, 27, 47707},   // 1 766.92 × 27 % = 477.0684 → 477.07
      {"2024-02-05", "2005-02-01", 3, 67, 118384},  // 1 766.92 × 67 % = 1 183.8364 → 1 183.84
      {"2026-01-05", "2009-06-01", 2, 39, 71098},   // 1 823.03 × 39 % = 710.9817 → 710.98
      {"2026-01-05", "2002-02-01", 3, 78, 142196},  // 1 823.03 × 78 % = 1 421.9634 → 1 421.96
      {"2026-06-01", "2003-02-01", 2, 61, 113888},  // 1 867.02 × 61 % = 1 138.8822 → 1 138.88
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(std::string(row.starts) + " born " + row.born + " year " +
                 std::to_string(row.contract_year));
    Case c;
    c.Born(row.born).RunsYears(row.starts, 1).FirstYear(row.contract_year);
    auto e = Eval(c);
    EXPECT_EQ(e.minimum_monthly_cents, row.minimum);
    auto p = PeriodOn(e, row.starts);
    EXPECT_EQ(p.contract_year, row.contract_year);
    EXPECT_EQ(p.percent, row.percent);
    EXPECT_EQ(p.minimum_monthly_cents, row.minimum);
  }
}

TEST(AidsApprenticePayTest, BandChangesOnTheFirstOfTheMonthAfterThe18thBirthday) {
  // Born 15/10/2007: 18 on 15/10/2025 → 43 % from 01/11/2025 (D6222-31).
  auto e = Eval(Case().Born("2007-10-15"));
  auto before = PeriodOn(e, "2025-10-31");
  EXPECT_EQ(before.percent, 27);
  EXPECT_EQ(before.minimum_monthly_cents, 48649);  // 1 801.80 × 27 % = 486.486 → 486.49
  auto after = PeriodOn(e, "2025-11-01");
  EXPECT_EQ(after.percent, 43);
  EXPECT_EQ(after.minimum_monthly_cents, 77477);  // 1 801.80 × 43 % = 774.774 → 774.77
  EXPECT_EQ(after.contract_year, 1);
  EXPECT_EQ(after.age, 18);
}

TEST(AidsApprenticePayTest, BirthdayOnTheFirstOfAMonthChangesTheBandAMonthLater) {
  // Born 01/11/2007: 18 on 01/11/2025; "the 1st day of the month following" the birthday is
  // 01/12/2025, so November 2025 is still paid at 27 %.
  auto e = Eval(Case().Born("2007-11-01"));
  EXPECT_EQ(PeriodOn(e, "2025-11-01").percent, 27);
  EXPECT_EQ(PeriodOn(e, "2025-11-30").percent, 27);
  EXPECT_EQ(PeriodOn(e, "2025-12-01").percent, 43);
  EXPECT_EQ(PeriodOn(e, "2025-12-01").minimum_monthly_cents, 77477);
}

TEST(AidsApprenticePayTest, EighteenOnTheFirstDayOfTheContract) {
  // Born 01/09/2007: 18 on 01/09/2025, the day the contract starts; the higher rate applies
  // from the 1st of the following month, 01/10/2025: September is paid at 27 %.
  auto e = Eval(Case().Born("2007-09-01"));
  EXPECT_EQ(PeriodOn(e, "2025-09-01").percent, 27);
  EXPECT_EQ(PeriodOn(e, "2025-09-01").minimum_monthly_cents, 48649);  // 1 801.80 × 27 %
  EXPECT_EQ(PeriodOn(e, "2025-10-01").percent, 43);
  // Born 20/08/2007: 18 before the start → 43 % from the first day.
  EXPECT_EQ(PeriodOn(Eval(Case().Born("2007-08-20")), "2025-09-01").percent, 43);
}

TEST(AidsApprenticePayTest, BirthdayOnTheLastDayOfAMonth) {
  // Born 31/10/2007: 18 on 31/10/2025 → 43 % from 01/11/2025, the next day.
  auto e = Eval(Case().Born("2007-10-31"));
  EXPECT_EQ(PeriodOn(e, "2025-10-31").percent, 27);
  EXPECT_EQ(PeriodOn(e, "2025-11-01").percent, 43);
}

TEST(AidsApprenticePayTest, BirthdayOn29February) {
  // Born 29/02/2008: in 2026 (not a leap year) the 18th birthday falls on 01/03/2026
  // (core/date.h), so the band changes on 01/04/2026.
  auto e = Eval(Case().Born("2008-02-29"));
  auto march = PeriodOn(e, "2026-03-31");
  EXPECT_EQ(march.percent, 27);
  EXPECT_EQ(march.minimum_monthly_cents, 49222);  // 1 823.03 × 27 % = 492.2181 → 492.22
  auto april = PeriodOn(e, "2026-04-01");
  EXPECT_EQ(april.percent, 43);
  EXPECT_EQ(april.minimum_monthly_cents, 78390);  // 1 823.03 × 43 % = 783.9029 → 783.90
}

TEST(AidsApprenticePayTest, BandChangesAfterThe21stAnd26thBirthdays) {
  // Born 15/03/2005: 20 at the start (43 %), 21 on 15/03/2026 → 53 % from 01/04/2026; the
  // contract year is unchanged, and year 2 (from 01/09/2026) is at 61 %.
  auto e21 = Eval(Case().Born("2005-03-15"));
  EXPECT_EQ(PeriodOn(e21, "2026-03-31").percent, 43);
  EXPECT_EQ(PeriodOn(e21, "2026-03-31").minimum_monthly_cents, 78390);  // 1 823.03 × 43 %
  auto april = PeriodOn(e21, "2026-04-01");
  EXPECT_EQ(april.percent, 53);
  EXPECT_EQ(april.contract_year, 1);
  EXPECT_EQ(april.minimum_monthly_cents, 96621);  // 1 823.03 × 53 % = 966.2059 → 966.21
  auto second = PeriodOn(e21, "2026-09-01");
  EXPECT_EQ(second.contract_year, 2);
  EXPECT_EQ(second.percent, 61);
  EXPECT_EQ(second.minimum_monthly_cents, 113888);  // 1 867.02 × 61 % = 1 138.8822 → 1 138.88

  // Born 10/02/2000: 25 at the start (53 %), 26 on 10/02/2026 → 100 % from 01/03/2026.
  auto e26 = Eval(Case().Born("2000-02-10"));
  EXPECT_EQ(PeriodOn(e26, "2025-12-31").minimum_monthly_cents, 95495);  // 1 801.80 × 53 %
  EXPECT_EQ(PeriodOn(e26, "2026-02-28").percent, 53);
  EXPECT_EQ(PeriodOn(e26, "2026-02-28").minimum_monthly_cents, 96621);  // 1 823.03 × 53 %
  EXPECT_EQ(PeriodOn(e26, "2026-03-01").percent, 100);
  EXPECT_EQ(PeriodOn(e26, "2026-03-01").minimum_monthly_cents, 182303);  // 100 % × 1 823.03
}

TEST(AidsApprenticePayTest, ContractYearsCountFromTheStartAnniversary) {
  // Starts 15/09/2025; born 10/01/2006: 19 at the start, 21 on 10/01/2027 → 21–25 from
  // 01/02/2027.
  auto e = Eval(Case().Born("2006-01-10").Runs("2025-09-15", "2027-09-14"));
  auto last_of_first = PeriodOn(e, "2026-09-14");
  EXPECT_EQ(last_of_first.contract_year, 1);
  EXPECT_EQ(last_of_first.minimum_monthly_cents, 80282);  // 1 867.02 × 43 % = 802.8186 → 802.82
  auto first_of_second = PeriodOn(e, "2026-09-15");
  EXPECT_EQ(first_of_second.contract_year, 2);
  EXPECT_EQ(FormatIsoDate(first_of_second.from), "2026-09-15");
  EXPECT_EQ(first_of_second.minimum_monthly_cents, 95218);  // 1 867.02 × 51 % = 952.1802 → 952.18
  EXPECT_EQ(PeriodOn(e, "2027-01-31").percent, 51);
  auto band = PeriodOn(e, "2027-02-01");
  EXPECT_EQ(band.contract_year, 2);
  EXPECT_EQ(band.percent, 61);
  EXPECT_EQ(band.minimum_monthly_cents, 113888);  // 1 867.02 × 61 % = 1 138.88

  // Three-year contract from 01/09/2023, born 20/05/2006: 17 at the start, 18 on 20/05/2024
  // → 18–20 from 01/06/2024.
  auto three = Eval(Case().Born("2006-05-20").Runs("2023-09-01", "2026-08-31"));
  EXPECT_EQ(PeriodOn(three, "2023-09-01").minimum_monthly_cents,
            47174);  // 1 747.20 × 27 % = 471.744
  EXPECT_EQ(PeriodOn(three, "2024-05-31").minimum_monthly_cents,
            47707);  // 1 766.92 × 27 % = 477.0684
  EXPECT_EQ(PeriodOn(three, "2024-06-01").minimum_monthly_cents,
            75978);  // 1 766.92 × 43 % = 759.7756
  EXPECT_EQ(PeriodOn(three, "2025-08-31").contract_year, 2);
  EXPECT_EQ(PeriodOn(three, "2025-08-31").minimum_monthly_cents, 91892);  // 1 801.80 × 51 %
  auto third = PeriodOn(three, "2025-09-01");
  EXPECT_EQ(third.contract_year, 3);
  EXPECT_EQ(third.minimum_monthly_cents, 120721);  // 1 801.80 × 67 % = 1 207.206 → 1 207.21
  EXPECT_EQ(PeriodOn(three, "2026-06-01").minimum_monthly_cents,
            125090);  // 1 867.02 × 67 % = 1 250.9034
}

TEST(AidsApprenticePayTest, FifteenYearOldsArePaidAsUnder18AndAFourthYearAsTheThird) {
  // D6222-27: born 02/06/2010, 15 at the start after the 3e → 27 % × 1 801.80 = 486.49.
  Case fifteen;
  fifteen.Born("2010-06-02").apprentice().completed_college = true;
  EXPECT_EQ(PeriodOn(Eval(fifteen), "2025-09-01").minimum_monthly_cents, 48649);
  // RQTH four-year contract; born 10/01/2006, 21–25 from 01/02/2027. The 4th year keeps the
  // 3rd year's rate: 78 % × 1 867.02 = 1 456.2756 → 1 456.28.
  auto four = Eval(Case().Rqth().Born("2006-01-10").Runs("2025-09-01", "2029-08-31"));
  EXPECT_EQ(PeriodOn(four, "2028-08-31").minimum_monthly_cents, 145628);
  auto fourth = PeriodOn(four, "2028-09-01");
  EXPECT_EQ(fourth.percent, 78);
  EXPECT_EQ(fourth.minimum_monthly_cents, 145628);
}

TEST(AidsApprenticePayTest, FirstContractYearTwoForAShortContract) {
  // D6222-28-1: a one-year contract covering the 2nd year of the cycle; born 10/01/2006 (19).
  auto e = Eval(Case().Born("2006-01-10").Runs("2025-09-01", "2026-08-31").FirstYear(2));
  auto first = PeriodOn(e, "2025-09-01");
  EXPECT_EQ(first.contract_year, 2);
  EXPECT_EQ(first.percent, 51);
  EXPECT_EQ(first.minimum_monthly_cents, 91892);                      // 1 801.80 × 51 %
  EXPECT_EQ(PeriodOn(e, "2026-01-01").minimum_monthly_cents, 92975);  // 1 823.03 × 51 %
  EXPECT_EQ(PeriodOn(e, "2026-06-01").minimum_monthly_cents, 95218);  // 1 867.02 × 51 %
}

TEST(AidsApprenticePayTest, FifteenPointsForAOneYearContractTowardASameLevelDiploma) {
  // D6222-30: 43 + 15 = 58 %. 1 801.80 × 58 % = 1 045.044 → 1 045.04;
  // 1 823.03 × 58 % = 1 057.3574 → 1 057.36.
  auto e = Eval(Case().Born("2006-01-10").Runs("2025-09-01", "2026-08-31").SameLevelDiploma());
  EXPECT_EQ(PeriodOn(e, "2025-09-01").percent, 58);
  EXPECT_EQ(PeriodOn(e, "2025-09-01").minimum_monthly_cents, 104504);
  EXPECT_EQ(PeriodOn(e, "2026-01-01").minimum_monthly_cents, 105736);
  // A two-year contract is not "≤ 1 year": no bonus, 43 %.
  auto longer = Eval(Case().Born("2006-01-10").SameLevelDiploma());
  EXPECT_EQ(PeriodOn(longer, "2025-09-01").percent, 43);
  EXPECT_EQ(PeriodOn(longer, "2025-09-01").minimum_monthly_cents, 77477);
}

TEST(AidsApprenticePayTest, SuccessiveContractKeepsTheLastYearsRateWhenTheDiplomaWasObtained) {
  // D6222-29. Born 10/10/2005: 19 at both ends, 21 only on 10/10/2026 (after the end).
  // The previous contract ended in its 2nd year (51 %); the new one is in year 1 (43 %).
  auto kept = Eval(Case()
                       .Born("2005-10-10")
                       .Runs("2025-09-01", "2026-08-31")
                       .Previous("2025-06-30", 2, /*diploma=*/true));
  EXPECT_EQ(PeriodOn(kept, "2025-09-01").percent, 51);
  EXPECT_EQ(PeriodOn(kept, "2025-09-01").minimum_monthly_cents, 91892);  // 1 801.80 × 51 %
  // Previous 3rd year (67 %).
  auto third = Eval(Case()
                        .Born("2005-10-10")
                        .Runs("2025-09-01", "2026-08-31")
                        .Previous("2025-06-30", 3, /*diploma=*/true));
  EXPECT_EQ(PeriodOn(third, "2025-09-01").minimum_monthly_cents, 120721);  // 1 801.80 × 67 %
  // Diploma not obtained: the age rate of year 1, 43 %.
  auto failed = Eval(Case()
                         .Born("2005-10-10")
                         .Runs("2025-09-01", "2026-08-31")
                         .Previous("2025-06-30", 2, /*diploma=*/false));
  EXPECT_EQ(PeriodOn(failed, "2025-09-01").percent, 43);
  EXPECT_EQ(PeriodOn(failed, "2025-09-01").minimum_monthly_cents, 77477);
}

TEST(AidsApprenticePayTest, SuccessiveContractUnlessTheAgeRateIsHigher) {
  // Born 10/08/2004: 20 when the previous contract ended (its 2nd year: 51 % at 18–20), 21 on
  // 10/08/2025 → 21–25 from 01/09/2025. The new contract's age rate, 53 % (21–25, year 1), is
  // more favourable than the 51 % received: 1 801.80 × 53 % = 954.954 → 954.95.
  // (Reading of D6222-29: "at least the pay received in the last year"; see the report.)
  auto e = Eval(Case()
                    .Born("2004-08-10")
                    .Runs("2025-09-01", "2026-08-31")
                    .Previous("2025-06-30", 2, /*diploma=*/true));
  EXPECT_EQ(PeriodOn(e, "2025-09-01").percent, 53);
  EXPECT_EQ(PeriodOn(e, "2025-09-01").minimum_monthly_cents, 95495);
}

TEST(AidsApprenticePayTest, AgreementMinimumFrom21OnlyWhenHigherThanTheSmic) {
  // Born 10/05/2003: 22 → 21–25, year 1 = 53 %.
  // SMC 2 000.00 > SMIC: 2 000.00 × 53 % = 1 060.00.
  auto higher = Eval(Case().Born("2003-05-10").Smc(200000));
  auto p = PeriodOn(higher, "2025-10-01");
  EXPECT_TRUE(p.base_is_agreement_minimum);
  EXPECT_EQ(p.base_monthly_cents, 200000);
  EXPECT_EQ(p.minimum_monthly_cents, 106000);
  EXPECT_EQ(higher.minimum_monthly_cents, 106000);
  // SMC 1 700.00 < SMIC 1 801.80: the SMIC, 954.95.
  auto lower = Eval(Case().Born("2003-05-10").Smc(170000));
  EXPECT_FALSE(PeriodOn(lower, "2025-10-01").base_is_agreement_minimum);
  EXPECT_EQ(PeriodOn(lower, "2025-10-01").minimum_monthly_cents, 95495);
  // Under 21 the SMC is not the base: 18–20, 1 801.80 × 43 % = 774.77.
  auto young = Eval(Case().Born("2006-01-10").Smc(200000));
  EXPECT_FALSE(PeriodOn(young, "2025-10-01").base_is_agreement_minimum);
  EXPECT_EQ(PeriodOn(young, "2025-10-01").minimum_monthly_cents, 77477);
  // 26 and over: 100 % of the SMC, 2 000.00.
  auto older = Eval(Case().Born("1998-01-10").Smc(200000));
  EXPECT_EQ(PeriodOn(older, "2025-10-01").minimum_monthly_cents, 200000);
}

TEST(AidsApprenticePayTest, PayBelowTheMinimumIsFlaggedToTheCent) {
  // Six months in 2025 (one SMIC, one band), born 10/01/2006 (19): minimum 774.77.
  auto at = Eval(Case().Born("2006-01-10").Runs("2025-03-01", "2025-08-31").Pay(77477));
  EXPECT_FALSE(CheckFails(at, "minimum-pay"));
  EXPECT_EQ(at.gross_monthly_cents, 77477);
  auto under = Eval(Case().Born("2006-01-10").Runs("2025-03-01", "2025-08-31").Pay(77476));
  EXPECT_TRUE(CheckFails(under, "minimum-pay"));
  EXPECT_EQ(under.gross_monthly_cents, 77476);
  EXPECT_EQ(under.minimum_monthly_cents, 77477);
  EXPECT_FALSE(under.warnings.empty());
  // With an SMC from 21: minimum 2 000.00 × 53 % = 1 060.00.
  auto smc_ok =
      Eval(Case().Born("2003-05-10").Runs("2025-03-01", "2025-08-31").Smc(200000).Pay(106000));
  EXPECT_FALSE(CheckFails(smc_ok, "minimum-pay"));
  auto smc_under =
      Eval(Case().Born("2003-05-10").Runs("2025-03-01", "2025-08-31").Smc(200000).Pay(105999));
  EXPECT_TRUE(CheckFails(smc_under, "minimum-pay"));
  // Pay at the first period's minimum falls below the minimum after the SMIC rise of
  // 01/01/2026 (783.90): flagged.
  auto stale = Eval(Case().Born("2006-01-10").Runs("2025-09-01", "2026-02-28").Pay(77477));
  EXPECT_TRUE(CheckFails(stale, "minimum-pay"));
}

// ---------------------------------------------------------------------------------------------
// Professionnalisation pay (rules.md b.2)

TEST(AidsProfessionalisationPayTest, BandsAndTheBacLevel) {
  auto pro = [](const char* born) {
    Case c;
    c.Professionalisation().Born(born).Runs("2025-03-03", "2026-03-02").On("2025-06-02");
    return c;
  };
  // Under 21 (born 10/01/2006, 19): 55 % × 1 801.80 = 990.99; bac held: 65 % = 1 171.17
  EXPECT_EQ(Eval(pro("2006-01-10")).minimum_monthly_cents, 99099);
  {
    auto c = pro("2006-01-10");
    c.apprentice().highest_level_held = 4;
    EXPECT_EQ(Eval(c).minimum_monthly_cents, 117117);
  }
  // 21–25 (born 10/05/2003, 22): 70 % = 1 261.26; bac held: 80 % = 1 441.44
  EXPECT_EQ(Eval(pro("2003-05-10")).minimum_monthly_cents, 126126);
  {
    auto c = pro("2003-05-10");
    c.apprentice().highest_level_held = 5;
    EXPECT_EQ(Eval(c).minimum_monthly_cents, 144144);
  }
  // 26 and over (born 10/01/1990, 35): the SMIC, 1 801.80, or 85 % of the SMC when higher:
  EXPECT_EQ(Eval(pro("1990-01-10")).minimum_monthly_cents, 180180);
  EXPECT_EQ(Eval(pro("1990-01-10").Smc(220000)).minimum_monthly_cents, 187000);  // 2 200 × 85 %
  EXPECT_EQ(Eval(pro("1990-01-10").Smc(200000)).minimum_monthly_cents, 180180);  // 1 700 < SMIC
}

// ---------------------------------------------------------------------------------------------
// Contributions: the regime follows the conclusion date (rules.md a.3, rules/contributions.toml)

TEST(AidsContributionsTest, RegimeByConclusionDate) {
  // Born 10/05/2003: 21–25, year 1. Starts 03/03/2025; pay month April 2025, SMIC 1 801.80.
  auto make = [](const char* concluded) {
    Case c;
    c.Born("2003-05-10").Runs("2025-03-03", "2027-03-02").Concluded(concluded).On("2025-04-01");
    return c;
  };
  // Minimum 1 801.80 × 53 % = 954.95.
  // Old regime (concluded 28/02/2025): exempt up to 79 % = 1 423.42, no CSG → net 954.95.
  auto old_regime = Eval(make("2025-02-28"));
  EXPECT_EQ(old_regime.gross_monthly_cents, 95495);
  EXPECT_EQ(old_regime.net_monthly_cents, 95495);
  // New regime (concluded 01/03/2025): exempt up to 50 % = 900.90; part above = 54.05;
  // employee 54.05 × 11.31 % = 6.113055 → 6.11; CSG-CRDS 54.05 × 98.25 % × 9.7 % = 5.1511 → 5.15;
  // net = 954.95 − 6.11 − 5.15 = 943.69.
  auto new_regime = Eval(make("2025-03-01"));
  EXPECT_EQ(new_regime.gross_monthly_cents, 95495);
  EXPECT_EQ(new_regime.net_monthly_cents, 94369);
  EXPECT_EQ(PeriodOn(new_regime, "2025-04-01").net_monthly_cents, 94369);

  // Agreed pay 1 801.80.
  // Old: part above 1 423.42 = 378.38; 378.38 × 11.31 % = 42.794778 → 42.79; net 1 759.01.
  EXPECT_EQ(Eval(make("2025-02-28").Pay(180180)).net_monthly_cents, 175901);
  // New: part above 900.90 = 900.90; 900.90 × 11.31 % = 101.89179 → 101.89;
  // 900.90 × 98.25 % × 9.7 % = 85.858022 → 85.86; net = 1 801.80 − 101.89 − 85.86 = 1 614.05.
  EXPECT_EQ(Eval(make("2025-03-01").Pay(180180)).net_monthly_cents, 161405);
}

TEST(AidsContributionsTest, OldRegimeKeptAfterMarch2025AndBelowTheThresholdNetIsGross) {
  // A contract concluded in 2024 is still in the old regime in 2026: 19-year-old, 2nd year,
  // January 2026: 1 823.03 × 51 % = 929.7453 → 929.75 < 79 % → net = gross.
  auto e = Eval(Case().Born("2006-01-10").Runs("2024-09-02", "2026-09-01").On("2026-01-15"));
  EXPECT_EQ(e.gross_monthly_cents, 92975);
  EXPECT_EQ(e.net_monthly_cents, 92975);
  // New regime, under 50 % of the SMIC: 774.77 < 900.90 → nothing withheld.
  auto low = Eval(Case().Born("2006-01-10"));
  EXPECT_EQ(low.net_monthly_cents, 77477);
}

TEST(AidsContributionsTest, EmployerCostAddsTheResidualRate) {
  // 774.77 gross; residual 5.8 % (parameter): 44.93666 → 44.94 → 819.71.
  auto e = Eval(Case().Born("2006-01-10"));
  EXPECT_EQ(e.employer_monthly_cost_cents, 81971);
  // Under Lodeom, 4.5 %: 34.86465 → 34.86 → 809.63.
  Case lodeom;
  lodeom.Born("2006-01-10").employer().lodeom_eligible = true;
  EXPECT_EQ(Eval(lodeom).employer_monthly_cost_cents, 80963);
}

TEST(AidsContributionsTest, YearSummaryAddsTheMonths) {
  // Born 15/06/2005: 19 → 20 in 2025, 21–25 only from 01/07/2026. Year 1 = calendar 2025,
  // one SMIC (1 801.80): 12 × 774.77 = 9 297.24 gross. Concluded 01/01/2025, level 4, 8
  // employees: the aide unique, 6 000 €, all in year 1.
  auto e = Eval(Case().Born("2005-06-15").Runs("2025-01-01", "2026-12-31"));
  ASSERT_EQ(e.years.size(), 2u);
  EXPECT_EQ(e.years[0].contract_year, 1);
  EXPECT_EQ(FormatIsoDate(e.years[0].from), "2025-01-01");
  EXPECT_EQ(FormatIsoDate(e.years[0].to), "2025-12-31");
  EXPECT_EQ(e.years[0].gross_cents, 929724);
  EXPECT_EQ(e.years[0].aids_cents, 600000);
  EXPECT_EQ(e.years[1].aids_cents, 0);
  EXPECT_EQ(e.employer_total_aids_cents, 600000);
  EXPECT_EQ(e.employer_remaining_cost_cents, e.employer_total_cost_cents - 600000);
  EXPECT_EQ(e.years[0].remaining_cost_cents, e.years[0].employer_cost_cents - 600000);
}

// ---------------------------------------------------------------------------------------------
// State hiring aid (rules.md b.1)

struct AidRow {
  const char* concluded;
  int level;
  int headcount;
  bool quota;
  bool rqth;
  Territory territory;
  Cents expected;  // per year
};

constexpr Territory kMq = Territory::kMartinique;
constexpr Territory kHex = Territory::kHexagone;

TEST(AidsStateHiringAidTest, EveryPeriodAndItsBoundaries) {
  const AidRow rows[] = {
      // 1 Jan 2023 – 31 Dec 2024: 6 000 € up to level 7; ≥ 250 with the quota commitment.
      {"2023-01-02", 4, 8, false, false, kMq, 600000},
      {"2024-12-31", 3, 8, false, false, kMq, 600000},
      {"2024-12-31", 4, 249, false, false, kMq, 600000},
      {"2024-12-31", 5, 8, false, false, kHex, 600000},  // aide exceptionnelle
      {"2024-12-31", 6, 8, false, false, kMq, 600000},
      {"2024-12-31", 7, 8, false, false, kHex, 600000},
      {"2024-12-31", 8, 8, false, false, kMq, 0},  // doctorate: never
      {"2024-12-31", 6, 250, true, false, kMq, 600000},
      {"2024-12-31", 4, 250, false, false, kMq, 0},  // no commitment
      {"2024-12-31", 4, 250, false, true, kMq, 0},   // RQTH: no rule of its own then
      // 1 Jan – 23 Feb 2025: the aide unique only (≤ 4, ≤ 5 overseas, < 250), 6 000 €.
      {"2025-01-01", 4, 8, false, false, kHex, 600000},
      {"2025-01-01", 5, 8, false, false, kMq, 600000},
      {"2025-01-01", 5, 8, false, false, kHex, 0},
      {"2025-01-01", 6, 8, false, false, kMq, 0},
      {"2025-01-01", 4, 250, true, false, kMq, 0},
      {"2025-01-01", 6, 8, false, true, kMq, 0},  // RQTH: as the aide unique
      {"2025-01-01", 4, 8, false, true, kMq, 600000},
      {"2025-01-01", 4, 250, true, true, kMq, 0},
      {"2025-02-23", 4, 249, false, false, kMq, 600000},
      {"2025-02-23", 6, 8, false, false, kMq, 0},
      {"2025-02-23", 4, 250, true, false, kMq, 0},
      // 24 Feb – 31 Dec 2025 (décret 2025-174): 5 000 € < 250; 2 000 € ≥ 250 with the
      // commitment; 6 000 € RQTH whatever the size.
      {"2025-02-24", 4, 8, false, false, kMq, 500000},
      {"2025-02-24", 6, 249, false, false, kMq, 500000},
      {"2025-02-24", 7, 8, false, false, kHex, 500000},
      {"2025-02-24", 8, 8, false, false, kMq, 0},
      {"2025-02-24", 6, 250, true, false, kMq, 200000},
      {"2025-02-24", 4, 250, false, false, kMq, 0},
      {"2025-02-24", 6, 250, false, true, kMq, 600000},
      {"2025-02-24", 4, 8, false, true, kHex, 600000},
      {"2025-12-31", 6, 8, false, false, kMq, 500000},
      {"2025-12-31", 4, 250, true, false, kMq, 200000},
      {"2025-12-31", 6, 8, false, true, kMq, 600000},
      // 1 Jan – 7 Mar 2026: the aide unique only, 5 000 € (levels 3–4, up to 5 overseas, < 250);
      // RQTH 6 000 € as the aide unique.
      {"2026-01-01", 3, 8, false, false, kMq, 500000},
      {"2026-01-01", 4, 249, false, false, kHex, 500000},
      {"2026-01-01", 5, 8, false, false, kMq, 500000},
      {"2026-01-01", 5, 8, false, false, Territory::kGuadeloupe, 500000},
      {"2026-01-01", 5, 8, false, false, kHex, 0},
      {"2026-01-01", 6, 8, false, false, kMq, 0},
      {"2026-01-01", 4, 250, true, false, kMq, 0},
      {"2026-01-01", 4, 8, false, true, kMq, 600000},
      {"2026-01-01", 4, 250, true, true, kMq, 0},
      {"2026-01-01", 6, 8, false, true, kMq, 0},
      {"2026-03-07", 4, 8, false, false, kMq, 500000},
      {"2026-03-07", 6, 8, false, false, kMq, 0},
      {"2026-03-07", 4, 250, true, false, kMq, 0},
      // From 8 Mar 2026 (décret 2026-168).
      {"2026-03-08", 3, 8, false, false, kMq, 500000},
      {"2026-03-08", 4, 249, false, false, kHex, 500000},
      {"2026-03-08", 5, 8, false, false, kHex, 450000},
      {"2026-03-08", 5, 8, false, false, kMq, 500000},  // parameter: aide unique overseas
      {"2026-03-08", 5, 249, false, false, Territory::kMayotte, 500000},
      {"2026-03-08", 6, 8, false, false, kMq, 200000},
      {"2026-03-08", 7, 8, false, false, kHex, 200000},
      {"2026-03-08", 8, 8, false, false, kMq, 0},
      {"2026-03-08", 4, 250, true, false, kMq, 200000},
      {"2026-03-08", 5, 250, true, false, kMq, 150000},
      {"2026-03-08", 5, 250, true, false, kHex, 150000},
      {"2026-03-08", 6, 250, true, false, kMq, 75000},
      {"2026-03-08", 7, 1000, true, false, kHex, 75000},
      {"2026-03-08", 4, 250, false, false, kMq, 0},
      {"2026-03-08", 7, 250, false, true, kMq, 600000},
      {"2026-03-08", 3, 8, false, true, kHex, 600000},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(std::string(row.concluded) + " level " + std::to_string(row.level) +
                 " headcount " + std::to_string(row.headcount) + (row.quota ? " quota" : "") +
                 (row.rqth ? " rqth" : "") + (row.territory == kHex ? " hexagone" : " outre-mer"));
    Case c;
    c.Born("2005-10-10")
        .RunsYears(row.concluded, 2)
        .Level(row.level)
        .Headcount(row.headcount)
        .In(row.territory);
    if (row.quota) c.Quota();
    if (row.rqth) c.Rqth();
    auto e = Eval(c);
    EXPECT_EQ(AidCents(e, kStateAid), row.expected);
    if (row.expected > 0) {
      const Aid* aid = FindAid(e, kStateAid);
      ASSERT_NE(aid, nullptr);
      EXPECT_EQ(aid->period, Periodicity::kMonthlyFirstYear);
      EXPECT_EQ(aid->beneficiary, Beneficiary::kEmployer);
      EXPECT_EQ(aid->total_cents, row.expected);  // two-year contract: one full first year
    }
  }
}

TEST(AidsStateHiringAidTest, DecidedByTheConclusionDateNotTheStart) {
  // Concluded 23/02/2025, starting 03/03/2025, level 6: the Jan–Feb 2025 version (0), not the
  // décret 2025-174 one.
  auto e = Eval(Case().Level(6).Runs("2025-03-03", "2027-03-02").Concluded("2025-02-23"));
  EXPECT_EQ(AidCents(e, kStateAid), 0);
  auto next = Eval(Case().Level(6).Runs("2025-03-03", "2027-03-02").Concluded("2025-02-24"));
  EXPECT_EQ(AidCents(next, kStateAid), 500000);
}

TEST(AidsStateHiringAidTest, TheDecree2026CoversContractsStartingBefore2027) {
  // Parameter state_aid_2026_decree_last_start = 2026-12-31.
  auto in = Eval(Case().Level(6).Runs("2026-12-31", "2028-12-30").Concluded("2026-12-15"));
  EXPECT_EQ(AidCents(in, kStateAid), 200000);
  auto out = Eval(Case().Level(6).Runs("2027-01-04", "2029-01-03").Concluded("2026-12-15"));
  EXPECT_EQ(AidCents(out, kStateAid), 0);
}

TEST(AidsStateHiringAidTest, PaidForTheFirstYearOfExecutionOnly) {
  // 5 000 € a year → 5 000 / 12 = 416.67 € a month in year 1, nothing in years 2 and 3.
  auto e = Eval(Case().RunsYears("2025-09-01", 3));
  const Aid* aid = FindAid(e, kStateAid);
  ASSERT_NE(aid, nullptr);
  EXPECT_TRUE(aid->eligible);
  EXPECT_EQ(aid->amount_cents, 500000);
  EXPECT_EQ(aid->total_cents, 500000);
  // Monthly: 5 000 / 12 = 416.666… → 416,67 € a month.
  EXPECT_TRUE(std::any_of(aid->explanation.begin(), aid->explanation.end(),
                          [](const std::string& sentence) {
                            return sentence.find("416,67") != std::string::npos &&
                                   sentence.find("par mois") != std::string::npos;
                          }));
  ASSERT_EQ(e.years.size(), 3u);
  EXPECT_EQ(e.years[0].aids_cents, 500000);
  EXPECT_EQ(e.years[1].aids_cents, 0);
  EXPECT_EQ(e.years[2].aids_cents, 0);
  // A one-year contract covering the 2nd year of the cycle (D6222-28-1) is still in its first
  // year of execution: the aid is due (D6243-2 "première année d'exécution du contrat").
  auto second = Eval(Case().Runs("2025-09-01", "2026-08-31").FirstYear(2));
  EXPECT_EQ(AidCents(second, kStateAid), 500000);
  EXPECT_EQ(FindAid(second, kStateAid)->total_cents, 500000);
}

TEST(AidsStateHiringAidTest, ShortContractBeforeTheDecree2025_1031CountsWholeMonths) {
  // Concluded 01/03/2025, RQTH (6 000 €/year = 500 €/month), six months 01/03–31/08/2025,
  // over before 01/11/2025: 6 × 500 = 3 000.00.
  auto e = Eval(Case().Rqth().Runs("2025-03-01", "2025-08-31"));
  const Aid* aid = FindAid(e, kStateAid);
  ASSERT_NE(aid, nullptr);
  EXPECT_EQ(aid->amount_cents, 600000);
  EXPECT_EQ(aid->total_cents, 300000);
}

TEST(AidsStateHiringAidTest, ShortContractUnderTheDecree2025_1031IsProratedByDays) {
  // Concluded 03/11/2025, RQTH: 6 000 €/year = 500 €/month. Runs 10/11/2025–20/06/2026
  // (< 1 year). First month: 21 days of November's 30 → 500 × 21/30 = 350.00; December to May:
  // 6 × 500 = 3 000.00; last month: 20 days of June's 30 → 500 × 20/30 = 333.333 → 333.33.
  // Total 3 683.33.
  auto e = Eval(Case().Rqth().Runs("2025-11-10", "2026-06-20").Concluded("2025-11-03"));
  const Aid* aid = FindAid(e, kStateAid);
  ASSERT_NE(aid, nullptr);
  EXPECT_TRUE(aid->eligible);
  EXPECT_EQ(aid->amount_cents, 600000);
  EXPECT_EQ(aid->total_cents, 368333);
  EXPECT_EQ(e.employer_total_aids_cents, 368333);
}

TEST(AidsStateHiringAidTest, NotForProfessionalisation) {
  auto e = Eval(Case().Professionalisation().Born("2005-10-10").Runs("2025-09-01", "2026-08-31"));
  EXPECT_EQ(AidCents(e, kStateAid), 0);
}

// ---------------------------------------------------------------------------------------------
// Employer participation (rules.md a.3, décret 2025-585)

// Same contract concluded on two days: the difference in total cost is the participation.
Cents ParticipationBetween(Case before, Case after, const Rules& rules = DefaultRules()) {
  auto a = Eval(before, rules);
  auto b = Eval(after, rules);
  EXPECT_EQ(AidCents(a, kStateAid), AidCents(b, kStateAid));
  return b.employer_total_cost_cents - a.employer_total_cost_cents;
}

TEST(AidsEmployerParticipationTest, SevenHundredFiftyFromJuly2025ForLevel6AndAbove) {
  auto at = [](int level, const char* concluded) {
    Case c;
    c.Level(level).Runs("2025-09-01", "2027-08-31").Concluded(concluded);
    return c;
  };
  // 750 € per contract, for contracts concluded from 01/07/2025 (not on 30/06/2025).
  EXPECT_EQ(ParticipationBetween(at(6, "2025-06-30"), at(6, "2025-07-01")), 75000);
  EXPECT_EQ(ParticipationBetween(at(7, "2025-06-30"), at(7, "2025-07-01")), 75000);
  EXPECT_EQ(ParticipationBetween(at(5, "2025-06-30"), at(5, "2025-07-01")), 0);
  // Level 8: "level 6 or higher" (parameter employer_participation_max_level = 8).
  EXPECT_EQ(ParticipationBetween(at(8, "2025-06-30"), at(8, "2025-07-01")), 75000);
  Rules seven = Load({{"employer_participation_max_level", 7}});
  EXPECT_EQ(ParticipationBetween(at(8, "2025-06-30"), at(8, "2025-07-01"), seven), 0);
  // Apprenticeship only: nothing for a professionnalisation contract.
  EXPECT_EQ(ParticipationBetween(at(6, "2025-06-30").Professionalisation(),
                                 at(6, "2025-07-01").Professionalisation()),
            0);
  // Previous contract broken early: 200 €.
  EXPECT_EQ(ParticipationBetween(at(6, "2025-06-30").Previous("2025-05-31", 1, false, true),
                                 at(6, "2025-07-01").Previous("2025-05-31", 1, false, true)),
            20000);
}

// ---------------------------------------------------------------------------------------------
// Delegation and apprentice aids (rules.md c, d)

TEST(AidsDelegationTest, UltramarineMobilityOncePerContractOnlyOverseas) {
  auto e = Eval(Case().Going(MobilityDestination::kHexagone).On("2025-10-01"));
  const Aid* aid = FindAid(e, "ultramarine-mobility");
  ASSERT_NE(aid, nullptr);
  EXPECT_TRUE(aid->eligible);
  EXPECT_EQ(aid->amount_cents, 300000);
  EXPECT_TRUE(aid->amount_is_maximum);
  EXPECT_EQ(aid->period, Periodicity::kOnce);
  EXPECT_EQ(aid->beneficiary, Beneficiary::kApprentice);
  EXPECT_EQ(aid->total_cents, 300000);
  EXPECT_EQ(
      AidCents(Eval(Case().Going(MobilityDestination::kOtherOverseas)), "ultramarine-mobility"),
      200000);
  EXPECT_EQ(AidCents(Eval(Case().In(Territory::kGuadeloupe).Going(MobilityDestination::kHexagone)),
                     "ultramarine-mobility"),
            300000);
  // Once per contract.
  EXPECT_FALSE(
      Eligible(Eval(Case().Going(MobilityDestination::kHexagone, true)), "ultramarine-mobility"));
  // Only from an overseas territory.
  EXPECT_FALSE(
      Eligible(Eval(Case().In(Territory::kHexagone).Going(MobilityDestination::kOtherOverseas)),
               "ultramarine-mobility"));
  // No mobility planned.
  EXPECT_FALSE(Eligible(Eval(Case()), "ultramarine-mobility"));
  // During the contract only.
  EXPECT_FALSE(Eligible(Eval(Case().Going(MobilityDestination::kHexagone).On("2027-09-01")),
                        "ultramarine-mobility"));
}

TEST(AidsDelegationTest, SocialSupportCriteria) {
  auto with = [](auto set) {
    Case c;
    c.apprentice().highest_level_held = 4;  // holds a bac: that criterion is not met
    set(c.apprentice());
    return c;
  };
  // 500 € (parameter social_support_amount_euros), paid to the CFA.
  auto none = Eval(with([](Apprentice&) {}));
  EXPECT_FALSE(Eligible(none, "social-support"));
  auto qpv = Eval(with([](Apprentice& a) { a.lives_in_qpv = true; }));
  EXPECT_EQ(AidCents(qpv, "social-support"), 50000);
  EXPECT_EQ(FindAid(qpv, "social-support")->beneficiary, Beneficiary::kCfa);
  EXPECT_EQ(AidCents(Eval(with([](Apprentice& a) { a.rqth = true; })), "social-support"), 50000);
  EXPECT_EQ(
      AidCents(Eval(with([](Apprentice& a) { a.social_difficulties = true; })), "social-support"),
      50000);
  EXPECT_EQ(AidCents(Eval(with([](Apprentice& a) { a.from_rsma_e2c_or_garantie_jeunes = true; })),
                     "social-support"),
            50000);
  // No level 3 or 4 diploma.
  EXPECT_EQ(
      AidCents(Eval(with([](Apprentice& a) { a.highest_level_held.reset(); })), "social-support"),
      50000);
  EXPECT_FALSE(
      Eligible(Eval(with([](Apprentice& a) { a.highest_level_held = 3; })), "social-support"));
  // Overseas only.
  auto hexagone = with([](Apprentice& a) { a.lives_in_qpv = true; });
  hexagone.In(Territory::kHexagone);
  EXPECT_FALSE(Eligible(Eval(hexagone), "social-support"));
  // Parameter override.
  Rules rules = Load({{"social_support_amount_euros", 300}});
  EXPECT_EQ(
      AidCents(Eval(with([](Apprentice& a) { a.lives_in_qpv = true; }), rules), "social-support"),
      30000);
}

TEST(AidsDelegationTest, DrivingLicenceFrom18WithAContractInProgress) {
  // Born 10/05/2007: 18 on 10/05/2025. Contract 06/01/2025–31/12/2026.
  auto at = [](const char* day) {
    Case c;
    c.Born("2007-05-10").Runs("2025-01-06", "2026-12-31").On(day);
    c.apprentice().preparing_driving_licence = true;
    return c;
  };
  EXPECT_FALSE(Eligible(Eval(at("2025-05-09")), "driving-licence"));  // 17
  auto eighteen = Eval(at("2025-05-10"));
  EXPECT_EQ(AidCents(eighteen, "driving-licence"), 50000);
  EXPECT_EQ(FindAid(eighteen, "driving-licence")->period, Periodicity::kOnce);
  EXPECT_EQ(FindAid(eighteen, "driving-licence")->beneficiary, Beneficiary::kApprentice);
  EXPECT_EQ(AidCents(Eval(at("2026-12-31")), "driving-licence"), 50000);  // last day
  EXPECT_FALSE(Eligible(Eval(at("2027-01-01")), "driving-licence"));      // contract over
  EXPECT_EQ(AidCents(Eval(at("2025-09-01").In(Territory::kHexagone)), "driving-licence"), 50000);
  {
    auto c = at("2025-09-01");
    c.apprentice().received_driving_licence_aid = true;  // once per apprentice
    EXPECT_FALSE(Eligible(Eval(c), "driving-licence"));
  }
  EXPECT_FALSE(Eligible(Eval(at("2025-09-01").Professionalisation()), "driving-licence"));
  {
    auto c = at("2025-09-01");
    c.apprentice().preparing_driving_licence = false;
    EXPECT_FALSE(Eligible(Eval(c), "driving-licence"));
  }
}

TEST(AidsDelegationTest, MobiliJeunePayCeilingByPeriod) {
  // Born 01/06/1997: 26–27 in 2024, paid 100 % of the SMIC (1 766.92 until 31/10/2024).
  // Before 15/02/2024: ≤ 100 % SMIC → eligible (equal). 15/02–28/10/2024: ≤ 80 % → not.
  // From 29/10/2024: ≤ 120 % → eligible.
  auto starting = [](const char* day) {
    Case c;
    c.Born("1997-06-01").RunsYears(day, 2);
    c.apprentice().tenant = true;
    c.apprentice().monthly_rent_cents = 30000;
    return c;
  };
  EXPECT_EQ(AidCents(Eval(starting("2024-02-14")), "mobili-jeune"), 10000);
  EXPECT_FALSE(Eligible(Eval(starting("2024-02-15")), "mobili-jeune"));
  EXPECT_FALSE(Eligible(Eval(starting("2024-10-28")), "mobili-jeune"));
  EXPECT_EQ(AidCents(Eval(starting("2024-10-29")), "mobili-jeune"), 10000);
  // An agreed 1 500.00 at 19: > 80 % × 1 766.92 = 1 413.54 from 15/02/2024, ≤ 100 % before.
  auto paid = [](const char* day) {
    Case c;
    c.Born("2005-01-10").RunsYears(day, 2).Pay(150000);
    c.apprentice().tenant = true;
    return c;
  };
  EXPECT_TRUE(Eligible(Eval(paid("2024-02-14")), "mobili-jeune"));
  EXPECT_FALSE(Eligible(Eval(paid("2024-02-15")), "mobili-jeune"));
  // 120 % × 1 801.80 = 2 162.16: 2 162.16 is in, 2 162.17 out.
  auto ceiling = [](Cents pay) {
    Case c;
    c.Born("2005-01-10").RunsYears("2025-01-06", 2).Pay(pay);
    c.apprentice().tenant = true;
    return c;
  };
  EXPECT_TRUE(Eligible(Eval(ceiling(216216)), "mobili-jeune"));
  EXPECT_FALSE(Eligible(Eval(ceiling(216217)), "mobili-jeune"));
}

TEST(AidsDelegationTest, MobiliJeuneRentFormulaAndConditions) {
  auto renting = [](std::optional<Cents> rent) {
    Case c;
    c.apprentice().tenant = true;
    c.apprentice().monthly_rent_cents = rent;
    return c;
  };
  // Rent left after housing benefit − 10 €, up to 100 €/month.
  auto e = Eval(renting(8000));  // 80.00 − 10.00 = 70.00
  const Aid* aid = FindAid(e, "mobili-jeune");
  ASSERT_NE(aid, nullptr);
  EXPECT_TRUE(aid->eligible);
  EXPECT_EQ(aid->amount_cents, 7000);
  EXPECT_EQ(aid->period, Periodicity::kMonthly);
  EXPECT_EQ(AidCents(Eval(renting(30000)), "mobili-jeune"), 10000);         // 290 → capped at 100
  EXPECT_EQ(AidCents(Eval(renting(11000)), "mobili-jeune"), 10000);         // 110 − 10 = 100
  EXPECT_EQ(AidCents(Eval(renting(std::nullopt)), "mobili-jeune"), 10000);  // the maximum
  // Not a tenant; a public or agricultural employer; 30 at the start (RQTH, no age limit).
  EXPECT_FALSE(Eligible(Eval(Case()), "mobili-jeune"));
  {
    auto c = renting(30000);
    c.employer().private_non_agricultural = false;
    EXPECT_FALSE(Eligible(Eval(c), "mobili-jeune"));
  }
  {
    auto c = renting(30000);
    c.Born("1995-09-01").Rqth();  // 30 on 01/09/2025
    EXPECT_FALSE(Eligible(Eval(c), "mobili-jeune"));
    c.Born("1995-09-02");  // 29
    EXPECT_TRUE(Eligible(Eval(c), "mobili-jeune"));
  }
  // Parameter mobili_jeune_overseas = 0: not in Martinique, still in mainland France.
  Rules rules = Load({{"mobili_jeune_overseas", 0}});
  EXPECT_FALSE(Eligible(Eval(renting(30000), rules), "mobili-jeune"));
  EXPECT_TRUE(Eligible(Eval(renting(30000).In(Territory::kHexagone), rules), "mobili-jeune"));
}

TEST(AidsDelegationTest, MobiliJeuneTotalOverTwoTrainingYearsAtMost1100EurosAYear) {
  // rules.md d: 10–100 €/month, ≤ 1 100 €/year, 2 training years at most.
  auto renting = [](Cents rent, int years) {
    Case c;
    c.RunsYears("2025-09-01", years);
    c.apprentice().tenant = true;
    c.apprentice().monthly_rent_cents = rent;
    return c;
  };
  // 70 €/month: 12 × 70 = 840 ≤ 1 100 a year; 24 months → 1 680.00.
  EXPECT_EQ(AidTotal(Eval(renting(8000, 2)), "mobili-jeune"), 168000);
  // Three years, still 24 months: 1 680.00.
  EXPECT_EQ(AidTotal(Eval(renting(8000, 3)), "mobili-jeune"), 168000);
  // 100 €/month: 12 × 100 = 1 200 > 1 100 → 1 100 a year, 2 years → 2 200.00.
  EXPECT_EQ(AidTotal(Eval(renting(30000, 2)), "mobili-jeune"), 220000);
}

TEST(AidsOpcoFundingTest, NpecAndFraisAnnexes) {
  // rules.md c: 6 €/night, 3 €/meal, first equipment ≤ 500 €. Two-year contract, NPEC 8 000 €.
  Case c;
  Funding& funding = c.funding();
  funding.npec_yearly_cents = 800000;
  funding.lodging_nights_per_year = 20;   // 20 × 6 = 120
  funding.meals_per_year = 100;           // 100 × 3 = 300
  funding.first_equipment_cents = 60000;  // capped at 500
  auto e = Eval(c);
  const Aid* npec = FindAid(e, "opco-contract-funding");
  ASSERT_NE(npec, nullptr);
  EXPECT_EQ(npec->amount_cents, 800000);
  EXPECT_EQ(npec->total_cents, 1600000);  // 2 × 8 000
  EXPECT_EQ(npec->beneficiary, Beneficiary::kCfa);
  const Aid* annexes = FindAid(e, "opco-frais-annexes");
  ASSERT_NE(annexes, nullptr);
  EXPECT_EQ(annexes->amount_cents, 42000);  // 120 + 300 a year
  EXPECT_EQ(annexes->total_cents, 134000);  // 2 × 420 + 500
}

TEST(AidsOpcoFundingTest, NpecProratedByDaysForContractsFromJuly2025) {
  // rules.md c: from 1 Jul 2025 the payments to the CFA are prorated by days (décret 2025-585).
  // Six months, 01/09/2025–28/02/2026 (181 days): 8 000 × 181 / 365 = 3 967.12 by days of
  // the year, or 8 000 × 6 / 12 = 4 000.00 by months — not a whole year's 8 000.
  Case c;
  c.Runs("2025-09-01", "2026-02-28").funding().npec_yearly_cents = 800000;
  const Evaluation evaluation = Eval(c);
  const Aid* npec = FindAid(evaluation, "opco-contract-funding");
  ASSERT_NE(npec, nullptr);
  EXPECT_GE(npec->total_cents, 396712);
  EXPECT_LE(npec->total_cents, 400000);
}

TEST(AidsEngineTest, OutsideTheContractTheFiguresAreThoseOfItsFirstMonth) {
  // Simulated on 01/01/2025, before the contract (01/09/2025): its first month, 19 years old,
  // 1 801.80 × 43 % = 774.77. The SMIC is the one of the simulated day (11.88 €).
  auto e = Eval(Case().Born("2006-01-10").On("2025-01-01"));
  EXPECT_EQ(e.minimum_monthly_cents, 77477);
  EXPECT_EQ(e.smic_hourly_cents, 1188);
}

TEST(AidsEngineTest, YearsAddUpToTheTotals) {
  auto e = Eval(Case().Level(6).Concluded("2025-07-01").Pay(120000));
  ASSERT_EQ(e.years.size(), 2u);
  Cents cost = 0, aids = 0, remaining = 0, gross = 0;
  for (const auto& year : e.years) {
    cost += year.employer_cost_cents;
    aids += year.aids_cents;
    remaining += year.remaining_cost_cents;
    gross += year.gross_cents;
  }
  EXPECT_EQ(cost, e.employer_total_cost_cents);
  EXPECT_EQ(aids, e.employer_total_aids_cents);
  EXPECT_EQ(remaining, e.employer_remaining_cost_cents);
  // Agreed 1 200.00 every month of the two years: 24 × 1 200 = 28 800.00.
  EXPECT_EQ(gross, 2880000);
  for (const auto& period : e.pay) EXPECT_EQ(period.gross_monthly_cents, 120000);
  EXPECT_FALSE(CheckFails(e, "minimum-pay"));
}

TEST(AidsDelegationTest, LadomForOverseasAlternantsInMobility) {
  // Installation aid up to 800 € (parameter ladom_installation_long_euros), from 16.
  auto e = Eval(Case().Going(MobilityDestination::kHexagone));
  EXPECT_EQ(AidCents(e, "ladom-pmfp"), 80000);
  EXPECT_TRUE(FindAid(e, "ladom-pmfp")->amount_is_maximum);
  EXPECT_EQ(AidCents(Eval(Case().Going(MobilityDestination::kOtherOverseas)), "ladom-pmfp"), 80000);
  EXPECT_FALSE(Eligible(Eval(Case()), "ladom-pmfp"));
  {
    Case fifteen;  // alternants from 16: born 02/09/2010, 15 on 01/10/2025
    fifteen.Born("2010-09-02").Going(MobilityDestination::kHexagone).On("2025-10-01");
    fifteen.apprentice().completed_college = true;
    EXPECT_FALSE(Eligible(Eval(fifteen), "ladom-pmfp"));
  }
  EXPECT_FALSE(
      Eligible(Eval(Case().In(Territory::kHexagone).Going(MobilityDestination::kOtherOverseas)),
               "ladom-pmfp"));
}

TEST(AidsDelegationTest, CtmAidsOffByDefaultAndOnWhenOverridden) {
  auto off = Eval(Case());
  EXPECT_FALSE(Eligible(off, "ctm-atr"));
  EXPECT_FALSE(Eligible(off, "ctm-atef"));
  Rules on = Load({{"ctm_aids_enabled", 1}});
  // Adult (19): ATR 915 €, ATEF 2 800 €.
  auto adult = Eval(Case().Born("2006-01-10"), on);
  EXPECT_EQ(AidCents(adult, "ctm-atr"), 91500);
  EXPECT_EQ(AidCents(adult, "ctm-atef"), 280000);
  // Minor at the conclusion (born 01/06/2008: 17 on 01/09/2025): ATEF 2 500 €.
  auto minor = Eval(Case().Born("2008-06-01"), on);
  EXPECT_EQ(AidCents(minor, "ctm-atef"), 250000);
  EXPECT_EQ(AidCents(minor, "ctm-atr"), 91500);
  // Martinique only.
  auto guadeloupe = Eval(Case().In(Territory::kGuadeloupe), on);
  EXPECT_FALSE(Eligible(guadeloupe, "ctm-atr"));
  EXPECT_FALSE(Eligible(guadeloupe, "ctm-atef"));
}

TEST(AidsProfessionalisationAidsTest, ExceptionalAidUntilApril2024AndJobSeekerAids) {
  auto pro = [](const char* concluded, const char* born) {
    Case c;
    c.Professionalisation().Born(born).Level(5).RunsYears(concluded, 1);
    return c;
  };
  const char* kAid = "professionalisation-exceptional-aid";
  // 6 000 € for contracts concluded 1 Jan 2023 – 30 Apr 2024, employee under 30.
  EXPECT_EQ(AidCents(Eval(pro("2024-04-30", "1999-01-10")), kAid), 600000);
  EXPECT_EQ(AidCents(Eval(pro("2023-01-02", "1999-01-10")), kAid), 600000);
  EXPECT_EQ(AidCents(Eval(pro("2024-05-01", "1999-01-10")), kAid), 0);
  EXPECT_EQ(AidCents(Eval(pro("2024-04-30", "1999-01-10").Level(8)), kAid), 0);  // ≤ level 7
  EXPECT_EQ(AidCents(Eval(pro("2024-04-30", "1994-04-30")), kAid), 0);           // 30 that day
  EXPECT_EQ(AidCents(Eval(pro("2024-04-30", "1994-05-01")), kAid), 600000);      // 29
  // AFE: job seeker of 26 or more, 2 000 €; the State aid from 45, 2 000 €, cumulable.
  auto seeker = [&](const char* born) {
    auto c = pro("2025-09-01", born);
    c.apprentice().job_seeker = true;
    return c;
  };
  EXPECT_EQ(AidCents(Eval(seeker("1999-01-10")), "afe"), 200000);  // 26
  EXPECT_FALSE(Eligible(Eval(seeker("2000-01-10")), "afe"));       // 25
  auto older = Eval(seeker("1979-01-10"));                         // 46
  EXPECT_EQ(AidCents(older, "afe"), 200000);
  EXPECT_EQ(AidCents(older, "professionalisation-45-aid"), 200000);
  EXPECT_FALSE(Eligible(Eval(seeker("1980-09-02")), "professionalisation-45-aid"));  // 44
  EXPECT_FALSE(Eligible(Eval(pro("2025-09-01", "1979-01-10")), "afe"));  // not a job seeker
}

// ---------------------------------------------------------------------------------------------
// Contract checks (rules.md f)

TEST(AidsContractChecksTest, AgeAtTheStart) {
  // Starts 01/09/2025.
  EXPECT_TRUE(CheckFails(Eval(Case().Born("1995-09-01")), "age"));   // 30 that day
  EXPECT_FALSE(CheckFails(Eval(Case().Born("1995-09-02")), "age"));  // 29
  EXPECT_FALSE(CheckFails(Eval(Case().Born("2009-09-01")), "age"));  // 16 that day
  EXPECT_TRUE(CheckFails(Eval(Case().Born("2009-09-02")), "age"));   // 15
  {
    Case c;
    c.Born("2009-09-02").apprentice().completed_college = true;  // 15 after the 3e
    EXPECT_FALSE(CheckFails(Eval(c), "age"));
    c.Born("2010-09-02");  // 14
    EXPECT_TRUE(CheckFails(Eval(c), "age"));
  }
  EXPECT_FALSE(CheckFails(Eval(Case().Born("1980-01-10").Rqth()), "age"));  // 45, RQTH
}

TEST(AidsContractChecksTest, ApprenticeshipAgeLimitsDoNotApplyToProfessionalisation) {
  // rules.md b.2: job seekers of 26 and 45 or more are hired on professionnalisation contracts.
  Case c;
  c.Professionalisation().Born("1979-01-10").RunsYears("2025-09-01", 1);
  c.apprentice().job_seeker = true;
  EXPECT_FALSE(CheckFails(Eval(c), "age"));
}

TEST(AidsContractChecksTest, AgeExceptionsUpTo35AtTheConclusion) {
  auto after_previous = [](const char* born, AgeException exception, const char* ended) {
    Case c;
    c.Born(born).Previous(ended, 2, true);
    c.apprentice().age_exception = exception;
    return c;
  };
  // Concluded 01/09/2025, previous contract ended 30/06/2025 (within a year, D6222-1).
  EXPECT_FALSE(
      CheckFails(Eval(after_previous("1990-01-10", AgeException::kHigherDiploma, "2025-06-30")),
                 "age"));  // 35
  EXPECT_FALSE(
      CheckFails(Eval(after_previous("1989-09-02", AgeException::kBrokenContract, "2025-06-30")),
                 "age"));  // 35
  EXPECT_TRUE(
      CheckFails(Eval(after_previous("1989-09-01", AgeException::kHigherDiploma, "2025-06-30")),
                 "age"));  // 36
  // More than a year after the previous contract.
  EXPECT_TRUE(CheckFails(
      Eval(after_previous("1993-01-10", AgeException::kHigherDiploma, "2024-06-30")), "age"));
  // No upper limit for a business creation or a high-level athlete.
  Case creation;
  creation.Born("1975-01-10").apprentice().age_exception = AgeException::kBusinessCreation;
  EXPECT_FALSE(CheckFails(Eval(creation), "age"));
  Case rqth_exception;
  rqth_exception.Born("1975-01-10").apprentice().age_exception = AgeException::kRqth;
  EXPECT_FALSE(CheckFails(Eval(rqth_exception), "age"));
  Case athlete;
  athlete.Born("1975-01-10").apprentice().age_exception = AgeException::kHighLevelAthlete;
  EXPECT_FALSE(CheckFails(Eval(athlete), "age"));
}

TEST(AidsContractChecksTest, DurationSixMonthsToThreeYearsFourForRqth) {
  EXPECT_FALSE(CheckFails(Eval(Case().Runs("2025-09-01", "2026-02-28")), "duration"));  // 6 months
  EXPECT_TRUE(CheckFails(Eval(Case().Runs("2025-09-01", "2026-02-27")), "duration"));
  EXPECT_FALSE(CheckFails(Eval(Case().Runs("2025-09-01", "2028-08-31")), "duration"));  // 3 years
  EXPECT_TRUE(CheckFails(Eval(Case().Runs("2025-09-01", "2028-09-01")), "duration"));
  EXPECT_FALSE(CheckFails(Eval(Case().Rqth().Runs("2025-09-01", "2029-08-31")), "duration"));
  EXPECT_TRUE(CheckFails(Eval(Case().Rqth().Runs("2025-09-01", "2029-09-01")), "duration"));
}

TEST(AidsContractChecksTest, StartWithinThreeMonthsOfTheTrainingStart) {
  auto starting = [](const char* starts) {
    Case c;
    c.RunsYears(starts, 2).TrainingStarts("2025-09-01");
    return c;
  };
  EXPECT_TRUE(CheckFails(Eval(starting("2025-05-31")), "start-window"));
  EXPECT_FALSE(CheckFails(Eval(starting("2025-06-01")), "start-window"));
  EXPECT_FALSE(CheckFails(Eval(starting("2025-09-01")), "start-window"));
  EXPECT_FALSE(CheckFails(Eval(starting("2025-12-01")), "start-window"));
  EXPECT_TRUE(CheckFails(Eval(starting("2025-12-02")), "start-window"));
}

TEST(AidsContractChecksTest, TutorTwoApprenticesPlusOneRepeating) {
  auto tutor = [](int others, int others_repeating, bool this_one_repeats) {
    Tutor t;
    t.other_apprentices = others;
    t.other_repeating = others_repeating;
    t.this_one_repeats = this_one_repeats;
    t.related_experience_years = 5;
    return Eval(Case().WithTutor(t));
  };
  EXPECT_FALSE(CheckFails(tutor(0, 0, false), "tutor"));
  EXPECT_FALSE(CheckFails(tutor(1, 0, false), "tutor"));  // 2 apprentices
  EXPECT_TRUE(CheckFails(tutor(2, 0, false), "tutor"));   // 3
  EXPECT_FALSE(CheckFails(tutor(2, 0, true), "tutor"));   // 2 + this one repeating
  EXPECT_FALSE(CheckFails(tutor(2, 1, false), "tutor"));  // 2 + 1 repeating
  EXPECT_TRUE(CheckFails(tutor(2, 1, true), "tutor"));    // 1 + 2 repeating
  EXPECT_TRUE(CheckFails(tutor(3, 1, false), "tutor"));   // 3 + 1 repeating
}

TEST(AidsContractChecksTest, TutorQualification) {
  // Level 4 prepared. R6223-22: a same-field diploma of equal or higher level + 1 year, or
  // 2 years of related experience.
  auto tutor = [](std::optional<int> diploma, std::optional<int> years) {
    Tutor t;
    t.diploma_level_same_field = diploma;
    t.related_experience_years = years;
    return Eval(Case().Level(4).WithTutor(t));
  };
  EXPECT_FALSE(CheckFails(tutor(4, 1), "tutor"));
  EXPECT_FALSE(CheckFails(tutor(5, 1), "tutor"));
  EXPECT_TRUE(CheckFails(tutor(4, 0), "tutor"));
  EXPECT_TRUE(CheckFails(tutor(3, 1), "tutor"));  // lower level: needs 2 years
  EXPECT_FALSE(CheckFails(tutor(3, 2), "tutor"));
  EXPECT_FALSE(CheckFails(tutor(std::nullopt, 2), "tutor"));
  EXPECT_TRUE(CheckFails(tutor(std::nullopt, 1), "tutor"));
  EXPECT_TRUE(CheckFails(tutor(std::nullopt, 0), "tutor"));
  EXPECT_TRUE(CheckFails(tutor(5, 0), "tutor"));
  // Experience not told: the engine cannot judge the qualification and does not flag it.
}

TEST(AidsContractChecksTest, FailedChecksHaveASentenceAReferenceAndAWarning) {
  auto e = Eval(Case().Born("1995-09-01").Runs("2025-09-01", "2026-02-27"));
  int failed = 0;
  for (const auto& check : e.checks) {
    if (check.ok) continue;
    ++failed;
    SCOPED_TRACE(check.id);
    EXPECT_FALSE(check.sentence.empty());
    EXPECT_FALSE(check.legal_refs.empty());
  }
  EXPECT_GE(failed, 2);  // age and duration
  EXPECT_GE(e.warnings.size(), 2u);
}

// ---------------------------------------------------------------------------------------------
// Explanations, errors

TEST(AidsExplanationTest, EveryAidHasAConditionSentenceAndALegalReference) {
  Rules rules = Load({{"ctm_aids_enabled", 1}});
  Case c;
  c.Going(MobilityDestination::kHexagone).Born("2006-01-10").On("2025-10-01");
  c.apprentice().lives_in_qpv = true;
  c.apprentice().preparing_driving_licence = true;
  c.apprentice().tenant = true;
  auto e = Eval(c, rules);
  Case pro;
  pro.Professionalisation().Born("1979-01-10").RunsYears("2025-09-01", 1);
  pro.apprentice().job_seeker = true;
  auto p = Eval(pro, rules);
  std::vector<Aid> all = e.aids;
  all.insert(all.end(), p.aids.begin(), p.aids.end());
  EXPECT_GE(e.aids.size(), 8u);  // the 11 aids of rules/aids, minus some for professionalisation
  for (const auto& aid : all) {
    SCOPED_TRACE(aid.id);
    EXPECT_FALSE(aid.name.empty());
    EXPECT_FALSE(aid.payer.empty());
    EXPECT_FALSE(aid.legal_refs.empty());
    ASSERT_FALSE(aid.conditions.empty());
    for (const auto& condition : aid.conditions) EXPECT_FALSE(condition.sentence.empty());
  }
  for (const char* id : {"state-hiring-aid", "ultramarine-mobility", "social-support",
                         "driving-licence", "mobili-jeune", "ladom-pmfp", "ctm-atr", "ctm-atef"})
    EXPECT_TRUE(Eligible(e, id)) << id;
  for (const char* id : {"afe", "professionalisation-45-aid"}) EXPECT_TRUE(Eligible(p, id)) << id;
}

TEST(AidsExplanationTest, AMissedConditionIsReportedNotMet) {
  // 300 employees, no quota commitment, 2025: no State aid; a condition says why.
  auto e = Eval(Case().Headcount(300));
  const Aid* aid = FindAid(e, kStateAid);
  ASSERT_NE(aid, nullptr);
  EXPECT_FALSE(aid->eligible);
  EXPECT_TRUE(std::any_of(aid->conditions.begin(), aid->conditions.end(),
                          [](const Condition& c) { return !c.met && !c.sentence.empty(); }));
  // Driving licence at 17: the age condition is not met.
  Case young;
  young.Born("2008-06-01").apprentice().preparing_driving_licence = true;
  const Evaluation young_evaluation = Eval(young);
  const Aid* licence = FindAid(young_evaluation, "driving-licence");
  ASSERT_NE(licence, nullptr);
  EXPECT_FALSE(licence->eligible);
  EXPECT_TRUE(std::any_of(licence->conditions.begin(), licence->conditions.end(),
                          [](const Condition& c) { return !c.met; }));
}

TEST(AidsEngineErrorsTest, IncoherentSituationsAreRefused) {
  auto ends_before = Evaluate(DefaultRules(), Case().Runs("2025-09-01", "2025-08-31").situation());
  EXPECT_THAT(ends_before, HasErrorCode(ErrorCode::kInvalidArgument));
  if (!ends_before) {
    EXPECT_TRUE(ends_before.error().fields.contains("contract.ends_on"));
  }
  auto level9 = Evaluate(DefaultRules(), Case().Level(9).situation());
  EXPECT_THAT(level9, HasErrorCode(ErrorCode::kInvalidArgument));
  if (!level9) {
    EXPECT_TRUE(level9.error().fields.contains("contract.certification_level"));
  }
  auto level2 = Evaluate(DefaultRules(), Case().Level(2).situation());
  EXPECT_THAT(level2, HasErrorCode(ErrorCode::kInvalidArgument));
  auto too_early = Evaluate(DefaultRules(), Case().Runs("2022-09-01", "2024-08-31").situation());
  EXPECT_THAT(too_early, HasErrorCode(ErrorCode::kInvalidArgument));
}

}  // namespace
}  // namespace maplace::aids
