#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"

namespace maplace::aids {

// One line of France compétences' référentiel des NPEC (niveaux de prise en charge): what the
// OPCO of a branch pays the CFA each year for an apprenticeship contract preparing a
// certification. Filled by `maplace import npec` (table `npec`, reference::tables::Npec()).
struct Npec {
  std::string rncp_code;                           // "RNCP1002"
  std::string cpne_code;                           // the branch's CPNE, "2"
  std::string cpne_label;                          // « CNPE des sociétés financières »
  std::optional<std::string> certification_label;  // as the référentiel words it
  std::int64_t yearly_cents = 0;                   // « NPEC final », in cents
  std::optional<Date> applicable_from;             // « Date d'applicabilité des NPEC »
  std::optional<std::string> status;               // « Statut » as published ("A", "D", …)
  bool operator==(const Npec&) const = default;
};

// A value of a rules parameter (rules/*.toml, aids::Parameter) set by an administrator in place
// of the file's value; LoadRules() takes them as its `overrides`.
struct ParameterOverride {
  std::string name;  // the parameter's name, without the "$"
  double value = 0;
  std::string reason;           // why, in the administrator's words
  std::int64_t changed_by = 0;  // user id; 0: the system
  UnixSeconds changed_at = 0;
  bool operator==(const ParameterOverride&) const = default;
};

// What the aids engine reads and keeps in the store.
class AidsRepository {
 public:
  virtual ~AidsRepository() = default;

  // The NPEC of a certification in one branch. kNotFound when the référentiel has none.
  virtual Result<Npec> FindNpec(std::string_view rncp_code, std::string_view cpne_code) = 0;
  // Every branch's NPEC for a certification, lowest amount first (then by CPNE code), so that a
  // page can show the range when the branch is not known. Empty when none.
  virtual Result<std::vector<Npec>> NpecsForCertification(std::string_view rncp_code) = 0;

  // Every override, by name.
  virtual Result<std::vector<ParameterOverride>> ParameterOverrides() = 0;
  // Creates or replaces the override of `value.name`. The caller records the audit event
  // (SetParameterOverride() in parameter_overrides.h does both).
  virtual Status SetParameterOverride(const ParameterOverride& value) = 0;
  // Removes an override: the file's value applies again. kNotFound when there is none.
  virtual Status RemoveParameterOverride(std::string_view name) = 0;
};

}  // namespace maplace::aids
