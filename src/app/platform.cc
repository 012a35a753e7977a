#include "app/platform.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "app/saved_search_digest.h"
#include "app/search_feed.h"
#include "app/search_replication.h"
#include "core/embedded_files.h"
#include "core/text.h"

namespace maplace::app {

Result<std::string> LoadOrCreateSecret(const std::string& path) {
  std::ifstream in(path);
  if (in) {
    std::stringstream content;
    content << in.rdbuf();
    std::string secret(text::Trim(content.str()));
    if (secret.size() < 32)
      return Fail(ErrorCode::kInvalidArgument, fmt::format("secret in {} is too short", path));
    return secret;
  }
  std::filesystem::path file(path);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  const std::string secret = crypto::RandomToken(32);
  const mode_t old_mask = umask(077);
  std::ofstream out(path, std::ios::trunc);
  out << secret << "\n";
  umask(old_mask);
  if (!out) return Fail(ErrorCode::kUnavailable, fmt::format("cannot write {}", path));
  return secret;
}

Platform::Platform(Config config) : config_(std::move(config)) {}

Platform::~Platform() { Stop(); }

Result<std::unique_ptr<Platform>> Platform::Open(const Config& config) {
  crypto::Initialise();
  std::unique_ptr<Platform> p(new Platform(config));
  auto store = storage::OpenAndMigrate(config.storage);
  if (!store) return Fail(store.error());
  p->store_ = std::move(*store);
  p->hasher_ = std::make_unique<crypto::PasswordHasher>(
      config.security.cheap_password_hashing ? crypto::PasswordHasher::Minimum()
                                             : crypto::PasswordHasher::Interactive());
  p->policy_ = std::make_unique<people::PasswordPolicy>(embedded::CommonPasswords().at(0).bytes);
  p->accounts_ = std::make_unique<people::AccountService>(
      *p->store_, *p->hasher_, *p->policy_, p->throttle_, p->clock_,
      people::AccountSettings{PublicUrl(config.web)});
  p->jobs_ = std::make_unique<jobs::JobsService>(
      *p->store_, jobs::ParseFapOverrides(embedded::FapTwins().at(0).bytes));
  p->imports_ = std::make_unique<reference::ImportService>(*p->store_, p->clock_);
  auto files = config.aids.rules_dir.empty()
                   ? Result<std::vector<aids::RulesFile>>(aids::EmbeddedRulesFiles())
                   : aids::ReadRulesDirectory(config.aids.rules_dir);
  if (!files) return Fail(files.error());
  auto aids = aids::AidsService::Open(std::move(*files), *p->store_, p->clock_);
  if (!aids) return Fail(aids.error());
  p->aids_ = std::move(*aids);
  auto box = crypto::SecretBox::OpenKeyFile(config.payments.bank_key_file);
  if (!box) return Fail(box.error());
  p->bank_box_ = std::make_unique<crypto::SecretBox>(std::move(*box));
  aid_requests::ServiceOptions request_options;
  request_options.documents_dir = config.payments.documents_dir;
  p->aid_requests_ = std::make_unique<aid_requests::AidRequestService>(
      *p->store_, *p->aids_, *p->bank_box_, p->clock_, request_options);
  p->visitor_mail_ = std::make_unique<outbox::VisitorMailer>(*p->store_, p->clock_);
  p->offers_ = std::make_unique<offers::OfferService>(*p->store_, p->clock_,
                                                      offers::OfferSettings{PublicUrl(config.web)});
  applications::ApplicationSettings application_settings;
  application_settings.documents_dir = config.payments.documents_dir;
  application_settings.public_url = PublicUrl(config.web);
  p->applications_ = std::make_unique<applications::ApplicationService>(
      *p->store_, *p->offers_, p->clock_, application_settings);
  p->organisations_ =
      std::make_unique<people::OrganisationService>(*p->store_, p->clock_, PublicUrl(config.web));
  p->trainings_ = std::make_unique<trainings::TrainingService>(*p->store_, p->clock_);
  p->crm_ = std::make_unique<crm::CrmService>(*p->store_, p->clock_);
  p->contracts_ = std::make_unique<contracts::ContractService>(
      *p->store_, p->clock_, [aids = p->aids_.get()] { return aids->rules(); });
  p->conventions_ = std::make_unique<conventions::ConventionService>(*p->store_, p->clock_);
  workshops::WorkshopSettings workshop_settings;
  workshop_settings.documents_dir = config.payments.documents_dir;
  workshop_settings.public_url = PublicUrl(config.web);
  p->workshops_ =
      std::make_unique<workshops::WorkshopService>(*p->store_, p->clock_, workshop_settings);
  p->poec_ = std::make_unique<poec::PoecService>(*p->store_, p->clock_);
  p->young_people_ = std::make_unique<young_people::YoungPeopleService>(
      *p->store_, p->clock_, young_people::YoungPeopleSettings{PublicUrl(config.web)});
  enquiries::EnquirySettings enquiry_settings;
  enquiry_settings.documents_dir = config.payments.documents_dir;
  enquiry_settings.public_url = PublicUrl(config.web);
  p->enquiries_ =
      std::make_unique<enquiries::EnquiryService>(*p->store_, p->clock_, enquiry_settings);
  p->transport_ = mail::MakeTransport(config.mail);
  p->mail_sender_ =
      std::make_unique<mail::MailSender>(*p->store_, *p->transport_, p->clock_, config.mail);
  return p;
}

Status Platform::StartWeb() {
  auto secret = LoadOrCreateSecret(config_.security.secret_file);
  if (!secret) return Fail(secret.error());
  site_.map_tiles = config_.web.map_tiles;
  site_.map_attribution = config_.web.map_attribution;
  auto templates = web::Templates::Load();
  if (!templates) return Fail(templates.error());
  templates_ = std::move(*templates);

  // The search index is built before the first request and told of every offer change.
  const auto started = std::chrono::steady_clock::now();
  search_index_ = std::make_unique<search::Index>(
      search::Synonyms::Builtin(), static_cast<std::size_t>(config_.search.cached_answers));
  search_cards_ = std::make_unique<search::Catalog>();
  search_feed_ = std::make_unique<SearchFeed>(*search_index_, *search_cards_);
  auto documents = search_feed_->Build(*store_, *offers_);
  if (!documents) return Fail(documents.error());
  offers_->SetListener(search_feed_.get());
  auto with_trainings = search_feed_->AddTrainings(*trainings_);
  if (!with_trainings) return Fail(with_trainings.error());
  trainings_->SetListener(search_feed_.get());
  if (store_->dialect() == storage::Dialect::kPostgres) {
    auto channel = storage::PgNotifications::Open(store_->location(), "maplace_search");
    if (!channel) return Fail(channel.error());
    search_replication_ = std::make_unique<SearchReplication>(*search_feed_, *offers_, *trainings_,
                                                              std::move(*channel));
    offers_->SetListener(search_replication_.get());
    trainings_->SetListener(search_replication_.get());
    search_replication_->Start();
  }
  search_parts_ = std::make_unique<web::SearchParts>(
      web::SearchParts{*search_index_, *search_cards_, search_feed_->communes()});
  spdlog::info("search index: {} documents in {} ms", *with_trainings,
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started)
                   .count());

  services_ = std::make_unique<web::WebServices>(
      web::WebServices{*accounts_, *jobs_, *imports_, *aids_, *aid_requests_, *visitor_mail_,
                       *store_, *templates_, config_.mail, config_.payments, site_, *offers_,
                       *organisations_, *search_parts_, *trainings_});
  services_->applications = applications_.get();
  services_->crm = crm_.get();
  services_->contracts = contracts_.get();
  services_->conventions = conventions_.get();
  services_->workshops = workshops_.get();
  services_->poec = poec_.get();
  young_people_->SetSigningKey(*secret);
  services_->young_people = young_people_.get();
  saved_search_digest_ =
      std::make_unique<SavedSearchDigest>(*young_people_, *search_parts_, clock_);
  services_->enquiries = enquiries_.get();
  router_ = std::make_unique<web::Router>(web::MakeRouter(*services_));
  web::ServerContext context;
  context.config = config_.web;
  context.csrf_key = *secret;
  context.accounts = accounts_.get();
  context.templates = templates_.get();
  context.after_write = [this] { mail_sender_->Wake(); };
  context.on_listening = [this](const std::string& url) {
    site_.public_url = url;
    accounts_->SetPublicUrl(url);
    offers_->SetPublicUrl(url);
    applications_->SetPublicUrl(url);
    workshops_->SetPublicUrl(url);
    young_people_->SetPublicUrl(url);
    organisations_->SetPublicUrl(url);
    enquiries_->SetPublicUrl(url);
  };
  server_ = std::make_unique<web::Server>(std::move(context), *router_);
  // The reminders hourly, then the saved searches' alerts (once a day from 07:00 Martinique
  // time); the mails they queue leave in the same round.
  mail_sender_->SetPeriodicTask(
      [this] {
        ReminderRound round;
        (void)RunReminders(round);  // failures are logged one by one
        if (auto digested = saved_search_digest_->SendDue(); !digested)
          spdlog::error("saved searches digest: {}", digested.error().message);
      },
      3600);
  mail_sender_->Start();
  mail_sender_->Wake();  // mails left from a previous run
  return server_->Start();
}

Status Platform::RunReminders(ReminderRound& round) {
  Status first = Ok();
  const auto failed = [&first](const char* task, const Error& error) {
    spdlog::error("{}: {}", task, error.message);
    if (first) first = Fail(error);
  };
  if (auto ticked = offers_->Tick())
    round.offers = *ticked;
  else
    failed("offers tick", ticked.error());
  if (auto n = applications_->RemindUnanswered())
    round.applications = *n;
  else
    failed("applications reminder", n.error());
  if (auto n = enquiries_->RemindUnanswered())
    round.enquiries = *n;
  else
    failed("enquiries reminder", n.error());
  if (auto n = workshops_->SendReminders())
    round.workshop_reminders = *n;
  else
    failed("workshop reminders", n.error());
  if (auto n = workshops_->SendSurveys())
    round.workshop_surveys = *n;
  else
    failed("workshop surveys", n.error());
  return first;
}

void Platform::Stop() {
  if (server_) server_->Stop();
  if (mail_sender_) mail_sender_->Stop();
}

}  // namespace maplace::app
