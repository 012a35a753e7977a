#include "domain/applications/application_service.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.h"
#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::applications {
namespace {

using people::Actor;
using people::MemberRole;
using people::Membership;
using people::Organisation;
using people::OrganisationStatus;
using people::Role;

constexpr UnixSeconds kDay = 24 * 3600;
constexpr UnixSeconds kStart = 1'800'000'000;  // 2027-01-15

const std::string kPdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";

ApplicationInput Input() {
  ApplicationInput in;
  in.message = "Bonjour, je cherche une alternance en cuisine depuis septembre.";
  in.start_date = "";
  in.rhythm = "2 jours école / 3 jours entreprise";
  in.cfa_place = "in_progress";
  return in;
}

class ApplicationServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      reference::TableSpec jobs{"rome_jobs", {{"code"}, {"label"}}, 1, {}};
      reference::TableSpec communes{"communes", {{"insee_code"}, {"name"}}, 1, {}};
      if (auto s = r.reference().Sync(
              jobs, {{std::string("G1602"), std::string("Personnel de cuisine")}});
          !s)
        return Fail(s.error());
      if (auto s =
              r.reference().Sync(communes, {{std::string("97213"), std::string("Le Lamentin")}});
          !s)
        return Fail(s.error());
      org_a_ = MakeOrganisation(r, "Restaurant Bèlè");
      org_b_ = MakeOrganisation(r, "Garage du Nord");
      employer_a_ = MakeUser(r, "chef@example.mq", "Chef", Role::kEmployer);
      employer_b_ = MakeUser(r, "garage@example.mq", "Garagiste", Role::kEmployer);
      young_ = MakeUser(r, "lea@example.mq", "Léa", Role::kYoungPerson);
      other_young_ = MakeUser(r, "tom@example.mq", "Tom", Role::kYoungPerson);
      if (auto s = r.organisations().AddMember({org_a_, employer_a_, MemberRole::kAdmin}); !s)
        return s;
      return r.organisations().AddMember({org_b_, employer_b_, MemberRole::kAdmin});
    }),
                IsOk());
    offers::OfferInput in;
    in.rome_code = "G1602";
    in.title = "Apprenti cuisinier";
    in.level = 3;
    in.duration_months = 24;
    in.rhythm = "2/3";
    in.description = "La cuisine créole au service du midi.";
    in.commune_code = "97213";
    in.pause_after_applications = 2;
    offer_ = offers_.CreateDraft(EmployerA(), in).value();
    ASSERT_THAT(offers_.Publish(EmployerA(), offer_, true), IsOk());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static std::int64_t MakeOrganisation(Repositories& r, const std::string& name) {
    Organisation o;
    o.name = name;
    o.status = OrganisationStatus::kValidated;
    return *r.organisations().Create(o);
  }
  static std::int64_t MakeUser(Repositories& r, const std::string& email, const std::string& name,
                               Role role) {
    people::User user{0,   email, name,   role,  people::UserStatus::kActive,
                      "x", false, kStart, kStart};
    return *r.users().Create(user);
  }

  Actor EmployerA() {
    return Actor{employer_a_, Role::kEmployer, "chef@example.mq",
                 "Chef",      false,           Membership{org_a_, employer_a_, MemberRole::kAdmin},
                 ""};
  }
  Actor EmployerB() {
    return Actor{employer_b_, Role::kEmployer, "garage@example.mq",
                 "Garagiste", false,           Membership{org_b_, employer_b_, MemberRole::kAdmin},
                 ""};
  }
  Actor Young() {
    return Actor{young_, Role::kYoungPerson, "lea@example.mq", "Léa", false, {}, ""};
  }
  Actor OtherYoung() {
    return Actor{other_young_, Role::kYoungPerson, "tom@example.mq", "Tom", false, {}, ""};
  }

  std::vector<outbox::OutboxMail> Mails() {
    std::vector<outbox::OutboxMail> mails;
    EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
      mails = *r.outbox().Latest(100);
      return Ok();
    }),
                IsOk());
    return mails;
  }
  std::vector<audit::AuditEvent> AuditTrail() {
    std::vector<audit::AuditEvent> events;
    EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
      events = *r.audit().Latest(200);
      return Ok();
    }),
                IsOk());
    return events;
  }
  int Count(const std::string& action) {
    int n = 0;
    for (const auto& e : AuditTrail()) n += e.action == action;
    return n;
  }

  // Set before service_ is built (members initialise in this order): the CVs go there, never
  // to the working directory.
  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("maplace-cv-" + crypto::RandomToken(8));
  fakes::InMemoryStore store_;
  ManualClock clock_{kStart};
  offers::OfferService offers_{store_, clock_, offers::OfferSettings{"https://example.test"}};
  ApplicationService service_{store_, offers_, clock_,
                              ApplicationSettings{dir_, 3 * 1024 * 1024, "https://example.test"}};
  std::int64_t org_a_ = 0, org_b_ = 0, employer_a_ = 0, employer_b_ = 0, young_ = 0,
               other_young_ = 0, offer_ = 0;
};

TEST_F(ApplicationServiceTest, TheFormIsCheckedWithFrenchMessages) {
  ApplicationInput bad;
  bad.message = "  ";
  bad.start_date = "2020-01-01";
  bad.rhythm = "<b>vite</b>";
  bad.cfa_place = "maybe";
  auto result =
      ApplicationService::Check(bad, Date{std::chrono::sys_days{std::chrono::year{2027} / 1 / 15}});
  ASSERT_THAT(result, HasErrorCode(ErrorCode::kInvalidArgument));
  const auto& fields = result.error().fields;
  for (const char* field : {"message", "start_date", "rhythm", "cfa_place"})
    EXPECT_TRUE(fields.contains(field)) << field;
  EXPECT_NE(fields.at("start_date").find("passée"), std::string::npos);
  EXPECT_THAT(service_.Apply(Young(), offer_, bad), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(service_.Mine(Young()).value().empty());
}

TEST_F(ApplicationServiceTest, AYoungPersonAppliesOnceAndTheEmployerIsTold) {
  ASSERT_THAT(service_.SaveCv(Young(), kPdf, "mon cv.pdf"), IsOk());
  auto id = service_.Apply(Young(), offer_, Input());
  ASSERT_THAT(id, IsOk());
  auto again = service_.Apply(Young(), offer_, Input());
  ASSERT_THAT(again, HasErrorCode(ErrorCode::kAlreadyExists));
  EXPECT_NE(again.error().fields.at("offer").find("déjà postulé"), std::string::npos);

  auto mails = Mails();
  ASSERT_FALSE(mails.empty());
  EXPECT_EQ(mails.front().mail.to, "chef@example.mq");
  EXPECT_NE(mails.front().mail.subject.find("Nouvelle candidature"), std::string::npos);
  EXPECT_NE(mails.front().mail.body.find("/employeur/candidatures/"), std::string::npos);

  auto mine = service_.Mine(Young());
  ASSERT_THAT(mine, IsOk());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().application.status, ApplicationStatus::kNew);
  EXPECT_TRUE(mine->front().cv.has_value());
  EXPECT_EQ(mine->front().offer_title, "Apprenti cuisinier");
  EXPECT_EQ(offers_.Get(EmployerA(), offer_).value().applications, 1);
  EXPECT_EQ(Count("application.created"), 1);

  // Employers and unknown offers cannot be applied to.
  EXPECT_THAT(service_.Apply(EmployerB(), offer_, Input()),
              HasErrorCode(ErrorCode::kPermissionDenied));
  EXPECT_THAT(service_.Apply(OtherYoung(), 9999, Input()), HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(ApplicationServiceTest, TheOfferPausesAtItsThreshold) {
  ASSERT_THAT(service_.Apply(Young(), offer_, Input()), IsOk());
  ASSERT_THAT(service_.Apply(OtherYoung(), offer_, Input()), IsOk());
  EXPECT_EQ(offers_.Get(EmployerA(), offer_).value().state, offers::OfferState::kPaused);
  // A paused offer takes no more applications.
  EXPECT_THAT(offers_.GetPublished(offer_), HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(ApplicationServiceTest, TheInboxRepliesAndStatusesAreTheEmployersOnly) {
  auto id = service_.Apply(Young(), offer_, Input()).value();
  auto inbox = service_.InboxOf(EmployerA(), std::nullopt, std::nullopt);
  ASSERT_THAT(inbox, IsOk());
  ASSERT_EQ(inbox->entries.size(), 1u);
  EXPECT_EQ(inbox->counts.at(ApplicationStatus::kNew), 1);
  EXPECT_EQ(inbox->entries.front().applicant_name, "Léa");
  EXPECT_TRUE(service_.InboxOf(EmployerB(), std::nullopt, std::nullopt).value().entries.empty());
  EXPECT_THAT(service_.InboxOf(Young(), std::nullopt, std::nullopt),
              HasErrorCode(ErrorCode::kNotFound));

  // Another organisation, another young person: as if it did not exist.
  EXPECT_THAT(service_.View(EmployerB(), id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.View(OtherYoung(), id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.MarkSeen(EmployerB(), id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.Invite(EmployerB(), id, "Lundi 10 h", ""),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.Hire(EmployerB(), id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_EQ(service_.View(Young(), id).value().application.status, ApplicationStatus::kNew);

  ASSERT_THAT(service_.MarkSeen(EmployerA(), id), IsOk());
  ASSERT_THAT(service_.MarkSeen(EmployerA(), id), IsOk());
  EXPECT_EQ(service_.View(Young(), id).value().application.status, ApplicationStatus::kSeen);
  EXPECT_EQ(Count("application.seen"), 1);

  EXPECT_THAT(service_.Invite(EmployerA(), id, "   "), HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(service_.Invite(EmployerA(), id, "Mardi 19 janvier à 10 h, au restaurant"), IsOk());
  auto seen = service_.View(Young(), id);
  ASSERT_THAT(seen, IsOk());
  EXPECT_EQ(seen->application.status, ApplicationStatus::kInterview);
  EXPECT_EQ(StatusLabel(seen->application.status), "Entretien proposé");
  ASSERT_EQ(seen->replies.size(), 1u);
  EXPECT_NE(seen->replies[0].body.find("Mardi 19 janvier à 10 h"), std::string::npos);
  EXPECT_NE(seen->replies[0].body.find("Restaurant Bèlè"), std::string::npos);
  EXPECT_TRUE(seen->applicant_email.empty());
  auto mails = Mails();
  EXPECT_EQ(mails.front().mail.to, "lea@example.mq");
  EXPECT_NE(mails.front().mail.body.find("/mes-candidatures"), std::string::npos);

  EXPECT_THAT(service_.Refuse(EmployerA(), id, "nonsense", ""),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(service_.Refuse(EmployerA(), id, "other", " "),
              HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(service_.Refuse(EmployerA(), id, "filled", ""), IsOk());
  auto refused = service_.View(Young(), id).value();
  EXPECT_EQ(refused.application.status, ApplicationStatus::kRefused);
  EXPECT_NE(refused.replies.back().body.find("déjà pourvu"), std::string::npos);
  // Refused is final.
  EXPECT_THAT(service_.Hire(EmployerA(), id), HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_EQ(Count("application.interview"), 1);
  EXPECT_EQ(Count("application.refused"), 1);

  auto filtered = service_.InboxOf(EmployerA(), offer_, ApplicationStatus::kNew).value();
  EXPECT_TRUE(filtered.entries.empty());
  EXPECT_EQ(filtered.counts.at(ApplicationStatus::kRefused), 1);
}

TEST_F(ApplicationServiceTest, CvsAreCheckedByContentAndSeenOnlyByTheirRecruiters) {
  auto fake = service_.SaveCv(Young(), "not a pdf at all", "cv.pdf");
  ASSERT_THAT(fake, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(fake.error().fields.at("cv").find("PDF ou Word"), std::string::npos);
  EXPECT_THAT(service_.SaveCv(Young(), "", "cv.pdf"), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(service_.SaveCv(Young(), "%PDF-" + std::string(3 * 1024 * 1024, 'x'), "cv.pdf"),
              HasErrorCode(ErrorCode::kInvalidArgument));
  const std::string docx = std::string("PK\x03\x04", 4) +
                           "....[Content_Types].xml...word/document.xml..." +
                           std::string("PK\x05\x06", 4) + "....";
  // A path in the name, or an extension that does not say what the content is: refused.
  auto path = service_.SaveCv(Young(), docx, "../../etc/cv.docx");
  ASSERT_THAT(path, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(path.error().fields.at("cv").find("chemin"), std::string::npos);
  auto renamed = service_.SaveCv(Young(), docx, "cv.pdf");
  ASSERT_THAT(renamed, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(renamed.error().fields.at("cv").find("« .docx »"), std::string::npos);
  EXPECT_THAT(service_.SaveCv(Young(), kPdf, "cv.exe"), HasErrorCode(ErrorCode::kInvalidArgument));
  auto word = service_.SaveCv(Young(), docx, "Mon CV.DOCX");
  ASSERT_THAT(word, IsOk());
  EXPECT_EQ(word->content_type, kDocxType);
  EXPECT_EQ(word->original_name, "Mon CV.DOCX");
  EXPECT_THAT(service_.SaveCv(Young(), std::string("PK\x03\x04", 4) + "xl/workbook.xml", "a.docx"),
              HasErrorCode(ErrorCode::kInvalidArgument));

  auto cv = service_.SaveCv(Young(), kPdf, "cv.pdf");
  ASSERT_THAT(cv, IsOk());
  EXPECT_EQ(service_.MyCv(Young()).value()->id, cv->id);
  auto own = service_.ReadCv(Young(), cv->id);
  ASSERT_THAT(own, IsOk());
  EXPECT_EQ(own->second, kPdf);
  // Not sent yet: the employer does not see it.
  EXPECT_THAT(service_.ReadCv(EmployerA(), cv->id), HasErrorCode(ErrorCode::kNotFound));
  ASSERT_THAT(service_.Apply(Young(), offer_, Input()), IsOk());
  EXPECT_THAT(service_.ReadCv(EmployerA(), cv->id), IsOk());
  EXPECT_THAT(service_.ReadCv(EmployerB(), cv->id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.ReadCv(OtherYoung(), cv->id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.ReadCv(Young(), 9999), HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(ApplicationServiceTest, UnansweredApplicationsAreRemindedOnceAfterSevenDays) {
  auto answered = service_.Apply(Young(), offer_, Input()).value();
  clock_.Advance(kDay);
  ASSERT_THAT(service_.Apply(OtherYoung(), offer_, Input()), IsOk());
  ASSERT_THAT(service_.Invite(EmployerA(), answered, "Lundi 9 h"), IsOk());
  clock_.Advance(6 * kDay);
  EXPECT_EQ(service_.RemindUnanswered().value(), 0);
  clock_.Advance(kDay);
  EXPECT_EQ(service_.RemindUnanswered().value(), 1);
  EXPECT_NE(Mails().front().mail.subject.find("attend votre réponse"), std::string::npos);
  clock_.Advance(kDay);
  EXPECT_EQ(service_.RemindUnanswered().value(), 0);
  EXPECT_EQ(Count("application.reminded"), 1);
}

TEST_F(ApplicationServiceTest, TheExportIsAWorkbookOfTheOrganisationsApplications) {
  ASSERT_THAT(service_.Apply(Young(), offer_, Input()), IsOk());
  auto xlsx = service_.Export(EmployerA(), std::nullopt);
  ASSERT_THAT(xlsx, IsOk());
  EXPECT_TRUE(xlsx->starts_with("PK"));
  EXPECT_THAT(service_.Export(Young(), std::nullopt), HasErrorCode(ErrorCode::kNotFound));
}

}  // namespace
}  // namespace maplace::applications
