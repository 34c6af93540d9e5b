// Prints the round-trip cost of one getJobs call over a kept-alive connection and over a new
// connection each time, against a real Thrift HTTP server on 127.0.0.1.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "api/scheduler_connection.hpp"
#include "thrift_test_server.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double median_microseconds(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

aurora::api::HttpTransportOptions options_for(const std::string& url,
                                              aurora::api::WireProtocol protocol) {
  aurora::api::HttpTransportOptions options;
  options.api_url = url;
  options.protocol = protocol;
  options.auth.netrc_file = "/nonexistent/aurora-bench-netrc";
  return options;
}

void measure(aurora::api::WireProtocol protocol, const char* name, int calls) {
  aurora::testing::ThriftTestServer server(protocol);
  std::vector<double> kept_alive;
  {
    aurora::api::SchedulerConnection connection(options_for(server.api_url(), protocol));
    aurora::gen::Response response;
    connection.client().getJobs(response, "warm-up");
    for (int call = 0; call < calls; ++call) {
      const auto start = Clock::now();
      connection.client().getJobs(response, "www-data");
      kept_alive.push_back(
          std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
  }
  std::vector<double> fresh;
  for (int call = 0; call < calls; ++call) {
    const auto start = Clock::now();
    aurora::api::SchedulerConnection connection(options_for(server.api_url(), protocol));
    aurora::gen::Response response;
    connection.client().getJobs(response, "www-data");
    fresh.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  std::printf("%-7s getJobs round trip, median of %d: keep-alive %.0f us, new connection %.0f us "
              "(server accepted %d connections)\n",
              name, calls, median_microseconds(kept_alive), median_microseconds(fresh),
              server.connections_accepted());
}

}  // namespace

int main(int argc, char** argv) {
  const int calls = argc > 1 ? std::max(1, std::atoi(argv[1])) : 500;
  measure(aurora::api::WireProtocol::Binary, "TBinary", calls);
  measure(aurora::api::WireProtocol::Json, "TJSON", calls);
  return 0;
}
