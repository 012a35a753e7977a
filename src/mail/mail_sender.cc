#include "mail/mail_sender.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace maplace::mail {

MailSender::MailSender(Store& store, MailTransport& transport, const Clock& clock,
                       MailConfig config)
    : store_(store), transport_(transport), clock_(clock), config_(std::move(config)) {}

MailSender::~MailSender() { Stop(); }

void MailSender::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void MailSender::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MailSender::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void MailSender::Run() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::seconds(30), [&] { return woken_ || stopping_; });
      if (stopping_) return;
      woken_ = false;
    }
    RunPeriodicTaskIfDue();
    if (auto sent = DeliverDue(); !sent) spdlog::error("mail outbox: {}", sent.error().message);
  }
}

void MailSender::SetPeriodicTask(std::function<void()> task, UnixSeconds every) {
  task_ = std::move(task);
  task_every_ = every;
  task_due_ = 0;
}

bool MailSender::RunPeriodicTaskIfDue() {
  if (!task_ || clock_.Now() < task_due_) return false;
  task_();
  task_due_ = clock_.Now() + task_every_;
  return true;
}

Result<int> MailSender::DeliverDue() {
  std::lock_guard round(delivering_);
  std::vector<outbox::OutboxMail> due;
  auto read = store_.Read([&](Repositories& repos) -> Status {
    auto found = repos.outbox().Due(clock_.Now(), 50);
    if (!found) return Fail(found.error());
    due = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  int sent = 0;
  for (const auto& mail : due) {
    auto delivered = transport_.Deliver(mail);
    const UnixSeconds now = clock_.Now();
    auto recorded = store_.Write([&](Repositories& repos) -> Status {
      if (delivered) return repos.outbox().MarkSent(mail.id, now);
      const int attempts = mail.attempts + 1;
      const bool give_up = attempts >= config_.max_attempts;
      const UnixSeconds delay = 60 * (UnixSeconds{1} << std::min(attempts - 1, 10));
      return repos.outbox().MarkAttemptFailed(mail.id, delivered.error().message, now + delay,
                                              give_up);
    });
    if (!recorded) return Fail(recorded.error());
    if (delivered) {
      ++sent;
    } else {
      // The address is personal data: log the outbox id only.
      spdlog::warn("mail {} not delivered (attempt {}): {}", mail.id, mail.attempts + 1,
                   delivered.error().message);
    }
  }
  return sent;
}

}  // namespace maplace::mail
