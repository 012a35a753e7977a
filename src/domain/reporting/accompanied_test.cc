#include "domain/reporting/accompanied.h"

#include <gtest/gtest.h>

namespace maplace::reporting {
namespace {

constexpr std::int64_t kHotel = 10, kBuilder = 11;

ApprenticeRef WithAccount(std::int64_t apprentice, std::int64_t account) {
  return {apprentice, account};
}
ApprenticeRef WithoutAccount(std::int64_t apprentice) { return {apprentice, std::nullopt}; }

RequestPerson Own(std::int64_t account) { return {account, std::nullopt, "Jeune", std::nullopt}; }
RequestPerson Named(std::int64_t organisation, std::string name,
                    std::optional<ApprenticeRef> linked = std::nullopt) {
  return {99, organisation, std::move(name), linked};
}

TEST(AccompaniedTest, AYoungPersonsAccountIsOnePersonAcrossTheThreeSources) {
  AccompaniedSources s;
  s.applicants = {1, 2};
  s.requesters = {Own(1)};
  s.followed = {WithAccount(7, 1), WithAccount(8, 3)};
  EXPECT_EQ(CountAccompanied(s), (Accompanied{3, 2, 1, 2}));
}

TEST(AccompaniedTest, AnOrganisationsRequestFindsItsApprenticeByNameInAnyOrderAndCase) {
  AccompaniedSources s;
  s.named_apprentices = {{kHotel, WithoutAccount(7), "Joseph", "Mélissa"}};
  s.followed = {WithoutAccount(7)};
  s.requesters = {Named(kHotel, "Mélissa Joseph"), Named(kHotel, "  JOSEPH   melissa ")};
  EXPECT_EQ(CountAccompanied(s), (Accompanied{1, 0, 1, 1}));
}

TEST(AccompaniedTest, TheApprenticesAccountIsTheirIdentityWhenTheRequestNamesThem) {
  AccompaniedSources s;
  s.applicants = {5};
  s.named_apprentices = {{kBuilder, WithAccount(7, 5), "Marie", "Jordan"}};
  s.requesters = {Named(kBuilder, "Jordan Marie")};
  EXPECT_EQ(CountAccompanied(s).people, 1);
}

TEST(AccompaniedTest, TheSameNameAtAnotherOrganisationIsNotTheirApprentice) {
  AccompaniedSources s;
  s.named_apprentices = {{kHotel, WithoutAccount(7), "Joseph", "Mélissa"}};
  s.followed = {WithoutAccount(7)};
  s.requesters = {Named(kBuilder, "Mélissa Joseph")};
  EXPECT_EQ(CountAccompanied(s).people, 2);
}

TEST(AccompaniedTest, ALinkFromTheFollowUpWinsOverTheName) {
  AccompaniedSources s;
  s.followed = {WithoutAccount(7)};
  s.requesters = {Named(kHotel, "M. J.", WithoutAccount(7))};
  EXPECT_EQ(CountAccompanied(s), (Accompanied{1, 0, 1, 1}));
}

TEST(AccompaniedTest, TwoApprenticesOfOneNameAtOneOrganisationAreNotGuessedBetween) {
  AccompaniedSources s;
  s.named_apprentices = {{kHotel, WithoutAccount(7), "Joseph", "Mélissa"},
                         {kHotel, WithoutAccount(8), "Joseph", "Mélissa"}};
  s.followed = {WithoutAccount(7), WithoutAccount(8)};
  s.requesters = {Named(kHotel, "Mélissa Joseph")};
  EXPECT_EQ(CountAccompanied(s).people, 3);
  // One apprentice listed twice (employer and CFA) is still one.
  s.named_apprentices = {{kHotel, WithoutAccount(7), "Joseph", "Mélissa"},
                         {kHotel, WithoutAccount(7), "Joseph", "Mélissa"}};
  s.followed = {WithoutAccount(7)};
  EXPECT_EQ(CountAccompanied(s).people, 1);
}

TEST(AccompaniedTest, NamesUnknownToTheRegisterCountOncePerOrganisation) {
  AccompaniedSources s;
  s.requesters = {Named(kBuilder, "Kévin Louis"), Named(kBuilder, "kevin LOUIS"),
                  Named(kHotel, "Kévin Louis")};
  EXPECT_EQ(CountAccompanied(s), (Accompanied{2, 0, 2, 0}));
}

}  // namespace
}  // namespace maplace::reporting
