#!/usr/bin/env bash
# Packs TensorLinear's NuGet packages into a local folder feed: the libraries TensorLinear.Core, .Reference, .Autograd
# and .Verification (each a .nupkg with its XML docs, README and licence, and a .snupkg of portable pdbs with every
# source embedded) and the tool TensorLinear.Cli (`tensorlinear`). Their version and shared metadata are in
# src/Directory.Build.props.
#
#   scripts/pack.sh [--no-build] [-c Configuration] [feed]     feed defaults to artifacts/feed (gitignored)
#
# --no-build packs what the last build of that configuration left (./test.sh's bootstrap builds Release; the packaging
# test packs that). Consume the feed with `dotnet add package TensorLinear.Verification --source <feed>`, `#i "nuget:
# <feed>"` in an F# script, or `dotnet tool install TensorLinear.Cli --add-source <feed>` (README, "Use it in your project").
set -euo pipefail
cd "$(dirname "$0")/.."

build=()
configuration=Release
feed=artifacts/feed
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=(--no-build); shift ;;
    -c) configuration=$2; shift 2 ;;
    -*) echo "pack: unknown option $1" >&2; exit 2 ;;
    *) feed=$1; shift ;;
  esac
done
mkdir -p "$feed"
feed=$(cd "$feed" && pwd)

# One project at a time: dotnet pack of the solution would also try the tests and the benchmarks, which are not packages.
for project in src/Core/TensorLinear.Core.csproj src/Reference/TensorLinear.Reference.csproj \
  src/Autograd/TensorLinear.Autograd.csproj src/Verification/TensorLinear.Verification.csproj src/Cli/TensorLinear.Cli.csproj; do
  dotnet pack "$project" -c "$configuration" "${build[@]}" -o "$feed" -nologo -v quiet -clp:NoSummary
done
ls -l "$feed"/*.nupkg "$feed"/*.snupkg | awk '{printf "pack: %s (%d kB)\n", $NF, $5 / 1000}'
