#!/usr/bin/env bash
# Runs every F# script in docs/examples/ with `dotnet fsi` against the Release build of the libraries, which the
# scripts #r from src/Verification/bin/Release/net10.0 (./test.sh builds it; by hand: dotnet build TensorLinear.sln -c Release).
# That folder holds TorchSharp and libtorch beside them; a script may instead take TorchSharp from NuGet
# (#r "nuget: TorchSharp-cpu, 0.107.0", as torchsharp-user-function.fsx does), which dotnet fsi restores from the
# package cache the build filled, without the network.
# Prints one line per script, "PASS <script> (<s> s)" or "FAIL <script> (exit <code>, <s> s)" followed by the script's
# output, then "examples: N passed, N failed". Exits non-zero when any script failed or none was found.
# -v prints every script's output, not only a failing one's.
set -uo pipefail
cd "$(dirname "$0")/.."

verbose=false
[ "${1:-}" = "-v" ] && verbose=true

libraries=src/Verification/bin/Release/net10.0
if [ ! -f "$libraries/TensorLinear.Verification.dll" ]; then
  echo "FAIL examples: $libraries/TensorLinear.Verification.dll is missing; build first: dotnet build TensorLinear.sln -c Release"
  echo "examples: 0 passed, 1 failed"
  exit 1
fi

shopt -s nullglob
scripts=(docs/examples/*.fsx)
if [ ${#scripts[@]} -eq 0 ]; then
  echo "FAIL examples: no scripts in docs/examples"
  echo "examples: 0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
for script in "${scripts[@]}"; do
  log=$(mktemp)
  start=$SECONDS
  # A script that hangs counts as failed after 10 minutes.
  timeout 600 dotnet fsi "$script" >"$log" 2>&1
  status=$?
  seconds=$((SECONDS - start))
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "PASS $script (${seconds} s)"
    $verbose && sed 's/^/    /' "$log"
  else
    failed=$((failed + 1))
    echo "FAIL $script (exit $status, ${seconds} s)"
    sed 's/^/    /' "$log"
  fi
  rm -f "$log"
done
echo "examples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
