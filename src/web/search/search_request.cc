#include "web/search/search_request.h"

#include <charconv>

#include "search/analyzer.h"

namespace maplace::web {
namespace {

std::vector<std::string> Values(const Request& request, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [key, value] : request.query) {
    if (key == name && !value.empty()) out.push_back(value);
  }
  return out;
}

std::string Value(const Request& request, std::string_view name) {
  auto values = Values(request, name);
  return values.empty() ? "" : values.back();
}

bool ParseInt(const std::string& text, int& out) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

const jobs::Commune* SearchParts::FindCommune(const std::string& code_or_name) const {
  auto it = communes.find(code_or_name);
  if (it != communes.end()) return &it->second;
  const std::string wanted = search::Fold(code_or_name);
  if (wanted.empty()) return nullptr;
  for (const auto& [code, commune] : communes) {
    if (search::Fold(commune.name) == wanted) return &commune;
  }
  return nullptr;
}

Result<SearchRequest> ParseSearchRequest(const Request& request, const SearchParts& parts,
                                         std::int64_t now) {
  SearchRequest out;
  search::Query& q = out.query;
  Error invalid{ErrorCode::kInvalidArgument, "bad search", {}};
  q.text = Value(request, "q");
  if (q.text.size() > 200) invalid.fields["q"] = "La recherche est trop longue (200 caractères).";
  // To the minute: searches in the same minute share the index's cached answers, and an
  // expired offer leaves the results at most a minute late.
  q.now = now - now % 60;

  for (const std::string& kind : Values(request, "kind")) {
    if (kind == "offer")
      q.kinds.push_back(search::DocKind::kOffer);
    else if (kind == "training")
      q.kinds.push_back(search::DocKind::kTraining);
    else if (kind == "job")
      q.kinds.push_back(search::DocKind::kJob);
    else
      invalid.fields["kind"] = "Choisissez des offres, des formations ou des métiers.";
  }
  for (const std::string& rome : Values(request, "rome")) {
    if (search::JobLocalId(rome) == 0)
      invalid.fields["rome"] = "Un code ROME s'écrit comme H2913.";
    else
      q.rome_codes.push_back(rome);
  }
  for (const std::string& level : Values(request, "level")) {
    int value = 0;
    if (!ParseInt(level, value) || value < 3 || value > 8)
      invalid.fields["level"] = "Le niveau va de 3 (CAP) à 8 (doctorat).";
    else
      q.levels.push_back(value);
  }
  for (const std::string& contract : Values(request, "contract")) {
    if (contract == "apprentissage")
      q.contracts.push_back(search::ContractKind::kApprenticeship);
    else if (contract == "professionnalisation")
      q.contracts.push_back(search::ContractKind::kProfessionalisation);
    else
      invalid.fields["contract"] = "Choisissez apprentissage ou professionnalisation.";
  }
  for (const std::string& area : Values(request, "area")) q.areas.push_back(area);

  const std::string commune = Value(request, "commune");
  if (!commune.empty()) {
    out.place = parts.FindCommune(commune);
    if (out.place == nullptr) {
      invalid.fields["commune"] = "Cette commune n'est pas dans nos territoires.";
    } else if (!out.place->HasPosition()) {
      invalid.fields["commune"] =
          "Nous ne connaissons pas encore la position de cette commune : choisissez une commune "
          "voisine ou un bassin d'emploi.";
    } else {
      q.has_place = true;
      q.latitude = out.place->latitude;
      q.longitude = out.place->longitude;
      q.radius_km = 30;
    }
  }
  const std::string radius = Value(request, "radius_km");
  if (!radius.empty()) {
    int km = 0;
    if (!ParseInt(radius, km) || km < 1 || km > 500)
      invalid.fields["radius_km"] = "Le rayon va de 1 à 500 km.";
    else
      q.radius_km = km;
  }

  const std::string sort = Value(request, "sort");
  if (sort.empty() || sort == "relevance")
    q.sort = search::Sort::kRelevance;
  else if (sort == "distance")
    q.sort = search::Sort::kDistance;
  else if (sort == "recent")
    q.sort = search::Sort::kRecent;
  else if (sort == "applications")
    q.sort = search::Sort::kFewestApplications;
  else
    invalid.fields["sort"] = "Triez par pertinence, distance, date ou candidatures.";
  if (q.sort == search::Sort::kDistance && !q.has_place)
    invalid.fields["sort"] = "Pour trier par distance, indiquez une commune.";

  const std::string page = Value(request, "page");
  if (!page.empty()) {
    int number = 0;
    if (!ParseInt(page, number) || number < 1 || number > 500)
      invalid.fields["page"] = "La page va de 1 à 500.";
    else
      q.page = number;
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return out;
}

std::vector<SearchHit> HitsWithCards(const search::Results& results, const search::Catalog& cards) {
  std::vector<SearchHit> out;
  out.reserve(results.hits.size());
  for (const search::Hit& hit : results.hits) {
    auto card = cards.Find(hit.id);
    if (card) out.push_back({std::move(*card), hit.distance_km});
  }
  return out;
}

}  // namespace maplace::web
