#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

// The steering figures' reads (issue 9): aggregates computed by the database over the
// applications and aid requests, so that a year of records is never loaded to be counted.
namespace maplace::reporting {

// The filters that bind records, as Filters (indicators.h) without the year; "" and 0 mean all.
struct Scope {
  std::string area;    // the offer's workplace area (applications), the organisation's (aids)
  std::string branch;  // the organisation's IDCC
  std::string opco;    // the OPCO of the organisation's IDCC (idcc_branches)
  int level = 0;       // the offer's level (applications only)
  std::string rome;    // the offer's ROME code (applications only)
  // Whether a filter is set that aid requests do not carry (level, ROME).
  bool BindsOffersOnly() const { return level != 0 || !rome.empty(); }
};

// Applications sent in a period, and how far they went (their recruiter's replies or status).
struct Funnel {
  std::int64_t sent = 0;
  std::int64_t replied = 0;    // a reply (interview, refusal, hire) or a final status
  std::int64_t interview = 0;  // an interview proposed, whatever followed
  std::int64_t hired = 0;
  bool operator==(const Funnel&) const = default;
};

// Hires dated in a period by the offer's ROME code and workplace area ("" when the commune has
// no employment area) and the organisation that hired.
struct HireCell {
  std::string rome_code;
  std::string area_code;
  std::int64_t organisation_id = 0;
  std::int64_t hires = 0;
  std::string rome_label;  // the ROME job's label, "" when the ROME is not imported
  bool operator==(const HireCell&) const = default;
};

// Aid requests by aid and state: how many and the amounts asked (granted once committed).
struct RequestCell {
  std::string aid_id;
  std::string state;  // aid_requests::StateCode
  std::int64_t requests = 0;
  std::int64_t amount_cents = 0;
  bool operator==(const RequestCell&) const = default;
};

// An apprentice of the contracts register, and their young person's account when their e-mail
// linked one.
struct ApprenticeRef {
  std::int64_t apprentice_id = 0;
  std::optional<std::int64_t> account_id;
  bool operator==(const ApprenticeRef&) const = default;
};

// Who an aid request is for: the requester's own account, or an apprentice named by an
// organisation — and the apprentice of the register the request was linked to from their
// follow-up, if any.
struct RequestPerson {
  std::int64_t requester_id = 0;
  std::optional<std::int64_t> organisation_id;
  std::string beneficiary_name;
  std::optional<ApprenticeRef> linked;
  bool operator==(const RequestPerson&) const = default;
};

// An apprentice with a contract at an organisation (as employer or CFA), by name: how an
// organisation's aid request for « Mélissa Joseph » finds her in the register.
struct ApprenticeAt {
  std::int64_t organisation_id = 0;
  ApprenticeRef who;
  std::string last_name;
  std::string first_name;
  bool operator==(const ApprenticeAt&) const = default;
};

// How many records (and how much money) under one key: an aid, a contract kind, a channel…
struct KeyCount {
  std::string key;
  std::int64_t count = 0;
  std::int64_t amount_cents = 0;
  bool operator==(const KeyCount&) const = default;
};

// One record behind a figure, for the drill-down pages.
struct RecordLine {
  std::int64_t id = 0;
  UnixSeconds at = 0;
  std::string title;  // the offer's title, the aid
  std::string who;    // the organisation, the beneficiary
  std::string state;  // a status or state code
  bool operator==(const RecordLine&) const = default;
};

// Which applications a drill-down lists: a funnel step.
enum class FunnelStep { kSent, kReplied, kInterview, kHired };

// Periods are [from, to) in Unix seconds. Every read is restricted by `scope` as Scope says;
// aid-request reads return nothing when scope.BindsOffersOnly().
class ReportingRepository {
 public:
  virtual ~ReportingRepository() = default;
  // Applications created in the period.
  virtual Result<Funnel> ApplicationFunnel(const Scope& scope, UnixSeconds from,
                                           UnixSeconds to) = 0;
  // For the applications created in the period that had a reply: seconds from the
  // application to the recruiter's first reply, ascending.
  virtual Result<std::vector<std::int64_t>> FirstReplyDelays(const Scope& scope, UnixSeconds from,
                                                             UnixSeconds to) = 0;
  // Applications hired (their last change, the hire, dated in the period).
  virtual Result<std::vector<HireCell>> Hires(const Scope& scope, UnixSeconds from,
                                              UnixSeconds to) = 0;
  // The distinct applicants of applications created in the period.
  virtual Result<std::vector<std::int64_t>> Applicants(const Scope& scope, UnixSeconds from,
                                                       UnixSeconds to) = 0;
  // Aid requests created in the period and sent (drafts left out), by aid then state.
  virtual Result<std::vector<RequestCell>> AidRequests(const Scope& scope, UnixSeconds from,
                                                       UnixSeconds to) = 0;
  // The distinct people of those requests.
  virtual Result<std::vector<RequestPerson>> AidRequestPeople(const Scope& scope, UnixSeconds from,
                                                              UnixSeconds to) = 0;
  // The apprentices with a contract at an organisation that sent one of those requests.
  virtual Result<std::vector<ApprenticeAt>> ApprenticesAtRequesters(const Scope& scope,
                                                                    UnixSeconds from,
                                                                    UnixSeconds to) = 0;
  // The apprentices with an entry in their follow-up created in the period: a difficulty, a
  // risk of break assessed, an action, a note, an aid request linked. Bound by `scope` through
  // any of their contracts (the employer's area, branch and OPCO, the contract's level); nothing
  // when scope.rome is set (a contract carries a certification, not a ROME job).
  virtual Result<std::vector<ApprenticeRef>> FollowedApprentices(const Scope& scope,
                                                                 UnixSeconds from,
                                                                 UnixSeconds to) = 0;
  // Aid requests created in the period and granted (committed, paid, or closed after a
  // payment), by aid: how many and the amounts granted.
  virtual Result<std::vector<KeyCount>> GrantedByAid(const Scope& scope, UnixSeconds from,
                                                     UnixSeconds to) = 0;
  // Payments executed in the period (their batch's date), by the aid of their request.
  virtual Result<std::vector<KeyCount>> PaidByAid(const Scope& scope, UnixSeconds from,
                                                  UnixSeconds to) = 0;
  // Offers first published in the period, by contract kind (offers::ContractKindCode); the area
  // is the workplace's, as for applications.
  virtual Result<std::vector<KeyCount>> OffersPublished(const Scope& scope, UnixSeconds from,
                                                        UnixSeconds to) = 0;
  // Offers filled whose last change falls in the period, by the channel the employer declared
  // ("" when none).
  virtual Result<std::vector<KeyCount>> OffersFilled(const Scope& scope, UnixSeconds from,
                                                     UnixSeconds to) = 0;
  // Employers and CFAs registered in the period, by kind ("cfa", "employer"): demonstration
  // accounts and partners (entered by advisors) left out; the area is their commune's. Nothing
  // when scope.BindsOffersOnly().
  virtual Result<std::vector<KeyCount>> NewOrganisations(const Scope& scope, UnixSeconds from,
                                                         UnixSeconds to) = 0;
  // The money committed on the envelopes of budget `year` by the contract kind of the request's
  // simulated situation ("apprentissage", "professionnalisation"); cells keyed by kind.
  virtual Result<std::vector<RequestCell>> CommittedByContractKind(int year) = 0;

  // Drill-down: at most `limit` records, newest first.
  virtual Result<std::vector<RecordLine>> ApplicationLines(const Scope& scope, UnixSeconds from,
                                                           UnixSeconds to, FunnelStep step,
                                                           int limit) = 0;
  // Sent aid requests created in the period, of one aid and/or one state when given.
  virtual Result<std::vector<RecordLine>> AidRequestLines(const Scope& scope, UnixSeconds from,
                                                          UnixSeconds to, const std::string& aid_id,
                                                          const std::string& state, int limit) = 0;
};

}  // namespace maplace::reporting
