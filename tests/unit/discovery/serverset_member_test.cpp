#include "clusters/discovery/serverset_member.hpp"

#include <doctest/doctest.h>

#include "errors/error.hpp"

using namespace aurora::clusters;

namespace {

constexpr const char* kZnode = "/aurora/scheduler/member_0000000003";

aurora::ErrorKind error_kind_of(std::string_view json) {
  try {
    parse_serverset_member(json, kZnode);
  } catch (const aurora::Error& error) {
    CHECK(std::string(error.what()).find(kZnode) != std::string::npos);
    return error.kind();
  }
  FAIL("no error");
  return aurora::ErrorKind::Unknown;
}

}  // namespace

TEST_CASE("only member_ children with digits carry a sequence number") {
  CHECK(member_sequence("member_0000000007") == 7u);
  CHECK(member_sequence("member_0000000000") == 0u);
  CHECK(member_sequence("member_4294967296") == 4294967296u);
  CHECK_FALSE(member_sequence("member_"));
  CHECK_FALSE(member_sequence("member_12a"));
  CHECK_FALSE(member_sequence("member_-1"));
  CHECK_FALSE(member_sequence("_c_6f1e0c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6-lock-0000000001"));
  CHECK_FALSE(member_sequence("Member_0000000001"));
}

TEST_CASE("the member with the lowest sequence leads and lock nodes are ignored") {
  const std::vector<std::string> children = {"member_0000000012", "_c_6f1e0c1a-lock-0000000001",
                                             "member_0000000004", "_c_aa-lock-0000000003",
                                             "member_0000000010"};
  CHECK(leading_member(children) == "member_0000000004");
  CHECK_FALSE(leading_member({"_c_6f1e0c1a-lock-0000000001", "leader"}));
  CHECK_FALSE(leading_member({}));
}

TEST_CASE("sequence numbers compare as numbers, not as text") {
  CHECK(leading_member({"member_10", "member_9"}) == "member_9");
}

TEST_CASE("a scheduler's announcement parses into its endpoints") {
  const auto member = parse_serverset_member(
      R"({"serviceEndpoint":{"host":"sched1","port":8081},)"
      R"("additionalEndpoints":{"http":{"host":"sched1","port":8081}},"status":"ALIVE"})",
      kZnode);
  CHECK(member.service_endpoint.host == "sched1");
  CHECK(member.service_endpoint.port == 8081);
  REQUIRE(member.additional_endpoints.count("http") == 1);
  CHECK(member.status == "ALIVE");
  CHECK_FALSE(member.shard);
  CHECK(member_base_url(member) == "http://sched1:8081");
}

TEST_CASE("https is preferred over http, and the service endpoint is the last resort") {
  auto member = parse_serverset_member(
      R"({"serviceEndpoint":{"host":"s","port":1},"additionalEndpoints":)"
      R"({"http":{"host":"s","port":8081},"https":{"host":"s.example.com","port":8443}},)"
      R"("status":"ALIVE","shard":0})",
      kZnode);
  CHECK(member.shard == 0);
  CHECK(member_base_url(member) == "https://s.example.com:8443");
  member.additional_endpoints.clear();
  CHECK(member_base_url(member) == "http://s:1");
}

TEST_CASE("an IPv6 host literal is bracketed in the URL") {
  ServersetMember member;
  member.additional_endpoints["http"] = {"::1", 8081};
  CHECK(member_base_url(member) == "http://[::1]:8081");
}

TEST_CASE("malformed announcements are configuration errors naming the znode") {
  using aurora::ErrorKind;
  CHECK(error_kind_of("127.0.0.1") == ErrorKind::InvalidConfiguration);
  CHECK(error_kind_of("[]") == ErrorKind::InvalidConfiguration);
  CHECK(error_kind_of(R"({"additionalEndpoints":{},"status":"ALIVE"})") ==
        ErrorKind::InvalidConfiguration);
  CHECK(error_kind_of(R"({"serviceEndpoint":{"host":"s","port":"80"},"additionalEndpoints":{},)"
                      R"("status":"ALIVE"})") == ErrorKind::InvalidConfiguration);
  CHECK(error_kind_of(R"({"serviceEndpoint":{"host":"s","port":70000},)"
                      R"("additionalEndpoints":{},"status":"ALIVE"})") ==
        ErrorKind::InvalidConfiguration);
  CHECK(error_kind_of(R"({"serviceEndpoint":{"host":"s","port":80},"status":"ALIVE"})") ==
        ErrorKind::InvalidConfiguration);
  CHECK(error_kind_of(R"({"serviceEndpoint":{"host":"s","port":80},"additionalEndpoints":{}})") ==
        ErrorKind::InvalidConfiguration);
  CHECK(error_kind_of(R"({"serviceEndpoint":{"host":"s","port":80},"additionalEndpoints":{},)"
                      R"("status":"HAPPY"})") == ErrorKind::InvalidConfiguration);
  CHECK(error_kind_of(R"({"serviceEndpoint":{"host":"s","port":80},)"
                      R"("additionalEndpoints":{"http":{"port":80}},"status":"ALIVE"})") ==
        ErrorKind::InvalidConfiguration);
}
