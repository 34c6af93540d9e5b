#pragma once
// A devcluster with one running job and updates started through its Thrift API, so the update
// verbs can be tested before `update start` exists.

#include <functional>
#include <string>
#include <vector>

#include "aurora_api_types.h"
#include "tests/integration/devcluster/devcluster_client.hpp"
#include "tests/integration/fixtures/devcluster_server.hpp"

namespace update_test {

inline const char* const kJob = "devcluster/www-data/prod/hello";

class SeededCluster {
 public:
  explicit SeededCluster(aurora::testing::DevclusterOptions options = {});

  aurora::testing::DevclusterServer& server() { return server_; }
  aurora::devcluster::testing::DevclusterClient& client() { return client_; }

  // Creates www-data/prod/hello with `instances` instances running `cmdline`.
  void create_job(int instances, const std::string& cmdline = "echo v1");
  // Starts an update of hello to `cmdline`; `adjust` may change the request. Returns its id.
  std::string start_update(int instances, const std::string& cmdline, int watch_ms,
                           const std::function<void(aurora::gen::JobUpdateRequest&)>& adjust = {});
  aurora::gen::JobUpdateSummary summary(const std::string& id);
  aurora::gen::JobUpdateStatus::type status(const std::string& id) {
    return summary(id).state.status;
  }

  ProcessResult aurora(const std::vector<std::string>& args) { return server_.aurora(args); }

 private:
  aurora::testing::DevclusterServer server_;
  aurora::devcluster::testing::DevclusterClient client_;
};

// "YYYY-MM-DDTHH:MM:SS" in UTC, computed here rather than with the client's code.
std::string utc_iso(int64_t milliseconds);

// The lines of a text, without their newlines.
std::vector<std::string> lines_of(const std::string& text);

// Polls `done` every 50 ms for up to 20 s.
bool eventually(const std::function<bool()>& done);

}  // namespace update_test
