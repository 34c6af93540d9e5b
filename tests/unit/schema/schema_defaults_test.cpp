// Spec 2: every schema struct's defaults, the constants and the helpers, as a config sees them.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "config/lang/interpreter.hpp"
#include "schema_eval.hpp"

namespace {

using aurora::config::lang::Interpreter;

using schema_eval::eval_json;
using schema_eval::eval_str;

struct DefaultsCase {
  const char* expression;
  const char* json;  // the defaults of spec 2, as JSON
};

const DefaultsCase kDefaults[] = {
    {"Resources(cpu=1, ram=2, disk=3)", R"({"cpu": 1.0, "ram": 2, "disk": 3, "gpu": 0})"},
    {"RotatePolicy()", R"({"log_size": 104857600, "backups": 5})"},
    {"Logger()", R"({"destination": "file", "mode": "standard"})"},
    {"Process(name='p', cmdline='c')",
     R"({"cmdline": "c", "name": "p", "max_failures": 1, "daemon": false, "ephemeral": false,
         "min_duration": 5, "final": false})"},
    {"Task()",
     R"({"name": "{{processes[0].name}}", "constraints": [], "max_failures": 1, "max_concurrency": 0,
         "finalization_wait": 30})"},
    {"QueueUpdateStrategy()", R"({"batch_size": 1})"},
    {"BatchUpdateStrategy()", R"({"batch_size": 1, "autopause_after_batch": false})"},
    {"VariableBatchUpdateStrategy(batch_sizes=[1])", R"({"batch_sizes": [1], "autopause_after_batch": false})"},
    {"UpdateConfig()",
     R"({"batch_size": 1, "watch_secs": 45, "max_per_shard_failures": 0, "max_total_failures": 0,
         "rollback_on_failure": true, "wait_for_batch_completion": false, "sla_aware": false})"},
    {"HttpHealthChecker()", R"({"endpoint": "/health", "expected_response": "ok", "expected_response_code": 0})"},
    {"HealthCheckConfig()",
     R"({"health_checker": {"http": {"endpoint": "/health", "expected_response": "ok", "expected_response_code": 0}},
         "initial_interval_secs": 15.0, "interval_secs": 10.0, "max_consecutive_failures": 0,
         "min_consecutive_successes": 1, "timeout_secs": 1.0})"},
    {"HttpLifecycleConfig()",
     R"({"port": "health", "graceful_shutdown_endpoint": "/quitquitquit", "shutdown_endpoint": "/abortabortabort",
         "graceful_shutdown_wait_secs": 5, "shutdown_wait_secs": 5})"},
    {"DisableLifecycle", R"({})"},
    {"DefaultLifecycleConfig",
     R"({"http": {"port": "health", "graceful_shutdown_endpoint": "/quitquitquit",
         "shutdown_endpoint": "/abortabortabort", "graceful_shutdown_wait_secs": 5, "shutdown_wait_secs": 5}})"},
    {"Announcer()", R"({"primary_port": "http", "portmap": {"aurora": "http"}})"},
    {"Announcer(portmap={'http': 80})", R"({"primary_port": "http", "portmap": {"http": "80"}})"},
    {"Docker(image='i')", R"({"image": "i", "parameters": []})"},
    {"Mesos()", R"({"volumes": []})"},
    {"PartitionPolicy()", R"({"reschedule": true, "delay_secs": 0})"},
    {"ExecutorConfig()", R"({"name": "AuroraExecutor", "data": ""})"},
    {"CoordinatorSlaPolicy(coordinator_url='u')", R"({"coordinator_url": "u", "status_key": "drain"})"},
    {"Logger(rotate=RotatePolicy())",
     R"({"destination": "file", "mode": "standard", "rotate": {"log_size": 104857600, "backups": 5}})"},
    // Only health_check_config has a default; everything else is required or optional.
    {"MesosTaskInstance()",
     R"({"health_check_config": {"health_checker": {"http": {"endpoint": "/health", "expected_response": "ok",
         "expected_response_code": 0}}, "initial_interval_secs": 15.0, "interval_secs": 10.0,
         "max_consecutive_failures": 0, "min_consecutive_successes": 1, "timeout_secs": 1.0}})"},
    // Structs without defaults hold exactly what is given.
    {"ThermosContext()", R"({})"},
    {"Constraint()", R"({})"},
    {"HealthCheckerConfig()", R"({})"},
    {"LifecycleConfig()", R"({})"},
    {"Container()", R"({})"},
    {"MesosContext(instance=1, hostname='h')", R"({"instance": 1, "hostname": "h"})"},
    {"ShellHealthChecker(shell_command='c')", R"({"shell_command": "c"})"},
    {"Parameter(name='n', value='v')", R"({"name": "n", "value": "v"})"},
    {"AppcImage(name='n', image_id='i')", R"({"name": "n", "image_id": "i"})"},
    {"DockerImage(name='n', tag='t')", R"({"name": "n", "tag": "t"})"},
    {"Volume(container_path='a', host_path='b', mode=Mode('RO'))",
     R"({"container_path": "a", "host_path": "b", "mode": "RO"})"},
    {"Metadata(key='k', value='v')", R"({"key": "k", "value": "v"})"},
    {"PercentageSlaPolicy(percentage=1, duration_secs=2)", R"({"percentage": 1.0, "duration_secs": 2})"},
    {"CountSlaPolicy(count=1, duration_secs=2)", R"({"count": 1, "duration_secs": 2})"},
    {"Job(task=Task())",
     // name's default {{task.name}} resolves to the task's own template, re-parsed in the job (spec 1.9).
     R"({"name": "{{processes[0].name}}", "instances": 1, "task": {"name": "{{processes[0].name}}", "constraints": [],
         "max_failures": 1, "max_concurrency": 0, "finalization_wait": 30},
         "cron_collision_policy": "KILL_EXISTING",
         "update_config": {"batch_size": 1, "watch_secs": 45, "max_per_shard_failures": 0, "max_total_failures": 0,
           "rollback_on_failure": true, "wait_for_batch_completion": false, "sla_aware": false},
         "metadata": [], "service": false, "max_task_failures": 1, "production": false, "priority": 0,
         "health_check_config": {"health_checker": {"http": {"endpoint": "/health", "expected_response": "ok",
           "expected_response_code": 0}}, "initial_interval_secs": 15.0, "interval_secs": 10.0,
           "max_consecutive_failures": 0, "min_consecutive_successes": 1, "timeout_secs": 1.0},
         "lifecycle": {"http": {"port": "health", "graceful_shutdown_endpoint": "/quitquitquit",
           "shutdown_endpoint": "/abortabortabort", "graceful_shutdown_wait_secs": 5, "shutdown_wait_secs": 5}},
         "executor_config": {"name": "AuroraExecutor", "data": ""}, "enable_hooks": false})"},
};

}  // namespace

TEST_CASE("every schema struct starts with the defaults of spec 2") {
  for (const auto& c : kDefaults) {
    std::string expression = c.expression;
    CAPTURE(expression);
    CHECK(eval_json(c.expression) == nlohmann::json::parse(c.json));
  }
}

TEST_CASE("structs with only required fields report each missing one by check()") {
  // One required field each, so which is reported first does not depend on dict order.
  CHECK(eval_str("ShellHealthChecker().check()") == "TypeCheck(FAILED): ShellHealthChecker[shell_command] is required.");
  CHECK(eval_str("MesosContext(hostname='h').check()") == "TypeCheck(FAILED): MesosContext[instance] is required.");
  CHECK(eval_str("Parameter(name='n').check()") == "TypeCheck(FAILED): Parameter[value] is required.");
  CHECK(eval_str("AppcImage(name='n').check()") == "TypeCheck(FAILED): AppcImage[image_id] is required.");
  CHECK(eval_str("DockerImage(tag='t').check()") == "TypeCheck(FAILED): DockerImage[name] is required.");
  CHECK(eval_str("Metadata(key='k').check()") == "TypeCheck(FAILED): Metadata[value] is required.");
  CHECK(eval_str("CountSlaPolicy(count=1).check()") == "TypeCheck(FAILED): CountSlaPolicy[duration_secs] is required.");
  CHECK(eval_str("PercentageSlaPolicy(duration_secs=1).check()") ==
        "TypeCheck(FAILED): PercentageSlaPolicy[percentage] is required.");
  CHECK(eval_str("CoordinatorSlaPolicy().check()") ==
        "TypeCheck(FAILED): CoordinatorSlaPolicy[coordinator_url] is required.");
  CHECK(eval_str("MesosTaskInstance(task=Task(), instance=0, role='r').check()") ==
        "TypeCheck(FAILED): MesosTaskInstance[environment] is required.");
}

TEST_CASE("required fields are reported by check()") {
  CHECK(eval_str("Resources().check()") .find("is required.") != std::string::npos);
  CHECK(eval_str("Job().check()").find("MesosJob[") != std::string::npos);
  CHECK(eval_str("Volume(container_path='a', host_path='b').check()") == "TypeCheck(FAILED): Volume[mode] is required.");
}

TEST_CASE("Service is a Job with service=True") {
  CHECK(eval_str("Service.service()") == "True");
  CHECK(eval_str("isinstance(Service, Job)") == "True");
  CHECK(eval_str("Job is MesosJob") == "True");
}

TEST_CASE("size constants are Python ints") {
  CHECK(eval_str("(BYTES, KB, MB, GB, TB)") == "(1, 1024, 1048576, 1073741824, 1099511627776)");
  CHECK(eval_str("AURORA_EXECUTOR_NAME") == "AuroraExecutor");
}

TEST_CASE("enums reject values outside their list at construction") {
  CHECK_THROWS_WITH(eval_str("Mode('XX')"), doctest::Contains("Enum_RO_RW only accepts the following values: RO, RW"));
  CHECK(eval_str("LoggerDestination('both')") == "both");
}

TEST_CASE("order() returns a one-element list of name orderings") {
  CHECK(eval_str("order(a, 'b')", "a = Process(name='a', cmdline='x')") ==
        "[Constraint(order=StringList(a, b))]");
  CHECK_THROWS_WITH(eval_str("order(1)"), doctest::Contains("Unknown value for process order: 1"));
}

TEST_CASE("SimpleTask uses one process and 1 cpu, 1 GB ram and disk") {
  auto task = eval_json("SimpleTask('n', 'echo')");
  CHECK(task["name"] == "n");
  CHECK(task["processes"][0]["cmdline"] == "echo");
  CHECK(task["resources"] == nlohmann::json::parse(R"({"cpu": 1.0, "ram": 1073741824, "disk": 1073741824, "gpu": 0})"));
}

TEST_CASE("SequentialTask orders its processes once, at construction") {
  const std::string setup = "a = Process(name='a', cmdline='x')\nb = Process(name='b', cmdline='y')\n";
  CHECK(eval_json("SequentialTask(processes=[a, b])", setup)["constraints"] ==
        nlohmann::json::parse(R"([{"order": ["a", "b"]}])"));
  CHECK_THROWS_WITH(eval_str("SequentialTask(processes=[a], constraints=order(a))", setup),
                    doctest::Contains("Cannot turn a Task with existing constraints into a SequentialTask!"));
}

TEST_CASE("Tasks.combine sums resources and keeps the last task as the base") {
  const std::string setup =
      "a = Task(name='a', processes=[Process(name='pa', cmdline='x')], resources=Resources(cpu=1, ram=2, disk=3), "
      "finalization_wait=10)\n"
      "b = Task(name='b', processes=[Process(name='pb', cmdline='y')], resources=Resources(cpu=2, ram=3, disk=4))\n";
  auto combined = eval_json("Tasks.combine(a, b)", setup);
  CHECK(combined["name"] == "b");
  CHECK(combined["resources"] == nlohmann::json::parse(R"({"cpu": 3.0, "ram": 5, "disk": 7, "gpu": 0})"));
  CHECK(combined["finalization_wait"] == 30);
  CHECK(combined["processes"].size() == 2);
  auto concatenated = eval_json("Tasks.concat(a, b)", setup);
  CHECK(concatenated["resources"] == nlohmann::json::parse(R"({"cpu": 2.0, "ram": 3, "disk": 4, "gpu": 0})"));
  CHECK(concatenated["finalization_wait"] == 40);
  CHECK(concatenated["constraints"] == nlohmann::json::parse(R"([{"order": ["pa", "pb"]}])"));
  CHECK(eval_json("Tasks.combine()") == eval_json("Task()"));
}

TEST_CASE("java_options and python_options render flags") {
  CHECK(eval_str("java_options('a', {'b': 1}, cow='foo')") == "-a -b 1 -cow foo");
  CHECK(eval_str("python_options('a', 'b', 'cow')") == "-a -b --cow");
}

TEST_CASE("the predefined namespace of spec 2.5 is present") {
  const char* names[] = {"AURORA_EXECUTOR_NAME", "Announcer", "AppcImage", "BYTES", "BatchUpdateStrategy", "Boolean",
                         "Choice", "Constraint", "Container", "CoordinatorSlaPolicy", "CountSlaPolicy", "Default",
                         "DefaultHealthChecker", "DefaultLifecycleConfig", "DisableLifecycle", "Docker", "DockerImage",
                         "Empty", "Enum", "Environment", "ExecutorConfig", "Float", "GB", "HealthCheckConfig",
                         "HealthCheckerConfig", "HttpHealthChecker", "HttpLifecycleConfig", "Integer", "Job", "KB",
                         "LifecycleConfig", "List", "Logger", "LoggerDestination", "LoggerMode", "MB", "Map", "Mesos",
                         "MesosContext", "MesosJob", "MesosTaskInstance", "Metadata", "Mode", "MustacheParser", "Namable",
                         "Options", "Parameter", "PartitionPolicy", "PercentageSlaPolicy", "Process", "Processes",
                         "QueueUpdateStrategy", "Ref", "Required", "Resources", "RotatePolicy", "SequentialTask",
                         "Service", "ShellHealthChecker", "SimpleTask", "String", "Struct", "TB", "Task", "Tasks",
                         "ThermosContext", "Type", "TypeCheck", "TypeFactory", "Units", "UpdateConfig",
                         "VariableBatchUpdateStrategy", "Volume",
                         "combine_tasks", "concat_tasks", "include", "java_options", "order", "python_options"};
  Interpreter in;
  aurora::config::schema::install_aurora_namespace(in);
  for (const char* name : names) {
    CAPTURE(name);
    CHECK(in.get_global(name).has_value());
  }
}
