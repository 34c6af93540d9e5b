#!/usr/bin/env bash
# Sourced by the benchmark scripts: builds bench_measure (tests/bench/measure.cpp) into the build
# directory on first use and defines `measure LABEL -- COMMAND...`, which prints one table row:
# median and fastest wall time and median CPU time (user + system) over $RUNS runs, and the
# largest max RSS, after $WARMUP (default 2) unmeasured runs. Needs only a C++ compiler and awk.
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_build=${BENCH_BUILD:-$bench_root/build}
bench_measure=$bench_build/bench_measure
if [ ! -x "$bench_measure" ] || [ "$bench_root/tests/bench/measure.cpp" -nt "$bench_measure" ]; then
  c++ -O2 -std=c++20 -o "$bench_measure" "$bench_root/tests/bench/measure.cpp"
fi
RUNS=${RUNS:-20}

measure_header() {
  printf '%-44s %10s %10s %10s %8s\n' "${1:-command}" "median ms" "min ms" "cpu ms" "RSS MiB"
}

# measure LABEL [--stdin FILE] -- COMMAND...
measure() {
  local label=$1; shift
  local extra=()
  if [ "$1" = --stdin ]; then extra=(--stdin "$2"); shift 2; fi
  [ "$1" = -- ] && shift
  local line
  line=$("$bench_measure" --runs "$RUNS" --warmup "${WARMUP:-2}" "${extra[@]}" -- "$@") ||
    { printf '%-44s %s\n' "$label" "FAILED: $line"; return 0; }
  measure_row "$label" "$line"
}

# measure_row LABEL "median_ms=.. min_ms=.. cpu_ms=.. max_rss_kib=.." prints it as a table row.
measure_row() {
  printf '%s\n' "$2" | awk -v label="$1" '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%-44s %10.2f %10.2f %10.2f %8.1f\n", label, v["median_ms"], v["min_ms"], v["cpu_ms"],
           v["max_rss_kib"] / 1024 }'
}
