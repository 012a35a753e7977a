// The workshop service on a SQLite test database (the in-memory store does not keep workshops):
// the calendar file, Martinique times, reminders the day before, the waiting list, two
// registrations racing for the last seat, the survey.
#include "domain/workshops/workshop_service.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <thread>

#include "core/error_matchers.h"
#include "domain/workshops/ics.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::workshops {
namespace {

// 2026-12-02 12:00 in Martinique (16:00 UTC).
constexpr UnixSeconds kNow = 1'796'227'200;

TEST(Ics, AnEventWithUtcTimesEscapedTextAndFoldedLines) {
  Session s;
  s.id = 7;
  s.input.title = "Atelier ; tutorat, « accueil »";
  s.input.starts_at = *ParseMartiniqueDateTime("2026-12-03T09:00");
  s.input.ends_at = *ParseMartiniqueDateTime("2026-12-03T12:30");
  s.input.place = "Le Lamentin, salle 2";
  s.input.speakers = std::string(60, 'x') + " Hélène Écrivain-Émérite";
  const std::string ics = SessionCalendar(s, "Recruter", "https://exemple.mq/ateliers/7", kNow);
  EXPECT_TRUE(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  EXPECT_TRUE(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
  EXPECT_NE(ics.find("DTSTART:20261203T130000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTEND:20261203T163000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTAMP:20261202T160000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("UID:atelier-7@"), std::string::npos);
  EXPECT_NE(ics.find("SUMMARY:Atelier \\; tutorat\\, « accueil »\r\n"), std::string::npos);
  EXPECT_NE(ics.find("LOCATION:Le Lamentin\\, salle 2\r\n"), std::string::npos);
  // Every physical line is at most 75 octets, ends with CRLF, and no bare LF is left.
  std::size_t start = 0;
  while (start < ics.size()) {
    const auto end = ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u) << ics.substr(start, end - start);
    EXPECT_EQ(ics.substr(start, end - start).find('\n'), std::string::npos);
    start = end + 2;
  }
  // Unfolding gives back the description, whose newlines are escaped.
  std::string unfolded;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  EXPECT_NE(unfolded.find("Intervenants : " + s.input.speakers), std::string::npos);
  EXPECT_NE(unfolded.find("(heure de la Martinique).\\nIntervenants"), std::string::npos);
}

TEST(Ics, FoldingNeverCutsAUtf8Sequence) {
  const std::string line = "DESCRIPTION:" + std::string(62, 'a') + "ééééé";
  const std::string folded = FoldIcsLine(line);
  const auto cut = folded.find("\r\n ");
  ASSERT_NE(cut, std::string::npos);
  EXPECT_EQ(cut, 74u);  // 12 + 62 = 74 octets, then a 2-octet « é » would pass 75
  EXPECT_EQ(folded.substr(cut + 3), "ééééé");
}

TEST(MartiniqueTime, ParsesAndFormatsLocalTimes) {
  EXPECT_EQ(ParseMartiniqueDateTime("2026-12-03T09:00"), 1'796'302'800);
  EXPECT_EQ(FormatMartiniqueDateTime(1'796'302'800), "2026-12-03T09:00");
  EXPECT_EQ(ParseMartiniqueDateTime("2026-12-03 09:00:00"), 1'796'302'800);
  EXPECT_FALSE(ParseMartiniqueDateTime("2026-02-30T09:00"));
  EXPECT_FALSE(ParseMartiniqueDateTime("2026-12-03T24:00"));
  EXPECT_FALSE(ParseMartiniqueDateTime("03/12/2026 09:00"));
  EXPECT_EQ(FrenchSchedule(1'796'302'800, 1'796'302'800 + 3 * 3600),
            "3 décembre 2026, de 09:00 à 12:00");
}

class WorkshopServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<storage::TestDatabase>("sqlite");
    auto store = storage::OpenAndMigrate(StorageConfig{db_->url(), 4});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    service_ = std::make_unique<WorkshopService>(*store_, clock_, WorkshopSettings{});
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto user = [&](const std::string& email, people::Role role) {
        return *r.users().Create(people::User{0, email, email.substr(0, email.find('@')), role,
                                              people::UserStatus::kActive, "x", false, 1, 1});
      };
      advisor_.user_id = user("conseil@opco.mq", people::Role::kAdvisor);
      advisor_.role = people::Role::kAdvisor;
      for (int i = 0; i < 2; ++i) {
        people::Organisation o;
        o.kind = people::OrganisationKind::kCfa;
        o.name = "CFA " + std::to_string(i);
        o.created_at = 1;
        const auto org = *r.organisations().Create(o);
        const auto id = user("membre" + std::to_string(i) + "@cfa.mq", people::Role::kCfa);
        if (auto s = r.organisations().AddMember({org, id, people::MemberRole::kAdmin}); !s)
          return s;
        members_[i].user_id = id;
        members_[i].role = people::Role::kCfa;
        members_[i].membership = people::Membership{org, id, people::MemberRole::kAdmin};
      }
      return Ok();
    }),
                IsOk());
    auto theme = service_->CreateTheme(advisor_, "Recruter", "");
    ASSERT_THAT(theme, IsOk());
    theme_ = *theme;
  }

  std::int64_t NewSession(const std::string& starts, int capacity) {
    SessionInput in;
    in.theme_id = theme_;
    in.title = "Atelier";
    in.starts_at = *ParseMartiniqueDateTime(starts);
    in.ends_at = in.starts_at + 3 * 3600;
    in.place = "Le Lamentin";
    in.capacity = capacity;
    auto id = service_->CreateSession(advisor_, in);
    EXPECT_THAT(id, IsOk());
    return *id;
  }
  std::vector<Mail> Mails() {
    std::vector<Mail> out;
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      auto latest = r.outbox().Latest(1000);
      if (!latest) return Fail(latest.error());
      for (const auto& m : *latest) out.push_back(m.mail);
      return Ok();
    }),
                IsOk());
    return out;
  }

  ManualClock clock_{kNow};
  std::unique_ptr<storage::TestDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<WorkshopService> service_;
  people::Actor advisor_;
  people::Actor members_[2];
  std::int64_t theme_ = 0;
};

TEST_F(WorkshopServiceTest, OnlyStaffCreateSessionsAndChecksAreInFrench) {
  SessionInput in;
  EXPECT_THAT(service_->CreateSession(members_[0], in), HasErrorCode(ErrorCode::kPermissionDenied));
  auto checked = WorkshopService::Check(in);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().fields.at("title"), "Donnez un titre à la session.");
  EXPECT_EQ(checked.error().fields.at("capacity"),
            "La capacité doit être un nombre de places entre 1 et 1000.");
}

TEST_F(WorkshopServiceTest, WaitingListIsPromotedWhenASeatFrees) {
  const auto id = NewSession("2026-12-20T09:00", 1);
  auto first = service_->Register(members_[0], id, {members_[0].user_id});
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->front().status, RegistrationStatus::kRegistered);
  auto second = service_->Register(members_[1], id, {members_[1].user_id});
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(second->front().status, RegistrationStatus::kWaiting);
  // Someone else's registration is not theirs to cancel.
  EXPECT_THAT(service_->Cancel(members_[1], first->front().id), HasErrorCode(ErrorCode::kNotFound));
  ASSERT_THAT(service_->Cancel(members_[0], first->front().id), IsOk());
  auto sheet = service_->Sheet(advisor_, id);
  ASSERT_THAT(sheet, IsOk());
  EXPECT_EQ(sheet->stats.registered, 1);
  EXPECT_EQ(sheet->stats.waiting, 0);
  EXPECT_EQ(sheet->session.seats_taken, 1);
  EXPECT_EQ(Mails().front().to, "membre1@cfa.mq");
  EXPECT_NE(Mails().front().subject.find("Une place s'est libérée"), std::string::npos);
}

TEST_F(WorkshopServiceTest, TwoRegistrationsRacingForTheLastSeat) {
  const auto id = NewSession("2026-12-20T09:00", 1);
  std::vector<Registration> got[2];
  std::thread a([&] { got[0] = *service_->Register(members_[0], id, {members_[0].user_id}); });
  std::thread b([&] { got[1] = *service_->Register(members_[1], id, {members_[1].user_id}); });
  a.join();
  b.join();
  const int registered = (got[0].front().status == RegistrationStatus::kRegistered) +
                         (got[1].front().status == RegistrationStatus::kRegistered);
  EXPECT_EQ(registered, 1);
  auto sheet = service_->Sheet(advisor_, id);
  EXPECT_EQ(sheet->session.seats_taken, 1);
  EXPECT_EQ(sheet->stats.waiting, 1);
}

TEST_F(WorkshopServiceTest, RemindersGoTheDayBeforeOnceToRegisteredPeople) {
  const auto tomorrow = NewSession("2026-12-03T09:00", 1);
  const auto later = NewSession("2026-12-04T09:00", 5);
  ASSERT_THAT(service_->Register(members_[0], tomorrow, {members_[0].user_id}), IsOk());
  ASSERT_THAT(service_->Register(members_[1], tomorrow, {members_[1].user_id}), IsOk());  // waits
  ASSERT_THAT(service_->Register(members_[1], later, {members_[1].user_id}), IsOk());
  const auto before = Mails().size();
  EXPECT_EQ(*service_->SendReminders(), 1);
  const auto mails = Mails();
  ASSERT_EQ(mails.size(), before + 1);
  EXPECT_EQ(mails.front().to, "membre0@cfa.mq");
  EXPECT_NE(mails.front().body.find(fmt::format("/ateliers/{}/calendrier.ics", tomorrow)),
            std::string::npos);
  EXPECT_EQ(*service_->SendReminders(), 0);  // once
}

TEST_F(WorkshopServiceTest, TheSurveyGoesToPeoplePresentOnceTheSessionEnded) {
  const auto id = NewSession("2026-12-03T09:00", 5);
  auto a = service_->Register(members_[0], id, {members_[0].user_id});
  ASSERT_THAT(service_->Register(members_[1], id, {members_[1].user_id}), IsOk());
  ASSERT_THAT(service_->RecordAttendance(advisor_, id, {a->front().id}), IsOk());
  EXPECT_THAT(service_->SendSurveys(id), HasErrorCode(ErrorCode::kInvalidArgument));  // not over
  clock_.Advance(2 * 24 * 3600);
  EXPECT_EQ(*service_->SendSurveys(), 1);
  EXPECT_EQ(*service_->SendSurveys(), 0);
  const auto mail = Mails().front();
  EXPECT_EQ(mail.to, "membre0@cfa.mq");
  const auto at = mail.body.find("/ateliers/avis/");
  ASSERT_NE(at, std::string::npos);
  std::string token = mail.body.substr(at + 15);
  token = token.substr(0, token.find('\n'));
  EXPECT_THAT(service_->AnswerSurvey(token, 6, ""), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(service_->AnswerSurvey(token, 4, "Utile"), IsOk());
  EXPECT_THAT(service_->AnswerSurvey(token, 5, ""), HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(service_->AnswerSurvey("autre", 5, ""), HasErrorCode(ErrorCode::kNotFound));
  auto year = SessionsInYear(*store_, 2026);
  ASSERT_THAT(year, IsOk());
  ASSERT_EQ(year->size(), 1u);
  EXPECT_EQ(year->front().stats.registered, 2);
  EXPECT_EQ(year->front().stats.attended, 1);
  EXPECT_EQ(year->front().stats.average, 4.0);
  EXPECT_TRUE(SessionsInYear(*store_, 2027)->empty());
}

}  // namespace
}  // namespace maplace::workshops
