#include "cli/demo_aids.h"

#include <fmt/format.h>

#include "core/date.h"
#include "domain/budgets/budgets.h"

namespace maplace::cli {
namespace {

using people::Role;

// A Martinique apprentice of 19 in level 4, who leaves for a training period in the Hexagone.
aids::Situation Mobility(Date today) {
  aids::Situation s;
  s.territory = aids::Territory::kMartinique;
  s.apprentice.birth_date = AddYears(today, -19);
  s.employer.headcount = 8;
  s.contract.certification_level = 4;
  s.contract.concluded_on = s.contract.starts_on = AddMonths(today, -2);
  s.contract.ends_on = AddDays(AddYears(s.contract.starts_on, 2), -1);
  s.date = today;
  s.mobility.destination = aids::MobilityDestination::kHexagone;
  return s;
}

}  // namespace

Status CreateDemoAidRequests(Store& store, people::AccountService& accounts,
                             aid_requests::AidRequestService& requests, UnixSeconds now) {
  const Date today = MartiniqueDate(now);
  const int year = static_cast<int>(today.year());
  bool has_envelopes = false;
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto list = repos.budgets().List(std::nullopt);
    if (!list) return Fail(list.error());
    has_envelopes = !list->empty();
    return Ok();
  });
  if (!read) return read;
  if (has_envelopes) return Ok();

  auto users = accounts.ListUsers();
  if (!users) return Fail(users.error());
  auto actor = [&](Role role) {
    people::Actor a;
    for (const auto& user : *users) {
      if (user.role == role && user.is_demo) {
        a = {user.id, role, user.email, user.display_name, true, std::nullopt, ""};
        break;
      }
    }
    return a;
  };
  const people::Actor young = actor(Role::kYoungPerson), advisor = actor(Role::kAdvisor),
                      manager = actor(Role::kManager);
  if (young.user_id == 0 || advisor.user_id == 0 || manager.user_id == 0)
    return Fail(ErrorCode::kFailedPrecondition, "the demo accounts are missing");

  std::int64_t envelope = 0;
  auto created = store.Write([&](Repositories& repos) -> Status {
    budgets::Envelope e;
    e.aid_id = "ultramarine-mobility";
    e.year = year;
    e.funding_source = budgets::FundingSource::kOpco;
    e.label = fmt::format("Mobilité ultramarine {} — fonds propres (démo)", year);
    e.allocated_cents = 3'000'000;
    auto id = budgets::CreateEnvelope(repos, e, {manager.user_id, now, ""});
    if (!id) return Fail(id.error());
    envelope = *id;
    return Ok();
  });
  if (!created) return created;

  // A request of 1 200 €, below the approval threshold: the advisor decides, the manager
  // commits; it waits for finance. The IBAN is the ECBS example account, fictitious.
  auto start = [&](std::int64_t amount_cents) -> Result<std::int64_t> {
    auto started =
        requests.StartRequest(young, {"ultramarine-mobility", Mobility(today), "", amount_cents});
    if (!started) return Fail(started.error());
    const std::int64_t id = started->request.id;
    if (auto done = requests.SetBankAccount(young, id, "Maëlys Démo",
                                            "FR76 3000 6000 0112 3456 7890 189", "BNPAFRPP");
        !done)
      return Fail(done.error());
    if (auto done = requests.Submit(young, id); !done) return Fail(done.error());
    return id;
  };
  auto to_pay = start(120'000);
  if (!to_pay) return Fail(to_pay.error());
  for (auto step :
       {std::function([&] { return requests.TakeUp(advisor, *to_pay); }), std::function([&] {
          return requests.Approve(advisor, *to_pay,
                                  "Convention de stage et devis du billet fournis.");
        }),
        std::function([&] { return requests.Commit(manager, *to_pay, envelope); })}) {
    if (auto done = step(); !done) return Fail(done.error());
  }
  auto to_instruct = start(90'000);
  if (!to_instruct) return Fail(to_instruct.error());
  return Ok();
}

}  // namespace maplace::cli
