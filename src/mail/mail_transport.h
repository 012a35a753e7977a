#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/config.h"
#include "core/error.h"
#include "domain/outbox/outbox_repository.h"

namespace maplace::mail {

// The RFC 5322 message of a mail: UTF-8 headers encoded (RFC 2047), CRLF line ends, a
// Message-ID that is stable for the outbox row (a retried mail keeps it).
std::string FormatMessage(const outbox::OutboxMail& mail, const MailConfig& config);

// Delivers one mail; kUnavailable when it may succeed later.
class MailTransport {
 public:
  virtual ~MailTransport() = default;
  virtual Status Deliver(const outbox::OutboxMail& mail) = 0;
};

// Development: writes each mail as <dir>/<id>.eml instead of sending it.
class FileTransport final : public MailTransport {
 public:
  FileTransport(std::filesystem::path dir, MailConfig config);
  Status Deliver(const outbox::OutboxMail& mail) override;

 private:
  std::filesystem::path dir_;
  MailConfig config_;
};

// Production: SMTP (smtp:// with STARTTLS when offered, or smtps://) through libcurl.
class SmtpTransport final : public MailTransport {
 public:
  explicit SmtpTransport(MailConfig config);
  Status Deliver(const outbox::OutboxMail& mail) override;

 private:
  MailConfig config_;
};

// The transport the configuration asks for.
std::unique_ptr<MailTransport> MakeTransport(const MailConfig& config);

}  // namespace maplace::mail
