#!/usr/bin/env bash
# Runs every benchmark against one build and prints the tables, headed by what the figures were
# measured on. tests/bench/RESULTS.md records a run. Takes a few minutes; run it on a quiet machine.
# Usage: tests/bench/run_all.sh [build-dir]    (RUNS=N sets the runs per row, default 20)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
[ -x "$build/aurora" ] && [ -x "$build/aurora-devcluster" ] ||
  { echo "run_all: build $build/aurora and $build/aurora-devcluster first (scripts/build.sh)" >&2; exit 2; }

echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "commit:  $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "cpu:     $(nproc) x $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "memory:  $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
echo "build:   $(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt") ($(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt"))"
echo
"$here/startup_bench.sh" "$build"
echo
"$here/config_bench.sh" "$build"
echo
"$here/status_bench.sh" "$build"
echo
"$here/verbs_bench.sh" "$build"
