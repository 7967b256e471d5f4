#!/usr/bin/env bash
# The benchmark harness in one command: builds it (Release) and runs every workload of docs/benchmarks.md, then
# rewrites that page's results section and its plot. Extra arguments go to the harness (--quick, --no-python).
# Not part of the test run. Takes about 5–10 minutes on 2 cores; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/TensorLinear.Benchmarks -c Release -nologo -v quiet -clp:NoSummary
exec dotnet bench/TensorLinear.Benchmarks/bin/Release/net10.0/tensorlinear-bench.dll --write-docs "$@"
