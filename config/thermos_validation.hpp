#pragma once
// Spec 4.3-9: the checks the Thermos executor would fail on, run client-side before sending a task.

#include <set>
#include <string>

#include "config/template/model.hpp"

namespace aurora::config {

// `task` is the job's interpolated task; `ports` the port names its processes reference.
// Fails with "The configuration was invalid: Task is invalid: ...".
void validate_thermos_task(const templating::NodePtr& task, const std::set<std::string>& ports);

}  // namespace aurora::config
