#include <doctest/doctest.h>

#include <fstream>
#include <unistd.h>

#include "clusters/cluster_set.hpp"
#include "errors/error.hpp"

using namespace aurora;
using namespace aurora::clusters;
namespace fs = std::filesystem;

namespace {

ClusterSet parse(std::string_view text) {
  ClusterSet set;
  parse_clusters_json(text, "/etc/aurora/clusters.json", set);
  return set;
}

std::string parse_error(std::string_view text) {
  try {
    parse(text);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::InvalidConfiguration);
    return e.what();
  }
  return "no error";
}

struct TempDir {
  fs::path path;
  TempDir() {
    char pattern[] = "/tmp/aurora-clusters-test-XXXXXX";
    path = mkdtemp(pattern);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const fs::path& relative, const std::string& content) const {
    fs::create_directories((path / relative).parent_path());
    std::ofstream(path / relative) << content;
  }
};

}  // namespace

TEST_CASE("search order: config root, then ~/.aurora, then the XDG config home") {
  SearchInputs inputs{"/srv/conf", "/home/u", "/home/u/.xdg"};
  const auto files = clusters_search_path(inputs);
  REQUIRE(files.size() == 3);
  CHECK(files[0] == "/srv/conf/clusters.json");
  CHECK(files[1] == "/home/u/.aurora/clusters.json");
  CHECK(files[2] == "/home/u/.xdg/aurora/clusters.json");
}

TEST_CASE("an unset or empty AURORA_CONFIG_ROOT means /etc/aurora") {
  CHECK(clusters_search_path({std::nullopt, "/h", std::nullopt})[0] == "/etc/aurora/clusters.json");
  CHECK(clusters_search_path({"", "/h", std::nullopt})[0] == "/etc/aurora/clusters.json");
}

TEST_CASE("the XDG config home defaults to ~/.config") {
  CHECK(clusters_search_path({std::nullopt, "/h", std::nullopt})[2] ==
        "/h/.config/aurora/clusters.json");
}

TEST_CASE("a list of clusters gets every documented default") {
  const auto set = parse(R"([{"name": "devcluster", "scheduler_uri": "http://127.0.0.1:8081"}])");
  const Cluster& c = set.get("devcluster");
  CHECK(c.scheduler_uri == "http://127.0.0.1:8081");
  CHECK(c.zk_port == 2181);
  CHECK(c.auth_mechanism == "UNAUTHENTICATED");
  CHECK(c.docker_registry == "https://registry-1.docker.io");
  CHECK_FALSE(c.zk.has_value());
  CHECK_FALSE(c.proxy_url.has_value());
  CHECK_FALSE(c.slave_root.has_value());
  CHECK(c.source == "/etc/aurora/clusters.json");
}

TEST_CASE("every field of the documented table is read") {
  const auto set = parse(R"([{
    "name": "west", "zk": "zk1,zk2", "zk_port": 2182, "scheduler_zk_path": "/aurora/scheduler",
    "scheduler_uri": "http://x:8081", "proxy_url": "https://aurora.example.com",
    "auth_mechanism": "KERBEROS", "slave_root": "/var/lib/mesos",
    "slave_run_directory": "latest", "docker_registry": "https://registry.example.com",
    "protocol": "json", "ca_file": "/etc/ca.pem", "token_file": "/t", "hooks_dir": ["/a", "/b"],
    "something_else": {"kept": true}}])");
  const Cluster& c = set.get("west");
  CHECK(c.zk == "zk1,zk2");
  CHECK(c.zk_port == 2182);
  CHECK(c.scheduler_zk_path == "/aurora/scheduler");
  CHECK(c.proxy_url == "https://aurora.example.com");
  CHECK(c.auth_mechanism == "KERBEROS");
  CHECK(c.slave_root == "/var/lib/mesos");
  CHECK(c.slave_run_directory == "latest");
  CHECK(c.docker_registry == "https://registry.example.com");
  CHECK(c.protocol == "json");
  CHECK(c.ca_file == "/etc/ca.pem");
  CHECK(c.token_file == "/t");
  CHECK(c.hooks_dir == std::vector<std::string>{"/a", "/b"});
  CHECK(c.raw["something_else"]["kept"] == true);
}

TEST_CASE("an object layout uses its values and ignores its keys") {
  const auto set = parse(R"({"ignored": {"name": "east", "zk": "h"}, "x": {"name": "west"}})");
  CHECK(set.names() == std::vector<std::string>{"east", "west"});
}

TEST_CASE("entries without a name are skipped but remembered") {
  const auto set = parse(R"([{"nmae": "typo"}, {"name": "a"}])");
  CHECK(set.names() == std::vector<std::string>{"a"});
  REQUIRE(set.skipped_entries.size() == 1);
  try {
    set.get("typo");
    FAIL("expected an error");
  } catch (const Error& e) {
    const std::string message = e.what();
    CHECK(message.rfind("Unknown cluster: typo\nKnown clusters: a", 0) == 0);
    CHECK(message.find("nmae") != std::string::npos);
  }
}

TEST_CASE("a numeric string zk_port and a numeric name-like string are accepted") {
  const auto set = parse(R"([{"name": "a", "zk_port": "2190", "slave_run_directory": 7}])");
  CHECK(set.get("a").zk_port == 2190);
  CHECK(set.get("a").slave_run_directory == "7");
}

TEST_CASE("a syntax error names the file, line and column") {
  const std::string message = parse_error("[\n  {\"name\": \"a\",}\n]");
  CHECK(message.rfind("/etc/aurora/clusters.json:2:", 0) == 0);
  CHECK(message.find("Unable to parse clusters file") != std::string::npos);
}

TEST_CASE("the trailing comma of the upstream docs example is a located error") {
  const std::string message = parse_error("[{\n\"name\": \"a\",\n\"zk\": \"b\",\n}]");
  CHECK(message.rfind("/etc/aurora/clusters.json:4:", 0) == 0);
}

TEST_CASE("a bad field type names the cluster and the field") {
  CHECK(parse_error(R"([{"name": "a", "zk_port": "abc"}])") ==
        "/etc/aurora/clusters.json: cluster \"a\": field \"zk_port\" must be an integer, got a "
        "string \"abc\"");
  CHECK(parse_error(R"([{"name": "a", "zk": ["x"]}])").find("field \"zk\" must be a string") !=
        std::string::npos);
  CHECK(parse_error(R"([{"name": "a", "protocol": "xml"}])").find("field \"protocol\"") !=
        std::string::npos);
  CHECK(parse_error(R"([{"name": 3}])").find("\"name\" must be a string") != std::string::npos);
}

TEST_CASE("non-object entries and unknown layouts are errors") {
  CHECK(parse_error("[1]") ==
        "/etc/aurora/clusters.json: Clusters must be maps of key/value pairs, got an integer 1");
  CHECK(parse_error("\"text\"").rfind("Unknown layout in /etc/aurora/clusters.json", 0) == 0);
}

TEST_CASE("unknown cluster lists the known ones") {
  const auto set = parse(R"([{"name": "a"}, {"name": "b"}])");
  try {
    set.get("c");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "Unknown cluster: c\nKnown clusters: a b");
    CHECK(e.kind() == ErrorKind::InvalidConfiguration);
  }
}

TEST_CASE("a user file replaces a same-named system entry whole, keeping its place") {
  TempDir dir;
  dir.write("etc/clusters.json",
            R"([{"name": "a", "zk": "sys", "slave_root": "/sys"}, {"name": "b"}])");
  dir.write("home/.aurora/clusters.json", R"([{"name": "a", "scheduler_uri": "http://u"}])");
  const auto set = load_clusters(clusters_search_path(
      {(dir.path / "etc").string(), (dir.path / "home").string(), std::nullopt}));
  CHECK(set.names() == std::vector<std::string>{"a", "b"});
  const Cluster& a = set.get("a");
  CHECK(a.scheduler_uri == "http://u");
  CHECK_FALSE(a.zk.has_value());
  CHECK_FALSE(a.slave_root.has_value());
  CHECK(set.files_read.size() == 2);
}

TEST_CASE("the XDG file is read after ~/.aurora") {
  TempDir dir;
  dir.write("home/.aurora/clusters.json", R"([{"name": "a", "zk": "aurora"}])");
  dir.write("home/.config/aurora/clusters.json", R"([{"name": "a", "zk": "xdg"}])");
  const auto set = load_clusters(
      clusters_search_path({(dir.path / "none").string(), (dir.path / "home").string(), {}}));
  CHECK(set.get("a").zk == "xdg");
}

TEST_CASE("missing files are skipped silently, with none, the error says where it looked") {
  const auto set = load_clusters({"/nonexistent/clusters.json"});
  CHECK(set.all().empty());
  try {
    set.get("x");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "Unknown cluster: x\nNo clusters are configured; looked for /nonexistent/clusters.json");
  }
}

TEST_CASE("retry and ZooKeeper timings have upstream's defaults and can be set per cluster") {
  const auto defaults = parse(R"([{"name": "a"}])");
  CHECK(defaults.get("a").rpc_retry_interval_secs == 5);
  CHECK(defaults.get("a").rpc_max_wait_secs == 600);
  CHECK(defaults.get("a").zk_timeout_secs == 10);
  CHECK(defaults.get("a").rpc_timeout_secs == 120);
  const auto set = parse(
      R"([{"name": "a", "rpc_retry_interval_secs": 1, "rpc_max_wait_secs": 30, "zk_timeout_secs": 3,
           "rpc_timeout_secs": 0}])");
  CHECK(set.get("a").rpc_timeout_secs == 0);
  CHECK(set.get("a").rpc_retry_interval_secs == 1);
  CHECK(set.get("a").rpc_max_wait_secs == 30);
  CHECK(set.get("a").zk_timeout_secs == 3);
  CHECK(parse_error(R"([{"name": "a", "rpc_max_wait_secs": -1}])")
            .find("field \"rpc_max_wait_secs\" must be an integer between 0 and 86400") !=
        std::string::npos);
}
