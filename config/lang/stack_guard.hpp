#pragma once
// Hostile configs can nest data or expressions arbitrarily deep; native recursion checks the
// remaining C++ stack instead of trusting any one depth counter.

#include <cstddef>

namespace aurora::config::lang {

// Marks the current stack position as the base for this thread (outermost entry wins).
class StackBase {
 public:
  explicit StackBase(size_t limit_bytes);
  ~StackBase();

 private:
  bool outermost_;
};

// Raises RuntimeError("maximum recursion depth exceeded") when the stack in use passes the limit.
void check_stack();

// Destroys nested containers iteratively: a list of a list of ... is freed without recursion.
class Value;
void release_deferred(Value&& v);

}  // namespace aurora::config::lang
