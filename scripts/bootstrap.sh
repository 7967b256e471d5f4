#!/usr/bin/env bash
# Makes this machine able to build and run TensorLinear: installs libtorch, OpenBLAS, CMake and g++ when they are
# missing (apt-get as root, sudo otherwise), then builds the solution, which builds the native bridge with CMake.
# With LIBTORCH=/path/to/libtorch set, that libtorch is used and nothing is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
if [ -n "${LIBTORCH:-}" ]; then
  [ -f "$LIBTORCH/share/cmake/Torch/TorchConfig.cmake" ] ||
    die "LIBTORCH=$LIBTORCH does not hold share/cmake/Torch/TorchConfig.cmake; point it at an unpacked libtorch."
  for tool in cmake g++; do
    command -v "$tool" >/dev/null || die "LIBTORCH is set, so nothing is installed, but $tool is missing: install it (apt-get install cmake g++)."
  done
else
  for package in libtorch-dev libopenblas0-pthread; do installed "$package" || missing+=("$package"); done
  command -v cmake >/dev/null || missing+=(cmake)
  command -v g++ >/dev/null || missing+=(g++)
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    apt=(sudo env DEBIAN_FRONTEND=noninteractive apt-get)
  else
    die "missing packages: ${missing[*]}. Not root and no password-less sudo: run 'sudo apt-get install ${missing[*]}' and try again, or set LIBTORCH=/path/to/libtorch."
  fi
  "${apt[@]}" update -qq >&2 || die "apt-get update failed; install ${missing[*]} yourself."
  "${apt[@]}" install -y -qq "${missing[@]}" >&2 || die "apt-get install failed; install ${missing[*]} yourself."
fi

# A CMake cache remembers which libtorch it found; start afresh when the choice changed.
mkdir -p build/native
choice="${LIBTORCH:-system}"
if [ "$(cat build/native/.libtorch 2>/dev/null)" != "$choice" ]; then
  rm -rf build/native/CMakeCache.txt build/native/CMakeFiles
  printf '%s\n' "$choice" > build/native/.libtorch
fi

dotnet build TensorLinear.sln -c Release -nologo -v quiet -clp:NoSummary >&2 || die "the build failed (see above)."
