#include "app/saved_search_digest.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <map>

#include "app/search_feed.h"
#include "core/date.h"
#include "core/text.h"

namespace maplace::app {
namespace {

int MartiniqueHour(UnixSeconds t) {
  return static_cast<int>((t - MartiniqueMidnight(MartiniqueDate(t))) / 3600);
}

}  // namespace

SavedSearchDigest::SavedSearchDigest(young_people::YoungPeopleService& young_people,
                                     const web::SearchParts& search, const Clock& clock)
    : young_people_(young_people), search_(search), clock_(clock) {}

Result<SavedSearchDigest::Counts> SavedSearchDigest::SendAll() { return Send(false); }

Result<SavedSearchDigest::Counts> SavedSearchDigest::SendDue() {
  if (MartiniqueHour(clock_.Now()) < kSendFromHour) return Counts{};
  return Send(true);
}

Result<SavedSearchDigest::Counts> SavedSearchDigest::Send(bool only_due) {
  const UnixSeconds now = clock_.Now();
  // Offers published up to the second before this run: one published during the run's own
  // second is left to the next digest, so it is neither missed nor mailed twice.
  const UnixSeconds cutoff = now - 1;
  const Date today = MartiniqueDate(now);
  auto searches = young_people_.AlertSearches();
  if (!searches) return Fail(searches.error());
  // By owner: one mail each.
  std::map<std::int64_t, std::vector<young_people::DigestSection>> by_owner;
  Counts counts;
  for (const auto& saved : *searches) {
    if (only_due && Days(MartiniqueDate(saved.last_digest_at)) >= Days(today)) continue;
    young_people::DigestSection section{saved, {}};
    web::Request request;
    request.query = text::ParseUrlEncoded(saved.query);
    auto parsed = web::ParseSearchRequest(request, search_, now);
    if (!parsed) {
      // A commune or a code no longer known: nothing found, still marked digested.
      spdlog::warn("saved search {}: {}", saved.id, parsed.error().message);
    } else {
      search::Query& query = parsed->query;
      query.kinds = {search::DocKind::kOffer};
      query.sort = search::Sort::kRecent;
      query.widen_when_empty = false;  // an alert stays within the radius asked for
      query.page = 1;
      query.page_size = search::kMaxPageSize;
      query.now = now;
      const search::Results results = search_.index.Search(query);
      for (const web::SearchHit& hit : web::HitsWithCards(results, search_.cards)) {
        const search::Card& card = hit.card;
        if (card.published_at <= saved.last_digest_at || card.published_at > cutoff) continue;
        if (static_cast<int>(section.offers.size()) >= kMaxOffersPerSearch) break;
        section.offers.push_back({card.title, card.subtitle, card.commune, card.url});
      }
    }
    by_owner[saved.owner_id].push_back(std::move(section));
  }
  for (const auto& [owner, sections] : by_owner) {
    auto queued = young_people_.RecordDigest(owner, sections, cutoff);
    if (!queued) return Fail(queued.error());
    counts.searches += static_cast<int>(sections.size());
    if (*queued) {
      ++counts.mails;
      for (const auto& s : sections) counts.offers += static_cast<int>(s.offers.size());
    }
  }
  return counts;
}

Result<SavedSearchDigest::Counts> SendAlertsFromStore(Store& store, offers::OfferService& offers,
                                                      trainings::TrainingService& trainings,
                                                      young_people::YoungPeopleService& young,
                                                      const Clock& clock) {
  search::Index index;
  search::Catalog cards;
  SearchFeed feed(index, cards);
  if (auto built = feed.Build(store, offers); !built) return Fail(built.error());
  if (auto built = feed.AddTrainings(trainings); !built) return Fail(built.error());
  const web::SearchParts parts{index, cards, feed.communes()};
  SavedSearchDigest digest(young, parts, clock);
  return digest.SendAll();
}

}  // namespace maplace::app
