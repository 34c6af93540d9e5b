// The .aurora dialect: lexer, parser and evaluator (with Pystachio installed) on arbitrary text,
// under tight limits. Only ConfigError may escape; a crash or any other exception is a bug.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "config/lang/interpreter.hpp"
#include "config/template/script_bindings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aurora::config::lang;
  InterpreterOptions options;
  options.max_steps = 3000;
  options.max_depth = 50;
  options.max_collection_size = 100'000;
  options.max_memory_bytes = size_t{1} << 30;
  options.out = [](std::string_view) {};
  options.err = [](std::string_view) {};
  // Hermetic: include() and open() see one fixed file, never the fuzzing machine's disk.
  options.read_file = [](const std::string& path) -> std::optional<std::string> {
    if (path.ends_with("included.aurora")) return std::string("included_value = 'x{{a}}'\n");
    return std::nullopt;
  };
  options.environment = std::map<std::string, std::string>{{"HOME", "/home/fuzz"}};
  options.user = "fuzz";
  Interpreter interpreter(options);
  aurora::config::templating::install_pystachio(interpreter);
  interpreter.enable_include();
  try {
    interpreter.run_source("fuzz.aurora", std::string(reinterpret_cast<const char*>(data), size));
  } catch (const ConfigError&) {
  }
  return 0;
}
