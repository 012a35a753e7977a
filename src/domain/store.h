#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "core/error.h"
#include "domain/aid_requests/aid_request_repository.h"
#include "domain/aids/aids_repository.h"
#include "domain/applications/application_repository.h"
#include "domain/audit/audit_log.h"
#include "domain/budgets/budget_repository.h"
#include "domain/contracts/contract_repository.h"
#include "domain/conventions/convention.h"
#include "domain/crm/crm_repository.h"
#include "domain/enquiries/enquiry_repository.h"
#include "domain/jobs/jobs_repository.h"
#include "domain/journal/journal_repository.h"
#include "domain/offers/offer_repository.h"
#include "domain/outbox/outbox_repository.h"
#include "domain/outbox/unsubscribe.h"
#include "domain/people/organisation_repository.h"
#include "domain/people/session_repository.h"
#include "domain/people/user_repository.h"
#include "domain/poec/poec.h"
#include "domain/reference/dataset.h"
#include "domain/reporting/reporting_repository.h"
#include "domain/trainings/training_repository.h"
#include "domain/workshops/workshop.h"
#include "domain/young_people/young_people_repository.h"

namespace maplace {

// The repositories of one transaction.
class Repositories {
 public:
  virtual ~Repositories() = default;
  virtual people::UserRepository& users() = 0;
  virtual people::SessionRepository& sessions() = 0;
  virtual people::TokenRepository& tokens() = 0;
  virtual people::OrganisationRepository& organisations() = 0;
  virtual outbox::OutboxRepository& outbox() = 0;
  virtual audit::AuditLog& audit() = 0;
  virtual reference::ReferenceRepository& reference() = 0;
  virtual jobs::JobsRepository& jobs() = 0;
  virtual aids::AidsRepository& aids() = 0;
  virtual budgets::BudgetRepository& budgets() = 0;
  virtual journal::JournalRepository& journal() = 0;
  virtual aid_requests::AidRequestRepository& aid_requests() = 0;
  virtual offers::OfferRepository& offers() = 0;
  virtual trainings::TrainingRepository& trainings() = 0;
  virtual applications::ApplicationRepository& applications() = 0;
  // Issue 4 §3: profiles, favourites and saved searches (domain/young_people).
  virtual young_people::YoungPeopleRepository& young_people() = 0;
  // Issue 8 §1-§3: the advisors' CRM and the IDCC -> branch -> OPCO seed (domain/crm). Not kept
  // by the in-memory store of the unit tests (it throws there).
  virtual crm::CrmRepository& crm() { throw std::logic_error("the CRM is not kept by this store"); }
  // Issue 5 §7: opt-outs from non-transactional mail (domain/outbox/unsubscribe.h).
  virtual outbox::UnsubscribeRepository& unsubscribes() = 0;
  // Issue 4 §3 and issue 5 §5, §6: enquiries, CFAs' partners, report marks.
  virtual enquiries::EnquiryRepository& enquiries() = 0;
  // Issue 8 §4 and §5. Not kept by the in-memory store of the unit tests (they throw there).
  virtual workshops::WorkshopRepository& workshops() {
    throw std::logic_error("workshops are not kept by this store");
  }
  virtual poec::PoecRepository& poec() { throw std::logic_error("POEC is not kept by this store"); }
  // Issue 8 §3: the contracts register and the apprentices' follow-up. Not kept by the
  // in-memory store of the unit tests (it throws there).
  virtual contracts::ContractRepository& contracts() {
    throw std::logic_error("contracts are not kept by this store");
  }
  // Issue 9: the steering aggregates, computed by the SQL store (the in-memory one throws).
  virtual reporting::ReportingRepository& reporting() {
    throw std::logic_error("the steering aggregates are not computed by this store");
  }
  // Issue 8 §6: partner conventions. Not kept by the in-memory store of the unit tests.
  virtual conventions::ConventionRepository& conventions() {
    throw std::logic_error("conventions are not kept by this store");
  }
};

// The unit of work the use cases run in: all of `work` is committed when it returns success,
// nothing of it otherwise (it is rolled back), so nothing is ever half-written.
// Thread-safe; each call has its own connection.
class Store {
 public:
  virtual ~Store() = default;
  // A read-only transaction.
  virtual Status Read(const std::function<Status(Repositories&)>& work) = 0;
  // A read-then-write transaction; on SQLite it holds the write lock from its start
  // (BEGIN IMMEDIATE), so two writers never act on the same stale read.
  virtual Status Write(const std::function<Status(Repositories&)>& work) = 0;
};

// One read that returns a value: `work(repos)` gives a Result<T>, returned as is (its error
// too), so a use case need not carry the value out of the transaction by hand.
template <typename F>
auto ReadValue(Store& store, F&& work) -> std::invoke_result_t<F, Repositories&> {
  std::optional<std::invoke_result_t<F, Repositories&>> out;
  Status status = store.Read([&](Repositories& repos) -> Status {
    out.emplace(work(repos));
    if (!*out) return Fail(out->error());
    return Ok();
  });
  if (!status) return Fail(status.error());
  return std::move(*out);
}

}  // namespace maplace
