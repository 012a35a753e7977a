#pragma once

#include <cstdint>
#include <vector>

#include "core/error.h"
#include "domain/applications/application.h"

namespace maplace::applications {

class ApplicationRepository {
 public:
  virtual ~ApplicationRepository() = default;
  // kAlreadyExists when the applicant already applied to the offer.
  virtual Result<std::int64_t> Create(const Application& application) = 0;
  // Status, refusal reason, seen_at, reminded_at and updated_at. kNotFound for an unknown id.
  virtual Status Update(const Application& application) = 0;
  virtual Result<Application> FindById(std::int64_t id) = 0;
  // Newest first.
  virtual Result<std::vector<Application>> ListByApplicant(std::int64_t applicant_id) = 0;
  virtual Result<std::vector<Application>> ListByOrganisation(std::int64_t organisation_id) = 0;
  virtual Result<std::vector<Application>> ListByCv(std::int64_t cv_document_id) = 0;
  virtual Result<int> CountForOffer(std::int64_t offer_id) = 0;
  // New or seen, never reminded, created at or before `before`; oldest first.
  virtual Result<std::vector<Application>> ListUnansweredSince(UnixSeconds before) = 0;

  virtual Result<std::int64_t> AddReply(const Reply& reply) = 0;
  // Oldest first.
  virtual Result<std::vector<Reply>> Replies(std::int64_t application_id) = 0;

  virtual Result<std::int64_t> AddCv(const CvDocument& cv) = 0;
  virtual Result<CvDocument> FindCv(std::int64_t id) = 0;
  // The owner's latest CV; kNotFound when none.
  virtual Result<CvDocument> LatestCv(std::int64_t owner_id) = 0;
};

}  // namespace maplace::applications
