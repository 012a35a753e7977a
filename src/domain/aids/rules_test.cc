#include "domain/aids/rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/error_matchers.h"

namespace maplace::aids {
namespace {

using ::testing::HasSubstr;

std::vector<RulesFile> WithFile(std::string name, std::string text) {
  std::vector<RulesFile> files = EmbeddedRulesFiles();
  for (RulesFile& file : files) {
    if (file.name == name) {
      file.text = std::move(text);
      return files;
    }
  }
  files.push_back({std::move(name), std::move(text)});
  return files;
}

std::string Text(const std::string& name) {
  for (const RulesFile& file : EmbeddedRulesFiles()) {
    if (file.name == name) return file.text;
  }
  return "";
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(Rules, TheRepositoryRulesLoad) {
  auto rules = LoadRules(EmbeddedRulesFiles());
  ASSERT_THAT(rules, IsOk());
  EXPECT_EQ(rules->smic.size(), 6u);
  EXPECT_EQ(rules->smic.front().hourly_cents, 1127);
  EXPECT_EQ(rules->smic.back().hourly_cents, 1231);  // from the parameter
  EXPECT_GE(rules->aids.size(), 10u);
  EXPECT_EQ(rules->parameters.at("smic_2026_06_hourly_euros").where, "rules/parameters.toml:4");
}

TEST(Rules, TheDirectoryAndTheBinaryCarryTheSameFiles) {
  const char* source = std::getenv("MAPLACE_SOURCE_DIR");
  ASSERT_NE(source, nullptr);
  auto files = ReadRulesDirectory(std::string(source) + "/rules");
  ASSERT_THAT(files, IsOk());
  EXPECT_EQ(files->size(), EmbeddedRulesFiles().size());
  EXPECT_THAT(LoadRules(*files), IsOk());
}

TEST(Rules, OverridesChangeParameters) {
  auto rules = LoadRules(EmbeddedRulesFiles(), {{"smic_2026_06_hourly_euros", 12.5}});
  ASSERT_THAT(rules, IsOk());
  EXPECT_EQ(rules->smic.back().hourly_cents, 1250);
  EXPECT_EQ(rules->parameters.at("smic_2026_06_hourly_euros").default_value, 12.31);
  EXPECT_THAT(LoadRules(EmbeddedRulesFiles(), {{"no_such_parameter", 1}}),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(LoadRules(EmbeddedRulesFiles(), {{"ctm_aids_enabled", 2}}),
              HasErrorCode(ErrorCode::kInvalidArgument));
}

// A bad file names the file, the line and the reason.
void ExpectFault(const std::vector<RulesFile>& files, const std::string& where,
                 const std::string& why) {
  auto rules = LoadRules(files);
  ASSERT_FALSE(rules.has_value()) << where;
  EXPECT_THAT(rules.error().message, HasSubstr(where));
  EXPECT_THAT(rules.error().message, HasSubstr(why));
}

TEST(Rules, ABadFileIsRefusedWithItsLineAndReason) {
  const std::string smic = "rules/smic.toml";
  ExpectFault(WithFile(smic, Replace(Text(smic), "from = 2023-05-01", "from = 2023-05-32")),
              smic + ":", "");
  ExpectFault(WithFile(smic, Replace(Text(smic), "hourly_euros = 11.52", "hourly_euro = 11.52")),
              smic + ":11", "missing key 'hourly_euros'");
  ExpectFault(WithFile(smic, Replace(Text(smic), "hourly_euros = 11.52",
                                     "hourly_euros = 11.52\ncolour = 1")),
              smic + ":14", "unknown key 'colour'");
  ExpectFault(
      WithFile(smic, Replace(Text(smic), "\"$smic_2023_01_hourly_euros\"", "\"$smic_typo\"")),
      smic + ":7", "unknown parameter '$smic_typo'");
  ExpectFault(WithFile(smic, Replace(Text(smic), "from = 2024-01-01", "from = 2022-01-01")),
              "[[smic]]", "dates of effect must increase");
  const std::string aid = "rules/aids/state_hiring_aid.toml";
  ExpectFault(WithFile(aid, Replace(Text(aid), "from = 2025-02-24", "from = 2025-02-20")),
              aid + ":", "overlapping");
  ExpectFault(WithFile(aid, Replace(Text(aid), "max_level = 7 }", "max_level = 9 }")), aid + ":",
              "levels are 3 to 8");
  ExpectFault(WithFile(aid, Replace(Text(aid), "amount_euros = 5000", "amount_euros = -5000")),
              aid + ":", "must not be negative");
  ExpectFault(WithFile("rules/aids/extra.toml", "[aid]\nid = \"state-hiring-aid\"\n"),
              "rules/aids/extra.toml:", "");
  ExpectFault(WithFile("rules/other.toml", "something = 1\n"),
              "rules/other.toml:", "no rule the engine knows");
  ExpectFault(WithFile(smic, "[[smic]\n"), smic + ":1", "");
}

TEST(Rules, MissingRulesAreNamed) {
  std::vector<RulesFile> files;
  for (const RulesFile& file : EmbeddedRulesFiles()) {
    if (file.name != "rules/smic.toml") files.push_back(file);
  }
  ExpectFault(files, "SMIC", "missing");
  EXPECT_THAT(ReadRulesDirectory("/nonexistent"), HasErrorCode(ErrorCode::kNotFound));
}

}  // namespace
}  // namespace maplace::aids
