#include "commands/task/sandbox_path.hpp"

#include <vector>

#include "commands/task/remote_values.hpp"
#include "errors/error.hpp"

namespace aurora::commands::task {
namespace {

// One piece of the path: text to quote, or fixed text (separators, globs, constant names) that
// is written as is.
struct Piece {
  std::string text;
  bool quoted;
};

// posixpath.join over pieces: an absolute component drops what came before it; otherwise a '/'
// separates it from a path that does not already end with one.
class PathBuilder {
 public:
  void join(std::vector<Piece> component) {
    std::string text;
    for (const auto& piece : component) text += piece.text;
    if (!text.empty() && text.front() == '/') {
      pieces_.clear();
      plain_.clear();
    } else if (!plain_.empty() && plain_.back() != '/') {
      add({"/", false});
    }
    for (auto& piece : component) add(std::move(piece));
  }

  const std::string& plain() const { return plain_; }

  std::string shell() const {
    std::string out;
    for (const auto& piece : pieces_) {
      out += piece.quoted ? (piece.text.empty() ? "" : shell_quote(piece.text)) : piece.text;
    }
    return out;
  }

 private:
  void add(Piece piece) {
    plain_ += piece.text;
    pieces_.push_back(std::move(piece));
  }
  std::vector<Piece> pieces_;
  std::string plain_;
};

PathBuilder build(const SandboxSettings& settings, const std::string& task_id) {
  PathBuilder path;
  path.join({{settings.slave_root, true}});
  path.join({{"slaves/", false},
             {"*", false},
             {"/frameworks/", false},
             {"*", false},
             {"/executors/", false},
             {"thermos-" + task_id, true},
             {"/runs", false}});
  path.join({{settings.slave_run_directory, true}});
  if (!settings.executor_sandbox) path.join({{"sandbox", false}});
  return path;
}

}  // namespace

SandboxSettings SandboxSettings::of(const clusters::Cluster& cluster, bool executor_sandbox) {
  const std::string where =
      "Cluster " + cluster.name + (cluster.source.empty() ? "" : " (" + cluster.source + ")");
  for (const auto* field : {&cluster.slave_root, &cluster.slave_run_directory}) {
    const std::string name = field == &cluster.slave_root ? "slave_root" : "slave_run_directory";
    if (!field->has_value()) {
      throw Error(ErrorKind::InvalidConfiguration,
                  where + " has no " + name +
                      ": task run, ssh and scp need slave_root and slave_run_directory in "
                      "clusters.json to find task sandboxes");
    }
    // scp's legacy protocol hands the remote path to a shell while its SFTP protocol takes it
    // literally, so no quoting is right for both: such values are refused instead.
    if (!is_safe_path_text(**field)) {
      throw Error(ErrorKind::InvalidConfiguration,
                  where + " has an unsafe " + name + " " + printable(**field) +
                      ": task run, ssh and scp accept only letters, digits and / . _ - + , = @ % "
                      "in slave_root and slave_run_directory");
    }
  }
  return SandboxSettings{*cluster.slave_root, *cluster.slave_run_directory, executor_sandbox};
}

std::string quoted_sandbox(const SandboxSettings& settings, const std::string& task_id) {
  return build(settings, task_id).shell();
}

std::string plain_sandbox(const SandboxSettings& settings, const std::string& task_id) {
  return build(settings, task_id).plain();
}

}  // namespace aurora::commands::task
