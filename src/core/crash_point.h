#pragma once

#include <string_view>

namespace maplace {

// A place where the process may be killed for a test: when the environment variable
// MAPLACE_CRASH_AT names `point`, the process dies at once with SIGKILL — no destructor, no
// flush, no commit — as `kill -9` or a power cut would. Tests kill a payment batch there, start
// again and replay it, and check that nothing was lost nor done twice (security.md §3.2).
void CrashPoint(std::string_view point);

}  // namespace maplace
