#pragma once
// `aurora job inspect --raw`: the JobConfiguration as the Python 2 client printed it (str() of the
// generated Thrift object), so scripts that read that line keep working.

#include <string>

#include "aurora_api_types.h"

namespace aurora::config {

// One line, `JobConfiguration(instanceCount=1, cronSchedule=None, ...)`: fields in CPython 2.7's
// __dict__ order (spec cli.md Appendix A), unset fields as None, strings that upstream's converter
// took from the configuration as u'...' and the others ('AuroraExecutor', the owner, metadata,
// the executor data) as '...'.  Upstream's order of set elements depended on object addresses;
// we print resources in the order the converter builds them, constraints and metadata sorted,
// and constraint values in CPython 2's set order.
std::string python_repr(const gen::JobConfiguration& config);

}  // namespace aurora::config
