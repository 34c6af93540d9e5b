// The Python snippets of ../shared/seeds (Aurora's own docs): valid ones evaluate, the deliberately
// broken ones fail with a located error. Pystachio names are permissive stubs here.

#include <doctest/doctest.h>

#include "config/lang/interpreter.hpp"
#include "pystachio_stub.hpp"

using namespace aurora::config::lang;

namespace {

struct Run {
  std::string output;
  std::optional<ConfigError> error;
  std::unique_ptr<Interpreter> interpreter;
};

Run run_seed(const std::string& source, std::vector<std::pair<std::string, std::string>> files = {}) {
  Run r;
  InterpreterOptions o;
  o.out = [&r](std::string_view s) { r.output += s; };
  o.environment = std::map<std::string, std::string>{{"USER", "feynman"}};
  o.read_file = [files](const std::string& path) -> std::optional<std::string> {
    for (const auto& [p, c] : files)
      if (p == path) return c;
    return std::nullopt;
  };
  r.interpreter = std::make_unique<Interpreter>(o);
  r.interpreter->enable_include();
  testing::install_pystachio_stubs(*r.interpreter);
  try {
    r.interpreter->run_source("seed.aurora", source);
  } catch (const ConfigError& e) {
    r.error = e;
  }
  return r;
}

void require_ok(const Run& r) {
  INFO((r.error ? r.error->what() : ""));
  REQUIRE_FALSE(r.error.has_value());
}

const char* kMapReduce = R"(def make_mapper(id):
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
print len(processes), processes[7].name(), processes[179].cmdline()
)";

}  // namespace

TEST_CASE("the mapreduce seed maps 180 mappers and appends the reducer as in Python 2") {
  Run r = run_seed(kMapReduce);
  require_ok(r);
  CHECK(r.output ==
        "180 mapper007 echo 'scale=50;s(179*4*a(1)/180)' | bc -l > temp.sine_table.179\n");
  Value task = *r.interpreter->get_global("task");
  CHECK(task.is(Type::Host));
  Value processes = *r.interpreter->get_global("processes");
  REQUIRE(processes.is(Type::List));
  CHECK(processes.as<ListObj>()->items.size() == 180);
}

TEST_CASE("the mapreduce seed as printed in the docs fails on its line-broken string literal") {
  Run r = run_seed(R"(def make_mapper(id):
  return Process(
    name = "mapper%03d" % id,
    cmdline = "echo 'scale=50;s(%d\*4\*a(1)/180)' | bc -l >
               temp.sine_table.%03d" % (id, id))
)");
  REQUIRE(r.error);
  CHECK(r.error->type() == "SyntaxError");
  CHECK(r.error->line() == 4);
  CHECK(r.error->column() == 15);
  CHECK(std::string(r.error->what()).find("seed.aurora:4:15: SyntaxError: EOL while scanning string literal") == 0);
}

TEST_CASE("the hello_world seed evaluates and exposes jobs") {
  Run r = run_seed(R"(import os
hello_world_process = Process(name = 'hello_world', cmdline = 'echo hello world')

hello_world_task = Task(
  resources = Resources(cpu = 0.1, ram = 16 * MB, disk = 16 * MB),
  processes = [hello_world_process])

hello_world_job = Job(
  cluster = 'cluster1',
  role = os.getenv('USER'),
  task = hello_world_task)

jobs = [hello_world_job]
)");
  require_ok(r);
  Value jobs = *r.interpreter->get_global("jobs");
  REQUIRE(jobs.is(Type::List));
  CHECK(r.interpreter->repr(jobs).find("role=feynman") != std::string::npos);
}

TEST_CASE("hello_world_productionized includes hello_world and fails on its missing comma") {
  std::string hello = "hello_world = Job(name = 'hello_world', cluster = 'cluster1')\n";
  Run r = run_seed(R"(include('hello_world.aurora')

production_resources = Resources(cpu = 1.0, ram = 512 * MB, disk = 2 * GB)
staging_resources = Resources(cpu = 0.1, ram = 32 * MB, disk = 512 * MB)
hello_world_template = hello_world(
  name = "hello_world-{{cluster}}"
  task = hello_world(resources=production_resources))
)",
                   {{"hello_world.aurora", hello}});
  REQUIRE(r.error);
  CHECK(r.error->type() == "SyntaxError");
  CHECK(r.error->line() == 7);
  CHECK(r.error->column() == 3);

  Run fixed = run_seed(R"(include('hello_world.aurora')

production_resources = Resources(cpu = 1.0, ram = 512 * MB, disk = 2 * GB)
staging_resources = Resources(cpu = 0.1, ram = 32 * MB, disk = 512 * MB)
hello_world_template = hello_world(
  name = "hello_world-{{cluster}}",
  task = hello_world(resources=production_resources))

jobs = [
  # production jobs
  hello_world_template(cluster = 'cluster1', instances = 25),
  hello_world_template(cluster = 'cluster2', instances = 15),

  # staging jobs
  hello_world_template(
    cluster = 'local',
    instances = 1,
    task = hello_world(resources=staging_resources)),
]
print len(jobs)
)",
                       {{"hello_world.aurora", hello}});
  require_ok(fixed);
  CHECK(fixed.output == "3\n");
}

TEST_CASE("the process ordering seeds evaluate") {
  require_ok(run_seed(R"(copy = Process(
  name = 'copy',
  cmdline = 'curl -O https://packages.foocorp.com/app.zip'
)
unpack = Process(
  name = 'unpack',
  cmdline = 'unzip app.zip'
)
remove = Process(
  name = 'remove',
  cmdline = 'rm -f app.zip'
)
run = Process(
  name = 'app',
  cmdline = 'java -jar app.jar'
)
run_task = Task(
  processes = [copy, unpack, remove, run],
  constraints = order(copy, unpack, remove, run)
)
)"));
  require_ok(run_seed(R"(stage = Process(
  name = 'stage',
  cmdline = 'curl -O https://packages.foocorp.com/app.zip && '
            'unzip app.zip && rm -f app.zip')

run = Process(name = 'app', cmdline = 'java -jar app.jar')

run_task = SequentialTask(processes = [stage, run])
)"));
  require_ok(run_seed(R"(import os
hello_world_job = Job(
  task=SimpleTask(name="hello_world", command="echo hello world"),
  role=os.getenv('USER'),
  cluster="cluster1")
t = Task(name="hello_world",
     processes=[Process(name = "hello_world", cmdline = "echo hello world")],
     resources=Resources(cpu = 1.0,
                         ram = 1*GB,
                         disk = 1*GB))
constraints = [Constraint(order=['foo', 'bar'])]
setup_task = Task(processes=[], constraints=order('a', 'b') + order('c', 'd'))
combined_task = Tasks.concat(setup_task, t)
)"));
}

TEST_CASE("the Struct template seeds route class bodies to the host") {
  Run r = run_seed(R"(class Python(Struct):
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
print build.max_failures(), download.max_failures()
)");
  require_ok(r);
  CHECK(r.output == "1 5\n");
}

TEST_CASE("the typical configuration seed fails on its broken string, and runs once repaired") {
  std::string broken = R"(class Profile(Struct):
  package_version = Default(String, 'live')
  parent_serverset = Default(String,
                             '/foocorp/service/bird/{{parent_environment}}/bird')

base_task = SequentialTask(
  name = 'application',
  processes = [
    Process(
      name = 'fetch',
      cmdline = 'curl -O
              https://packages.foocorp.com/{{profile.package_version}}/application.jar'),
  ]
)
)";
  Run r = run_seed(broken);
  REQUIRE(r.error);
  CHECK(r.error->line() == 11);
  CHECK(r.error->type() == "SyntaxError");

  Run fixed = run_seed(R"(class Profile(Struct):
  package_version = Default(String, 'live')
  extra_jvm_options = Default(String, '')

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
      cmdline = 'curl -O '
              'https://packages.foocorp.com/{{profile.package_version}}/application.jar'),
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
print len(jobs), main.cmdline()
)");
  require_ok(fixed);
  CHECK(fixed.output ==
        "3 {{profile.java_binary}} -server -Xmx1792m {{profile.extra_jvm_options}} -jar application.jar "
        "-upstreamService {{profile.parent_serverset}}\n");
}

TEST_CASE("the deliberately broken seed snippets fail with located errors") {
  struct Broken {
    const char* source;
    const char* type;
    int line;
  };
  const Broken cases[] = {
      // Placeholder syntax from the docs.
      {"<name> = Process(\n  name = '<name>'\n  cmdline = '<command>'\n)\n", "SyntaxError", 1},
      // A missing opening quote.
      {"class Profile(Struct):\n  version = Required(String)\n  dataset = Default(String, hdfs://home/aurora/data/{{environment}}')\n",
       "SyntaxError", 3},
      // A stray indent inside the get_my_task snippet.
      {"def get_my_task(name):\n  return Task(name = name)\n\n task_one = get_my_task('task_one')\n",
       "IndentationError", 4},
      // Mismatched brackets (Constraint(order = [...]) closed with ')').
      {"task = Task(name = 'echoes',\n            constraints = [Constraint(order = ['jim', 'bob']))\n",
       "SyntaxError", 2},
  };
  for (const Broken& b : cases) {
    Run r = run_seed(b.source);
    INFO(b.source);
    REQUIRE(r.error);
    CHECK(r.error->type() == b.type);
    CHECK(r.error->line() == b.line);
    CHECK(r.error->column() > 0);
    CHECK(std::string(r.error->what()).find("seed.aurora:" + std::to_string(b.line) + ":") == 0);
  }
}
