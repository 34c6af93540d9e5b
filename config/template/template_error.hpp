#pragma once
// The Python exception a templating operation raises, carried through C++ until the bridge re-raises it.

#include <stdexcept>
#include <string>

namespace aurora::config::templating {

class TemplateError : public std::runtime_error {
 public:
  // python_type: "CoercionError", "InvalidRefError", "Uninterpolatable", "AttributeError",
  // "ValueError", "TypeError", "IndexError".
  TemplateError(std::string python_type, const std::string& message)
      : std::runtime_error(message), python_type_(std::move(python_type)) {}
  const std::string& python_type() const { return python_type_; }

 private:
  std::string python_type_;
};

}  // namespace aurora::config::templating
