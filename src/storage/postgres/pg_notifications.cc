#include "storage/postgres/pg_notifications.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace maplace::storage {
namespace {

Error Unavailable(PGconn* connection, std::string_view what) {
  return Error{ErrorCode::kUnavailable,
               fmt::format("{}: {}", what, connection ? PQerrorMessage(connection) : "no memory")};
}

// The caller checks PQstatus, reads the error, and PQfinish-es it either way.
PGconn* Connect(const std::string& url) { return PQconnectdb(url.c_str()); }

// Channel names are identifiers: lower-case letters, digits and underscores, 63 bytes at most.
std::string ChannelName(const std::string& topic, const std::string& schema) {
  std::string name = topic + "_" + schema;
  for (char& c : name) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name.substr(0, 63);
}

}  // namespace

Result<std::unique_ptr<PgNotifications>> PgNotifications::Open(const std::string& url,
                                                               const std::string& topic) {
  PGconn* speaker = Connect(url);
  if (PQstatus(speaker) != CONNECTION_OK) {
    Error error = Unavailable(speaker, "PostgreSQL notifications");
    PQfinish(speaker);
    return Fail(error);
  }
  PGresult* result = PQexec(speaker, "SELECT current_schema()");
  const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1;
  const std::string schema = ok ? PQgetvalue(result, 0, 0) : "";
  PQclear(result);
  PGconn* listener = ok ? Connect(url) : nullptr;
  if (!ok || PQstatus(listener) != CONNECTION_OK) {
    Error error = Unavailable(ok ? listener : speaker, "PostgreSQL notifications");
    PQfinish(listener);
    PQfinish(speaker);
    return Fail(error);
  }
  std::unique_ptr<PgNotifications> notifications(
      new PgNotifications(url, ChannelName(topic, schema), speaker, listener));
  if (notifications->wake_fd_ < 0 || !notifications->ListenOn(listener))
    return Fail(Unavailable(listener, "LISTEN"));
  return notifications;
}

PgNotifications::PgNotifications(std::string url, std::string channel, PGconn* speaker,
                                 PGconn* listener)
    : url_(std::move(url)),
      channel_(std::move(channel)),
      speaker_(speaker),
      listener_(listener),
      wake_fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

PgNotifications::~PgNotifications() {
  stopping_ = true;
  if (thread_.joinable()) {
    const std::uint64_t one = 1;
    if (write(wake_fd_, &one, sizeof one) < 0) spdlog::error("notifications: cannot wake");
    thread_.join();
  }
  PQfinish(listener_);
  PQfinish(speaker_);
  if (wake_fd_ >= 0) close(wake_fd_);
}

bool PgNotifications::ListenOn(PGconn* connection) {
  char* quoted = PQescapeIdentifier(connection, channel_.c_str(), channel_.size());
  if (quoted == nullptr) return false;
  PGresult* result = PQexec(connection, fmt::format("LISTEN {}", quoted).c_str());
  PQfreemem(quoted);
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  PQclear(result);
  return ok;
}

Status PgNotifications::Publish(const std::string& payload) {
  const std::lock_guard lock(speaker_mutex_);
  const char* values[] = {channel_.c_str(), payload.c_str()};
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (PQstatus(speaker_) != CONNECTION_OK) PQreset(speaker_);  // e.g. after a server restart
    PGresult* result =
        PQexecParams(speaker_, "SELECT pg_notify($1, $2)", 2, nullptr, values, nullptr, nullptr, 0);
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
    PQclear(result);
    if (ok) return Ok();
  }
  return Fail(Unavailable(speaker_, "NOTIFY"));
}

void PgNotifications::Listen(std::function<void(const std::string&)> on_message,
                             std::function<void()> on_reconnect) {
  on_message_ = std::move(on_message);
  on_reconnect_ = std::move(on_reconnect);
  thread_ = std::thread([this] { Run(); });
}

void PgNotifications::Run() {
  int backoff_ms = 250;
  bool broken = false;  // the connection failed, whatever PQstatus says
  while (!stopping_) {
    const bool connected = !broken && PQstatus(listener_) == CONNECTION_OK;
    pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {connected ? PQsocket(listener_) : -1, POLLIN, 0}};
    // Connected: wait for a notification. Not: wait before trying again, longer each time.
    if (poll(fds, 2, connected ? -1 : backoff_ms) < 0 && errno != EINTR) break;
    if (stopping_ || (fds[0].revents & POLLIN)) break;
    if (!connected) {
      PQreset(listener_);
      if (PQstatus(listener_) == CONNECTION_OK && ListenOn(listener_)) {
        broken = false;
        spdlog::warn("notifications: listening again on {}", channel_);
        backoff_ms = 250;
        if (on_reconnect_) on_reconnect_();
      } else {
        backoff_ms = std::min(backoff_ms * 2, 10'000);
      }
      continue;
    }
    if (PQconsumeInput(listener_) == 0) {
      spdlog::warn("notifications: connection lost on {}: {}", channel_, PQerrorMessage(listener_));
      broken = true;  // reconnect above
      continue;
    }
    while (PGnotify* notification = PQnotifies(listener_)) {
      const std::string payload = notification->extra;
      PQfreemem(notification);
      if (on_message_) on_message_(payload);
    }
  }
}

}  // namespace maplace::storage
