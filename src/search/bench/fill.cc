#include "search/bench/fill.h"

#include <fmt/format.h>

namespace maplace::search::bench {

void Fill(Index& index, Catalog& cards, const Corpus& corpus) {
  index.SetJobTitles(corpus.job_titles);
  std::vector<Document> documents;
  documents.reserve(corpus.documents.size());
  for (const Document& source : corpus.documents) {
    Document d = source;
    // The corpus numbers its documents from 1; the serving index keeps kinds apart.
    d.id = DocumentId(source.kind, source.id);
    const bool offer = source.kind == DocKind::kOffer;
    cards.Put(d.id, Card{.kind = source.kind,
                         .local_id = source.id,
                         .title = source.title,
                         .subtitle = fmt::format("{} n° {}", offer ? "Entreprise" : "CFA",
                                                 source.id % 50'000),
                         .commune = source.commune,
                         .rome_code = source.rome_codes.empty() ? "" : source.rome_codes.front(),
                         .level = source.level,
                         .contract = source.contract,
                         .start_day = source.start_day,
                         .published_at = source.published_at,
                         .applications = source.applications,
                         .url = fmt::format("/{}/{}", offer ? "offres" : "formations", source.id)});
    documents.push_back(std::move(d));
  }
  index.Upsert(documents);
}

}  // namespace maplace::search::bench
