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
};

}  // namespace maplace::people
