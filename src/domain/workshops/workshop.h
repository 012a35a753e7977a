#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace maplace::workshops {

// A theme of the « Aktiv Alternance » workshops ("Recruter un apprenti", "Le livret
// d'apprentissage"…).
struct Theme {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  UnixSeconds created_at = 0;
};

// What an advisor fills in for a session. Times are instants; the pages read and show them in
// Martinique time (UTC−4, no daylight saving time).
struct SessionInput {
  std::int64_t theme_id = 0;
  std::string title;
  UnixSeconds starts_at = 0;
  UnixSeconds ends_at = 0;
  std::string place;        // an address, or empty when online only
  std::string online_link;  // https://…, or empty
  int capacity = 0;
  std::string speakers;
  std::string description;
};

struct Session {
  std::int64_t id = 0;
  SessionInput input;
  int seats_taken = 0;  // registrations holding a seat
  std::int64_t created_by = 0;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
  UnixSeconds reminded_at = 0;     // the day-before reminder, sent once
  UnixSeconds survey_sent_at = 0;  // the satisfaction survey, sent once
};

// A file to download, stored like the CVs: random name in the documents folder.
struct Material {
  std::int64_t id = 0;
  std::int64_t session_id = 0;
  std::string stored_name;
  std::string original_name;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  UnixSeconds created_at = 0;
};

// registered (holds a seat) | waiting (promoted in order when a seat frees) | cancelled.
enum class RegistrationStatus { kRegistered, kWaiting, kCancelled };
std::string_view RegistrationStatusCode(RegistrationStatus status);
std::string_view RegistrationStatusLabel(RegistrationStatus status);  // French
std::optional<RegistrationStatus> ParseRegistrationStatus(std::string_view code);

// One person of an employer or a CFA at one session.
struct Registration {
  std::int64_t id = 0;
  std::int64_t session_id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t user_id = 0;
  std::int64_t registered_by = 0;
  RegistrationStatus status = RegistrationStatus::kRegistered;
  bool attended = false;
  std::string survey_token_hash;  // SHA-256 of the survey link's token, once sent
  int rating = 0;                 // 1–5, 0 before the answer
  std::string comment;
  UnixSeconds rated_at = 0;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// A follow-up action decided after a session (free text).
struct FollowUpAction {
  std::int64_t id = 0;
  std::int64_t session_id = 0;
  std::string body;
  std::int64_t created_by = 0;
  UnixSeconds created_at = 0;
};

struct Invitation {
  std::int64_t session_id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t sent_by = 0;
  UnixSeconds sent_at = 0;
};

class WorkshopRepository {
 public:
  virtual ~WorkshopRepository() = default;
  // kAlreadyExists for a name already used.
  virtual Result<std::int64_t> CreateTheme(const Theme& theme) = 0;
  virtual Result<std::vector<Theme>> Themes() = 0;  // by name

  virtual Result<std::int64_t> CreateSession(const Session& session) = 0;
  // The input and updated_at (never seats_taken). kNotFound for an unknown id.
  virtual Status UpdateSession(const Session& session) = 0;
  virtual Result<Session> FindSession(std::int64_t id) = 0;
  // Sessions starting in [from, to), by start.
  virtual Result<std::vector<Session>> SessionsBetween(UnixSeconds from, UnixSeconds to) = 0;
  // Takes one seat when one is left, atomically (a conditional update): true when taken.
  virtual Result<bool> TakeSeat(std::int64_t session_id) = 0;
  virtual Status ReleaseSeat(std::int64_t session_id) = 0;
  virtual Status MarkReminded(std::int64_t session_id, UnixSeconds at) = 0;
  virtual Status MarkSurveySent(std::int64_t session_id, UnixSeconds at) = 0;

  virtual Result<std::int64_t> AddMaterial(const Material& material) = 0;
  virtual Result<std::vector<Material>> Materials(std::int64_t session_id) = 0;
  virtual Result<Material> FindMaterial(std::int64_t id) = 0;

  // kAlreadyExists when the person is already at the session (whatever the status).
  virtual Result<std::int64_t> CreateRegistration(const Registration& registration) = 0;
  // Status, attendance, survey fields and updated_at.
  virtual Status UpdateRegistration(const Registration& registration) = 0;
  virtual Result<Registration> FindRegistration(std::int64_t id) = 0;
  virtual Result<std::vector<Registration>> Registrations(std::int64_t session_id) = 0;  // by id
  virtual Result<std::vector<Registration>> RegistrationsOf(std::int64_t organisation_id) = 0;
  virtual Result<Registration> FindRegistrationByToken(const std::string& token_hash) = 0;

  // False when the organisation was already invited to the session.
  virtual Result<bool> AddInvitation(const Invitation& invitation) = 0;
  virtual Result<std::vector<Invitation>> Invitations(std::int64_t session_id) = 0;

  virtual Result<std::int64_t> AddAction(const FollowUpAction& action) = 0;
  virtual Result<std::vector<FollowUpAction>> Actions(std::int64_t session_id) = 0;  // by id
};

}  // namespace maplace::workshops
