#!/usr/bin/env bash
# README command (a): install dependencies, build, start a local aurora-devcluster, and run the
# hello-world job through create, status, update and killall. Re-runnable; cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/throwaway_sshd.sh
scripts/install-deps.sh demo
# A quick unoptimized build of the two programs in build-demo/: clang at -O0 needs a third of the
# CPU time of the optimized gcc build (scripts/build.sh, into build/), which the tests use.
CC=clang CXX=clang++ cmake -S . -B build-demo -G Ninja -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS=-O0 -DAURORA_BUILD_TESTS=OFF >/dev/null
cmake --build build-demo -j "$(nproc)" --target aurora aurora-devcluster

work=$(mktemp -d /tmp/aurora-demo-XXXXXX)
devcluster_pid=
sshd_pid=
cleanup() {
  [ -n "$devcluster_pid" ] && kill "$devcluster_pid" 2>/dev/null && wait "$devcluster_pid" 2>/dev/null
  [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null && wait "$sshd_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

echo "Starting aurora-devcluster (state and sandboxes under $work)"
build-demo/aurora-devcluster --port 0 --port-file "$work/port" --state-dir "$work/state" \
  --sandbox-root "$work/sandboxes" --run-tasks --speed 5 >"$work/devcluster.log" 2>&1 &
devcluster_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
mkdir -p "$work/etc"
cat >"$work/etc/clusters.json" <<JSON
[{"name": "devcluster", "scheduler_uri": "http://127.0.0.1:$port",
  "slave_root": "$work/sandboxes", "slave_run_directory": "latest"}]
JSON
export AURORA_CONFIG_ROOT="$work/etc"
aurora=build-demo/aurora
job=devcluster/www-data/prod/hello

step $aurora job create $job examples/hello_world.aurora --wait-until RUNNING
step $aurora job status $job
# The changed config says something else and asks for a third instance: the update replaces the
# two running instances one batch (batch_size = 1) at a time, watching each for watch_secs, and
# adds the third.
sed -e 's/instances = 2/instances = 3/' -e 's/hello world from/hello again from/' \
  examples/hello_world.aurora >"$work/hello_world.aurora"
step $aurora job diff $job "$work/hello_world.aurora"
step $aurora update start $job "$work/hello_world.aurora" --wait --timeout 2m 2>&1 | tee "$work/update"
update_id=$(sed -n 's#.*/update/##p' "$work/update")
step $aurora update info $job "$update_id"
step $aurora job list devcluster/www-data
if start_sshd "$work"; then
  # The tasks run as the demo's user on this machine, so ssh in as that user through the
  # throwaway sshd (its client config is in $work/ssh_config).
  step $aurora task run $job --ssh-user "$(id -un)" --ssh-options="-F $work/ssh_config" \
    'cat .logs/hello/0/stdout | tail -1'
fi
step $aurora job killall $job
echo
echo "Demo finished: the job was created, updated (its two instances replaced one at a time with"
echo "a new command line, and a third added), and killed."
