#!/usr/bin/env bash
# Prints what the verbs that talk to a scheduler cost, against a local aurora-devcluster: the
# `job create` round trip (with its config evaluation), and `task run` fanned out over 100
# instances through a throwaway sshd with 1, 8 and 32 threads.
# Usage: tests/bench/verbs_bench.sh [build-dir]    (RUNS=N sets the runs per row, default 20)
set -euo pipefail
export BENCH_BUILD=${1:-${BENCH_BUILD:-build}}
source "$(dirname "$0")/measure.sh"
source "$bench_root/scripts/lib/throwaway_sshd.sh"
aurora=$bench_build/aurora
[ -x "$aurora" ] && [ -x "$bench_build/aurora-devcluster" ] ||
  { echo "verbs_bench: build $aurora and aurora-devcluster first" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/verbs-bench-XXXXXX")
devcluster_pid=
cleanup() {
  [ -n "$devcluster_pid" ] && kill "$devcluster_pid" 2>/dev/null && wait "$devcluster_pid" 2>/dev/null
  [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null && wait "$sshd_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$bench_build/aurora-devcluster" --port 0 --port-file "$work/port" --hostname 127.0.0.1 \
  --sandbox-root "$work/sandboxes" --speed 100 >"$work/devcluster.log" 2>&1 &
devcluster_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
mkdir -p "$work/etc"
cat >"$work/etc/clusters.json" <<JSON
[{"name": "devcluster", "scheduler_uri": "http://127.0.0.1:$(cat "$work/port")",
  "slave_root": "$work/sandboxes", "slave_run_directory": "latest"}]
JSON
export AURORA_CONFIG_ROOT="$work/etc"

# Jobs bench0..bench(RUNS+warmup) for the create round trip, and `fanout` with 100 instances.
cat >"$work/bench.aurora" <<'CONF'
task = SequentialTask(processes = [Process(name = 'main', cmdline = 'sleep 600')],
                      resources = Resources(cpu = 0.01, ram = 1*MB, disk = 1*MB))
jobs = [Service(cluster = 'devcluster', role = 'www-data', environment = 'prod',
                name = 'bench%d' % i, task = task) for i in range(100)]
jobs.append(Service(cluster = 'devcluster', role = 'www-data', environment = 'prod',
                    name = 'fanout', instances = 100, task = task))
CONF

measure_header "verbs against devcluster (RUNS=$RUNS)"
# Each run creates a new job, so bench_measure runs one command at a time; awk takes the medians.
for i in $(seq 0 $((RUNS - 1))); do
  "$bench_measure" --runs 1 --warmup 0 -- \
    "$aurora" job create "devcluster/www-data/prod/bench$i" "$work/bench.aurora"
done | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
              wall[NR] = v["median_ms"]; cpu[NR] = v["cpu_ms"]; if (v["max_rss_kib"] > rss) rss = v["max_rss_kib"] }
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END { m = median(wall, NR); lo = wall[1]; c = median(cpu, NR)
        printf "%-44s %10.2f %10.2f %10.2f %8.1f\n", "job create (1 instance)", m, lo, c, rss / 1024 }'

"$aurora" job create devcluster/www-data/prod/fanout "$work/bench.aurora" --wait-until RUNNING \
  >/dev/null 2>&1
if start_sshd "$work" >/dev/null; then
  # The floor: one plain ssh connection running `true`. Its cost is mostly the remote login
  # shell's start (a user's .bashrc runs for commands over ssh), which no client can avoid.
  RUNS=5 WARMUP=1 measure "ssh to 127.0.0.1 running true (floor)" -- \
    ssh -F "$work/ssh_config" -l "$(id -un)" 127.0.0.1 true
  for threads in 1 8 32; do
    RUNS=$(( threads == 1 ? 1 : (RUNS < 3 ? RUNS : 3) )) WARMUP=$(( threads == 1 ? 0 : 1 )) measure "task run over 100 instances, -t $threads" -- \
      "$aurora" task run -t "$threads" --ssh-user "$(id -un)" --ssh-options="-F $work/ssh_config" \
      devcluster/www-data/prod/fanout 'true'
  done
else
  echo "verbs_bench: no sshd, task run rows skipped" >&2
fi
