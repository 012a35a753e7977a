#include "search/index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "search/answer_cache.h"

namespace maplace::search {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

// Places in Martinique.
constexpr double kLamentin[] = {14.6097, -61.0036};
constexpr double kFortDeFrance[] = {14.6037, -61.0742};  // ~7.6 km from Le Lamentin
constexpr double kSainteAnne[] = {14.4366, -60.8815};    // ~23 km
constexpr double kGrandRiviere[] = {14.8725, -61.1786};  // ~35 km

Document Offer(std::int64_t id, std::string title, std::string text, std::string rome,
               const double* place = nullptr) {
  Document d;
  d.id = id;
  d.kind = DocKind::kOffer;
  d.title = std::move(title);
  d.text = std::move(text);
  d.rome_codes = {std::move(rome)};
  d.published_at = 1'700'000'000 + id;
  d.area = "9721";
  if (place != nullptr) {
    d.latitude = place[0];
    d.longitude = place[1];
  }
  return d;
}

std::vector<std::int64_t> Ids(const Results& results) {
  std::vector<std::int64_t> ids;
  for (const auto& hit : results.hits) ids.push_back(hit.id);
  return ids;
}

Query Text(std::string text) {
  Query q;
  q.text = std::move(text);
  return q;
}

class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.SetJobTitles({{"H2913", "Soudeur / Soudeuse"},
                         {"H2913", "Soudeur / Soudeuse TIG"},
                         {"G1602", "Cuisinier / Cuisinière"},
                         {"F1602", "Électricien / Électricienne du bâtiment"},
                         {"N1101", "Cariste"}});
    std::vector<Document> docs = {
        Offer(1, "Soudeur TIG", "Atelier de chaudronnerie, pièces inox.", "H2913", kLamentin),
        Offer(2, "Cuisinier", "Restaurant au bord de mer, cuisine créole.", "G1602", kSainteAnne),
        Offer(3, "Électricien du bâtiment", "Chantiers de logements neufs.", "F1602",
              kFortDeFrance),
        Offer(4, "Conducteur de chariot élévateur", "Entrepôt du port, CACES exigé.", "N1101",
              kGrandRiviere),
        Offer(5, "Vendeur en boulangerie", "Vente de pains et viennoiseries.", "D1106", kLamentin),
    };
    index_.Upsert(docs);
  }
  Index index_;
};

TEST_F(IndexTest, FoldsAccentsAndCase) {
  EXPECT_THAT(Ids(index_.Search(Text("electricien "))), ElementsAre(3));
  EXPECT_THAT(Ids(index_.Search(Text("ÉLECTRICIEN "))), ElementsAre(3));
}

TEST_F(IndexTest, MatchesStems) {
  EXPECT_THAT(Ids(index_.Search(Text("soudeurs "))), ElementsAre(1));
  EXPECT_THAT(Ids(index_.Search(Text("électriciens "))), ElementsAre(3));
}

TEST_F(IndexTest, EveryWordMustMatch) {
  EXPECT_THAT(Ids(index_.Search(Text("électricien chantiers "))), ElementsAre(3));
  EXPECT_THAT(Ids(index_.Search(Text("électricien restaurant "))), IsEmpty());
}

TEST_F(IndexTest, TheLastWordIsAPrefixWhileTyping) {
  EXPECT_THAT(Ids(index_.Search(Text("soud"))), ElementsAre(1));
  EXPECT_THAT(Ids(index_.Search(Text("boulan"))), ElementsAre(5));
  // A finished word (followed by a space) is not a prefix.
  EXPECT_THAT(Ids(index_.Search(Text("boulan "))), IsEmpty());
  // Only the last word.
  EXPECT_THAT(Ids(index_.Search(Text("boulan vente"))), IsEmpty());
  Query no_prefix = Text("soud");
  no_prefix.matching.prefix = false;
  no_prefix.matching.job_families = false;
  EXPECT_THAT(Ids(index_.Search(no_prefix)), IsEmpty());
}

TEST_F(IndexTest, AShortPrefixFindsEveryWordItStarts) {
  const char* words[] = {"plaquiste", "planteur",  "plateau",   "plafond", "planning",
                         "plage",     "plastique", "plaisance", "placier", "plancher"};
  std::vector<Document> docs;
  for (int i = 0; i < 10; ++i) docs.push_back(Offer(40 + i, words[i], "Annonce", "F1604"));
  index_.Upsert(docs);
  const auto results = index_.Search(Text("pla"));
  EXPECT_EQ(results.total, 10u);
  Query with_word = Text("annonce pla");
  EXPECT_EQ(index_.Search(with_word).total, 10u);
}

TEST_F(IndexTest, ToleratesOneTypoOnLongWords) {
  EXPECT_THAT(Ids(index_.Search(Text("electricein "))), ElementsAre(3));
  EXPECT_THAT(Ids(index_.Search(Text("boulangrie "))), ElementsAre(5));
  // Not on words shorter than five letters, nor two typos.
  EXPECT_THAT(Ids(index_.Search(Text("pein "))), IsEmpty());
  EXPECT_THAT(Ids(index_.Search(Text("elektricein "))), IsEmpty());
  Query no_typos = Text("electricein ");
  no_typos.matching.typos = false;
  EXPECT_THAT(Ids(index_.Search(no_typos)), IsEmpty());
}

TEST_F(IndexTest, Synonyms) {
  // cariste ↔ chariot élévateur, both ways.
  EXPECT_THAT(Ids(index_.Search(Text("cariste "))), Contains(4));
  index_.Upsert(Offer(6, "Cariste", "Préparation de commandes.", "N1103"));
  EXPECT_THAT(Ids(index_.Search(Text("chariot élévateur "))), UnorderedElementsAre(4, 6));
  Query off = Text("cariste ");
  off.matching.synonyms = false;
  off.matching.job_families = false;
  EXPECT_THAT(Ids(index_.Search(off)), ElementsAre(6));
}

TEST_F(IndexTest, JobFamilies) {
  // "soudure" is in no document: the ROME titles say it names H2913.
  EXPECT_THAT(Ids(index_.Search(Text("soudure "))), ElementsAre(1));
  EXPECT_THAT(Ids(index_.Search(Text("soudeuse "))), ElementsAre(1));
  EXPECT_THAT(Ids(index_.Search(Text("cuisine "))), ElementsAre(2));
  Query off = Text("soudure ");
  off.matching.job_families = false;
  EXPECT_THAT(Ids(index_.Search(off)), IsEmpty());
}

TEST_F(IndexTest, ExactMatchesRankFirst) {
  index_.Upsert(Offer(7, "Agent de soudage", "Assemblage de structures.", "H2913"));
  index_.Upsert(Offer(8, "Atelier soudure", "Soudure à l'arc.", "H2913"));
  const auto results = index_.Search(Text("soudure "));
  ASSERT_EQ(results.total, 3u);
  EXPECT_EQ(results.hits[0].id, 8);  // the word itself, in the title
}

TEST_F(IndexTest, FiltersAndFacetsWithoutTheirOwnFilter) {
  Document training = Offer(10, "CAP Cuisine", "Formation en apprentissage.", "G1602");
  training.kind = DocKind::kTraining;
  training.level = 3;
  training.contract = ContractKind::kApprenticeship;
  training.area = "9722";
  index_.Upsert(training);

  Query q = Text("cuisine ");
  q.kinds = {DocKind::kTraining};
  auto results = index_.Search(q);
  EXPECT_THAT(Ids(results), ElementsAre(10));
  // The kind facet ignores the kind filter: one offer and one training match the words.
  EXPECT_THAT(results.facets.kind, UnorderedElementsAre(Pair("offer", 1), Pair("training", 1)));
  // Other facets apply the kind filter.
  EXPECT_THAT(results.facets.level, ElementsAre(Pair("3", 1)));
  EXPECT_THAT(results.facets.area, ElementsAre(Pair("9722", 1)));

  q.levels = {4};
  results = index_.Search(q);
  EXPECT_EQ(results.total, 0u);
  EXPECT_THAT(results.facets.level, ElementsAre(Pair("3", 1)));
  EXPECT_THAT(results.facets.kind, IsEmpty());

  Query by_rome;
  by_rome.rome_codes = {"F1602", "N1101"};
  EXPECT_THAT(Ids(index_.Search(by_rome)), UnorderedElementsAre(3, 4));
  Query by_sector;
  by_sector.sectors = {'G'};
  EXPECT_THAT(Ids(index_.Search(by_sector)), UnorderedElementsAre(2, 10));
  Query by_contract;
  by_contract.contracts = {ContractKind::kApprenticeship};
  EXPECT_THAT(Ids(index_.Search(by_contract)), ElementsAre(10));
  Query by_area;
  by_area.areas = {"9722"};
  EXPECT_THAT(Ids(index_.Search(by_area)), ElementsAre(10));
}

TEST_F(IndexTest, StartDates) {
  Document later = Offer(11, "Cuisinier", "Saison", "G1602");
  later.start_day = 20500;
  index_.Upsert(later);
  Query q = Text("cuisinier ");
  q.start_from = 20400;
  q.start_to = 20450;
  // Offer 2 starts « dès que possible »: it passes every start filter.
  EXPECT_THAT(Ids(index_.Search(q)), ElementsAre(2));
  q.start_to = 20600;
  EXPECT_THAT(Ids(index_.Search(q)), UnorderedElementsAre(2, 11));
}

TEST_F(IndexTest, PlaceRadiusAndDistanceSort) {
  Query q;
  q.has_place = true;
  q.latitude = kLamentin[0];
  q.longitude = kLamentin[1];
  q.radius_km = 10;
  q.sort = Sort::kDistance;
  auto results = index_.Search(q);
  EXPECT_THAT(Ids(results), ElementsAre(5, 1, 3));  // 1 and 5 at 0 km: newer first
  EXPECT_NEAR(results.hits[2].distance_km, 7.6, 0.3);
  EXPECT_FALSE(results.widened);
  EXPECT_EQ(results.radius_km, 10);

  q.radius_km = 30;
  EXPECT_THAT(Ids(index_.Search(q)), ElementsAre(5, 1, 3, 2));
}

TEST_F(IndexTest, WidensTheRadiusWhenNothingIsNear) {
  Query q = Text("cariste ");
  q.has_place = true;
  q.latitude = kLamentin[0];
  q.longitude = kLamentin[1];
  q.radius_km = 10;
  auto results = index_.Search(q);
  EXPECT_THAT(Ids(results), ElementsAre(4));
  EXPECT_TRUE(results.widened);
  EXPECT_EQ(results.radius_km, 50);  // 10 and 20 km found nothing; Grand'Rivière is ~35 km away

  q.text = "cuisinier ";  // Sainte-Anne, ~23 km: found at 50 km
  results = index_.Search(q);
  EXPECT_EQ(results.radius_km, 50);

  q.widen_when_empty = false;
  results = index_.Search(q);
  EXPECT_EQ(results.total, 0u);
  EXPECT_FALSE(results.widened);

  q.text = "plombier ";  // nowhere: the search widens to no limit and says so
  q.widen_when_empty = true;
  results = index_.Search(q);
  EXPECT_EQ(results.total, 0u);
}

TEST_F(IndexTest, Sorts) {
  std::vector<Document> docs;
  for (int i = 0; i < 3; ++i) {
    Document d = Offer(20 + i, "Pâtissier", "Pâtisserie fine", "D1104");
    d.published_at = 1'800'000'000 - i * 1000;
    d.applications = static_cast<std::uint32_t>(10 - i * 4);  // 10, 6, 2
    docs.push_back(d);
  }
  index_.Upsert(docs);
  Query q = Text("patissier ");
  q.sort = Sort::kRecent;
  EXPECT_THAT(Ids(index_.Search(q)), ElementsAre(20, 21, 22));
  q.sort = Sort::kFewestApplications;
  EXPECT_THAT(Ids(index_.Search(q)), ElementsAre(22, 21, 20));
}

TEST_F(IndexTest, Pages) {
  std::vector<Document> docs;
  for (int i = 0; i < 45; ++i)
    docs.push_back(Offer(100 + i, "Jardinier", "Espaces verts", "A1203"));
  index_.Upsert(docs);
  Query q = Text("jardinier ");
  q.sort = Sort::kRecent;
  q.page = 3;
  const auto results = index_.Search(q);
  EXPECT_EQ(results.total, 45u);
  EXPECT_THAT(Ids(results), ElementsAre(104, 103, 102, 101, 100));
}

TEST_F(IndexTest, UpdatesAndRemovalsAreSeenByTheNextSearch) {
  EXPECT_EQ(index_.size(), 5u);
  Document moved = Offer(1, "Soudeur MIG", "Atelier naval.", "H2913", kLamentin);
  index_.Upsert(moved);
  EXPECT_EQ(index_.size(), 5u);
  EXPECT_THAT(Ids(index_.Search(Text("naval "))), ElementsAre(1));
  EXPECT_THAT(Ids(index_.Search(Text("inox "))), IsEmpty());
  EXPECT_TRUE(index_.Remove(1));
  EXPECT_FALSE(index_.Remove(1));
  EXPECT_THAT(Ids(index_.Search(Text("soudeur "))), IsEmpty());
  EXPECT_EQ(index_.size(), 4u);
}

TEST_F(IndexTest, ExpiredDocumentsAreHidden) {
  Document d = Offer(30, "Plombier", "Dépannage", "F1603");
  d.expires_at = 1'000;
  index_.Upsert(d);
  Query q = Text("plombier ");
  q.now = 2'000;
  EXPECT_THAT(Ids(index_.Search(q)), IsEmpty());
  q.now = 500;
  EXPECT_THAT(Ids(index_.Search(q)), ElementsAre(30));
}

TEST_F(IndexTest, MatchIdsListsEveryMatch) {
  EXPECT_THAT(index_.MatchIds(Text("atelier ")), ElementsAre(1));
  EXPECT_THAT(index_.MatchIds(Query{}), ElementsAre(1, 2, 3, 4, 5));
}

// A repeated search is answered from the cache until a write: then the new answer comes.
TEST_F(IndexTest, CachedAnswersFollowEveryWrite) {
  const Query cooks = Text("cuisinier ");
  EXPECT_THAT(Ids(index_.Search(cooks)), ElementsAre(2));
  EXPECT_THAT(Ids(index_.Search(cooks)), ElementsAre(2));  // from the cache
  index_.Upsert(Offer(6, "Cuisinier", "Brasserie", "G1602", kLamentin));
  EXPECT_THAT(Ids(index_.Search(cooks)), ElementsAre(6, 2));
  index_.Remove(2);
  EXPECT_THAT(Ids(index_.Search(cooks)), ElementsAre(6));
  index_.Upsert(Offer(6, "Serveur", "Brasserie", "G1803", kLamentin));  // an update
  EXPECT_EQ(index_.Search(cooks).total, 0u);
}

// Queries that differ in any part have answers of their own.
TEST_F(IndexTest, CachedAnswersAreKeptPerQuery) {
  Query near = Text("soudeur ");
  near.has_place = true;
  near.latitude = kSainteAnne[0];
  near.longitude = kSainteAnne[1];
  near.radius_km = 5;
  near.widen_when_empty = false;
  Query far = near;
  far.radius_km = 50;
  Query second_page = far;
  second_page.page = 2;
  EXPECT_EQ(index_.Search(near).total, 0u);
  EXPECT_THAT(Ids(index_.Search(far)), ElementsAre(1));
  EXPECT_THAT(Ids(index_.Search(second_page)), IsEmpty());
  EXPECT_EQ(index_.Search(second_page).total, 1u);
  EXPECT_EQ(index_.Search(near).total, 0u);
}

// A word the index has never seen matches nothing, and every facet counts zero.
TEST(IndexFacetsTest, AWordNeverSeenMatchesNothing) {
  Index index;
  index.Upsert(Offer(1, "Soudeur", "Atelier", "H2913"));
  const Results results = index.Search(Text("chaudronnier "));
  EXPECT_EQ(results.total, 0u);
  EXPECT_THAT(results.facets.rome, IsEmpty());  // values counting zero are left out
}

TEST(AnswerCacheTest, KeepsAtMostItsCapacity) {
  AnswerCache<Results> cache(32);
  Results one;
  one.total = 1;
  for (int i = 0; i < 100; ++i) cache.Store("query " + std::to_string(i), 7, one);
  int kept = 0;
  for (int i = 0; i < 100; ++i) kept += cache.Find("query " + std::to_string(i), 7) ? 1 : 0;
  EXPECT_GT(kept, 0);
  EXPECT_LE(kept, 32);
  EXPECT_TRUE(cache.Find("query 99", 7).has_value());   // the newest stays
  EXPECT_FALSE(cache.Find("query 99", 8).has_value());  // not for another generation
  EXPECT_FALSE(AnswerCache<Results>(0).Find("query 99", 7).has_value());
}

TEST(IndexCompactionTest, ManyUpdatesKeepOneLiveVersion) {
  Index index;
  for (int round = 0; round < 5; ++round) {
    std::vector<Document> docs;
    for (int i = 0; i < 2000; ++i)
      docs.push_back(Offer(i, "Plombier", "Version " + std::to_string(round), "F1603"));
    index.Upsert(docs);
  }
  EXPECT_EQ(index.size(), 2000u);
  EXPECT_EQ(index.Search(Text("plombier ")).total, 2000u);
  EXPECT_EQ(index.Search(Text("version 4 ")).total, 2000u);
}

// Readers never see a half-written document, and a reader that starts after a write sees it.
TEST(IndexConcurrencyTest, ReadersRunWhileAWriterChangesTheIndex) {
  Index index;
  std::vector<Document> stable;
  for (int i = 0; i < 200; ++i) stable.push_back(Offer(i, "Boulanger", "Pain au levain", "D1102"));
  index.Upsert(stable);

  std::atomic<bool> done{false};
  std::atomic<int> written{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&] {
      while (!done.load()) {
        const int seen = written.load();
        if (index.Search(Text("boulanger ")).total != 200) ++failures;
        // Every document written before this search started is found.
        const auto matches = index.MatchIds(Text("mecanicien "));
        if (matches.size() < static_cast<std::size_t>(seen)) ++failures;
        // The same through the cached answers of Search.
        if (index.Search(Text("mecanicien ")).total < static_cast<std::uint32_t>(seen)) ++failures;
      }
    });
  }
  for (int i = 0; i < 500; ++i) {
    index.Upsert(Offer(1000 + i, "Mécanicien", "Garage", "I1604"));
    if (i % 3 == 0) index.Upsert(Offer(1000 + i, "Mécanicien", "Garage poids lourds", "I1604"));
    written.store(i + 1);
  }
  done.store(true);
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(index.MatchIds(Text("mecanicien ")).size(), 500u);
}

}  // namespace
}  // namespace maplace::search
