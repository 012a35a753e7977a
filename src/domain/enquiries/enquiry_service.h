#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/applications/application.h"
#include "domain/enquiries/enquiry.h"
#include "domain/enquiries/report_limits.h"
#include "domain/offers/offer.h"
#include "domain/people/organisation.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::enquiries {

struct EnquirySettings {
  std::filesystem::path documents_dir;  // where the CVs are (applications' documents folder)
  std::string public_url = "http://127.0.0.1:8080";
  UnixSeconds remind_after = 7 * 24 * 3600;  // unanswered this long: the organisation is reminded
  int max_per_day = 10;                      // enquiries per young person per 24 hours
};

// A request for information to a CFA.
struct InformationInput {
  std::int64_t training_id = 0;  // 0: about the CFA in general
  std::string subject;           // see IsSubject
  std::string message;
};

// One enquiry with what the pages show of it.
struct EnquiryView {
  Enquiry enquiry;
  std::string organisation_name;
  std::string training_title;  // information about a training
  std::string author_name;
  std::string author_email;  // shown to the organisation only
  std::optional<applications::CvDocument> cv;
  std::vector<EnquiryReply> replies;  // loaded by View and Mine only
};

// An organisation's enquiries, filtered by status, with the count of each status.
struct EnquiryInbox {
  EnquiryKind kind = EnquiryKind::kSpontaneous;  // what this organisation receives
  std::vector<EnquiryView> entries;              // newest first
  std::map<EnquiryStatus, int> counts;
  int total = 0;
};

// A validated employer as its public page shows it.
struct PublicEmployer {
  people::Organisation organisation;
  std::string commune_name;
  std::vector<offers::Offer> offers;  // published, visible
};

// A partner company as a CFA adds it: a validated employer of the platform, or a name and a
// SIRET for one that is not on it.
struct PartnerInput {
  std::int64_t employer_organisation_id = 0;
  std::string name;
  std::string siret;
  std::string note;
};

// Young people's enquiries to organisations outside offers (issue 4 §3, issue 5 §5):
// spontaneous applications to employers and requests for information to CFAs, answered from the
// organisations' spaces; the CFAs' partner companies. Every use case is one transaction, audited;
// mails go through the outbox. An organisation's members see their organisation's enquiries
// only (kNotFound for any other). Thread-safe; keeps references to its arguments.
class EnquiryService {
 public:
  EnquiryService(Store& store, const Clock& clock, EnquirySettings settings);

  void SetPublicUrl(std::string url) { settings_.public_url = std::move(url); }

  // The young person's side. kNotFound unless the employer (the CFA) is validated;
  // kResourceExhausted (French "message" field) beyond max_per_day. The facts of a spontaneous
  // application are checked as an application's (ApplicationService::Check); the saved CV goes
  // with it when `with_cv`. The organisation's members are told by mail.
  Result<std::int64_t> ApplySpontaneously(const people::Actor& actor, std::int64_t employer_id,
                                          const applications::ApplicationInput& input,
                                          const std::string& client_address = "");
  // `training_id` must be a published training of that CFA (or 0).
  Result<std::int64_t> AskInformation(const people::Actor& actor, std::int64_t cfa_id,
                                      const InformationInput& input,
                                      const std::string& client_address = "");
  static Status CheckInformation(const InformationInput& input);
  // Newest first, with the answers.
  Result<std::vector<EnquiryView>> Mine(const people::Actor& actor);

  // The organisation's side: employers receive spontaneous applications, CFAs information
  // requests. kNotFound without an organisation.
  Result<EnquiryInbox> InboxOf(const people::Actor& actor, std::optional<EnquiryStatus> status);
  // The author or a member of the organisation; kNotFound for anyone else.
  Result<EnquiryView> View(const people::Actor& actor, std::int64_t id);
  // New → seen, when a member first opens it.
  Status MarkSeen(const people::Actor& actor, std::int64_t id);
  // A member answers: `kind` "answer" (free text, required), or for spontaneous applications
  // "no_position" (optional text) or "interview" (the proposed slots, required). Sets the
  // status to answered and mails the young person. Not on a closed enquiry.
  Status Answer(const people::Actor& actor, std::int64_t id, const std::string& kind,
                const std::string& text, const std::string& client_address = "");
  // The author or a member closes it (final).
  Status Close(const people::Actor& actor, std::int64_t id, const std::string& client_address = "");
  // The CV sent with a spontaneous application: its author or a member of the employer.
  Result<std::pair<applications::CvDocument, std::string>> ReadCv(const people::Actor& actor,
                                                                  std::int64_t id);

  // Periodic: reminds the organisation of enquiries unanswered for 7 days, once each.
  Result<int> RemindUnanswered();

  // The public page of a validated employer; kNotFound otherwise.
  Result<PublicEmployer> Employer(std::int64_t id);

  // CFA users: their CFA's partner companies (never shown publicly).
  Result<std::vector<Partner>> PartnersOf(const people::Actor& actor);
  // Validated employers whose name or SIRET contains `query` (at most 20), to pick from.
  Result<std::vector<people::Organisation>> FindEmployers(const people::Actor& actor,
                                                          const std::string& query);
  Result<std::int64_t> AddPartner(const people::Actor& actor, const PartnerInput& input);
  Status RemovePartner(const people::Actor& actor, std::int64_t id);

 private:
  Result<std::int64_t> Create(const people::Actor& actor, Enquiry enquiry,
                              people::OrganisationKind kind, const std::string& client_address);

  Store& store_;
  const Clock& clock_;
  EnquirySettings settings_;
};

}  // namespace maplace::enquiries
