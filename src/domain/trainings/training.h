#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace maplace::trainings {

// What a CFA fills in for one training of its catalogue.
struct TrainingInput {
  std::string rncp_code;  // "RNCP38410", "" when only the CFD code is known
  std::string cfd_code;   // "40024202" (Education nationale), "" when only the RNCP code is known
  int level = 0;          // 3 to 8; the reference certification's level when it has one
  std::string title;      // « CAP Cuisine »
  std::string rhythm;     // « 2 semaines au CFA / 2 semaines en entreprise »
  std::vector<std::string> start_dates;  // ISO dates, ascending, at least one
  int duration_months = 0;               // 6 to 48
  int places = 0;                        // 1 to 500
  std::string commune_code;              // INSEE code of the training site
  // The jobs it leads to: the certification's (certification_rome) when the reference knows
  // them, else those the CFA chose.
  std::vector<std::string> rome_codes;
  std::string contact_name;
  std::string contact_email;
  std::string contact_phone;

  bool operator==(const TrainingInput&) const = default;
};

struct Training {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;  // the CFA
  std::int64_t created_by = 0;
  TrainingInput input;
  bool published = false;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// A certification of the reference (Certif Info), as a training names it.
struct Certification {
  std::string certifinfo_code;
  std::string label;
  std::string diploma_type;
  int level = 0;  // 0: none given
  std::string rncp_code;
  std::string cfd_code;
  std::vector<std::string> rome_codes;  // by rank
};

// What makes two trainings of one CFA the same for an import: the certification and the site.
std::string TrainingKey(const TrainingInput& input);

// Lists as stored and as the CSV writes them: "2026-09-01 2027-01-04", "G1602 G1603".
std::string JoinList(const std::vector<std::string>& items);
std::vector<std::string> SplitList(const std::string& text);  // on spaces, ',', ';' and '|'

// French level labels: « Niveau 3 (CAP, BEP) » …
std::string LevelLabel(int level);

}  // namespace maplace::trainings
