#include "domain/people/account_service.h"

#include <fmt/format.h>

#include "core/text.h"

namespace maplace::people {
namespace {

constexpr UnixSeconds kHour = 3600;
constexpr UnixSeconds kDay = 24 * kHour;
// A session's last-seen time is written at most this often, not on every request.
constexpr UnixSeconds kTouchEvery = 60;
constexpr std::size_t kMaxNameLength = 80;

Status CheckDisplayName(std::string_view name) {
  auto trimmed = text::Trim(name);
  if (trimmed.empty())
    return FailFields("name missing", {{"display_name", "Indiquez votre prénom et votre nom."}});
  if (!text::IsCleanUtf8(trimmed, false) || text::CodePointCount(trimmed) > kMaxNameLength)
    return FailFields("bad name", {{"display_name",
                                    "Le nom doit faire au plus 80 caractères, sans caractères "
                                    "spéciaux invisibles."}});
  return Ok();
}

Result<std::string> CheckEmail(std::string_view email, const char* field = "email") {
  std::string normalized = text::NormalizeEmail(email);
  if (normalized.empty())
    return FailFields("bad e-mail",
                      {{field, "Indiquez une adresse e-mail valide, par exemple nom@exemple.fr."}});
  return normalized;
}

// Merges the field errors of several checks, so a form shows all its problems at once.
Status Merge(std::initializer_list<Status> checks) {
  Error merged{ErrorCode::kInvalidArgument, "invalid form", {}};
  for (const auto& check : checks) {
    if (!check) merged.fields.insert(check.error().fields.begin(), check.error().fields.end());
  }
  if (merged.fields.empty()) return Ok();
  return Fail(merged);
}

Error LinkInvalid() {
  return Error{ErrorCode::kNotFound,
               "link unknown, used or expired",
               {{"token",
                 "Ce lien n'est plus valable : il a déjà servi ou a expiré. "
                 "Vous pouvez en demander un nouveau."}}};
}

Error WrongCredentials() {
  return Error{ErrorCode::kUnauthenticated,
               "wrong e-mail or password",
               {{"password", "Adresse e-mail ou mot de passe incorrect."}}};
}

}  // namespace

SessionLimits SessionLimitsFor(Role role) {
  if (IsStaff(role)) return {30 * 60, 12 * kHour};
  if (role == Role::kYoungPerson) return {7 * kDay, 30 * kDay};
  return {kDay, 30 * kDay};  // employers and CFAs: personal data of applicants
}

AccountService::AccountService(Store& store, const crypto::PasswordHasher& hasher,
                               const PasswordPolicy& policy, LoginThrottle& throttle,
                               const Clock& clock, AccountSettings settings)
    : store_(store),
      hasher_(hasher),
      policy_(policy),
      throttle_(throttle),
      clock_(clock),
      settings_(std::move(settings)) {}

std::string AccountService::Link(std::string_view path, std::string_view token) const {
  return fmt::format("{}{}?jeton={}", settings_.public_url, path, token);
}

Result<std::string> AccountService::IssueToken(Repositories& repos, OneTimeToken token) {
  std::string secret = crypto::RandomToken(16);
  token.token_hash = crypto::Sha256Hex(secret);
  token.created_at = clock_.Now();
  auto created = repos.tokens().Create(token);
  if (!created) return Fail(created.error());
  return secret;
}

Status AccountService::RecordAudit(Repositories& repos, std::int64_t actor, std::string action,
                                   std::string subject, std::string_view client_address) {
  return repos.audit().Record(audit::AuditEvent{0, clock_.Now(), actor, std::move(action),
                                                std::move(subject),
                                                text::SingleLine(client_address)});
}

Status AccountService::SignUp(std::string_view email, std::string_view display_name,
                              std::string_view password, std::string_view client_address) {
  auto normalized = CheckEmail(email);
  auto form =
      Merge({normalized ? Ok() : Status(Fail(normalized.error())), CheckDisplayName(display_name),
             policy_.Check(password, normalized ? *normalized : "")});
  if (!form) return form;
  // Hash before the transaction: it is slow and needs no lock.
  auto hash = hasher_.Hash(password);
  if (!hash) return Fail(hash.error());
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto existing = repos.users().FindByEmail(*normalized);
    if (existing) {
      // Tell the owner, not the visitor: the page says the same as for a new address.
      return repos.outbox()
          .Enqueue(Mail{*normalized, "Vous avez déjà un compte « Ici c'est ma place »",
                        fmt::format("Bonjour,\n\nQuelqu'un (vous, peut-être) a voulu créer un "
                                    "compte avec cette adresse, qui en a déjà un.\n\n"
                                    "Pour vous connecter : {}/connexion\n"
                                    "Mot de passe oublié : {}/mot-de-passe-oublie\n\n"
                                    "Si ce n'était pas vous, ignorez ce message.\n",
                                    settings_.public_url, settings_.public_url)},
                   now)
          .map([](auto) {});
    }
    if (existing.error().code != ErrorCode::kNotFound) return Fail(existing.error());
    User user{0,
              *normalized,
              std::string(text::Trim(display_name)),
              Role::kYoungPerson,
              UserStatus::kPending,
              *hash,
              false,
              now,
              now};
    auto id = repos.users().Create(user);
    if (!id) return Fail(id.error());
    auto token = IssueToken(repos, OneTimeToken{{},
                                                TokenPurpose::kEmailVerification,
                                                *id,
                                                "",
                                                0,
                                                MemberRole::kMember,
                                                0,
                                                now + settings_.verification_ttl});
    if (!token) return Fail(token.error());
    auto queued = repos.outbox().Enqueue(
        Mail{*normalized, "Confirmez votre adresse e-mail",
             fmt::format("Bonjour {},\n\nBienvenue sur « Ici c'est ma place ». Pour activer votre "
                         "compte, ouvrez ce lien (valable 48 heures) :\n\n{}\n\n"
                         "Si vous n'avez pas demandé ce compte, ignorez ce message.\n",
                         user.display_name, Link("/inscription/confirmer", *token))},
        now);
    if (!queued) return Fail(queued.error());
    return RecordAudit(repos, *id, "user.signed_up", fmt::format("user:{}", *id), client_address);
  });
}

Status AccountService::SignUpOrganisation(const OrganisationForm& raw, std::string_view email,
                                          std::string_view display_name, std::string_view password,
                                          std::string_view client_address) {
  auto normalized = CheckEmail(email);
  auto organisation = CheckOrganisationForm(raw);
  auto form = Merge({normalized ? Ok() : Status(Fail(normalized.error())),
                     organisation ? Ok() : Status(Fail(organisation.error())),
                     CheckDisplayName(display_name),
                     policy_.Check(password, normalized ? *normalized : "")});
  if (!form) return form;
  auto hash = hasher_.Hash(password);
  if (!hash) return Fail(hash.error());
  const UnixSeconds now = clock_.Now();
  const Role role = organisation->kind == OrganisationKind::kCfa ? Role::kCfa : Role::kEmployer;
  return store_.Write([&](Repositories& repos) -> Status {
    auto taken = repos.organisations().FindBySiret(organisation->siret);
    if (!taken) return Fail(taken.error());
    if (*taken)
      return FailFields("siret taken",
                        {{"siret",
                          "Cet établissement a déjà un espace sur « Ici c'est ma place » : "
                          "demandez à l'un de ses membres de vous inviter depuis la page "
                          "« Mon organisation »."}});
    auto existing = repos.users().FindByEmail(*normalized);
    if (existing) {
      return repos.outbox()
          .Enqueue(Mail{*normalized, "Vous avez déjà un compte « Ici c'est ma place »",
                        fmt::format("Bonjour,\n\nQuelqu'un (vous, peut-être) a voulu créer un "
                                    "compte avec cette adresse, qui en a déjà un.\n\n"
                                    "Pour vous connecter : {}/connexion\n\n"
                                    "Si ce n'était pas vous, ignorez ce message.\n",
                                    settings_.public_url)},
                   now)
          .map([](auto) {});
    }
    if (existing.error().code != ErrorCode::kNotFound) return Fail(existing.error());
    auto known = repos.organisations().SiretKnown(organisation->siret);
    if (!known) return Fail(known.error());
    Organisation o;
    o.kind = organisation->kind;
    o.name = organisation->name;
    o.siret = organisation->siret;
    o.uai = organisation->uai;
    o.address = organisation->address;
    o.commune_code = organisation->commune_code;
    o.headcount = organisation->headcount;
    o.idcc = organisation->idcc;
    o.naf = organisation->naf;
    o.status = *known ? OrganisationStatus::kValidated : OrganisationStatus::kPending;
    o.created_at = o.status_changed_at = now;
    auto organisation_id = repos.organisations().Create(o);
    if (!organisation_id) return Fail(organisation_id.error());
    User user{0,
              *normalized,
              std::string(text::Trim(display_name)),
              role,
              UserStatus::kPending,
              *hash,
              false,
              now,
              now};
    auto id = repos.users().Create(user);
    if (!id) return Fail(id.error());
    if (auto s =
            repos.organisations().AddMember(Membership{*organisation_id, *id, MemberRole::kAdmin});
        !s)
      return s;
    auto token = IssueToken(repos, OneTimeToken{{},
                                                TokenPurpose::kEmailVerification,
                                                *id,
                                                "",
                                                0,
                                                MemberRole::kMember,
                                                0,
                                                now + settings_.verification_ttl});
    if (!token) return Fail(token.error());
    auto queued = repos.outbox().Enqueue(
        Mail{*normalized, "Confirmez votre adresse e-mail",
             fmt::format("Bonjour {},\n\nBienvenue sur « Ici c'est ma place ». Pour activer "
                         "l'espace de {}, ouvrez ce lien (valable 48 heures) :\n\n{}\n\n{}"
                         "Si vous n'avez pas demandé ce compte, ignorez ce message.\n",
                         user.display_name, o.name, Link("/inscription/confirmer", *token),
                         *known ? ""
                                : "Un conseiller de la délégation vérifiera ensuite votre "
                                  "organisation : vous pourrez préparer vos offres en "
                                  "attendant, et les publier dès sa validation.\n\n")},
        now);
    if (!queued) return Fail(queued.error());
    if (auto s = RecordAudit(repos, *id, "organisation.signed_up",
                             fmt::format("organisation:{}", *organisation_id), client_address);
        !s)
      return s;
    if (*known)
      return RecordAudit(repos, 0, "organisation.validated_known_siret",
                         fmt::format("organisation:{}", *organisation_id), client_address);
    // The advisors hear of it at once: slow validation is what employers complain of most.
    auto staff = repos.users().List();
    if (!staff) return Fail(staff.error());
    for (const auto& advisor : *staff) {
      if (advisor.role != Role::kAdvisor || advisor.status != UserStatus::kActive) continue;
      auto told = repos.outbox().Enqueue(
          Mail{advisor.email, fmt::format("Nouvelle organisation à valider : {}", o.name),
               fmt::format("Bonjour {},\n\n{} ({}, SIRET {}) vient de s'inscrire et attend "
                           "votre validation :\n\n{}/conseil/organisations\n",
                           advisor.display_name, o.name,
                           o.kind == OrganisationKind::kCfa ? "CFA" : "employeur", o.siret,
                           settings_.public_url)},
          now);
      if (!told) return Fail(told.error());
    }
    return Ok();
  });
}

Result<NewSession> AccountService::ConfirmEmail(std::string_view token,
                                                std::string_view client_address) {
  Result<NewSession> result = Fail(LinkInvalid());
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto used = repos.tokens().Consume(crypto::Sha256Hex(token), TokenPurpose::kEmailVerification,
                                       clock_.Now());
    if (!used)
      return used.error().code == ErrorCode::kNotFound ? Fail(LinkInvalid()) : Fail(used.error());
    auto user = repos.users().FindById(used->user_id);
    if (!user) return Fail(user.error());
    if (user->status == UserStatus::kDisabled) return Fail(LinkInvalid());
    if (auto s = repos.users().UpdateStatus(user->id, UserStatus::kActive, clock_.Now()); !s)
      return s;
    user->status = UserStatus::kActive;
    result = OpenSession(repos, *user, client_address);
    if (!result) return Fail(result.error());
    return RecordAudit(repos, user->id, "user.email_confirmed", fmt::format("user:{}", user->id),
                       client_address);
  });
  if (!status) return Fail(status.error());
  return result;
}

Result<NewSession> AccountService::OpenSession(Repositories& repos, const User& user,
                                               std::string_view client_address) {
  const UnixSeconds now = clock_.Now();
  // A new token at every login: a token planted before login is worth nothing after it.
  std::string token = crypto::RandomToken(16);
  Session session{crypto::Sha256Hex(token), user.id, now, now,
                  now + SessionLimitsFor(user.role).absolute};
  if (auto s = repos.sessions().Create(session); !s) return Fail(s.error());
  auto membership = repos.organisations().MembershipOf(user.id);
  if (!membership) return Fail(membership.error());
  if (auto s = RecordAudit(repos, user.id, "login.succeeded", fmt::format("user:{}", user.id),
                           client_address);
      !s)
    return Fail(s.error());
  return NewSession{token, Actor{user.id, user.role, user.email, user.display_name, user.is_demo,
                                 *membership, session.token_hash}};
}

Result<NewSession> AccountService::Login(std::string_view email, std::string_view password,
                                         std::string_view client_address) {
  const std::string normalized = text::NormalizeEmail(email);
  const std::string throttle_key = normalized.empty() ? std::string(email) : normalized;
  if (auto wait = throttle_.RetryAfter(throttle_key, client_address, clock_.Now())) {
    return Fail(Error{ErrorCode::kResourceExhausted,
                      "too many failed logins",
                      {{"retry_after", std::to_string(*wait)}}});
  }
  std::optional<User> user;
  auto read = store_.Read([&](Repositories& repos) -> Status {
    if (normalized.empty()) return Ok();
    auto found = repos.users().FindByEmail(normalized);
    if (found) {
      user = *found;
    } else if (found.error().code != ErrorCode::kNotFound) {
      return Fail(found.error());
    }
    return Ok();
  });
  if (!read) return Fail(read.error());
  // Always verify one hash, so an unknown address costs the same time as a wrong password.
  const bool password_ok =
      hasher_.Verify(user ? user->password_hash : hasher_.DummyHash(), password);
  if (!user || !password_ok || user->status == UserStatus::kDisabled) {
    throttle_.RecordFailure(throttle_key, client_address, clock_.Now());
    (void)store_.Write([&](Repositories& repos) {
      return RecordAudit(repos, user ? user->id : 0, "login.failed",
                         user ? fmt::format("user:{}", user->id) : "unknown", client_address);
    });
    return Fail(WrongCredentials());
  }
  throttle_.RecordSuccess(throttle_key);
  Result<NewSession> result = Fail(WrongCredentials());
  auto status = store_.Write([&](Repositories& repos) -> Status {
    if (user->status == UserStatus::kPending) {
      auto token = IssueToken(repos, OneTimeToken{{},
                                                  TokenPurpose::kEmailVerification,
                                                  user->id,
                                                  "",
                                                  0,
                                                  MemberRole::kMember,
                                                  0,
                                                  clock_.Now() + settings_.verification_ttl});
      if (!token) return Fail(token.error());
      auto queued = repos.outbox().Enqueue(
          Mail{user->email, "Confirmez votre adresse e-mail",
               fmt::format("Bonjour {},\n\nPour activer votre compte, ouvrez ce lien (valable 48 "
                           "heures) :\n\n{}\n",
                           user->display_name, Link("/inscription/confirmer", *token))},
          clock_.Now());
      if (!queued) return Fail(queued.error());
      result = Fail(Error{ErrorCode::kFailedPrecondition,
                          "e-mail not confirmed",
                          {{"email",
                            "Votre adresse n'est pas encore confirmée : nous venons de "
                            "vous renvoyer le lien d'activation."}}});
      return Ok();  // commit the new link
    }
    result = OpenSession(repos, *user, client_address);
    return result ? Ok() : Status(Fail(result.error()));
  });
  if (!status) return Fail(status.error());
  return result;
}

Result<Actor> AccountService::Authenticate(std::string_view session_token) {
  const UnixSeconds now = clock_.Now();
  const std::string hash = crypto::Sha256Hex(session_token);
  std::optional<Actor> actor;
  bool expired = false, touch = false;
  auto read = store_.Read([&](Repositories& repos) -> Status {
    auto session = repos.sessions().Find(hash);
    if (!session) {
      return session.error().code == ErrorCode::kNotFound ? Ok() : Status(Fail(session.error()));
    }
    auto user = repos.users().FindById(session->user_id);
    if (!user) return Fail(user.error());
    SessionLimits limits = SessionLimitsFor(user->role);
    if (user->status != UserStatus::kActive || now >= session->expires_at ||
        now - session->last_seen_at >= limits.idle) {
      expired = true;
      return Ok();
    }
    auto membership = repos.organisations().MembershipOf(user->id);
    if (!membership) return Fail(membership.error());
    touch = now - session->last_seen_at >= kTouchEvery;
    actor = Actor{user->id,      user->role,  user->email, user->display_name,
                  user->is_demo, *membership, hash};
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (expired || touch) {
    auto write = store_.Write([&](Repositories& repos) {
      return expired ? repos.sessions().Delete(hash) : repos.sessions().Touch(hash, now);
    });
    if (!write) return Fail(write.error());
  }
  if (!actor) return Fail(ErrorCode::kUnauthenticated, "no valid session");
  return *actor;
}

Status AccountService::Logout(std::string_view session_token) {
  return store_.Write([&](Repositories& repos) {
    return repos.sessions().Delete(crypto::Sha256Hex(session_token));
  });
}

Status AccountService::RequestPasswordReset(std::string_view email,
                                            std::string_view client_address) {
  auto normalized = CheckEmail(email);
  if (!normalized) return Fail(normalized.error());
  return store_.Write([&](Repositories& repos) -> Status {
    auto user = repos.users().FindByEmail(*normalized);
    if (!user) return user.error().code == ErrorCode::kNotFound ? Ok() : Status(Fail(user.error()));
    if (user->status == UserStatus::kDisabled) return Ok();
    const UnixSeconds now = clock_.Now();
    if (auto s = repos.tokens().RevokeAll(user->id, TokenPurpose::kPasswordReset, now); !s)
      return s;
    auto token = IssueToken(repos, OneTimeToken{{},
                                                TokenPurpose::kPasswordReset,
                                                user->id,
                                                "",
                                                0,
                                                MemberRole::kMember,
                                                0,
                                                now + settings_.reset_ttl});
    if (!token) return Fail(token.error());
    auto queued = repos.outbox().Enqueue(
        Mail{user->email, "Réinitialiser votre mot de passe",
             fmt::format("Bonjour {},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien "
                         "(valable une heure, une seule fois) :\n\n{}\n\n"
                         "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe "
                         "actuel reste valable.\n",
                         user->display_name, Link("/mot-de-passe/nouveau", *token))},
        now);
    if (!queued) return Fail(queued.error());
    return RecordAudit(repos, user->id, "password.reset_requested",
                       fmt::format("user:{}", user->id), client_address);
  });
}

Status AccountService::ResetPassword(std::string_view token, std::string_view new_password,
                                     std::string_view client_address) {
  const std::string token_hash = crypto::Sha256Hex(token);
  std::optional<User> user;
  auto read = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.tokens().FindUsable(token_hash, TokenPurpose::kPasswordReset, clock_.Now());
    if (!found)
      return found.error().code == ErrorCode::kNotFound ? Fail(LinkInvalid()) : Fail(found.error());
    auto owner = repos.users().FindById(found->user_id);
    if (!owner) return Fail(owner.error());
    user = *owner;
    return Ok();
  });
  if (!read) return read;
  if (auto s = policy_.Check(new_password, user->email); !s) return s;
  auto hash = hasher_.Hash(new_password);
  if (!hash) return Fail(hash.error());
  return store_.Write([&](Repositories& repos) -> Status {
    const UnixSeconds now = clock_.Now();
    auto used = repos.tokens().Consume(token_hash, TokenPurpose::kPasswordReset, now);
    if (!used)
      return used.error().code == ErrorCode::kNotFound ? Fail(LinkInvalid()) : Fail(used.error());
    if (auto s = repos.users().UpdatePasswordHash(user->id, *hash, now); !s) return s;
    // Following the link proves the address: a pending account becomes active.
    if (user->status == UserStatus::kPending) {
      if (auto s = repos.users().UpdateStatus(user->id, UserStatus::kActive, now); !s) return s;
    }
    if (auto s = repos.sessions().DeleteAllForUser(user->id); !s) return s;
    auto queued = repos.outbox().Enqueue(
        Mail{user->email, "Votre mot de passe a été modifié",
             fmt::format("Bonjour {},\n\nLe mot de passe de votre compte vient d'être modifié et "
                         "toutes vos sessions ont été fermées.\n\nSi ce n'est pas vous, "
                         "demandez tout de suite un nouveau mot de passe : "
                         "{}/mot-de-passe-oublie\n",
                         user->display_name, settings_.public_url)},
        now);
    if (!queued) return Fail(queued.error());
    return RecordAudit(repos, user->id, "password.reset", fmt::format("user:{}", user->id),
                       client_address);
  });
}

Status AccountService::RequestEmailChange(const Actor& actor, std::string_view current_password,
                                          std::string_view new_email) {
  auto normalized = CheckEmail(new_email, "new_email");
  if (!normalized) return Fail(normalized.error());
  if (*normalized == actor.email)
    return FailFields("same e-mail", {{"new_email", "C'est déjà votre adresse actuelle."}});
  std::optional<User> user;
  auto read = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.users().FindById(actor.user_id);
    if (!found) return Fail(found.error());
    user = *found;
    return Ok();
  });
  if (!read) return read;
  if (!hasher_.Verify(user->password_hash, current_password))
    return FailFields("wrong password", {{"current_password", "Mot de passe incorrect."}});
  return store_.Write([&](Repositories& repos) -> Status {
    const UnixSeconds now = clock_.Now();
    auto taken = repos.users().FindByEmail(*normalized);
    if (taken) {
      // Do not reveal to the requester that the address has an account; tell its owner.
      return repos.outbox()
          .Enqueue(Mail{*normalized, "Changement d'adresse e-mail refusé",
                        "Bonjour,\n\nQuelqu'un a voulu associer cette adresse à un autre compte "
                        "« Ici c'est ma place ». Comme elle a déjà un compte, rien n'a été "
                        "changé.\n"},
                   now)
          .map([](auto) {});
    }
    if (taken.error().code != ErrorCode::kNotFound) return Fail(taken.error());
    if (auto s = repos.tokens().RevokeAll(user->id, TokenPurpose::kEmailChange, now); !s) return s;
    auto token = IssueToken(repos, OneTimeToken{{},
                                                TokenPurpose::kEmailChange,
                                                user->id,
                                                *normalized,
                                                0,
                                                MemberRole::kMember,
                                                0,
                                                now + settings_.email_change_ttl});
    if (!token) return Fail(token.error());
    auto queued = repos.outbox().Enqueue(
        Mail{*normalized, "Confirmez votre nouvelle adresse e-mail",
             fmt::format("Bonjour {},\n\nPour utiliser cette adresse avec votre compte, ouvrez ce "
                         "lien (valable 24 heures) :\n\n{}\n",
                         user->display_name, Link("/compte/adresse/confirmer", *token))},
        now);
    if (!queued) return Fail(queued.error());
    return RecordAudit(repos, user->id, "email.change_requested", fmt::format("user:{}", user->id),
                       "");
  });
}

Status AccountService::ConfirmEmailChange(std::string_view token) {
  return store_.Write([&](Repositories& repos) -> Status {
    const UnixSeconds now = clock_.Now();
    auto used = repos.tokens().Consume(crypto::Sha256Hex(token), TokenPurpose::kEmailChange, now);
    if (!used)
      return used.error().code == ErrorCode::kNotFound ? Fail(LinkInvalid()) : Fail(used.error());
    auto user = repos.users().FindById(used->user_id);
    if (!user) return Fail(user.error());
    auto changed = repos.users().UpdateEmail(user->id, used->email, now);
    if (!changed) {
      if (changed.error().code == ErrorCode::kAlreadyExists)
        return FailFields("e-mail taken", {{"token",
                                            "Cette adresse est déjà utilisée par un "
                                            "autre compte : rien n'a été changé."}});
      return changed;
    }
    auto queued = repos.outbox().Enqueue(
        Mail{user->email, "Votre adresse e-mail a été modifiée",
             fmt::format("Bonjour {},\n\nVotre compte utilise désormais l'adresse {}.\n\n"
                         "Si ce n'est pas vous, contactez-nous sans attendre.\n",
                         user->display_name, used->email)},
        now);
    if (!queued) return Fail(queued.error());
    return RecordAudit(repos, user->id, "email.changed", fmt::format("user:{}", user->id), "");
  });
}

Status AccountService::InviteMember(const Actor& actor, std::string_view email, MemberRole role) {
  if (!actor.membership || actor.membership->role != MemberRole::kAdmin)
    return Fail(ErrorCode::kPermissionDenied, "only organisation administrators invite");
  auto normalized = CheckEmail(email);
  if (!normalized) return Fail(normalized.error());
  return store_.Write([&](Repositories& repos) -> Status {
    const UnixSeconds now = clock_.Now();
    auto organisation = repos.organisations().FindById(actor.membership->organisation_id);
    if (!organisation) return Fail(organisation.error());
    auto token = IssueToken(repos, OneTimeToken{{},
                                                TokenPurpose::kInvitation,
                                                0,
                                                *normalized,
                                                organisation->id,
                                                role,
                                                0,
                                                now + settings_.invitation_ttl});
    if (!token) return Fail(token.error());
    auto queued = repos.outbox().Enqueue(
        Mail{*normalized, fmt::format("Invitation à rejoindre {}", organisation->name),
             fmt::format("Bonjour,\n\n{} vous invite à rejoindre l'espace de {} sur « Ici c'est "
                         "ma place ».\n\nPour accepter, ouvrez ce lien (valable 7 jours) :\n\n{}\n",
                         actor.display_name, organisation->name, Link("/invitation", *token))},
        now);
    if (!queued) return Fail(queued.error());
    return RecordAudit(repos, actor.user_id, "organisation.member_invited",
                       fmt::format("organisation:{}", organisation->id), "");
  });
}

Result<Invitation> AccountService::LookUpInvitation(std::string_view token) {
  Result<Invitation> result = Fail(LinkInvalid());
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.tokens().FindUsable(crypto::Sha256Hex(token), TokenPurpose::kInvitation,
                                           clock_.Now());
    if (!found)
      return found.error().code == ErrorCode::kNotFound ? Fail(LinkInvalid()) : Fail(found.error());
    auto organisation = repos.organisations().FindById(found->organisation_id);
    if (!organisation) return Fail(organisation.error());
    auto user = repos.users().FindByEmail(found->email);
    if (!user && user.error().code != ErrorCode::kNotFound) return Fail(user.error());
    result = Invitation{*organisation, found->email, found->member_role, user.has_value()};
    return Ok();
  });
  if (!status) return Fail(status.error());
  return result;
}

Result<NewSession> AccountService::AcceptInvitation(std::string_view token,
                                                    std::string_view display_name,
                                                    std::string_view password,
                                                    std::string_view client_address) {
  auto invitation = LookUpInvitation(token);
  if (!invitation) return Fail(invitation.error());
  const Role role =
      invitation->organisation.kind == OrganisationKind::kCfa ? Role::kCfa : Role::kEmployer;
  std::optional<std::string> new_hash;
  if (!invitation->has_account) {
    if (auto s =
            Merge({CheckDisplayName(display_name), policy_.Check(password, invitation->email)});
        !s)
      return Fail(s.error());
    auto hash = hasher_.Hash(password);
    if (!hash) return Fail(hash.error());
    new_hash = *hash;
  }
  Result<NewSession> result = Fail(WrongCredentials());
  auto status = store_.Write([&](Repositories& repos) -> Status {
    const UnixSeconds now = clock_.Now();
    auto used = repos.tokens().Consume(crypto::Sha256Hex(token), TokenPurpose::kInvitation, now);
    if (!used)
      return used.error().code == ErrorCode::kNotFound ? Fail(LinkInvalid()) : Fail(used.error());
    User user;
    if (new_hash) {
      user = User{0,
                  used->email,
                  std::string(text::Trim(display_name)),
                  role,
                  UserStatus::kActive,
                  *new_hash,
                  false,
                  now,
                  now};
      auto id = repos.users().Create(user);
      if (!id) return Fail(id.error());
      user.id = *id;
    } else {
      auto found = repos.users().FindByEmail(used->email);
      if (!found) return Fail(found.error());
      user = *found;
      if (user.status == UserStatus::kDisabled || !hasher_.Verify(user.password_hash, password))
        return Fail(WrongCredentials());
      if (user.role != role)
        return FailFields("role mismatch", {{"token",
                                             "Ce compte ne peut pas rejoindre cette organisation : "
                                             "utilisez une autre adresse e-mail."}});
    }
    auto added = repos.organisations().AddMember(
        Membership{used->organisation_id, user.id, used->member_role});
    if (!added) {
      if (added.error().code == ErrorCode::kAlreadyExists)
        return FailFields("already a member",
                          {{"token", "Ce compte fait déjà partie d'une organisation."}});
      return added;
    }
    if (auto s = RecordAudit(repos, user.id, "organisation.member_joined",
                             fmt::format("organisation:{}", used->organisation_id), client_address);
        !s)
      return s;
    result = OpenSession(repos, user, client_address);
    return result ? Ok() : Status(Fail(result.error()));
  });
  if (!status) return Fail(status.error());
  return result;
}

Result<std::vector<Member>> AccountService::Members(const Actor& actor) {
  if (!actor.membership) return Fail(ErrorCode::kPermissionDenied, "not in an organisation");
  std::vector<Member> members;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.organisations().Members(actor.membership->organisation_id);
    if (!found) return Fail(found.error());
    members = std::move(*found);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return members;
}

Result<Organisation> AccountService::OrganisationOf(const Actor& actor) {
  if (!actor.membership) return Fail(ErrorCode::kNotFound, "not in an organisation");
  Result<Organisation> result = Fail(ErrorCode::kNotFound, "organisation");
  auto status = store_.Read([&](Repositories& repos) -> Status {
    result = repos.organisations().FindById(actor.membership->organisation_id);
    return result ? Ok() : Status(Fail(result.error()));
  });
  if (!status) return Fail(status.error());
  return result;
}

Result<User> AccountService::CreateUser(const NewUser& input) {
  auto normalized = CheckEmail(input.email);
  if (auto s = Merge({normalized ? Ok() : Status(Fail(normalized.error())),
                      CheckDisplayName(input.display_name),
                      policy_.Check(input.password, normalized ? *normalized : "")});
      !s)
    return Fail(s.error());
  auto hash = hasher_.Hash(input.password);
  if (!hash) return Fail(hash.error());
  const UnixSeconds now = clock_.Now();
  User user{0,
            *normalized,
            std::string(text::Trim(input.display_name)),
            input.role,
            UserStatus::kActive,
            *hash,
            input.is_demo,
            now,
            now};
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto id = repos.users().Create(user);
    if (!id) return Fail(id.error());
    user.id = *id;
    return RecordAudit(repos, 0, "user.created", fmt::format("user:{}", user.id), "");
  });
  if (!status) return Fail(status.error());
  return user;
}

Result<std::int64_t> AccountService::CreateOrganisation(const Organisation& organisation) {
  Result<std::int64_t> id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    Organisation o = organisation;
    o.created_at = clock_.Now();
    id = repos.organisations().Create(o);
    return id ? Ok() : Status(Fail(id.error()));
  });
  if (!status) return Fail(status.error());
  return id;
}

Status AccountService::AddMember(std::int64_t organisation_id, std::int64_t user_id,
                                 MemberRole role) {
  return store_.Write([&](Repositories& repos) {
    return repos.organisations().AddMember(Membership{organisation_id, user_id, role});
  });
}

Result<std::vector<User>> AccountService::ListUsers() {
  std::vector<User> users;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.users().List();
    if (!found) return Fail(found.error());
    users = std::move(*found);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return users;
}

Status AccountService::SetPassword(std::string_view email, std::string_view password) {
  const std::string normalized = text::NormalizeEmail(email);
  if (auto s = policy_.Check(password, normalized); !s) return s;
  auto hash = hasher_.Hash(password);
  if (!hash) return Fail(hash.error());
  return store_.Write([&](Repositories& repos) -> Status {
    auto user = repos.users().FindByEmail(normalized);
    if (!user) return Fail(user.error());
    if (auto s = repos.users().UpdatePasswordHash(user->id, *hash, clock_.Now()); !s) return s;
    if (auto s = repos.sessions().DeleteAllForUser(user->id); !s) return s;
    return RecordAudit(repos, 0, "password.set_by_admin", fmt::format("user:{}", user->id), "");
  });
}

Status AccountService::DisableUser(std::string_view email, std::int64_t by_user_id) {
  return store_.Write([&](Repositories& repos) -> Status {
    auto user = repos.users().FindByEmail(text::NormalizeEmail(email));
    if (!user) return Fail(user.error());
    if (auto s = repos.users().UpdateStatus(user->id, UserStatus::kDisabled, clock_.Now()); !s)
      return s;
    if (auto s = repos.sessions().DeleteAllForUser(user->id); !s) return s;
    return RecordAudit(repos, by_user_id, "user.disabled", fmt::format("user:{}", user->id), "");
  });
}

}  // namespace maplace::people
