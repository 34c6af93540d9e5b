// Answers that are not what the client asked for: cut off mid-body, an HTML page instead of
// Thrift, no answer at all after the scheduler acted, and answers from a newer scheduler with
// fields and enum values this client does not know.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/faults/fault_cluster.hpp"
#include "tests/integration/jobs/seeded_jobs.hpp"

using namespace aurora;
using namespace aurora::testing;
using nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::set<int32_t> running_instances(const DevclusterServer& server) {
  std::set<int32_t> ids;
  for (const auto& task : SeededCluster(server).tasks("hello", {gen::ScheduleStatus::RUNNING})) {
    ids.insert(task.assignedTask.instanceId);
  }
  return ids;
}

// www-data/prod/hello with instances 0 and 1 running.
void run_hello(FaultCluster& cluster) {
  SeededCluster(cluster.server()).create(service_job("hello", 2));
  SeededCluster(cluster.server()).wait_running("hello", 2);
}

// --- TJSON rewriting: what a newer scheduler could send --------------------------------------

void add_unknown_fields(const std::string& type, json& value);

// Every struct gains fields this client's IDL lacks: a string, a nested struct and a list.
void add_unknown_fields_to_struct(json& fields) {
  for (auto& [id, typed] : fields.items()) {
    for (auto& [type, value] : typed.items()) add_unknown_fields(type, value);
  }
  fields["999"] = {{"str", "added by a newer scheduler"}};
  fields["998"] = {{"rec", {{"1", {{"i32", 7}}}, {"2", {{"str", "nested"}}}}}};
  fields["997"] = {{"lst", json::array({"i64", 2, 1, 2})}};
}

void add_unknown_fields(const std::string& type, json& value) {
  if (type == "rec") {
    add_unknown_fields_to_struct(value);
  } else if (type == "lst" || type == "set") {
    const std::string element = value[0];
    for (size_t i = 2; i < value.size(); ++i) add_unknown_fields(element, value[i]);
  } else if (type == "map") {
    const std::string element = value[1];
    for (auto& [key, entry] : value[3].items()) add_unknown_fields(element, entry);
  }
}

// The Response struct of a TJSON reply: [1, "method", 2, seqid, {"0": {"rec": RESPONSE}}].
json& response_of(json& message) { return message[4]["0"]["rec"]; }

// Elements of a TJSON list or set field.
std::vector<json*> elements(json& field) {
  std::vector<json*> out;
  json& list = field.contains("lst") ? field["lst"] : field["set"];
  for (size_t i = 2; i < list.size(); ++i) out.push_back(&list[i]);
  return out;
}

// Tasks get status 99, a value ScheduleStatus does not have; so does their latest event.
std::string newer_tasks_answer(const std::string& body) {
  json message = json::parse(body);
  json& result = response_of(message)["3"]["rec"]["3"]["rec"];  // scheduleStatusResult
  for (json* task : elements(result["1"])) {
    (*task)["2"] = {{"i32", 99}};
    auto events = elements((*task)["4"]);
    if (!events.empty()) (*events.back())["2"] = {{"i32", 99}};
  }
  add_unknown_fields("rec", response_of(message));
  return message.dump();
}

// Update events get status 99 and instance events action 99.
std::string newer_update_details_answer(const std::string& body) {
  json message = json::parse(body);
  json& result = response_of(message)["3"]["rec"]["24"]["rec"];  // getJobUpdateDetailsResult
  for (json* details : elements(result["2"])) {
    for (json* event : elements((*details)["2"])) (*event)["1"] = {{"i32", 99}};
    for (json* event : elements((*details)["3"])) (*event)["3"] = {{"i32", 99}};
  }
  add_unknown_fields("rec", response_of(message));
  return message.dump();
}

}  // namespace

TEST_CASE("an HTML page instead of Thrift is named as undecodable, exit 20, without retrying") {
  FaultCluster cluster(retrying(1, 5));
  cluster.proxy().inject("getJobs", Fault::garbage());
  const auto result = cluster.aurora({"job", "list", "devcluster/www-data"});
  CHECK(result.exit_code == 20);
  CHECK(contains(result.err,
                 "The scheduler's answer to getJobs could not be decoded: "));
  CHECK(contains(result.err, "(the answer: 89 bytes starting with \"<html><head><title>Sign "
                             "in</title></head...\"; is devcluster's scheduler_uri or ZooKeeper "
                             "path that of an Aurora scheduler?)"));
  CHECK_FALSE(contains(result.err, "retrying"));
  CHECK(cluster.proxy().count("getJobs") == 1);
}

TEST_CASE("an HTML page answering a kill is exit 20, and the message says the kill may have happened") {
  FaultCluster cluster;
  run_hello(cluster);
  cluster.proxy().inject("killTasks", Fault::garbage());
  const auto result = cluster.aurora({"job", "kill", kHello + "/1", "--no-batching"});
  CHECK(result.exit_code == 20);
  CHECK(contains(result.err, "The scheduler's answer to killTasks could not be decoded: "));
  CHECK(contains(result.err, "\nThe scheduler may have carried out killTasks before its answer "
                             "was lost: check with 'aurora job status' before running the "
                             "command again.\n"));
  CHECK(eventually([&] { return running_instances(cluster.server()) == std::set<int32_t>{0}; }));
}

TEST_CASE("a read whose answer is cut off is retried, and succeeds when a whole answer comes") {
  FaultCluster cluster(retrying(1, 10));
  run_hello(cluster);
  cluster.proxy().inject("getJobs", Fault::truncate(), 1);
  const auto result = cluster.aurora({"job", "list", "devcluster/www-data"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == kHello + "\n");
  CHECK(contains(result.err, "WARN] Transport error communicating with scheduler: Unknown error "
                             "talking to " + cluster.proxy().url() + "/api: transfer closed with "));
  CHECK(cluster.proxy().count("getJobs") == 2);
}

TEST_CASE("a read whose answers are always cut off ends at rpc_max_wait_secs with exit 9") {
  FaultCluster cluster(retrying(1, 2));
  cluster.proxy().inject("getJobs", Fault::truncate());
  const auto result = cluster.aurora({"job", "list", "devcluster/www-data"});
  CHECK(result.exit_code == 9);
  CHECK(contains(result.err, "Timed out attempting to issue getJobs to devcluster (retried for 2 "
                             "s, the cluster's rpc_max_wait_secs; last error: Unknown error "
                             "talking to " + cluster.proxy().url() + "/api: transfer closed with "));
  CHECK(cluster.proxy().count("getJobs") <= 4);
}

TEST_CASE("a kill whose answer is cut off or never comes exits 7 and says how to check") {
  FaultCluster cluster;
  run_hello(cluster);
  SUBCASE("cut off") { cluster.proxy().inject("killTasks", Fault::truncate()); }
  SUBCASE("never comes") { cluster.proxy().inject("killTasks", Fault::forward_then_drop()); }
  const auto result = cluster.aurora({"job", "kill", kHello + "/1", "--no-batching"});
  CHECK(result.exit_code == 7);
  CHECK(contains(result.err, "Transport error communicating with scheduler during non-idempotent "
                             "operation: Unknown error talking to " + cluster.proxy().url()));
  CHECK(contains(result.err, "not retrying.\nThe scheduler may have carried out killTasks before "
                             "its answer was lost: check with 'aurora job status' before running "
                             "the command again.\n"));
  CHECK(cluster.proxy().count("killTasks") == 1);
  CHECK(eventually([&] { return running_instances(cluster.server()) == std::set<int32_t>{0}; }));
}

TEST_CASE("job status shows tasks with an unknown status and unknown fields, in text and JSON") {
  FaultCluster cluster(ClientTimings().json());
  run_hello(cluster);
  cluster.proxy().inject("getTasksWithoutConfigs", Fault::rewrite_body(newer_tasks_answer));
  cluster.proxy().inject("getTasksStatus", Fault::rewrite_body(newer_tasks_answer));

  const auto text = cluster.aurora({"job", "status", kHello});
  CHECK(text.exit_code == 0);
  CHECK(contains(text.out, "instance: 0, status: 99 on "));
  CHECK(contains(text.out, "instance: 1, status: 99 on "));
  CHECK(contains(text.out, " 99: "));  // the latest event's status

  const auto as_json = cluster.aurora({"job", "status", kHello, "-o", "json"});
  CHECK(as_json.exit_code == 0);
  const auto doc = json::parse(as_json.out);
  REQUIRE(doc.size() == 1);
  CHECK(doc[0]["job"] == kHello);
  // 99 is in no set of active states, so both tasks count as inactive.
  REQUIRE(doc[0]["inactive"].size() == 2);
  for (const auto& task : doc[0]["inactive"]) CHECK(task["status"] == 99);
  CHECK(cluster.proxy().count("getTasksWithoutConfigs") + cluster.proxy().count("getTasksStatus") >= 2);
}

TEST_CASE("update info shows update events with unknown statuses and actions") {
  DevclusterOptions quick;
  quick.speed = 20;
  FaultCluster cluster(ClientTimings().json(), quick);
  REQUIRE(cluster.create_hello());
  REQUIRE(cluster.aurora({"update", "start", kHello, cluster.hello_config("v2.aurora", 2, "sleep 601"),
                          "--wait"})
              .exit_code == 0);
  const auto list = cluster.aurora({"update", "list", kHello, "-o", "json"});
  REQUIRE(list.exit_code == 0);
  const std::string id = json::parse(list.out).at(0).at("id");
  cluster.proxy().inject("getJobUpdateDetails", Fault::rewrite_body(newer_update_details_answer));
  const auto result = cluster.aurora({"update", "info", kHello, id});
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "Job: " + kHello + ", UpdateID: "));
  CHECK(contains(result.out, "Current status: ROLLED_FORWARD\n"));
  CHECK(contains(result.out, "Update events:\n  Status: 99 at "));
  CHECK(contains(result.out, "Instance events:\n  Instance 0 at "));
  CHECK(contains(result.out, ": 99\n"));
  CHECK_FALSE(contains(result.out, "INSTANCE_UPDATED"));
}
