#include "config/schema/schema.hpp"

#include "config/template/py2_dict_order.hpp"
#include "config/template/script_bindings.hpp"

namespace aurora::config::schema {
namespace {

using lang::Interpreter;
using lang::Value;

const char* kThermosSchema =
#include "config/schema/thermos_schema.py.inc"
    ;
const char* kAuroraSchema =
#include "config/schema/aurora_schema.py.inc"
    ;
const char* kHelpers =
#include "config/schema/helpers.py.inc"
    ;

// d.items() in the order CPython 2.7 iterates d: upstream's java_options/python_options render a
// dict's flags in that order.
Value py2_dict_items(Interpreter& in, lang::CallArgs& args) {
  if (args.positional.size() != 1 || !args.positional[0].is(lang::Type::Dict))
    in.raise("TypeError", "py2_dict_items() takes a dict");
  const auto* dict = args.positional[0].as<lang::DictObj>();
  auto items = dict->table.items();
  std::vector<int64_t> hashes;
  for (const auto& item : items) hashes.push_back(templating::py2_hash(templating::to_data(in, item.first)));
  std::vector<Value> ordered;
  for (size_t i : templating::py2_insertion_order(hashes, dict->display_size))
    ordered.push_back(lang::make_tuple({items[i].first, items[i].second}));
  return lang::make_list(std::move(ordered));
}

// Helpers are defined in a closure so that their internals never show up in a config's globals.
void install_helpers(Interpreter& in) {
  in.define_native("__py2_dict_items", py2_dict_items);
  in.run_source("<aurora helpers>", kHelpers);
  Value table = *in.get_global("__aurora_helper_table");
  auto helper = [&](const char* name) { return in.getitem(table, Value::str(name)); };
  in.set_global("order", helper("order"));
  in.set_global("combine_tasks", helper("combine_tasks"));
  in.set_global("concat_tasks", helper("concat_tasks"));
  in.set_global("SimpleTask", helper("simple_task"));
  in.set_global("SequentialTask", helper("sequential_task"));
  in.set_global("java_options", helper("java_options"));
  in.set_global("python_options", helper("python_options"));
  in.set_global("Processes", Interpreter::make_module("Processes", {{"order", helper("order")}}));
  in.set_global("Tasks", Interpreter::make_module("Tasks", {
                                                              {"simple", helper("simple_task")},
                                                              {"sequential", helper("sequential")},
                                                              {"combine", helper("combine_tasks")},
                                                              {"concat", helper("concat_tasks")},
                                                          }));
  in.set_global("Units", Interpreter::make_module("Units", {
                                                              {"resources_sum", helper("resources_sum")},
                                                              {"resources_max", helper("resources_max")},
                                                              {"finalization_wait_sum", helper("finalization_wait_sum")},
                                                              {"finalization_wait_max", helper("finalization_wait_max")},
                                                              {"processes_merge", helper("processes_merge")},
                                                              {"constraints_merge", helper("constraints_merge")},
                                                              {"optional_resources", helper("optional_resources")},
                                                          }));
  in.set_global("Options", Interpreter::make_module("Options", {
                                                                  {"java", helper("java_options")},
                                                                  {"python", helper("python_options")},
                                                              }));
  in.run_source("<aurora helpers>", "del __aurora_helper_table, __py2_dict_items\n");
}

}  // namespace

void install_aurora_namespace(Interpreter& in) {
  templating::install_pystachio(in);
  in.run_source("<thermos schema>", kThermosSchema);
  in.run_source("<aurora schema>", kAuroraSchema);
  install_helpers(in);
  in.enable_include();
}

}  // namespace aurora::config::schema
