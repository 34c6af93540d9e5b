#include "config/lang/exceptions.hpp"

#include <memory>
#include <unordered_map>

#include "config/lang/interpreter.hpp"

namespace aurora::config::lang {
namespace {

struct ExceptionTable {
  std::vector<std::pair<std::string, Value>> ordered;
  std::unordered_map<std::string, Value> by_name;

  ExceptionTable() {
    static const std::pair<const char*, const char*> hierarchy[] = {
        {"BaseException", ""},
        {"SystemExit", "BaseException"},
        {"KeyboardInterrupt", "BaseException"},
        {"GeneratorExit", "BaseException"},
        {"Exception", "BaseException"},
        {"StopIteration", "Exception"},
        {"StandardError", "Exception"},
        {"ArithmeticError", "StandardError"},
        {"ZeroDivisionError", "ArithmeticError"},
        {"OverflowError", "ArithmeticError"},
        {"FloatingPointError", "ArithmeticError"},
        {"AssertionError", "StandardError"},
        {"AttributeError", "StandardError"},
        {"EnvironmentError", "StandardError"},
        {"IOError", "EnvironmentError"},
        {"OSError", "EnvironmentError"},
        {"ImportError", "StandardError"},
        {"LookupError", "StandardError"},
        {"IndexError", "LookupError"},
        {"KeyError", "LookupError"},
        {"MemoryError", "StandardError"},
        {"NameError", "StandardError"},
        {"UnboundLocalError", "NameError"},
        {"RuntimeError", "StandardError"},
        {"NotImplementedError", "RuntimeError"},
        {"RecursionError", "RuntimeError"},
        {"SyntaxError", "StandardError"},
        {"TypeError", "StandardError"},
        {"ValueError", "StandardError"},
        {"UnicodeError", "ValueError"},
        {"UnicodeDecodeError", "UnicodeError"},
        {"UnicodeEncodeError", "UnicodeError"},
        {"Warning", "Exception"},
        {"UserWarning", "Warning"},
        {"DeprecationWarning", "Warning"},
    };
    for (const auto& [name, base] : hierarchy) {
      auto cls = std::make_shared<ClassObj>();
      cls->name = name;
      cls->builtin_exception = true;
      cls->new_style = true;
      if (*base) cls->bases.push_back(by_name.at(base));
      if (!*base) {
        // BaseException.__init__(self, *args), called by user subclasses.
        cls->attrs.emplace_back("__init__", Interpreter::make_native("__init__", [](Interpreter&, CallArgs& a) {
          if (a.positional.empty() || !a.positional[0].is(Type::Instance))
            throw_py("TypeError", "unbound method __init__() must be called with an exception instance");
          auto* self = a.positional[0].as<InstanceObj>();
          std::vector<Value> args(a.positional.begin() + 1, a.positional.end());
          self->attrs["message"] = args.size() == 1 ? args[0] : Value::str("");
          self->attrs["args"] = make_tuple(std::move(args));
          return Value();
        }));
      }
      Value v = Value::object(cls);
      by_name[name] = v;
      ordered.emplace_back(name, v);
    }
  }
};

const ExceptionTable& table() {
  static const ExceptionTable t;
  return t;
}

}  // namespace

Value builtin_exception_class(const std::string& name) {
  auto it = table().by_name.find(name);
  return it == table().by_name.end() ? Value() : it->second;
}

const std::vector<std::pair<std::string, Value>>& builtin_exception_classes() {
  return table().ordered;
}

Value new_exception(const Value& cls, std::vector<Value> args) {
  auto inst = std::make_shared<InstanceObj>();
  inst->cls = std::static_pointer_cast<ClassObj>(cls.shared());
  inst->attrs["message"] = args.size() == 1 ? args[0] : Value::str("");
  inst->attrs["args"] = make_tuple(std::move(args));
  return Value::object(inst);
}

void throw_py(const std::string& type, const std::string& message) {
  Value cls = builtin_exception_class(type);
  if (cls.is_none()) cls = builtin_exception_class("RuntimeError");
  std::vector<Value> args;
  if (!message.empty() || type == "KeyError") args.push_back(Value::str(message));
  throw PyException{new_exception(cls, std::move(args)), {}};
}

std::string exception_type_name(const Value& exc) {
  if (exc.is(Type::Instance)) return exc.as<InstanceObj>()->cls->name;
  return type_name(exc);
}

}  // namespace aurora::config::lang
