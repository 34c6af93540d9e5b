#!/usr/bin/env bash
# Prints the wall time of `aurora --help` and `aurora --version` (median of N runs) and the
# binary's size. Usage: tests/bench/cli_startup.sh [path/to/aurora] [runs]
set -euo pipefail
binary=${1:-build/aurora}
runs=${2:-20}

median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m/1000}'
}

printf '%-28s %10s\n' "measure" "value"
printf '%-28s %8s ms\n' "aurora --help (median/$runs)" "$(median_ms "$binary" --help)"
printf '%-28s %8s ms\n' "aurora --version (median/$runs)" "$(median_ms "$binary" --version)"
printf '%-28s %8s KiB\n' "binary size" "$(( $(stat -c %s "$binary") / 1024 ))"
if command -v ldd >/dev/null; then
  printf '%-28s %10s\n' "shared libraries" "$(ldd "$binary" | wc -l)"
fi
