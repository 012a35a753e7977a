#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/secret_box.h"
#include "domain/aid_requests/aid_request_service.h"
#include "domain/aids/aids_service.h"
#include "domain/applications/application_service.h"
#include "domain/contracts/contract_service.h"
#include "domain/conventions/convention_service.h"
#include "domain/crm/crm_service.h"
#include "domain/enquiries/enquiry_service.h"
#include "domain/jobs/jobs_service.h"
#include "domain/offers/offer_service.h"
#include "domain/outbox/visitor_mailer.h"
#include "domain/people/account_service.h"
#include "domain/people/organisation_service.h"
#include "domain/poec/poec_service.h"
#include "domain/reference/import_service.h"
#include "domain/trainings/training_service.h"
#include "domain/workshops/workshop_service.h"
#include "domain/young_people/young_people_service.h"
#include "mail/mail_sender.h"
#include "search/catalog.h"
#include "search/index.h"
#include "storage/database.h"
#include "web/routes.h"
#include "web/server.h"

namespace maplace::app {

class SavedSearchDigest;  // app/saved_search_digest.h

// What one round of reminders did.
struct ReminderRound {
  offers::TickCounts offers;   // reminded 7 days before their end, expired
  int applications = 0;        // unanswered for 7 days: the employer reminded
  int enquiries = 0;           // unanswered for 7 days: the organisation reminded
  int workshop_reminders = 0;  // the day before, with the ICS invitation
  int workshop_surveys = 0;    // sessions that ended
};

// Everything the platform is made of, wired once: the one place that sees every module.
// The CLI opens it without the web part; `serve` and the HTTP tests start the web part too.
class Platform {
 public:
  // Opens the store (applying migrations), loads the aids rules (a bad rules file fails with
  // the loader's "file:line: reason") and builds the services.
  static Result<std::unique_ptr<Platform>> Open(const Config& config);
  ~Platform();

  // Loads templates, builds the routes, starts the mail sender and the HTTP server.
  Status StartWeb();
  // Graceful: the server finishes requests in progress, then the mail sender stops.
  void Stop();

  // The reminders and expiries no request triggers: offers, applications and enquiries
  // unanswered for 7 days, workshops' reminders and surveys. The server runs them hourly,
  // `maplace tick` from cron; the mails wait in the outbox. Every task runs even when one
  // before it failed (each failure is logged); the status is the first failure.
  Status RunReminders(ReminderRound& round);

  const Config& config() const { return config_; }
  storage::SqlStore& store() { return *store_; }
  people::AccountService& accounts() { return *accounts_; }
  jobs::JobsService& jobs() { return *jobs_; }
  reference::ImportService& imports() { return *imports_; }
  aids::AidsService& aids() { return *aids_; }
  aid_requests::AidRequestService& aid_requests() { return *aid_requests_; }
  offers::OfferService& offers() { return *offers_; }
  applications::ApplicationService& applications() { return *applications_; }
  crm::CrmService& crm() { return *crm_; }
  contracts::ContractService& contracts() { return *contracts_; }
  conventions::ConventionService& conventions() { return *conventions_; }
  people::OrganisationService& organisations() { return *organisations_; }
  trainings::TrainingService& trainings() { return *trainings_; }
  workshops::WorkshopService& workshops() { return *workshops_; }
  poec::PoecService& poec() { return *poec_; }
  young_people::YoungPeopleService& young_people() { return *young_people_; }
  // Once the web part started: the saved searches' digest over the live index.
  SavedSearchDigest& saved_search_digest() { return *saved_search_digest_; }
  enquiries::EnquiryService& enquiries() { return *enquiries_; }
  mail::MailSender& mail_sender() { return *mail_sender_; }
  web::Server& server() { return *server_; }
  // Once the web part started.
  search::Index& search_index() { return *search_index_; }
  search::Catalog& search_cards() { return *search_cards_; }
  web::SearchParts& search_parts() { return *search_parts_; }
  const web::Router& router() const { return *router_; }

 private:
  explicit Platform(Config config);

  Config config_;
  SystemClock clock_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<crypto::PasswordHasher> hasher_;
  std::unique_ptr<people::PasswordPolicy> policy_;
  people::LoginThrottle throttle_;
  std::unique_ptr<people::AccountService> accounts_;
  std::unique_ptr<jobs::JobsService> jobs_;
  std::unique_ptr<reference::ImportService> imports_;
  std::unique_ptr<aids::AidsService> aids_;
  std::unique_ptr<crypto::SecretBox> bank_box_;
  std::unique_ptr<aid_requests::AidRequestService> aid_requests_;
  std::unique_ptr<offers::OfferService> offers_;
  std::unique_ptr<applications::ApplicationService> applications_;
  std::unique_ptr<crm::CrmService> crm_;
  std::unique_ptr<contracts::ContractService> contracts_;  // issue 8 §3
  // Issue 8 §6.
  std::unique_ptr<conventions::ConventionService> conventions_;
  std::unique_ptr<people::OrganisationService> organisations_;
  std::unique_ptr<trainings::TrainingService> trainings_;
  // Issue 8 §4 and §5.
  std::unique_ptr<workshops::WorkshopService> workshops_;
  std::unique_ptr<poec::PoecService> poec_;
  // Issue 4 §3: the young person's space, and its digest once the web part started.
  std::unique_ptr<young_people::YoungPeopleService> young_people_;
  std::unique_ptr<SavedSearchDigest> saved_search_digest_;
  std::unique_ptr<enquiries::EnquiryService> enquiries_;  // issue 4 §3, issue 5 §5
  std::unique_ptr<outbox::VisitorMailer> visitor_mail_;
  std::unique_ptr<mail::MailTransport> transport_;
  std::unique_ptr<mail::MailSender> mail_sender_;
  std::unique_ptr<web::Templates> templates_;
  // The search index, its result cards and what keeps them current (issue 4).
  std::unique_ptr<search::Index> search_index_;
  std::unique_ptr<search::Catalog> search_cards_;
  std::unique_ptr<class SearchFeed> search_feed_;
  // With PostgreSQL: the other servers' changes to offers and trainings (LISTEN/NOTIFY).
  std::unique_ptr<class SearchReplication> search_replication_;
  std::unique_ptr<web::SearchParts> search_parts_;
  web::Site site_;
  std::unique_ptr<web::WebServices> services_;
  std::unique_ptr<web::Router> router_;
  std::unique_ptr<web::Server> server_;
};

// The secret key in `path`, created (32 random bytes, mode 0600) when missing.
Result<std::string> LoadOrCreateSecret(const std::string& path);

}  // namespace maplace::app
