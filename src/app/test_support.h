#pragma once

// What the whole-server tests share: a fresh folder, a configuration that keeps everything in
// it, and the few ways they read a page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <string>
#include <string_view>

#include "app/http_client.h"
#include "app/platform.h"
#include "core/config.h"
#include "core/error_matchers.h"
#include "domain/reference/tables.h"

namespace maplace::app {

// A new empty folder under the system's temporary one, unique per process and call.
inline std::filesystem::path NewTestDir(std::string_view name) {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path() /
                   (std::string("maplace-") + std::string(name) + "-" + std::to_string(getpid()) +
                    "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  return dir;
}

// The platform on SQLite in `dir`, mail, keys and documents there too, cheap password hashing,
// a free port and 4 request threads.
inline Config TestConfig(const std::filesystem::path& dir) {
  Config config;
  config.storage.url = "sqlite://" + (dir / "maplace.db").string();
  config.mail.mail_dir = (dir / "mail").string();
  config.security.secret_file = (dir / "secret.key").string();
  config.payments.bank_key_file = (dir / "bank.key").string();
  config.payments.documents_dir = (dir / "documents").string();
  config.security.cheap_password_hashing = true;
  config.web.port = 0;
  config.web.threads = 4;
  return config;
}

inline bool Contains(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

// The first group of `pattern` in `text`, or "".
inline std::string Match(const std::string& text, const std::string& pattern) {
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(pattern))) return "";
  return match[1];
}

// The CSRF token of a page's forms.
inline std::string Csrf(const testing_http::HttpResponse& page) {
  return Match(page.body, R"re(name="csrf" value="([^"]+)")re");
}

// The password of the people the tests sign up.
inline constexpr char kTestPassword[] = "un manguier à Sainte-Anne";

// A new person of `role` named `name` ("Nom <email>" when empty); returns their id.
inline std::int64_t NewUser(Platform& platform, people::Role role, const std::string& email,
                            const std::string& name = "") {
  auto user = platform.accounts().CreateUser(
      {email, name.empty() ? "Nom " + email : name, role, kTestPassword});
  EXPECT_THAT(user, IsOk());
  return user ? user->id : 0;
}

// A client of `base` with a new session of `email`, an account with the tests' password.
inline testing_http::HttpClient LoggedIn(Platform& platform, const std::string& base,
                                         const std::string& email) {
  auto session = platform.accounts().Login(email, kTestPassword, "127.0.0.1");
  EXPECT_THAT(session, IsOk());
  testing_http::HttpClient client(base);
  if (session) client.cookies["maplace_session"] = session->token;
  return client;
}

// `organisation` stored as it is given (kind, name, SIRET, commune, status, creation time...),
// with `admin`, when not 0, as its administrator; returns its id.
inline std::int64_t NewOrganisation(Platform& platform, const people::Organisation& organisation,
                                    std::int64_t admin = 0) {
  std::int64_t id = 0;
  EXPECT_THAT(platform.store().Write([&](Repositories& r) -> Status {
    auto created = r.organisations().Create(organisation);
    if (!created) return Fail(created.error());
    id = *created;
    if (admin == 0) return Ok();
    return r.organisations().AddMember({id, admin, people::MemberRole::kAdmin});
  }),
              IsOk());
  return id;
}

// A new person of `role` (named `name`, "Nom <email>" when empty) signed in over HTTP at
// `base`. Employers and CFA users are the admins of an organisation of their own, created now,
// whose id goes to `organisation` when given.
inline testing_http::HttpClient SignedIn(Platform& platform, const std::string& base,
                                         people::Role role, const std::string& email,
                                         std::int64_t* organisation = nullptr,
                                         const std::string& name = "") {
  const std::int64_t user = NewUser(platform, role, email, name);
  if (role == people::Role::kEmployer || role == people::Role::kCfa) {
    auto org = platform.accounts().CreateOrganisation({0,
                                                       role == people::Role::kCfa
                                                           ? people::OrganisationKind::kCfa
                                                           : people::OrganisationKind::kEmployer,
                                                       "Org " + email});
    EXPECT_THAT(platform.accounts().AddMember(*org, user, people::MemberRole::kAdmin), IsOk());
    if (organisation != nullptr) *organisation = *org;
  }
  return LoggedIn(platform, base, email);
}

// One job (G1602, kitchen staff) and one commune (Le Lamentin, 97213), as `maplace import` would
// leave them: enough for an employer's offer.
inline Status SeedKitchenReference(Store& store) {
  namespace t = reference::tables;
  using reference::Row;
  return store.Write([](Repositories& r) -> Status {
    const std::vector<std::pair<const reference::TableSpec*, std::vector<Row>>> tables = {
        {&t::RomeGrandDomains(), {{"G", "Hôtellerie-restauration, tourisme"}}},
        {&t::RomeProfessionalDomains(), {{"G16", "Production culinaire"}}},
        {&t::RomeJobs(),
         {{"G1602", "Personnel de cuisine", "G", "G16", "G1602", "Prépare des plats.", ""}}},
        {&t::EmploymentAreas(), {{"201", "MARTINIQUE CENTRE"}}},
        {&t::Communes(), {{"97213", "Le Lamentin", "972", "40000"}}},
        {&t::CommuneAreas(), {{"97213", "201"}}},
        {&t::CommunePositions(), {{"97213", "14613000", "-60999000"}}},
        {&t::PostalCodes(), {{"97232", "97213", "LE LAMENTIN"}}},
    };
    for (const auto& [spec, rows] : tables)
      if (auto s = r.reference().Sync(*spec, rows); !s) return Fail(s.error());
    return Ok();
  });
}

// A published offer of `employer`'s organisation for the kitchen job in Le Lamentin (see
// SeedKitchenReference), through the forms; returns its id.
inline std::string PublishOffer(testing_http::HttpClient& employer, const std::string& title) {
  auto form = employer.Get("/employeur/offres/nouvelle");
  EXPECT_EQ(form.status, 200);
  auto created =
      employer.PostForm("/employeur/offres",
                        {{"csrf", Csrf(form)},
                         {"rome_code", "Personnel de cuisine (G1602)"},
                         {"title", title},
                         {"level", "3"},
                         {"contract", "apprentissage"},
                         {"start_date", ""},
                         {"duration_months", "24"},
                         {"positions", "1"},
                         {"rhythm", "2 jours / 3 jours"},
                         {"description", "Vous apprendrez la cuisine créole auprès de notre chef."},
                         {"commune_code", "97213"},
                         {"pause_after_applications", ""}});
  EXPECT_EQ(created.status, 303) << created.body;
  const std::string id = Match(created.Header("location"), "/employeur/offres/([0-9]+)");
  auto manage = employer.Get("/employeur/offres/" + id);
  auto published =
      employer.PostForm("/employeur/offres/" + id + "/publier", {{"csrf", Csrf(manage)}});
  EXPECT_EQ(published.status, 303) << published.body;
  return id;
}

}  // namespace maplace::app
