#pragma once

#include <cstddef>
#include <string>

#include "core/error.h"

namespace maplace {

struct StorageConfig {
  // sqlite://<path> (relative to the working directory) or postgresql://… (libpq URI).
  std::string url = "sqlite://var/maplace.db";
  int pool_size = 8;
};

struct WebConfig {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port, printed at start
  int threads = 8;  // handlers block on the store, so more threads than cores
  // The address people use, for links in e-mails; https:// turns on Secure and __Host- cookies.
  std::string public_url;                           // default: http://<bind>:<port>
  std::size_t max_body_bytes = 12 * 1024 * 1024;    // the connection is closed beyond this
  std::size_t max_form_bytes = 64 * 1024;           // urlencoded forms and JSON
  std::size_t max_upload_bytes = 10 * 1024 * 1024;  // multipart bodies
  int request_timeout_seconds = 30;
  // The map of search results: a tile server URL template ({z}/{x}/{y}) and the credit its
  // licence asks for. Empty: no map (the results list is the page either way).
  std::string map_tiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  std::string map_attribution = "© les contributeurs d’OpenStreetMap";
};

struct MailConfig {
  std::string smtp_url;  // smtp://host:port or smtps://…; empty: write .eml files to mail_dir
  std::string smtp_user;
  std::string smtp_password;
  std::string mail_dir = "var/mail";
  std::string from_address = "ne-pas-repondre@icicestmaplace.fr";
  std::string from_name = "Ici c'est ma place";
  int max_attempts = 8;
};

struct SecurityConfig {
  // Key for CSRF tokens; created with 0600 permissions on first start when missing.
  std::string secret_file = "var/secret.key";
  // Tests only: argon2id at its minimum cost instead of the interactive one.
  bool cheap_password_hashing = false;
};

struct AidsConfig {
  // A folder of rules/*.toml files to use instead of the rules compiled into the binary;
  // empty: the compiled ones. A bad file stops the server at start.
  std::string rules_dir;
};

// Aid requests and their payments.
struct PaymentsConfig {
  // Keys sealing the beneficiaries' IBANs (created 0600 on first start); keep it out of the
  // database and its backups, and back it up apart.
  std::string bank_key_file = "var/bank.key";
  // Supporting documents, outside the web root.
  std::string documents_dir = "var/documents";
  // The delegation's account, debited by the SEPA transfer files. Empty IBAN: no file is made.
  std::string debtor_name = "AKTO Delegation Martinique";
  std::string debtor_iban;
  std::string debtor_bic;
};

struct SearchConfig {
  // Answers of distinct searches kept until the next write to the index (0 turns it off).
  int cached_answers = 4096;
};

struct Config {
  StorageConfig storage;
  SearchConfig search;
  WebConfig web;
  MailConfig mail;
  SecurityConfig security;
  AidsConfig aids;
  PaymentsConfig payments;
};

// Applies MAPLACE_* environment variables on top of `base`: MAPLACE_DATABASE_URL, MAPLACE_BIND,
// MAPLACE_PORT, MAPLACE_THREADS, MAPLACE_PUBLIC_URL, MAPLACE_SMTP_URL, MAPLACE_SMTP_USER,
// MAPLACE_SMTP_PASSWORD, MAPLACE_MAIL_DIR, MAPLACE_MAIL_FROM, MAPLACE_SECRET_FILE,
// MAPLACE_RULES_DIR, MAPLACE_BANK_KEY_FILE, MAPLACE_DOCUMENTS_DIR, MAPLACE_DEBTOR_NAME,
// MAPLACE_DEBTOR_IBAN, MAPLACE_DEBTOR_BIC. kInvalidArgument names the variable at fault.
Result<Config> ApplyEnvironment(Config base);

// The public URL, derived from bind and port when not set.
std::string PublicUrl(const WebConfig& web);

}  // namespace maplace
