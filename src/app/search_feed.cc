#include "app/search_feed.h"

#include <fmt/format.h>

#include <chrono>
#include <set>

#include "core/date.h"

namespace maplace::app {
namespace {

std::int32_t DaysSinceEpoch(const std::string& iso_date) {
  auto date = ParseIsoDate(iso_date);
  if (!date) return 0;
  return static_cast<std::int32_t>(Days(*date).time_since_epoch().count());
}

search::ContractKind ContractOf(offers::ContractKind kind) {
  return kind == offers::ContractKind::kApprenticeship ? search::ContractKind::kApprenticeship
                                                       : search::ContractKind::kProfessionalisation;
}

}  // namespace

SearchFeed::SearchFeed(search::Index& index, search::Catalog& catalog)
    : index_(index), catalog_(catalog) {}

Result<std::size_t> SearchFeed::Build(Store& store, offers::OfferService& offers) {
  store_ = &store;
  std::vector<std::pair<std::string, std::string>> titles;
  std::vector<jobs::JobSummary> all_jobs;
  std::vector<jobs::Sector> sectors;
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto t = repos.jobs().JobTitles();
    if (!t) return Fail(t.error());
    titles = std::move(*t);
    auto j = repos.jobs().AllJobs();
    if (!j) return Fail(j.error());
    all_jobs = std::move(*j);
    auto s = repos.jobs().Sectors();
    if (!s) return Fail(s.error());
    sectors = std::move(*s);
    auto c = repos.jobs().Communes();
    if (!c) return Fail(c.error());
    for (auto& commune : *c) communes_[commune.insee_code] = std::move(commune);
    return Ok();
  });
  if (!read) return Fail(read.error());
  index_.SetJobTitles(titles);

  // Jobs are found by their label and every title ("appellation").
  std::map<std::string, std::string> sector_labels;
  for (const auto& s : sectors) sector_labels[s.code] = s.label;
  std::map<std::string, std::string> titles_of;
  for (const auto& [code, title] : titles) titles_of[code] += title + "\n";
  std::vector<search::Document> documents;
  for (const auto& job : all_jobs) {
    const std::int64_t local = search::JobLocalId(job.code);
    if (local == 0) continue;
    job_labels_[job.code] = job.label;
    search::Document d;
    d.id = search::DocumentId(search::DocKind::kJob, local);
    d.kind = search::DocKind::kJob;
    d.title = job.label;
    d.text = titles_of[job.code];
    d.rome_codes = {job.code};
    documents.push_back(std::move(d));
    catalog_.Put(documents.back().id, search::Card{.kind = search::DocKind::kJob,
                                                   .local_id = local,
                                                   .title = job.label,
                                                   .subtitle = sector_labels[job.code.substr(0, 1)],
                                                   .rome_code = job.code,
                                                   .url = "/metiers/" + job.code});
  }
  index_.Upsert(documents);

  auto published = offers.ListPublished();
  if (!published) return Fail(published.error());
  PutPublished(*published);
  return index_.size();
}

void SearchFeed::PutPublished(const std::vector<offers::PublicOffer>& published) {
  for (const auto& p : published) {
    {
      std::lock_guard lock(names_mutex_);
      organisation_names_[p.offer.organisation_id] = p.organisation_name;
    }
    Put(p.offer, p.organisation_name);
  }
}

void SearchFeed::PutPublished(const std::vector<trainings::PublicTraining>& published) {
  for (const auto& p : published) {
    {
      std::lock_guard lock(names_mutex_);
      organisation_names_[p.training.organisation_id] = p.cfa.name;
    }
    PutTraining(p.training, p.cfa.name);
  }
}

std::string SearchFeed::OrganisationName(std::int64_t organisation_id) {
  {
    std::lock_guard lock(names_mutex_);
    auto it = organisation_names_.find(organisation_id);
    if (it != organisation_names_.end()) return it->second;
  }
  std::string name;
  if (store_ != nullptr) {
    (void)store_->Read([&](Repositories& repos) -> Status {
      auto organisation = repos.organisations().FindById(organisation_id);
      if (organisation) name = organisation->name;
      return Ok();
    });
  }
  std::lock_guard lock(names_mutex_);
  organisation_names_[organisation_id] = name;
  return name;
}

void SearchFeed::Put(const offers::Offer& offer, const std::string& organisation_name) {
  const offers::OfferInput& in = offer.input;
  search::Document d;
  d.id = search::DocumentId(search::DocKind::kOffer, offer.id);
  d.kind = search::DocKind::kOffer;
  d.title = in.title;
  d.text = in.description;
  // The job's own label joins the words of the offer: « Soudeur / Soudeuse » for an offer
  // titled « Chaudronnier TIG » of code H2913.
  auto label = job_labels_.find(in.rome_code);
  if (label != job_labels_.end()) d.text += "\n" + label->second;
  d.rome_codes = {in.rome_code};
  d.level = in.level;
  d.contract = ContractOf(in.contract);
  d.start_day = DaysSinceEpoch(in.start_date);
  d.commune = in.commune_code;
  std::string commune_name;
  auto commune = communes_.find(in.commune_code);
  if (commune != communes_.end()) {
    d.area = commune->second.area_code;
    d.latitude = commune->second.latitude;
    d.longitude = commune->second.longitude;
    commune_name = commune->second.name;
  }
  d.published_at = offer.published_at;
  d.expires_at = offer.expires_at;
  d.applications = static_cast<std::uint32_t>(offer.applications);
  // The card first: once the index moves to its next generation, every answer computed from
  // it (the API caches its JSON per generation) finds the new card.
  catalog_.Put(d.id, search::Card{.kind = search::DocKind::kOffer,
                                  .local_id = offer.id,
                                  .title = in.title,
                                  .subtitle = organisation_name,
                                  .commune = commune_name,
                                  .latitude = d.latitude,
                                  .longitude = d.longitude,
                                  .rome_code = in.rome_code,
                                  .level = in.level,
                                  .contract = d.contract,
                                  .start_day = d.start_day,
                                  .published_at = offer.published_at,
                                  .applications = d.applications,
                                  .url = fmt::format("/offres/{}", offer.id)});
  index_.Upsert(d);
}

void SearchFeed::OnOfferChanged(const offers::Offer& offer) {
  Put(offer, OrganisationName(offer.organisation_id));
}

Result<std::size_t> SearchFeed::AddTrainings(trainings::TrainingService& trainings) {
  auto published = trainings.ListPublished();
  if (!published) return Fail(published.error());
  PutPublished(*published);
  return index_.size();
}

// A training is found by its title, its certification's codes, its CFA and its jobs' labels.
void SearchFeed::PutTraining(const trainings::Training& training, const std::string& cfa_name) {
  const trainings::TrainingInput& in = training.input;
  search::Document d;
  d.id = search::DocumentId(search::DocKind::kTraining, training.id);
  d.kind = search::DocKind::kTraining;
  d.title = in.title;
  d.text = in.rhythm + "\n" + in.rncp_code + " " + in.cfd_code + "\n" + cfa_name;
  for (const auto& code : in.rome_codes) {
    auto label = job_labels_.find(code);
    if (label != job_labels_.end()) d.text += "\n" + label->second;
  }
  d.rome_codes = in.rome_codes;
  d.level = in.level;
  d.contract = search::ContractKind::kApprenticeship;
  d.start_day = in.start_dates.empty() ? 0 : DaysSinceEpoch(in.start_dates.front());
  d.commune = in.commune_code;
  std::string commune_name;
  auto commune = communes_.find(in.commune_code);
  if (commune != communes_.end()) {
    d.area = commune->second.area_code;
    d.latitude = commune->second.latitude;
    d.longitude = commune->second.longitude;
    commune_name = commune->second.name;
  }
  d.published_at = training.updated_at;
  catalog_.Put(d.id, search::Card{.kind = search::DocKind::kTraining,
                                  .local_id = training.id,
                                  .title = in.title,
                                  .subtitle = cfa_name,
                                  .commune = commune_name,
                                  .latitude = d.latitude,
                                  .longitude = d.longitude,
                                  .rome_code = in.rome_codes.empty() ? "" : in.rome_codes.front(),
                                  .level = in.level,
                                  .contract = d.contract,
                                  .start_day = d.start_day,
                                  .published_at = training.updated_at,
                                  .url = fmt::format("/formations/{}", training.id)});
  index_.Upsert(d);
}

void SearchFeed::OnTrainingChanged(const trainings::Training& training) {
  PutTraining(training, OrganisationName(training.organisation_id));
}

void SearchFeed::OnTrainingRemoved(std::int64_t training_id) {
  const std::int64_t id = search::DocumentId(search::DocKind::kTraining, training_id);
  index_.Remove(id);
  catalog_.Erase(id);
}

Result<std::size_t> SearchFeed::Resync(offers::OfferService& offers,
                                       trainings::TrainingService& trainings) {
  auto published_offers = offers.ListPublished();
  if (!published_offers) return Fail(published_offers.error());
  auto published_trainings = trainings.ListPublished();
  if (!published_trainings) return Fail(published_trainings.error());
  PutPublished(*published_offers);
  PutPublished(*published_trainings);
  std::set<std::int64_t> live;
  for (const auto& p : *published_offers)
    live.insert(search::DocumentId(search::DocKind::kOffer, p.offer.id));
  for (const auto& p : *published_trainings)
    live.insert(search::DocumentId(search::DocKind::kTraining, p.training.id));
  for (auto kind : {search::DocKind::kOffer, search::DocKind::kTraining}) {
    for (std::int64_t id : catalog_.IdsOf(kind)) {
      if (live.contains(id)) continue;
      index_.Remove(id);
      catalog_.Erase(id);
    }
  }
  return index_.size();
}

void SearchFeed::OnOfferRemoved(std::int64_t offer_id) {
  const std::int64_t id = search::DocumentId(search::DocKind::kOffer, offer_id);
  // The index first: no answer of its next generation names the offer whose card goes.
  index_.Remove(id);
  catalog_.Erase(id);
}

}  // namespace maplace::app
