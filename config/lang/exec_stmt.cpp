// Execution of statements: control flow, definitions, exceptions, imports, print.

#include "config/lang/exceptions.hpp"
#include "config/lang/interpreter.hpp"

namespace aurora::config::lang {

Interpreter::Flow Interpreter::exec_body(const Body& body) {
  for (const auto& s : body) {
    Flow f = exec(*s);
    if (f != Flow::Normal) return f;
  }
  return Flow::Normal;
}

Interpreter::Flow Interpreter::exec(const Stmt& s) {
  count_step();
  Frame& fr = frame();
  fr.loc = s.loc;
  switch (s.kind) {
    case StmtKind::Expr:
      eval(*s.value);
      return Flow::Normal;
    case StmtKind::Assign: {
      Value v = eval(*s.value);
      for (const auto& t : s.targets) assign(*t, v);
      return Flow::Normal;
    }
    case StmtKind::AugAssign: {
      const Expr& t = *s.targets[0];
      if (t.kind == ExprKind::Name) {
        Value cur = load_name(t);
        Value rhs = eval(*s.value);
        frame().loc = s.loc;
        // Lists extend in place, as Python's __iadd__ does.
        if (s.op == Op::Add && cur.is(Type::List)) {
          auto& items = cur.as<ListObj>()->items;
          for (const Value& v : iterate(rhs)) items.push_back(v);
          check_size(items.size());
          store_name(t.name, cur);
        } else {
          store_name(t.name, binary(s.op, cur, rhs));
        }
      } else if (t.kind == ExprKind::Attribute) {
        Value obj = eval(*t.a);
        frame().loc = t.loc;
        Value cur = getattr(obj, t.name);
        Value rhs = eval(*s.value);
        frame().loc = s.loc;
        setattr(obj, t.name, binary(s.op, cur, rhs));
      } else {
        Value obj = eval(*t.a);
        Value key = eval(*t.b);
        frame().loc = t.loc;
        Value cur = getitem(obj, key);
        Value rhs = eval(*s.value);
        frame().loc = s.loc;
        setitem(obj, key, binary(s.op, cur, rhs));
      }
      return Flow::Normal;
    }
    case StmtKind::If:
      if (truthy(eval(*s.test))) return exec_body(s.body);
      return exec_body(s.orelse);
    case StmtKind::While:
      while (true) {
        count_step();
        if (!truthy(eval(*s.test))) return exec_body(s.orelse);
        Flow f = exec_body(s.body);
        if (f == Flow::Break) return Flow::Normal;
        if (f == Flow::Return) return f;
      }
    case StmtKind::For: {
      Value iterable = eval(*s.value);
      Flow result = Flow::Normal;
      bool broke = false;
      for_each(iterable, [&](const Value& v) {
        assign(*s.targets[0], v);
        Flow f = exec_body(s.body);
        if (f == Flow::Break) {
          broke = true;
          return false;
        }
        if (f == Flow::Return) {
          result = f;
          return false;
        }
        return true;
      });
      if (result == Flow::Return) return result;
      if (!broke) return exec_body(s.orelse);
      return Flow::Normal;
    }
    case StmtKind::Break:
      return Flow::Break;
    case StmtKind::Continue:
      return Flow::Continue;
    case StmtKind::Pass:
    case StmtKind::Global:
      return Flow::Normal;
    case StmtKind::Return:
      fr.return_value = s.value ? eval(*s.value) : Value();
      return Flow::Return;
    case StmtKind::Def:
      store_name(s.func->name, make_function(*s.func, s.loc));
      return Flow::Normal;
    case StmtKind::Class:
      store_name(s.name, make_class(s));
      return Flow::Normal;
    case StmtKind::Import:
    case StmtKind::ImportFrom:
      exec_import(s);
      return Flow::Normal;
    case StmtKind::Del:
      for (const auto& t : s.targets) delete_target(*t);
      return Flow::Normal;
    case StmtKind::Assert:
      if (!truthy(eval(*s.test))) {
        std::vector<Value> args;
        if (s.value) args.push_back(eval(*s.value));
        frame().loc = s.loc;
        throw PyException{new_exception(builtin_exception_class("AssertionError"), std::move(args)), {}};
      }
      return Flow::Normal;
    case StmtKind::Try:
      return exec_try(s);
    case StmtKind::Raise:
      exec_raise(s);
      return Flow::Normal;
    case StmtKind::Print:
      exec_print(s);
      return Flow::Normal;
    case StmtKind::With:
      return exec_with(s);
  }
  return Flow::Normal;
}

bool Interpreter::exception_matches(const Value& exc, const Value& spec) {
  if (spec.is(Type::Tuple)) {
    for (const Value& item : spec.as<TupleObj>()->items)
      if (exception_matches(exc, item)) return true;
    return false;
  }
  if (!spec.is(Type::Class) && !spec.is(Type::Host)) return false;
  return isinstance(exc, spec);
}

Interpreter::Flow Interpreter::exec_try(const Stmt& s) {
  Flow flow = Flow::Normal;
  try {
    bool raised = false;
    try {
      flow = exec_body(s.body);
    } catch (PyException& e) {
      if (s.handlers.empty()) throw;
      raised = true;
      Location raised_at = frame().loc;  // the traceback must point at the raise, not the handlers
      const ExceptHandler* chosen = nullptr;
      for (const auto& h : s.handlers) {
        if (!h.type || exception_matches(e.exc, eval(*h.type))) {
          chosen = &h;
          break;
        }
      }
      if (!chosen) {
        frame().loc = raised_at;
        throw;
      }
      PyException caught = std::move(e);
      if (chosen->name) assign(*chosen->name, caught.exc);
      Value saved = current_exception_;
      current_exception_ = caught.exc;
      try {
        flow = exec_body(chosen->body);
      } catch (...) {
        current_exception_ = saved;
        throw;
      }
      current_exception_ = saved;
    }
    if (!raised && flow == Flow::Normal) flow = exec_body(s.orelse);
  } catch (PyException&) {
    if (s.finalbody.empty()) throw;
    Location raised_at = frame().loc;
    Flow f = exec_body(s.finalbody);
    if (f != Flow::Normal) return f;  // return/break in finally swallows the exception
    frame().loc = raised_at;
    throw;
  }
  if (!s.finalbody.empty()) {
    Flow f = exec_body(s.finalbody);
    if (f != Flow::Normal) return f;
  }
  return flow;
}

void Interpreter::exec_raise(const Stmt& s) {
  if (!s.value) {
    if (current_exception_.is_none()) {
      throw_py("TypeError", "exceptions must be old-style classes or derived from BaseException, not NoneType");
    }
    throw PyException{current_exception_, {}};
  }
  Value v = eval(*s.value);
  Value arg;
  bool has_arg = false;
  if (s.test) {
    arg = eval(*s.test);
    has_arg = true;
  }
  frame().loc = s.loc;
  static const ClassObj* base = builtin_exception_class("BaseException").as<ClassObj>();
  if (v.is(Type::Class) && v.as<ClassObj>()->is_subclass_of(base)) {
    CallArgs args;
    if (has_arg) {
      if (arg.is(Type::Tuple)) args.positional = arg.as<TupleObj>()->items;
      else args.positional.push_back(arg);
    }
    Value inst = call_value(v, args, s.loc);
    throw PyException{inst, {}};
  }
  if (v.is(Type::Instance) && v.as<InstanceObj>()->cls->is_subclass_of(base)) {
    if (has_arg) throw_py("TypeError", "instance exception may not have a separate value");
    throw PyException{v, {}};
  }
  throw_py("TypeError", "exceptions must be old-style classes or derived from BaseException, not " +
                            type_name(v));
}

void Interpreter::exec_print(const Stmt& s) {
  Value dest;
  if (s.test) dest = eval(*s.test);
  // Python 2 writes each item as soon as it is evaluated, with "softspace" between items.
  auto write = [&](const std::string& text) {
    frame().loc = s.loc;
    if (dest.is_none()) {
      options_.out(text);
    } else {
      CallArgs args;
      args.positional.push_back(Value::str(text));
      call_method(dest, "write", args, s.loc);
    }
  };
  bool local_soft = false;
  bool& soft = dest.is_none() ? softspace_ : local_soft;
  for (const auto& e : s.bases) {
    Value v = eval(*e);
    std::string text = str(v);
    write(soft ? " " + text : text);
    soft = text.empty() || text.back() != '\n';
  }
  if (s.newline) {
    write("\n");
    soft = false;
  }
}

Interpreter::Flow Interpreter::exec_with(const Stmt& s) {
  Value ctx = eval(*s.value);
  frame().loc = s.loc;
  CallArgs enter_args;
  Value entered = call_method(ctx, "__enter__", enter_args, s.loc);
  if (!s.targets.empty()) assign(*s.targets[0], entered);
  Flow flow;
  try {
    flow = exec_body(s.body);
  } catch (PyException& e) {
    CallArgs exit_args;
    exit_args.positional = {Value::object(e.exc.as<InstanceObj>()->cls), e.exc, Value()};
    if (truthy(call_method(ctx, "__exit__", exit_args, s.loc))) return Flow::Normal;
    throw;
  }
  CallArgs exit_args;
  exit_args.positional = {Value(), Value(), Value()};
  call_method(ctx, "__exit__", exit_args, s.loc);
  return flow;
}

void Interpreter::exec_import(const Stmt& s) {
  if (s.kind == StmtKind::Import) {
    for (const auto& name : s.imports) {
      Value mod = import_module(name.name, s.loc);
      if (!name.as.empty()) {
        store_name(name.as, mod);
      } else {
        std::string top = name.name.substr(0, name.name.find('.'));
        store_name(top, top == name.name ? mod : import_module(top, s.loc));
      }
    }
    return;
  }
  if (s.name == "__future__") return;
  Value mod = import_module(s.name, s.loc);
  for (const auto& name : s.imports) {
    if (name.name == "*") {
      for (const auto& [k, v] : mod.as<ModuleObj>()->attrs)
        if (!k.empty() && k[0] != '_') store_name(k, v);
      continue;
    }
    auto& attrs = mod.as<ModuleObj>()->attrs;
    auto it = attrs.find(name.name);
    if (it == attrs.end()) throw_py("ImportError", "cannot import name " + name.name);
    store_name(name.as.empty() ? name.name : name.as, it->second);
  }
}

}  // namespace aurora::config::lang
