#include "config/lang/interpreter.hpp"

#include <cstdio>
#include <fstream>
#include <unistd.h>
#include <regex>
#include <stdexcept>
#include <sstream>

#include "config/lang/builtins.hpp"
#include "config/lang/exceptions.hpp"
#include "config/lang/parser.hpp"
#include "config/lang/stack_guard.hpp"

namespace aurora::config::lang {
namespace {

TraceFrame trace_of(const Frame& f) {
  TraceFrame t;
  const SourceFile* file = f.loc.file ? f.loc.file : (f.unit ? &f.unit->file : nullptr);
  t.file = file ? file->path : "<string>";
  t.line = f.loc.line;
  t.column = f.loc.column;
  t.function = std::string(f.function);
  if (file) t.source_line = std::string(file->line(f.loc.line));
  return t;
}

std::optional<std::string> read_from_disk(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Interpreter::Interpreter(InterpreterOptions options) : options_(std::move(options)) {
  if (!options_.read_file) options_.read_file = read_from_disk;
  if (!options_.out) options_.out = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); };
  if (!options_.err) options_.err = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stderr); };
  globals_ = std::make_shared<Scope>();
  install_builtins(*this);
  globals_->vars["__name__"] = Value::str("__main__");
}

Interpreter::~Interpreter() {
  // Closures and module functions reference the scopes that hold them; break those cycles.
  for (const auto& weak : captured_scopes_)
    if (auto scope = weak.lock()) scope->vars.clear();
  globals_->vars.clear();
  modules_.clear();
}

Value Interpreter::make_native(std::string name, NativeFn fn) {
  return Value::object(std::make_shared<BuiltinObj>(std::move(name), std::move(fn)));
}

void Interpreter::set_global(const std::string& name, Value v) { globals_->vars[name] = std::move(v); }

std::optional<Value> Interpreter::get_global(const std::string& name) const {
  auto it = globals_->vars.find(name);
  if (it == globals_->vars.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Interpreter::global_names() const {
  std::vector<std::string> names;
  for (const auto& [k, v] : globals_->vars) names.push_back(k);
  return names;
}

void Interpreter::raise(const std::string& exception_type, const std::string& message) {
  throw_py(exception_type, message);
}

Value Interpreter::make_exception(const std::string& exception_type, const std::string& message) {
  return new_exception(builtin_exception_class(exception_type), {Value::str(message)});
}

Value Interpreter::exception_class(const std::string& name) const { return builtin_exception_class(name); }

Value Interpreter::builtin(const std::string& name) const {
  auto it = builtins_.find(name);
  return it == builtins_.end() ? Value() : it->second;
}

namespace {
size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  size_t total = 0, resident = 0;
  if (!(statm >> total >> resident)) return 0;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}
}  // namespace

void Interpreter::check_size(size_t n) {
  if (n >= (size_t{1} << 20) && options_.max_memory_bytes && resident_bytes() > options_.max_memory_bytes) {
    throw_py("MemoryError", "configuration evaluation exceeds the memory limit of " +
                                std::to_string(options_.max_memory_bytes >> 20) + " MB");
  }
  if (n > options_.max_collection_size) {
    throw_py("MemoryError", "value of " + std::to_string(n) +
                                " elements exceeds the configuration size limit of " +
                                std::to_string(options_.max_collection_size));
  }
}

void Interpreter::count_step() {
  if (++steps_ > options_.max_steps) {
    std::vector<TraceFrame> trace;
    for (Frame* f : frames_) trace.push_back(trace_of(*f));
    TraceFrame top = trace.empty() ? TraceFrame{} : trace.back();
    throw ConfigError("EvaluationLimitError",
                      "evaluation step limit of " + std::to_string(options_.max_steps) +
                          " exceeded (infinite loop?)",
                      top.file, top.line, top.column, top.source_line, trace);
  }
}

std::string Interpreter::current_directory() const {
  if (file_stack_.empty()) return "";
  const std::string& path = file_stack_.back();
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::optional<std::string> Interpreter::read_file(const std::string& path) {
  return options_.read_file(path);
}

void Interpreter::run_file(const std::string& path) {
  std::optional<std::string> text = options_.read_file(path);
  if (!text) throw ConfigError("IOError", "cannot read configuration file", path, 0, 0, "", {});
  run_source(path, std::move(*text));
}

void Interpreter::run_source(const std::string& path, std::string text) {
  StackBase base(options_.max_stack_bytes);
  auto unit = parse(path, std::move(text));
  units_.push_back(unit);
  try {
    run_unit(unit);
  } catch (PyException& e) {
    convert_and_throw(e);
  }
}

void Interpreter::run_unit(const std::shared_ptr<CodeUnit>& unit) {
  Frame fr;
  fr.scope = globals_;
  fr.unit = unit.get();
  fr.function = "<module>";
  fr.loc = Location{&unit->file, 1, 1};
  file_stack_.push_back(unit->file.path);
  FramePush guard(*this, fr);
  try {
    exec_body(unit->body);
  } catch (PyException& e) {
    e.trace.push_back(trace_of(fr));
    file_stack_.pop_back();
    throw;
  } catch (...) {
    file_stack_.pop_back();
    throw;
  }
  file_stack_.pop_back();
}

void Interpreter::include_file(const std::string& path) {
  std::string dir = current_directory();
  std::string resolved = (path.empty() || path[0] == '/' || dir.empty()) ? path : dir + "/" + path;
  std::optional<std::string> text = options_.read_file(resolved);
  if (!text) throw_py("IOError", "[Errno 2] No such file or directory: '" + resolved + "'");
  auto unit = parse(resolved, std::move(*text));
  units_.push_back(unit);
  run_unit(unit);
}

void Interpreter::enable_include() {
  define_native("include", [](Interpreter& in, CallArgs& args) {
    if (args.positional.size() != 1 || !args.positional[0].is_str() || !args.keywords.empty())
      throw_py("TypeError", "include() takes exactly one string argument");
    in.include_file(args.positional[0].as_str());
    return Value();
  });
}

void Interpreter::convert_and_throw(PyException& e) {
  std::vector<TraceFrame> trace(e.trace.rbegin(), e.trace.rend());
  TraceFrame where = trace.empty() ? TraceFrame{} : trace.back();
  std::string type = exception_type_name(e.exc);
  std::string message;
  if (e.exc.is(Type::Instance)) {
    const auto& attrs = e.exc.as<InstanceObj>()->attrs;
    auto args = attrs.find("args");
    bool empty = args != attrs.end() && args->second.is(Type::Tuple) &&
                 args->second.as<TupleObj>()->items.empty();
    try {
      message = empty ? "" : str(e.exc);
    } catch (PyException&) {
      message = "<unprintable " + type + " object>";
    }
  } else {
    message = repr(e.exc);
  }
  throw ConfigError(type, message, where.file, where.line, where.column, where.source_line, trace);
}

Value Interpreter::make_function(const FunctionDef& def, const Location&) {
  auto f = std::make_shared<FunctionObj>();
  f->def = &def;
  f->name = def.name;
  for (const auto& p : def.params)
    if (p.default_value) f->defaults.push_back(eval(*p.default_value));
  Scope* s = frame().scope.get();
  if (s->is_class) f->closure = s->parent;
  else if (s != globals_.get()) f->closure = frame().scope;
  if (f->closure) captured_scopes_.push_back(f->closure);
  for (const auto& u : units_)
    if (u.get() == def.unit) f->unit = u;
  return Value::object(f);
}

Value Interpreter::call_function(FunctionObj& f, CallArgs& args) {
  const FunctionDef& def = *f.def;
  count_step();
  check_stack();
  auto scope = std::make_shared<Scope>();
  scope->fn = &def;
  scope->parent = f.closure;
  auto& vars = scope->vars;
  size_t nparams = def.params.size();
  size_t npos = args.positional.size();
  size_t ndefaults = f.defaults.size();
  auto arity_error = [&](size_t given) {
    bool has_defaults = ndefaults > 0;
    size_t expected = has_defaults && given < nparams ? nparams - ndefaults : nparams;
    const char* how = !has_defaults && def.vararg.empty() ? "exactly"
                      : given > nparams                  ? "at most"
                                                         : "at least";
    throw_py("TypeError", def.name + "() takes " + how + " " + std::to_string(expected) +
                              " argument" + (expected == 1 ? "" : "s") + " (" +
                              std::to_string(given) + " given)");
  };
  if (npos > nparams && def.vararg.empty()) arity_error(npos + args.keywords.size());
  for (size_t i = 0; i < nparams && i < npos; ++i) vars[def.params[i].name] = std::move(args.positional[i]);
  if (!def.vararg.empty()) {
    std::vector<Value> rest;
    for (size_t i = nparams; i < npos; ++i) rest.push_back(std::move(args.positional[i]));
    vars[def.vararg] = make_tuple(std::move(rest));
  }
  Value kwdict;
  if (!def.kwarg.empty()) kwdict = make_dict();
  for (auto& [name, value] : args.keywords) {
    bool found = false;
    for (size_t i = 0; i < nparams; ++i) {
      if (def.params[i].name != name) continue;
      found = true;
      if (vars.count(name)) {
        throw_py("TypeError", def.name + "() got multiple values for keyword argument '" + name + "'");
      }
      vars[name] = std::move(value);
      break;
    }
    if (found) continue;
    if (kwdict.is_none()) {
      throw_py("TypeError", def.name + "() got an unexpected keyword argument '" + name + "'");
    }
    kwdict.as<DictObj>()->table.set(Value::str(name), std::move(value));
  }
  if (!kwdict.is_none()) vars[def.kwarg] = kwdict;
  for (size_t i = 0; i < nparams; ++i) {
    if (vars.count(def.params[i].name)) continue;
    size_t first_default = nparams - ndefaults;
    if (i >= first_default) {
      vars[def.params[i].name] = f.defaults[i - first_default];
    } else {
      size_t given = 0;
      for (size_t j = 0; j < nparams; ++j) given += vars.count(def.params[j].name);
      arity_error(npos > given ? npos : given);
    }
  }
  if (depth_ >= options_.max_depth) throw_py("RuntimeError", "maximum recursion depth exceeded");
  Frame fr;
  fr.scope = std::move(scope);
  fr.unit = def.unit;
  fr.function = def.name;
  fr.loc = def.loc;
  FramePush guard(*this, fr);
  ++depth_;
  try {
    Value result;
    if (def.lambda_body) {
      result = eval(*def.lambda_body);
    } else if (exec_body(def.body) == Flow::Return) {
      result = std::move(fr.return_value);
    }
    --depth_;
    return result;
  } catch (PyException& e) {
    --depth_;
    e.trace.push_back(trace_of(fr));
    throw;
  } catch (...) {
    --depth_;
    throw;
  }
}

Value Interpreter::run_native(const NativeFn& fn, CallArgs& args) {
  try {
    return fn(*this, args);
  } catch (const std::bad_alloc&) {
    throw_py("MemoryError", "out of memory");
  } catch (const std::regex_error& e) {
    throw_py("RuntimeError", std::string("regular expression too complex: ") + e.what());
  } catch (const std::out_of_range& e) {
    throw_py("IndexError", e.what());
  } catch (const std::length_error& e) {
    throw_py("MemoryError", e.what());
  } catch (const std::invalid_argument& e) {
    throw_py("ValueError", e.what());
  }
}

Value Interpreter::call(const Value& callable, CallArgs args) {
  StackBase base(options_.max_stack_bytes);
  Location loc = frames_.empty() ? Location{} : frame().loc;
  return call_value(callable, args, loc);
}

Value Interpreter::call_value(const Value& f, CallArgs& args, const Location& loc) {
  switch (f.type()) {
    case Type::Function:
      return call_function(*f.as<FunctionObj>(), args);
    case Type::Builtin: {
      count_step();
      BuiltinObj* b = f.as<BuiltinObj>();
      if (b->has_self) args.self = b->self;
      return run_native(b->fn, args);
    }
    case Type::BoundMethod: {
      BoundMethodObj* m = f.as<BoundMethodObj>();
      args.positional.insert(args.positional.begin(), m->self);
      return call_value(m->func, args, loc);
    }
    case Type::Class: {
      auto cls = std::static_pointer_cast<ClassObj>(f.shared());
      static const ClassObj* base_exception = builtin_exception_class("BaseException").as<ClassObj>();
      Value inst;
      if (cls->is_subclass_of(base_exception)) {
        inst = new_exception(Value::object(cls), args.positional);
      } else {
        auto obj = std::make_shared<InstanceObj>();
        obj->cls = cls;
        inst = Value::object(obj);
      }
      const Value* init = cls->lookup("__init__");
      if (init && !init->is(Type::Builtin)) {
        args.positional.insert(args.positional.begin(), inst);
        Value r = call_value(*init, args, loc);
        if (!r.is_none()) throw_py("TypeError", "__init__() should return None");
      } else if (!cls->builtin_exception && !cls->is_subclass_of(base_exception) &&
                 (!args.positional.empty() || !args.keywords.empty())) {
        throw_py("TypeError", "this constructor takes no arguments");
      }
      return inst;
    }
    case Type::Instance: {
      if (auto call = try_getattr(f, "__call__")) return call_value(*call, args, loc);
      break;
    }
    case Type::Host: {
      count_step();
      if (auto r = f.as<HostObject>()->call(*this, args)) return *r;
      break;
    }
    default:
      break;
  }
  throw_py("TypeError", "'" + type_name(f) + "' object is not callable");
}

Value Interpreter::make_class(const Stmt& s) {
  std::vector<Value> bases;
  for (const auto& b : s.bases) bases.push_back(eval(*b));
  auto scope = std::make_shared<Scope>();
  scope->is_class = true;
  Scope* current = frame().scope.get();
  if (current != globals_.get()) scope->parent = current->is_class ? current->parent : frame().scope;
  std::shared_ptr<Scope> saved = frame().scope;
  frame().scope = scope;
  try {
    scope->vars["__module__"] = Value::str("__main__");
    exec_body(s.body);
  } catch (...) {
    frame().scope = saved;
    throw;
  }
  frame().scope = saved;
  frame().loc = s.loc;
  std::vector<std::pair<std::string, Value>> body;
  for (const std::string& name : scope->order) {
    auto it = scope->vars.find(name);
    if (it != scope->vars.end()) body.emplace_back(name, it->second);
  }
  for (const Value& b : bases) {
    if (!b.is(Type::Host)) continue;
    if (auto r = b.as<HostObject>()->make_subclass(*this, s.name, body)) return *r;
    throw_py("TypeError", "cannot subclass '" + type_name(b) + "'");
  }
  auto cls = std::make_shared<ClassObj>();
  cls->name = s.name;
  for (const Value& b : bases) {
    if (b.is(Type::Class)) {
      cls->bases.push_back(b);
      cls->new_style = cls->new_style || b.as<ClassObj>()->new_style;
    } else if (b.is(Type::Builtin) && b.as<BuiltinObj>()->name == "object") {
      cls->new_style = true;
    } else {
      throw_py("TypeError", "Error when calling the metaclass bases: cannot subclass '" +
                                type_name(b) + "'");
    }
  }
  cls->attrs = std::move(body);
  return Value::object(cls);
}

}  // namespace aurora::config::lang
