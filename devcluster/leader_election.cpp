#include "devcluster/leader_election.hpp"

#include <zookeeper/zookeeper.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

namespace aurora::devcluster {
namespace {

constexpr const char* kLockMarker = "-lock-";
constexpr const char* kMemberPrefix = "member_";

void global_watcher(zhandle_t*, int type, int state, const char*, void* context) {
  static_cast<LeaderElection*>(context)->on_event(type, state);
}

// The ZooKeeper sequence number at the end of a sequential node's name (-1 if none).
long long sequence_of(const std::string& name) {
  if (name.size() < 10) return -1;
  try {
    return std::stoll(name.substr(name.size() - 10));
  } catch (...) {
    return -1;
  }
}

std::string random_id() {
  std::mt19937_64 random(std::random_device{}());
  const char* hex = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) id += '-';
    id += hex[random() % 16];
  }
  return id;
}

std::vector<std::string> children_of(zhandle_t* zh, const std::string& path, bool watch) {
  String_vector children{};
  std::vector<std::string> names;
  if (zoo_get_children(zh, path.c_str(), watch ? 1 : 0, &children) != ZOK) return names;
  for (int i = 0; i < children.count; ++i) names.emplace_back(children.data[i]);
  deallocate_String_vector(&children);
  return names;
}

}  // namespace

std::string serverset_member_json(const std::string& host, int port) {
  nlohmann::ordered_json endpoint = {{"host", host}, {"port", port}};
  nlohmann::ordered_json member = {{"serviceEndpoint", endpoint},
                                   {"additionalEndpoints", {{"http", endpoint}}},
                                   {"status", "ALIVE"}};
  return member.dump();
}

LeaderElection::LeaderElection(ElectionSettings settings) : settings_(std::move(settings)) {
  zoo_set_debug_level(ZOO_LOG_LEVEL_WARN);
  thread_ = std::thread([this] { run(); });
}

LeaderElection::~LeaderElection() {
  stopping_ = true;
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  close_session();
}

Leadership LeaderElection::leadership() const {
  std::lock_guard lock(mutex_);
  return leadership_;
}

void LeaderElection::on_event(int type, int state) {
  std::lock_guard lock(mutex_);
  if (type == ZOO_SESSION_EVENT) {
    connected_ = state == ZOO_CONNECTED_STATE;
    if (state == ZOO_EXPIRED_SESSION_STATE) session_expired_ = true;
  }
  woken_ = true;
  wake_.notify_all();
}

bool LeaderElection::connect() {
  close_session();
  {
    std::lock_guard lock(mutex_);
    session_expired_ = false;
    connected_ = false;
  }
  zh_ = zookeeper_init(settings_.connect_string.c_str(), global_watcher,
                       settings_.session_timeout_ms, nullptr, this, 0);
  if (zh_ == nullptr) return false;
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, std::chrono::milliseconds(settings_.session_timeout_ms),
                 [this] { return connected_ || stopping_; });
  return connected_;
}

void LeaderElection::close_session() {
  if (zh_ != nullptr) {
    zookeeper_close(zh_);
    zh_ = nullptr;
  }
  lock_node_.clear();
  member_node_.clear();
  std::lock_guard lock(mutex_);
  leadership_ = Leadership{};
}

void LeaderElection::ensure_path() {
  std::string partial;
  std::size_t start = 1;
  while (start <= settings_.path.size()) {
    auto slash = settings_.path.find('/', start);
    if (slash == std::string::npos) slash = settings_.path.size();
    partial = settings_.path.substr(0, slash);
    if (partial.size() > 1) {
      zoo_create(zh_, partial.c_str(), nullptr, -1, &ZOO_OPEN_ACL_UNSAFE, 0, nullptr, 0);
    }
    start = slash + 1;
  }
}

std::string LeaderElection::read_leader_url() {
  std::string lowest;
  for (const auto& name : children_of(zh_, settings_.path, false)) {
    if (name.rfind(kMemberPrefix, 0) != 0) continue;
    if (lowest.empty() || sequence_of(name) < sequence_of(lowest)) lowest = name;
  }
  if (lowest.empty()) return "";
  char data[4096];
  int length = sizeof data;
  if (zoo_get(zh_, (settings_.path + "/" + lowest).c_str(), 0, data, &length, nullptr) != ZOK ||
      length <= 0) {
    return "";
  }
  try {
    auto member = nlohmann::json::parse(std::string(data, static_cast<std::size_t>(length)));
    const auto& endpoints = member.at("additionalEndpoints");
    for (const char* scheme : {"https", "http"}) {
      if (endpoints.contains(scheme)) {
        const auto& endpoint = endpoints.at(scheme);
        return std::string(scheme) + "://" + endpoint.at("host").get<std::string>() + ":" +
               std::to_string(endpoint.at("port").get<int>());
      }
    }
  } catch (const std::exception&) {
  }
  return "";
}

void LeaderElection::elect() {
  if (lock_node_.empty()) {
    std::string prefix = settings_.path + "/_c_" + random_id() + kLockMarker;
    std::string data = settings_.host + ":" + std::to_string(settings_.port);
    char created[1024];
    if (zoo_create(zh_, prefix.c_str(), data.data(), static_cast<int>(data.size()),
                   &ZOO_OPEN_ACL_UNSAFE, ZOO_EPHEMERAL_SEQUENTIAL, created,
                   sizeof created) != ZOK) {
      return;
    }
    lock_node_ = created;
  }
  std::string mine = lock_node_.substr(lock_node_.rfind('/') + 1);
  std::vector<std::string> locks;
  for (const auto& name : children_of(zh_, settings_.path, true)) {
    if (name.find(kLockMarker) != std::string::npos) locks.push_back(name);
  }
  if (std::find(locks.begin(), locks.end(), mine) == locks.end()) {
    lock_node_.clear();  // our lock vanished (session trouble): take a new one next round
    return;
  }
  std::sort(locks.begin(), locks.end(), [](const std::string& a, const std::string& b) {
    return sequence_of(a) < sequence_of(b);
  });
  Leadership now;
  if (locks.front() == mine) {
    if (member_node_.empty()) {
      std::string json = serverset_member_json(settings_.host, settings_.port);
      char created[1024];
      if (zoo_create(zh_, (settings_.path + "/" + kMemberPrefix).c_str(), json.data(),
                     static_cast<int>(json.size()), &ZOO_OPEN_ACL_UNSAFE, ZOO_EPHEMERAL_SEQUENTIAL,
                     created, sizeof created) == ZOK) {
        member_node_ = created;
        std::cerr << "aurora-devcluster: elected leader, announced " << member_node_ << "\n";
      }
    }
    now.role = member_node_.empty() ? Leadership::Role::NoLeader : Leadership::Role::Leader;
  } else {
    auto position = std::find(locks.begin(), locks.end(), mine);
    std::string predecessor = settings_.path + "/" + *(position - 1);
    Stat stat{};
    // Wakes us when the node ahead of ours goes away.
    zoo_exists(zh_, predecessor.c_str(), 1, &stat);
    now.leader_url = read_leader_url();
    now.role = now.leader_url.empty() ? Leadership::Role::NoLeader : Leadership::Role::Follower;
  }
  std::lock_guard lock(mutex_);
  leadership_ = now;
}

void LeaderElection::run() {
  while (!stopping_) {
    bool expired;
    {
      std::lock_guard lock(mutex_);
      expired = session_expired_;
    }
    if (zh_ == nullptr || expired) {
      if (expired) std::cerr << "aurora-devcluster: ZooKeeper session expired, re-electing\n";
      if (!connect()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        continue;
      }
      ensure_path();
    }
    {
      std::lock_guard lock(mutex_);
      woken_ = false;
    }
    elect();
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::seconds(1), [this] { return woken_ || stopping_.load(); });
  }
}

}  // namespace aurora::devcluster
