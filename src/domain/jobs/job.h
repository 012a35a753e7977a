#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace maplace::jobs {

// A job of the ROME 4.0 (France Travail's job referential).
struct JobSummary {
  std::string code;   // "H2913"
  std::string label;  // "Soudeur / Soudeuse"
};

// A certification (Certif Info) that leads to a job.
struct CertificationSummary {
  std::string code;  // Certif Info number
  std::string label;
  std::string diploma_type;
  std::optional<int> level;     // 3 (CAP) … 8; none for certificates without a level
  std::string rncp_code;        // "RNCP38410", or empty
  bool apprenticeship = false;  // open to apprenticeship, as Certif Info says (1)
};

struct Job {
  std::string code;
  std::string label;
  std::string grand_domain_code;  // the sector: the code's first letter
  std::string grand_domain_label;
  std::string professional_domain_code;
  std::string professional_domain_label;
  std::string parent_code;  // the ROME 3 fiche it comes from
  std::string v3_label;     // that fiche's historical label, when imported
  std::string definition;   // sentences separated by '\n'
  std::string access;
  std::vector<std::string> titles;     // job titles ("appellations"), the main one first
  std::vector<std::string> skills;     // savoir-faire
  std::vector<std::string> knowledge;  // savoirs
  std::vector<JobSummary> mobility;    // close jobs one can move to
  // Certifications leading to the job (Certif Info links ROME 3 codes: the job's own code or
  // the fiche it descends from), by level then label.
  std::vector<CertificationSummary> certifications;
};

struct Sector {
  std::string code;  // "H"
  std::string label;
};

// A BMO employment area ("bassin d'emploi") and its communes.
struct Commune {
  std::string insee_code;
  std::string name;
  std::string area_code;
  std::int64_t population = 0;
  // The commune's centre; NaN when the reference data gives no position (never 0, 0, which
  // is a real place in the Gulf of Guinea).
  double latitude = std::numeric_limits<double>::quiet_NaN();
  double longitude = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::string> postal_codes;
  bool HasPosition() const { return !std::isnan(latitude) && !std::isnan(longitude); }
};

struct EmploymentArea {
  std::string code;  // "201"
  std::string name;  // as published: "MARTINIQUE CENTRE"
  // "Centre", "Nord Atlantique", …: the published name without the territory, for people.
  std::string short_name;
};

// One cell of the BMO survey: a job family (FAP) in an area, a year. A missing count is a
// secret cell ("*" in the published table): not published, which is not zero.
struct HiringFigure {
  int year = 0;
  std::string fap_code;
  std::string fap_label;
  std::string area_code;
  std::optional<std::int64_t> projects;
  std::optional<std::int64_t> difficult;
  std::optional<std::int64_t> seasonal;
};

// A link of the Dares table between a FAP 2009 family and a ROME 3 code.
struct FapRomeLink {
  std::string fap_code;
  std::string rome_code;
};

}  // namespace maplace::jobs
