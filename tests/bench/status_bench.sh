#!/usr/bin/env bash
# Prints how long `aurora job status` takes, and how much memory it needs, for one job of 100,
# 1,000 and 10,000 running tasks on a local aurora-devcluster: wall time (hyperfine mean and
# median over RUNS runs, so it includes the scheduler's answer), the client's own CPU time, and
# its max RSS. Text and -o json output are measured separately.
# Usage: tests/bench/status_bench.sh [build-dir] [runs] [sizes...]   (default: build 10 100 1000 10000)
# Sizes above 4000 need an aurora-devcluster with --max-tasks-per-job; $DEVCLUSTER picks the binary.
set -euo pipefail
build=${1:-build}
runs=${2:-10}
shift $(( $# > 2 ? 2 : $# ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
aurora="$build/aurora"
devcluster=${DEVCLUSTER:-$build/aurora-devcluster}  # e.g. another build's, for --max-tasks-per-job
for tool in hyperfine jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "status_bench: needs $tool" >&2; exit 2; }
done
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

# measure N FORMAT-ARGS...: prints one table row.
measure() {
  local n=$1 label=$2; shift 2
  local cmd=("$aurora" job status "devcluster/www-data/prod/bench$n" "$@")
  local quoted
  quoted=$(printf '%q ' "${cmd[@]}")
  hyperfine --warmup 2 --runs "$runs" --style none --export-json "$work/h.json" \
    -N "$quoted" >/dev/null 2>&1
  local mean median stddev cpu
  mean=$(jq '.results[0].mean * 1000' "$work/h.json")
  median=$(jq '.results[0].median * 1000' "$work/h.json")
  stddev=$(jq '.results[0].stddev * 1000' "$work/h.json")
  cpu=$(jq '(.results[0].user + .results[0].system) * 1000' "$work/h.json")
  /usr/bin/time -f '%M' -o "$work/time" "${cmd[@]}" >"$work/out" 2>/dev/null
  local rss bytes
  rss=$(cat "$work/time")
  bytes=$(stat -c %s "$work/out")
  printf '%7s  %-5s %9.1f %9.1f %7.1f %9.1f %9.1f %10s\n' "$n" "$label" "$mean" "$median" "$stddev" \
    "$cpu" "$(echo "scale=1; $rss / 1024" | bc)" "$bytes"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (wall times include waiting for the devcluster and the CPU)"
printf '%7s  %-5s %9s %9s %7s %9s %9s %10s\n' tasks out "mean ms" "median ms" "sd ms" "cpu ms" \
  "RSS MiB" "out bytes"
for n in "${sizes[@]}"; do
  seed "$n"
  measure "$n" text
  measure "$n" json -o json
done
