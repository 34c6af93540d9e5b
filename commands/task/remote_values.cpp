#include "commands/task/remote_values.hpp"

#include <algorithm>
#include <cctype>

#include "config/template/operations.hpp"
#include "config/template/template_error.hpp"
#include "errors/error.hpp"
#include "grammars/job_key.hpp"

namespace aurora::commands::task {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Letters, digits, '.', '-', '_', starting with a letter or digit.
bool is_plain_name(std::string_view text, size_t max_length) {
  if (text.empty() || text.size() > max_length || !is_ascii_alnum(text.front())) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return is_ascii_alnum(c) || c == '.' || c == '-' || c == '_'; });
}

}  // namespace

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

bool is_safe_host(std::string_view host) { return is_plain_name(host, 253); }

bool is_safe_task_id(std::string_view id) { return is_plain_name(id, 255); }

bool is_safe_path_text(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return is_ascii_alnum(c) || std::string_view("/._-+,=@%").find(c) != std::string_view::npos;
  });
}

bool is_safe_user(std::string_view user) {
  return grammars::is_good_identifier(user) && user.front() != '-';
}

// The value in quotes with anything unprintable escaped, for error messages.
std::string printable(std::string_view text) {
  static const char* hex = "0123456789abcdef";
  std::string out = "'";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f && c != '\\' && c != '\'') {
      out += c;
    } else {
      out += "\\x";
      out += hex[byte >> 4];
      out += hex[byte & 0xf];
    }
  }
  return out + "'";
}

RemoteTask checked_task(const gen::ScheduledTask& task) {
  const auto& assigned = task.assignedTask;
  auto refuse = [&](const std::string& what, const std::string& value) {
    throw Error(ErrorKind::CommandFailure,
                "Refusing to use instance " + std::to_string(assigned.instanceId) +
                    ": the scheduler reported " + what + " " + printable(value) +
                    ", which is not safe to pass to ssh");
  };
  if (!is_safe_task_id(assigned.taskId)) refuse("the task id", assigned.taskId);
  if (!is_safe_host(assigned.slaveHost)) refuse("the host name", assigned.slaveHost);
  if (!is_safe_user(assigned.task.job.role)) refuse("the role", assigned.task.job.role);
  RemoteTask out;
  out.instance = assigned.instanceId;
  out.host = assigned.slaveHost;
  out.task_id = assigned.taskId;
  out.role = assigned.task.job.role;
  out.ports = {assigned.assignedPorts.begin(), assigned.assignedPorts.end()};
  return out;
}

void check_ssh_user(std::string_view user) {
  if (!is_safe_user(user)) {
    throw Error(ErrorKind::InvalidParameter,
                "Invalid ssh user " + printable(user) +
                    ": use letters, digits, '_', '-' and '.', not starting with '-'");
  }
}

std::string interpolate_command(const std::string& command, const RemoteTask& task) {
  namespace tpl = aurora::config::templating;
  std::vector<std::pair<tpl::Ref, tpl::EnvValue>> table;
  try {
    auto ref = [](std::vector<std::pair<tpl::RefComponent::Kind, std::string>> parts) {
      tpl::Ref r;
      for (auto& [kind, value] : parts) r.components.push_back({kind, std::move(value)});
      return r;
    };
    using K = tpl::RefComponent::Kind;
    table.emplace_back(ref({{K::Member, "mesos"}, {K::Member, "instance"}}),
                       std::to_string(task.instance));
    table.emplace_back(ref({{K::Member, "mesos"}, {K::Member, "hostname"}}), task.host);
    table.emplace_back(ref({{K::Member, "thermos"}, {K::Member, "task_id"}}), task.task_id);
    for (const auto& [name, port] : task.ports) {
      table.emplace_back(ref({{K::Member, "thermos"}, {K::Member, "ports"}, {K::Index, name}}),
                         std::to_string(port));
    }
    const tpl::EnvPtr environment = tpl::make_environment(std::move(table));
    return tpl::resolve_text(command, {tpl::Namable(environment)}).first;
  } catch (const tpl::TemplateError& error) {
    throw Error(ErrorKind::InvalidParameter,
                "Cannot substitute the command's {{...}} references: " + std::string(error.what()));
  }
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace aurora::commands::task
