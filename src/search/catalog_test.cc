#include "search/catalog.h"

#include <gtest/gtest.h>

namespace maplace::search {
namespace {

TEST(CatalogTest, KindsShareOneIdSpaceWithoutCollisions) {
  EXPECT_NE(DocumentId(DocKind::kOffer, 7), DocumentId(DocKind::kTraining, 7));
  EXPECT_NE(DocumentId(DocKind::kTraining, 7), DocumentId(DocKind::kJob, 7));
  EXPECT_EQ(LocalId(DocumentId(DocKind::kJob, 123456)), 123456);
  EXPECT_EQ(DocumentId(DocKind::kOffer, 42), 42);  // offers keep their own ids
}

TEST(CatalogTest, RomeCodesRoundTripThroughJobIds) {
  EXPECT_EQ(JobLocalId("H2913"), 8 * 10000 + 2913);
  EXPECT_EQ(RomeCodeOf(JobLocalId("H2913")), "H2913");
  EXPECT_EQ(RomeCodeOf(JobLocalId("A1101")), "A1101");
  EXPECT_EQ(RomeCodeOf(JobLocalId("N0001")), "N0001");
  EXPECT_EQ(JobLocalId("h2913"), 0);
  EXPECT_EQ(JobLocalId("H29"), 0);
  EXPECT_EQ(JobLocalId("H29x3"), 0);
}

TEST(CatalogTest, CardsAreFoundInTheOrderAsked) {
  Catalog catalog;
  catalog.Put(1, Card{.title = "Soudeur TIG"});
  catalog.Put(2, Card{.title = "Boulanger"});
  catalog.Put(1, Card{.title = "Soudeur TIG H/F"});  // replaced
  catalog.Erase(3);
  auto cards = catalog.FindAll({2, 3, 1});
  ASSERT_EQ(cards.size(), 2u);
  EXPECT_EQ(cards[0].title, "Boulanger");
  EXPECT_EQ(cards[1].title, "Soudeur TIG H/F");
  catalog.Erase(2);
  EXPECT_FALSE(catalog.Find(2).has_value());
}

}  // namespace
}  // namespace maplace::search
