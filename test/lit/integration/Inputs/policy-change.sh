#!/bin/sh
# Builds a copy of policy-project with CMake and GENERATOR, then edits its
# policies and rebuilds, printing a label before each step so a FileCheck
# file can say which objects each step compiled and what they reported.
#   policy-change.sh CMAKE GENERATOR PREFIX CC CXX WORKDIR
set -eu
cmake=$1 generator=$2 prefix=$3 cc=$4 cxx=$5 work=$6
here=$(cd "$(dirname "$0")" && pwd)

rm -rf "$work"
mkdir -p "$work"
cp -r "$here/policy-project" "$work/src"
"$cmake" -S "$work/src" -B "$work/build" -G "$generator" \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log"
# Prints the build's output, then the objects it compiled in sorted order.
build() {
  echo "=== $1"
  status=0
  "$cmake" --build "$work/build" -j 1 >"$work/build.log" 2>&1 || status=$?
  cat "$work/build.log"
  echo "compiled:" $(sed -n 's/.*Building CX* object CMakeFiles\/\([^ ]*\).*/\1/p' \
                     "$work/build.log" | sort -u)
  return $status
}

build "first build"
build "nothing changed"
# The file .memrules.yaml extends: only the targets that use it recompile.
sed -i 's/realloc-leak: warning/realloc-leak: off/' "$work/src/policies/base.yaml"
build "base.yaml changed"
# The file memrules_enable(explicit POLICY ...) names.
sed -i 's/realloc-leak: warning/realloc-leak: error/' "$work/src/policies/other.yaml"
build "other.yaml changed" || echo "build failed"
