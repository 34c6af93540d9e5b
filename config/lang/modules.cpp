// `import`: host-defined modules first, then the standard modules a configuration may use.

#include <chrono>
#include <climits>
#include <cmath>
#include <filesystem>
#include <unistd.h>
#include <pwd.h>

#include "config/lang/builtins.hpp"
#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"
#include "config/lang/stack_guard.hpp"

extern char** environ;

namespace aurora::config::lang {

Value make_json_module(Interpreter& in);     // module_json.cpp
Value make_re_module(Interpreter& in);       // module_re.cpp
Value make_hashlib_module(Interpreter& in);  // module_hashlib.cpp

namespace {

using Attrs = std::vector<std::pair<std::string, Value>>;

// sys.stdout / sys.stderr: write() goes to the interpreter's output callbacks.
class Stream : public HostObject {
 public:
  explicit Stream(bool is_err) : is_err_(is_err) {}
  std::string type_name() const override { return "file"; }
  std::optional<Value> getattr(Interpreter&, std::string_view name) override {
    bool is_err = is_err_;
    if (name == "write") {
      return Interpreter::make_native("write", [is_err](Interpreter& in, CallArgs& a) {
        expect_args(a, "write", 1, 1);
        const std::string& s = str_arg(a.positional[0], "write");
        (is_err ? in.options().err : in.options().out)(s);
        return Value();
      });
    }
    if (name == "flush") return Interpreter::make_native("flush", [](Interpreter&, CallArgs&) { return Value(); });
    return std::nullopt;
  }

 private:
  bool is_err_;
};

Value native(const char* name, NativeFn fn) { return Interpreter::make_native(name, std::move(fn)); }

std::map<std::string, std::string> environment_of(const Interpreter& in) {
  if (in.options().environment) return *in.options().environment;
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv(*e);
    size_t eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

std::string normpath(const std::string& path) {
  if (path.empty()) return ".";
  bool absolute = path[0] == '/';
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") parts.pop_back();
      else if (!absolute) parts.push_back(part);
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out.empty() ? "." : out;
}

std::string resolve(Interpreter& in, const std::string& p) {
  std::string dir = in.current_directory();
  return p.empty() || p[0] == '/' || dir.empty() ? p : dir + "/" + p;
}

Value make_os_path() {
  Attrs a;
  a.emplace_back("sep", Value::str("/"));
  a.emplace_back("join", native("join", [](Interpreter&, CallArgs& args) {
    expect_args(args, "join", 1, SIZE_MAX);
    std::string out;
    for (const Value& v : args.positional) {
      const std::string& part = str_arg(v, "join");
      if (!part.empty() && part[0] == '/') out = part;
      else if (out.empty() || out.back() == '/') out += part;
      else out += "/" + part;
    }
    return Value::str(out);
  }));
  a.emplace_back("basename", native("basename", [](Interpreter&, CallArgs& args) {
    expect_args(args, "basename", 1, 1);
    const std::string& p = str_arg(args.positional[0], "basename");
    size_t slash = p.rfind('/');
    return Value::str(slash == std::string::npos ? p : p.substr(slash + 1));
  }));
  a.emplace_back("dirname", native("dirname", [](Interpreter&, CallArgs& args) {
    expect_args(args, "dirname", 1, 1);
    const std::string& p = str_arg(args.positional[0], "dirname");
    size_t slash = p.rfind('/');
    if (slash == std::string::npos) return Value::str("");
    std::string head = p.substr(0, slash + 1);
    if (head.find_first_not_of('/') != std::string::npos)
      while (!head.empty() && head.back() == '/') head.pop_back();
    return Value::str(head);
  }));
  a.emplace_back("splitext", native("splitext", [](Interpreter&, CallArgs& args) {
    expect_args(args, "splitext", 1, 1);
    const std::string& p = str_arg(args.positional[0], "splitext");
    size_t slash = p.rfind('/');
    size_t dot = p.rfind('.');
    size_t base = slash == std::string::npos ? 0 : slash + 1;
    size_t first = p.find_first_not_of('.', base);
    if (dot == std::string::npos || dot < base || first == std::string::npos || dot < first)
      return make_tuple({Value::str(p), Value::str("")});
    return make_tuple({Value::str(p.substr(0, dot)), Value::str(p.substr(dot))});
  }));
  a.emplace_back("normpath", native("normpath", [](Interpreter&, CallArgs& args) {
    expect_args(args, "normpath", 1, 1);
    return Value::str(normpath(str_arg(args.positional[0], "normpath")));
  }));
  a.emplace_back("isabs", native("isabs", [](Interpreter&, CallArgs& args) {
    expect_args(args, "isabs", 1, 1);
    const std::string& p = str_arg(args.positional[0], "isabs");
    return Value::boolean(!p.empty() && p[0] == '/');
  }));
  a.emplace_back("abspath", native("abspath", [](Interpreter&, CallArgs& args) {
    expect_args(args, "abspath", 1, 1);
    const std::string& p = str_arg(args.positional[0], "abspath");
    if (!p.empty() && p[0] == '/') return Value::str(normpath(p));
    std::error_code ec;
    std::string cwd = std::filesystem::current_path(ec).string();
    return Value::str(normpath(cwd + "/" + p));
  }));
  a.emplace_back("expanduser", native("expanduser", [](Interpreter& in, CallArgs& args) {
    expect_args(args, "expanduser", 1, 1);
    const std::string& p = str_arg(args.positional[0], "expanduser");
    if (p.empty() || p[0] != '~' || (p.size() > 1 && p[1] != '/')) return Value::str(p);
    auto env = environment_of(in);
    auto home = env.find("HOME");
    return Value::str((home == env.end() ? std::string("/") : home->second) + p.substr(1));
  }));
  auto stat = [](const char* name, int kind) {
    return native(name, [kind, name](Interpreter& in, CallArgs& args) {
      expect_args(args, name, 1, 1);
      std::error_code ec;
      std::filesystem::path p(resolve(in, str_arg(args.positional[0], name)));
      bool r = kind == 0 ? std::filesystem::exists(p, ec)
               : kind == 1 ? std::filesystem::is_regular_file(p, ec)
                           : std::filesystem::is_directory(p, ec);
      return Value::boolean(r);
    });
  };
  a.emplace_back("exists", stat("exists", 0));
  a.emplace_back("isfile", stat("isfile", 1));
  a.emplace_back("isdir", stat("isdir", 2));
  return Interpreter::make_module("os.path", std::move(a));
}

Value make_os(Interpreter& in) {
  Attrs a;
  Value environ_dict = make_dict();
  for (const auto& [k, v] : environment_of(in)) environ_dict.as<DictObj>()->table.set(Value::str(k), Value::str(v));
  a.emplace_back("environ", environ_dict);
  a.emplace_back("getenv", native("getenv", [environ_dict](Interpreter&, CallArgs& args) {
    expect_args(args, "getenv", 1, 2);
    if (const Value* v = environ_dict.as<DictObj>()->table.find(args.positional[0])) return *v;
    return arg_or(args, 1, "default", Value());
  }));
  a.emplace_back("getcwd", native("getcwd", [](Interpreter&, CallArgs&) {
    std::error_code ec;
    return Value::str(std::filesystem::current_path(ec).string());
  }));
  a.emplace_back("path", make_os_path());
  a.emplace_back("sep", Value::str("/"));
  a.emplace_back("pathsep", Value::str(":"));
  a.emplace_back("linesep", Value::str("\n"));
  a.emplace_back("curdir", Value::str("."));
  a.emplace_back("name", Value::str("posix"));
  for (const char* forbidden : {"system", "popen", "remove", "unlink", "mkdir", "makedirs", "rmdir",
                                "rename", "chdir", "kill", "fork", "execv", "execvp", "spawnv",
                                "putenv", "listdir", "walk", "chmod"}) {
    a.emplace_back(forbidden, native(forbidden, [forbidden](Interpreter&, CallArgs&) -> Value {
      throw_py("NotImplementedError", std::string("os.") + forbidden +
                                          "() is not supported: configurations are evaluated hermetically");
    }));
  }
  return Interpreter::make_module("os", std::move(a));
}

std::string current_user(Interpreter& in) {
  if (!in.options().user.empty()) return in.options().user;
  auto env = environment_of(in);
  for (const char* var : {"LOGNAME", "USER", "LNAME", "USERNAME"}) {
    auto it = env.find(var);
    if (it != env.end() && !it->second.empty()) return it->second;
  }
  if (const passwd* pw = getpwuid(getuid())) return pw->pw_name;
  throw_py("KeyError", "getpwuid(): uid not found");
}

Value make_sys() {
  Attrs a;
  a.emplace_back("argv", make_list());
  a.emplace_back("version_info", make_tuple({Value::integer(2), Value::integer(7), Value::integer(18),
                                             Value::str("final"), Value::integer(0)}));
  a.emplace_back("version", Value::str("2.7.18 (aurora config dialect)"));
  a.emplace_back("hexversion", Value::integer(0x020712f0));
  a.emplace_back("platform", Value::str("linux2"));
  a.emplace_back("maxint", Value::integer(INT64_MAX));
  a.emplace_back("maxsize", Value::integer(INT64_MAX));
  a.emplace_back("byteorder", Value::str("little"));
  a.emplace_back("stderr", Value::object(std::make_shared<Stream>(true)));
  a.emplace_back("stdout", Value::object(std::make_shared<Stream>(false)));
  a.emplace_back("exit", native("exit", [](Interpreter&, CallArgs& args) -> Value {
    std::vector<Value> v = args.positional;
    throw PyException{new_exception(builtin_exception_class("SystemExit"), std::move(v)), {}};
  }));
  return Interpreter::make_module("sys", std::move(a));
}

Value make_math() {
  Attrs a;
  a.emplace_back("pi", Value::real(M_PI));
  a.emplace_back("e", Value::real(M_E));
  auto unary = [&](const char* name, double (*f)(double), bool domain_check) {
    a.emplace_back(name, native(name, [f, name, domain_check](Interpreter&, CallArgs& args) {
      expect_args(args, name, 1, 1);
      if (!args.positional[0].is_number()) throw_py("TypeError", "a float is required");
      double r = f(args.positional[0].as_float());
      if (domain_check && std::isnan(r)) throw_py("ValueError", "math domain error");
      return Value::real(r);
    }));
  };
  unary("sqrt", std::sqrt, true);
  unary("floor", std::floor, false);
  unary("ceil", std::ceil, false);
  unary("exp", std::exp, false);
  unary("fabs", std::fabs, false);
  unary("sin", std::sin, false);
  unary("cos", std::cos, false);
  unary("tan", std::tan, false);
  unary("asin", std::asin, true);
  unary("acos", std::acos, true);
  unary("atan", std::atan, false);
  unary("log10", std::log10, true);
  a.emplace_back("log", native("log", [](Interpreter&, CallArgs& args) {
    expect_args(args, "log", 1, 2);
    double x = args.positional[0].as_float();
    if (x <= 0) throw_py("ValueError", "math domain error");
    double r = std::log(x);
    if (args.positional.size() == 2) r /= std::log(args.positional[1].as_float());
    return Value::real(r);
  }));
  auto binary = [&](const char* name, double (*f)(double, double)) {
    a.emplace_back(name, native(name, [f, name](Interpreter&, CallArgs& args) {
      expect_args(args, name, 2, 2);
      return Value::real(f(args.positional[0].as_float(), args.positional[1].as_float()));
    }));
  };
  binary("pow", std::pow);
  binary("atan2", std::atan2);
  binary("hypot", std::hypot);
  binary("fmod", std::fmod);
  a.emplace_back("trunc", native("trunc", [](Interpreter&, CallArgs& args) {
    expect_args(args, "trunc", 1, 1);
    return float_to_integer(args.positional[0].as_float());
  }));
  a.emplace_back("isnan", native("isnan", [](Interpreter&, CallArgs& args) {
    expect_args(args, "isnan", 1, 1);
    return Value::boolean(std::isnan(args.positional[0].as_float()));
  }));
  a.emplace_back("isinf", native("isinf", [](Interpreter&, CallArgs& args) {
    expect_args(args, "isinf", 1, 1);
    return Value::boolean(std::isinf(args.positional[0].as_float()));
  }));
  a.emplace_back("degrees", native("degrees", [](Interpreter&, CallArgs& args) {
    return Value::real(args.positional.at(0).as_float() * 180.0 / M_PI);
  }));
  a.emplace_back("radians", native("radians", [](Interpreter&, CallArgs& args) {
    return Value::real(args.positional.at(0).as_float() * M_PI / 180.0);
  }));
  return Interpreter::make_module("math", std::move(a));
}

Value deep_copy(Interpreter& in, const Value& v, std::unordered_map<const Object*, Value>& memo) {
  check_stack();
  if (!v.object_ptr()) return v;
  auto seen = memo.find(v.object_ptr());
  if (seen != memo.end()) return seen->second;
  switch (v.type()) {
    case Type::List: {
      Value out = make_list();
      memo[v.object_ptr()] = out;
      for (const Value& item : v.as<ListObj>()->items) out.as<ListObj>()->items.push_back(deep_copy(in, item, memo));
      return out;
    }
    case Type::Tuple: {
      std::vector<Value> items;
      for (const Value& item : v.as<TupleObj>()->items) items.push_back(deep_copy(in, item, memo));
      return make_tuple(std::move(items));
    }
    case Type::Dict: {
      Value out = make_dict();
      memo[v.object_ptr()] = out;
      v.as<DictObj>()->table.each([&](const Value& k, const Value& val) {
        out.as<DictObj>()->table.set(deep_copy(in, k, memo), deep_copy(in, val, memo));
      });
      return out;
    }
    case Type::Set: {
      Value out = make_set();
      out.as<SetObj>()->frozen = v.as<SetObj>()->frozen;
      v.as<SetObj>()->table.each([&](const Value& k, const Value&) { out.as<SetObj>()->table.set(k, Value()); });
      return out;
    }
    case Type::Instance: {
      auto inst = std::make_shared<InstanceObj>();
      inst->cls = v.as<InstanceObj>()->cls;
      Value out = Value::object(inst);
      memo[v.object_ptr()] = out;
      for (const auto& [k, val] : v.as<InstanceObj>()->attrs) inst->attrs[k] = deep_copy(in, val, memo);
      return out;
    }
    case Type::Host:
      if (auto copy = v.as<HostObject>()->deep_copy(in)) return *copy;
      return v;
    default:
      return v;
  }
}

Value make_copy() {
  Attrs a;
  a.emplace_back("deepcopy", native("deepcopy", [](Interpreter& in, CallArgs& args) {
    expect_args(args, "deepcopy", 1, 2);
    std::unordered_map<const Object*, Value> memo;
    return deep_copy(in, args.positional[0], memo);
  }));
  a.emplace_back("copy", native("copy", [](Interpreter& in, CallArgs& args) {
    expect_args(args, "copy", 1, 1);
    const Value& v = args.positional[0];
    if (v.is(Type::List)) return make_list(v.as<ListObj>()->items);
    if (v.is(Type::Dict) || v.is(Type::Set)) return in.call_method(v, "copy", args, {});
    if (v.is(Type::Instance)) {
      auto inst = std::make_shared<InstanceObj>(*v.as<InstanceObj>());
      return Value::object(inst);
    }
    return v;
  }));
  return Interpreter::make_module("copy", std::move(a));
}

Value make_time() {
  Attrs a;
  a.emplace_back("time", native("time", [](Interpreter&, CallArgs&) {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return Value::real(std::chrono::duration<double>(now).count());
  }));
  return Interpreter::make_module("time", std::move(a));
}

}  // namespace

Value Interpreter::make_module(std::string name, std::vector<std::pair<std::string, Value>> attrs) {
  auto m = std::make_shared<ModuleObj>();
  m->name = std::move(name);
  for (auto& [k, v] : attrs) m->attrs[k] = std::move(v);
  return Value::object(m);
}

void Interpreter::define_module(const std::string& name, Value module) { modules_[name] = std::move(module); }

Value make_standard_module(Interpreter& in, const std::string& name) {
  if (name == "os") return make_os(in);
  if (name == "sys") return make_sys();
  if (name == "math") return make_math();
  if (name == "copy") return make_copy();
  if (name == "time") return make_time();
  if (name == "json") return make_json_module(in);
  if (name == "re") return make_re_module(in);
  if (name == "hashlib") return make_hashlib_module(in);
  if (name == "getpass") {
    return Interpreter::make_module(
        "getpass", {{"getuser", native("getuser", [](Interpreter& in, CallArgs&) { return Value::str(current_user(in)); })}});
  }
  return Value();
}

Value Interpreter::import_module(const std::string& name, const Location&) {
  auto cached = modules_.find(name);
  if (cached != modules_.end()) return cached->second;
  size_t dot = name.find('.');
  Value mod;
  if (dot != std::string::npos) {
    Value parent = import_module(name.substr(0, dot), {});
    if (auto sub = try_getattr(parent, name.substr(dot + 1)); sub && sub->is(Type::Module)) mod = *sub;
  } else {
    mod = make_standard_module(*this, name);
  }
  if (mod.is_none()) throw_py("ImportError", "import of module '" + name + "' is not supported");
  modules_[name] = mod;
  return mod;
}

}  // namespace aurora::config::lang
