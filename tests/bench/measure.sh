#!/usr/bin/env bash
# Sourced by the benchmark scripts: builds bench_measure (tests/bench/measure.cpp) into the build
# directory on first use and defines `measure LABEL -- COMMAND...`, which prints one table row:
# median and fastest wall time over $RUNS runs and the largest max RSS.
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_build=${BENCH_BUILD:-$bench_root/build}
bench_measure=$bench_build/bench_measure
if [ ! -x "$bench_measure" ] || [ "$bench_root/tests/bench/measure.cpp" -nt "$bench_measure" ]; then
  c++ -O2 -std=c++20 -o "$bench_measure" "$bench_root/tests/bench/measure.cpp"
fi
RUNS=${RUNS:-20}

measure_header() {
  printf '%-44s %10s %10s %10s\n' "${1:-command}" "median ms" "min ms" "RSS MiB"
}

measure() {
  local label=$1; shift
  [ "$1" = -- ] && shift
  local line median min rss
  line=$("$bench_measure" --runs "$RUNS" -- "$@") || { printf '%-44s %s\n' "$label" "FAILED: $line"; return 0; }
  median=${line#*median_ms=}; median=${median%% *}
  min=${line#*min_ms=}; min=${min%% *}
  rss=${line#*max_rss_kib=}; rss=${rss%% *}
  printf '%-44s %10s %10s %10.1f\n' "$label" "$median" "$min" "$(echo "$rss / 1024" | bc -l)"
}
