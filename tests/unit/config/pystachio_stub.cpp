#include "pystachio_stub.hpp"

namespace aurora::config::lang::testing {
namespace {

// An instance: an ordered list of field values; calling it copies with overrides.
class StubInstance : public HostObject {
 public:
  StubInstance(std::string type, std::vector<std::pair<std::string, Value>> fields)
      : type_(std::move(type)), fields_(std::move(fields)) {}
  std::string type_name() const override { return type_; }
  std::optional<Value> call(Interpreter&, CallArgs& args) override {
    auto fields = fields_;
    for (auto& [k, v] : args.keywords) set(fields, k, v);
    return Value::object(std::make_shared<StubInstance>(type_, std::move(fields)));
  }
  std::optional<Value> getattr(Interpreter&, std::string_view name) override {
    Value self = Value::object(std::make_shared<StubInstance>(type_, fields_));
    for (const auto& [k, v] : fields_) {
      if (k == name) {
        Value field = v;
        return Interpreter::make_native(std::string(name), [field](Interpreter&, CallArgs&) { return field; });
      }
    }
    // Any other method (bind, in_scope, ...) returns the object itself.
    return Interpreter::make_native(std::string(name), [self](Interpreter&, CallArgs&) { return self; });
  }
  std::string repr(Interpreter& in) override {
    std::string out = type_ + "(";
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (i) out += ", ";
      out += fields_[i].first + "=" + in.str(fields_[i].second);
    }
    return out + ")";
  }
  std::optional<Value> binary_op(Interpreter&, std::string_view, const Value&, bool) override {
    return Value::object(std::make_shared<StubInstance>(type_, fields_));
  }

 private:
  static void set(std::vector<std::pair<std::string, Value>>& fields, const std::string& k, const Value& v) {
    for (auto& [name, value] : fields) {
      if (name == k) {
        value = v;
        return;
      }
    }
    fields.emplace_back(k, v);
  }
  std::string type_;
  std::vector<std::pair<std::string, Value>> fields_;
};

// A type: calling it builds an instance; `class X(Type)` makes a new type named X.
class StubType : public HostObject {
 public:
  explicit StubType(std::string name) : name_(std::move(name)) {}
  std::string type_name() const override { return name_; }
  std::optional<Value> call(Interpreter& in, CallArgs& args) override {
    std::vector<std::pair<std::string, Value>> fields;
    for (size_t i = 0; i < args.positional.size(); ++i) {
      const Value& p = args.positional[i];
      if (p.is(Type::Dict)) {
        for (auto& [k, v] : p.as<DictObj>()->table.items()) fields.emplace_back(in.str(k), v);
      } else {
        fields.emplace_back("_" + std::to_string(i), p);
      }
    }
    for (auto& [k, v] : args.keywords) fields.emplace_back(k, v);
    return Value::object(std::make_shared<StubInstance>(name_, std::move(fields)));
  }
  std::optional<Value> getattr(Interpreter&, std::string_view name) override {
    return Value::object(std::make_shared<StubType>(name_ + "." + std::string(name)));
  }
  std::optional<Value> make_subclass(Interpreter&, const std::string& name,
                                     std::vector<std::pair<std::string, Value>>&) override {
    return Value::object(std::make_shared<StubType>(name));
  }
  std::optional<bool> is_instance(const Value& x) const override {
    return x.is(Type::Host) && x.as<HostObject>()->type_name() == name_;
  }
  std::string repr(Interpreter&) override { return "<type " + name_ + ">"; }

 private:
  std::string name_;
};

}  // namespace

void install_pystachio_stubs(Interpreter& in) {
  for (const char* name :
       {"Process", "Task", "Job", "Service", "Resources", "Constraint", "SequentialTask", "SimpleTask",
        "Tasks", "Processes", "Struct", "Required", "Default", "String", "Integer", "Float", "Boolean",
        "List", "Map", "Choice", "Enum", "Announcer", "HealthCheckConfig", "UpdateConfig", "Docker",
        "Container", "Parameter", "Metadata", "order", "java_options", "python_options", "Empty",
        "Environment", "Ref", "Units", "CronCollisionPolicy", "Mesos", "DockerImage", "Volume",
        "combine_tasks", "concat_tasks"}) {
    in.set_global(name, Value::object(std::make_shared<StubType>(name)));
  }
  in.set_global("KB", Value::integer(1024));
  in.set_global("MB", Value::integer(1024 * 1024));
  in.set_global("GB", Value::integer(1024LL * 1024 * 1024));
  in.set_global("TB", Value::integer(1024LL * 1024 * 1024 * 1024));
}

}  // namespace aurora::config::lang::testing
