// The aids repository (NPEC référentiel, parameter overrides) on SQLite and on PostgreSQL
// (MAPLACE_TEST_POSTGRES_URL, set by script/test).
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/aids/parameter_overrides.h"
#include "domain/reference/tables.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using aids::Npec;
using aids::ParameterOverride;
using reference::Row;

class AidsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
  }

  // Fills the npec table as `maplace import npec` does.
  void LoadNpec(const std::vector<Row>& rows) {
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto counts = r.reference().Sync(reference::tables::Npec(), rows);
      return counts ? Ok() : Status(Fail(counts.error()));
    }),
                IsOk());
  }
  // Runs `check` in a read transaction.
  void Reading(const std::function<void(aids::AidsRepository&)>& check) {
    ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
      check(r.aids());
      return Ok();
    }),
                IsOk());
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
};

const std::vector<Row> kNpecRows = {
    {"RNCP1002", "2", "CNPE des sociétés financières", "Mise en oeuvre caoutchoucs", "949700",
     "2023-10-15", "A"},
    {"RNCP1002", "10", "CPNE de la propreté", std::nullopt, "800050", std::nullopt, std::nullopt},
    {"RNCP1002", "9", "CPNE de la coiffure", "Mise en oeuvre caoutchoucs", "800050", "2024-09-01",
     "A"},
    {"RNCP35000", "2", "CNPE des sociétés financières", "Autre titre", "700000", "2023-10-15", "D"},
};

TEST_P(AidsContract, NpecIsFoundByCertificationAndBranch) {
  LoadNpec(kNpecRows);
  Reading([](aids::AidsRepository& aids) {
    auto found = aids.FindNpec("RNCP1002", "2");
    ASSERT_THAT(found, IsOk());
    EXPECT_EQ(*found,
              (Npec{"RNCP1002", "2", "CNPE des sociétés financières", "Mise en oeuvre caoutchoucs",
                    949700, ParseIsoDate("2023-10-15"), "A"}));
    auto bare = aids.FindNpec("RNCP1002", "10");
    ASSERT_THAT(bare, IsOk());
    EXPECT_EQ(bare->certification_label, std::nullopt);
    EXPECT_EQ(bare->applicable_from, std::nullopt);
    EXPECT_EQ(bare->status, std::nullopt);
    EXPECT_THAT(aids.FindNpec("RNCP1002", "4"), HasErrorCode(ErrorCode::kNotFound));
    EXPECT_THAT(aids.FindNpec("RNCP9", "2"), HasErrorCode(ErrorCode::kNotFound));
  });
}

TEST_P(AidsContract, EveryBranchOfACertificationLowestFirst) {
  LoadNpec(kNpecRows);
  Reading([](aids::AidsRepository& aids) {
    auto all = aids.NpecsForCertification("RNCP1002");
    ASSERT_THAT(all, IsOk());
    std::vector<std::string> cpnes;
    for (const auto& n : *all) cpnes.push_back(n.cpne_code);
    // 800050 twice (CPNE 9 before 10: by number), then 949700.
    EXPECT_EQ(cpnes, (std::vector<std::string>{"9", "10", "2"}));
    auto none = aids.NpecsForCertification("RNCP404");
    ASSERT_THAT(none, IsOk());
    EXPECT_TRUE(none->empty());
  });
}

TEST_P(AidsContract, ParameterOverridesAreUpsertedListedAndRemoved) {
  const ParameterOverride first{"state_aid_amount", 5000, "Décret 2025-174", 0, 1'760'000'000};
  const ParameterOverride second{"state_aid_amount", 0.1, "Erreur de saisie corrigée", 3,
                                 1'760'000'100};
  const ParameterOverride other{"lodging_night_cents", 600, "Arrêté du 30 juillet 2019", 3,
                                1'760'000'200};
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    for (const auto* o : {&first, &second, &other})
      if (auto s = r.aids().SetParameterOverride(*o); !s) return s;
    return Ok();
  }),
              IsOk());
  Reading([&](aids::AidsRepository& aids) {
    auto all = aids.ParameterOverrides();
    ASSERT_THAT(all, IsOk());
    EXPECT_EQ(*all, (std::vector<ParameterOverride>{other, second}));  // by name; 0.1 exactly
  });
  ASSERT_THAT(store_->Write([](Repositories& r) {
    return r.aids().RemoveParameterOverride("lodging_night_cents");
  }),
              IsOk());
  EXPECT_THAT(store_->Write([](Repositories& r) {
    return r.aids().RemoveParameterOverride("lodging_night_cents");
  }),
              HasErrorCode(ErrorCode::kNotFound));
  Reading([&](aids::AidsRepository& aids) {
    EXPECT_EQ(*aids.ParameterOverrides(), std::vector<ParameterOverride>{second});
  });
}

TEST_P(AidsContract, AnOverrideAndItsAuditEventAreWrittenTogether) {
  const ParameterOverride value{"state_aid_amount", 6000, "Décret 2025-174", 0, 1'760'000'000};
  ASSERT_THAT(store_->Write([&](Repositories& r) {
    return aids::SetParameterOverride(r, value, "192.0.2.1");
  }),
              IsOk());
  // A transaction that fails after the change leaves neither the value nor its audit event.
  auto failed = store_->Write([&](Repositories& r) -> Status {
    auto changed = value;
    changed.value = 1;
    if (auto s = aids::SetParameterOverride(r, changed, "192.0.2.1"); !s) return s;
    return Fail(ErrorCode::kInternal, "later step failed");
  });
  EXPECT_THAT(failed, HasErrorCode(ErrorCode::kInternal));
  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    EXPECT_EQ(*r.aids().ParameterOverrides(), std::vector<ParameterOverride>{value});
    auto events = r.audit().Latest(10);
    EXPECT_EQ(events->size(), 1u);
    EXPECT_EQ(events->front().action, aids::kParameterSetAction);
    EXPECT_EQ(events->front().subject, "aid_parameter:state_aid_amount");
    return Ok();
  }),
              IsOk());
}

INSTANTIATE_TEST_SUITE_P(Stores, AidsContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::storage
