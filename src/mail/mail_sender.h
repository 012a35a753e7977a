#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "core/config.h"
#include "domain/store.h"
#include "mail/mail_transport.h"

namespace maplace::mail {

// Delivers the outbox: a background thread woken when a request may have queued mail (and
// every 30 s for retries). A failed attempt is retried after 1, 2, 4… minutes, up to
// MailConfig::max_attempts, then marked failed. Thread-safe.
class MailSender {
 public:
  MailSender(Store& store, MailTransport& transport, const Clock& clock, MailConfig config);
  ~MailSender();

  void Start();
  void Stop();
  void Wake();
  // Delivers every mail due now, synchronously; returns how many were sent.
  Result<int> DeliverDue();
  // A task the sender's thread also runs, before delivering, at most once every `every`
  // seconds (the offers' reminders and expiry: the mails they queue leave in the same round).
  // Call before Start().
  void SetPeriodicTask(std::function<void()> task, UnixSeconds every);
  // Runs the task when it is due; true when it ran. The thread calls it on every round.
  bool RunPeriodicTaskIfDue();

 private:
  void Run();

  Store& store_;
  MailTransport& transport_;
  const Clock& clock_;
  MailConfig config_;
  std::mutex mutex_;
  std::mutex delivering_;  // one delivery round at a time
  std::condition_variable wake_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
  std::function<void()> task_;
  UnixSeconds task_every_ = 0;
  UnixSeconds task_due_ = 0;
};

}  // namespace maplace::mail
