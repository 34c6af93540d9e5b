// Spec 2.4: the helper namespaces Units, Tasks, Processes and Options with upstream's signatures
// (apache/aurora thermos/config/schema_helpers.py), and Python 2's dict order where they iterate one.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "schema_eval.hpp"

namespace {

using schema_eval::eval_json;
using schema_eval::eval_str;

const char* kResources =
    "r1 = Resources(cpu=1, ram=5, disk=3)\n"
    "r2 = Resources(cpu=0.5, ram=1, disk=4, gpu=1)\n";

}  // namespace

TEST_CASE("Units.resources_sum takes the Resources as arguments and adds every component") {
  CHECK(eval_json("Units.resources_sum(r1, r2)", kResources) ==
        nlohmann::json::parse(R"({"cpu": 1.5, "ram": 6, "disk": 7, "gpu": 1})"));
  // An unset Resources counts as zeros (upstream's optional_resources).
  CHECK(eval_json("Units.resources_sum(Empty, r1)", kResources) ==
        nlohmann::json::parse(R"({"cpu": 1.0, "ram": 5, "disk": 3, "gpu": 0})"));
}

TEST_CASE("Units.resources_max takes one iterable of Resources and keeps each component's maximum") {
  const nlohmann::json expected = nlohmann::json::parse(R"({"cpu": 1.0, "ram": 5, "disk": 4, "gpu": 1})");
  CHECK(eval_json("Units.resources_max([r1, r2])", kResources) == expected);
  CHECK(eval_json("Units.resources_max(r for r in (r1, r2))", kResources) == expected);
  CHECK_THROWS_WITH(eval_str("Units.resources_max(r1, r2)", kResources), doctest::Contains("takes exactly 1 argument"));
}

TEST_CASE("Units.finalization_wait_sum and _max take one list of waits") {
  CHECK(eval_str("Units.finalization_wait_sum([10, 20])") == "30");
  CHECK(eval_str("Units.finalization_wait_max([10, 20])") == "20");
  CHECK(eval_str("Units.finalization_wait_max([])") == "0");
}

TEST_CASE("Units.processes_merge and constraints_merge de-duplicate across a list of tasks") {
  const std::string setup =
      "a = Process(name='a', cmdline='x')\nb = Process(name='b', cmdline='y')\n"
      "t1 = Task(processes=[a, b], constraints=order(a, b))\nt2 = Task(processes=[b], constraints=order(a, b))\n";
  CHECK(eval_str("sorted(str(p.name()) for p in Units.processes_merge([t1, t2]))", setup) == "['a', 'b']");
  CHECK(eval_str("len(Units.constraints_merge([t1, t2]))", setup) == "1");
}

TEST_CASE("Units.optional_resources turns Empty into an empty Resources") {
  CHECK(eval_json("Units.optional_resources(Empty)") == nlohmann::json::parse(R"({"gpu": 0})"));
  CHECK(eval_json("Units.optional_resources(r1)", kResources) ==
        nlohmann::json::parse(R"({"cpu": 1.0, "ram": 5, "disk": 3, "gpu": 0})"));
}

TEST_CASE("Tasks.simple and Tasks.sequential are SimpleTask and SequentialTask's building blocks") {
  CHECK(eval_json("Tasks.simple('n', 'echo')") == eval_json("SimpleTask('n', 'echo')"));
  const std::string setup = "a = Process(name='a', cmdline='x')\nb = Process(name='b', cmdline='y')\n";
  CHECK(eval_json("Tasks.sequential(Task(processes=[a, b]))", setup)["constraints"] ==
        nlohmann::json::parse(R"([{"order": ["a", "b"]}])"));
  // No processes: nothing to order, the task comes back as it was.
  CHECK(eval_json("Tasks.sequential(Task(name='t'))") == eval_json("Task(name='t')"));
  CHECK_THROWS_WITH(eval_str("Tasks.sequential(Task(processes=[a], constraints=order(a)))", setup),
                    doctest::Contains("Cannot turn a Task with existing constraints into a SequentialTask!"));
}

TEST_CASE("Processes.order is order") {
  const std::string setup = "a = Process(name='{{x}}', cmdline='c').bind(x='a1')\n";
  CHECK(eval_str("Processes.order(a, 'b')", setup) == "[Constraint(order=StringList(a1, b))]");
  CHECK(eval_str("Processes.order(a, 'b') == order(a, 'b')", setup) == "True");
}

TEST_CASE("Options.java and Options.python are java_options and python_options") {
  CHECK(eval_str("Options.java('a', {'b': 1}, cow='foo')") == "-a -b 1 -cow foo");
  CHECK(eval_str("Options.python('a', 'boo', c=None)") == "-a --boo -c");
  CHECK_THROWS_WITH(eval_str("java_options(1)"), doctest::Contains("Got an unexpected argument to render_options: 1"));
}

TEST_CASE("options from a dict come in CPython 2.7's dict order, not insertion order") {
  // Expected strings printed by upstream's Options under CPython 2.7.18.
  CHECK(eval_str("java_options({'a': 2, 'b': 1, 'c': 3})") == "-a 2 -c 3 -b 1");
  CHECK(eval_str("java_options({'Xmx': 1, 'Xms': 1, 'server': 1, 'verbose': 1, 'cp': 1, 'ea': 1, 'jar': 1, "
                 "'Dfoo': 1})") == "-cp 1 -Xmx 1 -verbose 1 -Dfoo 1 -jar 1 -server 1 -ea 1 -Xms 1");
  CHECK(eval_str("java_options(d)",
                 "d = {}\nfor k in ['Xmx', 'Xms', 'server', 'verbose', 'cp', 'ea', 'jar', 'Dfoo']: d[k] = 1\n") ==
        "-verbose 1 -jar 1 -ea 1 -server 1 -Xmx 1 -Dfoo 1 -cp 1 -Xms 1");
  // Keyword arguments are a dict too.
  CHECK(eval_str("python_options(cow='foo', a=1, zebra='z', b=2)") == "-a 1 -b 2 --zebra z --cow foo");
}
