// CVs, applications and the recruiters' replies (migration 0012) on SQLite and on PostgreSQL
// (MAPLACE_TEST_POSTGRES_URL, set by script/test).
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using applications::Application;
using applications::ApplicationStatus;
using applications::CvDocument;
using applications::Reply;

class ApplicationsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto user = [&](const std::string& email, people::Role role) {
        return *r.users().Create(
            people::User{0, email, "Nom", role, people::UserStatus::kActive, "x", false, 1, 1});
      };
      employer_ = user("chef@example.mq", people::Role::kEmployer);
      young_ = user("lea@example.mq", people::Role::kYoungPerson);
      other_ = user("tom@example.mq", people::Role::kYoungPerson);
      people::Organisation o;
      o.name = "Restaurant";
      o.created_at = 1;
      organisation_ = *r.organisations().Create(o);
      offers::Offer offer;
      offer.organisation_id = organisation_;
      offer.created_by = employer_;
      offer.input.rome_code = "G1602";
      offer.input.title = "Apprenti cuisinier";
      offer.input.level = 3;
      offer.input.duration_months = 24;
      offer.input.description = "Cuisine.";
      offer.input.commune_code = "97213";
      offer.created_at = offer.updated_at = 1;
      offer_ = *r.offers().Create(offer);
      return Ok();
    }),
                IsOk());
  }

  Application Sample(std::int64_t applicant, std::int64_t cv) {
    Application a;
    a.offer_id = offer_;
    a.organisation_id = organisation_;
    a.applicant_id = applicant;
    a.message = "Bonjour, je suis motivée « vraiment » : l'été créole.";
    a.start_date = "2027-09-01";
    a.rhythm = "2/3";
    a.cfa_place = "in_progress";
    a.cv_document_id = cv;
    a.created_at = a.updated_at = 100;
    return a;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
  std::int64_t employer_ = 0, young_ = 0, other_ = 0, organisation_ = 0, offer_ = 0;
};

TEST_P(ApplicationsContract, ApplicationsRepliesAndCvsRoundTrip) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& repo = r.applications();
    EXPECT_THAT(repo.LatestCv(young_), HasErrorCode(ErrorCode::kNotFound));
    CvDocument cv{0, young_, "random1", "cv.pdf", "application/pdf", 42, "abc", 50};
    auto first = repo.AddCv(cv);
    EXPECT_THAT(first, IsOk());
    cv.stored_name = "random2";
    cv.content_type = std::string(applications::kDocxType);
    auto second = repo.AddCv(cv);
    EXPECT_THAT(second, IsOk());
    EXPECT_EQ(repo.LatestCv(young_).value().id, *second);
    EXPECT_EQ(repo.FindCv(*first).value().stored_name, "random1");
    EXPECT_EQ(repo.FindCv(*first).value().size_bytes, 42);

    auto id = repo.Create(Sample(young_, *second));
    EXPECT_THAT(id, IsOk());
    auto other = repo.Create(Sample(other_, 0));
    EXPECT_THAT(other, IsOk());
    auto found = repo.FindById(*id);
    EXPECT_THAT(found, IsOk());
    EXPECT_EQ(found->message, Sample(young_, 0).message);
    EXPECT_EQ(found->cfa_place, "in_progress");
    EXPECT_EQ(found->cv_document_id, *second);
    EXPECT_EQ(found->status, ApplicationStatus::kNew);
    EXPECT_EQ(repo.CountForOffer(offer_).value(), 2);
    EXPECT_EQ(repo.ListByApplicant(young_).value().size(), 1u);
    auto inbox = repo.ListByOrganisation(organisation_).value();
    EXPECT_EQ(inbox.size(), 2u);
    EXPECT_EQ(inbox.front().id, *other);  // newest first
    EXPECT_EQ(repo.ListByCv(*second).value().size(), 1u);
    EXPECT_TRUE(repo.ListByCv(0).value().empty());
    EXPECT_EQ(repo.ListUnansweredSince(100).value().size(), 2u);
    EXPECT_TRUE(repo.ListUnansweredSince(99).value().empty());

    found->status = ApplicationStatus::kInterview;
    found->seen_at = 110;
    found->updated_at = 120;
    EXPECT_THAT(repo.Update(*found), IsOk());
    EXPECT_EQ(repo.FindById(*id).value().status, ApplicationStatus::kInterview);
    EXPECT_EQ(repo.FindById(*id).value().seen_at, 110);
    EXPECT_EQ(repo.ListUnansweredSince(200).value().size(), 1u);
    found->id = 999999;
    EXPECT_THAT(repo.Update(*found), HasErrorCode(ErrorCode::kNotFound));

    EXPECT_THAT(repo.AddReply(Reply{0, *id, employer_, "interview", "Lundi 10 h", 130}), IsOk());
    EXPECT_THAT(repo.AddReply(Reply{0, *id, employer_, "refusal", "Non", 140}), IsOk());
    auto replies = repo.Replies(*id).value();
    EXPECT_EQ(replies.size(), 2u);
    EXPECT_EQ(replies.front().body, "Lundi 10 h");
    EXPECT_EQ(replies.back().kind, "refusal");
    return Ok();
  }),
              IsOk());
}

TEST_P(ApplicationsContract, OnePersonAppliesOnceToAnOffer) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto id = r.applications().Create(Sample(young_, 0));
    if (!id) return Fail(id.error());
    return Ok();
  }),
              IsOk());
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto id = r.applications().Create(Sample(young_, 0));
    if (!id) return Fail(id.error());
    return Ok();
  }),
              HasErrorCode(ErrorCode::kAlreadyExists));
}

INSTANTIATE_TEST_SUITE_P(Stores, ApplicationsContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::storage
