#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "domain/people/login_throttle.h"
#include "domain/people/organisation_repository.h"
#include "domain/people/organisation_service.h"
#include "domain/people/password_policy.h"
#include "domain/people/session.h"
#include "domain/people/user.h"
#include "domain/store.h"

namespace maplace::people {

struct AccountSettings {
  std::string public_url = "http://127.0.0.1:8080";  // links in e-mails start with it
  UnixSeconds verification_ttl = 48 * 3600;
  UnixSeconds reset_ttl = 3600;
  UnixSeconds email_change_ttl = 24 * 3600;
  UnixSeconds invitation_ttl = 7 * 24 * 3600;
};

// How long a session lives without activity, and at most (ASVS 3.3.2 level 2 for staff).
struct SessionLimits {
  UnixSeconds idle;
  UnixSeconds absolute;
};
SessionLimits SessionLimitsFor(Role role);

struct NewSession {
  std::string token;  // goes into the cookie, nowhere else
  Actor actor;
};

struct Invitation {
  Organisation organisation;
  std::string email;
  MemberRole member_role = MemberRole::kMember;
  bool has_account = false;
};

struct NewUser {
  std::string email;
  std::string display_name;
  Role role = Role::kYoungPerson;
  std::string password;
  bool is_demo = false;
};

// Accounts, sessions and organisation membership. Every answer about an e-mail address is the
// same whether or not an account has it. Thread-safe; keeps references to its arguments.
class AccountService {
 public:
  AccountService(Store& store, const crypto::PasswordHasher& hasher, const PasswordPolicy& policy,
                 LoginThrottle& throttle, const Clock& clock, AccountSettings settings);

  // A young person signs up. Sends a confirmation link, or, when the address already has an
  // account, a mail saying so. kInvalidArgument (fields) for a bad form.
  Status SignUp(std::string_view email, std::string_view display_name, std::string_view password,
                std::string_view client_address);
  // An employer or a CFA signs up with its organisation (issue 5), and becomes its
  // administrator. The account waits for its e-mail to be confirmed, like a young person's; the
  // organisation is validated at once when the delegation knows its SIRET, else it waits in the
  // advisors' queue. kInvalidArgument (fields) for a bad form, or a SIRET that already has an
  // organisation (its members can invite the person).
  Status SignUpOrganisation(const OrganisationForm& organisation, std::string_view email,
                            std::string_view display_name, std::string_view password,
                            std::string_view client_address);
  // Activates the account of a confirmation link and logs it in.
  Result<NewSession> ConfirmEmail(std::string_view token, std::string_view client_address);

  // kUnauthenticated for a wrong e-mail or password (one message for both), kResourceExhausted
  // when throttled (Error::fields["retry_after"] in seconds), kFailedPrecondition when the
  // e-mail is not confirmed yet (a new link is sent).
  Result<NewSession> Login(std::string_view email, std::string_view password,
                           std::string_view client_address);
  // The actor of a session cookie; kUnauthenticated when unknown, expired or disabled.
  Result<Actor> Authenticate(std::string_view session_token);
  Status Logout(std::string_view session_token);

  // Sends a reset link when the address has an active account; answers the same either way.
  Status RequestPasswordReset(std::string_view email, std::string_view client_address);
  // Sets the password, ends every session of the account and notifies its owner.
  Status ResetPassword(std::string_view token, std::string_view new_password,
                       std::string_view client_address);

  // Sends a confirmation link to the new address; the change happens when it is followed.
  Status RequestEmailChange(const Actor& actor, std::string_view current_password,
                            std::string_view new_email);
  Status ConfirmEmailChange(std::string_view token);

  // Organisation administrators invite people by e-mail.
  Status InviteMember(const Actor& actor, std::string_view email, MemberRole role);
  Result<Invitation> LookUpInvitation(std::string_view token);
  // Joins the organisation: creates the account, or, for an existing one, checks its password.
  Result<NewSession> AcceptInvitation(std::string_view token, std::string_view display_name,
                                      std::string_view password, std::string_view client_address);
  Result<std::vector<Member>> Members(const Actor& actor);
  Result<Organisation> OrganisationOf(const Actor& actor);

  // Links in e-mails start with this URL. Call before requests are served (the port may be
  // known only once the server is bound).
  void SetPublicUrl(std::string url) { settings_.public_url = std::move(url); }

  // Administration (CLI, demo, admin pages). Creates an active account.
  Result<User> CreateUser(const NewUser& user);
  Result<std::int64_t> CreateOrganisation(const Organisation& organisation);
  Status AddMember(std::int64_t organisation_id, std::int64_t user_id, MemberRole role);
  Result<std::vector<User>> ListUsers();
  // Sets a password without the old one, and ends the account's sessions.
  Status SetPassword(std::string_view email, std::string_view password);
  // Disables the account and ends its sessions. kNotFound for an unknown e-mail.
  Status DisableUser(std::string_view email, std::int64_t by_user_id);

 private:
  Result<NewSession> OpenSession(Repositories& repos, const User& user,
                                 std::string_view client_address);
  // Stores the hash of a new random token and returns the token for the link.
  Result<std::string> IssueToken(Repositories& repos, OneTimeToken token);
  Status RecordAudit(Repositories& repos, std::int64_t actor, std::string action,
                     std::string subject, std::string_view client_address);
  std::string Link(std::string_view path, std::string_view token) const;

  Store& store_;
  const crypto::PasswordHasher& hasher_;
  const PasswordPolicy& policy_;
  LoginThrottle& throttle_;
  const Clock& clock_;
  AccountSettings settings_;
};

}  // namespace maplace::people
