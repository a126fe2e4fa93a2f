#!/usr/bin/env bash
# Runs every libFuzzer target for BUDGET seconds each (default 60) and says,
# per target, how many inputs it ran and what it found.
#   tests/fuzz/run_all.sh [BUDGET] [BUILD_DIR]
# BUILD_DIR (default build-fuzz) is configured and built here if needed:
#   cmake -DCMAKE_CXX_COMPILER=clang++ -DSCRQM_WITH_OFFICE=OFF -DSCRQM_FUZZ=ON
# New inputs go to BUILD_DIR/fuzz-corpus/<target>; a crash, a leak or a
# timeout leaves its input in BUILD_DIR/fuzz-findings/<target>. Exit 1 when
# any target found something.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUDGET=${1:-60}
BUILD=${2:-build-fuzz}
JOBS=$(nproc 2>/dev/null || echo 2)
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    -DSCRQM_WITH_OFFICE=OFF -DSCRQM_FUZZ=ON >/dev/null
fi
cmake --build "$BUILD" -j"$JOBS" --target fuzz_all >/dev/null
found=0
printf '%-12s %12s %10s %s\n' target executions "exec/s" findings
for bin in "$BUILD"/fuzz_*; do
  [ -x "$bin" ] || continue
  name=${bin##*/fuzz_}
  seeds=tests/fuzz/seeds/$name
  [ "$name" = scan ] && seeds=tests/fuzz/corpus
  corpus=$BUILD/fuzz-corpus/$name
  findings=$BUILD/fuzz-findings/$name
  mkdir -p "$corpus" "$findings"
  log=$BUILD/fuzz-findings/$name.log
  set +e
  "$bin" -max_total_time="$BUDGET" -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$corpus" "$seeds" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  artifacts=$(find "$findings" -type f | wc -l)
  what="none"
  if [ "$rc" -ne 0 ] || [ "$artifacts" -gt 0 ]; then
    what="$artifacts input(s) in $findings (exit $rc; see $log)"
    found=1
  fi
  printf '%-12s %12s %10s %s\n' "$name" "${runs:-0}" "${rate:-0}" "$what"
done
exit $found
