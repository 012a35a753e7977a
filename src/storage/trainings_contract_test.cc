// The CFAs' trainings (migration 0013) and the certifications they name, on SQLite and on
// PostgreSQL (MAPLACE_TEST_POSTGRES_URL, set by script/test).
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/reference/tables.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using trainings::Training;

class TrainingsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      people::User user{0,
                        "cfa@example.mq",
                        "CFA",
                        people::Role::kCfa,
                        people::UserStatus::kActive,
                        "x",
                        false,
                        1,
                        1};
      auto id = r.users().Create(user);
      if (!id) return Fail(id.error());
      user_ = *id;
      for (auto* organisation : {&cfa_, &other_}) {
        people::Organisation o;
        o.kind = people::OrganisationKind::kCfa;
        o.name = organisation == &cfa_ ? "CFA du Lamentin" : "CFA du Robert";
        o.created_at = 1;
        auto created = r.organisations().Create(o);
        if (!created) return Fail(created.error());
        *organisation = *created;
      }
      return Ok();
    }),
                IsOk());
  }

  Status Write(const std::function<Status(Repositories&)>& work) { return store_->Write(work); }

  Training Sample(std::int64_t organisation) {
    Training t;
    t.organisation_id = organisation;
    t.created_by = user_;
    t.input.rncp_code = "RNCP37859";
    t.input.cfd_code = "50022137";
    t.input.level = 3;
    t.input.title = "CAP Cuisine « créole »";
    t.input.rhythm = "2 semaines / 2 semaines";
    t.input.start_dates = {"2027-01-04", "2027-09-01"};
    t.input.duration_months = 24;
    t.input.places = 12;
    t.input.commune_code = "97213";
    t.input.rome_codes = {"G1602", "G1603"};
    t.input.contact_name = "Marie Joseph";
    t.input.contact_email = "formations@cfa.example";
    t.input.contact_phone = "0596 00 00 00";
    t.created_at = 10;
    t.updated_at = 11;
    return t;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::int64_t user_ = 0, cfa_ = 0, other_ = 0;
};

TEST_P(TrainingsContract, ATrainingIsStoredReadUpdatedListedAndDeleted) {
  ASSERT_THAT(Write([&](Repositories& r) -> Status {
                auto id = r.trainings().Create(Sample(cfa_));
                EXPECT_THAT(id, IsOk());
                auto found = r.trainings().FindById(*id);
                EXPECT_THAT(found, IsOk());
                Training expected = Sample(cfa_);
                expected.id = *id;
                EXPECT_EQ(found->input, expected.input);
                EXPECT_EQ(found->organisation_id, cfa_);
                EXPECT_EQ(found->created_by, user_);
                EXPECT_FALSE(found->published);
                EXPECT_EQ(found->created_at, 10);
                EXPECT_EQ(found->updated_at, 11);
                EXPECT_TRUE(r.trainings().ListPublished()->empty());

                Training changed = *found;
                changed.published = true;
                changed.input.places = 20;
                changed.input.start_dates = {"2027-09-01"};
                changed.updated_at = 12;
                EXPECT_THAT(r.trainings().Update(changed), IsOk());
                auto again = r.trainings().FindById(*id);
                EXPECT_EQ(again->input.places, 20);
                EXPECT_EQ(again->input.start_dates, std::vector<std::string>{"2027-09-01"});
                EXPECT_TRUE(again->published);
                EXPECT_EQ(r.trainings().ListPublished()->size(), 1u);
                EXPECT_EQ(r.trainings().ListByOrganisation(cfa_)->size(), 1u);
                EXPECT_TRUE(r.trainings().ListByOrganisation(other_)->empty());

                EXPECT_THAT(r.trainings().Delete(*id), IsOk());
                EXPECT_EQ(r.trainings().FindById(*id).error().code, ErrorCode::kNotFound);
                EXPECT_EQ(r.trainings().Delete(*id).error().code, ErrorCode::kNotFound);
                Training unknown = changed;
                unknown.id = *id + 100;
                EXPECT_EQ(r.trainings().Update(unknown).error().code, ErrorCode::kNotFound);
                return Ok();
              }),
              IsOk());
}

TEST_P(TrainingsContract, OneTrainingPerCertificationAndSiteForACfa) {
  ASSERT_THAT(Write([&](Repositories& r) -> Status {
                EXPECT_THAT(r.trainings().Create(Sample(cfa_)), IsOk());
                EXPECT_THAT(r.trainings().Create(Sample(other_)), IsOk());  // another CFA may
                return Ok();
              }),
              IsOk());
  auto twin = Write([&](Repositories& r) -> Status {
    auto id = r.trainings().Create(Sample(cfa_));
    return id ? Ok() : Status(Fail(id.error()));
  });
  ASSERT_FALSE(twin);
  EXPECT_EQ(twin.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(TrainingsContract, CertificationsAreFoundByRncpOrCfdWithTheirJobs) {
  ASSERT_THAT(Write([&](Repositories& r) -> Status {
                EXPECT_FALSE(*r.trainings().HasCertifications());
                auto c = r.reference().Sync(
                    reference::tables::Certifications(),
                    {{"100001", "CAP Cuisine", "CAP", "3", "RNCP37859", "50022137", "1", "1"},
                     {"100002", "Titre sans niveau", "TP", std::nullopt, "RNCP1", std::nullopt, "2",
                      std::nullopt}});
                if (!c) return Fail(c.error());
                auto links =
                    r.reference().Sync(reference::tables::CertificationRome(),
                                       {{"100001", "G1603", "2"}, {"100001", "G1602", "1"}});
                if (!links) return Fail(links.error());
                EXPECT_TRUE(*r.trainings().HasCertifications());
                auto by_rncp = r.trainings().FindCertification("RNCP37859", "");
                EXPECT_THAT(by_rncp, IsOk());
                EXPECT_TRUE(by_rncp->has_value());
                EXPECT_EQ((*by_rncp)->label, "CAP Cuisine");
                EXPECT_EQ((*by_rncp)->level, 3);
                EXPECT_EQ((*by_rncp)->cfd_code, "50022137");
                EXPECT_EQ((*by_rncp)->rome_codes, (std::vector<std::string>{"G1602", "G1603"}));
                auto by_cfd = r.trainings().FindCertification("", "50022137");
                EXPECT_TRUE(by_cfd->has_value());
                EXPECT_EQ((*by_cfd)->certifinfo_code, "100001");
                auto no_level = r.trainings().FindCertification("RNCP1", "");
                EXPECT_TRUE(no_level->has_value());
                EXPECT_EQ((*no_level)->level, 0);
                EXPECT_EQ((*no_level)->cfd_code, "");
                EXPECT_TRUE((*no_level)->rome_codes.empty());
                EXPECT_FALSE(r.trainings().FindCertification("RNCP999", "12345678")->has_value());
                return Ok();
              }),
              IsOk());
}

INSTANTIATE_TEST_SUITE_P(Stores, TrainingsContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::storage
