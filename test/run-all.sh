#!/usr/bin/env bash
# The README's second command (and what .ci/run calls): install what is
# missing, build memrules against LLVM 19 and LLVM 14, run the C unit tests
# and the lit suite against both, again with ASan and UBSan against LLVM 19,
# run each fuzz target for 30 s, and end with "N passed, N failed".
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

# Adds ctest's "N% tests passed, N tests failed out of N" from a log.
count_ctest() {
  local p total bad
  p=$(grep -oE '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$1" | tail -1)
  if [ -z "$p" ]; then
    failed=$((failed + 1))
    return
  fi
  total=$(echo "$p" | grep -oE '[0-9]+$')
  bad=$(echo "$p" | sed -E 's/.* ([0-9]+) tests failed.*/\1/')
  passed=$((passed + total - bad))
  failed=$((failed + bad))
}

# Runs the lit suite of build dir $1, whose plugin is for clang $2, and
# first its C unit tests when $4 is "with-unit-tests" ($3 labels headings).
run_tests() {
  local build=$1 major=$2 label=$3 unit=$4 log
  if [ "$unit" = with-unit-tests ]; then
    echo "=== ${label}C unit tests ==="
    log=$(mktemp)
    (cd "$build" && ctest --output-on-failure -E '^lit$') | tee "$log"
    count_ctest "$log"
  fi
  echo "=== ${label}lit suite against clang $major ==="
  log=$(mktemp)
  python3 "$lit" -sv "$build/test/lit" 2>&1 | tee "$log"
  count_lit "$log"
}

# Configures and builds $1 with the cmake options that follow; counts a
# failed build as a failure.
build() {
  local dir=$1
  shift
  echo "=== configure and build ($dir) ==="
  if cmake -S . -B "$dir" -G Ninja "$@" >/dev/null && cmake --build "$dir"; then
    return 0
  fi
  echo "build $dir failed"
  failed=$((failed + 1))
  return 1
}

build build-test-llvm19 -DMEMRULES_LLVM_VERSION=19 &&
  run_tests build-test-llvm19 19 "" with-unit-tests
build build-test-llvm14 -DMEMRULES_LLVM_VERSION=14 &&
  run_tests build-test-llvm14 14 "" lit-only
# The plugin, the tool and the unit tests again with ASan and UBSan
# (docs/hardening.md): the unit tests with leak checking, the lit suite with
# the sanitized plugin loaded into clang-19.
build build-test-sanitized -DMEMRULES_SANITIZE=ON &&
  run_tests build-test-sanitized 19 "sanitized (ASan + UBSan) " with-unit-tests

# Every libFuzzer target briefly (bench/fuzz runs them for as long as asked):
# one test per target.
echo "=== fuzz targets, 30 s each ==="
log=$(mktemp)
bench/fuzz 30 2>&1 | tee "$log"
passed=$((passed + $(grep -cE '^fuzz: [a-z_]+: no crash' "$log")))
failed=$((failed + $(grep -cE '^fuzz: [a-z_]+ FAILED' "$log")))
grep -qE '^fuzz: [a-z_]+: no crash' "$log" || failed=$((failed + 1))

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
