#include "cli/browser.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <vector>

extern char** environ;

namespace aurora::cli {
namespace {

// Starts `argv` detached (double fork through posix_spawn of a shell-free child is enough here:
// the browser outlives us and we never wait for it beyond the spawn).
bool spawn(std::vector<std::string> argv) {
  if (argv.empty()) return false;
  std::vector<char*> args;
  for (auto& word : argv) args.push_back(word.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", 0, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", 1, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", 1, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0;
}

std::vector<std::string> words_of(const std::string& command, const std::string& url) {
  std::istringstream in(command);
  std::vector<std::string> words;
  std::string word;
  bool substituted = false;
  while (in >> word) {
    const size_t at = word.find("%s");
    if (at != std::string::npos) {
      word.replace(at, 2, url);
      substituted = true;
    }
    words.push_back(word);
  }
  if (!words.empty() && !substituted) words.push_back(url);
  return words;
}

}  // namespace

bool open_in_browser(const std::string& url) {
  if (const char* browsers = std::getenv("BROWSER"); browsers && *browsers) {
    std::istringstream list(browsers);
    std::string command;
    while (std::getline(list, command, ':')) {
      if (spawn(words_of(command, url))) return true;
    }
    return false;
  }
  const bool display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
  return display && spawn({"xdg-open", url});
}

}  // namespace aurora::cli
