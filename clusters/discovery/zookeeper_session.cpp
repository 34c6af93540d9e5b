#include "clusters/discovery/zookeeper_session.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <zookeeper/zookeeper.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>

#include "errors/error.hpp"
#include "errors/interrupt.hpp"

namespace aurora::clusters {

struct ZooKeeperSession::ConnectionState {
  std::mutex mutex;
  std::condition_variable changed;
  int state = 0;
};

namespace {

void on_session_event(zhandle_t*, int type, int state, const char*, void* context) {
  if (type != ZOO_SESSION_EVENT || context == nullptr) return;
  auto* connection = static_cast<ZooKeeperSession::ConnectionState*>(context);
  {
    std::lock_guard lock(connection->mutex);
    connection->state = state;
  }
  connection->changed.notify_all();
}

void discard_log_line(const char*) {}

bool host_resolves(std::string_view host_and_port) {
  const auto colon = host_and_port.rfind(':');
  const std::string host(host_and_port.substr(0, colon));
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* addresses = nullptr;
  if (::getaddrinfo(host.c_str(), nullptr, &hints, &addresses) != 0) return false;
  ::freeaddrinfo(addresses);
  return true;
}

// The hosts of `connect_string` that resolve. Unresolvable ones are dropped up front: the C client
// fails outright when none resolves, and with some it keeps retrying them and takes seconds to
// close.
std::string resolvable_hosts(const std::string& connect_string) {
  std::string kept;
  std::size_t start = 0;
  while (start <= connect_string.size()) {
    const auto comma = std::min(connect_string.find(',', start), connect_string.size());
    const std::string_view host = std::string_view(connect_string).substr(start, comma - start);
    if (!host.empty() && host_resolves(host)) {
      if (!kept.empty()) kept += ",";
      kept += host;
    }
    start = comma + 1;
  }
  if (kept.empty()) {
    throw Error(ErrorKind::Network, "Failed to connect to Zookeeper: none of its hosts resolves (" +
                                        connect_string + ").");
  }
  return kept;
}

[[noreturn]] void throw_operation_error(int rc, std::string_view operation, const std::string& path,
                                        const std::string& connect_string) {
  const std::string detail = std::string(zerror(rc));
  if (rc == ZCONNECTIONLOSS || rc == ZOPERATIONTIMEOUT || rc == ZSESSIONEXPIRED) {
    throw Error(ErrorKind::Network, "Lost the connection to Zookeeper (" + connect_string +
                                        ") while " + std::string(operation) + " " + path + ": " +
                                        detail);
  }
  throw Error(ErrorKind::Network, "Zookeeper (" + connect_string + ") failed " +
                                      std::string(operation) + " " + path + ": " + detail);
}

// "10" for 10 s, "0.5" for 500 ms: how timeouts read in messages.
std::string format_seconds(std::chrono::milliseconds duration) {
  const auto ms = duration.count();
  std::string text = std::to_string(ms / 1000);
  if (ms % 1000 != 0) {
    std::string fraction = std::to_string(1000 + ms % 1000).substr(1);
    while (fraction.back() == '0') fraction.pop_back();
    text += "." + fraction;
  }
  return text;
}

}  // namespace

ZooKeeperSession::ZooKeeperSession(const std::string& connect_string,
                                   const ZooKeeperSessionOptions& options)
    : connect_string_(connect_string), state_(std::make_unique<ConnectionState>()) {
  // The level is process-wide; the per-handle callback below keeps even ERROR lines quiet.
  zoo_set_debug_level(options.verbose ? ZOO_LOG_LEVEL_INFO : ZOO_LOG_LEVEL_ERROR);
  const int timeout_ms = static_cast<int>(options.timeout.count());
  handle_ = zookeeper_init2(resolvable_hosts(connect_string).c_str(), on_session_event, timeout_ms,
                            nullptr, state_.get(), 0, options.verbose ? nullptr : discard_log_line);
  if (handle_ == nullptr) {
    throw Error(ErrorKind::Network, "Failed to connect to Zookeeper at " + connect_string + ": " +
                                        std::strerror(errno));
  }

  // Calls made before the session is connected fail with ZCONNECTIONLOSS, so wait for it, in slices
  // short enough to notice Ctrl-C.
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  std::unique_lock lock(state_->mutex);
  while (state_->state != ZOO_CONNECTED_STATE) {
    if (state_->state == ZOO_EXPIRED_SESSION_STATE || state_->state == ZOO_AUTH_FAILED_STATE) {
      lock.unlock();
      zookeeper_close(handle_);
      throw Error(ErrorKind::Network, "Zookeeper at " + connect_string + " refused the session.");
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline || interrupt::requested()) {
      lock.unlock();
      zookeeper_close(handle_);
      interrupt::check();
      throw Error(ErrorKind::Network, "Failed to connect to Zookeeper within " +
                                          format_seconds(options.timeout) + " seconds. (tried " +
                                          connect_string + ")");
    }
    state_->changed.wait_until(lock, std::min(deadline, now + std::chrono::milliseconds(100)));
  }
}

ZooKeeperSession::~ZooKeeperSession() { zookeeper_close(handle_); }

std::optional<std::vector<std::string>> ZooKeeperSession::children(const std::string& path) {
  String_vector names{};
  const int rc = zoo_get_children(handle_, path.c_str(), 0, &names);
  if (rc == ZNONODE) return std::nullopt;
  if (rc != ZOK) throw_operation_error(rc, "listing", path, connect_string_);
  std::vector<std::string> result(names.data, names.data + names.count);
  deallocate_String_vector(&names);
  return result;
}

std::optional<std::string> ZooKeeperSession::data(const std::string& path) {
  std::string buffer(4096, '\0');
  while (true) {
    int length = static_cast<int>(buffer.size());
    Stat stat{};
    const int rc = zoo_get(handle_, path.c_str(), 0, buffer.data(), &length, &stat);
    if (rc == ZNONODE) return std::nullopt;
    if (rc != ZOK) throw_operation_error(rc, "reading", path, connect_string_);
    if (stat.dataLength > static_cast<int>(buffer.size())) {
      buffer.resize(static_cast<std::size_t>(stat.dataLength));  // grew since; read again
      continue;
    }
    buffer.resize(length < 0 ? 0 : static_cast<std::size_t>(length));
    return buffer;
  }
}

std::string ZooKeeperSession::create(const std::string& path, std::string_view data,
                                     ZnodeMode mode) {
  std::string created(path.size() + 32, '\0');
  const int flags =
      mode == ZnodeMode::EphemeralSequential ? ZOO_EPHEMERAL_SEQUENTIAL : ZOO_PERSISTENT;
  const int rc =
      zoo_create(handle_, path.c_str(), data.data(), static_cast<int>(data.size()),
                 &ZOO_OPEN_ACL_UNSAFE, flags, created.data(), static_cast<int>(created.size()));
  if (rc != ZOK) throw_operation_error(rc, "creating", path, connect_string_);
  created.resize(std::strlen(created.c_str()));
  return created;
}

void ZooKeeperSession::create_recursively(const std::string& path) {
  for (std::size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string prefix = path.substr(0, slash);
    const int rc = zoo_create(handle_, prefix.c_str(), nullptr, -1, &ZOO_OPEN_ACL_UNSAFE,
                              ZOO_PERSISTENT, nullptr, 0);
    if (rc != ZOK && rc != ZNODEEXISTS)
      throw_operation_error(rc, "creating", prefix, connect_string_);
    if (slash == std::string::npos) return;
  }
}

bool ZooKeeperSession::remove(const std::string& path) {
  const int rc = zoo_delete(handle_, path.c_str(), -1);
  if (rc == ZNONODE) return false;
  if (rc != ZOK) throw_operation_error(rc, "deleting", path, connect_string_);
  return true;
}

}  // namespace aurora::clusters
