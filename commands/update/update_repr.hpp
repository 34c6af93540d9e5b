#pragma once
// CPython 2.7 repr() of the update structs that upstream puts into error messages.

#include <string>
#include <vector>

#include "aurora_api_types.h"

namespace aurora::commands::update {

// Strings read from the wire print as u'...'; those typed on the command line as '...'.
enum class StringOrigin { CommandLine, Wire };

// JobUpdateKey(job=JobKey(environment='prod', role='www-data', name='hello'), id='abc')
std::string python_repr(const gen::JobUpdateKey& key, StringOrigin origin);

// [JobUpdateSummary(state=JobUpdateState(...), user=u'...', key=..., metadata=None), ...]
std::string python_repr(const std::vector<gen::JobUpdateSummary>& summaries);

}  // namespace aurora::commands::update
