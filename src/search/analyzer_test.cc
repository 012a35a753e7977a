#include "search/analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "search/job_families.h"
#include "search/synonyms.h"
#include "search/typo.h"

namespace maplace::search {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;

TEST(AnalyzerTest, FoldsCaseAndAccents) {
  EXPECT_EQ(Fold("Électricien"), "electricien");
  EXPECT_EQ(Fold("ÉLECTRICIENNE"), "electricienne");
  EXPECT_EQ(Fold("Maçon"), "macon");
  EXPECT_EQ(Fold("Œuvre d'art à Fort-de-France"), "oeuvre d art a fort de france");
  EXPECT_EQ(Fold("  pâtissier/chocolatier  "), "patissier chocolatier");
  EXPECT_EQ(Fold("CAP (niveau 3)"), "cap niveau 3");
}

TEST(AnalyzerTest, DropsStopWordsAndStems) {
  const auto tokens = Analyze("Les soudeurs de l'atelier");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].word, "soudeurs");
  EXPECT_EQ(tokens[0].stem, Stem("soudeur"));
  EXPECT_EQ(tokens[1].stem, Stem("atelier"));
  EXPECT_EQ(Stem("soudeurs"), Stem("soudeur"));
  EXPECT_EQ(Stem("electriciens"), Stem("electricien"));
  EXPECT_TRUE(IsStopWord("de"));
  EXPECT_TRUE(IsStopWord("l"));
  EXPECT_FALSE(IsStopWord("cap"));
}

TEST(AnalyzerTest, WordsSplitsOnSpaces) {
  EXPECT_THAT(Words("chef de cuisine"), ElementsAre("chef", "de", "cuisine"));
  EXPECT_TRUE(Words("").empty());
}

TEST(JobRootTest, JoinsDerivedJobWords) {
  EXPECT_EQ(JobRoot("soudeur"), "soud");
  EXPECT_EQ(JobRoot("soudeuse"), "soud");
  EXPECT_EQ(JobRoot("soudure"), "soud");
  EXPECT_EQ(JobRoot("soudage"), "soud");
  EXPECT_EQ(JobRoot("electricien"), JobRoot("electricite"));
  EXPECT_EQ(JobRoot("macon"), JobRoot("maconnerie"));
  EXPECT_EQ(JobRoot("cuisinier"), JobRoot("cuisine"));
  EXPECT_EQ(JobRoot("cariste"), JobRoot("caristes"));
}

TEST(JobFamiliesTest, ExpandsHeadNounsButNotCommonWords) {
  std::vector<std::pair<std::string, std::string>> titles = {
      {"H2913", "Soudeur / Soudeuse"},
      {"H2913", "Soudeur / Soudeuse TIG"},
      {"G1602", "Cuisinier / Cuisinière"},
      {"G1602", "Chef de cuisine"},
  };
  // "Agent" heads the titles of many codes: too general to name a family.
  for (int i = 0; i < 10; ++i) titles.push_back({"K" + std::to_string(1000 + i), "Agent de X"});
  const JobFamilies families(titles);
  EXPECT_THAT(families.Codes("soudure"), ElementsAre("H2913"));
  EXPECT_THAT(families.Codes("soudeuses"), ElementsAre("H2913"));
  EXPECT_THAT(families.Codes("cuisine"), ElementsAre("G1602"));
  EXPECT_TRUE(families.Codes("agent").empty());
  EXPECT_TRUE(families.Codes("tig").empty());  // not a head noun
}

// A root over more than six codes still names the six that hold most of its titles, when they
// hold most of them (the ROME's « soudeur »: H2913 and five others, a few titles elsewhere).
TEST(JobFamiliesTest, ARootMostlyInSixCodesNamesThem) {
  std::vector<std::pair<std::string, std::string>> titles;
  for (int i = 0; i < 20; ++i)
    titles.push_back({"H2913", "Soudeur / Soudeuse " + std::to_string(i)});
  for (const char* code : {"H2906", "H2916", "H2917", "I1502", "H2909"})
    titles.push_back({code, "Soudeur / Soudeuse spécialisé"});
  titles.push_back({"H3201", "Soudeur chaussures"});
  titles.push_back({"B1234", "Soudeur d'art"});
  const JobFamilies families(titles);
  EXPECT_THAT(families.Codes("soudure"),
              ElementsAre("H2906", "H2909", "H2913", "H2916", "H2917", "I1502"));
}

TEST(SynonymsTest, FindsExpressionsAsStemSequences) {
  const auto synonyms = Synonyms::Parse("# comment\ncariste | conducteur d'engins\nseul\n");
  EXPECT_EQ(synonyms.group_count(), 1u);
  std::vector<std::string> stems;
  for (const auto& token : Analyze("les conducteurs d'engins du port")) stems.push_back(token.stem);
  const auto matches = synonyms.Find(stems);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].start, 0u);
  EXPECT_EQ(matches[0].length, 2u);
  EXPECT_GT(Synonyms::Builtin().group_count(), 40u);
}

TEST(TypoTest, OneEdit) {
  EXPECT_TRUE(WithinOneEdit("electricien", "electricein"));   // swap
  EXPECT_TRUE(WithinOneEdit("electricien", "electrcien"));    // deletion
  EXPECT_TRUE(WithinOneEdit("electricien", "electriciien"));  // insertion
  EXPECT_TRUE(WithinOneEdit("electricien", "elektricien"));   // substitution
  EXPECT_FALSE(WithinOneEdit("electricien", "elektricein"));
  EXPECT_FALSE(WithinOneEdit("soudeur", "soudeuse"));

  const std::string words[] = {"electricien", "electronique", "plombier"};
  TypoIndex index;
  for (std::uint32_t i = 0; i < 3; ++i) index.Add(words[i], i);
  std::vector<std::uint32_t> terms;
  index.Within("electricein", terms);  // found through two deletions
  EXPECT_THAT(terms, Each(0u));
  EXPECT_FALSE(terms.empty());
  terms.clear();
  index.Within("plomier", terms);
  EXPECT_THAT(terms, ElementsAre(2u));
}

}  // namespace
}  // namespace maplace::search
