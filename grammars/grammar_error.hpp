#pragma once
// A command-line value that does not parse; carries both argparse renderings of the failure.

#include <string>
#include <string_view>

#include "errors/error.hpp"

namespace aurora::grammars {

// Python's repr() of a str: 'text', or "text" when it holds a single quote and no double quote.
std::string python_str_repr(std::string_view text);

// Upstream's type functions fail in two ways that argparse prints differently: with a message of
// their own (ArgumentTypeError), or with a generic "invalid <type> value: '<raw>'" (ValueError).
class GrammarError : public Error {
 public:
  // A failure whose own message is shown.
  static GrammarError message(std::string text);
  // A failure shown as "invalid <type_name> value: '<raw>'"; `detail` is what a non-argparse
  // caller (e.g. scp paths) prints instead.
  static GrammarError invalid_value(std::string type_name, std::string_view raw,
                                    std::string detail = {});

  // The text argparse prints after "argument <name>: ".
  const std::string& argparse_text() const { return argparse_text_; }

 private:
  GrammarError(std::string detail, std::string argparse_text);
  std::string argparse_text_;
};

}  // namespace aurora::grammars
