#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/trainings/training.h"

namespace maplace::trainings {

// The CFAs' trainings (migration 0013) and the reference certifications they name.
class TrainingRepository {
 public:
  virtual ~TrainingRepository() = default;
  virtual Result<std::int64_t> Create(const Training& training) = 0;
  // Everything but id, organisation_id, created_by and created_at. kNotFound for an unknown id.
  virtual Status Update(const Training& training) = 0;
  virtual Status Delete(std::int64_t id) = 0;
  virtual Result<Training> FindById(std::int64_t id) = 0;
  // By id.
  virtual Result<std::vector<Training>> ListByOrganisation(std::int64_t organisation_id) = 0;
  // Published trainings, by id.
  virtual Result<std::vector<Training>> ListPublished() = 0;

  // Whether the reference `certifications` table holds anything (it is checked when it does).
  virtual Result<bool> HasCertifications() = 0;
  // The certification with this RNCP code, else with this CFD code (either may be "");
  // nullopt when the reference has neither. Its ROME codes come from certification_rome.
  virtual Result<std::optional<Certification>> FindCertification(const std::string& rncp_code,
                                                                 const std::string& cfd_code) = 0;
};

}  // namespace maplace::trainings
