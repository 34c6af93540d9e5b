#include "tests/integration/hooks/hooked_cluster.hpp"

#include <fstream>
#include <sstream>

namespace aurora::testing {
namespace {

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

HookedCluster::HookedCluster(DevclusterOptions options)
    : server(std::move(options)),
      system_dir(server.scratch().path() / "system-hooks"),
      user_dir(server.scratch().path() / "home" / ".aurora" / "hooks.d"),
      docs_dir(server.scratch().path() / "docs"),
      log(server.scratch().path() / "hooks.log") {
  std::filesystem::create_directories(system_dir);
  std::filesystem::create_directories(user_dir);
  std::filesystem::create_directories(docs_dir);
}

void HookedCluster::hook(const std::filesystem::path& dir, const std::string& name,
                         const std::string& body) const {
  std::filesystem::create_directories(dir);
  const auto file = dir / name;
  std::ofstream(file) << "#!/bin/bash\n" << body;
  std::filesystem::permissions(file, std::filesystem::perms::owner_all);
}

void HookedCluster::recording_hook(const std::filesystem::path& dir,
                                   const std::string& name) const {
  hook(dir, name,
       "echo \"$AURORA_HOOK_NAME $1 cmd=$AURORA_COMMAND key=$AURORA_JOB_KEY"
       " cluster=$AURORA_CLUSTER role=$AURORA_ROLE env=$AURORA_ENV name=$AURORA_JOB_NAME"
       " inst=$AURORA_INSTANCES exit=$AURORA_EXIT_CODE api=$AURORA_API\" >> '" +
           log.string() + "'\ncat > '" + docs_dir.string() + "'/\"$1\".json\n");
}

std::string recorded(const std::string& name, const std::string& point,
                     const std::string& variables) {
  return name + " " + point + " " + variables;
}

ProcessResult HookedCluster::aurora(std::vector<std::string> args,
                                    std::map<std::string, std::string> env) const {
  env.emplace("AURORA_HOOKS_SYSTEM_DIR", system_dir.string());
  return server.aurora(std::move(args), std::move(env));
}

std::vector<std::string> HookedCluster::log_lines() const {
  std::vector<std::string> lines;
  std::istringstream in(read(log));
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string HookedCluster::doc_text(const std::string& point) const {
  return read(docs_dir / (point + ".json"));
}

std::string HookedCluster::hello_config(const std::string& from, const std::string& to) const {
  std::string config = read(std::string(AURORA_SOURCE_DIR) + "/examples/hello_world.aurora");
  if (!from.empty()) config.replace(config.find(from), from.size(), to);
  return server.scratch().write_file("hello.aurora", config).string();
}

}  // namespace aurora::testing
