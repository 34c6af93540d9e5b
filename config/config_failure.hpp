#pragma once
// How loading and conversion report a bad configuration: one message style, exit code 3.

#include <string>

#include "errors/error.hpp"

namespace aurora::config {

// "Error loading configuration: <message>"
[[noreturn]] inline void fail_loading(const std::string& message) {
  throw Error(ErrorKind::InvalidConfiguration, "Error loading configuration: " + message);
}
// Upstream's InvalidConfig: "The configuration was invalid: <message>"
[[noreturn]] inline void fail_invalid(const std::string& message) {
  fail_loading("The configuration was invalid: " + message);
}

// Runs fn, turning a templating error (CoercionError, Uninterpolatable...) into fail_loading.
template <class Fn>
auto reporting_template_errors(Fn&& fn) -> decltype(fn());

}  // namespace aurora::config

#include "config/template/template_error.hpp"

namespace aurora::config {
template <class Fn>
auto reporting_template_errors(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const templating::TemplateError& e) {
    fail_loading(e.what());
  }
}
}  // namespace aurora::config
