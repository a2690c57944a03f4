#!/usr/bin/env bash
# Installs the Debian packages memrules needs, if any are missing.
#   test/install-deps.sh [LLVM_MAJOR...]     (default: 19)
# Needs root (or sudo) only when something is missing.
set -euo pipefail

majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(19)

packages=(cmake ninja-build pkg-config python3 libyaml-dev libjansson-dev libcmocka-dev)
# The build-integration tests (test/lit/integration, docs/integration.md).
packages+=(make g++ meson autoconf automake ccache clangd-14)
for major in "${majors[@]}"; do
  packages+=("clang-$major" "libclang-$major-dev" "llvm-$major-dev" "llvm-$major-tools" "clang-tidy-$major")
done
# lit itself comes from llvm-19-tools whichever clang is tested.
packages+=(llvm-19-tools)
# The SARIF test: python3-jsonschema validates memrules' SARIF output against
# the OASIS schema, which test/sarif/fetch-schema.sh gets with npm and node.
packages+=(python3-jsonschema)
# distcc: the distributed-build test runs a distccd on loopback.
packages+=(distcc)
# libFuzzer and clang's sanitizer runtimes: the fuzz targets (bench/fuzz,
# run briefly by test/run-all.sh).
packages+=(libclang-rt-19-dev)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
# npm may come with a nodejs from elsewhere (which conflicts with Debian's
# npm package), so it is asked for only when there is no npm at all.
command -v npm >/dev/null || missing+=(npm)
# distccd runs only compilers linked in /usr/lib/distcc; distcc links the
# compilers installed before it, so one installed with or after it may lack
# its link.
distcc_unlinked=()
for major in "${majors[@]}"; do
  [ -e "/usr/lib/distcc/clang-$major" ] || distcc_unlinked+=("clang-$major")
done
[ ${#missing[@]} -eq 0 ] && [ ${#distcc_unlinked[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "memrules: need root (or sudo) to install: ${missing[*]} ${distcc_unlinked[*]}" >&2
  exit 1
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "memrules: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
"${sudo[@]}" update-distcc-symlinks
