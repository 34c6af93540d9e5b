// TSimpleJSON as upstream writes it (spec cli.md §10): named fields in field-id order (not the
// IDL's declaration order), unset optional fields left out, sets and lists as arrays, maps as
// objects with string keys.
#include <doctest/doctest.h>

#include "api/simple_json.hpp"
#include "aurora_api_types.h"

namespace gen = aurora::gen;
using aurora::api::SimpleJsonOptions;
using aurora::api::to_simple_json_text;

namespace {

gen::AssignedTask assigned_task() {
  gen::AssignedTask task;
  task.taskId = "t-1";
  task.slaveHost = "host";
  task.instanceId = 3;
  task.assignedPorts = {{"http", 31000}, {"admin", 31001}};
  task.task.isService = true;
  task.task.__set_production(false);
  return task;
}

}  // namespace

TEST_CASE("unset optional fields are left out and enums stay numbers by default") {
  gen::TaskQuery query;
  query.__set_role("www-data");
  query.__set_statuses({gen::ScheduleStatus::RUNNING, gen::ScheduleStatus::PENDING});
  CHECK(to_simple_json_text(query) == R"({"statuses":[0,2],"role":"www-data"})");
}

TEST_CASE("enum fields named in the options are written by name, unknown values as numbers") {
  gen::TaskQuery query;
  query.__set_statuses({gen::ScheduleStatus::RUNNING, static_cast<gen::ScheduleStatus::type>(99)});
  SimpleJsonOptions options;
  options.enum_fields = {{"statuses", &gen::_ScheduleStatus_VALUES_TO_NAMES}};
  CHECK(to_simple_json_text(query, options) == R"({"statuses":["RUNNING",99]})");
}

TEST_CASE("map entries become members, their keys strings") {
  gen::TaskQuery query;
  query.__set_instanceIds({4, 1});
  CHECK(to_simple_json_text(query) == R"({"instanceIds":[1,4]})");
  const std::string text = to_simple_json_text(assigned_task());
  CHECK(text.find(R"("assignedPorts":{"admin":31001,"http":31000},"instanceId":3)") !=
        std::string::npos);
}

TEST_CASE("booleans as integers spare the fields listed as literal booleans") {
  SimpleJsonOptions options;
  options.booleans_as_integers = true;
  std::string text = to_simple_json_text(assigned_task(), options);
  CHECK(text.find(R"("isService":1)") != std::string::npos);
  CHECK(text.find(R"("production":0)") != std::string::npos);
  options.literal_boolean_fields = {"isService", "production"};
  text = to_simple_json_text(assigned_task(), options);
  CHECK(text.find(R"("isService":true)") != std::string::npos);
  CHECK(text.find(R"("production":false)") != std::string::npos);
  CHECK(to_simple_json_text(assigned_task()).find(R"("isService":true)") != std::string::npos);
}

TEST_CASE("an enum field inside a list of structs is named in every element") {
  gen::ScheduledTask task;
  task.status = gen::ScheduleStatus::RUNNING;
  gen::TaskEvent first, second;
  first.timestamp = 1;
  first.status = gen::ScheduleStatus::PENDING;
  second.timestamp = 2;
  second.status = gen::ScheduleStatus::RUNNING;
  second.__set_message("up");
  task.taskEvents = {first, second};
  SimpleJsonOptions options;
  options.enum_fields = {{"status", &gen::_ScheduleStatus_VALUES_TO_NAMES}};
  const std::string text = to_simple_json_text(task, options);
  CHECK(text.find(R"("status":"RUNNING","failureCount":0)") != std::string::npos);
  CHECK(text.find(R"("taskEvents":[{"timestamp":1,"status":"PENDING"},)"
                  R"({"timestamp":2,"status":"RUNNING","message":"up"}])") != std::string::npos);
}

TEST_CASE("the document form parses the same text") {
  gen::TaskQuery query;
  query.__set_limit(5);
  const auto doc = aurora::api::to_simple_json(query);
  CHECK(doc.dump() == R"({"limit":5})");
}
