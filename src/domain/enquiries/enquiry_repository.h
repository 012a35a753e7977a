#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/enquiries/enquiry.h"

namespace maplace::enquiries {

// Enquiries and their answers, CFAs' partner companies and the marks limiting reports of
// offers (migration 0016; SQL in storage/sql_enquiries.cc).
class EnquiryRepository {
 public:
  virtual ~EnquiryRepository() = default;
  virtual Result<std::int64_t> Create(const Enquiry& enquiry) = 0;
  // Status, seen_at, reminded_at, updated_at. kNotFound for an unknown id.
  virtual Status Update(const Enquiry& enquiry) = 0;
  virtual Result<Enquiry> FindById(std::int64_t id) = 0;
  // Newest first.
  virtual Result<std::vector<Enquiry>> ListByAuthor(std::int64_t author_id) = 0;
  virtual Result<std::vector<Enquiry>> ListByOrganisation(std::int64_t organisation_id) = 0;
  virtual Result<std::vector<Enquiry>> ListByCv(std::int64_t cv_document_id) = 0;
  // How many the author sent at or after `since`.
  virtual Result<int> CountByAuthorSince(std::int64_t author_id, UnixSeconds since) = 0;
  // New or seen, never reminded, created at or before `before`; oldest first.
  virtual Result<std::vector<Enquiry>> ListUnansweredSince(UnixSeconds before) = 0;

  virtual Result<std::int64_t> AddReply(const EnquiryReply& reply) = 0;
  virtual Result<std::vector<EnquiryReply>> Replies(std::int64_t enquiry_id) = 0;  // oldest first

  // kAlreadyExists when the CFA already lists that SIRET.
  virtual Result<std::int64_t> AddPartner(const Partner& partner) = 0;
  virtual Result<std::vector<Partner>> Partners(std::int64_t cfa_organisation_id) = 0;  // by name
  // kNotFound unless the partner belongs to that CFA.
  virtual Status RemovePartner(std::int64_t cfa_organisation_id, std::int64_t id) = 0;

  // kAlreadyExists when the visitor already reported the offer.
  virtual Status AddReportMark(const ReportMark& mark) = 0;
  virtual Result<int> CountReportMarksSince(const std::string& client, UnixSeconds since) = 0;
};

}  // namespace maplace::enquiries
