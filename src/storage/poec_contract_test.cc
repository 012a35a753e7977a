// POEC programmes, partners, cohorts and candidates (migration 0018) on SQLite and on
// PostgreSQL (MAPLACE_TEST_POSTGRES_URL, set by script/test).
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using poec::Candidate;
using poec::Programme;
using poec::Stage;

class PoecContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
};

TEST_P(PoecContract, ProgrammesCohortsAndCandidatesRoundTrip) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& p = r.poec();
    Programme programme{0, {"POEC Soudeurs", "H2913", "AFPA", 399, "OPCO 2i", "AKTO"}, 1, 5, 5};
    auto id = p.CreateProgramme(programme);
    EXPECT_THAT(id, IsOk());
    auto found = p.FindProgramme(*id);
    EXPECT_EQ(found->input.title, "POEC Soudeurs");
    EXPECT_EQ(found->input.hours, 399);
    found->input.funding = "OPCO 2i, Région";
    found->updated_at = 6;
    EXPECT_THAT(p.UpdateProgramme(*found), IsOk());
    EXPECT_EQ(p.Programmes()->front().input.funding, "OPCO 2i, Région");

    EXPECT_THAT(p.AddPartner({0, *id, "Soudure Caraïbes", 3, 7}), IsOk());
    EXPECT_EQ(p.Partners(*id)->front().positions, 3);

    auto cohort =
        p.CreateCohort({0, *id, "Promotion 2026", "2026-02-01", "2026-05-30", "Le Lamentin", 8});
    EXPECT_THAT(cohort, IsOk());
    EXPECT_EQ(p.FindCohort(*cohort)->place, "Le Lamentin");
    EXPECT_EQ(p.Cohorts(*id)->size(), 1u);

    Candidate c;
    c.cohort_id = *cohort;
    c.name = "Zoé Fictive";
    c.email = "zoe@example.mq";
    c.commune_code = "97213";
    c.created_at = c.updated_at = 9;
    auto cid = p.AddCandidate(c);
    EXPECT_THAT(cid, IsOk());
    c.name = "Albert Fictif";
    EXPECT_THAT(p.AddCandidate(c), IsOk());
    auto candidates = p.Candidates(*cohort);
    EXPECT_EQ(candidates->front().name, "Albert Fictif");  // by name
    auto zoe = p.FindCandidate(*cid);
    EXPECT_EQ(zoe->stage, Stage::kInformation);
    zoe->stage = Stage::kOutcome;
    zoe->hours_attended = 380;
    zoe->outcome = "cdi";
    zoe->company = "Soudure Caraïbes";
    zoe->outcome_date = "2026-06-15";
    zoe->updated_at = 10;
    EXPECT_THAT(p.UpdateCandidate(*zoe), IsOk());
    auto outcomes = p.OutcomesBetween("2026-01-01", "2027-01-01");
    EXPECT_EQ(outcomes->size(), 1u);
    EXPECT_EQ(outcomes->front().company, "Soudure Caraïbes");
    EXPECT_EQ(outcomes->front().hours_attended, 380);
    EXPECT_TRUE(p.OutcomesBetween("2027-01-01", "2028-01-01")->empty());
    EXPECT_THAT(p.FindCandidate(9999), HasErrorCode(ErrorCode::kNotFound));
    return Ok();
  }),
              IsOk());
}

TEST_P(PoecContract, TheDatabaseRefusesMoreThan400Hours) {
  auto status = store_->Write([&](Repositories& r) -> Status {
    auto id = r.poec().CreateProgramme(
        Programme{0, {"POEC trop longue", "H2913", "AFPA", 401, "", ""}, 1, 5, 5});
    if (!id) return Fail(id.error());
    return Ok();
  });
  EXPECT_FALSE(status);
}

INSTANTIATE_TEST_SUITE_P(Databases, PoecContract, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace maplace::storage
