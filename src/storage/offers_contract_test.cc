// Organisations' validation columns, offers and their reports (migration 0011) on SQLite and
// on PostgreSQL (MAPLACE_TEST_POSTGRES_URL, set by script/test).
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/reference/tables.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using offers::Offer;
using offers::OfferReport;
using offers::OfferState;
using people::Organisation;
using people::OrganisationStatus;

class OffersContract : public ::testing::TestWithParam<std::string> {
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
                        "chef@example.mq",
                        "Chef",
                        people::Role::kEmployer,
                        people::UserStatus::kActive,
                        "x",
                        false,
                        1,
                        1};
      auto id = r.users().Create(user);
      if (!id) return Fail(id.error());
      user_ = *id;
      return Ok();
    }),
                IsOk());
  }

  Status Write(const std::function<Status(Repositories&)>& work) { return store_->Write(work); }

  std::int64_t MakeOrganisation(const std::string& siret, OrganisationStatus status) {
    std::int64_t id = 0;
    EXPECT_THAT(Write([&](Repositories& r) -> Status {
                  Organisation o;
                  o.name = "Restaurant " + siret;
                  o.siret = siret;
                  o.address = "1 rue de la Liberté";
                  o.commune_code = "97213";
                  o.headcount = "1-9";
                  o.idcc = "1979";
                  o.naf = "5610A";
                  o.status = status;
                  o.status_reason = "motif";
                  o.status_changed_at = 42;
                  o.created_at = 41;
                  auto created = r.organisations().Create(o);
                  if (!created) return Fail(created.error());
                  id = *created;
                  return Ok();
                }),
                IsOk());
    return id;
  }

  Offer SampleOffer(std::int64_t organisation) {
    Offer o;
    o.organisation_id = organisation;
    o.created_by = user_;
    o.input.rome_code = "G1602";
    o.input.title = "Apprenti cuisinier « créole »";
    o.input.level = 3;
    o.input.contract = offers::ContractKind::kProfessionalisation;
    o.input.start_date = "2027-09-01";
    o.input.duration_months = 24;
    o.input.positions = 2;
    o.input.rhythm = "2 jours / 3 jours";
    o.input.description = "Une description assez longue pour passer.";
    o.input.commune_code = "97213";
    o.input.pause_after_applications = 10;
    o.created_at = o.updated_at = 100;
    return o;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
  std::int64_t user_ = 0;
};

TEST_P(OffersContract, OrganisationDetailsAndStatusRoundTrip) {
  auto id = MakeOrganisation("12345678900015", OrganisationStatus::kPending);
  ASSERT_THAT(Write([&](Repositories& r) -> Status {
                auto found = r.organisations().FindById(id);
                EXPECT_THAT(found, IsOk());
                EXPECT_EQ(found->status, OrganisationStatus::kPending);
                EXPECT_EQ(found->idcc, "1979");
                EXPECT_EQ(found->naf, "5610A");
                EXPECT_EQ(found->status_changed_at, 42);
                EXPECT_EQ(r.organisations().AwaitingValidation()->size(), 1u);
                EXPECT_FALSE(*r.organisations().SiretKnown("12345678900015"));
                found->status = OrganisationStatus::kValidated;
                found->address = "2 rue Schœlcher";
                EXPECT_THAT(r.organisations().Update(*found), IsOk());
                auto again = r.organisations().FindById(id);
                EXPECT_EQ(again->status, OrganisationStatus::kValidated);
                EXPECT_EQ(again->address, "2 rue Schœlcher");
                EXPECT_TRUE(r.organisations().AwaitingValidation()->empty());
                // Another establishment of the same company (same SIREN) is known; another company
                // not.
                EXPECT_TRUE(*r.organisations().SiretKnown("12345678900023"));
                EXPECT_FALSE(*r.organisations().SiretKnown("52345678900016"));
                auto by_siret = r.organisations().FindBySiret("12345678900015");
                EXPECT_TRUE(by_siret.value().has_value());
                EXPECT_FALSE(r.organisations().FindBySiret("52345678900016").value().has_value());
                found->id = 999999;
                EXPECT_THAT(r.organisations().Update(*found), HasErrorCode(ErrorCode::kNotFound));
                return Ok();
              }),
              IsOk());
}

TEST_P(OffersContract, CfasOfTheReferenceListAndAgreementsAreKnown) {
  ASSERT_THAT(
      Write([&](Repositories& r) -> Status {
        auto cfas = r.reference().Sync(
            reference::tables::Cfas(),
            {{"88000000000013", "9720001A", "CFA test", std::nullopt, "1 rue", "97200", "FdF"}});
        if (!cfas) return Fail(cfas.error());
        auto agreements = r.reference().Sync(reference::tables::CollectiveAgreements(),
                                             {{"1979", "Hôtels, cafés, restaurants", "HCR"}});
        if (!agreements) return Fail(agreements.error());
        EXPECT_TRUE(*r.organisations().SiretKnown("88000000000013"));
        EXPECT_EQ(*r.organisations().AgreementTitle("1979"), "Hôtels, cafés, restaurants");
        EXPECT_EQ(*r.organisations().AgreementTitle("9999"), "");
        EXPECT_EQ(*r.organisations().AgreementTitle(""), "");
        return Ok();
      }),
      IsOk());
}

TEST_P(OffersContract, OffersRoundTripAndListByState) {
  const auto organisation = MakeOrganisation("12345678900015", OrganisationStatus::kValidated);
  std::int64_t id = 0;
  ASSERT_THAT(Write([&](Repositories& r) -> Status {
                auto created = r.offers().Create(SampleOffer(organisation));
                if (!created) return Fail(created.error());
                id = *created;
                auto found = r.offers().FindById(id);
                EXPECT_THAT(found, IsOk());
                EXPECT_EQ(found->input.title, "Apprenti cuisinier « créole »");
                EXPECT_EQ(found->input.contract, offers::ContractKind::kProfessionalisation);
                EXPECT_EQ(found->input.pause_after_applications, 10);
                EXPECT_EQ(found->state, OfferState::kDraft);
                EXPECT_TRUE(r.offers().ListOpen()->empty());
                found->state = OfferState::kPublished;
                found->published_at = 200;
                found->expires_at = 1000;
                found->extension_token_hash = "abc";
                found->applications = 3;
                EXPECT_THAT(r.offers().Update(*found), IsOk());
                EXPECT_EQ(r.offers().ListOpen()->size(), 1u);
                EXPECT_EQ(r.offers().ListPublishedExpiringBy(999)->size(), 0u);
                EXPECT_EQ(r.offers().ListPublishedExpiringBy(1000)->size(), 1u);
                auto by_token = r.offers().FindByExtensionToken("abc");
                EXPECT_THAT(by_token, IsOk());
                EXPECT_EQ(by_token->applications, 3);
                EXPECT_THAT(r.offers().FindByExtensionToken(""),
                            HasErrorCode(ErrorCode::kNotFound));
                found->hidden = true;
                EXPECT_THAT(r.offers().Update(*found), IsOk());
                EXPECT_TRUE(r.offers().ListOpen()->empty());
                EXPECT_EQ(r.offers().ListByOrganisation(organisation)->size(), 1u);
                EXPECT_TRUE(r.offers().ListByOrganisation(organisation + 1)->empty());
                found->id = 999999;
                EXPECT_THAT(r.offers().Update(*found), HasErrorCode(ErrorCode::kNotFound));
                return Ok();
              }),
              IsOk());
}

// Each CFA receives an offer once; the CFA's list is newest first.
TEST_P(OffersContract, RelaysAreRecordedOncePerCfa) {
  const auto employer = MakeOrganisation("12345678900015", OrganisationStatus::kValidated);
  const auto cfa_a = MakeOrganisation("12345678900023", OrganisationStatus::kValidated);
  const auto cfa_b = MakeOrganisation("12345678900031", OrganisationStatus::kValidated);
  ASSERT_THAT(Write([&](Repositories& r) -> Status {
                auto first = *r.offers().Create(SampleOffer(employer));
                auto second = *r.offers().Create(SampleOffer(employer));
                EXPECT_THAT(r.offers().AddRelay({first, cfa_a, user_, 10}), IsOk());
                EXPECT_THAT(r.offers().AddRelay({first, cfa_b, user_, 11}), IsOk());
                EXPECT_THAT(r.offers().AddRelay({second, cfa_a, user_, 12}), IsOk());
                EXPECT_THAT(r.offers().AddRelay({first, cfa_a, user_, 13}),
                            HasErrorCode(ErrorCode::kAlreadyExists));
                EXPECT_EQ(*r.offers().RelaysOf(first),
                          (std::vector<offers::OfferRelay>{{first, cfa_a, user_, 10},
                                                           {first, cfa_b, user_, 11}}));
                EXPECT_EQ(*r.offers().RelaysTo(cfa_a),
                          (std::vector<offers::OfferRelay>{{second, cfa_a, user_, 12},
                                                           {first, cfa_a, user_, 10}}));
                return Ok();
              }),
              IsOk());
}

TEST_P(OffersContract, ReportsAreOpenUntilResolved) {
  const auto organisation = MakeOrganisation("12345678900015", OrganisationStatus::kValidated);
  ASSERT_THAT(
      Write([&](Repositories& r) -> Status {
        auto id = *r.offers().Create(SampleOffer(organisation));
        EXPECT_THAT(r.offers().AddReport(OfferReport{0, id, "fraud", "argent demandé", 5, false}),
                    IsOk());
        EXPECT_THAT(r.offers().AddReport(OfferReport{0, id, "other", "", 6, false}), IsOk());
        return Ok();
      }),
      IsOk());
  // The database refuses an unknown reason.
  EXPECT_FALSE(Write([&](Repositories& r) -> Status {
                 auto open = *r.offers().OpenReports();
                 return r.offers()
                     .AddReport(OfferReport{0, open.front().offer_id, "boring", "", 7, false})
                     .map([](auto) {});
               }).has_value());
  ASSERT_THAT(Write([&](Repositories& r) -> Status {
                auto open = *r.offers().OpenReports();
                EXPECT_EQ(open.size(), 2u);
                EXPECT_EQ(open.front().details, "argent demandé");
                EXPECT_THAT(r.offers().ResolveReports(open.front().offer_id), IsOk());
                EXPECT_TRUE(r.offers().OpenReports()->empty());
                return Ok();
              }),
              IsOk());
}

INSTANTIATE_TEST_SUITE_P(Stores, OffersContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::storage
