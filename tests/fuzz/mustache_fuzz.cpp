// Mustache templating: {{ref}} addresses, binding environments and iterative interpolation.
// Input: the template on the first line, then one binding per line, `address=value` (a value may
// itself hold mustaches). Only TemplateError may escape.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config/template/operations.hpp"
#include "config/template/template_error.hpp"

namespace {

using namespace aurora::config::templating;

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (true) {
    const size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) return lines;
    text.remove_prefix(end + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string_view> lines = lines_of(input);
  try {
    // Flat bindings, as Environment(table) holds them, and nested ones, as --bind a.b=c builds.
    std::vector<std::pair<Ref, EnvValue>> table;
    std::vector<std::pair<Data, Data>> nested;
    for (size_t i = 1; i < lines.size(); ++i) {
      const size_t eq = lines[i].find('=');
      if (eq == std::string_view::npos) continue;
      const std::string address(lines[i].substr(0, eq));
      const std::string value(lines[i].substr(eq + 1));
      Ref ref = Ref::parse(address);
      (void)ref.address();
      (void)ref.rest();
      table.emplace_back(std::move(ref), value);
      nested.emplace_back(Data::str(address), Data::str(value));
    }
    std::vector<Namable> scopes{make_environment(std::move(table))};
    const std::string text(lines[0]);
    auto [resolved, unbound] = resolve_text(text, scopes);
    for (const Ref& ref : unbound) (void)ref.mustache();
    (void)resolve_text(text, {make_environment(Data::dict(std::move(nested)))});
  } catch (const TemplateError&) {
  }
  return 0;
}
