#include "core/crash_point.h"

#include <csignal>
#include <cstdlib>

namespace maplace {

void CrashPoint(std::string_view point) {
  const char* chosen = std::getenv("MAPLACE_CRASH_AT");
  if (chosen != nullptr && point == chosen) std::raise(SIGKILL);
}

}  // namespace maplace
