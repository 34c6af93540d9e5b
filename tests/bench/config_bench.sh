#!/usr/bin/env bash
# Prints how long `aurora job inspect` takes (median of RUNS runs) for the configuration examples
# of ../shared/seeds (Aurora's docs, with the doc bugs fixed as spec 6.2 describes),
# examples/hello_world.aurora, files of 125, 500 and 2,000 jobs (one selected) and jobs of 50, 200
# and 800 processes, so that the growth with size shows. The clusters point at an
# aurora-devcluster started here, so every run includes getTierConfigs; with --offline they point
# at a closed port (default tiers, one refused connect).
#
# Usage: tests/bench/config_bench.sh [--offline] [build-dir]    (RUNS=N, default 20)
set -euo pipefail
offline=false
if [[ ${1:-} == --offline ]]; then offline=true; shift; fi
export BENCH_BUILD=${1:-${BENCH_BUILD:-build}}
source "$(dirname "$0")/measure.sh"
root=$bench_root
binary=$bench_build/aurora
devcluster=$bench_build/aurora-devcluster
[[ -x $binary ]] || { echo "config_bench: build $binary first" >&2; exit 2; }

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if $offline || [[ ! -x $devcluster ]]; then
  offline=true
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
else
  "$devcluster" --port 0 --port-file "$work/port" >/dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.05; done
  port=$(cat "$work/port")
fi
uri="http://127.0.0.1:$port"
printf '[' >"$work/clusters.json"
sep=
for c in cluster1 cluster2 local devcluster; do
  printf '%s{"name": "%s", "scheduler_uri": "%s"}' "$sep" "$c" "$uri" >>"$work/clusters.json"
  sep=', '
done
printf ']\n' >>"$work/clusters.json"

# --- The seeds' examples (configuration tutorial and templating guide), doc bugs fixed. ---
cat >"$work/hello_world.aurora" <<'EOF'
import os
hello_world_process = Process(name = 'hello_world', cmdline = 'echo hello world')

hello_world_task = Task(
  resources = Resources(cpu = 0.1, ram = 16 * MB, disk = 16 * MB),
  processes = [hello_world_process])

hello_world_job = Job(
  cluster = 'cluster1',
  role = os.getenv('USER'),
  environment = 'test',
  task = hello_world_task)

jobs = [hello_world_job]
EOF
cat >"$work/hello_world_productionized.aurora" <<'EOF'
include('hello_world.aurora')

production_resources = Resources(cpu = 1.0, ram = 512 * MB, disk = 2 * GB)
staging_resources = Resources(cpu = 0.1, ram = 32 * MB, disk = 512 * MB)
hello_world_template = hello_world_job(
    name = "hello_world-{{cluster}}",
    task = hello_world_task(resources=production_resources))

jobs = [
  # production jobs
  hello_world_template(cluster = 'cluster1', instances = 25),
  hello_world_template(cluster = 'cluster2', instances = 15),

  # staging jobs
  hello_world_template(
    cluster = 'local',
    instances = 1,
    task = hello_world_task(resources=staging_resources)),
]
EOF
cat >"$work/tutorial_profile.aurora" <<'EOF'
class Profile(Struct):
  package_version = Default(String, 'live')
  java_binary = Default(String, '/usr/lib/jvm/java-1.7.0-openjdk/bin/java')
  extra_jvm_options = Default(String, '')
  parent_environment = Default(String, 'prod')
  parent_serverset = Default(String,
                             '/foocorp/service/bird/{{parent_environment}}/bird')

main = Process(
  name = 'application',
  cmdline = '{{profile.java_binary}} -server -Xmx1792m '
            '{{profile.extra_jvm_options}} '
            '-jar application.jar '
            '-upstreamService {{profile.parent_serverset}}'
)

base_task = SequentialTask(
  name = 'application',
  processes = [
    Process(
      name = 'fetch',
      cmdline = 'curl -O https://packages.foocorp.com/{{profile.package_version}}/application.jar'),
  ]
)

staging_task = base_task(resources = Resources(cpu = 1.0, ram = 2048*MB, disk = 1*GB))
production_task = base_task(resources = Resources(cpu = 4.0, ram = 2560*MB, disk = 10*GB))

job_template = Job(
  name = 'application',
  role = 'myteam',
  contact = 'myteam-team@foocorp.com',
  instances = 20,
  service = True,
  task = production_task
)

PRODUCTION = Profile()
STAGING = Profile(
  extra_jvm_options = '-Xloggc:gc.log',
  parent_environment = 'staging'
)

jobs = [
  job_template(cluster = 'cluster1', environment = 'prod').bind(profile = PRODUCTION),
  job_template(cluster = 'cluster2', environment = 'prod').bind(profile = PRODUCTION),
  job_template(cluster = 'cluster1', environment = 'staging', service = False,
               task = staging_task, instances = 2).bind(profile = STAGING),
]
EOF
cat >"$work/templating_profile.aurora" <<'EOF'
class Profile(Struct):
  version = Required(String)
  environment = Required(String)
  dataset = Default(String, 'hdfs://home/aurora/data/{{environment}}')

PRODUCTION = Profile(version = 'live', environment = 'prod')
DEVEL = Profile(version = 'latest', environment = 'devel', dataset = 'hdfs://home/aurora/data/test')
TEST = Profile(version = 'latest', environment = 'test')

JOB_TEMPLATE = Job(
  name = 'application',
  role = 'myteam',
  cluster = 'cluster1',
  environment = '{{profile.environment}}',
  task = SequentialTask(
    name = 'task',
    resources = Resources(cpu = 2, ram = 4*GB, disk = 8*GB),
    processes = [
      Process(name = 'main', cmdline = 'java -jar application.jar -hdfsPath {{profile.dataset}}')
    ]
  )
)

jobs = [
  JOB_TEMPLATE(instances = 100).bind(profile = PRODUCTION),
  JOB_TEMPLATE.bind(profile = DEVEL),
  JOB_TEMPLATE.bind(profile = TEST),
]
EOF

# --- Large configurations: N jobs in one file, one job of N processes. ---
jobs_file() {  # jobs_file N: N services, the selected one in the middle
  echo "base = Service(cluster = 'cluster1', role = 'www-data', environment = 'prod',"
  echo "               update_config = UpdateConfig(batch_size = 2, watch_secs = 30))"
  echo "def task_for(name, port_name):"
  echo "  return SequentialTask(name = name, resources = Resources(cpu = 0.5, ram = 256*MB, disk = 512*MB),"
  echo "    processes = [Process(name = 'fetch', cmdline = 'curl -O https://pkg/{{name}}.tgz'),"
  echo "                 Process(name = 'serve', cmdline = './{{name}} --port {{thermos.ports[%s]}}' % port_name)])"
  echo "jobs = ["
  for i in $(seq 1 "$1"); do
    echo "  base(name = 'svc$i', instances = $(( i % 7 + 1 )), task = task_for('svc$i', 'http')),"
  done
  echo "]"
}
processes_file() {  # processes_file N: one job whose task has N processes
  echo "processes = []"
  for i in $(seq 1 "$1"); do
    echo "processes.append(Process(name = 'step$i', cmdline = 'echo {{name}} $i && sleep 1', max_failures = 2))"
  done
  echo "jobs = [Job(cluster = 'cluster1', role = 'www-data', environment = 'prod', name = 'pipeline',"
  echo "            task = SequentialTask(name = 'pipeline', processes = processes,"
  echo "                                  resources = Resources(cpu = 1, ram = 1*GB, disk = 1*GB)))]"
}

cases=(
  "seeds hello_world|cluster1/aurora/test/hello_world|$work/hello_world.aurora"
  "seeds productionized|cluster1/aurora/test/hello_world-cluster1|$work/hello_world_productionized.aurora"
  "seeds tutorial profile|cluster1/myteam/prod/application|$work/tutorial_profile.aurora"
  "seeds templating profile|cluster1/myteam/prod/application|$work/templating_profile.aurora"
  "examples/hello_world|devcluster/www-data/prod/hello|$root/examples/hello_world.aurora"
)
for n in 125 500 2000; do
  jobs_file "$n" >"$work/jobs$n.aurora"
  cases+=("$n jobs, one selected|cluster1/www-data/prod/svc$(( n / 2 ))|$work/jobs$n.aurora")
done
for n in 50 200 800; do
  processes_file "$n" >"$work/procs$n.aurora"
  cases+=("1 job of $n processes|cluster1/www-data/prod/pipeline|$work/procs$n.aurora")
done

export AURORA_CONFIG_ROOT=$work HOME=$work USER=aurora LOGNAME=aurora no_proxy=127.0.0.1

mode=$($offline && echo "scheduler down: default tiers" || echo "devcluster: getTierConfigs")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
measure_header "aurora job inspect ($mode, RUNS=$RUNS)"
measure "(process start: aurora --version)" -- "$binary" --version
for c in "${cases[@]}"; do
  IFS='|' read -r label key file <<<"$c"
  if ! "$binary" job inspect "$key" "$file" >/dev/null 2>"$work/err"; then
    echo "FAILED: $label: $(cat "$work/err")" >&2
    exit 1
  fi
  measure "$label" -- "$binary" job inspect "$key" "$file"
done
