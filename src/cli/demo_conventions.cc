#include "cli/demo_conventions.h"

#include <fmt/format.h>

#include "core/date.h"

namespace maplace::cli {
namespace {

constexpr char kPartnerName[] = "Agence de mobilité outre-mer (démo, partenaire fictif)";

}  // namespace

Result<bool> CreateDemoConventions(Store& store, conventions::ConventionService& conventions,
                                   UnixSeconds now) {
  const int year = static_cast<int>(MartiniqueDate(now).year());
  people::Actor manager, advisor;
  std::int64_t partner = 0, envelope = 0;
  bool exists = false;
  auto read = store.Read([&](Repositories& repos) -> Status {
    auto any = repos.conventions().List({});
    if (!any) return Fail(any.error());
    exists = !any->empty();
    auto users = repos.users().List();
    if (!users) return Fail(users.error());
    for (const auto& u : *users) {
      if (!u.is_demo) continue;
      const people::Actor actor{u.id, u.role, u.email, u.display_name, true, std::nullopt, ""};
      if (u.role == people::Role::kManager) manager = actor;
      if (u.role == people::Role::kAdvisor) advisor = actor;
    }
    crm::OrganisationFilter filter;
    filter.kind = people::OrganisationKind::kPartner;
    filter.page_size = 0;
    auto partners = repos.crm().ListOrganisations(filter);
    if (!partners) return Fail(partners.error());
    for (const auto& row : partners->rows)
      if (row.organisation.name == kPartnerName) partner = row.organisation.id;
    auto envelopes = repos.budgets().List(year);
    if (!envelopes) return Fail(envelopes.error());
    for (const auto& e : *envelopes)
      if (e.aid_id == "ultramarine-mobility") envelope = e.id;
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (exists || manager.user_id == 0 || advisor.user_id == 0 || partner == 0 || envelope == 0)
    return false;

  conventions::ConventionInput input;
  input.organisation_id = partner;
  input.reference = fmt::format("MOB-{}-DEMO", year);
  input.object = "Mobilité des alternants vers l'Hexagone (démo)";
  input.starts_on = fmt::format("{}-01-01", year);
  input.ends_on = fmt::format("{}-12-31", year);
  input.amount_cents = 15'000'000;  // 150 000 €
  input.envelope_ids = {envelope};
  input.notes =
      "Convention fictive de démonstration : l'agence cofinance les billets et l'installation des "
      "alternants partis se former dans l'Hexagone.";
  auto id = conventions.Create(manager, input);
  if (!id) return Fail(id.error());
  auto first = conventions.AddInstalment(manager, *id,
                                         {fmt::format("{}-02-01", year), std::int64_t{9'000'000}});
  if (!first) return Fail(first.error());
  if (auto s = conventions.SetReceived(manager, *first, true); !s) return Fail(s.error());
  if (auto second = conventions.AddInstalment(
          manager, *id, {fmt::format("{}-09-01", year), std::int64_t{6'000'000}});
      !second)
    return Fail(second.error());

  struct Demo {
    conventions::CommitmentInput commitment;
    const char* achieved;  // nullptr: no progress yet
    const char* status;
    const char* note;
  };
  const Demo demos[] = {
      {{"Accompagner 40 alternants dans leur départ en mobilité", "alternants partis", "40",
        fmt::format("{}-12-31", year)},
       "23",
       "in_progress",
       "23 départs à la rentrée, 6 dossiers en cours."},
      {{"Réunir les CFA deux fois dans l'année pour présenter l'aide", "réunions tenues", "2",
        fmt::format("{}-06-30", year)},
       "2",
       "met",
       "Réunions du 12 mars et du 4 juin."},
      {{"Transmettre le bilan annuel des départs à l'agence", "bilan transmis", "1",
        fmt::format("{}-01-31", year + 1)},
       nullptr,
       nullptr,
       nullptr},
  };
  for (const auto& demo : demos) {
    auto commitment = conventions.AddCommitment(manager, *id, demo.commitment);
    if (!commitment) return Fail(commitment.error());
    if (!demo.achieved) continue;
    if (auto s = conventions.RecordProgress(advisor, *commitment,
                                            {demo.achieved, demo.status, demo.note});
        !s)
      return Fail(s.error());
  }
  return true;
}

}  // namespace maplace::cli
