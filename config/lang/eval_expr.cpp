// Evaluation of expressions, name resolution and assignment targets.

#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"
#include "config/lang/stack_guard.hpp"

namespace aurora::config::lang {

Value Interpreter::load_name(const Expr& e) {
  const std::string& name = e.name;
  Scope* s = frame().scope.get();
  bool skip_to_globals = false;
  if (s->fn) {
    // Only the function's own locals live in vars, so a hit needs no further checks.
    auto it = s->vars.find(name);
    if (it != s->vars.end()) return it->second;
    if (s->fn->locals.count(name)) {
      throw_py("UnboundLocalError", "local variable '" + name + "' referenced before assignment");
    }
    skip_to_globals = s->fn->globals.count(name) > 0;
  } else {
    auto it = s->vars.find(name);
    if (it != s->vars.end()) return it->second;
  }
  if (!skip_to_globals) {
    for (Scope* p = s->parent.get(); p; p = p->parent.get()) {
      if (p->is_class) continue;
      auto it = p->vars.find(name);
      if (it != p->vars.end()) return it->second;
    }
  }
  auto g = globals_->vars.find(name);
  if (g != globals_->vars.end()) return g->second;
  auto b = builtins_.find(name);
  if (b != builtins_.end()) return b->second;
  throw_py("NameError", std::string(s->fn ? "global " : "") + "name '" + name + "' is not defined");
}

void Interpreter::store_name(const std::string& name, const Value& v) {
  Scope* s = frame().scope.get();
  if (s->fn && s->fn->globals.count(name)) {
    globals_->vars[name] = v;
  } else if (s->is_class) {
    auto [it, inserted] = s->vars.insert_or_assign(name, v);
    if (inserted) s->order.push_back(name);
  } else {
    s->vars[name] = v;
  }
}

void Interpreter::delete_name(const Expr& e) {
  Scope* s = frame().scope.get();
  Scope* target = (s->fn && s->fn->globals.count(e.name)) ? globals_.get() : s;
  if (!target->vars.erase(e.name)) throw_py("NameError", "name '" + e.name + "' is not defined");
}

void Interpreter::assign(const Expr& target, const Value& v) {
  switch (target.kind) {
    case ExprKind::Name:
      store_name(target.name, v);
      return;
    case ExprKind::Tuple:
    case ExprKind::List: {
      std::vector<Value> items;
      if (v.is(Type::Tuple)) items = v.as<TupleObj>()->items;
      else if (v.is(Type::List)) items = v.as<ListObj>()->items;
      else items = iterate(v);
      size_t n = target.items.size();
      if (items.size() > n) throw_py("ValueError", "too many values to unpack");
      if (items.size() < n) {
        throw_py("ValueError", "need more than " + std::to_string(items.size()) + " value" +
                                   (items.size() == 1 ? "" : "s") + " to unpack");
      }
      for (size_t i = 0; i < n; ++i) assign(*target.items[i], items[i]);
      return;
    }
    case ExprKind::Attribute: {
      Value obj = eval(*target.a);
      frame().loc = target.loc;
      setattr(obj, target.name, v);
      return;
    }
    case ExprKind::Subscript: {
      Value obj = eval(*target.a);
      if (target.b->kind == ExprKind::Slice) {
        set_slice(obj, *target.b, v);
        return;
      }
      Value key = eval(*target.b);
      frame().loc = target.loc;
      setitem(obj, key, v);
      return;
    }
    default:
      throw_py("SyntaxError", "can't assign to expression");
  }
}

void Interpreter::delete_target(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name:
      delete_name(e);
      return;
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const auto& item : e.items) delete_target(*item);
      return;
    case ExprKind::Attribute: {
      Value obj = eval(*e.a);
      frame().loc = e.loc;
      if (obj.is(Type::Instance) && obj.as<InstanceObj>()->attrs.erase(e.name)) return;
      throw_py("AttributeError", e.name);
    }
    case ExprKind::Subscript: {
      Value obj = eval(*e.a);
      frame().loc = e.loc;
      if (e.b->kind == ExprKind::Slice) {
        set_slice(obj, *e.b, Value());
        return;
      }
      delitem(obj, eval(*e.b));
      return;
    }
    default:
      throw_py("SyntaxError", "can't delete expression");
  }
}

void Interpreter::collect_call_args(const Expr& e, CallArgs& args) {
  args.positional.reserve(e.items.size());
  for (const auto& item : e.items) args.positional.push_back(eval(*item));
  for (const auto& kw : e.keywords) args.keywords.emplace_back(kw.name, eval(*kw.value));
  if (e.star_args) {
    Value star = eval(*e.star_args);
    for_each(star, [&](const Value& v) {
      args.positional.push_back(v);
      return true;
    });
  }
  if (e.kw_args) {
    Value kw = eval(*e.kw_args);
    if (!kw.is(Type::Dict)) {
      frame().loc = e.kw_args->loc;
      throw_py("TypeError", "argument after ** must be a mapping, not " + type_name(kw));
    }
    kw.as<DictObj>()->table.each([&](const Value& k, const Value& v) {
      if (!k.is_str()) throw_py("TypeError", "keywords must be strings");
      for (const auto& [name, unused] : args.keywords) {
        if (name == k.as_str()) {
          throw_py("TypeError", "got multiple values for keyword argument '" + name + "'");
        }
      }
      args.keywords.emplace_back(k.as_str(), v);
    });
  }
}

Value Interpreter::eval_comprehension(const Expr& e) {
  Value result;
  if (e.kind == ExprKind::ListComp || e.kind == ExprKind::GenExp) result = make_list();
  else if (e.kind == ExprKind::SetComp) result = make_set();
  else result = make_dict();
  std::shared_ptr<Scope> saved = frame().scope;
  if (e.kind != ExprKind::ListComp) {
    auto scope = std::make_shared<Scope>();
    scope->parent = saved;
    frame().scope = scope;
  }
  std::function<void(size_t)> loop = [&](size_t gi) {
    if (gi == e.generators.size()) {
      count_step();
      if (e.kind == ExprKind::ListComp || e.kind == ExprKind::GenExp) {
        auto& items = result.as<ListObj>()->items;
        items.push_back(eval(*e.a));
        if ((items.size() & 0xffff) == 0) check_size(items.size());
      } else if (e.kind == ExprKind::SetComp) {
        result.as<SetObj>()->table.set(eval(*e.a), Value());
      } else {
        Value k = eval(*e.a);
        result.as<DictObj>()->table.set(k, eval(*e.b));
      }
      return;
    }
    const Comprehension& g = e.generators[gi];
    // The first iterable is evaluated in the enclosing scope, as in Python.
    Value iterable;
    if (gi == 0 && e.kind != ExprKind::ListComp) {
      std::shared_ptr<Scope> inner = frame().scope;
      frame().scope = saved;
      iterable = eval(*g.iter);
      frame().scope = inner;
    } else {
      iterable = eval(*g.iter);
    }
    for_each(iterable, [&](const Value& v) {
      assign(*g.target, v);
      for (const auto& cond : g.ifs)
        if (!truthy(eval(*cond))) return true;
      loop(gi + 1);
      return true;
    });
  };
  try {
    loop(0);
  } catch (...) {
    frame().scope = saved;
    throw;
  }
  frame().scope = saved;
  if (e.kind == ExprKind::GenExp) {
    // Generators are evaluated eagerly; the result behaves as a one-shot iterator.
    return make_iterator(std::move(result.as<ListObj>()->items));
  }
  return result;
}

Value Interpreter::eval(const Expr& e) {
  check_stack();
  switch (e.kind) {
    case ExprKind::Constant:
      return e.constant;
    case ExprKind::Name:
      frame().loc = e.loc;
      return load_name(e);
    case ExprKind::BinOp: {
      Value a = eval(*e.a);
      Value b = eval(*e.b);
      frame().loc = e.loc;
      return binary(e.op, a, b);
    }
    case ExprKind::UnaryOp: {
      Value v = eval(*e.a);
      frame().loc = e.loc;
      return unary(e.op, v);
    }
    case ExprKind::BoolOp: {
      Value v;
      for (const auto& item : e.items) {
        v = eval(*item);
        bool t = truthy(v);
        if (e.op == Op::And ? !t : t) return v;
      }
      return v;
    }
    case ExprKind::Compare: {
      Value left = eval(*e.a);
      for (size_t i = 0; i < e.ops.size(); ++i) {
        Value right = eval(*e.items[i]);
        frame().loc = e.loc;
        if (!compare(e.ops[i], left, right)) return Value::boolean(false);
        left = std::move(right);
      }
      return Value::boolean(true);
    }
    case ExprKind::IfExp:
      return truthy(eval(*e.a)) ? eval(*e.b) : eval(*e.c);
    case ExprKind::List:
    case ExprKind::Tuple: {
      std::vector<Value> items;
      items.reserve(e.items.size());
      for (const auto& item : e.items) items.push_back(eval(*item));
      return e.kind == ExprKind::List ? make_list(std::move(items)) : make_tuple(std::move(items));
    }
    case ExprKind::Dict: {
      Value d = make_dict();
      d.as<DictObj>()->display_size = e.items.size();
      auto& table = d.as<DictObj>()->table;
      for (size_t i = 0; i < e.items.size(); ++i) {
        Value k = eval(*e.items[i]);
        Value v = eval(*e.values[i]);
        frame().loc = e.items[i]->loc;
        table.set(k, std::move(v));
      }
      return d;
    }
    case ExprKind::Set: {
      Value s = make_set();
      for (const auto& item : e.items) {
        Value v = eval(*item);
        frame().loc = item->loc;
        s.as<SetObj>()->table.set(v, Value());
      }
      return s;
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GenExp:
      return eval_comprehension(e);
    case ExprKind::Lambda:
      return make_function(*e.lambda, e.loc);
    case ExprKind::Call: {
      CallArgs args;
      if (e.a->kind == ExprKind::Attribute) {
        Value obj = eval(*e.a->a);
        collect_call_args(e, args);
        frame().loc = e.a->loc;
        return call_method(obj, e.a->name, args, e.loc);
      }
      Value f = eval(*e.a);
      collect_call_args(e, args);
      frame().loc = e.loc;
      return call_value(f, args, e.loc);
    }
    case ExprKind::Attribute: {
      Value obj = eval(*e.a);
      frame().loc = e.loc;
      return getattr(obj, e.name);
    }
    case ExprKind::Subscript: {
      Value obj = eval(*e.a);
      if (e.b->kind == ExprKind::Slice) {
        return get_slice(obj, *e.b);
      }
      Value key = eval(*e.b);
      frame().loc = e.loc;
      return getitem(obj, key);
    }
    case ExprKind::Repr: {
      Value v = eval(*e.a);
      return Value::str(repr(v));
    }
    case ExprKind::Slice:
    case ExprKind::Starred:
      break;
  }
  frame().loc = e.loc;
  throw_py("SyntaxError", "unsupported expression");
}

}  // namespace aurora::config::lang
