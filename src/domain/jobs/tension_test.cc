#include "domain/jobs/tension.h"

#include <gtest/gtest.h>

namespace maplace::jobs {
namespace {

HiringFigure Cell(int year, const char* fap, const char* label, const char* area,
                  std::optional<std::int64_t> projects, std::optional<std::int64_t> difficult,
                  std::optional<std::int64_t> seasonal) {
  return HiringFigure{year, fap, label, area, projects, difficult, seasonal};
}

TEST(TensionModelTest, ScoreWeighsTheDifficultShareByVolume) {
  EXPECT_DOUBLE_EQ(TensionModel::Score(50, 50), 50.0);   // all difficult, half weight
  EXPECT_DOUBLE_EQ(TensionModel::Score(150, 75), 37.5);  // 50 % × 150/200
  EXPECT_DOUBLE_EQ(TensionModel::Score(0, 0), 0.0);
  EXPECT_GT(TensionModel::Score(400, 200), TensionModel::Score(20, 10));  // same share
}

TEST(TensionModelTest, SumsOverAreasFlagEachFigureThatLeavesASecretOut) {
  std::vector<HiringFigure> figures = {
      Cell(2025, "D1X33", "Soudeurs", "201", 40, 30, std::nullopt),
      Cell(2025, "D1X33", "Soudeurs", "202", 10, std::nullopt, 2),
      Cell(2025, "D1X33", "Soudeurs", "203", std::nullopt, std::nullopt, std::nullopt),
  };
  TensionModel model(figures, Crosswalk(figures, {}, {}, {}));
  auto territory = model.Ranking({2025, std::nullopt, std::nullopt});
  ASSERT_EQ(territory.size(), 1u);
  const auto& f = territory[0];
  EXPECT_EQ(f.projects, 50);
  EXPECT_TRUE(f.projects_partial);
  EXPECT_EQ(f.difficult, 30);
  EXPECT_TRUE(f.difficult_partial);
  EXPECT_EQ(f.seasonal, 2);
  EXPECT_TRUE(f.seasonal_partial);
  // The share of difficult projects uses only the cells where both are published: 30 / 40.
  EXPECT_DOUBLE_EQ(*f.share_difficult, 0.75);
  EXPECT_DOUBLE_EQ(f.score, TensionModel::Score(40, 30));
  auto centre = model.Ranking({2025, std::string("201"), std::nullopt});
  ASSERT_EQ(centre.size(), 1u);
  EXPECT_FALSE(centre[0].projects_partial);
  EXPECT_FALSE(centre[0].seasonal.has_value());  // secret: not zero
  EXPECT_TRUE(model.Ranking({2025, std::string("203"), std::nullopt}).empty());
}

TEST(TensionModelTest, RanksByScoreThenProjectsAndComparesWithTheTwinAYearBefore) {
  std::vector<HiringFigure> figures = {
      Cell(2023, "D2Z42", "Soudeurs", "201", 42, 42, 24),
      Cell(2024, "D1X33", "Soudeurs", "201", 50, 25, 0),
      Cell(2024, "S1X40", "Cuisiniers", "201", 100, 80, 10),
      Cell(2024, "T4X60", "Agents d'entretien", "201", 100, 10, 0),
  };
  // ROME: H2913 descends from ROME 3 H2913, linked to FAP 2009 D2Z42 by the Dares table.
  Crosswalk crosswalk(figures, {{"D2Z42", "H2913"}}, {{"H2913", "H2913"}, {"H2914", "H2913"}}, {});
  EXPECT_EQ(crosswalk.Twin("D1X33"), "D2Z42");  // same label
  EXPECT_EQ(crosswalk.JobsOf("D1X33"), (std::vector<std::string>{"H2913", "H2914"}));
  EXPECT_EQ(crosswalk.FamiliesOf("H2914"), (std::set<std::string>{"D1X33", "D2Z42"}));
  TensionModel model(figures, crosswalk);
  auto ranking = model.Ranking({2024, std::nullopt, std::nullopt});
  ASSERT_EQ(ranking.size(), 3u);
  EXPECT_EQ(ranking[0].fap_code, "S1X40");  // 80 % of 100
  EXPECT_EQ(ranking[1].fap_code, "D1X33");  // 50 % of 50
  EXPECT_EQ(ranking[2].fap_code, "T4X60");  // 10 % of 100
  EXPECT_EQ(ranking[1].rank, 2);
  EXPECT_EQ(ranking[1].previous_projects, 42);                  // the 2023 twin
  EXPECT_DOUBLE_EQ(*ranking[1].previous_share_difficult, 1.0);  // 42 of 42
  EXPECT_FALSE(ranking[0].previous_projects.has_value());
  EXPECT_FALSE(ranking[0].previous_share_difficult.has_value());
  auto industry = model.Ranking({2024, std::nullopt, std::string("H")});
  ASSERT_EQ(industry.size(), 1u);
  EXPECT_EQ(industry[0].fap_code, "D1X33");
}

TEST(CrosswalkTest, OverridesWinAndUnjoinedFamiliesAreListed) {
  std::vector<HiringFigure> figures = {
      Cell(2023, "B2Z40", "Maçons", "201", 1, 1, 1),
      Cell(2023, "G0A40", "Ouvriers qualifiés de la maintenance en mécanique", "201", 1, 1, 1),
      Cell(2024, "B1X31", "Maçons qualifiés", "201", 1, 1, 1),
      Cell(2024, "G0A40", "Ouvriers de la maintenance générale et mécanique", "201", 1, 1, 1),
      Cell(2024, "Q9X99", "Nouvelle famille", "201", 1, 1, 1),
      Cell(2024, "A0X40", "Agriculteurs", "201", 1, 1, 1),
  };
  Crosswalk crosswalk(figures, {{"A0Z40", "A1414"}}, {}, {{"B1X31", "B2Z40"}});
  EXPECT_EQ(crosswalk.Twin("B1X31"), "B2Z40");  // a person's decision
  EXPECT_EQ(crosswalk.Twin("G0A40"), "G0A40");  // the code did not change
  EXPECT_EQ(crosswalk.Twin("A0X40"), "A0Z40");  // the nomenclature letter
  EXPECT_EQ(crosswalk.Unmapped(), (std::vector<std::string>{"Q9X99"}));
}

TEST(AreaShortNameTest, DropsTheTerritoryAndCapitalises) {
  EXPECT_EQ(AreaShortName("MARTINIQUE NORD ATLANTIQUE"), "Nord Atlantique");
  EXPECT_EQ(AreaShortName("MARTINIQUE NORD CARAIBE"), "Nord Caraïbe");
  EXPECT_EQ(AreaShortName("MARTINIQUE CENTRE"), "Centre");
}

}  // namespace
}  // namespace maplace::jobs
