// Young people's profiles, favourites and saved searches (migration 0015) on SQLite and on
// PostgreSQL (MAPLACE_TEST_POSTGRES_URL, set by script/test).
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using young_people::Favourite;
using young_people::FavouriteKind;
using young_people::Profile;
using young_people::SavedSearch;

class YoungPeopleContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto user = [&](const std::string& email) {
        return *r.users().Create(people::User{0, email, "Nom", people::Role::kYoungPerson,
                                              people::UserStatus::kActive, "x", false, 1, 1});
      };
      young_ = user("lea@example.mq");
      other_ = user("tom@example.mq");
      return Ok();
    }),
                IsOk());
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
  std::int64_t young_ = 0, other_ = 0;
};

TEST_P(YoungPeopleContract, ProfilesAreInsertedThenReplaced) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& repo = r.young_people();
    EXPECT_THAT(repo.FindProfile(young_), HasErrorCode(ErrorCode::kNotFound));
    Profile p{young_,
              "cuisine « créole », pâtisserie",
              "G1602",
              3,
              "97213",
              30,
              "2009-01-16",
              "0696123456",
              false,
              10,
              10};
    EXPECT_THAT(repo.SaveProfile(p), IsOk());
    auto found = repo.FindProfile(young_);
    EXPECT_THAT(found, IsOk());
    EXPECT_EQ(found->wishes, p.wishes);
    EXPECT_EQ(found->rome_code, "G1602");
    EXPECT_EQ(found->level, 3);
    EXPECT_EQ(found->commune_code, "97213");
    EXPECT_EQ(found->mobility_km, 30);
    EXPECT_EQ(found->birth_date, "2009-01-16");
    EXPECT_EQ(found->phone, "0696123456");
    EXPECT_FALSE(found->visible_to_employers);
    p.visible_to_employers = true;
    p.level = 0;
    p.phone = "";
    p.updated_at = 20;
    p.created_at = 99;  // ignored on replace
    EXPECT_THAT(repo.SaveProfile(p), IsOk());
    found = repo.FindProfile(young_);
    EXPECT_TRUE(found->visible_to_employers);
    EXPECT_EQ(found->level, 0);
    EXPECT_EQ(found->phone, "");
    EXPECT_EQ(found->created_at, 10);
    EXPECT_EQ(found->updated_at, 20);
    EXPECT_THAT(repo.FindProfile(other_), HasErrorCode(ErrorCode::kNotFound));
    return Ok();
  }),
              IsOk());
}

TEST_P(YoungPeopleContract, AProfileOutOfBoundsIsRefusedByTheSchema) {
  auto status = store_->Write([&](Repositories& r) -> Status {
    return r.young_people().SaveProfile(
        Profile{young_, "cuisine", "", 9, "97213", 30, "2005-01-01", "", false, 1, 1});
  });
  EXPECT_FALSE(status);
}

TEST_P(YoungPeopleContract, FavouritesAreUniquePerOwnerAndNewestFirst) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& repo = r.young_people();
    EXPECT_THAT(repo.AddFavourite(Favourite{0, young_, FavouriteKind::kOffer, 7, 1}), IsOk());
    EXPECT_THAT(repo.AddFavourite(Favourite{0, young_, FavouriteKind::kTraining, 7, 2}), IsOk());
    EXPECT_THAT(repo.AddFavourite(Favourite{0, other_, FavouriteKind::kOffer, 7, 3}), IsOk());
    auto mine = repo.ListFavourites(young_);
    EXPECT_THAT(mine, IsOk());
    EXPECT_EQ(mine->size(), 2u);
    EXPECT_EQ((*mine)[0].kind, FavouriteKind::kTraining);
    EXPECT_EQ((*mine)[0].target_id, 7);
    EXPECT_EQ((*mine)[0].created_at, 2);
    EXPECT_EQ((*mine)[1].kind, FavouriteKind::kOffer);
    EXPECT_THAT(repo.RemoveFavourite(young_, FavouriteKind::kOffer, 8),
                HasErrorCode(ErrorCode::kNotFound));
    EXPECT_THAT(repo.RemoveFavourite(young_, FavouriteKind::kOffer, 7), IsOk());
    EXPECT_EQ(repo.ListFavourites(young_)->size(), 1u);
    EXPECT_EQ(repo.ListFavourites(other_)->size(), 1u);
    return Ok();
  }),
              IsOk());
  auto twice = store_->Write([&](Repositories& r) -> Status {
    return r.young_people()
        .AddFavourite(Favourite{0, young_, FavouriteKind::kTraining, 7, 4})
        .map([](auto) {});
  });
  EXPECT_THAT(twice, HasErrorCode(ErrorCode::kAlreadyExists));
}

TEST_P(YoungPeopleContract, SavedSearchesRoundTripAndAlertsAreListed) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& repo = r.young_people();
    auto a = repo.AddSearch(SavedSearch{0, young_, "Soudure près du Lamentin",
                                        "q=soudure&commune=97213&radius_km=30", true, 5, 5});
    auto b = repo.AddSearch(SavedSearch{0, other_, "Vente", "q=vente", true, 6, 6});
    auto c = repo.AddSearch(SavedSearch{0, young_, "Cuisine", "q=cuisine", false, 7, 7});
    EXPECT_THAT(a, IsOk());
    EXPECT_THAT(b, IsOk());
    EXPECT_THAT(c, IsOk());
    auto found = repo.FindSearch(*a);
    EXPECT_EQ(found->name, "Soudure près du Lamentin");
    EXPECT_EQ(found->query, "q=soudure&commune=97213&radius_km=30");
    EXPECT_TRUE(found->alerts);
    EXPECT_EQ(found->last_digest_at, 5);
    auto mine = repo.ListSearches(young_);
    EXPECT_EQ(mine->size(), 2u);
    EXPECT_EQ((*mine)[0].id, *c);
    auto alerts = repo.ListAlertSearches();
    EXPECT_EQ(alerts->size(), 2u);
    EXPECT_EQ((*alerts)[0].owner_id, young_);
    EXPECT_EQ((*alerts)[1].owner_id, other_);
    found->alerts = false;
    found->last_digest_at = 50;
    EXPECT_THAT(repo.UpdateSearch(*found), IsOk());
    EXPECT_EQ(repo.FindSearch(*a)->last_digest_at, 50);
    EXPECT_EQ(repo.ListAlertSearches()->size(), 1u);
    EXPECT_THAT(repo.DeleteSearch(*a), IsOk());
    EXPECT_THAT(repo.DeleteSearch(*a), HasErrorCode(ErrorCode::kNotFound));
    EXPECT_THAT(repo.FindSearch(*a), HasErrorCode(ErrorCode::kNotFound));
    found->id = 9999;
    EXPECT_THAT(repo.UpdateSearch(*found), HasErrorCode(ErrorCode::kNotFound));
    return Ok();
  }),
              IsOk());
}

INSTANTIATE_TEST_SUITE_P(Databases, YoungPeopleContract, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace maplace::storage
