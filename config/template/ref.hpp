#pragma once
// A Pystachio reference address ({{a.b[c]}}): what a mustache names, parsed once and compared cheaply.

#include <string>
#include <string_view>
#include <vector>

namespace aurora::config::templating {

struct RefComponent {
  enum class Kind { Member, Index };
  Kind kind;
  std::string value;
  bool operator==(const RefComponent&) const = default;
};

struct Ref {
  std::vector<RefComponent> components;

  // Ref.from_address: throws TemplateError("InvalidRefError", ...) with pystachio's messages.
  static Ref parse(std::string_view address);
  // The canonical address (leading '.' dropped): a.b[c][0].d
  std::string address() const;
  // {{address}}
  std::string mustache() const { return "{{" + address() + "}}"; }
  bool empty() const { return components.empty(); }
  Ref rest() const;
  Ref tail(size_t from) const;
  bool starts_with(const Ref& prefix) const;
  bool operator==(const Ref&) const = default;
};

}  // namespace aurora::config::templating
