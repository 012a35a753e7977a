#pragma once

#include "core/clock.h"
#include "core/error.h"
#include "domain/offers/offer_service.h"
#include "domain/store.h"
#include "domain/trainings/training_service.h"
#include "domain/young_people/young_people_service.h"
#include "web/search/search_request.h"

namespace maplace::app {

// The daily mail of saved searches (issue 4 §3): each search with alerts on is run through the
// in-process search index, offers only, within its own radius (never widened); the offers
// published since its last digest are news. One French mail per person groups their searches;
// nothing is sent when nothing is new, and each search records when it was last digested, so
// no offer is mailed twice (YoungPeopleService::RecordDigest).
class SavedSearchDigest {
 public:
  struct Counts {
    int searches = 0;  // digested
    int mails = 0;     // queued in the outbox
    int offers = 0;    // mailed
  };

  SavedSearchDigest(young_people::YoungPeopleService& young_people, const web::SearchParts& search,
                    const Clock& clock);

  // Every search with alerts on, whatever the hour: `maplace alerts send`, for cron.
  Result<Counts> SendAll();
  // The server's hourly task: from 07:00 Martinique time, the searches not yet digested this
  // (Martinique) day; nothing before 07:00.
  Result<Counts> SendDue();

  static constexpr int kMaxOffersPerSearch = 20;
  static constexpr int kSendFromHour = 7;

 private:
  Result<Counts> Send(bool only_due);

  young_people::YoungPeopleService& young_people_;
  const web::SearchParts& search_;
  const Clock& clock_;
};

// `maplace alerts send`: builds the search index from the store (as the server does at
// start-up), then SendAll().
Result<SavedSearchDigest::Counts> SendAlertsFromStore(Store& store, offers::OfferService& offers,
                                                      trainings::TrainingService& trainings,
                                                      young_people::YoungPeopleService& young,
                                                      const Clock& clock);

}  // namespace maplace::app
