#include "cli/context.hpp"

#include "cli/scheduler_access.hpp"

namespace aurora::cli {
namespace {

void print_lines(std::ostream& stream, std::string_view message, int indent) {
  if (indent <= 0) {  // the common case, and large documents: one write
    stream << message << '\n';
    stream.flush();
    return;
  }
  const std::string padding(indent, ' ');
  size_t start = 0;
  while (true) {
    const size_t end = message.find('\n', start);
    stream << padding << message.substr(start, end - start) << '\n';
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  stream.flush();
}

}  // namespace

Context::Context(std::ostream& out, std::ostream& err, bool verbose,
                 clusters::SearchInputs cluster_search)
    : out_(&out),
      err_(&err),
      verbose_(verbose),
      log_(err, verbose ? LogLevel::Debug : LogLevel::Info),
      cluster_search_(std::move(cluster_search)) {}

Context::~Context() = default;

SchedulerAccess& Context::scheduler_access() {
  if (!scheduler_access_) scheduler_access_ = std::make_unique<SchedulerAccess>(log_, verbose_);
  return *scheduler_access_;
}

api::SchedulerClient& Context::scheduler(const clusters::Cluster& cluster) {
  return scheduler_access().client(cluster);
}

std::string Context::display_base_url(const clusters::Cluster& cluster) {
  return scheduler_access().display_base_url(cluster);
}

void Context::print_out(std::string_view message, int indent) { print_lines(*out_, message, indent); }

void Context::print_err(std::string_view message, int indent) { print_lines(*err_, message, indent); }

const clusters::ClusterSet& Context::clusters() {
  if (!clusters_) clusters_ = clusters::load_clusters(clusters::clusters_search_path(cluster_search_));
  return *clusters_;
}

}  // namespace aurora::cli
