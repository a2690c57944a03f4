#!/usr/bin/env bash
# The README's second command (and what .ci/run calls): install what is
# missing, build memrules against LLVM 19 and LLVM 14, run the C unit tests
# and the lit suite against both, and end with "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
lit=/usr/lib/llvm-19/build/utils/lit/lit.py

test/install-deps.sh 19 14 || exit 1

passed=0
failed=0
# Adds lit's "Passed: N" / "Failed: N" style counts from a log.
count_lit() {
  local p f
  p=$(awk -F: '/^ *(Passed|Expectedly Failed) *:/ {s += $2} END {print s + 0}' "$1")
  f=$(awk -F: '/^ *(Failed|Unexpectedly Passed|Timed Out|Unresolved) *:/ {s += $2} END {print s + 0}' "$1")
  # No summary at all means lit itself broke.
  grep -qE '^ *(Passed|Failed) *:' "$1" || f=$((f + 1))
  passed=$((passed + p))
  failed=$((failed + f))
}

for major in 19 14; do
  build=build-test-llvm$major
  echo "=== LLVM $major: configure and build ($build) ==="
  if ! { cmake -S . -B "$build" -G Ninja -DMEMRULES_LLVM_VERSION=$major >/dev/null &&
         cmake --build "$build"; }; then
    echo "build against LLVM $major failed"
    failed=$((failed + 1))
    continue
  fi
  if [ "$major" = 19 ]; then
    echo "=== C unit tests ==="
    log=$(mktemp)
    (cd "$build" && ctest --output-on-failure -E '^lit$') | tee "$log"
    p=$(grep -oE '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1)
    if [ -n "$p" ]; then
      total=$(echo "$p" | grep -oE '[0-9]+$')
      bad=$(echo "$p" | sed -E 's/.* ([0-9]+) tests failed.*/\1/')
      passed=$((passed + total - bad))
      failed=$((failed + bad))
    else
      failed=$((failed + 1))
    fi
  fi
  echo "=== lit suite against clang $major ==="
  log=$(mktemp)
  python3 "$lit" -sv "$build/test/lit" 2>&1 | tee "$log"
  count_lit "$log"
done

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
