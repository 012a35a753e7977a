#!/usr/bin/env bash
# Fails when a module includes one it must not see (src/README.md draws the arrows).
set -euo pipefail
cd "$(dirname "$0")/../src"
status=0
check() {  # check <folder> <forbidden include prefix>...
  local folder=$1; shift
  for prefix in "$@"; do
    if grep -rn --include='*.h' --include='*.cc' "#include \"$prefix" "$folder" | grep -v '_test.cc:'; then
      echo "error: $folder must not include $prefix" >&2
      status=1
    fi
  done
}
check core domain/ storage/ web/ mail/ cli/ app/
check domain storage/ web/ mail/ cli/ app/ importers/
check storage web/ mail/ cli/ app/
check mail storage/ web/ cli/ app/
check web storage/ mail/ cli/ app/
check cli storage/ web/ mail/ app/
check search domain/ storage/ web/ mail/ cli/ app/ importers/
check importers storage/ web/ mail/ cli/ app/
exit $status
