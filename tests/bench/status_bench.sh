#!/usr/bin/env bash
# Prints how long `aurora job status` takes, and how much memory it needs, for one job of 100,
# 1,000 and 10,000 running tasks on a local aurora-devcluster: wall time (median and fastest of
# RUNS runs; it includes the scheduler's answer), the client's own CPU time, its max RSS and the
# size of what it printed. Text and -o json output are measured separately.
# Usage: tests/bench/status_bench.sh [build-dir] [sizes...]   (default: build 100 1000 10000)
# Sizes above 4000 need --max-tasks-per-job, which this script passes; $DEVCLUSTER picks the binary.
set -euo pipefail
export BENCH_BUILD=${1:-${BENCH_BUILD:-build}}
shift $(( $# > 0 ? 1 : 0 ))
source "$(dirname "$0")/measure.sh"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
aurora="$bench_build/aurora"
devcluster=${DEVCLUSTER:-$bench_build/aurora-devcluster}
[ -x "$aurora" ] && [ -x "$devcluster" ] || { echo "status_bench: build $aurora and $devcluster first" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/status-bench-XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# State in memory (no --state-dir): seeding 10,000 tasks should not wait on the state file.
max=$(printf '%s\n' "${sizes[@]}" | sort -n | tail -1)
"$devcluster" --port 0 --port-file "$work/port" --speed 100 $( [ "$max" -gt 4000 ] && echo --max-tasks-per-job "$max") \
  >"$work/devcluster.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "status_bench: devcluster did not start" >&2; cat "$work/devcluster.log" >&2; exit 1; }
mkdir -p "$work/etc"
echo "[{\"name\": \"devcluster\", \"scheduler_uri\": \"http://127.0.0.1:$(cat "$work/port")\"}]" \
  >"$work/etc/clusters.json"
export AURORA_CONFIG_ROOT="$work/etc" HOME="$work" TZ=UTC

seed() {  # seed N: job www-data/prod/bench<N> with N instances, all RUNNING
  local n=$1
  cat >"$work/bench$n.aurora" <<EOF
main = Process(name = 'main', cmdline = 'sleep 600')
task = SequentialTask(processes = [main], resources = Resources(cpu = 0.01, ram = 1*MB, disk = 1*MB))
jobs = [Service(cluster = 'devcluster', role = 'www-data', environment = 'prod',
                name = 'bench$n', instances = $n, task = task)]
EOF
  "$aurora" job create "devcluster/www-data/prod/bench$n" "$work/bench$n.aurora" \
    --wait-until RUNNING >/dev/null 2>"$work/create$n.log" ||
    { echo "status_bench: job create of $n tasks failed" >&2; cat "$work/create$n.log" >&2; exit 1; }
}

# status_row N LABEL FORMAT-ARGS...: prints one table row.
status_row() {
  local n=$1 label=$2; shift 2
  local cmd=("$aurora" job status "devcluster/www-data/prod/bench$n" "$@")
  "${cmd[@]}" >"$work/out" 2>/dev/null
  measure "$(printf '%6s tasks, %s (%s bytes)' "$n" "$label" "$(stat -c %s "$work/out")")" -- "${cmd[@]}"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
measure_header "aurora job status (RUNS=$RUNS)"
for n in "${sizes[@]}"; do
  seed "$n"
  status_row "$n" text
  status_row "$n" "-o json" -o json
done
