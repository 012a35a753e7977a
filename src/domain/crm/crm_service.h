#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "domain/crm/crm.h"
#include "domain/people/organisation_repository.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::crm {

// An organisation the delegation knows, entered by an advisor (no user account needed).
struct OrganisationInput {
  std::string kind;  // "employer", "cfa", "partner"
  std::string name;
  std::string siret;  // required for employers and CFAs, optional for partners
  std::string uai;    // CFAs, optional
  std::string commune_code;
  std::string idcc;
  std::string naf;
  std::string headcount;
};

struct ContactInput {
  std::string name;
  std::string job_title;
  std::string email;
  std::string phone;
  std::string notes;
};

struct InteractionInput {
  std::string kind;         // an InteractionKindCode
  std::string occurred_on;  // ISO date
  std::string summary;
  std::vector<std::string> contact_ids;  // contacts of the organisation met
  std::string young_person_email;        // optional: links a young person (role young_person)
  std::string next_action;
  std::string next_action_due;  // ISO date, required with next_action
};

// What the staff organisation page shows.
struct OrganisationFile {
  OrganisationRow row;
  std::string agreement_title;  // from the IDCC reference table
  std::vector<Contact> contacts;
  std::vector<people::Member> members;
  std::vector<InteractionRow> timeline;  // newest first
  int offers = 0;
  int trainings = 0;
};

// « Ma semaine ».
struct Week {
  Date today{};
  std::vector<InteractionRow> overdue;   // my open next actions due before today
  std::vector<InteractionRow> upcoming;  // due today to today + 7 days
  std::vector<people::Organisation> awaiting_validation;
  std::int64_t aid_requests_to_instruct = 0;
};

// A staff user, to assign portfolios.
struct Advisor {
  std::int64_t id = 0;
  std::string name;
};

// The advisors' back office (issue 8 §1-§3, §7). Staff only: every use case answers
// kPermissionDenied to anyone else. Each use case is one transaction; changes are audited.
// Thread-safe; keeps references to its arguments.
class CrmService {
 public:
  CrmService(Store& store, const Clock& clock);

  static constexpr int kMinSearchLength = 2;
  static constexpr int kSearchLimit = 10;

  // Checks a form: kInvalidArgument with a French message per field.
  static Status Check(const OrganisationInput& input);
  static Status Check(const ContactInput& input);
  static Status Check(const InteractionInput& input);

  // Validated at once; the SIRET must be valid and not already known.
  Result<std::int64_t> CreateOrganisation(const people::Actor& actor,
                                          const OrganisationInput& input);
  Result<OrganisationFile> File(const people::Actor& actor, std::int64_t organisation_id);
  Result<std::int64_t> AddContact(const people::Actor& actor, std::int64_t organisation_id,
                                  const ContactInput& input);
  Status UpdateContact(const people::Actor& actor, std::int64_t contact_id,
                       const ContactInput& input);
  Result<Contact> FindContact(const people::Actor& actor, std::int64_t contact_id);
  // Marks the contact as gone from the organisation (or back again); a gone contact is no longer
  // offered among the people met.
  Status SetContactGone(const people::Actor& actor, std::int64_t contact_id, bool gone);
  // `advisor_id` 0 leaves the organisation without a referent; else a staff user.
  Status Assign(const people::Actor& actor, std::int64_t organisation_id, std::int64_t advisor_id);
  Result<std::int64_t> LogInteraction(const people::Actor& actor, std::int64_t organisation_id,
                                      const InteractionInput& input);
  // Marks the next action done (or not done again).
  Status SetActionDone(const people::Actor& actor, std::int64_t interaction_id, bool done);

  // Organisations (names, SIRET, UAI) and contacts (names, e-mails) matching what was typed,
  // accents and case aside; nothing under 2 characters.
  Result<std::vector<SearchHit>> Search(const people::Actor& actor, const std::string& typed);
  // `filter.q` as typed: folded here.
  Result<Page<OrganisationRow>> Organisations(const people::Actor& actor,
                                              OrganisationFilter filter);
  Result<Page<InteractionRow>> Interactions(const people::Actor& actor, InteractionFilter filter);
  // A young person's timeline; kNotFound unless the user is a young person.
  Result<std::pair<people::User, std::vector<InteractionRow>>> YoungPersonTimeline(
      const people::Actor& actor, std::int64_t user_id);
  Result<Week> MyWeek(const people::Actor& actor);
  Result<std::vector<Branch>> Branches(const people::Actor& actor);
  // Reference data, for any page: the IDCC's branch and OPCO from the seed (nullopt: unknown).
  Result<std::optional<Branch>> BranchOf(const std::string& idcc);
  Result<std::vector<Advisor>> Advisors(const people::Actor& actor);

  // XLSX workbooks of the lists with their filters (every page).
  Result<std::string> ExportOrganisations(const people::Actor& actor, OrganisationFilter filter);
  Result<std::string> ExportInteractions(const people::Actor& actor, InteractionFilter filter);

  Date Today() const;

 private:
  Store& store_;
  const Clock& clock_;
};

// What was typed into a search box, folded; and the digits/letters of a SIRET or UAI in it
// ("" when it has spaces between words).
std::string FoldQuery(const std::string& typed);
std::string CodeQuery(const std::string& typed);

}  // namespace maplace::crm
