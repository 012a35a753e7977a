#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/people/organisation.h"
#include "domain/people/user.h"

namespace maplace::people {

struct Member {
  User user;
  MemberRole role = MemberRole::kMember;
};

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;
  virtual Result<std::int64_t> Create(const Organisation& organisation) = 0;
  virtual Result<Organisation> FindById(std::int64_t id) = 0;
  virtual Result<std::vector<Organisation>> List() = 0;
  // kAlreadyExists when the user already belongs to an organisation (one each, for now).
  virtual Status AddMember(const Membership& membership) = 0;
  virtual Result<std::optional<Membership>> MembershipOf(std::int64_t user_id) = 0;
  virtual Result<std::vector<Member>> Members(std::int64_t organisation_id) = 0;

  // Issue 5: the details and the validation status (everything but id, kind, is_demo and
  // created_at). kNotFound for an unknown id.
  virtual Status Update(const Organisation& organisation) = 0;
  // The organisations waiting for an advisor (pending or details requested), oldest first.
  virtual Result<std::vector<Organisation>> AwaitingValidation() = 0;
  // The organisation with this SIRET, if any.
  virtual Result<std::optional<Organisation>> FindBySiret(const std::string& siret) = 0;
  // True when the delegation already knows this SIRET: a CFA of the reference list with it,
  // or a validated organisation of the same company (same SIREN, its first 9 digits).
  virtual Result<bool> SiretKnown(const std::string& siret) = 0;
  // The title of a collective agreement (IDCC) from the reference tables, "" when unknown.
  virtual Result<std::string> AgreementTitle(const std::string& idcc) = 0;
};

}  // namespace maplace::people
