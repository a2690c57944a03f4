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

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "memrules: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "memrules: need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
