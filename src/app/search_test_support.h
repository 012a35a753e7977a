#pragma once

// What the search's whole-server tests share: a small reference (two jobs, three communes of
// Martinique with their positions), an employer, and offers it publishes.
#include <gmock/gmock.h>

#include <string>
#include <utility>
#include <vector>

#include "app/platform.h"
#include "app/test_support.h"
#include "core/error_matchers.h"
#include "domain/reference/tables.h"

namespace maplace::app {

// Two jobs with their titles, four communes of Martinique: three with their positions, La
// Trinité without.
inline Status SeedSearchReference(Store& store) {
  namespace t = reference::tables;
  using reference::Row;
  return store.Write([](Repositories& r) -> Status {
    const std::vector<std::pair<const reference::TableSpec*, std::vector<Row>>> tables = {
        {&t::RomeGrandDomains(), {{"G", "Hôtellerie-restauration"}, {"H", "Industrie"}}},
        {&t::RomeProfessionalDomains(),
         {{"G16", "Production culinaire"}, {"H29", "Mécanique, travail des métaux"}}},
        {&t::RomeJobs(),
         {{"G1602", "Personnel de cuisine", "G", "G16", "G1602", "Prépare des plats.", ""},
          {"H2913", "Soudage manuel", "H", "H29", "H2913", "Assemble des pièces.", ""}}},
        {&t::RomeJobTitles(),
         {{"1", "H2913", "Soudeur / Soudeuse", "Soudeur", "1"},
          {"2", "H2913", "Soudeur / Soudeuse TIG", "Soudeur TIG", "0"},
          {"3", "G1602", "Commis / Commise de cuisine", "Commis de cuisine", "1"}}},
        {&t::EmploymentAreas(), {{"201", "MARTINIQUE CENTRE"}, {"203", "MARTINIQUE SUD"}}},
        {&t::Communes(),
         {{"97213", "Le Lamentin", "972", "40000"},
          {"97209", "Fort-de-France", "972", "76000"},
          {"97226", "Sainte-Anne", "972", "4300"},
          {"97230", "La Trinité", "972", "12000"}}},  // no position below
        {&t::CommuneAreas(),
         {{"97213", "201"}, {"97209", "201"}, {"97226", "203"}, {"97230", "201"}}},
        {&t::CommunePositions(),
         {{"97213", "14613000", "-60999000"},
          {"97209", "14616000", "-61059000"},
          {"97226", "14440000", "-60880000"}}},
    };
    for (const auto& [spec, rows] : tables)
      if (auto s = r.reference().Sync(*spec, rows); !s) return Fail(s.error());
    return Ok();
  });
}

// The employer « Soudure Caraïbes » and its administrator patron@soudure.mq, logged in.
inline people::Actor NewEmployer(Platform& platform) {
  auto user = platform.accounts().CreateUser(
      {"patron@soudure.mq", "Jean Patron", people::Role::kEmployer, kTestPassword});
  EXPECT_THAT(user, IsOk());
  auto org = platform.accounts().CreateOrganisation(
      {0, people::OrganisationKind::kEmployer, "Soudure Caraïbes", "73282932000074"});
  EXPECT_THAT(org, IsOk());
  EXPECT_THAT(platform.accounts().AddMember(*org, user->id, people::MemberRole::kAdmin), IsOk());
  auto session = platform.accounts().Login("patron@soudure.mq", kTestPassword, "127.0.0.1");
  EXPECT_THAT(session, IsOk());
  auto actor = platform.accounts().Authenticate(session->token);
  EXPECT_THAT(actor, IsOk());
  return *actor;
}

// A level-3 offer of `rome` at `commune`, published at once; its id.
inline std::int64_t PublishOffer(Platform& platform, const people::Actor& employer,
                                 const std::string& rome, const std::string& title,
                                 const std::string& commune) {
  offers::OfferInput input;
  input.rome_code = rome;
  input.title = title;
  input.level = 3;
  input.duration_months = 24;
  input.description = "Au sein d'une petite équipe, vous apprendrez le métier.";
  input.commune_code = commune;
  auto id = platform.offers().CreateDraft(employer, input);
  EXPECT_THAT(id, IsOk());
  EXPECT_THAT(platform.offers().Publish(employer, *id, true), IsOk());
  return *id;
}

}  // namespace maplace::app
