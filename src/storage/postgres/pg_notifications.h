#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/error.h"

typedef struct pg_conn PGconn;

namespace maplace::storage {

// PostgreSQL's LISTEN/NOTIFY between the servers that share one database: what one server
// changes, the others hear about at once (the search index follows offers and trainings this
// way). The channel is named after `topic` and the connection's schema, so that servers on
// other schemas of the same database (the tests' schemas) do not hear each other.
//
// Notifications are not stored: a server that was disconnected missed what was said meanwhile,
// so it is told when it reconnects (`on_reconnect`) and catches up from the store.
class PgNotifications {
 public:
  // Connects twice to `url` (a postgresql:// URL): once to speak, once to listen.
  static Result<std::unique_ptr<PgNotifications>> Open(const std::string& url,
                                                       const std::string& topic);
  ~PgNotifications();  // stops listening
  PgNotifications(const PgNotifications&) = delete;
  PgNotifications& operator=(const PgNotifications&) = delete;

  // NOTIFY: every listener of the channel, this one included, receives `payload` (< 8000 bytes).
  Status Publish(const std::string& payload);

  // Starts the listening thread; `on_message` runs on it for every notification, in order.
  // Call once.
  void Listen(std::function<void(const std::string& payload)> on_message,
              std::function<void()> on_reconnect);

  const std::string& channel() const { return channel_; }

 private:
  PgNotifications(std::string url, std::string channel, PGconn* speaker, PGconn* listener);
  void Run();
  bool ListenOn(PGconn* connection);  // LISTEN channel; false on failure

  std::string url_;
  std::string channel_;
  std::mutex speaker_mutex_;
  PGconn* speaker_;
  PGconn* listener_;
  std::function<void(const std::string&)> on_message_;
  std::function<void()> on_reconnect_;
  int wake_fd_ = -1;  // an eventfd: written to stop the thread
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace maplace::storage
