#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "domain/people/organisation.h"

// The advisors' back office (issue 8 §1, §2): contacts at organisations, portfolios and
// interactions. Staff only: nothing here is ever shown to employers, CFAs or young people.
namespace maplace::crm {

// A person at an organisation, known to the advisors; not a platform user.
struct Contact {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string name;
  std::string job_title;  // role or function: « Directrice des ressources humaines »
  std::string email;
  std::string phone;
  std::string notes;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
  // When an advisor marked them as gone from the organisation; 0: still there. Kept rather than
  // deleted, so that the interactions that met them keep their names.
  UnixSeconds gone_at = 0;
};

enum class InteractionKind { kVisit, kCall, kEmail, kEvent };
inline constexpr InteractionKind kInteractionKinds[] = {
    InteractionKind::kVisit, InteractionKind::kCall, InteractionKind::kEmail,
    InteractionKind::kEvent};
std::string_view InteractionKindCode(InteractionKind kind);   // "visit", "call", "email", "event"
std::string_view InteractionKindLabel(InteractionKind kind);  // « Visite », « Appel »…
std::optional<InteractionKind> ParseInteractionKind(std::string_view code);

// A visit, call, e-mail or event about an organisation and/or a young person.
struct Interaction {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;  // 0: none (then young_person_id is set)
  std::int64_t young_person_id = 0;  // 0: none
  std::int64_t advisor_id = 0;       // who logged it
  InteractionKind kind = InteractionKind::kVisit;
  Date occurred_on{};
  std::string summary;
  std::vector<std::int64_t> contact_ids;  // the people met, contacts of the organisation
  std::string next_action;                // "" when none
  std::optional<Date> next_action_due;    // set with next_action
  bool next_action_done = false;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// An interaction with the names the lists show.
struct InteractionRow {
  Interaction interaction;
  std::string organisation_name;
  std::string advisor_name;
  std::string young_person_name;
  std::vector<std::string> contact_names;  // filled by timelines only
};

// An organisation as the staff lists show it.
struct OrganisationRow {
  people::Organisation organisation;
  std::string commune_name;
  std::string branch;  // from idcc_branches, "" when unknown
  std::string opco;    // an OPCO code, "" when unknown
  std::int64_t advisor_id = 0;
  std::string advisor_name;
};

template <typename T>
struct Page {
  std::vector<T> rows;
  std::int64_t total = 0;  // over every page
  int page = 1;            // 1-based
  int page_size = 50;
  int PageCount() const {
    return total == 0 ? 1 : static_cast<int>((total + page_size - 1) / page_size);
  }
};

// Every field empty/zero: no filter. `page_size` 0: every row (exports).
struct OrganisationFilter {
  std::optional<people::OrganisationKind> kind;
  std::string commune_code;
  std::string idcc;  // the branch
  std::string opco;
  std::int64_t advisor_id = 0;
  std::string q;  // folded (FoldName) words within the name, or SIRET/UAI digits
  int page = 1;
  int page_size = 50;
};

enum class ActionState { kAny, kOpen, kOverdue, kDone };

struct InteractionFilter {
  std::int64_t advisor_id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t young_person_id = 0;
  std::optional<InteractionKind> kind;
  std::optional<Date> from, to;  // occurred_on, inclusive
  ActionState action = ActionState::kAny;
  Date today{};                   // for kOverdue
  std::optional<Date> due_until;  // open actions due on or before (with kOpen)
  std::string q;                  // folded words within the organisation's name
  bool by_due_date = false;       // order by next action due date (else newest first)
  int page = 1;
  int page_size = 50;
};

// One answer of the global search box.
struct SearchHit {
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  people::OrganisationKind kind = people::OrganisationKind::kEmployer;
  std::string siret;
  std::string uai;
  std::int64_t contact_id = 0;  // 0: the organisation itself matched
  std::string contact_name;
  std::string contact_email;
};

}  // namespace maplace::crm
