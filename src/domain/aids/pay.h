#pragma once

#include <vector>

#include "core/error.h"
#include "domain/aids/evaluation.h"
#include "domain/aids/rules.h"
#include "domain/aids/situation.h"

namespace maplace::aids {

// Engine internals shared by its parts (engine.cc, pay.cc, aids.cc, checks.cc).

// The item in force on `day`: the last whose date of effect is on or before it.
template <typename T>
const T* InForce(const std::vector<T>& items, Date T::*from, Date day) {
  const T* found = nullptr;
  for (const T& item : items) {
    if (item.*from <= day) found = &item;
  }
  return found;
}

const SmicRate& SmicOn(const Rules& rules, Date day);
Cents SmicHourlyCents(const SmicRate& rate, Territory territory);
Cents SmicMonthlyCents(Cents hourly_cents);  // × 35 × 52 / 12, to the cent

// The age whose pay band applies on `day`: a birthday counts from the 1st of the next month
// (C. trav. D6222-31).
int BandAge(Date birth, Date day);

// Pay, net and employer cost of each period of the contract.
std::vector<PayPeriod> PayPeriods(const Rules& rules, const Situation& situation);

// "1re année", "2e année"
std::string ContractYearName(int year);

}  // namespace maplace::aids
