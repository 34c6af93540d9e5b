// Methods of list, tuple, dict, set and read-only file objects (Python 2: keys() is a list).

#include <algorithm>

#include "config/lang/builtins.hpp"
#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"

namespace aurora::config::lang {
namespace {

std::vector<Value>& list_of(const CallArgs& a) { return a.self.as<ListObj>()->items; }
OrderedTable& dict_of(const CallArgs& a) { return a.self.as<DictObj>()->table; }
OrderedTable& set_of(const CallArgs& a) { return a.self.as<SetObj>()->table; }

std::vector<Value> pairs(const OrderedTable& t) {
  std::vector<Value> out;
  out.reserve(t.size());
  t.each([&](const Value& k, const Value& v) { out.push_back(make_tuple({k, v})); });
  return out;
}

[[noreturn]] void key_error(const Value& key) {
  throw PyException{new_exception(builtin_exception_class("KeyError"), {key}), {}};
}

int64_t sequence_index(Interpreter& in, const std::vector<Value>& items, CallArgs& a, const char* what) {
  expect_args(a, "index", 1, 3);
  int64_t n = static_cast<int64_t>(items.size());
  int64_t start = a.positional.size() > 1 ? int_arg(a.positional[1], "index") : 0;
  int64_t stop = a.positional.size() > 2 ? int_arg(a.positional[2], "index") : n;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (stop < 0) stop = std::max<int64_t>(0, stop + n);
  for (int64_t i = start; i < std::min(stop, n); ++i)
    if (in.equals(items[i], a.positional[0])) return i;
  throw_py("ValueError", std::string(what));
}

MethodTable build_list() {
  MethodTable t;
  t["append"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "append", 1, 1);
    auto& items = list_of(a);
    items.push_back(a.positional[0]);
    if ((items.size() & 0xffff) == 0) in.check_size(items.size());
    return Value();
  };
  t["extend"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "extend", 1, 1);
    std::vector<Value> more = in.iterate(a.positional[0]);
    auto& items = list_of(a);
    in.check_size(items.size() + more.size());
    items.insert(items.end(), more.begin(), more.end());
    return Value();
  };
  t["insert"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "insert", 2, 2);
    auto& items = list_of(a);
    int64_t n = static_cast<int64_t>(items.size());
    int64_t i = int_arg(a.positional[0], "insert");
    if (i < 0) i = std::max<int64_t>(0, i + n);
    i = std::min(i, n);
    items.insert(items.begin() + i, a.positional[1]);
    return Value();
  };
  t["pop"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "pop", 0, 1);
    auto& items = list_of(a);
    if (items.empty()) throw_py("IndexError", "pop from empty list");
    int64_t n = static_cast<int64_t>(items.size());
    int64_t i = a.positional.empty() ? n - 1 : int_arg(a.positional[0], "pop");
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw_py("IndexError", "pop index out of range");
    Value v = items[i];
    items.erase(items.begin() + i);
    return v;
  };
  t["remove"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "remove", 1, 1);
    auto& items = list_of(a);
    for (size_t i = 0; i < items.size(); ++i) {
      if (in.equals(items[i], a.positional[0])) {
        items.erase(items.begin() + static_cast<int64_t>(i));
        return Value();
      }
    }
    throw_py("ValueError", "list.remove(x): x not in list");
  };
  t["index"] = [](Interpreter& in, CallArgs& a) {
    return Value::integer(sequence_index(in, list_of(a), a, (in.repr(a.positional.empty() ? Value() : a.positional[0]) + " is not in list").c_str()));
  };
  t["count"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "count", 1, 1);
    int64_t n = 0;
    for (const Value& v : list_of(a)) n += in.equals(v, a.positional[0]);
    return Value::integer(n);
  };
  t["reverse"] = [](Interpreter&, CallArgs& a) {
    std::reverse(list_of(a).begin(), list_of(a).end());
    return Value();
  };
  t["sort"] = [](Interpreter& in, CallArgs& a) {
    CallArgs sorted_args;
    sorted_args.positional.push_back(a.self);
    sorted_args.positional.insert(sorted_args.positional.end(), a.positional.begin(), a.positional.end());
    sorted_args.keywords = a.keywords;
    Value sorted = in.call(in.builtin("sorted"), std::move(sorted_args));
    list_of(a) = sorted.as<ListObj>()->items;
    return Value();
  };
  return t;
}

MethodTable build_tuple() {
  MethodTable t;
  t["index"] = [](Interpreter& in, CallArgs& a) {
    return Value::integer(sequence_index(in, a.self.as<TupleObj>()->items, a, "tuple.index(x): x not in tuple"));
  };
  t["count"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "count", 1, 1);
    int64_t n = 0;
    for (const Value& v : a.self.as<TupleObj>()->items) n += in.equals(v, a.positional[0]);
    return Value::integer(n);
  };
  return t;
}

MethodTable build_dict() {
  MethodTable t;
  t["get"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "get", 1, 2);
    if (const Value* v = dict_of(a).find(a.positional[0])) return *v;
    return a.positional.size() > 1 ? a.positional[1] : Value();
  };
  t["keys"] = [](Interpreter&, CallArgs& a) { return make_list(dict_of(a).keys()); };
  t["values"] = [](Interpreter&, CallArgs& a) { return make_list(dict_of(a).values()); };
  t["items"] = [](Interpreter&, CallArgs& a) { return make_list(pairs(dict_of(a))); };
  t["iterkeys"] = [](Interpreter&, CallArgs& a) { return make_iterator(dict_of(a).keys()); };
  t["itervalues"] = [](Interpreter&, CallArgs& a) { return make_iterator(dict_of(a).values()); };
  t["iteritems"] = [](Interpreter&, CallArgs& a) { return make_iterator(pairs(dict_of(a))); };
  t["viewkeys"] = t["keys"];
  t["viewvalues"] = t["values"];
  t["viewitems"] = t["items"];
  t["has_key"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "has_key", 1, 1);
    return Value::boolean(dict_of(a).find(a.positional[0]) != nullptr);
  };
  t["setdefault"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "setdefault", 1, 2);
    if (const Value* v = dict_of(a).find(a.positional[0])) return *v;
    Value d = a.positional.size() > 1 ? a.positional[1] : Value();
    dict_of(a).set(a.positional[0], d);
    return d;
  };
  t["pop"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "pop", 1, 2);
    if (const Value* v = dict_of(a).find(a.positional[0])) {
      Value out = *v;
      dict_of(a).erase(a.positional[0]);
      return out;
    }
    if (a.positional.size() > 1) return a.positional[1];
    key_error(a.positional[0]);
  };
  t["popitem"] = [](Interpreter&, CallArgs& a) {
    auto items = dict_of(a).items();
    if (items.empty()) throw_py("KeyError", "popitem(): dictionary is empty");
    dict_of(a).erase(items.back().first);
    return make_tuple({items.back().first, items.back().second});
  };
  t["update"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "update", 0, 1);
    CallArgs dict_args;
    dict_args.positional = a.positional;
    dict_args.keywords = a.keywords;
    Value other = in.call(in.builtin("dict"), std::move(dict_args));
    other.as<DictObj>()->table.each([&](const Value& k, const Value& v) { dict_of(a).set(k, v); });
    return Value();
  };
  t["copy"] = [](Interpreter&, CallArgs& a) {
    Value d = make_dict();
    dict_of(a).each([&](const Value& k, const Value& v) { d.as<DictObj>()->table.set(k, v); });
    return d;
  };
  t["clear"] = [](Interpreter&, CallArgs& a) {
    dict_of(a).clear();
    return Value();
  };
  t["__getitem__"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "__getitem__", 1, 1);
    return in.getitem(a.self, a.positional[0]);
  };
  return t;
}

MethodTable build_set() {
  MethodTable t;
  t["add"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "add", 1, 1);
    set_of(a).set(a.positional[0], Value());
    return Value();
  };
  t["remove"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "remove", 1, 1);
    if (!set_of(a).erase(a.positional[0])) key_error(a.positional[0]);
    return Value();
  };
  t["discard"] = [](Interpreter&, CallArgs& a) {
    expect_args(a, "discard", 1, 1);
    set_of(a).erase(a.positional[0]);
    return Value();
  };
  t["pop"] = [](Interpreter&, CallArgs& a) {
    auto keys = set_of(a).keys();
    if (keys.empty()) throw_py("KeyError", "pop from an empty set");
    set_of(a).erase(keys.front());
    return keys.front();
  };
  t["clear"] = [](Interpreter&, CallArgs& a) {
    set_of(a).clear();
    return Value();
  };
  t["copy"] = [](Interpreter& in, CallArgs& a) { return in.binary(Op::BitOr, a.self, make_set()); };
  auto combine = [](Op op) {
    return [op](Interpreter& in, CallArgs& a) {
      Value result = in.binary(Op::BitOr, a.self, make_set());
      for (const Value& other : a.positional) {
        Value s = make_set();
        in.for_each(other, [&](const Value& v) {
          s.as<SetObj>()->table.set(v, Value());
          return true;
        });
        result = in.binary(op, result, s);
      }
      return result;
    };
  };
  t["union"] = combine(Op::BitOr);
  t["intersection"] = combine(Op::BitAnd);
  t["difference"] = combine(Op::Sub);
  t["symmetric_difference"] = combine(Op::BitXor);
  t["update"] = [](Interpreter& in, CallArgs& a) {
    for (const Value& other : a.positional) {
      in.for_each(other, [&](const Value& v) {
        set_of(a).set(v, Value());
        return true;
      });
    }
    return Value();
  };
  t["issubset"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "issubset", 1, 1);
    bool all = true;
    set_of(a).each([&](const Value& k, const Value&) { if (all && !in.contains(a.positional[0], k)) all = false; });
    return Value::boolean(all);
  };
  t["issuperset"] = [](Interpreter& in, CallArgs& a) {
    expect_args(a, "issuperset", 1, 1);
    bool all = true;
    in.for_each(a.positional[0], [&](const Value& v) { return (all = set_of(a).find(v) != nullptr); });
    return Value::boolean(all);
  };
  return t;
}

MethodTable build_file() {
  MethodTable t;
  auto file = [](const CallArgs& a) {
    FileObj* f = a.self.as<FileObj>();
    if (f->closed) throw_py("ValueError", "I/O operation on closed file");
    return f;
  };
  t["read"] = [file](Interpreter&, CallArgs& a) {
    FileObj* f = file(a);
    int64_t n = a.positional.empty() ? -1 : int_arg(a.positional[0], "read");
    size_t count = n < 0 ? std::string::npos : static_cast<size_t>(n);
    std::string out = f->content.substr(std::min(f->pos, f->content.size()), count);
    f->pos += out.size();
    return Value::str(std::move(out));
  };
  t["readline"] = [file](Interpreter&, CallArgs& a) {
    FileObj* f = file(a);
    size_t nl = f->content.find('\n', f->pos);
    size_t end = nl == std::string::npos ? f->content.size() : nl + 1;
    std::string line = f->content.substr(std::min(f->pos, f->content.size()), end - std::min(f->pos, end));
    f->pos = end;
    return Value::str(std::move(line));
  };
  t["readlines"] = [file](Interpreter& in, CallArgs& a) {
    file(a);
    return make_list(in.iterate(a.self));
  };
  t["close"] = [](Interpreter&, CallArgs& a) {
    a.self.as<FileObj>()->closed = true;
    return Value();
  };
  t["__enter__"] = [](Interpreter&, CallArgs& a) { return a.self; };
  t["__exit__"] = [](Interpreter&, CallArgs& a) {
    a.self.as<FileObj>()->closed = true;
    return Value::boolean(false);
  };
  for (const char* forbidden : {"write", "writelines", "truncate", "flush"}) {
    t[forbidden] = [forbidden](Interpreter&, CallArgs&) -> Value {
      throw_py("IOError", std::string("file.") + forbidden + "(): files are read-only in configurations");
    };
  }
  return t;
}

}  // namespace

const MethodTable& list_methods() {
  static const MethodTable t = build_list();
  return t;
}
const MethodTable& tuple_methods() {
  static const MethodTable t = build_tuple();
  return t;
}
const MethodTable& dict_methods() {
  static const MethodTable t = build_dict();
  return t;
}
const MethodTable& set_methods() {
  static const MethodTable t = build_set();
  return t;
}
const MethodTable& file_methods() {
  static const MethodTable t = build_file();
  return t;
}

}  // namespace aurora::config::lang
