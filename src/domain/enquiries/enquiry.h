#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace maplace::enquiries {

// A young person writes to an organisation outside any offer: a spontaneous application to an
// employer, or a request for information to a CFA (about one of its trainings, or in general).
enum class EnquiryKind { kSpontaneous, kInformation };
std::string_view KindCode(EnquiryKind kind);  // "spontaneous", "information"
std::optional<EnquiryKind> ParseKind(std::string_view code);
std::string_view KindLabel(EnquiryKind kind);  // French

// new → seen (a member opened it) → answered (each answer; answering again stays answered) →
// closed (by the organisation or the young person; final).
enum class EnquiryStatus { kNew, kSeen, kAnswered, kClosed };
std::string_view StatusCode(EnquiryStatus status);
std::string_view StatusLabel(EnquiryStatus status);  // French
std::optional<EnquiryStatus> ParseStatus(std::string_view code);
std::vector<EnquiryStatus> AllStatuses();

// What a request for information is about: "dates", "admission", "rhythm", "employer", "other".
bool IsSubject(std::string_view code);
std::string_view SubjectLabel(std::string_view code);
std::vector<std::pair<std::string_view, std::string_view>> Subjects();  // code, label

// An answer's kind: "answer" (free text), and for spontaneous applications the templates
// "no_position" (« pas de poste pour le moment ») and "interview" (« entretien proposé »).
bool IsReplyKind(std::string_view code);
std::string_view ReplyKindLabel(std::string_view code);

struct Enquiry {
  std::int64_t id = 0;
  EnquiryKind kind = EnquiryKind::kInformation;
  std::int64_t organisation_id = 0;
  std::int64_t author_id = 0;    // the young person
  std::int64_t training_id = 0;  // information: the training asked about, 0 for none
  std::string subject;           // information: see IsSubject
  std::string message;
  // Spontaneous applications: the facts of applications::ApplicationInput.
  std::string start_date;  // ISO, "" for « dès que possible »
  std::string rhythm;
  std::string cfa_place;  // applications::IsCfaPlace
  std::int64_t cv_document_id = 0;
  EnquiryStatus status = EnquiryStatus::kNew;
  UnixSeconds created_at = 0;
  UnixSeconds seen_at = 0;
  UnixSeconds reminded_at = 0;  // the organisation's 7-day reminder, sent once
  UnixSeconds updated_at = 0;
};

struct EnquiryReply {
  std::int64_t id = 0;
  std::int64_t enquiry_id = 0;
  std::int64_t author_id = 0;
  std::string kind;  // see IsReplyKind
  std::string body;
  UnixSeconds created_at = 0;
};

// A company a CFA works with (issue 5 §5), on the platform (employer_organisation_id) or not.
struct Partner {
  std::int64_t id = 0;
  std::int64_t cfa_organisation_id = 0;
  std::int64_t employer_organisation_id = 0;  // 0: not on the platform
  std::string name;
  std::string siret;
  std::string note;
  std::int64_t created_by = 0;
  UnixSeconds created_at = 0;
};

// One report of an offer by one visitor, to limit reports (issue 5 §6).
struct ReportMark {
  std::int64_t offer_id = 0;
  std::string visitor;  // "user:<id>" or a hash of the visitor's cookie
  std::string client;   // a hash of the client address
  UnixSeconds created_at = 0;
};

}  // namespace maplace::enquiries
