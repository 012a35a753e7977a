#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace maplace::offers {

// An offer's life: draft → published → (paused ⇄ published) → filled | closed | expired.
// An expired offer can be extended (published again); a hidden one is out of sight whatever
// its state (moderation).
enum class OfferState { kDraft, kPublished, kPaused, kExpired, kFilled, kClosed };
std::string_view OfferStateCode(OfferState state);   // "draft", "published", …
std::string_view OfferStateLabel(OfferState state);  // French
std::optional<OfferState> ParseOfferState(std::string_view code);
// Whether the lifecycle allows going from `from` to `to`.
bool CanTransition(OfferState from, OfferState to);
// Still looking for someone (published or paused): what near-duplicates are compared with.
bool IsOpen(OfferState state);

enum class ContractKind { kApprenticeship, kProfessionalisation };
std::string_view ContractKindCode(ContractKind kind);   // "apprentissage", "professionnalisation"
std::string_view ContractKindLabel(ContractKind kind);  // French
std::optional<ContractKind> ParseContractKind(std::string_view code);

// Where the person hired was found, asked when an offer is marked filled.
// "maplace", "cfa", "france_travail", "reseau", "autre"
bool IsFillChannel(std::string_view code);
std::string_view FillChannelLabel(std::string_view code);
std::vector<std::pair<std::string_view, std::string_view>> FillChannels();  // code, label

// What an employer fills in.
struct OfferInput {
  std::string rome_code;  // "M1607"
  std::string title;      // the employer's own title
  int level = 0;          // certification level aimed at, 3 to 7
  ContractKind contract = ContractKind::kApprenticeship;
  std::string start_date;   // ISO date, "" for « dès que possible »
  int duration_months = 0;  // 6 to 36
  int positions = 1;        // 1 to 50
  std::string rhythm;       // « 2 jours école / 3 jours entreprise »
  std::string description;
  std::string commune_code;          // INSEE code of the workplace
  int pause_after_applications = 0;  // 0: never pause
};

struct Offer {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t created_by = 0;
  OfferInput input;
  OfferState state = OfferState::kDraft;
  UnixSeconds published_at = 0;  // first publication
  UnixSeconds expires_at = 0;    // while published or paused
  UnixSeconds reminder_sent_at = 0;
  std::string extension_token_hash;  // of the one-click extension link of the reminder
  std::string filled_channel;
  bool hidden = false;
  std::string hidden_reason;
  int applications = 0;  // counted by the applications issue (see OfferService::OnApplication)
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// What anyone may say is wrong with a published offer.
// "discriminatory", "not_alternance", "expired", "fraud", "other"
bool IsReportReason(std::string_view code);
std::string_view ReportReasonLabel(std::string_view code);
std::vector<std::pair<std::string_view, std::string_view>> ReportReasons();  // code, label

struct OfferReport {
  std::int64_t id = 0;
  std::int64_t offer_id = 0;
  std::string reason;
  std::string details;
  UnixSeconds created_at = 0;
  bool resolved = false;
};

// An offer an employer sent to a CFA that trains for its job (issue 5 §4).
struct OfferRelay {
  std::int64_t offer_id = 0;
  std::int64_t cfa_organisation_id = 0;
  std::int64_t relayed_by = 0;
  UnixSeconds relayed_at = 0;
  bool operator==(const OfferRelay&) const = default;
};

}  // namespace maplace::offers
