#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "core/config.h"
#include "core/error.h"
#include "domain/people/account_service.h"
#include "web/router.h"
#include "web/static_files.h"
#include "web/templates.h"

namespace maplace::web {

// What the request dispatcher needs besides the routes.
struct ServerContext {
  WebConfig config;
  std::string csrf_key;  // secret key for CSRF tokens
  people::AccountService* accounts = nullptr;
  const Templates* templates = nullptr;
  // Called after each state-changing request: wakes the mail sender.
  std::function<void()> after_write;
  // Called once the port is bound, before any request is served, with the public URL.
  std::function<void(const std::string& public_url)> on_listening;
};

// The HTTP server: RESTinio on a pool of threads, with one dispatcher that parses the request,
// finds the route, authenticates the session, checks the route's access, CSRF and limits, calls
// the handler, catches what it throws, adds the security headers and writes the access log.
class Server {
 public:
  Server(ServerContext context, const Router& router);
  ~Server();

  // Validates the routes, binds (port 0 picks a free one) and starts serving.
  Status Start();
  int port() const { return port_.load(); }
  // The origin people reach the server at (the public URL, or http://bind:port).
  std::string public_url() const;
  // Stops accepting, lets requests in progress finish, then stops the threads.
  void Stop();

  // The dispatcher, exposed for tests of its rules without sockets.
  Response Dispatch(Request& request);

 private:
  struct Impl;
  Response Handle(Request& request);
  void Secure(const Request& request, Response& response) const;

  ServerContext context_;
  std::string content_security_policy_;  // with the map's tile server among the image sources
  const Router& router_;
  StaticFiles static_files_;
  std::atomic<int> port_{0};
  std::atomic<int> in_flight_{0};
  std::unique_ptr<Impl> impl_;
};

}  // namespace maplace::web
