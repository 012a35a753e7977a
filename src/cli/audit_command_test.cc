#include "cli/audit_command.h"

#include <gtest/gtest.h>

#include <sstream>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::cli {
namespace {

journal::InvariantCheck Fixed(std::string name, Result<journal::CheckOutcome> outcome) {
  return {std::move(name), [outcome](Repositories&) { return outcome; }};
}

TEST(AuditVerifyTest, AFreshStorePasses) {
  fakes::InMemoryStore store;
  std::ostringstream out;
  EXPECT_EQ(AuditVerify(store, MoneyChecks(), out), 0);
  EXPECT_EQ(out.str(),
            "ok chain: 0 entries\nok payments.once: 0 payments\nok requests.paid: 0 requests\n"
            "ok envelopes.amounts: 0 envelopes\nok journal.payments: 0 payments journalled\n");
}

TEST(AuditVerifyTest, ABreachExitsOneAndEveryCheckIsPrinted) {
  fakes::InMemoryStore store;
  std::ostringstream out;
  const int code =
      AuditVerify(store,
                  {Fixed("down", Fail(ErrorCode::kUnavailable, "database is down")),
                   Fixed("chain", journal::CheckOutcome{false, "entry 57 hash mismatch"}),
                   Fixed("paid", journal::CheckOutcome{true, "12 payments"})},
                  out);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out.str(),
            "ERROR down: database is down\nBREACH chain: entry 57 hash mismatch\n"
            "ok paid: 12 payments\n");
}

TEST(AuditVerifyTest, ACheckThatCannotRunExitsTwo) {
  fakes::InMemoryStore store;
  std::ostringstream out;
  EXPECT_EQ(AuditVerify(store, {Fixed("down", Fail(ErrorCode::kUnavailable, "down"))}, out), 2);
}

}  // namespace
}  // namespace maplace::cli
