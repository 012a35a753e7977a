#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/people/organisation.h"
#include "domain/people/organisation_repository.h"
#include "domain/people/session.h"
#include "domain/store.h"
#include "domain/workshops/workshop.h"

namespace maplace::workshops {

struct WorkshopSettings {
  std::filesystem::path documents_dir;  // outside the web root, as the CVs
  std::string public_url = "http://127.0.0.1:8080";
  std::int64_t max_material_bytes = 10 * 1024 * 1024;
};

// What a session's registrations add up to.
struct SessionStats {
  int registered = 0;  // holding a seat
  int waiting = 0;
  int attended = 0;
  int ratings = 0;     // satisfaction answers
  double average = 0;  // of the ratings (1–5), 0 without any
};

struct SessionSummary {
  Session session;
  std::string theme;
  SessionStats stats;
};

struct RegistrationView {
  Registration registration;
  std::string person_name;
  std::string person_email;
  std::string organisation_name;
};

// Everything the staff's session page shows.
struct SessionSheet {
  Session session;
  Theme theme;
  std::vector<RegistrationView> registrations;  // by id: the waiting list in its order
  std::vector<Material> materials;
  std::vector<FollowUpAction> actions;
  int invited = 0;  // organisations invited
  SessionStats stats;
};

// Whom to invite. kind: "cfa", "employer" or "" (both); area_code: an employment area or ""
// (all); branch: a professional branch's name and opco: an OPCO code (domain/crm/branches.h),
// both read from the organisation's IDCC, "" for all. Only validated organisations are invited,
// each once per session.
struct InvitationCriteria {
  std::string kind;
  std::string area_code;
  std::string branch;
  std::string opco;
};

struct InvitationTarget {
  people::Organisation organisation;
  std::string area_name;
  std::string branch;  // from the IDCC, "" when unknown
  std::string opco;    // an OPCO code, "" when unknown
  bool already_invited = false;
};

// A session as an employer's or a CFA's members see it.
struct OrganisationSessionView {
  Session session;
  Theme theme;
  std::vector<Material> materials;     // downloadable once someone of the organisation registered
  std::vector<RegistrationView> mine;  // the organisation's registrations, cancelled excluded
  std::vector<people::Member> members;
  int seats_left = 0;
};

struct SessionFilter {
  std::optional<int> year;  // in Martinique time
  std::optional<std::int64_t> theme_id;
};

// For the steering issue: one session of a year with its attendance and satisfaction.
struct SessionFigures {
  std::int64_t id = 0;
  std::string title;
  std::string theme;
  UnixSeconds starts_at = 0;
  int capacity = 0;
  SessionStats stats;
  int organisations_attending = 0;  // distinct organisations with at least one person present
};

// Sessions starting in `year` (Martinique time: from 1 January 00:00 UTC−4 to the next), by
// start, with, for each: registered people holding a seat, waiting list, people marked present
// on the attendance sheet, satisfaction answers and their average (1–5). Read-only, staff
// figures (no names).
Result<std::vector<SessionFigures>> SessionsInYear(Store& store, int year);

// "2026-12-03T09:00" (an <input type="datetime-local">) in Martinique time → the instant;
// nullopt when malformed.
std::optional<UnixSeconds> ParseMartiniqueDateTime(std::string_view text);
std::string FormatMartiniqueDateTime(UnixSeconds t);  // "2026-12-03T09:00"
// "3 décembre 2026, de 09:00 à 12:00" (Martinique time).
std::string FrenchSchedule(UnixSeconds starts_at, UnixSeconds ends_at);

// « Aktiv Alternance » workshops (issue 8 §4): themes and sessions kept by advisors,
// invitations by criteria, registration by employers' and CFAs' members with a waiting list,
// reminders with a calendar file, attendance, satisfaction survey, materials and follow-up
// actions. Each use case is one transaction; mails go through the outbox, in French.
// Thread-safe; keeps references to its arguments.
class WorkshopService {
 public:
  WorkshopService(Store& store, const Clock& clock, WorkshopSettings settings);
  void SetPublicUrl(std::string url) { settings_.public_url = std::move(url); }

  // Staff (advisor, manager, admin) only: kPermissionDenied otherwise.
  Result<std::int64_t> CreateTheme(const people::Actor& actor, const std::string& name,
                                   const std::string& description);
  Result<std::vector<Theme>> Themes();

  // kInvalidArgument with a French message per field.
  static Status Check(const SessionInput& input);
  Result<std::int64_t> CreateSession(const people::Actor& actor, const SessionInput& input);
  // The capacity may not go below the seats taken.
  Status UpdateSession(const people::Actor& actor, std::int64_t id, const SessionInput& input);

  Result<std::vector<SessionSummary>> List(const SessionFilter& filter);
  // Sessions not yet ended, by start.
  Result<std::vector<SessionSummary>> Upcoming();
  Result<SessionSheet> Sheet(const people::Actor& actor, std::int64_t id);

  // The organisations the criteria select, with whether each was already invited.
  Result<std::vector<InvitationTarget>> Targets(const people::Actor& actor, std::int64_t id,
                                                const InvitationCriteria& criteria);
  // Mails every active member of the selected organisations not yet invited; the number of
  // organisations invited now.
  Result<int> Invite(const people::Actor& actor, std::int64_t id,
                     const InvitationCriteria& criteria);

  // An employer's or CFA's member: the session and their organisation's part in it.
  Result<OrganisationSessionView> ForOrganisation(const people::Actor& actor, std::int64_t id);
  // Registers members of the actor's organisation: each gets a seat while there is one (taken
  // atomically), the waiting list otherwise; each is told by mail. kInvalidArgument when a
  // person is not a member or nobody is chosen; already registered people are skipped.
  Result<std::vector<Registration>> Register(const people::Actor& actor, std::int64_t id,
                                             const std::vector<std::int64_t>& user_ids);
  // By a member of the registration's organisation, or staff. A freed seat goes to the first
  // of the waiting list, who is told by mail.
  Status Cancel(const people::Actor& actor, std::int64_t registration_id);

  // Staff: `present` are the registration ids ticked on the sheet; the others are absent.
  Status RecordAttendance(const people::Actor& actor, std::int64_t id,
                          const std::set<std::int64_t>& present);
  Status AddAction(const people::Actor& actor, std::int64_t id, const std::string& body);
  // PDF, Office (DOCX, PPTX, XLSX) or ODF by content, ≤ 10 Mo.
  Result<Material> AddMaterial(const people::Actor& actor, std::int64_t id, std::string_view bytes,
                               std::string_view original_name);
  // Staff, or a member of an organisation registered at the session; kNotFound otherwise.
  Result<std::pair<Material, std::string>> ReadMaterial(const people::Actor& actor,
                                                        std::int64_t material_id);
  // The session's iCalendar file; same readers as the materials.
  Result<std::string> Calendar(const people::Actor& actor, std::int64_t id);

  // Periodic: the day before (Martinique date), each registered person gets a reminder with
  // the calendar link, once per session. Returns the mails queued.
  Result<int> SendReminders();
  // Once a session has ended: each person present gets a survey link, once. `only` limits it
  // to one session (the staff's button). Returns the mails queued.
  Result<int> SendSurveys(std::optional<std::int64_t> only = std::nullopt);

  // The survey behind a mailed link; kNotFound for an unknown token.
  Result<std::pair<RegistrationView, Session>> Survey(const std::string& token);
  // 1–5 and an optional comment, once (kFailedPrecondition after).
  Status AnswerSurvey(const std::string& token, int rating, const std::string& comment);

  // XLSX exports with the filters applied.
  Result<std::string> ExportSessions(const SessionFilter& filter);
  Result<std::string> ExportRegistrations(const people::Actor& actor, std::int64_t id);

 private:
  Store& store_;
  const Clock& clock_;
  WorkshopSettings settings_;
};

}  // namespace maplace::workshops
