#pragma once
// The native objects scripts see: pystachio types, values, field signatures, Empty, TypeCheck, Ref.

#include <functional>
#include <memory>
#include <string>

#include "config/lang/host_object.hpp"
#include "config/lang/interpreter.hpp"
#include "config/template/model.hpp"
#include "config/template/operations.hpp"

namespace aurora::config::templating {

// A pystachio type (String, IntegerList, Process...); `type == nullptr` is the Struct base class.
class TypeHost : public lang::HostObject {
 public:
  explicit TypeHost(TypePtr t) : type(std::move(t)) {}
  std::string type_name() const override { return "type"; }
  std::optional<lang::Value> call(lang::Interpreter& in, lang::CallArgs& args) override;
  std::optional<lang::Value> getattr(lang::Interpreter& in, std::string_view name) override;
  std::string repr(lang::Interpreter&) override;
  std::optional<bool> equals(const lang::Value& other) const override;
  std::optional<size_t> hash() const override;
  std::optional<lang::Value> make_subclass(lang::Interpreter& in, const std::string& name,
                                           std::vector<std::pair<std::string, lang::Value>>& body) override;
  std::optional<bool> is_instance(const lang::Value& x) const override;
  TypePtr type;
};

// Required(T) / Default(T, v): a field declaration inside a Struct class body.
class FieldSpecHost : public lang::HostObject {
 public:
  std::string type_name() const override { return "TypeSignature"; }
  std::string repr(lang::Interpreter&) override;
  TypePtr type;
  bool required = false;
  NodePtr default_value;
};

class NodeHost : public lang::HostObject {
 public:
  explicit NodeHost(NodePtr n) : node(std::move(n)) {}
  std::string type_name() const override { return node->type->name; }
  std::optional<lang::Value> getattr(lang::Interpreter& in, std::string_view name) override;
  std::optional<lang::Value> call(lang::Interpreter& in, lang::CallArgs& args) override;
  std::string repr(lang::Interpreter&) override;
  std::string str(lang::Interpreter&) override;
  std::optional<bool> equals(const lang::Value& other) const override;
  std::optional<size_t> hash() const override;
  bool truthy(lang::Interpreter&) override;
  std::optional<int64_t> len(lang::Interpreter&) override;
  std::optional<lang::Value> getitem(lang::Interpreter& in, const lang::Value& key) override;
  std::optional<bool> contains(lang::Interpreter& in, const lang::Value& item) override;
  std::optional<std::vector<lang::Value>> iterate(lang::Interpreter&) override;
  std::optional<lang::Value> binary_op(lang::Interpreter& in, std::string_view op, const lang::Value& other,
                                       bool reflected) override;
  NodePtr node;
};

class EmptyHost : public lang::HostObject {
 public:
  std::string type_name() const override { return "type"; }
  std::string repr(lang::Interpreter&) override { return "<class 'pystachio.composite.Empty'>"; }
};

class TypeCheckHost : public lang::HostObject {
 public:
  explicit TypeCheckHost(CheckResult r) : result(std::move(r)) {}
  std::string type_name() const override { return "TypeCheck"; }
  std::optional<lang::Value> getattr(lang::Interpreter& in, std::string_view name) override;
  std::string repr(lang::Interpreter&) override;
  CheckResult result;
};

class RefHost : public lang::HostObject {
 public:
  explicit RefHost(Ref r) : ref(std::move(r)) {}
  std::string type_name() const override { return "Ref"; }
  std::string repr(lang::Interpreter&) override { return "Ref(" + ref.address() + ")"; }
  std::string str(lang::Interpreter&) override { return ref.mustache(); }
  std::optional<lang::Value> getattr(lang::Interpreter& in, std::string_view name) override;
  std::optional<bool> equals(const lang::Value& other) const override;
  std::optional<size_t> hash() const override { return std::hash<std::string>()(ref.address()); }
  Ref ref;
};

class EnvironmentHost : public lang::HostObject {
 public:
  explicit EnvironmentHost(EnvPtr e) : env(std::move(e)) {}
  std::string type_name() const override { return "Environment"; }
  std::string repr(lang::Interpreter&) override;
  std::optional<lang::Value> getattr(lang::Interpreter& in, std::string_view name) override;
  EnvPtr env;
};

// A pystachio class a config only inspects or calls through (Namable, Type, TypeCheck,
// TypeFactory): its attributes, which values are instances of it, and what calling it makes.
class ClassLikeHost : public lang::HostObject {
 public:
  ClassLikeHost(std::string n, std::vector<std::pair<std::string, lang::Value>> a,
                std::function<bool(const lang::Value&)> instance_test, lang::NativeFn constructor = nullptr)
      : name(std::move(n)), attrs(std::move(a)), test(std::move(instance_test)), make(std::move(constructor)) {}
  std::string type_name() const override { return "type"; }
  std::string repr(lang::Interpreter&) override { return "<class 'pystachio." + name + "'>"; }
  std::optional<lang::Value> getattr(lang::Interpreter& in, std::string_view attr) override;
  std::optional<lang::Value> call(lang::Interpreter& in, lang::CallArgs& args) override;
  std::optional<bool> is_instance(const lang::Value& x) const override { return test(x); }
  std::string name;
  std::vector<std::pair<std::string, lang::Value>> attrs;
  std::function<bool(const lang::Value&)> test;
  lang::NativeFn make;
};

// Reads positional/keyword arguments of a bind()/in_scope() call as scopes (keywords last).
std::vector<Namable> scopes_from_args(lang::Interpreter& in, const lang::CallArgs& args);

}  // namespace aurora::config::templating
