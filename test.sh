#!/usr/bin/env bash
# Every test: set the machine up if needed, build, run all test projects, and close with one line
# 'N passed, N failed'. Exits non-zero when anything failed or did not run.
set -uo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
fuzz=tests/TensorLinear.Cli.Tests/bin/Release/net10.0/fuzz-summary.txt
rm -f "$fuzz"
dotnet test TensorLinear.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The fuzz test's counts of runs and outcomes (tests/TensorLinear.Cli.Tests/Fuzz), which dotnet test keeps to itself.
cat "$fuzz" 2>/dev/null

# Each test assembly closes with "Passed!  - Failed: F, Passed: P, ..." (or "Failed!"); add them up.
read -r passed failed < <(sed -nE 's/.*(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+).*/\3 \2/p' "$log" |
  awk '{p += $1; f += $2} END {print p + 0, f + 0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# The F# scripts in docs/examples/, each one test: it passes when it runs to the end (they assert their own results).
scripts/run-examples.sh 2>&1 | tee "$log"
examples_status=${PIPESTATUS[0]}
read -r examples_passed examples_failed < <(sed -nE 's/^examples: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$log" | tail -n 1)
examples_passed=${examples_passed:-0}
examples_failed=${examples_failed:-0}
if [ "$examples_status" -ne 0 ] && [ "$examples_failed" -eq 0 ]; then examples_failed=1; fi
rm -f "$log"

passed=$((passed + examples_passed))
failed=$((failed + examples_failed))
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$examples_status" -eq 0 ] && [ "$failed" -eq 0 ]
