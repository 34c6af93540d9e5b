#include "hook_scripts.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace aurora::hooks::testing {

ScriptDir::ScriptDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "aurora-hooks-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

ScriptDir::~ScriptDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path ScriptDir::script(const std::filesystem::path& relative,
                                        std::string_view body, bool executable) const {
  const auto file = path_ / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << "#!/bin/bash\n" << body;
  using std::filesystem::perms;
  std::filesystem::permissions(file, executable ? perms::owner_all : perms::owner_read | perms::owner_write);
  return file;
}

std::string ScriptDir::read(const std::filesystem::path& relative) const {
  std::ifstream in(path_ / relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace aurora::hooks::testing
