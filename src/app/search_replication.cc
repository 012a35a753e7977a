#include "app/search_replication.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>

#include "core/crypto.h"

namespace maplace::app {

SearchReplication::SearchReplication(SearchFeed& feed, offers::OfferService& offers,
                                     trainings::TrainingService& trainings,
                                     std::unique_ptr<storage::PgNotifications> channel)
    : feed_(feed),
      offers_(offers),
      trainings_(trainings),
      origin_(crypto::RandomToken(8)),
      channel_(std::move(channel)) {}

void SearchReplication::Start() {
  channel_->Listen([this](const std::string& payload) { Heard(payload); }, [this] { CatchUp(); });
}

void SearchReplication::OnOfferChanged(const offers::Offer& offer) {
  feed_.OnOfferChanged(offer);
  Tell("offer", offer.id);
}

void SearchReplication::OnOfferRemoved(std::int64_t offer_id) {
  feed_.OnOfferRemoved(offer_id);
  Tell("offer", offer_id);
}

void SearchReplication::OnTrainingChanged(const trainings::Training& training) {
  feed_.OnTrainingChanged(training);
  Tell("training", training.id);
}

void SearchReplication::OnTrainingRemoved(std::int64_t training_id) {
  feed_.OnTrainingRemoved(training_id);
  Tell("training", training_id);
}

// "offer 12 <origin>": what changed, not how; the listeners read it again from the store.
void SearchReplication::Tell(std::string_view kind, std::int64_t id) {
  if (auto told = channel_->Publish(fmt::format("{} {} {}", kind, id, origin_)); !told)
    spdlog::error("search replication: {} {} not told: {}", kind, id, told.error().message);
}

void SearchReplication::Heard(const std::string& payload) {
  const auto first = payload.find(' ');
  const auto second = payload.find(' ', first + 1);
  if (first == std::string::npos || second == std::string::npos) return;
  if (payload.compare(second + 1, std::string::npos, origin_) == 0) return;  // our own
  const std::string_view kind(payload.data(), first);
  std::int64_t id = 0;
  const char* digits = payload.data() + first + 1;
  if (std::from_chars(digits, payload.data() + second, id).ec != std::errc{}) return;
  // Not found among the published ones: closed, filled, expired, hidden — out of the index.
  if (kind == "offer") {
    auto offer = offers_.GetPublished(id);
    if (offer)
      feed_.OnOfferChanged(offer->offer);
    else if (offer.error().code == ErrorCode::kNotFound)
      feed_.OnOfferRemoved(id);
    else
      spdlog::error("search replication: offer {}: {}", id, offer.error().message);
  } else if (kind == "training") {
    auto training = trainings_.GetPublished(id);
    if (training)
      feed_.OnTrainingChanged(training->training);
    else if (training.error().code == ErrorCode::kNotFound)
      feed_.OnTrainingRemoved(id);
    else
      spdlog::error("search replication: training {}: {}", id, training.error().message);
  }
}

void SearchReplication::CatchUp() {
  if (auto caught = feed_.Resync(offers_, trainings_); !caught)
    spdlog::error("search replication: catching up failed: {}", caught.error().message);
  else
    spdlog::info("search replication: caught up, {} documents", *caught);
}

}  // namespace maplace::app
