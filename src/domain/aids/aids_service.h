#pragma once

#include <memory>
#include <mutex>

#include "core/error.h"
#include "domain/aids/engine.h"
#include "domain/aids/rules.h"

namespace maplace::aids {

// The rules in force and the simulations on them. Thread-safe: a change of parameters swaps
// the whole rule set, requests in flight keep the one they started with.
class AidsService {
 public:
  explicit AidsService(Rules rules) : rules_(std::make_shared<const Rules>(std::move(rules))) {}

  Result<Evaluation> Simulate(const Situation& situation) const {
    return Evaluate(*rules(), situation);
  }
  std::shared_ptr<const Rules> rules() const {
    std::lock_guard lock(mutex_);
    return rules_;
  }
  void Replace(Rules rules) {
    auto next = std::make_shared<const Rules>(std::move(rules));
    std::lock_guard lock(mutex_);
    rules_ = std::move(next);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Rules> rules_;
};

}  // namespace maplace::aids
