#!/bin/sh
# What ccache does with memrules findings when the policy changes, in its
# three setups: the default (direct mode), depend mode, and the policy as an
# extra file to hash. Each compile prints its findings and whether ccache
# answered it from the cache.
#   ccache-policy.sh CLANG PLUGIN MAKE_DEMO_DIR WORKDIR
set -eu
clang=$1 plugin=$2 demo=$3 work=$4

compile() {
  before=$(ccache --print-stats | awk '$1 == "cache_miss" {print $2}')
  ccache "$clang" -MMD -MP -fplugin="$plugin" -c fields.c -o fields.o 2>&1 |
    grep -o '\[memrules-[a-z-]*\]' || true
  after=$(ccache --print-stats | awk '$1 == "cache_miss" {print $2}')
  if [ "$after" = "$before" ]; then echo "cache hit"; else echo "cache miss"; fi
}

# Each setup starts from the same sources, policy and an empty cache.
setup() {
  echo "=== $1"
  rm -rf "$work"
  cp -r "$demo" "$work"
  cd "$work"
  export CCACHE_DIR="$work/ccache"
  unset CCACHE_DEPEND CCACHE_EXTRAFILES
}
change_policy() {
  printf 'rules:\n  realloc-leak: off\n' >>.memrules.yaml
  echo "--- policy changed"
}

setup "default"
compile
compile
change_policy
compile

setup "depend mode"
export CCACHE_DEPEND=1
compile
compile
change_policy
compile

setup "extra file"
export CCACHE_EXTRAFILES="$work/.memrules.yaml"
compile
compile
change_policy
compile
