#pragma once
// Permissive stand-ins for Pystachio names (Process, Task, Struct, ...) so seed snippets can run
// before the templating library exists. Not Pystachio: fields are recorded, nothing is typed.

#include <string>

#include "config/lang/interpreter.hpp"

namespace aurora::config::lang::testing {

// Defines Process, Task, Job, Struct, Required, Default, String, order, ... and MB/GB as globals.
void install_pystachio_stubs(Interpreter& in);

}  // namespace aurora::config::lang::testing
