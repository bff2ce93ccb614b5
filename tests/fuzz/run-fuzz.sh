#!/usr/bin/env bash
# Long fuzz run: N generated inputs (default 100000) through sniff → read → check, in memory.
# Usage: tests/fuzz/run-fuzz.sh [N] [SEED]   — crashing inputs and summary.txt go to $FUZZ_OUT (default /tmp/govstats-fuzz).
set -euo pipefail
cd "$(dirname "$0")/../.."
export FUZZ_INPUTS="${1:-100000}" FUZZ_SEED="${2:-8}" FUZZ_OUT="${FUZZ_OUT:-/tmp/govstats-fuzz}"
rm -rf "$FUZZ_OUT"
dotnet test tests/GovStatsValidation.Reliability.Tests -c Release --filter "TestCategory=LongFuzz" --logger "console;verbosity=normal" 2>&1 | grep -E "FUZZ RESULT|fuzz: [0-9]+0000 inputs|Passed|Failed|error" || true
cat "$FUZZ_OUT/summary.txt"
