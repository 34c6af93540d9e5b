// The users' documents (configuration tutorial and templating guide, quoting fixed as in spec 6.2)
// and our own examples/ load and convert to the values spec 6.2 lists.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "config_fixture.hpp"
#include "spec_configs.hpp"

namespace {

using aurora::config::testing::in_memory;
using aurora::config::testing::run_pipeline;
using namespace aurora::config::testing;  // the spec configs
namespace gen = aurora::gen;

struct Expected {
  const char* config;
  const char* key;
  int instances;
  bool service;
  double cpu;
  int64_t ram_mb, disk_mb;
  const char* processes;    // JSON [[name, cmdline]...]
  const char* constraints;  // JSON of the task's constraints in executor data
};

const Expected kExpected[] = {
    {"tutorial", "cluster1/myteam/prod/application", 20, true, 4.0, 2560, 10240,
     R"([["fetch", "curl -O https://packages.foocorp.com/live/application.jar"]])", R"([{"order": ["fetch"]}])"},
    {"tutorial", "cluster1/myteam/staging/application", 2, false, 1.0, 2048, 1024,
     R"([["fetch", "curl -O https://packages.foocorp.com/live/application.jar"]])", R"([{"order": ["fetch"]}])"},
    {"templating", "cluster1/myteam/devel/application", 1, false, 2.0, 4096, 8192,
     R"([["main", "java -jar application.jar -hdfsPath hdfs://home/aurora/data/test"]])", R"([{"order": ["main"]}])"},
    {"templating", "cluster1/myteam/prod/application", 100, false, 2.0, 4096, 8192,
     R"([["main", "java -jar application.jar -hdfsPath hdfs://home/aurora/data/prod"]])", R"([{"order": ["main"]}])"},
};

}  // namespace

TEST_CASE("the documentation's Profile examples convert as spec 6.2 lists") {
  for (const auto& e : kExpected) {
    std::string key = e.key;
    CAPTURE(key);
    const char* text = std::string(e.config) == "tutorial" ? kTutorialProfile : kTemplatingProfile;
    auto result = run_pipeline(in_memory({{"profile.aurora", text}}, "profile.aurora",
                                         aurora::grammars::JobKey::parse(e.key)));
    CAPTURE(result.error);
    REQUIRE(result.error.empty());
    const auto& config = *result.config;
    CHECK(config.instanceCount == e.instances);
    CHECK(config.taskConfig.isService == e.service);
    CHECK(config.taskConfig.tier == "preemptible");
    for (const auto& r : config.taskConfig.resources) {
      if (r.__isset.numCpus) CHECK(r.numCpus == e.cpu);
      if (r.__isset.ramMb) CHECK(r.ramMb == e.ram_mb);
      if (r.__isset.diskMb) CHECK(r.diskMb == e.disk_mb);
    }
    auto data = nlohmann::json::parse(config.taskConfig.executorConfig.data);
    nlohmann::json processes = nlohmann::json::array();
    for (const auto& p : data["task"]["processes"]) processes.push_back({p["name"], p["cmdline"]});
    CHECK(processes == nlohmann::json::parse(e.processes));
    CHECK(data["task"]["constraints"] == nlohmann::json::parse(e.constraints));
  }
}

TEST_CASE("examples/hello_world.aurora loads and converts for devcluster") {
  aurora::config::LoadOptions options;
  options.config_path = AURORA_EXAMPLES_DIR "/hello_world.aurora";
  options.job_key = aurora::grammars::JobKey::parse("devcluster/www-data/prod/hello");
  auto result = run_pipeline(options);
  CAPTURE(result.error);
  REQUIRE(result.error.empty());
  CHECK(result.config->instanceCount == 2);
  CHECK(result.config->taskConfig.isService);
  std::set<std::string> ports;
  for (const auto& r : result.config->taskConfig.resources)
    if (r.__isset.namedPort) ports.insert(r.namedPort);
  CHECK(ports == std::set<std::string>{"http"});
  auto settings = aurora::config::to_update_settings(*result.loaded);
  CHECK(settings.minWaitInInstanceRunningMs == 5000);
}

// The seeds' complete examples through the real schema and conversion.  Examples that only
// define a task are wrapped in a Job (cluster c, role feynman, environment prod); expected
// values follow from spec 1.8 (scopes), 2.4 (helpers) and 5 (conversion).
namespace {

aurora::config::testing::PipelineResult convert_seed(const std::string& text, const std::string& key) {
  return run_pipeline(in_memory({{"seed.aurora", text}}, "seed.aurora", aurora::grammars::JobKey::parse(key)));
}

nlohmann::json executor_data(const aurora::config::testing::PipelineResult& result) {
  return nlohmann::json::parse(result.config->taskConfig.executorConfig.data);
}

std::set<std::string> as_set(const nlohmann::json& array) {
  std::set<std::string> out;
  for (const auto& item : array) out.insert(item.dump());
  return out;
}

}  // namespace

TEST_CASE("the less_redundant seed resolves its Python profile and the job's role in every process") {
  auto result = convert_seed(R"(class Python(Struct):
  version = Required(String)
  base = Default(String, 'Python-{{version}}')
  package = Default(String, '{{base}}.tar.bz2')

ReliableProcess = Process(
  max_failures = 5,
  min_duration = 1)

download = ReliableProcess(
  name = 'download',
  cmdline = 'wget http://www.python.org/ftp/python/{{python.version}}/{{python.package}}')

unpack = ReliableProcess(
  name = 'unpack',
  cmdline = 'rm -rf {{python.base}} && tar xzf {{python.package}}')

build = ReliableProcess(
  name = 'build',
  cmdline = 'pushd {{python.base}} && ./configure && make && popd',
  max_failures = 1)

email = ReliableProcess(
  name = 'email',
  cmdline = 'echo Success | mail {{role}}@foocorp.com')

build_python = SequentialTask(
  name = 'build_python',
  processes = [download, unpack, build, email]).bind(python = Python(version = "2.7.3"))

jobs = [Job(cluster = 'c', role = 'feynman', environment = 'prod',
            task = build_python(resources = Resources(cpu = 1, ram = 1*GB, disk = 1*GB)))]
)", "c/feynman/prod/build_python");
  CAPTURE(result.error);
  REQUIRE(result.error.empty());
  CHECK(result.config->key.name == "build_python");  // the job's name defaults to the task's
  auto data = executor_data(result);
  nlohmann::json processes = nlohmann::json::array();
  for (const auto& p : data["task"]["processes"])
    processes.push_back({p["name"], p["cmdline"], p["max_failures"], p["min_duration"]});
  CHECK(processes == nlohmann::json::parse(R"([
    ["download", "wget http://www.python.org/ftp/python/2.7.3/Python-2.7.3.tar.bz2", 5, 1],
    ["unpack", "rm -rf Python-2.7.3 && tar xzf Python-2.7.3.tar.bz2", 5, 1],
    ["build", "pushd Python-2.7.3 && ./configure && make && popd", 1, 1],
    ["email", "echo Success | mail feynman@foocorp.com", 5, 1]])"));
  CHECK(data["task"]["constraints"] == nlohmann::json::parse(R"([{"order": ["download", "unpack", "build", "email"]}])"));
}

TEST_CASE("the mapreduce seed converts to 181 processes ordered mapper before reducer") {
  auto result = convert_seed(R"(def make_mapper(id):
  return Process(
    name = "mapper%03d" % id,
    cmdline = "echo 'scale=50;s(%d*4*a(1)/180)' | bc -l > "
              "temp.sine_table.%03d" % (id, id))

def make_reducer():
  return Process(name = "reducer", cmdline = "cat temp.* | nl > sine_table.txt "
                 "&& rm -f temp.*")

processes = map(make_mapper, range(180))

task = Task(
  name = "mapreduce",
  processes = processes + [make_reducer()],
  constraints = [Constraint(order = [mapper.name(), 'reducer']) for mapper
                 in processes],
  max_concurrency = 8)

jobs = [Job(cluster = 'c', role = 'feynman', environment = 'prod',
            task = task(resources = Resources(cpu = 1, ram = 1*GB, disk = 1*GB)))]
)", "c/feynman/prod/mapreduce");
  CAPTURE(result.error);
  REQUIRE(result.error.empty());
  auto data = executor_data(result);
  REQUIRE(data["task"]["processes"].size() == 181);
  CHECK(data["task"]["processes"][7]["name"] == "mapper007");
  CHECK(data["task"]["processes"][179]["cmdline"] == "echo 'scale=50;s(179*4*a(1)/180)' | bc -l > temp.sine_table.179");
  CHECK(data["task"]["processes"][180]["cmdline"] == "cat temp.* | nl > sine_table.txt && rm -f temp.*");
  REQUIRE(data["task"]["constraints"].size() == 180);
  CHECK(data["task"]["constraints"][42] == nlohmann::json::parse(R"({"order": ["mapper042", "reducer"]})"));
  CHECK(data["task"]["max_concurrency"] == 8);
}

TEST_CASE("the Daemon template seed makes daemon processes through struct calls") {
  auto result = convert_seed(R"(Daemon = Process(daemon = True)
logrotate = Daemon(name = 'logrotate', cmdline = './logrotate conf/logrotate.conf')
mysql = Daemon(name = 'mysql', cmdline = 'bin/mysqld --safe-mode')
jobs = [Service(cluster = 'c', role = 'feynman', environment = 'prod', name = 'db',
                task = Task(processes = [logrotate, mysql],
                            resources = Resources(cpu = 1, ram = 64*MB, disk = 64*MB)))]
)", "c/feynman/prod/db");
  CAPTURE(result.error);
  REQUIRE(result.error.empty());
  auto data = executor_data(result);
  REQUIRE(data["task"]["processes"].size() == 2);
  for (const auto& p : data["task"]["processes"]) CHECK(p["daemon"] == true);
  CHECK(data["task"]["name"] == "logrotate");  // Task name defaults to the first process's
  CHECK(result.config->taskConfig.isService);
}

TEST_CASE("the binding precedence seed: the binding closest to the process wins") {
  auto result = convert_seed(R"(p = Process(name = '{{context}}_process', cmdline = 'echo {{name}}')
t = Task().bind(context = 'global')
jobs = [Job(cluster = 'c', role = 'feynman', environment = 'prod', name = 'ctx',
            task = t(processes = [p, p.bind(context = 'local')],
                     resources = Resources(cpu = 1, ram = 64*MB, disk = 64*MB)))]
)", "c/feynman/prod/ctx");
  CAPTURE(result.error);
  REQUIRE(result.error.empty());
  auto data = executor_data(result);
  nlohmann::json processes = nlohmann::json::array();
  for (const auto& p : data["task"]["processes"]) processes.push_back({p["name"], p["cmdline"]});
  CHECK(processes == nlohmann::json::parse(R"([["global_process", "echo global_process"],
                                                ["local_process", "echo local_process"]])"));
  CHECK(data["task"]["name"] == "global_process");
}

TEST_CASE("the tutorial's Tasks.concat and Tasks.combine example converts as spec 2.4 describes") {
  const char* text = R"(download_interpreter = Process(name = 'download_interpreter', cmdline = 'x')
update_zookeeper = Process(name = 'update_zookeeper', cmdline = 'y')
download_application = Process(name = 'download_application', cmdline = 'z')
start_application = Process(name = 'start_application', cmdline = 'w')
setup_task = Task(name = 'setup', processes = [download_interpreter, update_zookeeper],
                  constraints = order(download_interpreter, update_zookeeper),
                  resources = Resources(cpu = 1, ram = 64*MB, disk = 64*MB))
run_task = SequentialTask(name = 'run', processes = [download_application, start_application],
                          resources = Resources(cpu = 2, ram = 32*MB, disk = 128*MB))
base = Job(cluster = 'c', role = 'feynman', environment = 'prod')
jobs = [base(name = 'concat', task = Tasks.concat(setup_task, run_task)),
        base(name = 'combine', task = Tasks.combine(setup_task, run_task))]
)";
  const std::set<std::string> all_processes = as_set(nlohmann::json::parse(
      R"(["download_interpreter", "update_zookeeper", "download_application", "start_application"])"));
  auto process_names = [](const nlohmann::json& data) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& p : data["task"]["processes"]) names.push_back(p["name"]);
    return as_set(names);
  };

  auto concat = convert_seed(text, "c/feynman/prod/concat");
  CAPTURE(concat.error);
  REQUIRE(concat.error.empty());
  auto data = executor_data(concat);
  CHECK(data["task"]["name"] == "run");  // the last task is the base
  CHECK(process_names(data) == all_processes);
  // Both tasks' own orderings, plus every setup process before every run process.
  CHECK(as_set(data["task"]["constraints"]) == as_set(nlohmann::json::parse(R"([
    {"order": ["download_interpreter", "update_zookeeper"]},
    {"order": ["download_application", "start_application"]},
    {"order": ["download_interpreter", "download_application"]},
    {"order": ["download_interpreter", "start_application"]},
    {"order": ["update_zookeeper", "download_application"]},
    {"order": ["update_zookeeper", "start_application"]}])")));
  CHECK(data["task"]["resources"] == nlohmann::json::parse(R"({"cpu": 2.0, "ram": 67108864, "disk": 134217728, "gpu": 0})"));
  CHECK(data["task"]["finalization_wait"] == 60);

  auto combine = convert_seed(text, "c/feynman/prod/combine");
  CAPTURE(combine.error);
  REQUIRE(combine.error.empty());
  data = executor_data(combine);
  CHECK(data["task"]["name"] == "run");
  CHECK(process_names(data) == all_processes);
  CHECK(as_set(data["task"]["constraints"]) == as_set(nlohmann::json::parse(R"([
    {"order": ["download_interpreter", "update_zookeeper"]},
    {"order": ["download_application", "start_application"]}])")));
  CHECK(data["task"]["resources"] == nlohmann::json::parse(R"({"cpu": 3.0, "ram": 100663296, "disk": 201326592, "gpu": 0})"));
  CHECK(data["task"]["finalization_wait"] == 30);
  gen::Resource cpu;
  cpu.__set_numCpus(3.0);
  CHECK(combine.config->taskConfig.resources.count(cpu) == 1);
}
