#include "domain/people/organisation_service.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"
#include "domain/people/account_service.h"

namespace maplace::people {
namespace {

constexpr char kPassword[] = "un manguier à Sainte-Anne";

OrganisationForm Bakery(std::string siret = "12345678900015") {
  OrganisationForm form;
  form.kind = OrganisationKind::kEmployer;
  form.name = "Boulangerie du Morne";
  form.siret = std::move(siret);
  form.address = "12 rue Victor Hugo";
  form.commune_code = "97213";
  form.headcount = "1-9";
  form.idcc = "843";
  form.naf = "10.71C";
  return form;
}

class OrganisationServiceTest : public ::testing::Test {
 protected:
  fakes::InMemoryStore store_;
  crypto::PasswordHasher hasher_{crypto::PasswordHasher::Minimum()};
  PasswordPolicy policy_{"password123456\n"};
  LoginThrottle throttle_;
  ManualClock clock_{1'800'000'000};
  AccountService accounts_{store_,    hasher_, policy_,
                           throttle_, clock_,  AccountSettings{"https://example.test"}};
  OrganisationService organisations_{store_, clock_, "https://example.test"};
  Actor advisor_{900, Role::kAdvisor, "conseil@example.test", "Conseil", false, {}, ""};

  Organisation OnlyOrganisation() {
    Organisation found;
    EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
      auto all = r.organisations().List();
      EXPECT_EQ(all->size(), 1u);
      found = all->front();
      return Ok();
    }),
                IsOk());
    return found;
  }
  Organisation Find(std::int64_t id) {
    Organisation found;
    EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
      found = *r.organisations().FindById(id);
      return Ok();
    }),
                IsOk());
    return found;
  }
  std::vector<std::string> AuditActions() {
    std::vector<std::string> out;
    EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
      auto events = *r.audit().Latest(100);
      for (const auto& e : events) out.push_back(e.action);
      return Ok();
    }),
                IsOk());
    return out;
  }
};

TEST_F(OrganisationServiceTest, AnInvalidSiretIsRefusedInFrenchAndNothingIsStored) {
  auto done = accounts_.SignUpOrganisation(Bakery("12345678900016"), "patron@example.mq",
                                           "Jean Patron", kPassword, "");
  ASSERT_THAT(done, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(done.error().fields.at("siret").find("n'existe pas"), std::string::npos);
  EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
    EXPECT_TRUE(r.organisations().List()->empty());
    EXPECT_TRUE(r.outbox().Latest(10)->empty());
    return Ok();
  }),
              IsOk());
}

TEST_F(OrganisationServiceTest, TheFormChecksEveryField) {
  OrganisationForm form;
  form.kind = OrganisationKind::kCfa;
  form.siret = "123";
  form.idcc = "12a";
  form.naf = "ABCDE";
  form.name = "<script>alert(1)</script>";
  auto checked = CheckOrganisationForm(form);
  ASSERT_THAT(checked, HasErrorCode(ErrorCode::kInvalidArgument));
  for (const char* field :
       {"name", "siret", "uai", "address", "commune_code", "headcount", "idcc", "naf"})
    EXPECT_TRUE(checked.error().fields.count(field)) << field;
  auto fine = CheckOrganisationForm(Bakery("123 456 789 00015"));
  ASSERT_THAT(fine, IsOk());
  EXPECT_EQ(fine->siret, "12345678900015");
  EXPECT_EQ(fine->idcc, "0843");
  EXPECT_EQ(fine->naf, "1071C");
}

TEST_F(OrganisationServiceTest, AnUnknownSiretWaitsForAnAdvisorWhoValidates) {
  ASSERT_THAT(accounts_.SignUpOrganisation(Bakery(), "patron@example.mq", "Jean Patron", kPassword,
                                           "1.2.3.4"),
              IsOk());
  auto organisation = OnlyOrganisation();
  EXPECT_EQ(organisation.status, OrganisationStatus::kPending);
  EXPECT_EQ(organisation.idcc, "0843");
  auto queue = organisations_.Queue(advisor_);
  ASSERT_THAT(queue, IsOk());
  ASSERT_EQ(queue->size(), 1u);
  ASSERT_EQ(queue->front().members.size(), 1u);
  EXPECT_EQ(queue->front().members.front().role, MemberRole::kAdmin);
  EXPECT_EQ(queue->front().members.front().user.role, Role::kEmployer);

  Actor employer{queue->front().members.front().user.id,
                 Role::kEmployer,
                 "",
                 "",
                 false,
                 Membership{organisation.id, 0, MemberRole::kAdmin},
                 ""};
  EXPECT_THAT(organisations_.Queue(employer), HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(organisations_.Validate(employer, organisation.id, ""),
              HasErrorCode(ErrorCode::kPermissionDenied));

  ASSERT_THAT(organisations_.Validate(advisor_, organisation.id, "10.0.0.1"), IsOk());
  EXPECT_EQ(Find(organisation.id).status, OrganisationStatus::kValidated);
  EXPECT_TRUE(organisations_.Queue(advisor_)->empty());
  EXPECT_EQ(AuditActions().front(), "organisation.validated");
  EXPECT_THAT(organisations_.Refuse(advisor_, organisation.id, "trop tard", ""),
              HasErrorCode(ErrorCode::kFailedPrecondition));
}

TEST_F(OrganisationServiceTest, AdvisorsAreToldOfANewOrganisationAtOnce) {
  ASSERT_THAT(accounts_.CreateUser({"lea@conseil.mq", "Léa", Role::kAdvisor, kPassword}), IsOk());
  ASSERT_THAT(accounts_.CreateUser({"jo@jeune.mq", "Jo", Role::kYoungPerson, kPassword}), IsOk());
  ASSERT_THAT(
      accounts_.SignUpOrganisation(Bakery(), "patron@example.mq", "Jean Patron", kPassword, ""),
      IsOk());
  std::vector<std::string> recipients;
  EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
    auto mails = *r.outbox().Latest(10);
    for (const auto& m : mails)
      if (m.mail.subject.find("Nouvelle organisation") != std::string::npos)
        recipients.push_back(m.mail.to);
    return Ok();
  }),
              IsOk());
  EXPECT_EQ(recipients, std::vector<std::string>{"lea@conseil.mq"});
}

TEST_F(OrganisationServiceTest, AKnownSiretIsValidatedAtOnce) {
  // A CFA of the reference list.
  ASSERT_THAT(store_.Write([](Repositories& r) -> Status {
    reference::TableSpec spec{"cfas", {{"siret"}, {"uai"}, {"name"}}, 1, {}};
    return r.reference()
        .Sync(spec, {{std::string("88000000000013"), std::string("9720001A"),
                      std::string("CFA de test")}})
        .map([](auto) {});
  }),
              IsOk());
  OrganisationForm cfa = Bakery("88000000000013");
  cfa.kind = OrganisationKind::kCfa;
  cfa.uai = "9720001a";
  ASSERT_THAT(accounts_.SignUpOrganisation(cfa, "cfa@example.mq", "Anne CFA", kPassword, ""),
              IsOk());
  EXPECT_EQ(OnlyOrganisation().status, OrganisationStatus::kValidated);
  EXPECT_EQ(OnlyOrganisation().uai, "9720001A");
  EXPECT_EQ(AuditActions().front(), "organisation.validated_known_siret");
}

TEST_F(OrganisationServiceTest, AnotherEstablishmentOfAValidatedCompanyIsValidatedAtOnce) {
  ASSERT_THAT(accounts_.SignUpOrganisation(Bakery("52345678900016"), "a@example.mq", "Anne A",
                                           kPassword, ""),
              IsOk());
  const auto first = OnlyOrganisation();
  ASSERT_THAT(organisations_.Validate(advisor_, first.id, ""), IsOk());
  ASSERT_THAT(accounts_.SignUpOrganisation(Bakery("52345678900024"), "b@example.mq", "Bruno B",
                                           kPassword, ""),
              IsOk());
  // The same SIRET again is refused: its members invite newcomers.
  auto again = accounts_.SignUpOrganisation(Bakery("52345678900016"), "c@example.mq", "Cécile C",
                                            kPassword, "");
  ASSERT_THAT(again, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(again.error().fields.count("siret"));
  EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
    auto all = *r.organisations().List();
    EXPECT_EQ(all.size(), 2u);
    for (const auto& o : all) EXPECT_EQ(o.status, OrganisationStatus::kValidated);
    return Ok();
  }),
              IsOk());
}

TEST_F(OrganisationServiceTest, DetailsRequestedThenCorrectedGoBackToTheQueue) {
  ASSERT_THAT(
      accounts_.SignUpOrganisation(Bakery(), "patron@example.mq", "Jean Patron", kPassword, ""),
      IsOk());
  auto organisation = OnlyOrganisation();
  EXPECT_THAT(organisations_.RequestDetails(advisor_, organisation.id, "  ", ""),
              HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(
      organisations_.RequestDetails(advisor_, organisation.id, "Quelle est votre adresse ?", ""),
      IsOk());
  EXPECT_EQ(Find(organisation.id).status, OrganisationStatus::kDetailsRequested);
  bool mailed = false;
  EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
    auto mails = *r.outbox().Latest(10);
    for (const auto& m : mails)
      mailed |= m.mail.to == "patron@example.mq" &&
                m.mail.body.find("Quelle est votre adresse ?") != std::string::npos;
    return Ok();
  }),
              IsOk());
  EXPECT_TRUE(mailed);
  auto members = organisations_.Queue(advisor_)->front().members;
  Actor admin{members.front().user.id,
              Role::kEmployer,
              "",
              "",
              false,
              Membership{organisation.id, members.front().user.id, MemberRole::kAdmin},
              ""};
  OrganisationForm corrected = Bakery();
  corrected.address = "14 rue Victor Hugo";
  ASSERT_THAT(organisations_.UpdateDetails(admin, corrected), IsOk());
  EXPECT_EQ(Find(organisation.id).status, OrganisationStatus::kPending);
  EXPECT_EQ(Find(organisation.id).address, "14 rue Victor Hugo");
  ASSERT_THAT(organisations_.Refuse(advisor_, organisation.id, "Entreprise fermée.", ""), IsOk());
  EXPECT_EQ(Find(organisation.id).status, OrganisationStatus::kRefused);
  EXPECT_EQ(Find(organisation.id).status_reason, "Entreprise fermée.");
  EXPECT_EQ(AuditActions().front(), "organisation.refused");
}

}  // namespace
}  // namespace maplace::people
