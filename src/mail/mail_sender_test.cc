#include "mail/mail_sender.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::mail {
namespace {

// Fails the first `failures` deliveries, then succeeds.
class FlakyTransport final : public MailTransport {
 public:
  explicit FlakyTransport(int failures) : failures_(failures) {}
  Status Deliver(const outbox::OutboxMail& mail) override {
    if (failures_-- > 0) return Fail(ErrorCode::kUnavailable, "connection refused");
    delivered.push_back(mail.mail);
    return Ok();
  }
  std::vector<Mail> delivered;

 private:
  int failures_;
};

class MailSenderTest : public ::testing::Test {
 protected:
  void Enqueue(const Mail& mail) {
    ASSERT_THAT(store_.Write([&](Repositories& r) {
      return r.outbox().Enqueue(mail, clock_.Now()).map([](auto) {});
    }),
                IsOk());
  }
  outbox::OutboxMail Only() {
    outbox::OutboxMail mail;
    EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
      mail = r.outbox().Latest(1)->at(0);
      return Ok();
    }),
                IsOk());
    return mail;
  }
  fakes::InMemoryStore store_;
  ManualClock clock_{1'800'000'000};
};

TEST_F(MailSenderTest, RetriesWithGrowingDelaysThenDelivers) {
  FlakyTransport transport(2);
  MailSender sender(store_, transport, clock_, MailConfig{});
  Enqueue(Mail{"a@b.fr", "Sujet", "Corps"});
  EXPECT_EQ(*sender.DeliverDue(), 0);
  EXPECT_EQ(Only().next_attempt_at, clock_.Now() + 60);
  EXPECT_EQ(*sender.DeliverDue(), 0);  // not due yet: nothing attempted
  EXPECT_EQ(Only().attempts, 1);
  clock_.Advance(60);
  EXPECT_EQ(*sender.DeliverDue(), 0);
  EXPECT_EQ(Only().next_attempt_at, clock_.Now() + 120);
  clock_.Advance(120);
  EXPECT_EQ(*sender.DeliverDue(), 1);
  EXPECT_EQ(Only().state, outbox::MailState::kSent);
  ASSERT_EQ(transport.delivered.size(), 1u);
  EXPECT_EQ(*sender.DeliverDue(), 0);  // sent once only
}

TEST_F(MailSenderTest, GivesUpAfterMaxAttempts) {
  FlakyTransport transport(100);
  MailConfig config;
  config.max_attempts = 3;
  MailSender sender(store_, transport, clock_, config);
  Enqueue(Mail{"a@b.fr", "Sujet", "Corps"});
  for (int i = 0; i < 5; ++i) {
    (void)sender.DeliverDue();
    clock_.Advance(3600);
  }
  EXPECT_EQ(Only().state, outbox::MailState::kFailed);
  EXPECT_EQ(Only().attempts, 3);
  EXPECT_EQ(Only().last_error, "connection refused");
}

TEST_F(MailSenderTest, RunsItsPeriodicTaskAtMostOnceAPeriod) {
  FlakyTransport transport(0);
  MailSender sender(store_, transport, clock_, MailConfig{});
  EXPECT_FALSE(sender.RunPeriodicTaskIfDue());  // no task
  int runs = 0;
  sender.SetPeriodicTask([&] { ++runs; }, 3600);
  EXPECT_TRUE(sender.RunPeriodicTaskIfDue());  // due at once
  EXPECT_FALSE(sender.RunPeriodicTaskIfDue());
  clock_.Advance(3599);
  EXPECT_FALSE(sender.RunPeriodicTaskIfDue());
  clock_.Advance(1);
  EXPECT_TRUE(sender.RunPeriodicTaskIfDue());
  EXPECT_EQ(runs, 2);
}

TEST(MailMessageTest, EncodesUtf8HeadersAndRefusesHeaderInjection) {
  outbox::OutboxMail mail;
  mail.id = 7;
  mail.created_at = 1'800'000'000;
  mail.mail = Mail{"a@b.fr\r\nBcc: evil@x.fr", "Réinitialiser\r\nBcc: evil@x.fr", "L1\nL2"};
  std::string message = FormatMessage(mail, MailConfig{});
  EXPECT_EQ(message.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(message.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(message.find("\r\n\r\nL1\r\nL2\r\n"), std::string::npos);
  EXPECT_NE(message.find("Message-ID: <mail-7-1800000000@icicestmaplace.fr>"), std::string::npos);
}

TEST(MailMessageTest, ListUnsubscribeHeadersOnlyWhenTheMailHasALink) {
  outbox::OutboxMail mail;
  mail.mail = Mail{"a@b.fr", "Offre relayée", "Corps"};
  EXPECT_EQ(FormatMessage(mail, MailConfig{}).find("List-Unsubscribe"), std::string::npos);
  mail.mail.list_unsubscribe = "https://x.test/desabonnement?cle=k\r\nBcc: evil@x.fr";
  const std::string message = FormatMessage(mail, MailConfig{});
  EXPECT_NE(message.find("\r\nList-Unsubscribe: <https://x.test/desabonnement?cle=k"),
            std::string::npos);
  EXPECT_NE(message.find("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
            std::string::npos);
  EXPECT_EQ(message.find("\r\nBcc:"), std::string::npos);
}

TEST(FileTransportTest, WritesOneEmlFilePerMail) {
  auto dir = std::filesystem::temp_directory_path() / ("maplace-mail-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  FileTransport transport(dir, MailConfig{});
  outbox::OutboxMail mail;
  mail.id = 42;
  mail.mail = Mail{"a@b.fr", "Bonjour", "Lien : https://example.test/?jeton=abc"};
  ASSERT_THAT(transport.Deliver(mail), IsOk());
  std::ifstream in(dir / "000042.eml");
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_NE(content.str().find("To: <a@b.fr>"), std::string::npos);
  EXPECT_NE(content.str().find("jeton=abc"), std::string::npos);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace maplace::mail
