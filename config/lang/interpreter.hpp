#pragma once
// The public face of the dialect interpreter: run config files, exchange values with C++ code.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/lang/ast.hpp"
#include "config/lang/config_error.hpp"
#include "config/lang/host_object.hpp"
#include "config/lang/value.hpp"

namespace aurora::config::lang {

// Limits and the outside world as a configuration sees it; every field has a usable default.
struct InterpreterOptions {
  uint64_t max_steps = 200'000'000;         // statements + calls: "EvaluationLimitError" (uncatchable)
  int max_depth = 200;                      // nested config function calls: RuntimeError
  size_t max_stack_bytes = 4u << 20;        // native stack a run may use: RuntimeError
  size_t max_collection_size = 20'000'000;  // elements of a list/dict/set, chars of a str: MemoryError
  size_t max_memory_bytes = size_t{2} << 30;  // resident memory, checked on large allocations; 0: off
  // Reads a file for open()/include(); nullopt -> IOError.  Default: the real filesystem.
  std::function<std::optional<std::string>(const std::string& path)> read_file;
  // os.environ / os.getenv; default: the process environment.
  std::optional<std::map<std::string, std::string>> environment;
  std::string user;  // getpass.getuser(); default: $USER, $LOGNAME, then the password database
  std::function<void(std::string_view)> out;  // print; default: stdout
  std::function<void(std::string_view)> err;  // sys.stderr.write; default: stderr
};

// A Python exception travelling through C++ frames; turned into ConfigError at the top.
struct PyException {
  Value exc;  // an instance of an exception class
  std::vector<TraceFrame> trace;  // innermost first
};

// A variable namespace: module globals, a function's locals, or a class body.
struct Scope {
  std::unordered_map<std::string, Value> vars;
  std::shared_ptr<Scope> parent;  // lexically enclosing function scope
  const FunctionDef* fn = nullptr;
  bool is_class = false;
  std::vector<std::string> order;  // class bodies: first-assignment order
};

struct Frame {
  std::shared_ptr<Scope> scope;
  const CodeUnit* unit = nullptr;
  std::string_view function;  // points into the AST or a literal
  Location loc;
  Value return_value;
};

// One evaluation context: a global namespace plus builtins, modules and limits.
//
//   Interpreter in(options);
//   in.set_global("Struct", Value::object(std::make_shared<MyStructType>()));  // a HostObject
//   in.define_native("order", [](Interpreter& in, CallArgs& args) { ...; return Value(); });
//   in.enable_include();
//   in.run_file("hello.aurora");               // throws ConfigError (exit code 3) on any error
//   std::optional<Value> jobs = in.get_global("jobs");
//
// Natives raise Python exceptions with in.raise("ValueError", "..."); a config can catch them.
class Interpreter {
 public:
  explicit Interpreter(InterpreterOptions options = {});
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Evaluate a file (read through options.read_file) or source text in the global namespace.
  void run_file(const std::string& path);
  void run_source(const std::string& path, std::string text);
  // include(path) as the host provides it: relative to the including file, same globals.
  void include_file(const std::string& path);
  // Installs the `include` builtin that calls include_file.
  void enable_include();

  // Globals.
  void set_global(const std::string& name, Value v);
  std::optional<Value> get_global(const std::string& name) const;
  std::vector<std::string> global_names() const;
  // A native builtin function value, and the shortcut that makes it a global.
  static Value make_native(std::string name, NativeFn fn);
  void define_native(const std::string& name, NativeFn fn) { set_global(name, make_native(name, std::move(fn))); }
  // A name visible everywhere (like len) that is not part of the globals a config defines.
  void set_builtin(const std::string& name, Value v) { builtins_[name] = std::move(v); }

  // Modules the host makes importable (`import name`), and a way to build one.
  void define_module(const std::string& name, Value module);
  static Value make_module(std::string name, std::vector<std::pair<std::string, Value>> attrs);

  // Helpers for native code (they follow Python semantics and raise Python exceptions).
  [[noreturn]] void raise(const std::string& exception_type, const std::string& message);
  Value make_exception(const std::string& exception_type, const std::string& message);
  Value call(const Value& callable, CallArgs args);
  Value getattr(const Value& obj, std::string_view name);
  std::optional<Value> try_getattr(const Value& obj, std::string_view name);
  void setattr(const Value& obj, const std::string& name, const Value& v);
  std::string repr(const Value& v);
  std::string str(const Value& v);
  bool truthy(const Value& v);
  bool equals(const Value& a, const Value& b);
  bool less(const Value& a, const Value& b);
  bool contains(const Value& container, const Value& item);
  std::vector<Value> iterate(const Value& iterable);
  Value getitem(const Value& obj, const Value& key);
  void setitem(const Value& obj, const Value& key, const Value& v);
  void delitem(const Value& obj, const Value& key);
  int64_t len(const Value& v);
  Value binary(Op op, const Value& a, const Value& b);
  bool isinstance(const Value& v, const Value& cls);
  Value exception_class(const std::string& name) const;
  void check_size(size_t n);  // MemoryError above options.max_collection_size
  const InterpreterOptions& options() const { return options_; }
  // Directory of the file being evaluated (for open() and include()).
  std::string current_directory() const;
  std::optional<std::string> read_file(const std::string& path);
  // obj.name(*args) without materialising a bound method.
  Value call_method(const Value& obj, const std::string& name, CallArgs& args, const Location& loc = {});
  // Streams the items of an iterable; visit returns false to stop early.
  void for_each(const Value& iterable, const std::function<bool(const Value&)>& visit);
  // The builtin called name (len, sorted, ...), or None.
  Value builtin(const std::string& name) const;

 private:
  friend void install_builtins(Interpreter& in);
  friend void install_type_builtins(Interpreter& in);
  // Pushes a frame for the lifetime of a call or module evaluation.
  struct FramePush {
    Interpreter& in;
    FramePush(Interpreter& i, Frame& f) : in(i) { in.frames_.push_back(&f); }
    ~FramePush() { in.frames_.pop_back(); }
  };

  Value eval(const Expr& e);
  enum class Flow { Normal, Break, Continue, Return };
  Flow exec_body(const Body& body);
  Flow exec(const Stmt& s);
  void assign(const Expr& target, const Value& v);
  Value load_name(const Expr& e);
  Value call_function(FunctionObj& f, CallArgs& args);
  Value make_function(const FunctionDef& def, const Location& loc);
  Value make_class(const Stmt& s);
  Value import_module(const std::string& name, const Location& loc);
  void store_name(const std::string& name, const Value& v);
  void delete_name(const Expr& e);
  void delete_target(const Expr& e);
  Value get_slice(const Value& obj, const Expr& slice);
  void set_slice(const Value& obj, const Expr& slice, const Value& v);
  Value unary(Op op, const Value& v);
  bool compare(Op op, const Value& a, const Value& b);
  Flow exec_try(const Stmt& s);
  void exec_print(const Stmt& s);
  void exec_raise(const Stmt& s);
  Flow exec_with(const Stmt& s);
  void exec_import(const Stmt& s);
  void collect_call_args(const Expr& e, CallArgs& args);
  bool exception_matches(const Value& exc, const Value& spec);
  void run_unit(const std::shared_ptr<CodeUnit>& unit);
  void count_step();
  Frame& frame() { return *frames_.back(); }
  Value eval_comprehension(const Expr& e);
  Value call_value(const Value& f, CallArgs& args, const Location& loc);
  [[noreturn]] void convert_and_throw(PyException& e);
  // Runs native code, turning stray C++ library exceptions into Python ones.
  Value run_native(const NativeFn& fn, CallArgs& args);


  std::shared_ptr<Scope> globals_;
  std::unordered_map<std::string, Value> builtins_;
  std::unordered_map<std::string, Value> modules_;
  std::vector<Frame*> frames_;
  std::vector<std::shared_ptr<CodeUnit>> units_;
  std::vector<std::string> file_stack_;
  InterpreterOptions options_;
  uint64_t steps_ = 0;
  int depth_ = 0;
  Value current_exception_;  // for bare `raise` inside except
  bool softspace_ = false;    // Python 2 `print x,` state
  std::vector<std::weak_ptr<Scope>> captured_scopes_;  // closures, cleared on destruction
};

}  // namespace aurora::config::lang
