#include "commands/api_hooks.hpp"

#include "api/scheduler_client.hpp"
#include "api/simple_json.hpp"
#include "config/template/operations.hpp"
#include "errors/error.hpp"
#include "grammars/instance_spec.hpp"
#include "hooks/hook_session.hpp"

namespace aurora::commands {
namespace {

using nlohmann::ordered_json;

bool enables_hooks(const aurora::config::LoadedJob& job) {
  using aurora::config::templating::Data;
  const auto field = aurora::config::templating::struct_field(job.raw, "enable_hooks");
  return field && field->raw.kind == Data::Kind::Bool && field->raw.b;
}

hooks::Environment call_environment(const ApiHookCall& call) {
  return {{"AURORA_API", call.api},
          {"AURORA_CLUSTER", call.job.cluster},
          {"AURORA_ROLE", call.job.role},
          {"AURORA_ENV", call.job.env},
          {"AURORA_JOB_NAME", call.job.name},
          {"AURORA_JOB_KEY", call.job.str()},
          {"AURORA_INSTANCES",
           call.instances ? grammars::format_instances(*call.instances) : std::string()}};
}

ordered_json call_document(const ApiHookCall& call) {
  ordered_json doc;
  doc["api"] = call.api;
  doc["cluster"] = call.job.cluster;
  doc["job_key"] = call.job.str();
  doc["instances"] = call.instances ? ordered_json(*call.instances) : ordered_json();
  doc["arguments"] = call.arguments;
  doc["config"] = call.config ? api::to_simple_json(*call.config) : ordered_json();
  doc["result"] = nullptr;  // set at post_ and err_ points
  return doc;
}

}  // namespace

ApiCallOutcome outcome_of(const gen::Response& response) {
  const auto name = gen::_ResponseCode_VALUES_TO_NAMES.find(response.responseCode);
  ordered_json messages = ordered_json::array();
  for (const auto& detail : response.details) messages.push_back(detail.message);
  ApiCallOutcome outcome;
  outcome.ok = response.responseCode == gen::ResponseCode::OK;
  outcome.result = {{"response_code", name == gen::_ResponseCode_VALUES_TO_NAMES.end()
                                          ? ordered_json(static_cast<int>(response.responseCode))
                                          : ordered_json(name->second)},
                    {"messages", messages}};
  if (!outcome.ok) outcome.result["error"] = api::combine_messages(response);
  return outcome;
}

void refuse_config_hooks(cli::Context& context, const aurora::config::LoadedJob& job,
                         const std::string& api) {
  if (!enables_hooks(job)) return;
  const std::string problem =
      "Job " + aurora::config::job_key_text(job.raw) +
      " sets enable_hooks = True, so its configuration's `hooks` (Python objects) expect to run "
      "around " + api + "; this client cannot run Python hooks.";
  if (context.skip_all_hooks) {
    context.log().warn(problem + " Going on without them (--skip-hooks=all).");
    return;
  }
  throw Error(ErrorKind::InvalidConfiguration,
              problem +
                  "\nMove them to hook executables (in /etc/aurora/hooks.d, ~/.aurora/hooks.d or "
                  "the cluster's hooks_dir; see aurora-hooks(7)) and set enable_hooks = False, "
                  "or pass --skip-hooks=all to run this command without them.");
}

void with_api_hooks(cli::Context& context, const ApiHookCall& call,
                    const std::function<ApiCallOutcome()>& run) {
  const auto session = context.hooks;
  if (!session) {
    run();
    return;
  }
  const hooks::Environment environment = call_environment(call);
  const ordered_json document = call_document(call);
  session->run_pre("pre_" + call.api, "Call to " + call.api, environment, document);
  ApiCallOutcome outcome;
  try {
    outcome = run();
  } catch (const std::exception& e) {
    ordered_json failed = document;
    failed["result"] = {{"response_code", nullptr},
                        {"messages", ordered_json::array()},
                        {"error", *e.what() ? ordered_json(e.what()) : ordered_json()}};
    session->run_after("err_" + call.api, environment, failed);
    throw;
  }
  ordered_json finished = document;
  finished["result"] = outcome.result;
  session->run_after((outcome.ok ? "post_" : "err_") + call.api, environment, finished);
}

gen::Response call_with_api_hooks(cli::Context& context, const ApiHookCall& call,
                                  const std::function<gen::Response()>& run) {
  gen::Response response;
  with_api_hooks(context, call, [&] {
    response = run();
    return outcome_of(response);
  });
  return response;
}

}  // namespace aurora::commands
