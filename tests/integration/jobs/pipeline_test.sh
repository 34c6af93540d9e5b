#!/usr/bin/env bash
# A deploy pipeline as an operator would script it, against a real aurora-devcluster:
# job create -> job status -o json read with jq -> job diff --exit-code (0, then 1 after a
# change) -> job killall. Checks exit codes and the lines spec cli.md section 7 gives.
# Usage: pipeline_test.sh AURORA AURORA_DEVCLUSTER HELLO_WORLD_AURORA
set -u

aurora=$1
devcluster=$2
hello_config=$3
job=devcluster/www-data/prod/hello

work=$(mktemp -d "${TMPDIR:-/tmp}/aurora-pipeline-test.XXXXXX")
devcluster_pid=
cleanup() {
  [ -n "$devcluster_pid" ] && kill "$devcluster_pid" 2>/dev/null && wait "$devcluster_pid"
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
fail() {
  echo "FAILED: $*" >&2
  failures=$((failures + 1))
}
# expect_equal WHAT EXPECTED ACTUAL
expect_equal() {
  [ "$2" = "$3" ] || fail "$1: expected [$2], got [$3]"
}

# A devcluster of our own: free port, throwaway state, tasks stepping 50 times faster.
mkdir -p "$work/etc" "$work/home" "$work/state"
"$devcluster" --port 0 --port-file "$work/port" --state-dir "$work/state" --speed 50 \
  2> "$work/devcluster.log" &
devcluster_pid=$!
for _ in $(seq 200); do
  [ -s "$work/port" ] && break
  sleep 0.05
done
port=$(head -n 1 "$work/port" 2>/dev/null)
[ -n "$port" ] || { echo "aurora-devcluster did not start: $(cat "$work/devcluster.log")" >&2; exit 1; }
url=http://127.0.0.1:$port
echo "[{\"name\": \"devcluster\", \"scheduler_uri\": \"$url\"}]" > "$work/etc/clusters.json"
export AURORA_CONFIG_ROOT=$work/etc HOME=$work/home XDG_CONFIG_HOME=$work/home/.config TZ=UTC
unset AURORA_HOOKS_SYSTEM_DIR AURORA_HOOK_POINT DIFF_VIEWER

# 1. create, waiting until every task runs (spec 7.1).
"$aurora" job create "$job" "$hello_config" --wait-until RUNNING > "$work/out" 2> "$work/err"
expect_equal "job create exit code" 0 $?
expect_equal "job create stdout" "Job create succeeded: job url=$url/scheduler/www-data/prod/hello" \
  "$(cat "$work/out")"

# 2. status as JSON, read with jq (the schema README.md documents).
"$aurora" job status "$job" -o json > "$work/status.json" 2> "$work/err"
expect_equal "job status exit code" 0 $?
expect_equal "status job" "$job" "$(jq -r '.[0].job' "$work/status.json")"
expect_equal "status jobs" 1 "$(jq 'length' "$work/status.json")"
expect_equal "active instances" "0 1" \
  "$(jq -r '[.[0].active[].assignedTask.instanceId] | sort | map(tostring) | join(" ")' \
    "$work/status.json")"
expect_equal "active statuses" RUNNING \
  "$(jq -r '[.[0].active[].status] | unique | join(",")' "$work/status.json")"
expect_equal "task role" www-data \
  "$(jq -r '.[0].active[0].assignedTask.task.job.role' "$work/status.json")"
expect_equal "isService is a JSON boolean" true \
  "$(jq -r '.[0].active[0].assignedTask.task.isService' "$work/status.json")"
expect_equal "inactive tasks" 0 "$(jq '.[0].inactive | length' "$work/status.json")"

# 3. diff --exit-code: 0 for the running config, 1 once the config changes; the "differs" answer
# is not logged as an error.
"$aurora" job diff --exit-code "$job" "$hello_config" > "$work/out" 2> "$work/err"
expect_equal "diff of the running config exit code" 0 $?
expect_equal "diff of the running config summary" \
  "This job update will:
not change instances: [0-1]" "$(cat "$work/out")"
sed 's/instances = 2/instances = 3/' "$hello_config" > "$work/hello3.aurora"
"$aurora" job diff --exit-code "$job" "$work/hello3.aurora" > "$work/out" 2> "$work/err"
expect_equal "diff of a changed config exit code" 1 $?
expect_equal "diff of a changed config summary" \
  "This job update will:
add instances: [2]
not change instances: [0-1]" "$(cat "$work/out")"
grep -q "Command terminated with error code" "$work/err" &&
  fail "diff --exit-code logged its answer as an error: $(cat "$work/err")"

# 4. killall, one instance per batch (spec 7.6), and status shows nothing active.
"$aurora" job killall "$job" > "$work/out" 2> "$work/err"
expect_equal "job killall exit code" 0 $?
expect_equal "job killall stdout" \
  "Successfully killed instances [0]
Successfully killed instances [1]
Job killall succeeded" "$(cat "$work/out")"
"$aurora" job status "$job" -o json > "$work/status.json" 2> "$work/err"
expect_equal "active tasks after killall" 0 "$(jq '.[0].active | length' "$work/status.json")"
expect_equal "inactive statuses after killall" KILLED \
  "$(jq -r '[.[0].inactive[].status] | unique | join(",")' "$work/status.json")"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "pipeline: all checks passed"
