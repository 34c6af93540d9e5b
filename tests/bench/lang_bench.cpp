// Generates a 10,000-line configuration and prints how long the dialect interpreter takes on it.
// Usage: config_lang_bench [lines]   (build with -DCMAKE_BUILD_TYPE=Release for meaningful figures)

#include <chrono>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <string>

#include "config/lang/interpreter.hpp"

namespace {

std::string generate(int lines) {
  std::string src =
      "import os\n"
      "MB = 1024 * 1024\n"
      "GB = 1024 * MB\n"
      "jobs = []\n"
      "class Resources(object):\n"
      "    def __init__(self, cpu, ram, disk):\n"
      "        self.cpu, self.ram, self.disk = cpu, ram, disk\n"
      "    def scaled(self, k):\n"
      "        return Resources(self.cpu * k, self.ram * k, self.disk * k)\n";
  int i = 0;
  // Each block is 10 lines of typical configuration code.
  while (static_cast<int>(std::count(src.begin(), src.end(), '\n')) + 10 <= lines) {
    std::string n = std::to_string(i);
    src += "def make_job_" + n + "(instances=" + std::to_string(i % 5 + 1) + "):\n";
    src += "    name = 'job_%04d' % " + n + "\n";
    src += "    ports = [8000 + p for p in range(3)]\n";
    src += "    env = {'role': 'www-data', 'env': 'prod', 'name': name}\n";
    src += "    cmd = ' && '.join(['echo %s' % s for s in ('fetch', 'unpack', 'run')])\n";
    src += "    return dict(env, instances=instances, ports=ports, cmd=cmd)\n";
    src += "job_" + n + " = make_job_" + n + "()\n";
    src += "jobs.append(job_" + n + ")\n";
    src += "resources_" + n + " = Resources(" + std::to_string(i % 4 + 1) + " * 0.25, " +
           std::to_string(i % 8 + 1) + " * 128 * MB, 2 * GB).scaled(2)\n";
    src += "label_" + n + " = '{{role}}/{{env}}/' + job_" + n + "['name'] if job_" + n +
           "['instances'] > 2 else 'small'.upper()\n";
    ++i;
  }
  while (static_cast<int>(std::count(src.begin(), src.end(), '\n')) < lines) src += "total = len(jobs)\n";
  return src;
}

}  // namespace

int main(int argc, char** argv) {
  int lines = argc > 1 ? std::atoi(argv[1]) : 10000;
  std::string source = generate(lines);
  using namespace aurora::config::lang;
  // Wall time suffers when the machine is loaded; thread CPU time shows the interpreter's own cost.
  auto cpu_ms = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
  };
  double best = 1e9, best_cpu = 1e9;
  for (int run = 0; run < 5; ++run) {
    Interpreter in;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = cpu_ms();
    in.run_source("bench.aurora", source);
    double cpu = cpu_ms() - cpu_start;
    auto end = std::chrono::steady_clock::now();
    double ms = std::chrono::duration<double, std::milli>(end - start).count();
    if (ms < best) best = ms;
    if (cpu < best_cpu) best_cpu = cpu;
    if (run == 0) {
      Value jobs = *in.get_global("jobs");
      std::printf("%d lines, %zu jobs\n", lines, jobs.as<ListObj>()->items.size());
    }
  }
  std::printf("evaluation (parse + run), best of 5: %.1f ms wall, %.1f ms CPU\n", best, best_cpu);
  return 0;
}
