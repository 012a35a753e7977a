#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "domain/jobs/job.h"
#include "domain/offers/offer.h"
#include "domain/people/organisation.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::offers {

// Told of every change of what the public may see, after the change is committed: the search
// index (issue 4) implements it. Called on the thread of the use case; must not throw.
class OfferListener {
 public:
  virtual ~OfferListener() = default;
  // The offer was published, edited, extended or resumed and is visible.
  virtual void OnOfferChanged(const Offer& offer) = 0;
  // The offer is no longer visible (filled, closed, expired, paused, hidden).
  virtual void OnOfferRemoved(std::int64_t offer_id) = 0;
};

struct OfferSettings {
  std::string public_url = "http://127.0.0.1:8080";
  UnixSeconds lifetime = 60 * 24 * 3600;        // a publication lasts 60 days…
  UnixSeconds reminder_before = 7 * 24 * 3600;  // …and the reminder leaves 7 days before
  double duplicate_similarity = 0.6;            // Jaccard index of the titles' words
};

// A published offer as the public page shows it.
struct PublicOffer {
  Offer offer;
  std::string organisation_name;
};

// An offer with its near-duplicates (same employer, same job, similar title, still open).
struct PublishCheck {
  std::vector<Offer> duplicates;
};

struct TickCounts {
  int reminded = 0;
  int expired = 0;
};

struct ReportedOffer {
  PublicOffer offer;
  std::vector<OfferReport> reports;
};

// The employers' offers and their moderation. Every use case is one transaction; the listener
// hears of it after the commit. Thread-safe; keeps references to its arguments.
// A CFA an offer can be relayed to: it trains for the offer's job (issue 5 §4).
struct RelayCandidate {
  std::int64_t cfa_organisation_id = 0;
  std::string name;
  std::string site_commune;  // the nearest site's commune
  double distance_km = -1;   // from the workplace to that site; -1 when a position is unknown
  int trainings = 0;         // its published trainings for the job
  bool relayed = false;      // already sent this offer
};

struct RelayedOffer {
  PublicOffer offer;
  UnixSeconds relayed_at = 0;
};

class OfferService {
 public:
  OfferService(Store& store, const Clock& clock, OfferSettings settings);

  void SetPublicUrl(std::string url) { settings_.public_url = std::move(url); }
  // At most one listener (the search index); set before requests are served.
  void SetListener(OfferListener* listener) { listener_ = listener; }

  // Checks a form: kInvalidArgument with a French message per field. `today` for the start date.
  static Status Check(const OfferInput& input, Date today);

  // The employer's side. An offer of another organisation is kNotFound, as is a caller
  // without an employer organisation.
  Result<std::vector<Offer>> ListOwn(const people::Actor& actor);
  Result<Offer> Get(const people::Actor& actor, std::int64_t id);
  Result<std::int64_t> CreateDraft(const people::Actor& actor, const OfferInput& input);
  // Any state but filled/closed; a visible offer stays visible with the new text.
  Status Edit(const people::Actor& actor, std::int64_t id, const OfferInput& input);
  // A new draft with the same fields.
  Result<std::int64_t> Duplicate(const people::Actor& actor, std::int64_t id);
  // Near-duplicates of the offer among the organisation's other open offers.
  Result<PublishCheck> CheckBeforePublishing(const people::Actor& actor, std::int64_t id);
  // Draft → published for 60 days. kFailedPrecondition (French "organisation" field) until the
  // organisation is validated; kFailedPrecondition ("duplicates" field) when near-duplicates
  // exist and `duplicates_confirmed` is false.
  Status Publish(const people::Actor& actor, std::int64_t id, bool duplicates_confirmed);
  // Published, paused or expired → published for 60 more days from now.
  Status Extend(const people::Actor& actor, std::int64_t id);
  // The one-click link of the reminder mail.
  Result<Offer> ExtendByLink(const std::string& token);
  Status Pause(const people::Actor& actor, std::int64_t id);
  Status Resume(const people::Actor& actor, std::int64_t id);
  // `channel`: see IsFillChannel.
  Status MarkFilled(const people::Actor& actor, std::int64_t id, const std::string& channel);
  Status Close(const people::Actor& actor, std::int64_t id);

  // The public side: published, not hidden, not past its expiry. kNotFound otherwise.
  Result<PublicOffer> GetPublished(std::int64_t id);
  // Every visible offer, for the search index.
  Result<std::vector<PublicOffer>> ListPublished();

  // Relays (offers/relays.cc). The CFAs a published offer can be sent to: validated CFAs with a
  // published training for its job, nearest site first, at most 20.
  Result<std::vector<RelayCandidate>> RelayCandidates(const people::Actor& actor, std::int64_t id);
  // Sends a published offer to the chosen CFAs (each must be a candidate: fields["cfa"]
  // otherwise): recorded once per CFA, mailed to its members with the poster's link, audited.
  // Returns how many CFAs received it now (those who had it already are skipped). Members who
  // unsubscribed from relayed offers get no mail; the CFAs none of whose members was mailed
  // are named in `not_mailed` (they still find the offer in their space).
  Result<int> Relay(const people::Actor& actor, std::int64_t id,
                    const std::vector<std::int64_t>& cfa_organisation_ids,
                    const std::string& client_address,
                    std::vector<std::string>* not_mailed = nullptr);
  // CFA users: the offers relayed to their CFA that are still visible, newest first.
  Result<std::vector<RelayedOffer>> RelayedToMe(const people::Actor& actor);

  // Hook for the applications issue: an application landed on the offer, which now has
  // `applications` of them; pauses it when its threshold is reached.
  Status OnApplication(std::int64_t offer_id, int applications);

  // Moderation. Anyone may report a visible offer; `reason`: see IsReportReason. Once per offer
  // and `visitor`, a few per client address an hour (enquiries/report_limits.h).
  Status Report(std::int64_t offer_id, const std::string& reason, const std::string& details,
                const std::string& client_address, const std::string& visitor = "");
  // Advisors and managers.
  Result<std::vector<ReportedOffer>> ReportedOffers(const people::Actor& actor);
  Status Hide(const people::Actor& actor, std::int64_t id, const std::string& reason);
  Status DismissReports(const people::Actor& actor, std::int64_t id);

  // The communes an offer or an organisation may name (those of the employment areas).
  Result<std::vector<jobs::Commune>> Communes();

  // Periodic: reminders 7 days before expiry (with a one-click link), expiry.
  Result<TickCounts> Tick();

 private:
  Result<Offer> Owned(Repositories& repos, const people::Actor& actor, std::int64_t id);
  Status Transition(const people::Actor& actor, std::int64_t id, OfferState to,
                    const std::string& channel);
  Status Audit(Repositories& repos, std::int64_t actor, std::string action, std::int64_t id,
               const std::string& client_address = "");
  bool Visible(const Offer& offer) const;
  void Notify(const Offer& offer);

  Store& store_;
  const Clock& clock_;
  OfferSettings settings_;
  OfferListener* listener_ = nullptr;
};

// Near-duplicate titles: the Jaccard index of their folded words (accents, case, short words
// dropped).
double TitleSimilarity(std::string_view a, std::string_view b);

}  // namespace maplace::offers
