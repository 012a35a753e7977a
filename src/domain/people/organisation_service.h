#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/people/organisation_repository.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::people {

// What an employer or a CFA declares about itself.
struct OrganisationForm {
  OrganisationKind kind = OrganisationKind::kEmployer;
  std::string name;
  std::string siret;  // as typed: spaces are removed
  std::string uai;    // CFAs
  std::string address;
  std::string commune_code;
  std::string headcount;  // a band
  std::string idcc;       // optional
  std::string naf;        // optional
};

// Checks the form: kInvalidArgument with French messages per field ("siret", "name", …).
// Returns the form normalized (SIRET without spaces, upper-case UAI and NAF, trimmed texts).
Result<OrganisationForm> CheckOrganisationForm(const OrganisationForm& form);

// An organisation in the advisors' queue.
struct QueuedOrganisation {
  Organisation organisation;
  std::vector<Member> members;
  std::string agreement_title;  // of its IDCC, when known
};

// The validation of organisations by the delegation's advisors, and their details.
// Thread-safe; keeps references to its arguments.
class OrganisationService {
 public:
  OrganisationService(Store& store, const Clock& clock, std::string public_url)
      : store_(store), clock_(clock), public_url_(std::move(public_url)) {}
  void SetPublicUrl(std::string url) { public_url_ = std::move(url); }

  // Advisors, managers and administrators: kPermissionDenied for others.
  Result<std::vector<QueuedOrganisation>> Queue(const Actor& actor);
  Result<QueuedOrganisation> Find(const Actor& actor, std::int64_t id);
  // Each decision is audited and mailed to the organisation's members. Refusing and asking
  // for details need a message (French field "message"). A decided organisation cannot be
  // decided again (kFailedPrecondition) except a refused or validated one… never: the
  // queue holds pending and details-requested organisations only.
  Status Validate(const Actor& actor, std::int64_t id, const std::string& client_address);
  Status RequestDetails(const Actor& actor, std::int64_t id, const std::string& message,
                        const std::string& client_address);
  Status Refuse(const Actor& actor, std::int64_t id, const std::string& reason,
                const std::string& client_address);

  // The organisation's administrator corrects its details; an organisation whose details were
  // asked for goes back to the queue. The SIRET of a validated organisation cannot change.
  Status UpdateDetails(const Actor& actor, const OrganisationForm& form);
  // The title of the organisation's collective agreement, "" when unknown.
  Result<std::string> AgreementTitle(const std::string& idcc);

 private:
  Status Decide(const Actor& actor, std::int64_t id, OrganisationStatus to,
                const std::string& message, const std::string& client_address);

  Store& store_;
  const Clock& clock_;
  std::string public_url_;
};

}  // namespace maplace::people
