#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace maplace::applications {

// An application's life: new → seen (the recruiter opened it) → interview → refused | hired.
// Refused and hired are final; the recruiter may refuse or hire from new, seen or interview.
enum class ApplicationStatus { kNew, kSeen, kInterview, kRefused, kHired };
std::string_view StatusCode(ApplicationStatus status);   // "new", "seen", …
std::string_view StatusLabel(ApplicationStatus status);  // French, as the young person reads it
std::optional<ApplicationStatus> ParseStatus(std::string_view code);
std::vector<ApplicationStatus> AllStatuses();
bool IsFinal(ApplicationStatus status);

// Whether the young person already has a place in a CFA: "yes", "no", "in_progress".
bool IsCfaPlace(std::string_view code);
std::string_view CfaPlaceLabel(std::string_view code);
std::vector<std::pair<std::string_view, std::string_view>> CfaPlaces();  // code, label
// The desired start as mails say it: "24/02/2027", or « Dès que possible » when empty.
std::string StartText(const std::string& iso_date);

// Why a recruiter refuses: "profile", "filled", "no_cfa", "other" (with a text).
bool IsRefusalReason(std::string_view code);
std::string_view RefusalReasonLabel(std::string_view code);
std::vector<std::pair<std::string_view, std::string_view>> RefusalReasons();  // code, label

// What a young person fills in to apply.
struct ApplicationInput {
  std::string message;
  std::string start_date;  // ISO date, "" for « dès que possible »
  std::string rhythm;      // wished, free text, may be empty
  std::string cfa_place;   // see IsCfaPlace
  bool with_cv = true;     // send the saved CV (when there is one)
};

struct Application {
  std::int64_t id = 0;
  std::int64_t offer_id = 0;
  std::int64_t organisation_id = 0;  // the offer's, kept to list an employer's inbox
  std::int64_t applicant_id = 0;
  std::string message;
  std::string start_date;
  std::string rhythm;
  std::string cfa_place;
  std::int64_t cv_document_id = 0;  // 0: sent without a CV
  ApplicationStatus status = ApplicationStatus::kNew;
  std::string refusal_reason;  // code, when refused
  UnixSeconds created_at = 0;
  UnixSeconds seen_at = 0;
  UnixSeconds reminded_at = 0;  // the employer's 7-day reminder, sent once
  UnixSeconds updated_at = 0;
};

// A recruiter's answer, as the young person reads it in « Mes candidatures ».
// kind: "interview", "refusal", "hire".
struct Reply {
  std::int64_t id = 0;
  std::int64_t application_id = 0;
  std::int64_t author_id = 0;
  std::string kind;
  std::string body;
  UnixSeconds created_at = 0;
};

// A CV uploaded by a young person. Never changed: a new upload adds one, and each application
// keeps the CV it was sent with.
struct CvDocument {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  std::string stored_name;  // random, in the documents folder
  std::string original_name;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  UnixSeconds created_at = 0;
};

constexpr std::string_view kPdfType = "application/pdf";
constexpr std::string_view kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The type of a CV by its bytes, never by its name: a PDF, or a DOCX (a zip archive holding
// word/ entries). nullopt otherwise.
std::optional<std::string_view> SniffCvType(std::string_view bytes);

}  // namespace maplace::applications
