#pragma once

#include <memory>
#include <string>

#include "app/search_feed.h"
#include "storage/postgres/pg_notifications.h"

namespace maplace::app {

// Several servers on one PostgreSQL database each keep their own search index (issue 4 §1).
// This stands between the offer and training services and the server's SearchFeed: a change
// made here goes into this index, then is told to the other servers (NOTIFY); a change heard
// from another server is read again from the store and put into this index. After a lost
// connection the index catches up with everything published.
class SearchReplication final : public offers::OfferListener, public trainings::TrainingListener {
 public:
  SearchReplication(SearchFeed& feed, offers::OfferService& offers,
                    trainings::TrainingService& trainings,
                    std::unique_ptr<storage::PgNotifications> channel);

  // Starts listening to the other servers.
  void Start();

  void OnOfferChanged(const offers::Offer& offer) override;
  void OnOfferRemoved(std::int64_t offer_id) override;
  void OnTrainingChanged(const trainings::Training& training) override;
  void OnTrainingRemoved(std::int64_t training_id) override;

 private:
  void Tell(std::string_view kind, std::int64_t id);
  void Heard(const std::string& payload);
  void CatchUp();

  SearchFeed& feed_;
  offers::OfferService& offers_;
  trainings::TrainingService& trainings_;
  const std::string origin_;  // this server, in the payloads: its own changes are not redone
  std::unique_ptr<storage::PgNotifications> channel_;
};

}  // namespace maplace::app
