// https to the scheduler: verification is on by default, and a cluster's CA file makes a
// self-signed scheduler certificate acceptable.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "api/scheduler_connection.hpp"
#include "api/transport_error.hpp"
#include "thrift_test_server.hpp"

using aurora::api::HttpTransportOptions;
using aurora::api::SchedulerConnection;
using aurora::api::TransportError;
using aurora::api::WireProtocol;
namespace gen = aurora::gen;

namespace {

// A throwaway CA and a certificate it signed for 127.0.0.1, made with the openssl tool.
class TestCertificates {
 public:
  TestCertificates()
      : dir_(std::filesystem::temp_directory_path() /
             ("aurora-tls-test-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir_);
    const std::string d = dir_.string();
    const std::string ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    const std::string script =
        "cd '" + d + "' && "
        "openssl req -x509 " + ec + " -keyout ca.key -out ca.pem -days 1 "
        "-subj '/CN=aurora test CA' && "
        "openssl req " + ec + " -keyout server.key -out server.csr -subj '/CN=127.0.0.1' && "
        "printf 'subjectAltName=IP:127.0.0.1\\n' > san.cnf && "
        "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
        "-out server.pem -days 1 -extfile san.cnf";
    ok_ = std::system(("(" + script + ") >/dev/null 2>&1").c_str()) == 0;
  }
  ~TestCertificates() { std::filesystem::remove_all(dir_); }

  bool ok() const { return ok_; }
  std::filesystem::path ca() const { return dir_ / "ca.pem"; }
  aurora::testing::TlsFiles server() const { return {dir_ / "server.pem", dir_ / "server.key"}; }

 private:
  std::filesystem::path dir_;
  bool ok_ = false;
};

HttpTransportOptions https_options(const std::string& url) {
  // A proxy from the environment must not intercept loopback test servers.
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  HttpTransportOptions options;
  options.api_url = url;
  options.auth.netrc_file = "/nonexistent/aurora-test-netrc";
  return options;
}

}  // namespace

TEST_CASE("https with the cluster's CA file reaches a scheduler with a self-signed certificate") {
  TestCertificates certificates;
  REQUIRE(certificates.ok());
  aurora::testing::ThriftTestServer server(WireProtocol::Binary, certificates.server());
  REQUIRE(server.api_url().rfind("https://", 0) == 0);
  auto options = https_options(server.api_url());
  options.ca_file = certificates.ca();
  SchedulerConnection connection(options);
  gen::Response response;
  connection.client().getJobs(response, "www-data");
  CHECK(response.responseCode == gen::ResponseCode::OK);
  connection.client().getJobs(response, "www-data");
  CHECK(server.connections_accepted() == 1);
}

TEST_CASE("https verification is on by default: an unknown CA is a transport error") {
  TestCertificates certificates;
  REQUIRE(certificates.ok());
  aurora::testing::ThriftTestServer server(WireProtocol::Binary, certificates.server());
  SchedulerConnection connection(https_options(server.api_url()));
  gen::Response response;
  try {
    connection.client().getJobs(response, "www-data");
    FAIL("expected certificate verification to fail");
  } catch (const TransportError& error) {
    CHECK(error.http_status() == 0);
  }
}
