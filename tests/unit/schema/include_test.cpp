// include() runs another file into the same namespace, relative to the including file.
#include <doctest/doctest.h>

#include <map>

#include "config/lang/interpreter.hpp"
#include "config/schema/schema.hpp"

TEST_CASE("include() resolves paths against the including file's directory") {
  std::map<std::string, std::string> files = {
      {"/cfg/main.aurora", "include('lib/common.aurora')\nresult = shared + 1\n"},
      {"/cfg/lib/common.aurora", "include('base.aurora')\nshared = base * 10\n"},
      {"/cfg/lib/base.aurora", "base = 4\n"},
  };
  aurora::config::lang::InterpreterOptions options;
  options.read_file = [files](const std::string& p) -> std::optional<std::string> {
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  aurora::config::lang::Interpreter in(options);
  aurora::config::schema::install_aurora_namespace(in);
  in.run_file("/cfg/main.aurora");
  CHECK(in.get_global("result")->as_int() == 41);
}
