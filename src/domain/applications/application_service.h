#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "domain/applications/application.h"
#include "domain/offers/offer_service.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::applications {

struct ApplicationSettings {
  std::filesystem::path documents_dir;  // outside the web root (config.payments.documents_dir)
  std::int64_t max_cv_bytes = 3 * 1024 * 1024;
  std::string public_url = "http://127.0.0.1:8080";
  UnixSeconds remind_after = 7 * 24 * 3600;  // unanswered this long: the employer is reminded
};

// One application with what the pages show of it.
struct ApplicationView {
  Application application;
  std::string offer_title;
  std::string organisation_name;
  std::string applicant_name;
  std::string applicant_email;  // shown to the recruiter only
  std::optional<CvDocument> cv;
  std::vector<Reply> replies;  // loaded by View and Mine only
};

// An employer's applications, filtered, with the counts of each status among the applications
// of the offer filter (all offers when none), and the organisation's offers for the filter.
struct Inbox {
  std::vector<ApplicationView> entries;  // newest first
  std::map<ApplicationStatus, int> counts;
  int total = 0;
  std::vector<offers::Offer> offers;
};

// Young people's applications to offers and the employers' answers (issue 4 §3, issue 5 §3).
// Every use case is one transaction; every status change is audited; mails go through the
// outbox. Thread-safe; keeps references to its arguments.
class ApplicationService {
 public:
  ApplicationService(Store& store, offers::OfferService& offers, const Clock& clock,
                     ApplicationSettings settings);

  void SetPublicUrl(std::string url) { settings_.public_url = std::move(url); }

  // Checks a form: kInvalidArgument with a French message per field.
  static Status Check(const ApplicationInput& input, Date today);

  // A young person applies to a published offer, once (kAlreadyExists, French "offer" field).
  // The saved CV goes with it when `with_cv`. The employer's members are told by mail.
  Result<std::int64_t> Apply(const people::Actor& actor, std::int64_t offer_id,
                             const ApplicationInput& input, const std::string& client_address = "");
  // The young person's applications with the recruiters' replies, newest first.
  Result<std::vector<ApplicationView>> Mine(const people::Actor& actor);
  // The caller's organisation's applications; kNotFound without an employer organisation.
  Result<Inbox> InboxOf(const people::Actor& actor, std::optional<std::int64_t> offer_id,
                        std::optional<ApplicationStatus> status);
  // The employer of the offer or the applicant; kNotFound for anyone else.
  Result<ApplicationView> View(const people::Actor& actor, std::int64_t id);
  // New → seen, when the employer first opens it; nothing otherwise.
  Status MarkSeen(const people::Actor& actor, std::int64_t id);
  // Templated replies. Invite: new, seen or interview → interview, with the proposed slots.
  Status Invite(const people::Actor& actor, std::int64_t id, const std::string& slots,
                const std::string& client_address = "");
  // `reason`: see IsRefusalReason; "other" needs `details`.
  Status Refuse(const people::Actor& actor, std::int64_t id, const std::string& reason,
                const std::string& details, const std::string& client_address = "");
  Status Hire(const people::Actor& actor, std::int64_t id, const std::string& client_address = "");

  // The young person's CV: PDF or DOCX by content, at most 3 MB, stored under a random name.
  Result<CvDocument> SaveCv(const people::Actor& actor, std::string_view bytes,
                            std::string_view original_name);
  Result<std::optional<CvDocument>> MyCv(const people::Actor& actor);
  // Its owner, or a member of an organisation it was sent to with an application; kNotFound
  // for anyone else.
  Result<std::pair<CvDocument, std::string>> ReadCv(const people::Actor& actor, std::int64_t cv_id);

  // Periodic: reminds the employer of applications unanswered for 7 days, once each.
  Result<int> RemindUnanswered();

  // An XLSX of the organisation's applications (one offer's when `offer_id`).
  Result<std::string> Export(const people::Actor& actor, std::optional<std::int64_t> offer_id);

 private:
  Status Answer(const people::Actor& actor, std::int64_t id, ApplicationStatus to,
                const std::string& kind, const std::string& refusal_reason,
                const std::function<std::string(const ApplicationView&)>& body,
                const std::string& client_address);

  Store& store_;
  offers::OfferService& offers_;
  const Clock& clock_;
  ApplicationSettings settings_;
};

}  // namespace maplace::applications
