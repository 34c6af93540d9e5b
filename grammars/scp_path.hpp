#pragma once
// [CLUSTER/ROLE/ENV/NAME/INSTANCE:]path, one side of `aurora task scp`.

#include <optional>
#include <string>
#include <string_view>

#include "grammars/job_key.hpp"

namespace aurora::grammars {

struct ScpPath {
  std::optional<TaskInstanceKey> task;  // unset: a local path
  std::string path;

  // Splits on the first ':'. A bad task key is an Error of kind InvalidParameter (exit 6).
  static ScpPath parse(std::string_view text);
};

}  // namespace aurora::grammars
