#include "grammars/grammar_error.hpp"
#include "grammars/scp_path.hpp"

namespace aurora::grammars {

ScpPath ScpPath::parse(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return ScpPath{std::nullopt, std::string(text)};
  try {
    return ScpPath{TaskInstanceKey::parse(text.substr(0, colon)),
                   std::string(text.substr(colon + 1))};
  } catch (const GrammarError& e) {
    throw Error(ErrorKind::InvalidParameter, e.what());
  }
}

}  // namespace aurora::grammars
