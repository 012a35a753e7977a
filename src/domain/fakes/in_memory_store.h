#pragma once

#include <memory>
#include <mutex>

#include "domain/store.h"

namespace maplace::fakes {

// A Store kept in memory for unit tests of the domain. Transactions are serialised and a failed
// one is rolled back by restoring a copy of the state taken at its start.
class InMemoryStore final : public Store {
 public:
  InMemoryStore();
  ~InMemoryStore() override;
  Status Read(const std::function<Status(Repositories&)>& work) override;
  Status Write(const std::function<Status(Repositories&)>& work) override;

 private:
 public:
  struct State;  // public so the fake repositories can share it

 private:
  class Repos;
  std::mutex mutex_;
  std::unique_ptr<State> state_;
};

}  // namespace maplace::fakes
