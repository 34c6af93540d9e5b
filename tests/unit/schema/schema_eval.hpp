#pragma once
// Evaluates an expression in a config's namespace (spec 2.5): as str(), or its json_dumps().

#include <nlohmann/json.hpp>

#include <string>

#include "config/lang/interpreter.hpp"
#include "config/schema/schema.hpp"

namespace schema_eval {

inline std::string eval_str(const std::string& expression, const std::string& setup = "") {
  aurora::config::lang::Interpreter in;
  aurora::config::schema::install_aurora_namespace(in);
  in.run_source("test.aurora", setup + "\nresult = str(" + expression + ")\n");
  return in.get_global("result")->as_str();
}

inline nlohmann::json eval_json(const std::string& expression, const std::string& setup = "") {
  return nlohmann::json::parse(eval_str("(" + expression + ").json_dumps()", setup));
}

}  // namespace schema_eval
