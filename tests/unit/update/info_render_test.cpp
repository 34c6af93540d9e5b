// `update info`: upstream's text layout and JSON document.
#include <doctest/doctest.h>

#include "commands/update/update_info_render.hpp"
#include "commands/update/update_repr.hpp"
#include "tests/unit/update/update_builders.hpp"

using namespace aurora::commands::update;
using S = aurora::gen::JobUpdateStatus;
using A = aurora::gen::JobUpdateAction;
using update_test::at;

namespace {

aurora::gen::JobUpdateDetails details_with_events() {
  aurora::gen::JobUpdateDetails details;
  details.update.summary = update_test::summary("id-7", S::ROLLING_FORWARD);
  aurora::gen::JobUpdateEvent started;
  started.status = S::ROLLING_FORWARD;
  started.timestampMs = at();
  started.__set_message("deploying r42");
  aurora::gen::JobUpdateEvent paused;
  paused.status = S::ROLL_FORWARD_PAUSED;
  paused.timestampMs = at(1000);
  details.updateEvents = {started, paused};
  aurora::gen::JobInstanceUpdateEvent updating;
  updating.instanceId = 0;
  updating.timestampMs = at(2000);
  updating.action = A::INSTANCE_UPDATING;
  details.instanceEvents = {updating};
  aurora::gen::Metadata b, a;
  b.key = "b";
  b.value = "2";
  a.key = "a";
  a.value = "1";
  details.update.summary.__set_metadata({b, a});
  return details;
}

}  // namespace

TEST_CASE("the text report lists events, instance events and sorted metadata") {
  CHECK(update_info_text("devcluster/www-data/prod/hello", details_with_events()) ==
        "Job: devcluster/www-data/prod/hello, UpdateID: id-7\n"
        "Started 2026-01-02T03:04:05, last activity: 2026-01-02T03:05:06\n"
        "Current status: ROLLING_FORWARD\n"
        "Update events:\n"
        "  Status: ROLLING_FORWARD at 2026-01-02T03:04:05\n"
        "      message: deploying r42\n"
        "  Status: ROLL_FORWARD_PAUSED at 2026-01-02T03:04:06\n"
        "Instance events:\n"
        "  Instance 0 at 2026-01-02T03:04:07: INSTANCE_UPDATING\n"
        "Metadata:\n"
        "  a: 1\n"
        "  b: 2");
}

TEST_CASE("a report without events or metadata has only the three heading lines") {
  aurora::gen::JobUpdateDetails details;
  details.update.summary = update_test::summary("id-8", S::ROLLED_FORWARD);
  CHECK(update_info_text("c/r/e/n", details) ==
        "Job: c/r/e/n, UpdateID: id-8\n"
        "Started 2026-01-02T03:04:05, last activity: 2026-01-02T03:05:06\n"
        "Current status: ROLLED_FORWARD");
}

TEST_CASE("the JSON document keeps upstream's key order and raw start milliseconds") {
  const auto doc = update_info_json("devcluster/www-data/prod/hello", details_with_events());
  CHECK(doc.dump() ==
        R"({"status":"ROLLING_FORWARD","started":1767323045000,"update_events":[)"
        R"({"status":"ROLLING_FORWARD","message":"deploying r42","timestampMs":1767323045000},)"
        R"({"status":"ROLL_FORWARD_PAUSED","timestampMs":1767323046000}],)"
        R"("job":"devcluster/www-data/prod/hello","last_modified":"2026-01-02T03:05:06",)"
        R"("updateId":"id-7","instance_update_events":[)"
        R"({"action":"INSTANCE_UPDATING","instance":0,"timestamp":1767323047000}],)"
        R"("metadata":[{"a":"1"},{"b":"2"}]})");
}

TEST_CASE("the key in 'There is no update for key' is Python's repr") {
  aurora::gen::JobUpdateKey key;
  key.job.role = "www-data";
  key.job.environment = "prod";
  key.job.name = "hello";
  key.id = "nope";
  CHECK(python_repr(key, StringOrigin::CommandLine) ==
        "JobUpdateKey(job=JobKey(environment='prod', role='www-data', name='hello'), id='nope')");
  CHECK(python_repr(key, StringOrigin::Wire) ==
        "JobUpdateKey(job=JobKey(environment=u'prod', role=u'www-data', name=u'hello'), "
        "id=u'nope')");
}
