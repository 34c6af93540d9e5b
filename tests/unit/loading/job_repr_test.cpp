// `job inspect --raw`: str() of the JobConfiguration as the Python 2 client printed it (spec cli.md
// 7.3, Appendix A field order; strings from pystachio are unicode, the others str).
#include <doctest/doctest.h>

#include <string>

#include "config/job_configuration_repr.hpp"
#include "config_fixture.hpp"

namespace {

using aurora::config::python_repr;
using aurora::config::testing::in_memory;
using aurora::config::testing::run_pipeline;

aurora::gen::JobConfiguration converted(const std::string& config, const std::string& key) {
  auto result = run_pipeline(
      in_memory({{"job.aurora", config}}, "job.aurora", aurora::grammars::JobKey::parse(key)));
  CAPTURE(result.error);
  REQUIRE(result.error.empty());
  return *result.config;
}

}  // namespace

TEST_CASE(
    "--raw of a minimal service prints every field in CPython 2's order, unset ones as None") {
  auto config = converted(R"(
jobs = [Service(cluster='c', role='r', environment='prod', name='j',
                task=Task(name='t', processes=[Process(name='p', cmdline='echo')],
                          resources=Resources(cpu=1, ram=128*MB, disk=64*MB)))]
)",
                          "c/r/prod/j");
  // The executor data is json.dumps output (a str, so no u prefix); it holds double quotes only,
  // so Python quotes it with single quotes.
  const std::string data = config.taskConfig.executorConfig.data;
  REQUIRE(data.find('\'') == std::string::npos);
  const std::string key = "JobKey(environment=u'prod', role=u'r', name=u'j')";
  const std::string expected =
      "JobConfiguration(instanceCount=1, cronSchedule=None, cronCollisionPolicy=0, key=" + key +
      ", taskConfig=TaskConfig(isService=True, contactEmail=None, taskLinks={}, "
      "container=Container(docker=None, mesos=MesosContainer(image=None, volumes=None)), "
      "mesosFetcherUris=None, "
      "partitionPolicy=None, executorConfig=ExecutorConfig(data='" +
      data +
      "', name='AuroraExecutor'), "
      "slaPolicy=None, maxTaskFailures=1, priority=0, tier=u'preemptible', job=" +
      key +
      ", production=False, owner=Identity(user='aurora'), metadata=frozenset([]), "
      "resources=frozenset(["
      "Resource(ramMb=None, numGpus=None, namedPort=None, diskMb=None, numCpus=1.0), "
      "Resource(ramMb=128, numGpus=None, namedPort=None, diskMb=None, numCpus=None), "
      "Resource(ramMb=None, numGpus=None, namedPort=None, diskMb=64, numCpus=None)]), "
      "constraints=set([])), "
      "owner=Identity(user='aurora'))";
  CHECK(python_repr(config) == expected);
}

TEST_CASE("--raw escapes the executor data as Python's repr of a str does") {
  auto config = converted(R"(
jobs = [Job(cluster='c', role='r', environment='prod', name='j',
            task=Task(name='t', processes=[Process(name='p', cmdline='printf "a\\n"')],
                      resources=Resources(cpu=1, ram=1*MB, disk=1*MB)))]
)",
                          "c/r/prod/j");
  // The cmdline holds a backslash and double quotes; JSON escapes them, and repr() doubles every
  // backslash of the JSON text.
  CHECK(python_repr(config).find(R"("cmdline": "printf \\"a\\\\n\\"")") != std::string::npos);
}

TEST_CASE(
    "--raw shows cron, contact, constraints, metadata, docker and SLA fields as upstream built "
    "them") {
  auto config = converted(R"(
jobs = [Job(cluster='c', role='r', environment='prod', name='j', contact="caf\xc3\xa9 it's",
            cron_schedule='* * * * *', cron_collision_policy='cancel_new', tier='preferred',
            constraints={'rack': 'b,a', 'host': 'limit:4', 'zone': '!zone-a,zone-b,zone-c'},
            metadata=[Metadata(key='team', value='x')],
            partition_policy=PartitionPolicy(reschedule=False, delay_secs=30),
            sla_policy=PercentageSlaPolicy(percentage=95, duration_secs=1800),
            container=Docker(image='img:1', parameters=[Parameter(name='env', value='A=1')]),
            task=Task(name='t', processes=[Process(name='p', cmdline='echo')],
                      resources=Resources(cpu=0.1, ram=1*MB, disk=1*MB, gpu=2)))]
)",
                          "c/r/prod/j");
  const std::string repr = python_repr(config);
  CAPTURE(repr);
  CHECK(
      repr.find(
          "JobConfiguration(instanceCount=1, cronSchedule=u'* * * * *', cronCollisionPolicy=1, ") ==
      0);
  // A unicode repr escapes Latin-1 as \x.. and picks double quotes for a text holding only '.
  CHECK(repr.find("contactEmail=u\"caf\\xe9 it's\"") != std::string::npos);
  CHECK(repr.find("tier=u'preferred'") != std::string::npos);
  CHECK(repr.find("production=True") != std::string::npos);
  CHECK(repr.find("Constraint(name=u'host', "
                  "constraint=TaskConstraint(limit=LimitConstraint(limit=4), value=None))") !=
        std::string::npos);
  // CPython 2: set(u'b,a'.split(',')) is set([u'a', u'b']); the zones come out c, b, a.
  CHECK(repr.find(
            "Constraint(name=u'rack', constraint=TaskConstraint(limit=None, value=ValueConstraint("
            "negated=False, values=set([u'a', u'b']))))") != std::string::npos);
  CHECK(repr.find("ValueConstraint(negated=True, values=set([u'zone-c', u'zone-b', u'zone-a']))") !=
        std::string::npos);
  CHECK(repr.find("metadata=frozenset([Metadata(value='x', key='team')])") != std::string::npos);
  CHECK(repr.find("partitionPolicy=PartitionPolicy(reschedule=False, delaySecs=30)") !=
        std::string::npos);
  CHECK(
      repr.find(
          "slaPolicy=SlaPolicy(countSlaPolicy=None, coordinatorSlaPolicy=None, percentageSlaPolicy="
          "PercentageSlaPolicy(percentage=95.0, durationSecs=1800))") != std::string::npos);
  CHECK(
      repr.find(
          "container=Container(docker=DockerContainer(image=u'img:1', parameters=[DockerParameter("
          "name=u'env', value=u'A=1')]), mesos=None)") != std::string::npos);
  CHECK(
      repr.find("Resource(ramMb=None, numGpus=None, namedPort=None, diskMb=None, numCpus=0.1), ") !=
      std::string::npos);
  CHECK(repr.find("Resource(ramMb=None, numGpus=2, namedPort=None, diskMb=None, numCpus=None)])") !=
        std::string::npos);
}

TEST_CASE("--raw prints requested ports and Mesos volumes") {
  auto config = converted(R"(
jobs = [Service(cluster='c', role='r', environment='prod', name='j',
                container=Mesos(image=DockerImage(name='debian', tag='slim'),
                                volumes=[Volume(container_path='/a', host_path='/b', mode='RO')]),
                task=Task(name='t', processes=[Process(name='p', cmdline='serve {{thermos.ports[http]}}')],
                          resources=Resources(cpu=1, ram=1*MB, disk=1*MB)))]
)",
                          "c/r/prod/j");
  const std::string repr = python_repr(config);
  CAPTURE(repr);
  CHECK(repr.find(
            "Resource(ramMb=None, numGpus=None, namedPort=u'http', diskMb=None, numCpus=None)") !=
        std::string::npos);
  // Mode.RO is 2 in the IDL.
  CHECK(repr.find(
            "container=Container(docker=None, mesos=MesosContainer(image=Image(docker=DockerImage("
            "tag=u'slim', name=u'debian'), appc=None), volumes=[Volume(hostPath=u'/b', "
            "containerPath=u'/a', "
            "mode=2)]))") != std::string::npos);
}
