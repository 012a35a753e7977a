#include "core/config.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace maplace {
namespace {

TEST(ConfigTest, EnvironmentOverridesDefaults) {
  setenv("MAPLACE_PORT", "9090", 1);
  setenv("MAPLACE_DATABASE_URL", "postgresql://u@/db", 1);
  auto config = ApplyEnvironment(Config{});
  unsetenv("MAPLACE_PORT");
  unsetenv("MAPLACE_DATABASE_URL");
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->web.port, 9090);
  EXPECT_EQ(config->storage.url, "postgresql://u@/db");
  EXPECT_EQ(PublicUrl(config->web), "http://127.0.0.1:9090");
}

TEST(ConfigTest, BadValuesNameTheVariable) {
  setenv("MAPLACE_PORT", "80a", 1);
  auto config = ApplyEnvironment(Config{});
  unsetenv("MAPLACE_PORT");
  ASSERT_FALSE(config.has_value());
  EXPECT_NE(config.error().message.find("MAPLACE_PORT"), std::string::npos);

  setenv("MAPLACE_DATABASE_URL", "mysql://x", 1);
  config = ApplyEnvironment(Config{});
  unsetenv("MAPLACE_DATABASE_URL");
  ASSERT_FALSE(config.has_value());
}

TEST(ConfigTest, PublicUrlDropsTrailingSlash) {
  WebConfig web;
  web.public_url = "https://icicestmaplace.fr/";
  EXPECT_EQ(PublicUrl(web), "https://icicestmaplace.fr");
}

}  // namespace
}  // namespace maplace
