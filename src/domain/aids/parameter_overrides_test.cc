#include "domain/aids/parameter_overrides.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::aids {
namespace {

ParameterOverride Override(std::string name, double value) {
  return {std::move(name), value, "Décret publié au JO", 7, 1'760'000'000};
}

TEST(ParameterOverridesTest, SetIsAnUpsertAndIsAudited) {
  fakes::InMemoryStore store;
  ASSERT_THAT(store.Write([](Repositories& repos) -> Status {
    if (auto s = SetParameterOverride(repos, Override("state_aid_amount", 5000), "10.0.0.1"); !s)
      return s;
    return SetParameterOverride(repos, Override("state_aid_amount", 6000), "10.0.0.1");
  }),
              IsOk());
  ASSERT_THAT(store.Read([](Repositories& repos) -> Status {
    auto all = repos.aids().ParameterOverrides();
    EXPECT_THAT(all, IsOk());
    EXPECT_EQ(*all, std::vector{Override("state_aid_amount", 6000)});
    EXPECT_EQ(OverrideValues(*all), (std::map<std::string, double>{{"state_aid_amount", 6000}}));
    auto events = repos.audit().Latest(10);
    EXPECT_EQ(events->size(), 2u);
    EXPECT_EQ(events->front().action, kParameterSetAction);
    EXPECT_EQ(events->front().subject, "aid_parameter:state_aid_amount");
    EXPECT_EQ(events->front().actor_user_id, 7);
    EXPECT_EQ(events->front().client_address, "10.0.0.1");
    return Ok();
  }),
              IsOk());
}

TEST(ParameterOverridesTest, RefusesAnInvalidOverrideAndWritesNothing) {
  fakes::InMemoryStore store;
  auto bad = Override("Bad name!", std::numeric_limits<double>::infinity());
  bad.reason = " ";
  auto status =
      store.Write([&](Repositories& repos) { return SetParameterOverride(repos, bad, ""); });
  ASSERT_THAT(status, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(status.error().fields.size(), 3u);
  ASSERT_THAT(store.Read([](Repositories& repos) -> Status {
    EXPECT_TRUE(repos.aids().ParameterOverrides()->empty());
    EXPECT_TRUE(repos.audit().Latest(10)->empty());
    return Ok();
  }),
              IsOk());
}

TEST(ParameterOverridesTest, RemovingGoesBackToTheFileAndIsAudited) {
  fakes::InMemoryStore store;
  ASSERT_THAT(store.Write([](Repositories& repos) {
    return SetParameterOverride(repos, Override("lodging_night_cents", 700), "");
  }),
              IsOk());
  ASSERT_THAT(store.Write([](Repositories& repos) {
    return RemoveParameterOverride(repos, "lodging_night_cents", 7, 1'760'000'100, "");
  }),
              IsOk());
  EXPECT_THAT(store.Write([](Repositories& repos) {
    return RemoveParameterOverride(repos, "lodging_night_cents", 7, 1'760'000'200, "");
  }),
              HasErrorCode(ErrorCode::kNotFound));
  ASSERT_THAT(store.Read([](Repositories& repos) -> Status {
    EXPECT_TRUE(repos.aids().ParameterOverrides()->empty());
    auto events = repos.audit().Latest(10);
    EXPECT_EQ(events->size(), 2u);
    EXPECT_EQ(events->front().action, kParameterRemovedAction);
    return Ok();
  }),
              IsOk());
}

}  // namespace
}  // namespace maplace::aids
