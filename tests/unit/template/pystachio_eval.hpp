#pragma once
// Evaluates a pystachio expression as a config would, with spec 1.13's test schemas defined.

#include <string>

#include "config/lang/interpreter.hpp"
#include "config/template/script_bindings.hpp"

namespace pystachio_eval {

// The structs spec 1.13's vectors use.
inline const char* const kTestSchemas = R"(
class Process(Struct):
  cmdline = Required(String)
  name = Required(String)
  max_failures = Default(Integer, 1)
  daemon = Default(Boolean, False)

class Task(Struct):
  name = Default(String, '{{processes[0].name}}')
  processes = List(Process)

class Child(Struct):
  value = Integer

class Parent(Struct):
  child = Child
  value = Integer

class Grandparent(Struct):
  parent = Parent
  value = Integer

class Profile(Struct):
  version = Required(String)
  environment = Required(String)
  dataset = Default(String, 'hdfs://data/{{environment}}')
)";

// printer(expression) as text, or "RAISES <Type>: <message>".  `setup` runs first.
inline std::string evaluate(const std::string& expression, const std::string& printer = "repr",
                     const std::string& setup = "") {
  aurora::config::lang::Interpreter in;
  aurora::config::templating::install_pystachio(in);
  in.run_source("schemas.aurora", kTestSchemas);
  in.run_source("setup.aurora", setup);
  try {
    in.run_source("vector.aurora", "result = " + printer + "(" + expression + ")\n");
  } catch (const aurora::config::lang::ConfigError& e) {
    return "RAISES " + e.type() + ": " + e.message();
  }
  return in.get_global("result")->as_str();
}

}  // namespace pystachio_eval
