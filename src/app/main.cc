// maplace: one binary for the server and its administration commands.
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>

#include "app/bench_crm.h"
#include "app/platform.h"
#include "app/saved_search_digest.h"
#include "cli/audit_command.h"
#include "cli/demo_aids.h"
#include "cli/demo_applications.h"
#include "cli/demo_command.h"
#include "cli/demo_contracts.h"
#include "cli/demo_conventions.h"
#include "cli/demo_crm.h"
#include "cli/demo_offers.h"
#include "cli/demo_trainings.h"
#include "cli/demo_workshops.h"
#include "cli/simulate_command.h"
#include "core/embedded_files.h"
#include "core/time_format.h"
#include "domain/jobs/jobs_service.h"
#include "domain/reference/import_service.h"
#include "importers/importers.h"
#include "search/bench/api_paths.h"
#include "search/bench/bench.h"
#include "search/bench/fill.h"

namespace maplace::app {
namespace {

int Failed(const Error& error) {
  std::cerr << "error: " << error.message << "\n";
  for (const auto& [field, problem] : error.fields)
    std::cerr << "  " << field << ": " << problem << "\n";
  return 1;
}

// Runs the server until SIGINT or SIGTERM. `prepare` runs once the web part started, before
// the address is printed (the search benchmark fills the index there); `finish` once the server
// has stopped (the search benchmark reports its cache there).
int Serve(const Config& config, const std::function<void(Platform&)>& prepare = {},
          const std::function<void(Platform&)>& finish = {}) {
  // Signals are taken by sigwait below, not by whichever thread they land on.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto platform = Platform::Open(config);
  if (!platform) return Failed(platform.error());
  if (auto started = (*platform)->StartWeb(); !started) return Failed(started.error());
  if (prepare) prepare(**platform);
  std::cout << "maplace listening on " << (*platform)->server().public_url() << std::endl;

  int signal = 0;
  sigwait(&signals, &signal);
  spdlog::info("signal {} received: finishing requests in progress", signal);
  (*platform)->Stop();
  spdlog::info("stopped");
  if (finish) finish(**platform);
  return 0;
}

int Demo(const Config& config, const std::string& logins_file) {
  auto platform = Platform::Open(config);
  if (!platform) return Failed(platform.error());
  auto logins = cli::CreateDemo((*platform)->accounts());
  if (!logins) return Failed(logins.error());
  if (auto requests = cli::CreateDemoAidRequests((*platform)->store(), (*platform)->accounts(),
                                                 (*platform)->aid_requests(), std::time(nullptr));
      !requests)
    return Failed(requests.error());
  auto offers = cli::CreateDemoOffers((*platform)->store(), (*platform)->offers());
  if (!offers) return Failed(offers.error());
  if (auto demo_applications = cli::CreateDemoApplications(
          (*platform)->store(), (*platform)->offers(), std::time(nullptr));
      !demo_applications)
    return Failed(demo_applications.error());
  auto demo_trainings =
      cli::CreateDemoTrainings((*platform)->store(), (*platform)->trainings(), std::time(nullptr));
  if (!demo_trainings) return Failed(demo_trainings.error());
  auto demo_crm = cli::CreateDemoCrm((*platform)->store(), (*platform)->crm(), std::time(nullptr));
  if (!demo_crm) return Failed(demo_crm.error());
  if (auto demo_contracts = cli::CreateDemoContracts(
          (*platform)->store(), *(*platform)->aids().rules(), std::time(nullptr));
      !demo_contracts)
    return Failed(demo_contracts.error());
  if (auto demo_workshops = cli::CreateDemoWorkshops((*platform)->store(), (*platform)->workshops(),
                                                     (*platform)->poec(), std::time(nullptr));
      !demo_workshops)
    return Failed(demo_workshops.error());
  if (auto demo_conventions = cli::CreateDemoConventions(
          (*platform)->store(), (*platform)->conventions(), std::time(nullptr));
      !demo_conventions)
    return Failed(demo_conventions.error());
  const std::string table = cli::FormatDemoLogins(*logins);
  std::cout << "Demo accounts (fictitious data; passwords are new at each run):\n" << table;
  if (!logins_file.empty()) {
    const mode_t old_mask = umask(077);
    std::ofstream out(logins_file, std::ios::trunc);
    out << table;
    umask(old_mask);
    if (!out) return Failed(Error{ErrorCode::kUnavailable, "cannot write " + logins_file, {}});
  }
  return 0;
}

int Import(const Config& config, const std::string& kind, const std::string& path) {
  auto store = storage::OpenAndMigrate(config.storage);
  if (!store) return Failed(store.error());
  // A progress bar on a terminal; nothing when the output goes to a file or a pipe.
  importers::Progress progress;
  if (isatty(STDERR_FILENO)) {
    progress = [](const std::string& file, std::uint64_t done, std::uint64_t size) {
      const int percent = size ? static_cast<int>(100 * done / size) : 100;
      const int filled = percent / 5;
      std::fprintf(stderr, "\r  %-48.48s [%-20s] %3d%%", file.c_str(),
                   std::string(static_cast<std::size_t>(filled), '#').c_str(), percent);
      if (done >= size) std::fprintf(stderr, "\n");
    };
  }
  const auto started = std::chrono::steady_clock::now();
  auto dataset = importers::Read(kind, path, progress);
  if (!dataset) return Failed(dataset.error());
  SystemClock clock;
  reference::ImportService service(**store, clock);
  auto report = service.Import(*dataset);
  if (!report) return Failed(report.error());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("Imported %s from %s: %lld rows read in %.2f s (%.0f rows/s)\n", kind.c_str(),
              path.c_str(), static_cast<long long>(report->rows_read), seconds,
              static_cast<double>(report->rows_read) / std::max(seconds, 1e-9));
  for (const auto& [table, c] : report->tables) {
    std::printf("  %-28s %7lld added %7lld changed %7lld removed %7lld unchanged\n", table.c_str(),
                static_cast<long long>(c.added), static_cast<long long>(c.changed),
                static_cast<long long>(c.removed), static_cast<long long>(c.unchanged));
  }
  for (const auto& warning : report->warnings) std::printf("  warning: %s\n", warning.c_str());
  if (kind == "bmo" || kind == "fap-rome" || kind == "rome") {
    // BMO families that the crosswalk cannot join to ROME jobs: a person decides their twin in
    // src/domain/jobs/data/fap_twins.csv.
    jobs::JobsService jobs(**store, jobs::ParseFapOverrides(embedded::FapTwins().at(0).bytes));
    auto unmapped = jobs.UnmappedFamilies();
    if (!unmapped) return Failed(unmapped.error());
    if (!unmapped->empty()) {
      std::string list;
      for (const auto& code : *unmapped) list += " " + code;
      std::printf("  warning: %zu FAP 2021 families have no FAP 2009 twin, so no ROME job:%s\n",
                  unmapped->size(), list.c_str());
    }
  }
  return 0;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"maplace: the alternance platform of the OPCO delegation (« Ici c'est ma place »)"};
  app.require_subcommand(1);
  std::string var_dir;
  app.add_option("--var-dir", var_dir,
                 "Folder for the SQLite database, mails and the secret key (default: var)");

  auto* serve = app.add_subcommand("serve", "Start the HTTP server (stops cleanly on SIGTERM)");
  int port = -1, threads = 0;
  std::string bind;
  serve->add_option("--port", port, "TCP port; 0 picks a free one (default 8080)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--bind", bind, "Address to listen on (default 127.0.0.1)");
  serve->add_option("--threads", threads, "Request threads (default 8)")->check(CLI::Range(1, 256));

  auto* migrate = app.add_subcommand("migrate", "Apply the pending database migrations");
  auto* demo =
      app.add_subcommand("demo", "Create demo accounts (refused on a store with real data)");
  std::string logins_file;
  demo->add_option("--logins-file", logins_file, "Also write the demo logins to this file (0600)");

  auto* user = app.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create an active account");
  std::string email, name, role_code;
  bool password_stdin = false;
  user_add->add_option("--email", email, "E-mail address")->required();
  user_add->add_option("--name", name, "First and last name")->required();
  user_add
      ->add_option("--role", role_code,
                   "young_person, employer, cfa, advisor, manager, finance or admin")
      ->required();
  user_add->add_flag("--password-stdin", password_stdin,
                     "Read the password from standard input (otherwise one is generated)");
  auto* user_list = user->add_subcommand("list", "List the accounts");
  auto* user_disable = user->add_subcommand("disable", "Disable an account and end its sessions");
  user_disable->add_option("--email", email, "E-mail address")->required();

  auto* import = app.add_subcommand("import", "Load an official reference file (all or nothing)");
  std::string kind_help = "Kind of data:";
  for (const auto& kind : importers::Kinds())
    kind_help += std::string("\n  ") + kind.name + ": " + kind.description;
  std::string kind, path;
  import->add_option("kind", kind, kind_help)->required();
  import->add_option("path", path, "File to read (a folder for rome, certifications and idcc)")
      ->required();

  auto* import_all =
      app.add_subcommand("import-all", "Load every dataset of a folder laid out as ../shared/data");
  std::string node_modules = "node_modules";
  import_all->add_option("data", path, "The data folder")->required();
  import_all->add_option(
      "--node-modules", node_modules,
      "Where script/bootstrap installed the npm packages (default node_modules)");

  auto* backup = app.add_subcommand("backup", "Copy the database to a file while it runs");
  std::string file;
  backup->add_option("file", file, "Backup file to write")->required();
  auto* restore =
      app.add_subcommand("restore", "Replace the database with a backup (stop servers first)");
  restore->add_option("file", file, "Backup file to read")->required();

  auto* simulate = app.add_subcommand(
      "simulate", "Evaluate situations read as JSON on stdin (docs/simulate.md); JSON on stdout");
  auto* rules_command = app.add_subcommand("rules", "The aids rules (rules/*.toml)");
  auto* rules_check = rules_command->add_subcommand("check", "Validate a rules folder");
  std::string rules_dir;
  rules_check->add_option("dir", rules_dir, "The folder to check")->required();
  auto* bench = app.add_subcommand("bench", "Benchmarks on this machine");
  bench->require_subcommand(1);
  auto* bench_aids = bench->add_subcommand("aids", "Full aid evaluations per second on one core");
  int evaluations = 200000;
  bench_aids->add_option("--evaluations", evaluations, "How many (default 200000)")
      ->check(CLI::Range(1, 100000000));
  auto* bench_search = bench->add_subcommand(
      "search", "The search index against SQLite FTS5 and PostgreSQL FTS on a synthetic corpus");
  search::BenchmarkOptions search_options;
  bench_search->add_option("--offers", search_options.offers, "Offers (default 1000000)");
  bench_search->add_option("--trainings", search_options.trainings, "Trainings (default 100000)");
  bench_search->add_option("--queries", search_options.queries, "Queries (default 1000)");
  bench_search->add_option("--reference-queries", search_options.reference_queries,
                           "Queries the references run (default 200)");
  bench_search->add_option("--postgres", search_options.postgres_url,
                           "Also compare with PostgreSQL full-text search at this URL");
  bench_search->add_flag(
      "--no-sqlite", [&](std::int64_t) { search_options.sqlite = false; }, "Skip SQLite FTS5");

  auto* bench_search_http = bench->add_subcommand(
      "search-http",
      "Serve a synthetic corpus in the search index (nothing stored) for bench/search_http.sh");
  std::size_t http_offers = 1'000'000, http_trainings = 100'000;
  bench_search_http->add_option("--offers", http_offers, "Offers (default 1000000)");
  bench_search_http->add_option("--trainings", http_trainings, "Trainings (default 100000)");
  bench_search_http->add_option("--port", port, "TCP port; 0 picks a free one");
  std::string http_queries_file;
  std::size_t http_queries = 20'000;
  bench_search_http->add_option(
      "--queries-file", http_queries_file,
      "Write the benchmark's queries there, one GET /api/v1/search path per line");
  bench_search_http->add_option("--queries", http_queries, "How many (default 20000)");

  auto* bench_crm = bench->add_subcommand(
      "crm", "The CRM's lists and search on synthetic organisations and interactions");
  CrmBenchOptions crm_options;
  bench_crm->add_option("--organisations", crm_options.organisations, "Default 10000")
      ->check(CLI::Range(1, 10000000));
  bench_crm->add_option("--interactions", crm_options.interactions, "Default 100000")
      ->check(CLI::Range(0, 100000000));
  bench_crm->add_option("--queries", crm_options.queries, "Per scenario (default 200)")
      ->check(CLI::Range(1, 1000000));
  bench_crm->add_option("--postgres", crm_options.postgres_url,
                        "Also on PostgreSQL at this URL (an empty, throwaway database)");

  auto* tick = app.add_subcommand(
      "tick",
      "Send the reminders no request triggers: offers expiring in 7 days (and expire the ended "
      "ones), applications and enquiries unanswered for 7 days, workshops of tomorrow (with "
      "their ICS) and the surveys of ended ones (run it hourly or daily from cron)");
  auto* alerts = app.add_subcommand("alerts", "The young people's saved-search alerts");
  alerts->require_subcommand(1);
  auto* alerts_send = alerts->add_subcommand(
      "send", "Mail each young person the new offers of their saved searches (run it daily)");
  auto* audit = app.add_subcommand("audit", "The money journal and the money invariants");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand(
      "verify", "Check the journal's hash chain and the invariants (exit 1 on any breach)");

  CLI11_PARSE(app, argc, argv);

  if (*bench_search) return search::RunBenchmark(search_options, std::cout);
  if (*bench_crm) return RunCrmBenchmark(crm_options, std::cout);

  // Commands on the rules alone: no database, no configuration.
  if (*simulate || *bench_aids || *rules_check) {
    const char* directory = std::getenv("MAPLACE_RULES_DIR");
    auto rules = aids::LoadRulesFrom(*rules_check ? rules_dir : (directory ? directory : ""));
    if (!rules) return Failed(rules.error());
    if (*rules_check) {
      std::cout << "Rules are valid: " << rules->aids.size() << " aids, "
                << rules->parameters.size() << " parameters.\n";
      return 0;
    }
    if (*bench_aids) return cli::BenchAids(*rules, evaluations, std::cout);
    return cli::Simulate(*rules, std::cin, std::cout);
  }

  Config base;
  if (!var_dir.empty()) {
    base.storage.url = "sqlite://" + var_dir + "/maplace.db";
    base.mail.mail_dir = var_dir + "/mail";
    base.security.secret_file = var_dir + "/secret.key";
    base.payments.bank_key_file = var_dir + "/bank.key";
    base.payments.documents_dir = var_dir + "/documents";
  }
  auto config = ApplyEnvironment(base);
  if (!config) return Failed(config.error());
  if (port >= 0) config->web.port = port;
  if (!bind.empty()) config->web.bind = bind;
  if (threads > 0) config->web.threads = threads;
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");

  if (*serve) return Serve(*config);
  if (*bench_search_http) {
    if (!http_queries_file.empty()) {
      std::ofstream out(http_queries_file, std::ios::trunc);
      for (const auto& query : search::bench::MakeQueries(http_queries))
        out << search::bench::ApiPath(query) << "\n";
      if (!out) return Failed(Error{ErrorCode::kUnavailable, "cannot write " + http_queries_file});
    }
    return Serve(
        *config,
        [&](Platform& platform) {
          const auto corpus = search::bench::MakeCorpus(http_offers, http_trainings);
          search::bench::Fill(platform.search_index(), platform.search_cards(), corpus);
          spdlog::info("search benchmark corpus: {} documents, {} MB in the index",
                       platform.search_index().size(), platform.search_index().MemoryBytes() >> 20);
        },
        [](Platform& platform) {
          const auto counts = platform.search_index().cache_counts();
          const auto& api = *platform.search_parts().api_answers;
          spdlog::info("search cache: API {} hits, {} misses; index {} hits, {} misses", api.hits(),
                       api.misses(), counts.hits, counts.misses);
        });
  }
  if (*migrate) {
    auto store = storage::SqlStore::Open(config->storage);
    if (!store) return Failed(store.error());
    auto applied = (*store)->Migrate();
    if (!applied) return Failed(applied.error());
    std::cout << "Applied " << *applied << " migration(s).\n";
    return 0;
  }
  if (*demo) return Demo(*config, logins_file);
  if (*import) return Import(*config, kind, path);
  if (*import_all) {
    for (const auto& source : importers::StandardSources(path, node_modules)) {
      if (int rc = Import(*config, source.kind, source.path.string()); rc != 0) return rc;
    }
    return 0;
  }
  if (*tick) {
    auto platform = Platform::Open(*config);
    if (!platform) return Failed(platform.error());
    ReminderRound round;
    const Status reminded = (*platform)->RunReminders(round);
    // The mails wait in the outbox; the server (or this delivery) sends them.
    if (auto sent = (*platform)->mail_sender().DeliverDue(); !sent) return Failed(sent.error());
    std::cout << round.offers.reminded << " offer reminder(s), " << round.offers.expired
              << " offer(s) expired, " << round.applications << " unanswered application(s) and "
              << round.enquiries << " unanswered enquiry(ies) reminded, "
              << round.workshop_reminders << " workshop reminder(s), " << round.workshop_surveys
              << " survey(s)\n";
    return reminded ? 0 : Failed(reminded.error());
  }
  if (*alerts_send) {
    auto platform = Platform::Open(*config);
    if (!platform) return Failed(platform.error());
    auto secret = LoadOrCreateSecret(config->security.secret_file);
    if (!secret) return Failed(secret.error());
    auto& p = **platform;
    p.young_people().SetSigningKey(*secret);
    SystemClock clock;
    auto counts =
        SendAlertsFromStore(p.store(), p.offers(), p.trainings(), p.young_people(), clock);
    if (!counts) return Failed(counts.error());
    if (auto sent = p.mail_sender().DeliverDue(); !sent) return Failed(sent.error());
    std::cout << counts->searches << " saved search(es) digested, " << counts->mails
              << " alert mail(s) sent, " << counts->offers << " new offer(s)\n";
    return 0;
  }
  if (*audit_verify) {
    auto store = storage::OpenAndMigrate(config->storage);
    if (!store) return Failed(store.error());
    return cli::AuditVerify(**store, cli::MoneyChecks(), std::cout);
  }
  if (*backup) {
    if (auto done = storage::Backup(config->storage, file); !done) return Failed(done.error());
    std::cout << "Backup written to " << file << "\n";
    return 0;
  }
  if (*restore) {
    if (auto done = storage::Restore(config->storage, file); !done) return Failed(done.error());
    std::cout << "Database restored from " << file << "\n";
    return 0;
  }
  // user …
  auto platform = Platform::Open(*config);
  if (!platform) return Failed(platform.error());
  auto& accounts = (*platform)->accounts();
  if (*user_add) {
    auto role = people::ParseRole(role_code);
    if (!role) return Failed(Error{ErrorCode::kInvalidArgument, "unknown role: " + role_code, {}});
    std::string password;
    if (password_stdin) {
      std::getline(std::cin, password);
    } else {
      password = crypto::RandomToken(14).substr(0, 18);
    }
    auto created = accounts.CreateUser({email, name, *role, password, false});
    if (!created) return Failed(created.error());
    std::cout << "Created " << created->email << " (" << people::RoleCode(created->role) << ")";
    if (!password_stdin) std::cout << " with password " << password;
    std::cout << "\n";
    return 0;
  }
  if (*user_list) {
    auto users = accounts.ListUsers();
    if (!users) return Failed(users.error());
    for (const auto& u : *users) {
      std::printf("%-6lld %-40s %-13s %-9s %s%s\n", static_cast<long long>(u.id), u.email.c_str(),
                  std::string(people::RoleCode(u.role)).c_str(),
                  std::string(people::UserStatusCode(u.status)).c_str(),
                  FormatUtcIso8601(u.created_at).c_str(), u.is_demo ? " demo" : "");
    }
    return 0;
  }
  if (*user_disable) {
    if (auto done = accounts.DisableUser(email, 0); !done) return Failed(done.error());
    std::cout << "Disabled " << email << "\n";
    return 0;
  }
  return 1;
}

}  // namespace maplace::app

int main(int argc, char** argv) { return maplace::app::Main(argc, argv); }
