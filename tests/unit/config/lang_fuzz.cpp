// libFuzzer target: lexer + parser + evaluator on arbitrary bytes, with tight limits.
// Only ConfigError may escape; anything else (a crash, another exception) is a bug.

#include <cstddef>
#include <cstdint>
#include <string>

#include "config/lang/interpreter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aurora::config::lang;
  InterpreterOptions options;
  options.max_steps = 3000;
  options.max_depth = 50;
  options.max_collection_size = 100000;
  options.out = [](std::string_view) {};
  options.err = [](std::string_view) {};
  options.read_file = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  options.environment = std::map<std::string, std::string>{};
  options.user = "fuzz";
  Interpreter interpreter(options);
  try {
    interpreter.run_source("fuzz.aurora", std::string(reinterpret_cast<const char*>(data), size));
  } catch (const ConfigError&) {
  }
  return 0;
}
