#pragma once
// The names a .aurora file starts with (spec 2.5): Pystachio, the Thermos and Aurora schema, helpers.

#include "config/lang/interpreter.hpp"

namespace aurora::config::schema {

// Installs Pystachio, every schema struct with its exact defaults, the helpers (order,
// SequentialTask, Tasks, Units, Options...) and include() into the interpreter's globals.
void install_aurora_namespace(lang::Interpreter& in);

}  // namespace aurora::config::schema
