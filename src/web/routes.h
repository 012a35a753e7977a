#pragma once

#include <string>

#include "core/config.h"
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
#include "domain/store.h"
#include "domain/trainings/training_service.h"
#include "domain/workshops/workshop_service.h"
#include "domain/young_people/young_people_service.h"
#include "web/router.h"
#include "web/search/search_request.h"
#include "web/templates.h"

namespace maplace::web {

// Where the site is reached; set once before the server starts serving.
struct Site {
  std::string public_url = "http://127.0.0.1:8080";
  std::string map_tiles;  // the results map's tile server ({z}/{x}/{y}); empty: no map
  std::string map_attribution;
  bool secure() const { return public_url.rfind("https://", 0) == 0; }
};

// What the pages and the API use. References outlive the router.
struct WebServices {
  people::AccountService& accounts;
  jobs::JobsService& jobs;
  reference::ImportService& imports;
  aids::AidsService& aids;
  aid_requests::AidRequestService& aid_requests;
  outbox::VisitorMailer& visitor_mail;
  Store& store;
  const Templates& templates;
  const MailConfig& mail;
  const PaymentsConfig& payments;  // the delegation's account, for the transfer files
  const Site& site;
  offers::OfferService& offers;                // issue 5
  people::OrganisationService& organisations;  // issue 5
  const SearchParts& search;                   // issue 4
  trainings::TrainingService& trainings;       // issue 5, the CFAs' catalogue
  // Issue 4 §3 and issue 5 §3; set by the platform after the initialisation above.
  applications::ApplicationService* applications = nullptr;
  // Issue 8 §1-§3, the advisors' CRM; set by the platform like `applications`.
  crm::CrmService* crm = nullptr;
  // Issue 8 §3: the contracts register and the follow-up; set by the platform.
  contracts::ContractService* contracts = nullptr;
  // Issue 4 §3, issue 5 §5: enquiries to organisations, CFAs' partners; set by the platform.
  enquiries::EnquiryService* enquiries = nullptr;
  // Issue 8 §4 and §5; set by the platform.
  workshops::WorkshopService* workshops = nullptr;
  poec::PoecService* poec = nullptr;
  // Issue 8 §6: partner conventions; set by the platform.
  conventions::ConventionService* conventions = nullptr;
  // Issue 4 §3, the young person's space; set by the platform like `applications`.
  young_people::YoungPeopleService* young_people = nullptr;
};

// Each adds its routes, each with its access declaration.
void AddPublicPages(Router& router, const WebServices& services);
void AddAccountPages(Router& router, const WebServices& services);
void AddOrganisationPages(Router& router, const WebServices& services);
void AddAdminPages(Router& router, const WebServices& services);
void AddRulesPages(Router& router, const WebServices& services);
void AddJobPages(Router& router, const WebServices& services);
void AddSimulatorPages(Router& router, const WebServices& services);
void AddRequestPages(Router& router, const WebServices& services);
void AddStaffRequestPages(Router& router, const WebServices& services);
void AddFinancePages(Router& router, const WebServices& services);
void AddBudgetPages(Router& router, const WebServices& services);
void AddEmployerPages(Router& router, const WebServices& services);
void AddApplicationPages(Router& router, const WebServices& services);
void AddTrainingPages(Router& router, const WebServices& services);
void AddSimulateApi(Router& router, const WebServices& services);
void AddSearchPages(Router& router, const WebServices& services);
void AddSteeringPages(Router& router, const WebServices& services);
void AddRelayPages(Router& router, const WebServices& services);
void AddWorkshopPages(Router& router, const WebServices& services);  // issue 8 §4
void AddPoecPages(Router& router, const WebServices& services);      // issue 8 §5
void AddSearchApi(Router& router, const WebServices& services);      // called by AddApi
void AddApi(Router& router, const WebServices& services);
void AddCrmPages(Router& router, const WebServices& services);       // issue 8 §1-§3
void AddContractPages(Router& router, const WebServices& services);  // issue 8 §3

// Issue 4 §3, issue 5 §5-§7: enquiries, unsubscribing; the CFAs' partner companies.
void AddEnquiryPages(Router& router, const WebServices& services);
void AddCfaPartnerPages(Router& router, const WebServices& services);

void AddYoungPages(Router& router, const WebServices& services);  // issue 4 §3

// Issue 8 §6: partner conventions.
void AddConventionPages(Router& router, const WebServices& services);
void AddReviewPages(Router& router, const WebServices& services);  // issue 9 §4

// The whole route table of the platform.
Router MakeRouter(const WebServices& services);

}  // namespace maplace::web
