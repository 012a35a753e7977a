#pragma once

#include "core/error.h"
#include "domain/aid_requests/aid_request_service.h"
#include "domain/people/account_service.h"
#include "domain/store.h"

namespace maplace::cli {

// Demo aid requests for the demo accounts, so that the staff pages show work on first start:
// an envelope of the ultramarine mobility aid for this year, one request waiting for
// instruction and one committed request waiting for payment (with fictitious bank details),
// each made through the service's whole path with its four-eyes rules. Does nothing when an
// envelope already exists (a second `maplace demo` only renews the passwords).
Status CreateDemoAidRequests(Store& store, people::AccountService& accounts,
                             aid_requests::AidRequestService& requests, UnixSeconds now);

}  // namespace maplace::cli
