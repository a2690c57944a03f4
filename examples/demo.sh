#!/usr/bin/env bash
# The README's first command: install what is missing, build memrules
# (plugin and CLI) against LLVM 19, and build the example project with the
# plugin so its findings show up beside the compiler's warnings.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

test/install-deps.sh 19
cmake -S . -B build -G Ninja -DMEMRULES_LLVM_VERSION=19 >/dev/null
cmake --build build

example=build/examples/textstats
cmake -S examples/textstats -B "$example" -G Ninja \
  -DCMAKE_C_COMPILER=/usr/lib/llvm-19/bin/clang \
  -DMEMRULES_PLUGIN="$root/build/plugin/libmemrules.so" >/dev/null
echo
echo "=== building examples/textstats with -fplugin=build/plugin/libmemrules.so ==="
cmake --build "$example" --clean-first -- -j1 2>&1 | grep -v '^\[' || true
echo
echo "=== the rules this build knows (build/tools/memrules list-rules) ==="
build/tools/memrules list-rules
