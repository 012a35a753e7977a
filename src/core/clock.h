#pragma once

#include <atomic>
#include <cstdint>

namespace maplace {

// Seconds since the Unix epoch, UTC. The store keeps every instant in this form.
using UnixSeconds = std::int64_t;

// The time source, injected so that expiries and timeouts are testable without sleeping.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixSeconds Now() const override;
};

// A clock that moves only when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(UnixSeconds start) : now_(start) {}
  UnixSeconds Now() const override { return now_.load(); }
  void Advance(UnixSeconds seconds) { now_ += seconds; }

 private:
  std::atomic<UnixSeconds> now_;
};

}  // namespace maplace
