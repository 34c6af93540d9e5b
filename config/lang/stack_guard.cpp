#include "config/lang/stack_guard.hpp"

#include <vector>

#include "config/lang/exceptions.hpp"
#include "config/lang/value.hpp"

namespace aurora::config::lang {
namespace {
thread_local const char* g_base = nullptr;
thread_local size_t g_limit = 0;
thread_local std::vector<Value>* g_pending = nullptr;
}  // namespace

StackBase::StackBase(size_t limit_bytes) : outermost_(g_base == nullptr) {
  if (!outermost_) return;
  // Only the address is kept, as a mark to measure stack depth against; it is never dereferenced.
  g_base = static_cast<const char*>(__builtin_frame_address(0));
  g_limit = limit_bytes;
}

StackBase::~StackBase() {
  if (outermost_) g_base = nullptr;
}

void check_stack() {
  if (!g_base) return;
  const char* here = static_cast<const char*>(__builtin_frame_address(0));
  size_t used = g_base > here ? static_cast<size_t>(g_base - here) : static_cast<size_t>(here - g_base);
  if (used > g_limit) throw_py("RuntimeError", "maximum recursion depth exceeded");
}

void release_deferred(Value&& v) {
  if (!v.object_ptr() || v.shared().use_count() > 1) {
    Value drop = std::move(v);
    return;
  }
  if (g_pending) {
    g_pending->push_back(std::move(v));
    return;
  }
  std::vector<Value> queue;
  g_pending = &queue;
  queue.push_back(std::move(v));
  while (!queue.empty()) {
    Value last = std::move(queue.back());
    queue.pop_back();
    // Destroying `last` may push its children onto the queue instead of recursing.
  }
  g_pending = nullptr;
}

}  // namespace aurora::config::lang
