#pragma once

#include <cstdint>
#include <vector>

#include "domain/reporting/reporting_repository.h"

// « Jeunes accompagnés » (issue 9): one young person counted once, whichever way the
// delegation met them in the year — an application, an aid request, an entry in their
// apprentice follow-up.
namespace maplace::reporting {

// What a year's figure is made of, under its filters.
struct AccompaniedSources {
  std::vector<std::int64_t> applicants;         // accounts
  std::vector<RequestPerson> requesters;        // aid requests' people
  std::vector<ApprenticeAt> named_apprentices;  // apprentices at the requesting organisations
  std::vector<ApprenticeRef> followed;          // apprentices with a follow-up entry
};

// Distinct people in all, and in each source (a person met several ways counts in each).
struct Accompanied {
  std::int64_t people = 0;
  std::int64_t applied = 0;
  std::int64_t asked_aid = 0;
  std::int64_t followed = 0;
  bool operator==(const Accompanied&) const = default;
};

// One identity across the sources:
//  - a young person's account: their applications, their own aid requests, and their follow-up
//    when the apprentice's e-mail linked the account;
//  - an apprentice of the register without an account: their follow-up, the aid requests linked
//    to it, and an organisation's aid requests naming them (the same words of first and last
//    name, in any order, case and accents aside) when the organisation is their employer or CFA
//    in the register — unless two of its apprentices bear that name;
//  - otherwise an organisation's request stands for the person it names there (organisation and
//    name as above).
Accompanied CountAccompanied(const AccompaniedSources& sources);

}  // namespace maplace::reporting
