#pragma once
// .aurora files for the tests that go through the config language (job diff, cron schedule):
// one job, www-data/prod/<name> on devcluster, written into the server's scratch directory.

#include <string>

#include "tests/integration/fixtures/devcluster_server.hpp"

namespace aurora::testing {

struct JobFile {
  std::string name = "hello";
  int instances = 2;
  std::string cmdline = "sleep 600";
  // Empty: a Service. Otherwise a Job run on this cron schedule.
  std::string cron_schedule;
  double cpu = 0.1;
};

// Writes `file` (e.g. "v1.aurora") under the server's scratch directory; returns its path.
std::string write_job_file(const DevclusterServer& server, const std::string& file,
                           const JobFile& job);

}  // namespace aurora::testing
