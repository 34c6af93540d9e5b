#!/usr/bin/env bash
# Prints what starting the client costs: `--help`, `--version`, a verb's help, and a usage error,
# with the binary's size and shared libraries. Usage: tests/bench/startup_bench.sh [build-dir]
set -euo pipefail
export BENCH_BUILD=${1:-${BENCH_BUILD:-build}}
source "$(dirname "$0")/measure.sh"
aurora=$bench_build/aurora
[ -x "$aurora" ] || { echo "startup_bench: build $aurora first" >&2; exit 2; }

measure_header "startup (RUNS=$RUNS)"
measure "aurora --help" -- "$aurora" --help
measure "aurora --version" -- "$aurora" --version
measure "aurora job create --help" -- "$aurora" job create --help
measure "aurora help update start" -- "$aurora" help update start
printf '%-44s %10s KiB\n' "binary size" "$(( $(stat -c %s "$aurora") / 1024 ))"
printf '%-44s %10s\n' "shared libraries at start (ldd)" "$(ldd "$aurora" | grep -c '=>')"
