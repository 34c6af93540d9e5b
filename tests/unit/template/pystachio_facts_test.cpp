// Spec 1.13's "additional pystachio facts", the laziness of deferred errors, and the rest of
// pystachio's exported surface (spec 2.5: Namable, Type, TypeCheck, TypeFactory; spec 1.11:
// serialize_type; Struct/List/Map find; Struct.json_load).
#include <doctest/doctest.h>

#include <string>

#include "pystachio_eval.hpp"
#include "pystachio_vectors.hpp"

using pystachio_eval::evaluate;

TEST_CASE("the additional pystachio facts of spec 1.13 hold") {
  CHECK(evaluate("Integer('{{x}}').check().ok()") == "False");
  CHECK(evaluate("Integer('500').check()") == "TypeCheck(OK)");
  CHECK(evaluate("Float('123.123').check()") == "TypeCheck(OK)");
  CHECK(evaluate("Boolean(123).check()") == "TypeCheck(OK)");
  CHECK(evaluate("Boolean('2').check()") == "TypeCheck(FAILED): Unable to interpolate: Cannot coerce '2' to Boolean");
  CHECK(evaluate("List(Integer)(['1']).check()") == "TypeCheck(OK)");
  CHECK(evaluate("Map(String, Integer)({'a': '{{foo}}'}).bind(foo=5).check()") == "TypeCheck(OK)");
  CHECK(evaluate("Map(String, Integer)(a=1)").rfind("RAISES TypeError: ", 0) == 0);
  CHECK(evaluate("Map(String, Integer)({'a': 1}, {'b': 2})").rfind("RAISES ValueError: ", 0) == 0);
  CHECK(evaluate("Process.json_loads('{\"name\": [1, 2]}').check().ok()") == "False");
  CHECK(evaluate("Task(task_dict) == Task(Task(task_dict).get())", "repr",
                 "task_dict = {'name': 't', 'processes': [{'name': 'p', 'cmdline': 'echo {{x}}', 'daemon': True}]}") ==
        "True");
}

TEST_CASE("errors the table marks as lazy surface when the value is used, not when it is built") {
  const std::string lazily = "RAISES (lazily, at interpolation) ";
  int lazy_vectors = 0;
  for (const auto& v : pystachio_vectors()) {
    std::string expected = v.expected;
    if (expected.rfind(lazily, 0) != 0) continue;
    ++lazy_vectors;
    CAPTURE(v.number);
    // Building the value (and binding it) succeeds ...
    CHECK(evaluate("value is not None", "repr", std::string("value = ") + v.expression + "\n") == "True");
    // ... printing it raises the documented error.
    CHECK(evaluate("value", "repr", std::string("value = ") + v.expression + "\n") ==
          "RAISES " + expected.substr(lazily.size()));
  }
  CHECK(lazy_vectors == 16);
}

TEST_CASE("Namable and Type classify pystachio values as pystachio's class tree does") {
  // Struct, List and Map are Namable (they can be looked into); simple values are not.
  CHECK(evaluate("[isinstance(x, Namable) for x in (Process(), List(Integer)([]), Map(String, String)({}), "
                 "Environment(a=1), String('a'), Integer(1), 'a')]") ==
        "[True, True, True, True, False, False, False]");
  // Every pystachio value is a Type instance; plain Python values are not.
  CHECK(evaluate("[isinstance(x, Type) for x in (Process(), String('a'), Enum('A', 'B')('A'), 1, 'a')]") ==
        "[True, True, True, False, False]");
}

TEST_CASE("TypeCheck builds check results as pystachio's TypeCheck does") {
  CHECK(evaluate("TypeCheck.success()") == "TypeCheck(OK)");
  CHECK(evaluate("TypeCheck.failure('bad').message()") == "'bad'");
  CHECK(evaluate("TypeCheck(False, 'x')") == "TypeCheck(FAILED): x");
  CHECK(evaluate("isinstance(Integer(1).check(), TypeCheck)") == "True");
  CHECK(evaluate("isinstance(1, TypeCheck)") == "False");
}

TEST_CASE("serialize_type gives the signatures of spec 1.11, Struct fields sorted by name") {
  CHECK(evaluate("String.serialize_type()") == "('String',)");
  CHECK(evaluate("Enum('Color', ('Red', 'Green')).serialize_type()") == "('Enum', 'Color', ('Red', 'Green'))");
  CHECK(evaluate("Choice([Integer, String]).serialize_type()") ==
        "('Choice', 'Choice_Integer_String', (('Integer',), ('String',)))");
  // (field, (required, default.get() or (), default is Empty, type)); a classmethod, so an
  // instance answers the same.
  const std::string process =
      "('Struct', 'Process', (('cmdline', (True, (), True, ('String',))), "
      "('daemon', (False, False, False, ('Boolean',))), ('max_failures', (False, 1, False, ('Integer',))), "
      "('name', (True, (), True, ('String',)))))";
  CHECK(evaluate("Process.serialize_type()") == process);
  CHECK(evaluate("Process(name='p').serialize_type()") == process);
  CHECK(evaluate("Child.serialize_type()") == "('Struct', 'Child', (('value', (False, (), True, ('Integer',))),))");
}

TEST_CASE("TypeFactory rebuilds types from their signatures") {
  CHECK(evaluate("sorted(TypeFactory.load(Process.serialize_type()).keys())") ==
        "['Boolean', 'Integer', 'Process', 'String']");
  CHECK(evaluate("TypeFactory.load(Process.serialize_type())['Process'](name='p', cmdline='c') == "
                 "Process(name='p', cmdline='c')") == "True");
  CHECK(evaluate("TypeFactory.new({}, 'List', ('Integer',))([1, '2'])") == "IntegerList(1, 2)");
  CHECK(evaluate("TypeFactory.new({}, 'Bogus')").rfind("RAISES ValueError: ", 0) == 0);
}

TEST_CASE("find looks a ref up in a Struct, List or Map as interpolation does") {
  CHECK(evaluate("Process(name='p', cmdline='{{name}}').find(Ref.from_address('cmdline'))") == "String(p)");
  CHECK(evaluate("List(String)(['a', 'b']).find(Ref.from_address('[1]'))") == "String(b)");
  CHECK(evaluate("Map(String, Integer)({'k': 3}).find(Ref.from_address('[k]'))") == "Integer(3)");
  CHECK(evaluate("Task(processes=[Process(name='x')]).find(Ref.from_address('processes[0].name'))") == "String(x)");
  CHECK(evaluate("Process().find(Ref.from_address('name'))").rfind("RAISES NotFound: ", 0) == 0);
}

TEST_CASE("json_load reads a Struct from a file object") {
  aurora::config::lang::InterpreterOptions options;
  options.read_file = [](const std::string& path) -> std::optional<std::string> {
    if (path.find("p.json") == std::string::npos) return std::nullopt;
    return std::string(R"({"name": "p", "cmdline": "c", "extra": 1})");
  };
  aurora::config::lang::Interpreter in(options);
  aurora::config::templating::install_pystachio(in);
  in.run_source("schemas.aurora", pystachio_eval::kTestSchemas);
  in.run_source("/cfg/job.aurora",
                "loose = repr(Process.json_load(open('p.json')))\n"
                "try:\n"
                "  Process.json_load(open('p.json'), strict=True)\n"
                "  strict = 'loaded'\n"
                "except AttributeError as e:\n"
                "  strict = str(e)\n");
  CHECK(in.get_global("loose")->as_str() == "Process(cmdline=c,\n        daemon=False,\n        max_failures=1,\n        name=p)");
  CHECK(in.get_global("strict")->as_str() == "Unknown schema attribute extra");
}
