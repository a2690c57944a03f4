#!/usr/bin/env bash
# The README's first command: install what is missing, build memrules
# (plugin and CLI) against LLVM 19, install it to build/prefix, and build the
# example project through the installed CMake package (find_package(memrules)
# and memrules_enable) so its findings show up beside the compiler's warnings.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

test/install-deps.sh 19
cmake -S . -B build -G Ninja -DMEMRULES_LLVM_VERSION=19 >/dev/null
cmake --build build
prefix="$root/build/prefix"
cmake --install build --prefix "$prefix" >/dev/null

example=build/examples/textstats
cmake -S examples/textstats -B "$example" -G Ninja \
  -DCMAKE_C_COMPILER=/usr/lib/llvm-19/bin/clang \
  -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
echo
echo "=== building examples/textstats with memrules from build/prefix (find_package) ==="
cmake --build "$example" --clean-first -- -j1 2>&1 | grep -v '^\[' || true
echo
echo "=== the rules this build knows (build/prefix/bin/memrules list-rules) ==="
"$prefix/bin/memrules" list-rules
