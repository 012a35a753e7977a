#include "domain/enquiries/enquiry_service.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::enquiries {
namespace {

using people::Actor;
using people::MemberRole;
using people::Membership;
using people::Organisation;
using people::OrganisationKind;
using people::OrganisationStatus;
using people::Role;

constexpr UnixSeconds kDay = 24 * 3600;
constexpr UnixSeconds kStart = 1'800'000'000;  // 2027-01-15

applications::ApplicationInput Facts() {
  applications::ApplicationInput in;
  in.message = "Bonjour, j'aimerais apprendre la cuisine créole chez vous.";
  in.rhythm = "2 jours école / 3 jours entreprise";
  in.cfa_place = "yes";
  in.with_cv = false;
  return in;
}

InformationInput Question(std::int64_t training = 0) {
  return InformationInput{training, "dates", "Quand commence la prochaine session ?"};
}

class EnquiryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      employer_a_org_ = MakeOrganisation(r, "Restaurant Bèlè", OrganisationKind::kEmployer,
                                         OrganisationStatus::kValidated, "73282932000074");
      employer_b_org_ = MakeOrganisation(r, "Garage du Nord", OrganisationKind::kEmployer,
                                         OrganisationStatus::kValidated, "55210055400013");
      pending_org_ = MakeOrganisation(r, "En attente", OrganisationKind::kEmployer,
                                      OrganisationStatus::kPending, "");
      cfa_a_org_ = MakeOrganisation(r, "CFA Caraïbes", OrganisationKind::kCfa,
                                    OrganisationStatus::kValidated, "");
      cfa_b_org_ = MakeOrganisation(r, "CFA du Nord", OrganisationKind::kCfa,
                                    OrganisationStatus::kValidated, "");
      employer_a_ = Member(r, employer_a_org_, "chef@example.mq", Role::kEmployer);
      employer_b_ = Member(r, employer_b_org_, "garage@example.mq", Role::kEmployer);
      cfa_a_ = Member(r, cfa_a_org_, "cfa@example.mq", Role::kCfa);
      cfa_b_ = Member(r, cfa_b_org_, "nord@example.mq", Role::kCfa);
      young_ = MakeUser(r, "lea@example.mq", "Léa", Role::kYoungPerson);
      other_young_ = MakeUser(r, "tom@example.mq", "Tom", Role::kYoungPerson);
      training_a_ = MakeTraining(r, cfa_a_org_, "CAP Cuisine");
      training_b_ = MakeTraining(r, cfa_b_org_, "CAP Mécanique");
      return Ok();
    }),
                IsOk());
  }

  static std::int64_t MakeOrganisation(Repositories& r, const std::string& name,
                                       OrganisationKind kind, OrganisationStatus status,
                                       const std::string& siret) {
    Organisation o;
    o.name = name;
    o.kind = kind;
    o.status = status;
    o.siret = siret;
    return *r.organisations().Create(o);
  }
  static std::int64_t MakeUser(Repositories& r, const std::string& email, const std::string& name,
                               Role role) {
    people::User user{0,   email, name,   role,  people::UserStatus::kActive,
                      "x", false, kStart, kStart};
    return *r.users().Create(user);
  }
  static std::int64_t Member(Repositories& r, std::int64_t org, const std::string& email,
                             Role role) {
    auto id = MakeUser(r, email, email.substr(0, email.find('@')), role);
    EXPECT_THAT(r.organisations().AddMember({org, id, MemberRole::kAdmin}), IsOk());
    return id;
  }
  static std::int64_t MakeTraining(Repositories& r, std::int64_t org, const std::string& title) {
    trainings::Training t;
    t.organisation_id = org;
    t.input.title = title;
    t.published = true;
    return *r.trainings().Create(t);
  }

  Actor Staff(std::int64_t user, std::int64_t org, Role role) {
    return Actor{user, role, "x@example.mq", "X", false, Membership{org, user, MemberRole::kAdmin},
                 ""};
  }
  Actor EmployerA() { return Staff(employer_a_, employer_a_org_, Role::kEmployer); }
  Actor EmployerB() { return Staff(employer_b_, employer_b_org_, Role::kEmployer); }
  Actor CfaA() { return Staff(cfa_a_, cfa_a_org_, Role::kCfa); }
  Actor CfaB() { return Staff(cfa_b_, cfa_b_org_, Role::kCfa); }
  Actor Young() {
    return Actor{young_, Role::kYoungPerson, "lea@example.mq", "Léa", false, {}, ""};
  }
  Actor OtherYoung() {
    return Actor{other_young_, Role::kYoungPerson, "tom@example.mq", "Tom", false, {}, ""};
  }

  std::vector<outbox::OutboxMail> MailsTo(const std::string& to) {
    std::vector<outbox::OutboxMail> out;
    EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
      auto latest = r.outbox().Latest(500);
      for (auto& m : *latest)
        if (m.mail.to == to) out.push_back(m);
      return Ok();
    }),
                IsOk());
    return out;
  }

  fakes::InMemoryStore store_;
  ManualClock clock_{kStart};
  EnquiryService service_{store_, clock_, EnquirySettings{{}, "https://example.test"}};
  std::int64_t employer_a_org_ = 0, employer_b_org_ = 0, pending_org_ = 0, cfa_a_org_ = 0,
               cfa_b_org_ = 0, employer_a_ = 0, employer_b_ = 0, cfa_a_ = 0, cfa_b_ = 0, young_ = 0,
               other_young_ = 0, training_a_ = 0, training_b_ = 0;
};

TEST_F(EnquiryServiceTest, ASpontaneousApplicationReachesItsEmployerOnlyAndIsAnswered) {
  auto id = service_.ApplySpontaneously(Young(), employer_a_org_, Facts());
  ASSERT_THAT(id, IsOk());
  ASSERT_EQ(MailsTo("chef@example.mq").size(), 1u);
  EXPECT_NE(MailsTo("chef@example.mq")[0].mail.body.find("/employeur/candidatures-spontanees/"),
            std::string::npos);
  EXPECT_TRUE(MailsTo("garage@example.mq").empty());

  // The other employer, the CFAs and another young person see nothing of it.
  EXPECT_EQ(service_.InboxOf(EmployerB(), std::nullopt)->total, 0);
  EXPECT_EQ(service_.InboxOf(CfaA(), std::nullopt)->total, 0);
  EXPECT_THAT(service_.View(EmployerB(), *id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.View(OtherYoung(), *id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.MarkSeen(EmployerB(), *id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.Answer(EmployerB(), *id, "answer", "Bonjour"),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.Close(EmployerB(), *id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.ReadCv(EmployerB(), *id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_TRUE(service_.Mine(OtherYoung())->empty());

  auto inbox = service_.InboxOf(EmployerA(), std::nullopt);
  ASSERT_THAT(inbox, IsOk());
  ASSERT_EQ(inbox->entries.size(), 1u);
  EXPECT_EQ(inbox->kind, EnquiryKind::kSpontaneous);
  EXPECT_EQ(inbox->entries[0].author_email, "lea@example.mq");
  EXPECT_EQ(inbox->entries[0].enquiry.cfa_place, "yes");
  EXPECT_THAT(service_.MarkSeen(EmployerA(), *id), IsOk());
  EXPECT_EQ(service_.View(Young(), *id)->enquiry.status, EnquiryStatus::kSeen);

  // The interview template needs slots; an information answer kind is refused.
  EXPECT_THAT(service_.Answer(EmployerA(), *id, "interview", " "),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(service_.Answer(EmployerA(), *id, "bogus", "x"),
              HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(service_.Answer(EmployerA(), *id, "no_position", ""), IsOk());
  auto mine = service_.Mine(Young());
  ASSERT_THAT(mine, IsOk());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].enquiry.status, EnquiryStatus::kAnswered);
  ASSERT_EQ((*mine)[0].replies.size(), 1u);
  EXPECT_NE((*mine)[0].replies[0].body.find("pas de poste en alternance pour le moment"),
            std::string::npos);
  EXPECT_TRUE((*mine)[0].author_email.empty());
  auto to_young = MailsTo("lea@example.mq");
  ASSERT_EQ(to_young.size(), 1u);
  EXPECT_NE(to_young[0].mail.body.find("/mes-messages"), std::string::npos);
  EXPECT_TRUE(to_young[0].mail.list_unsubscribe.empty());  // transactional

  ASSERT_THAT(service_.Close(Young(), *id), IsOk());
  EXPECT_THAT(service_.Answer(EmployerA(), *id, "answer", "Encore"),
              HasErrorCode(ErrorCode::kFailedPrecondition));
}

TEST_F(EnquiryServiceTest, OnlyValidatedOrganisationsOfTheRightKindReceiveEnquiries) {
  EXPECT_THAT(service_.ApplySpontaneously(Young(), pending_org_, Facts()),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.ApplySpontaneously(Young(), cfa_a_org_, Facts()),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.AskInformation(Young(), employer_a_org_, Question()),
              HasErrorCode(ErrorCode::kNotFound));
  // A training of another CFA.
  EXPECT_THAT(service_.AskInformation(Young(), cfa_a_org_, Question(training_b_)),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.ApplySpontaneously(EmployerB(), employer_a_org_, Facts()),
              HasErrorCode(ErrorCode::kPermissionDenied));
  auto bad = Facts();
  bad.message = "<script>alert(1)</script>";
  bad.cfa_place = "maybe";
  auto refused = service_.ApplySpontaneously(Young(), employer_a_org_, bad);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(refused.error().fields.contains("message"));
  EXPECT_TRUE(refused.error().fields.contains("cfa_place"));
  auto no_subject = service_.AskInformation(Young(), cfa_a_org_, {0, "weather", "Bonjour ?"});
  ASSERT_THAT(no_subject, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(no_subject.error().fields.contains("subject"));
  EXPECT_TRUE(service_.Mine(Young())->empty());
  EXPECT_TRUE(MailsTo("chef@example.mq").empty());
}

TEST_F(EnquiryServiceTest, AnInformationRequestReachesItsCfaOnlyAndIsAnswered) {
  auto id = service_.AskInformation(Young(), cfa_a_org_, Question(training_a_));
  ASSERT_THAT(id, IsOk());
  ASSERT_EQ(MailsTo("cfa@example.mq").size(), 1u);
  EXPECT_NE(MailsTo("cfa@example.mq")[0].mail.body.find("CAP Cuisine"), std::string::npos);
  EXPECT_EQ(service_.InboxOf(CfaB(), std::nullopt)->total, 0);
  EXPECT_EQ(service_.InboxOf(EmployerA(), std::nullopt)->total, 0);
  EXPECT_THAT(service_.View(CfaB(), *id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.Answer(CfaB(), *id, "answer", "Non"), HasErrorCode(ErrorCode::kNotFound));
  // CFAs answer in free text only.
  EXPECT_THAT(service_.Answer(CfaA(), *id, "no_position", ""),
              HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(service_.Answer(CfaA(), *id, "answer", "La rentrée est le 7 septembre."), IsOk());
  auto view = service_.View(Young(), *id);
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->training_title, "CAP Cuisine");
  EXPECT_EQ(view->enquiry.status, EnquiryStatus::kAnswered);
  ASSERT_EQ(view->replies.size(), 1u);
  EXPECT_NE(view->replies[0].body.find("7 septembre"), std::string::npos);
  // About the CFA in general.
  EXPECT_THAT(service_.AskInformation(Young(), cfa_a_org_, Question(0)), IsOk());
}

TEST_F(EnquiryServiceTest, AtMostTenEnquiriesPerYoungPersonPerDay) {
  for (int i = 0; i < 10; ++i)
    ASSERT_THAT(service_.AskInformation(Young(), cfa_a_org_, Question()), IsOk()) << i;
  auto refused = service_.ApplySpontaneously(Young(), employer_a_org_, Facts());
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kResourceExhausted));
  EXPECT_NE(refused.error().fields.at("message").find("Réessayez demain"), std::string::npos);
  EXPECT_THAT(service_.AskInformation(OtherYoung(), cfa_a_org_, Question()), IsOk());
  clock_.Advance(kDay);
  EXPECT_THAT(service_.ApplySpontaneously(Young(), employer_a_org_, Facts()), IsOk());
}

TEST_F(EnquiryServiceTest, UnansweredEnquiriesAreRemindedOnceAfterSevenDays) {
  auto answered = service_.AskInformation(Young(), cfa_a_org_, Question());
  auto waiting = service_.ApplySpontaneously(Young(), employer_a_org_, Facts());
  ASSERT_THAT(answered, IsOk());
  ASSERT_THAT(waiting, IsOk());
  ASSERT_THAT(service_.Answer(CfaA(), *answered, "answer", "Oui."), IsOk());
  clock_.Advance(7 * kDay - 1);
  EXPECT_EQ(*service_.RemindUnanswered(), 0);
  clock_.Advance(1);
  EXPECT_EQ(*service_.RemindUnanswered(), 1);
  EXPECT_EQ(*service_.RemindUnanswered(), 0);
  EXPECT_EQ(MailsTo("chef@example.mq").size(), 2u);
  EXPECT_EQ(MailsTo("cfa@example.mq").size(), 1u);
}

TEST_F(EnquiryServiceTest, ACfaKeepsItsOwnPartnerCompanies) {
  EXPECT_THAT(service_.AddPartner(EmployerA(), {employer_a_org_, "", "", ""}),
              HasErrorCode(ErrorCode::kNotFound));
  auto found = service_.FindEmployers(CfaA(), "RESTAU");
  ASSERT_THAT(found, IsOk());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(service_.FindEmployers(CfaA(), "552 100")->size(), 1u);
  EXPECT_TRUE(service_.FindEmployers(CfaA(), "attente")->empty());  // not validated

  auto on_platform =
      service_.AddPartner(CfaA(), {employer_a_org_, "", "", "Accueille 2 apprentis"});
  ASSERT_THAT(on_platform, IsOk());
  EXPECT_THAT(service_.AddPartner(CfaA(), {pending_org_, "", "", ""}),
              HasErrorCode(ErrorCode::kInvalidArgument));
  auto bad_siret = service_.AddPartner(CfaA(), {0, "Boulangerie", "12345678901234", ""});
  ASSERT_THAT(bad_siret, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(bad_siret.error().fields.contains("siret"));
  auto off_platform =
      service_.AddPartner(CfaA(), {0, "Boulangerie Pain Doré", "356 000 000 00048", ""});
  ASSERT_THAT(off_platform, IsOk());
  EXPECT_THAT(service_.AddPartner(CfaA(), {0, "Doublon", "35600000000048", ""}),
              HasErrorCode(ErrorCode::kAlreadyExists));

  auto mine = service_.PartnersOf(CfaA());
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ((*mine)[0].name, "Boulangerie Pain Doré");
  EXPECT_EQ((*mine)[1].siret, "73282932000074");
  EXPECT_EQ((*mine)[1].note, "Accueille 2 apprentis");
  EXPECT_TRUE(service_.PartnersOf(CfaB())->empty());
  EXPECT_THAT(service_.RemovePartner(CfaB(), *on_platform), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.RemovePartner(CfaA(), *on_platform), IsOk());
  EXPECT_EQ(service_.PartnersOf(CfaA())->size(), 1u);
}

TEST_F(EnquiryServiceTest, ReportsAreLimitedPerVisitorAndPerClient) {
  auto mark = [&](std::int64_t offer, const std::string& visitor, const std::string& client) {
    return store_.Write(
        [&](Repositories& r) { return MarkReport(r, offer, visitor, client, clock_.Now()); });
  };
  EXPECT_THAT(mark(1, "cookie-a", "10.0.0.1"), IsOk());
  EXPECT_THAT(mark(1, "cookie-a", "10.0.0.2"), HasErrorCode(ErrorCode::kAlreadyExists));
  EXPECT_THAT(mark(1, "cookie-b", "10.0.0.1"), IsOk());
  for (std::int64_t offer = 2; offer <= 4; ++offer)
    EXPECT_THAT(mark(offer, "cookie-c", "10.0.0.1"), IsOk());
  auto refused = mark(5, "cookie-d", "10.0.0.1");
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kResourceExhausted));
  EXPECT_TRUE(refused.error().fields.contains("reason"));
  EXPECT_THAT(mark(5, "cookie-d", "10.0.0.9"), IsOk());
  clock_.Advance(3601);
  EXPECT_THAT(mark(5, "cookie-e", "10.0.0.1"), IsOk());
}

}  // namespace
}  // namespace maplace::enquiries
