#!/usr/bin/env bash
# Formats the C++ sources with clang-format (--check: only report, exit 1 when unformatted).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=(-i)
[ "${1:-}" = "--check" ] && mode=(--dry-run -Werror)
find src -name '*.h' -o -name '*.cc' | xargs clang-format "${mode[@]}"
