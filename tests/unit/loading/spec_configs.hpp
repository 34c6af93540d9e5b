#pragma once
// The configurations spec 6.1 and 6.2 were produced from (spec 6.2 names them), shared by the tests
// that check their conversions.

namespace aurora::config::testing {

// upstream examples/jobs/hello_world.aurora (spec 6.1, ex_hello_world).
inline const char* const kHelloWorld = R"(
hello = Process(
  name = 'hello',
  cmdline = """
    while true; do
      echo hello world
      sleep 10
    done
  """)

task = SequentialTask(
  processes = [hello],
  resources = Resources(cpu = 1.0, ram = 128*MB, disk = 128*MB))

jobs = [Service(
  task = task, cluster = 'devcluster', role = 'www-data', environment = 'prod', name = 'hello')]
)";

// tests/features.aurora, run with --bind env_suffix=X (features_*).
inline const char* const kFeatures = R"(
web = Process(name='web', cmdline='./server --http={{thermos.ports[http]}} --admin={{thermos.ports[admin]}} '
              '--id={{mesos.instance}} --host={{mesos.hostname}} --task={{thermos.task_id}} --user={{thermos.user}}')
hc = Process(name='hc', cmdline='./hc --port={{thermos.ports[health]}}')
task = Task(name='t_{{env_suffix}}', processes=[web, hc],
            resources=Resources(cpu=0.5, ram=96*MB + 1, disk=1.5*GB, gpu=1))
base = Job(cluster='c1', role='www-data', environment='devel', task=task, contact='ops@example.com')

jobs = [
  base(name='ports'),
  base(name='announce',
       announce=Announcer(portmap={'aurora': 'http', 'stats': 8080, 'admin': 'http'}),
       constraints={'dedicated': 'www-data/web', 'rack': 'limit:1', 'host': '!a,b,c',
                    'zone': 'us-east-1a,us-east-1b'}),
  base(name='meta', metadata=[Metadata(key='k1', value='vX'), Metadata(key='k1', value='v2')],
       tier='preferred', production=True, max_task_failures=-1, priority=5,
       partition_policy=PartitionPolicy(reschedule=False, delay_secs=30),
       sla_policy=PercentageSlaPolicy(percentage=66.6, duration_secs=300)),
  base(name='count_sla', instances=4, sla_policy=CountSlaPolicy(count=2, duration_secs=60)),
  base(name='coord_sla', sla_policy=CoordinatorSlaPolicy(coordinator_url='http://x')),
  base(name='cron', cron_schedule='0 * * * *', cron_collision_policy='cancel_new'),
  base(name='custom_exec', executor_config=ExecutorConfig(name='CustomExecutor', data='{"a": 1}')),
  base(name='docker_params',
       container=Docker(image='img:1', parameters=[Parameter(name='env', value='A=1'),
                                                   Parameter(name='env', value='B={{env_suffix}}')])),
  base(name='mesos_vol',
       container=Mesos(image=AppcImage(name='n', image_id='sha512-x'),
                       volumes=[Volume(container_path='/c', host_path='/h', mode=Mode('RO'))])),
  base(name='health_shell',
       health_check_config=HealthCheckConfig(
           health_checker=HealthCheckerConfig(shell=ShellHealthChecker(shell_command='true')), interval_secs=5),
       lifecycle=DisableLifecycle),
]
)";

// tests/strategies.aurora (strategies_*).
inline const char* const kStrategies = R"(
t = SimpleTask('t', 'echo hi')
base = Service(cluster='c', role='r', environment='prod', task=t, instances=5)
jobs = [
  base(name='waitbatch', update_config=UpdateConfig(batch_size=2, wait_for_batch_completion=True)),
  base(name='ambig', update_config=UpdateConfig(batch_size=2, update_strategy=QueueUpdateStrategy(batch_size=2))),
  base(name='pulse', update_config=UpdateConfig(pulse_interval_secs=30)),
  base(name='variable', update_config=UpdateConfig(
      update_strategy=VariableBatchUpdateStrategy(batch_sizes=[1, 2, 3]))),
  base(name='queue', update_config=UpdateConfig(update_strategy=QueueUpdateStrategy(batch_size=3))),
  base(name='batch', update_config=UpdateConfig(
      update_strategy=BatchUpdateStrategy(batch_size=2, autopause_after_batch=True))),
  base(name='maxfail', update_config=UpdateConfig(max_total_failures=5)),
]
)";

// The configuration tutorial's Profile example, quoting fixed (tutorial_profile_*).
inline const char* const kTutorialProfile = R"(
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

staging_task = base_task(resources =
                 Resources(cpu = 1.0,
                           ram = 2048*MB,
                           disk = 1*GB))
production_task = base_task(resources =
                    Resources(cpu = 4.0,
                              ram = 2560*MB,
                              disk = 10*GB))

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
  job_template(cluster = 'cluster1', environment = 'prod')
           .bind(profile = PRODUCTION),

  job_template(cluster = 'cluster2', environment = 'prod')
            .bind(profile = PRODUCTION),

  job_template(cluster = 'cluster1',
               environment = 'staging',
    service = False,
    task = staging_task,
    instances = 2)
    .bind(profile = STAGING),
]
)";

// The templating guide's Profile example, quoting fixed (templating_profile_*).
inline const char* const kTemplatingProfile = R"(
class Profile(Struct):
  version = Required(String)
  environment = Required(String)
  dataset = Default(String, 'hdfs://home/aurora/data/{{environment}}')

PRODUCTION = Profile(version = 'live', environment = 'prod')
DEVEL = Profile(version = 'latest',
                environment = 'devel',
                dataset = 'hdfs://home/aurora/data/test')
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
)";

}  // namespace aurora::config::testing
