#pragma once

// Test support (issue 9): a small dataset whose steering figures were counted by hand, written
// with the repositories into a real database. The counts each test expects are written beside
// the records below.
#include <string>

#include "core/error.h"
#include "domain/budgets/budgets.h"
#include "domain/crm/branches.h"
#include "domain/reference/tables.h"
#include "domain/store.h"

namespace maplace::storage::reporting_dataset {

constexpr UnixSeconds kMid2025 = 1'751'371'200;  // 2025-07-01T12:00Z
constexpr UnixSeconds kMid2026 = 1'782'907'200;  // 2026-07-01T12:00Z
constexpr UnixSeconds kDay = 86'400;
// 31 December 23:30 in Martinique is 03:30 UTC the next day: still the old year there.
constexpr UnixSeconds kLast2025 = 1'767'238'200;   // 2026-01-01T03:30Z
constexpr UnixSeconds kLast2026 = 1'798'774'200;   // 2027-01-01T03:30Z
constexpr UnixSeconds kFirst2027 = 1'798'777'800;  // 2027-01-01T04:30Z: 00:30 in Martinique

// Who and what the dataset holds.
struct Ids {
  std::int64_t advisor = 0, manager = 0, employer_user = 0;
  std::int64_t u1 = 0, u2 = 0, u3 = 0, u4 = 0, u5 = 0, u6 = 0;  // young people
  std::int64_t hotel = 0, builder = 0;                          // employers
  std::int64_t secretary_offer = 0, mason_offer = 0;
  std::int64_t envelope_2026 = 0;
};

// Areas 201 (Centre: Fort-de-France 97209, Le Lamentin 97213) and 202 (Nord Atlantique:
// La Trinité 97230). Branches 1979 (HCR, AKTO) and 1596 (building, Constructys).
// BMO 2023: secretaries L0Z60 (M1607) 60 difficult of 100 projects in 201, 10 of 100 in 202;
// masons B2Z40 (F1703) 80 of 100 in 201, 20 of 100 in 202. So M1607 is in tension in 201 only,
// F1703 in 201 only.
//
// Hotel (1979, 97209 → 201) publishes « Secrétaire » M1607 level 4 (97209, area 201);
// Builder (1596, 97230 → 202) publishes « Maçon » F1703 level 3 (97230, area 202).
//
// Applications (created → replies):
//  a1 u1 → secretary, mid-2026; interview +2 d, hire +10 d       (2026: replied, interview, hired)
//  a2 u2 → secretary, mid-2026; refusal +4 d                      (2026: replied)
//  a3 u3 → mason, 31/12/2026 23:30 Martinique; none               (2026)
//  a5 u1 → mason, mid-2026; interview +1 d                        (2026: replied, interview)
//  a4 u4 → mason, 31/12/2025 23:30 Martinique; none               (2025)
//  a6 u5 → mason, mid-2025; hire 2026-07-05 (+369 d)              (2025 cohort; hired in 2026)
//  a7 u6 → secretary, 01/01/2027 00:30 Martinique                 (2027: never counted)
// 2026 funnel 4 → 3 → 2 → 1, delays 2, 4, 1 days (median 2); 2025 funnel 2 → 1 → 0 → 1, median
// 369 days. Hires of 2026: a1 (M1607 in 201: tension), a6 (F1703 in 202: not in tension).
//
// Aid requests (sent unless said):
//  r1 u1's own, mid-2026, submitted, 1 000 €, ultramarine-mobility
//  r2 hotel for « Mélissa Joseph », mid-2026, submitted, 500 €, driving-licence
//  r3 hotel for « M. JOSEPH », mid-2026, rejected, 500 €, driving-licence; linked to Mélissa's
//     follow-up
//  r4 builder for « Kévin Louis », 31/12/2026 23:30 Martinique, submitted, 500 €, driving-licence
//  r5 u2's own, 31/12/2025 23:30 Martinique, submitted, 1 000 €, ultramarine-mobility
//  r6 u3's own, mid-2026, draft (never counted)
//  r7 u4's own, mid-2026, committed on the 2026 envelope, 2 000 €, ultramarine-mobility,
//     an apprenticeship contract; 500 € paid on 31/12/2026 23:30 and 500 € on 1/1/2027 00:30
//     Martinique (the 2026 envelope has 1 000 € paid)
// 2026: 5 requests (submitted 3, rejected 1, committed 1); 2025: 1.
// Apprentices of the register and their contracts:
//  Mélissa Joseph, no account: hotel, level 4, 1/3/2026 → 31/8/2026 (started and completed in
//    2026); builder, level 3, 1/9/2025 → 31/8/2027, broken 10/2/2026 (started 2025, broken
//    2026). Follow-up: a difficulty, mid-2026; r3 linked to it.
//  Jordan Marie, account u5: builder, level 3, 1/9/2024 → 31/8/2027 (no event in 2025–2026).
//    Follow-up: a risk on 31/12/2025 and a note on 31/12/2026, 23:30 Martinique.
//  Léa Victor, no account: hotel, level 4, 1/9/2024 → 30/6/2027. Follow-up: an action on
//    1/1/2027, 00:30 Martinique.
// Young people accompanied 2026: u1, u2, u3 (applications); u1, u4, Kévin and Mélissa (aids: r2
// by her name at her employer, r3 by its link); Mélissa and u5 (follow-ups: Jordan's account) =
// 7. 2025: u4, u5 (applications), u2 (aid), u5 again (Jordan's risk) = 3. 2027: u6, Léa = 2.
// POEC « maçons » (F1703): outcomes in 2026 — CDI and alternance at Bâtisseurs du Nord, other;
// on 31/12/2025 a CDD of 12 months at Maçons du Sud.
// Envelopes: ultramarine-mobility 2026, 50 000 € allocated, 2 000 € committed (r7); 2025,
// 30 000 € allocated.
Result<Ids> Write(Store& store);

}  // namespace maplace::storage::reporting_dataset
