#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/error.h"
#include "domain/jobs/job.h"
#include "domain/offers/offer_service.h"
#include "domain/store.h"
#include "domain/trainings/training_service.h"
#include "search/catalog.h"
#include "search/index.h"

namespace maplace::app {

// Keeps the search index and its result cards current: built from the store at start-up (the
// ROME job titles for job families, every job, every visible offer), then told of each offer
// change by the offer service, after its commit — a change is searchable as soon as the
// request that made it returns.
class SearchFeed final : public offers::OfferListener, public trainings::TrainingListener {
 public:
  SearchFeed(search::Index& index, search::Catalog& catalog);

  // Loads everything; returns how many documents the index holds.
  Result<std::size_t> Build(Store& store, offers::OfferService& offers);

  // The communes a place can name, by INSEE code (those of the employment areas).
  const std::map<std::string, jobs::Commune>& communes() const { return communes_; }

  void OnOfferChanged(const offers::Offer& offer) override;
  void OnOfferRemoved(std::int64_t offer_id) override;

  // The CFAs' published trainings, after Build(); returns how many documents the index holds.
  // Then the training service tells of each change, after its commit.
  Result<std::size_t> AddTrainings(trainings::TrainingService& trainings);
  void OnTrainingChanged(const trainings::Training& training) override;
  void OnTrainingRemoved(std::int64_t training_id) override;

  // Puts every published offer and training again and removes those no longer published:
  // after changes this server may have missed (SearchReplication). Returns the index's size.
  Result<std::size_t> Resync(offers::OfferService& offers, trainings::TrainingService& trainings);

 private:
  // The employer's name of an offer: read once, then kept.
  std::string OrganisationName(std::int64_t organisation_id);
  void Put(const offers::Offer& offer, const std::string& organisation_name);
  void PutTraining(const trainings::Training& training, const std::string& cfa_name);
  // Puts each one, remembering its organisation's name.
  void PutPublished(const std::vector<offers::PublicOffer>& published);
  void PutPublished(const std::vector<trainings::PublicTraining>& published);

  search::Index& index_;
  search::Catalog& catalog_;
  Store* store_ = nullptr;
  std::map<std::string, jobs::Commune> communes_;  // by INSEE code
  std::map<std::string, std::string> job_labels_;  // ROME code -> label
  std::mutex names_mutex_;
  std::map<std::int64_t, std::string> organisation_names_;
};

}  // namespace maplace::app
