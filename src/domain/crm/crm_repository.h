#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/crm/branches.h"
#include "domain/crm/crm.h"

namespace maplace::crm {

class CrmRepository {
 public:
  virtual ~CrmRepository() = default;

  // The IDCC's branch and OPCO from the seed; nullopt when the IDCC is not in it.
  virtual Result<std::optional<Branch>> BranchOf(const std::string& idcc) = 0;
  // Every branch of the seed, by OPCO then name.
  virtual Result<std::vector<Branch>> Branches() = 0;

  virtual Result<std::int64_t> AddContact(const Contact& contact) = 0;
  // Every field but organisation_id and created_at (gone_at too). kNotFound for an unknown id.
  virtual Status UpdateContact(const Contact& contact) = 0;
  virtual Result<Contact> FindContact(std::int64_t id) = 0;
  // By name, those still there first.
  virtual Result<std::vector<Contact>> Contacts(std::int64_t organisation_id) = 0;

  // Makes `advisor_id` the organisation's referent advisor (0: nobody).
  virtual Status Assign(std::int64_t organisation_id, std::int64_t advisor_id, UnixSeconds now) = 0;
  // 0 when nobody.
  virtual Result<std::int64_t> AdvisorOf(std::int64_t organisation_id) = 0;

  virtual Result<std::int64_t> AddInteraction(const Interaction& interaction) = 0;
  // The next action's fields and updated_at. kNotFound for an unknown id.
  virtual Status UpdateNextAction(const Interaction& interaction) = 0;
  virtual Result<Interaction> FindInteraction(std::int64_t id) = 0;

  virtual Result<Page<OrganisationRow>> ListOrganisations(const OrganisationFilter& filter) = 0;
  // Newest first (or by due date); timelines (organisation or young person set) carry the
  // names of the contacts met.
  virtual Result<Page<InteractionRow>> ListInteractions(const InteractionFilter& filter) = 0;
  // Organisations whose folded name contains `folded`, or whose SIRET or UAI contains `code`
  // (when not empty), then contacts whose folded name or e-mail contains `folded`; names
  // starting with the words first. At most `limit` of each.
  virtual Result<std::vector<SearchHit>> Search(const std::string& folded, const std::string& code,
                                                int limit) = 0;
};

}  // namespace maplace::crm
