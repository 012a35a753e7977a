// Enquiries, their answers, CFAs' partners, report marks and unsubscribes (migration 0016) on
// SQLite and on PostgreSQL (MAPLACE_TEST_POSTGRES_URL, set by script/test).
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/outbox/unsubscribe.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using enquiries::Enquiry;
using enquiries::EnquiryKind;
using enquiries::EnquiryReply;
using enquiries::EnquiryStatus;
using enquiries::Partner;

class EnquiriesContract : public ::testing::TestWithParam<std::string> {
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
      staff_ = user("cfa@example.mq", people::Role::kCfa);
      young_ = user("lea@example.mq", people::Role::kYoungPerson);
      other_ = user("tom@example.mq", people::Role::kYoungPerson);
      people::Organisation o;
      o.name = "CFA Caraïbes";
      o.kind = people::OrganisationKind::kCfa;
      o.created_at = 1;
      cfa_ = *r.organisations().Create(o);
      o.name = "Autre CFA";
      other_cfa_ = *r.organisations().Create(o);
      offers::Offer offer;
      offer.organisation_id = cfa_;
      offer.created_by = staff_;
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

  Enquiry Sample(std::int64_t author, UnixSeconds at) {
    Enquiry e;
    e.kind = EnquiryKind::kSpontaneous;
    e.organisation_id = cfa_;
    e.author_id = author;
    e.message = "Bonjour « créole » : l'été.";
    e.start_date = "2027-09-01";
    e.rhythm = "2/3";
    e.cfa_place = "no";
    e.cv_document_id = 7;
    e.created_at = e.updated_at = at;
    return e;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
  std::int64_t staff_ = 0, young_ = 0, other_ = 0, cfa_ = 0, other_cfa_ = 0, offer_ = 0;
};

TEST_P(EnquiriesContract, EnquiriesAndRepliesRoundTrip) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& repo = r.enquiries();
    auto first = repo.Create(Sample(young_, 100));
    EXPECT_THAT(first, IsOk());
    Enquiry info = Sample(other_, 200);
    info.kind = EnquiryKind::kInformation;
    info.training_id = 3;
    info.subject = "admission";
    info.cfa_place = "";
    info.cv_document_id = 0;
    auto second = repo.Create(info);
    EXPECT_THAT(second, IsOk());
    auto found = repo.FindById(*first);
    EXPECT_THAT(found, IsOk());
    EXPECT_EQ(found->kind, EnquiryKind::kSpontaneous);
    EXPECT_EQ(found->message, "Bonjour « créole » : l'été.");
    EXPECT_EQ(found->start_date, "2027-09-01");
    EXPECT_EQ(found->cfa_place, "no");
    EXPECT_EQ(found->cv_document_id, 7);
    EXPECT_EQ(found->status, EnquiryStatus::kNew);
    EXPECT_EQ(repo.FindById(*second)->subject, "admission");
    EXPECT_EQ(repo.FindById(*second)->training_id, 3);
    EXPECT_THAT(repo.FindById(999), HasErrorCode(ErrorCode::kNotFound));

    EXPECT_EQ(repo.ListByOrganisation(cfa_)->size(), 2u);
    EXPECT_EQ(repo.ListByOrganisation(cfa_)->front().id, *second);  // newest first
    EXPECT_TRUE(repo.ListByOrganisation(other_cfa_)->empty());
    EXPECT_EQ(repo.ListByAuthor(young_)->size(), 1u);
    EXPECT_EQ(repo.ListByCv(7)->size(), 1u);
    EXPECT_TRUE(repo.ListByCv(0)->empty());
    EXPECT_EQ(*repo.CountByAuthorSince(young_, 100), 1);
    EXPECT_EQ(*repo.CountByAuthorSince(young_, 101), 0);
    EXPECT_EQ(repo.ListUnansweredSince(150)->size(), 1u);

    found->status = EnquiryStatus::kAnswered;
    found->seen_at = 110;
    found->reminded_at = 120;
    found->updated_at = 130;
    EXPECT_THAT(repo.Update(*found), IsOk());
    auto updated = repo.FindById(*first);
    EXPECT_EQ(updated->status, EnquiryStatus::kAnswered);
    EXPECT_EQ(updated->seen_at, 110);
    EXPECT_EQ(updated->reminded_at, 120);
    EXPECT_EQ(updated->updated_at, 130);
    EXPECT_TRUE(repo.ListUnansweredSince(1000)->size() == 1u);  // only the information one
    found->id = 999;
    EXPECT_THAT(repo.Update(*found), HasErrorCode(ErrorCode::kNotFound));

    EXPECT_THAT(repo.AddReply(EnquiryReply{0, *first, staff_, "no_position", "Pas de poste.", 140}),
                IsOk());
    EXPECT_THAT(repo.AddReply(EnquiryReply{0, *first, staff_, "answer", "Rappelez-nous.", 150}),
                IsOk());
    auto replies = repo.Replies(*first);
    EXPECT_EQ(replies->size(), 2u);
    EXPECT_EQ(replies->front().kind, "no_position");
    EXPECT_EQ(replies->back().body, "Rappelez-nous.");
    EXPECT_TRUE(repo.Replies(*second)->empty());
    return Ok();
  }),
              IsOk());
}

TEST_P(EnquiriesContract, PartnersBelongToTheirCfa) {
  std::int64_t zed = 0;
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& repo = r.enquiries();
    auto added =
        repo.AddPartner(Partner{0, cfa_, 0, "Zébulon SARL", "35600000000048", "", staff_, 5});
    EXPECT_THAT(added, IsOk());
    zed = added.value_or(0);
    EXPECT_THAT(
        repo.AddPartner(Partner{0, cfa_, 12, "Atelier", "73282932000074", "Note", staff_, 6}),
        IsOk());
    EXPECT_THAT(
        repo.AddPartner(Partner{0, other_cfa_, 0, "Zébulon", "35600000000048", "", staff_, 7}),
        IsOk());
    return Ok();
  }),
              IsOk());
  // The same SIRET twice for one CFA: refused (and that transaction rolled back).
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    return r.enquiries()
        .AddPartner(Partner{0, cfa_, 0, "Doublon", "35600000000048", "", staff_, 7})
        .map([](auto) {});
  }),
              HasErrorCode(ErrorCode::kAlreadyExists));
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    return r.enquiries().RemovePartner(other_cfa_, zed);
  }),
              HasErrorCode(ErrorCode::kNotFound));
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& repo = r.enquiries();
    auto mine = repo.Partners(cfa_);
    EXPECT_EQ(mine->size(), 2u);
    EXPECT_EQ(mine->front().name, "Atelier");
    EXPECT_EQ(mine->front().employer_organisation_id, 12);
    EXPECT_EQ(mine->front().note, "Note");
    EXPECT_THAT(repo.RemovePartner(cfa_, zed), IsOk());
    EXPECT_EQ(repo.Partners(cfa_)->size(), 1u);
    EXPECT_EQ(repo.Partners(other_cfa_)->size(), 1u);
    return Ok();
  }),
              IsOk());
}

TEST_P(EnquiriesContract, ReportMarksAreOncePerVisitorAndCountedPerClient) {
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    return r.enquiries().AddReportMark({offer_, "v1", "c1", 100});
  }),
              IsOk());
  // A second mark by the same visitor fails (and its transaction is rolled back).
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    return r.enquiries().AddReportMark({offer_, "v1", "c2", 101});
  }),
              HasErrorCode(ErrorCode::kAlreadyExists));
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    EXPECT_THAT(r.enquiries().AddReportMark({offer_, "v2", "c1", 102}), IsOk());
    EXPECT_EQ(*r.enquiries().CountReportMarksSince("c1", 100), 2);
    EXPECT_EQ(*r.enquiries().CountReportMarksSince("c1", 101), 1);
    EXPECT_EQ(*r.enquiries().CountReportMarksSince("c2", 0), 0);
    return Ok();
  }),
              IsOk());
}

TEST_P(EnquiriesContract, UnsubscribesAndTheirSecretAndTheOutboxLink) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto secret = r.unsubscribes().SigningKey();
    EXPECT_THAT(secret, IsOk());
    EXPECT_GE(secret->size(), 32u);
    EXPECT_FALSE(*r.unsubscribes().Contains("a@b.fr", "relayed_offers"));
    EXPECT_THAT(r.unsubscribes().Add("a@b.fr", "relayed_offers", 5), IsOk());
    EXPECT_THAT(r.unsubscribes().Add("a@b.fr", "relayed_offers", 6), IsOk());  // idempotent
    EXPECT_TRUE(*r.unsubscribes().Contains("a@b.fr", "relayed_offers"));
    EXPECT_FALSE(*r.unsubscribes().Contains("a@b.fr", "saved_searches"));
    auto mail = outbox::WithUnsubscribe(r, "https://x.test", outbox::kListRelayedOffers,
                                        Mail{"c@d.fr", "Sujet", "Corps", ""});
    EXPECT_THAT(mail, IsOk());
    auto id = r.outbox().Enqueue(*mail, 10);
    EXPECT_THAT(id, IsOk());
    auto stored = r.outbox().FindById(*id);
    EXPECT_EQ(stored->mail.list_unsubscribe, mail->list_unsubscribe);
    EXPECT_NE(stored->mail.list_unsubscribe.find("https://x.test/desabonnement?"),
              std::string::npos);
    return Ok();
  }),
              IsOk());
  // Two stores (two databases) have different secrets: a link of one is no link of the other.
  TestDatabase other(GetParam());
  auto second = OpenAndMigrate(StorageConfig{other.url(), 1});
  ASSERT_THAT(second, IsOk());
  std::string a, b;
  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    a = *r.unsubscribes().SigningKey();
    return Ok();
  }),
              IsOk());
  ASSERT_THAT((*second)->Read([&](Repositories& r) -> Status {
    b = *r.unsubscribes().SigningKey();
    return Ok();
  }),
              IsOk());
  EXPECT_NE(a, b);
}

INSTANTIATE_TEST_SUITE_P(Databases, EnquiriesContract, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace maplace::storage
