#include "tests/integration/jobs/job_configs.hpp"

#include <sstream>

namespace aurora::testing {

std::string write_job_file(const DevclusterServer& server, const std::string& file,
                           const JobFile& job) {
  std::ostringstream text;
  text << "main = Process(name = 'main', cmdline = '" << job.cmdline << "')\n"
       << "task = SequentialTask(processes = [main], resources = Resources(cpu = " << job.cpu
       << ", ram = 16*MB, disk = 16*MB))\n"
       << "jobs = [" << (job.cron_schedule.empty() ? "Service" : "Job")
       << "(cluster = 'devcluster', role = 'www-data', environment = 'prod', name = '" << job.name
       << "', instances = " << job.instances << ", task = task";
  if (!job.cron_schedule.empty()) text << ", cron_schedule = '" << job.cron_schedule << "'";
  text << ")]\n";
  return server.scratch().write_file(file, text.str()).string();
}

}  // namespace aurora::testing
