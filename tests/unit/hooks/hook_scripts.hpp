#pragma once
// A temporary directory for hook scripts, removed with its contents when the test ends.

#include <filesystem>
#include <string>
#include <string_view>

namespace aurora::hooks::testing {

class ScriptDir {
 public:
  ScriptDir();
  ~ScriptDir();
  ScriptDir(const ScriptDir&) = delete;
  ScriptDir& operator=(const ScriptDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes "#!/bin/bash\n" + body to path()/relative, executable unless told otherwise.
  std::filesystem::path script(const std::filesystem::path& relative, std::string_view body,
                               bool executable = true) const;
  std::string read(const std::filesystem::path& relative) const;

 private:
  std::filesystem::path path_;
};

}  // namespace aurora::hooks::testing
