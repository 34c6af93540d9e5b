// The extension points the templating layer builds on: native functions, native objects and types,
// `class X(NativeBase)` routing, globals in and out, host modules and include().

#include <doctest/doctest.h>

#include "config/lang/interpreter.hpp"

using namespace aurora::config::lang;

namespace {

// A record with named fields; supports every hook so the test can see each one used.
class Record : public HostObject {
 public:
  Record(std::string type, std::vector<std::pair<std::string, Value>> fields)
      : type_(std::move(type)), fields_(std::move(fields)) {}
  std::string type_name() const override { return type_; }
  std::optional<Value> getattr(Interpreter&, std::string_view name) override {
    for (const auto& [k, v] : fields_)
      if (k == name) return v;
    return std::nullopt;
  }
  bool setattr(Interpreter&, std::string_view name, const Value& v) override {
    for (auto& [k, value] : fields_) {
      if (k == name) {
        value = v;
        return true;
      }
    }
    return false;
  }
  std::optional<Value> call(Interpreter&, CallArgs& args) override {
    auto fields = fields_;
    for (auto& [k, v] : args.keywords) fields.emplace_back(k, v);
    return Value::object(std::make_shared<Record>(type_, std::move(fields)));
  }
  std::string repr(Interpreter& in) override {
    std::string out = type_ + "(";
    for (size_t i = 0; i < fields_.size(); ++i) out += (i ? ", " : "") + fields_[i].first + "=" + in.repr(fields_[i].second);
    return out + ")";
  }
  std::string str(Interpreter&) override { return "<" + type_ + ">"; }
  std::optional<bool> equals(const Value& other) const override {
    if (!other.is(Type::Host)) return false;
    auto* r = dynamic_cast<Record*>(other.as<HostObject>());
    return r && r->type_ == type_ && r->fields_.size() == fields_.size();
  }
  std::optional<size_t> hash() const override { return std::hash<std::string>()(type_); }
  std::optional<int64_t> len(Interpreter&) override { return static_cast<int64_t>(fields_.size()); }
  std::optional<Value> getitem(Interpreter& in, const Value& key) override {
    if (key.is_str()) return getattr(in, key.as_str());
    return std::nullopt;
  }
  std::optional<bool> contains(Interpreter&, const Value& item) override {
    for (const auto& [k, v] : fields_)
      if (item.is_str() && item.as_str() == k) return true;
    return false;
  }
  std::optional<std::vector<Value>> iterate(Interpreter&) override {
    std::vector<Value> names;
    for (const auto& [k, v] : fields_) names.push_back(Value::str(k));
    return names;
  }
  std::optional<Value> binary_op(Interpreter& in, std::string_view op, const Value& other, bool reflected) override {
    if (op == "%") return Value::str(type_ + " bound with " + in.repr(other));
    if (op == "+" && reflected) return Value::str("reflected + " + in.repr(other));
    return std::nullopt;
  }

 private:
  std::string type_;
  std::vector<std::pair<std::string, Value>> fields_;
};

// A native base class: `class Profile(Struct): ...` lands in make_subclass with the body in order.
class StructType : public HostObject {
 public:
  explicit StructType(std::string name, std::vector<std::string>* log) : name_(std::move(name)), log_(log) {}
  std::string type_name() const override { return "StructType"; }
  std::string repr(Interpreter&) override { return "<struct type " + name_ + ">"; }
  std::optional<Value> make_subclass(Interpreter& in, const std::string& name,
                                     std::vector<std::pair<std::string, Value>>& body) override {
    std::string entry = name + ":";
    for (const auto& [k, v] : body) entry += " " + k + "=" + in.repr(v);
    log_->push_back(entry);
    return Value::object(std::make_shared<StructType>(name, log_));
  }
  std::optional<Value> call(Interpreter&, CallArgs& args) override {
    std::vector<std::pair<std::string, Value>> fields(args.keywords.begin(), args.keywords.end());
    return Value::object(std::make_shared<Record>(name_, std::move(fields)));
  }
  std::optional<bool> is_instance(const Value& x) const override {
    return x.is(Type::Host) && x.as<HostObject>()->type_name() == name_;
  }

 private:
  std::string name_;
  std::vector<std::string>* log_;
};

struct Fixture {
  std::string output;
  std::vector<std::string> log;
  std::map<std::string, std::string> files;
  std::unique_ptr<Interpreter> in;

  Fixture() {
    InterpreterOptions o;
    o.out = [this](std::string_view s) { output += s; };
    o.read_file = [this](const std::string& path) -> std::optional<std::string> {
      auto it = files.find(path);
      if (it == files.end()) return std::nullopt;
      return it->second;
    };
    in = std::make_unique<Interpreter>(o);
    in->set_global("Struct", Value::object(std::make_shared<StructType>("Struct", &log)));
  }
};

}  // namespace

TEST_CASE("native functions receive positional and keyword arguments") {
  Fixture f;
  f.in->define_native("describe", [](Interpreter& in, CallArgs& args) {
    std::string out = std::to_string(args.positional.size()) + " positional;";
    for (const auto& [k, v] : args.keywords) out += " " + k + "=" + in.repr(v);
    return Value::str(out);
  });
  f.in->run_source("t.aurora", "print describe(1, 'a', *[2], name='x', **{'n': 3})\n");
  CHECK(f.output == "3 positional; name='x' n=3\n");
}

TEST_CASE("a native function can raise a Python exception the config can catch") {
  Fixture f;
  f.in->define_native("fail", [](Interpreter& in, CallArgs&) -> Value { in.raise("ValueError", "native says no"); });
  f.in->run_source("t.aurora", "try:\n  fail()\nexcept ValueError as e:\n  print 'caught', e\n");
  CHECK(f.output == "caught native says no\n");
}

TEST_CASE("host objects answer attribute, call, item, iteration, comparison and operator hooks") {
  Fixture f;
  f.in->set_global("rec", Value::object(std::make_shared<Record>("Rec", std::vector<std::pair<std::string, Value>>{
                                                                           {"name", Value::str("web")}})));
  f.in->run_source("t.aurora",
                   "print rec.name, rec['name'], len(rec), 'name' in rec, list(rec)\n"
                   "rec.name = 'api'\n"
                   "r2 = rec(port=80)\n"
                   "print repr(r2), str(r2), '%s' % r2, r2 == rec(x=1), r2 != rec\n"
                   "print rec % {'a': 1}, 1 + rec\n"
                   "print {rec: 'keyed'}[rec]\n");
  CHECK(f.output ==
        "web web 1 True ['name']\n"
        "Rec(name='api', port=80) <Rec> <Rec> True True\n"
        "Rec bound with {'a': 1} reflected + 1\n"
        "keyed\n");
}

TEST_CASE("missing hooks behave like Python objects that lack the capability") {
  Fixture f;
  f.in->set_global("rec", Value::object(std::make_shared<Record>("Rec", std::vector<std::pair<std::string, Value>>{})));
  CHECK_THROWS_WITH_AS(f.in->run_source("t.aurora", "rec.nope\n"),
                       doctest::Contains("AttributeError: 'Rec' object has no attribute 'nope'"), ConfigError);
  CHECK_THROWS_WITH_AS(f.in->run_source("t.aurora", "rec - 1\n"),
                       doctest::Contains("unsupported operand type(s) for -: 'Rec' and 'int'"), ConfigError);
}

TEST_CASE("class X(NativeBase) hands the class name and body namespace, in order, to the host") {
  Fixture f;
  f.in->define_native("Required", [](Interpreter&, CallArgs& a) { return Value::str("Required(" + std::to_string(a.positional.size()) + ")"); });
  f.in->run_source("t.aurora",
                   "class Profile(Struct):\n"
                   "  version = Required(1)\n"
                   "  environment = 'prod'\n"
                   "  dataset = 'hdfs://{{environment}}'\n"
                   "  def helper(self):\n"
                   "    return 1\n"
                   "  version = 'override keeps first position'\n"
                   "p = Profile(version='live')\n"
                   "print p.version, isinstance(p, Profile), isinstance(p, Struct)\n");
  REQUIRE(f.log.size() == 1);
  CHECK(f.log[0].rfind("Profile: version='override keeps first position' environment='prod' "
                       "dataset='hdfs://{{environment}}' helper=<function helper>", 0) == 0);
  CHECK(f.output == "live True False\n");
  Value profile = *f.in->get_global("Profile");
  CHECK(profile.is(Type::Host));
}

TEST_CASE("globals go in with set_global and come out after execution") {
  Fixture f;
  f.in->set_global("CLUSTER", Value::str("devcluster"));
  f.in->run_source("t.aurora",
                   "jobs = [{'cluster': CLUSTER, 'name': 'hello'}]\n"
                   "hooks = []\n"
                   "_private = 1\n");
  Value jobs = *f.in->get_global("jobs");
  REQUIRE(jobs.is(Type::List));
  REQUIRE(jobs.as<ListObj>()->items.size() == 1);
  Value job = jobs.as<ListObj>()->items[0];
  REQUIRE(job.is(Type::Dict));
  CHECK(job.as<DictObj>()->table.find(Value::str("cluster"))->as_str() == "devcluster");
  CHECK(f.in->get_global("hooks").has_value());
  CHECK_FALSE(f.in->get_global("nothing").has_value());
  auto names = f.in->global_names();
  CHECK(std::find(names.begin(), names.end(), "_private") != names.end());
}

TEST_CASE("the host can call back into config functions and use Python semantics") {
  Fixture f;
  f.in->run_source("t.aurora", "def make(name, instances=1):\n  return '%s x%d' % (name, instances)\n");
  Value make = *f.in->get_global("make");
  CallArgs args;
  args.positional.push_back(Value::str("web"));
  args.keywords.emplace_back("instances", Value::integer(3));
  CHECK(f.in->call(make, args).as_str() == "web x3");
  CHECK(f.in->repr(make_list({Value::integer(1), Value::str("a")})) == "[1, 'a']");
  CHECK(f.in->str(Value::real(0.1)) == "0.1");
  CHECK(f.in->truthy(make_list()) == false);
  CHECK(f.in->equals(Value::integer(1), Value::real(1.0)));
}

TEST_CASE("host modules are importable, with from-import and star-import") {
  Fixture f;
  f.in->define_module("pystachio", Interpreter::make_module("pystachio", {{"Struct", *f.in->get_global("Struct")},
                                                                         {"VERSION", Value::str("0.8")}}));
  f.in->run_source("t.aurora",
                   "import pystachio\nfrom pystachio import VERSION as V\nfrom pystachio import *\n"
                   "print pystachio.VERSION, V, VERSION\n");
  CHECK(f.output == "0.8 0.8 0.8\n");
}

TEST_CASE("include() resolves relative to the including file and shares the global namespace") {
  Fixture f;
  f.in->enable_include();
  f.files["configs/main.aurora"] = "base = 'main'\ninclude('lib/common.aurora')\nprint base, shared, helper(2)\n";
  f.files["configs/lib/common.aurora"] = "shared = base + '+common'\ninclude('more.aurora')\n";
  f.files["configs/lib/more.aurora"] = "def helper(x):\n  return x * 10\n";
  f.in->run_file("configs/main.aurora");
  CHECK(f.output == "main main+common 20\n");
}

TEST_CASE("evaluating a file that does not exist is a configuration error") {
  Fixture f;
  CHECK_THROWS_AS(f.in->run_file("nowhere.aurora"), ConfigError);
}
