#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/, ASan+UBSan) and fuzzes each in turn.
#   tests/fuzz/run.sh [SECONDS] [TARGET...]   SECONDS per target, default 600 (the acceptance run)
# New inputs go to build-fuzz/corpus/<target>/ (the checked-in seeds in corpus/<target>/ are only
# read); findings to build-fuzz/findings/<target>/. Exits non-zero when any target found something.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-600}"
shift || true
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "run.sh: SECONDS must be a positive number (libFuzzer reads 0 as forever)" >&2
  exit 2
fi
all_targets=(fuzz_dialect fuzz_mustache fuzz_clusters_json fuzz_thrift_binary fuzz_thrift_json
             fuzz_serverset_member fuzz_grammars fuzz_durations)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
build_dir="${AURORA_FUZZ_BUILD_DIR:-build-fuzz}"

if ! command -v clang++ >/dev/null; then
  echo "run.sh: clang++ not found (scripts/install-deps.sh installs clang and libclang-rt-14-dev)" >&2
  exit 2
fi
if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DAURORA_FUZZ=ON >/dev/null
fi
nice -n 19 ninja -C "$build_dir" -j "${AURORA_FUZZ_BUILD_JOBS:-2}" "${targets[@]}"

summary=()
failed=0
for target in "${targets[@]}"; do
  work="$build_dir/corpus/$target"
  findings="$build_dir/findings/$target"
  log="$build_dir/logs/$target.log"
  mkdir -p "$work" "$findings" "$(dirname "$log")"
  flags=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -malloc_limit_mb=2048
         -print_final_stats=1 -artifact_prefix="$findings/")
  [ -f "tests/fuzz/dict/$target.dict" ] && flags+=(-dict="tests/fuzz/dict/$target.dict")
  [ "$target" = fuzz_dialect ] && flags+=(-max_len=4096)
  before=$(find "$findings" -type f ! -name 'slow-unit-*' | wc -l)
  echo "== $target: ${seconds}s" >&2
  status=0
  started=$SECONDS
  nice -n "${AURORA_FUZZ_NICE:-19}" "$build_dir/tests/fuzz/$target" "${flags[@]}" "$work" "tests/fuzz/corpus/$target" \
    >"$log" 2>&1 || status=$?
  elapsed=$((SECONDS - started))
  after=$(find "$findings" -type f ! -name 'slow-unit-*' | wc -l)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(find "$work" -type f | wc -l)
  found=$((after - before))
  result=ok
  if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    result="FINDING (exit $status, $found new file(s) in $findings; see $log)"
    failed=1
  fi
  summary+=("$(printf '%-22s %5ss/%-5s runs %-10s exec/s %-7s cov %-6s corpus %-6s %s' \
    "$target" "$elapsed" "$seconds" "${runs:-?}" "${speed:-?}" "${cov:-?}" "$corpus" "$result")")
  echo "${summary[-1]}" >&2
done

echo
printf '%s\n' "${summary[@]}" | tee -a "$build_dir/fuzz-results.txt"
exit "$failed"
