#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/aids/aids_repository.h"
#include "domain/aids/engine.h"
#include "domain/aids/rules.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::aids {

// A rules parameter as the administration page shows it.
struct ParameterView {
  Parameter parameter;                       // value: the one in force
  std::optional<ParameterOverride> changed;  // when an administrator set it
};

// The rules in force and the simulations on them. Thread-safe: a change of parameter swaps
// the whole rule set; requests in flight keep the one they started with.
class AidsService {
 public:
  // Rules without a store: simulations only (parameters cannot be changed).
  explicit AidsService(Rules rules) : rules_(std::make_shared<const Rules>(std::move(rules))) {}

  // The rules files with the overrides kept in the store. Fails when a file or an override
  // is bad (the server does not start).
  static Result<std::unique_ptr<AidsService>> Open(std::vector<RulesFile> files, Store& store,
                                                   const Clock& clock);

  Result<Evaluation> Simulate(const Situation& situation) const {
    return Evaluate(*rules(), situation);
  }
  std::shared_ptr<const Rules> rules() const {
    std::lock_guard lock(mutex_);
    return rules_;
  }

  // Every parameter, by name, with who changed it.
  Result<std::vector<ParameterView>> Parameters() const;
  // One of them; kNotFound for an unknown name.
  Result<ParameterView> FindParameter(const std::string& name) const;
  // An administrator sets a parameter: the rules are reloaded with it first (a value they
  // refuse is refused), then it is stored with its audit event, then it is in force.
  // kInvalidArgument with French field messages ("value", "reason"); kPermissionDenied for
  // anyone but an administrator; kNotFound for an unknown name.
  Status SetParameter(const people::Actor& actor, const std::string& name, double value,
                      const std::string& reason, const std::string& client_address);
  // Back to the file's value. kNotFound when the parameter was not changed.
  Status ResetParameter(const people::Actor& actor, const std::string& name,
                        const std::string& client_address);

 private:
  AidsService(std::vector<RulesFile> files, Rules rules, Store& store, const Clock& clock)
      : files_(std::move(files)),
        store_(&store),
        clock_(&clock),
        rules_(std::make_shared<const Rules>(std::move(rules))) {}

  Status CheckAdministrator(const people::Actor& actor) const;
  // Loads the files with `overrides`, stores the change with `write`, then swaps the rules.
  Status Change(const std::map<std::string, double>& overrides,
                const std::function<Status(Repositories&)>& write);

  std::vector<RulesFile> files_;
  Store* store_ = nullptr;
  const Clock* clock_ = nullptr;
  std::mutex change_mutex_;  // one change at a time
  mutable std::mutex mutex_;
  std::shared_ptr<const Rules> rules_;
};

}  // namespace maplace::aids
