// Runs a command N times and prints its median and fastest wall time, its median CPU time (user +
// system, the child's own, from wait4()) and its largest max RSS. Measured with wait4() so no
// shell or timing process adds to the figures.
//
//   bench_measure [--runs N] [--warmup N] [--stdin FILE] -- COMMAND [ARGS...]
//   -> "median_ms=12.34 min_ms=11.02 cpu_ms=10.50 max_rss_kib=8123 failures=0"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Sample {
  double wall_ms;
  double cpu_ms;
  long max_rss_kib;
  bool failed;
};

Sample run_once(char** argv, const char* stdin_path) {
  auto start = std::chrono::steady_clock::now();
  pid_t child = fork();
  if (child == 0) {
    int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, STDOUT_FILENO);
    dup2(null_fd, STDERR_FILENO);
    if (stdin_path != nullptr) {
      int in_fd = open(stdin_path, O_RDONLY);
      if (in_fd >= 0) dup2(in_fd, STDIN_FILENO);
    }
    execvp(argv[0], argv);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  auto end = std::chrono::steady_clock::now();
  auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
  return Sample{std::chrono::duration<double, std::milli>(end - start).count(),
                ms(usage.ru_utime) + ms(usage.ru_stime), usage.ru_maxrss,
                !WIFEXITED(status) || WEXITSTATUS(status) != 0};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 20;
  int warmup = 2;
  const char* stdin_path = nullptr;
  int i = 1;
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--warmup" && i + 1 < argc) {
      warmup = std::max(0, std::atoi(argv[++i]));
    } else if (arg == "--stdin" && i + 1 < argc) {
      stdin_path = argv[++i];
    } else if (arg == "--") {
      ++i;
      break;
    } else {
      std::fprintf(stderr, "bench_measure: unexpected argument %s\n", argv[i]);
      return 2;
    }
  }
  if (i >= argc) {
    std::fprintf(stderr, "usage: bench_measure [--runs N] [--warmup N] -- COMMAND [ARGS...]\n");
    return 2;
  }
  char** command = argv + i;
  for (int w = 0; w < warmup; ++w) run_once(command, stdin_path);
  std::vector<double> times;
  std::vector<double> cpu_times;
  long max_rss = 0;
  int failures = 0;
  for (int r = 0; r < runs; ++r) {
    Sample sample = run_once(command, stdin_path);
    times.push_back(sample.wall_ms);
    cpu_times.push_back(sample.cpu_ms);
    max_rss = std::max(max_rss, sample.max_rss_kib);
    failures += sample.failed ? 1 : 0;
  }
  std::sort(times.begin(), times.end());
  std::printf("median_ms=%.2f min_ms=%.2f cpu_ms=%.2f max_rss_kib=%ld failures=%d\n",
              median(times), times.front(), median(cpu_times), max_rss, failures);
  return failures == 0 ? 0 : 1;
}
