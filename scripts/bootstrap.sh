#!/usr/bin/env bash
# Makes this machine able to build and run TensorLinear, then builds the solution (Release). The engine is TorchSharp,
# restored from NuGet with its own libtorch (TorchSharp-cpu 0.107.0, libtorch 2.10.0): nothing is installed with apt,
# and no C++ toolchain is needed. Needs the .NET 10 SDK and, on Linux, glibc ≥ 2.34.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

command -v dotnet >/dev/null || die "the .NET SDK is missing: install .NET 10 (https://dot.net) and try again."
if [ "$(uname -s)" = Linux ]; then
  glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
  if [ -n "$glibc" ] && [ "$(printf '%s\n2.34\n' "$glibc" | sort -V | head -n1)" != 2.34 ]; then
    die "glibc $glibc is older than 2.34, which TorchSharp's libLibTorchSharp.so needs (Debian 12, Ubuntu 22.04 or newer)."
  fi
fi

dotnet build TensorLinear.sln -c Release -nologo -v quiet -clp:NoSummary >&2 || die "the build failed (see above)."
