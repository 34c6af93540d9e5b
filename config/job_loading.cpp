// Spec 3: evaluate a config, apply --bind, select the job for a key, add the standard bindings.
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "config/config_failure.hpp"
#include "config/job_config.hpp"
#include "config/load_validation.hpp"
#include "config/lang/exceptions.hpp"
#include "config/schema/schema.hpp"
#include "config/template/operations.hpp"
#include "config/template/script_bindings.hpp"
#include "grammars/json_syntax.hpp"

namespace aurora::config {
namespace {

using templating::Data;
using templating::EnvValue;
using templating::Namable;
using templating::NodePtr;
using templating::Ref;

Namable parse_binding(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos) throw Error(ErrorKind::InvalidParameter, "Binding parameter must be formatted name=value");
  Ref name;
  try {
    name = Ref::parse(text.substr(0, eq));
  } catch (const templating::TemplateError&) {
    throw Error(ErrorKind::InvalidParameter, "Could not parse binding parameter " + text);
  }
  return templating::make_environment({{name, EnvValue(text.substr(eq + 1))}});
}

// Where and why `text` is not JSON, for a --read-json file: "PATH:LINE:COLUMN: Unable to parse ...".
std::string json_syntax_error(const std::string& path, const std::string& text) {
  try {
    const auto parsed = nlohmann::json::parse(text);  // throws where the text stops being JSON
    (void)parsed;
  } catch (const nlohmann::json::parse_error& e) {
    auto error = grammars::locate_json_syntax_error(text, e.byte, e.what());
    return path + ":" + std::to_string(error.line) + ":" + std::to_string(error.column) +
           ": Unable to parse the JSON configuration: " + error.reason;
  } catch (const nlohmann::json::exception& e) {  // a number beyond a double, such as 1e400
    const std::string what = e.what();
    return path + ": Unable to parse the JSON configuration: " + what.substr(what.find("] ") + 2);
  }
  return path + ": Unable to parse the JSON configuration";
}

std::vector<NodePtr> jobs_from_json(lang::Interpreter& in, const std::string& path) {
  auto text = in.read_file(path);
  if (!text) fail_loading("[Errno 2] No such file or directory: '" + path + "'");
  Data doc;
  try {
    doc = templating::parse_json(*text);
  } catch (const templating::TemplateError&) {
    fail_loading(json_syntax_error(path, *text));
  }
  if (doc.kind != Data::Kind::Dict)
    fail_loading(path + ": a JSON configuration must be an object: a job, or {\"jobs\": [...]}");
  templating::TypePtr job_type = templating::type_of(*in.get_global("MesosJob"));
  std::vector<NodePtr> jobs;
  if (const Data* list = doc.lookup("jobs")) {
    if (list->kind != Data::Kind::List) fail_loading("'jobs' must be a list");
    for (const auto& j : list->items) jobs.push_back(templating::construct(job_type, j));
  } else {
    jobs.push_back(templating::construct(job_type, doc));
  }
  return jobs;
}

std::vector<NodePtr> jobs_from_file(lang::Interpreter& in, const std::string& path) {
  if (!in.read_file(path)) fail_loading("[Errno 2] No such file or directory: '" + path + "'");
  in.run_file(path);
  auto jobs = in.get_global("jobs");
  std::vector<NodePtr> out;
  if (!jobs || !in.truthy(*jobs)) return out;
  for (const auto& v : in.iterate(*jobs)) {
    NodePtr n = templating::node_of(v);
    if (!n || n->type->kind != templating::Kind::Struct)
      fail_loading("jobs must contain Job objects, got " + in.repr(v));
    out.push_back(n);
  }
  return out;
}

std::string field_text(const NodePtr& job, const char* field) {
  NodePtr v = templating::struct_field(job, field);
  return v ? templating::str(v) : "{MISSING}";
}

std::string candidate(const NodePtr& job) {
  return field_text(job, "cluster") + "/" + field_text(job, "role") + "/" + field_text(job, "environment") + "/" +
         field_text(job, "name");
}

bool selects(const std::optional<std::string>& wanted, const NodePtr& job, const char* field) {
  return !wanted || field_text(job, field) == *wanted;
}

NodePtr pick(const std::vector<NodePtr>& jobs, const JobSelector& key) {
  if (!key.name) {
    if (jobs.size() > 1) fail_loading("Configuration has multiple jobs but no job name specified!");
    return jobs.front();
  }
  std::vector<NodePtr> matches;
  for (const auto& job : jobs) {
    if (selects(key.name, job, "name") && selects(key.cluster, job, "cluster") && selects(key.role, job, "role") &&
        selects(key.env, job, "environment"))
      matches.push_back(job);
  }
  std::string candidates = "Candidates are:";
  for (const auto& job : jobs) candidates += "\n  " + candidate(job);
  if (matches.empty()) {
    std::string message = "Could not find job " + key.str() + "\n";
    for (const auto& job : jobs)
      if (!templating::has_field(job, "environment"))
        message += "Job " + candidate(job) + " in configuration file doesn't specify an environment\n";
    fail_loading(message + candidates);
  }
  if (matches.size() > 1)
    fail_loading("Multiple jobs match, please disambiguate by specifying a job key.\n" + candidates);
  return matches.front();
}

// AuroraConfig's first checks, then mesos.role / mesos.cluster / thermos.user bound client-side.
NodePtr wrap(const NodePtr& job) {
  std::string name = field_text(job, "name");
  for (const char* field : {"cluster", "task", "role"}) {
    if (!templating::has_field(job, field)) {
      std::string label = field;
      label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      fail_invalid(label + " required for job \"" + name + "\"");
    }
  }
  NodePtr task = templating::struct_field(job, "task");
  if (!templating::has_field(task, "processes")) fail_invalid("Processes required for task on job \"" + name + "\"");
  auto standard = templating::make_environment({
      {Ref::parse("mesos.role"), EnvValue(std::string("{{role}}"))},
      {Ref::parse("mesos.cluster"), EnvValue(std::string("{{cluster}}"))},
      {Ref::parse("thermos.user"), EnvValue(std::string("{{role}}"))},
  });
  return templating::bind(job, {standard});
}

// Spec 3.6: every unbound {{docker.image[NAME][TAG]}} of the raw job gets a job-level binding.
NodePtr bind_docker_images(const NodePtr& job, const LoadOptions& options) {
  std::vector<Ref> unbound;
  try {
    unbound = templating::interpolate(job).unbound;
  } catch (const templating::TemplateError&) {
    return job;  // the typecheck that follows reports it with the field's name
  }
  std::vector<std::pair<Ref, EnvValue>> pinned;
  for (const auto& ref : unbound) {
    const auto& c = ref.components;
    if (c.size() != 4 || c[0].value != "docker" || c[1].value != "image" ||
        c[2].kind != templating::RefComponent::Kind::Index || c[3].kind != templating::RefComponent::Kind::Index)
      continue;
    if (!options.resolve_docker_image)
      fail_loading("Cannot resolve " + ref.mustache() + ": resolving Docker image tags needs the cluster's "
                   "docker_registry, which is not available here");
    bool seen = std::any_of(pinned.begin(), pinned.end(), [&](const auto& p) { return p.first == ref; });
    if (seen) continue;
    try {
      pinned.emplace_back(ref, EnvValue(options.resolve_docker_image(c[2].value, c[3].value)));
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Interrupted) throw;
      fail_loading(e.what());  // upstream wraps the registry client's failure the same way
    }
  }
  if (pinned.empty()) return job;
  return templating::bind(job, {templating::make_environment(std::move(pinned))});
}

}  // namespace

std::string JobSelector::str() const {
  auto part = [](const std::optional<std::string>& p) { return p ? *p : std::string("*"); };
  return part(cluster) + "/" + part(role) + "/" + part(env) + "/" + part(name);
}

std::vector<NodePtr> evaluate_jobs(const LoadOptions& options) {
  std::vector<Namable> bindings;
  for (const auto& b : options.bindings) bindings.push_back(parse_binding(b));
  return reporting_template_errors([&] {
    lang::Interpreter in(options.interpreter);
    schema::install_aurora_namespace(in);
    std::vector<NodePtr> jobs;
    try {
      jobs = options.read_json ? jobs_from_json(in, options.config_path) : jobs_from_file(in, options.config_path);
    } catch (const lang::ConfigError& e) {
      fail_loading(e.what());
    } catch (const lang::PyException& e) {
      // Raised by host-side calls (iterating `jobs`) rather than by the config's own code.
      fail_loading(lang::exception_type_name(e.exc) + ": " + in.str(e.exc));
    }
    std::vector<NodePtr> bound;
    for (const auto& job : jobs) bound.push_back(bindings.empty() ? job : templating::bind(job, bindings));
    return bound;
  });
}

LoadedJob load_job(const LoadOptions& options) {
  std::vector<NodePtr> jobs = evaluate_jobs(options);
  if (jobs.empty()) fail_loading("No job defined in this config!");
  return reporting_template_errors([&] {
    LoadedJob loaded;
    loaded.raw = bind_docker_images(wrap(pick(jobs, options.job_key)), options);
    validate_loaded_job(loaded);
    templating::CheckResult check = templating::check(loaded.raw);
    if (!check.ok) fail_loading(check.message);
    return loaded;
  });
}

std::string job_json(const LoadedJob& job) {
  return reporting_template_errors([&] { return templating::json_dumps(job.raw); });
}

std::string job_key_text(const NodePtr& job) {
  return reporting_template_errors([&] { return candidate(job); });
}

std::string local_user() {
  for (const char* var : {"LOGNAME", "USER", "LNAME", "USERNAME"})
    if (const char* v = std::getenv(var); v && *v) return v;
  if (const passwd* pw = getpwuid(getuid())) return pw->pw_name;
  return "";
}

}  // namespace aurora::config
