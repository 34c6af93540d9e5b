// The `aurora` executable's operator new/delete: size-class free lists over 64 KiB slabs.
//
// Evaluating a configuration makes tens of thousands of small, short-lived allocations (AST
// nodes, shared_ptr control blocks, strings); glibc's malloc and free were a third of the
// instructions of `job inspect`. Here a small object costs a thread-local list pop or a pointer
// bump, and its delete a list push. Freed blocks are reused by size, so long-running verbs
// (`update wait`, `job status` of 10,000 tasks) stay flat.
//
// Blocks up to 64 KiB live in one reserved address range, carved into slabs
// that each hold one size class; a side table maps a slab to its class, so delete needs no block
// header and also works when the size is not passed. Anything larger, aligned new, and every
// allocation when the range could not be reserved, goes to malloc. Each thread has its own free
// lists and slabs, with no locks; only the slab counter is shared. A thread's lists are dropped
// when it ends (bounded: a few slabs per thread that ever allocated).
//
// Linked into `aurora` only, and not in sanitizer or fuzz builds, where ASan must see every
// allocation.
#include <sys/mman.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

// Classes: 16-byte steps up to 1 KiB, then powers of two up to one slab.
constexpr std::size_t kGranule = 16;  // alignment of every block, as malloc's
constexpr std::size_t kFineMax = 1024;
constexpr std::size_t kFineClasses = kFineMax / kGranule;  // class c < 64: (c+1)*16 bytes
constexpr std::size_t kSlabBytes = std::size_t{64} << 10;
constexpr std::size_t kMaxSmall = kSlabBytes;
constexpr std::size_t kClasses = kFineClasses + 6;  // 2, 4, 8, 16, 32, 64 KiB
constexpr std::size_t kRangeBytes = std::size_t{4} << 30;  // address space only; pages on use
constexpr std::size_t kSlabs = kRangeBytes / kSlabBytes;
constexpr std::size_t kHugePage = std::size_t{2} << 20;

struct FreeBlock {
  FreeBlock* next;
};

// Each slab's class, written once per slab before any of its blocks escapes. In .bss, so only
// the pages of slabs in use are ever touched.
unsigned char slab_class_of[kSlabs];

struct Range {
  char* base = nullptr;
  std::atomic<std::size_t> next_slab{0};
  unsigned char* slab_class = slab_class_of;

  Range() {
    void* reserved = mmap(nullptr, kRangeBytes + kHugePage, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (reserved == MAP_FAILED) return;
    const auto address = reinterpret_cast<std::uintptr_t>(reserved);
    base = reinterpret_cast<char*>((address + kHugePage - 1) & ~(kHugePage - 1));
    // Transparent huge pages where the system allows them: one page fault then maps 2 MiB.
    madvise(base, kRangeBytes, MADV_HUGEPAGE);
  }

  bool owns(const void* pointer) const {
    const auto* p = static_cast<const char*>(pointer);
    return base != nullptr && p >= base && p < base + kRangeBytes;
  }
};

// Constructed on first use (operator new runs before other static constructors finish) and
// never destroyed: blocks may be deleted during exit.
Range& range() {
  static Range* instance = new (std::malloc(sizeof(Range))) Range();
  return *instance;
}

struct ThreadCache {
  FreeBlock* free[kClasses] = {};
  char* bump[kClasses] = {};
  char* bump_end[kClasses] = {};
};

thread_local ThreadCache cache;

std::size_t class_of(std::size_t size) {
  if (size <= kFineMax) return (size - 1) / kGranule;
  std::size_t cls = kFineClasses;
  for (std::size_t block = 2 * kFineMax; block < size; block *= 2) ++cls;
  return cls;
}

std::size_t block_bytes(std::size_t cls) {
  return cls < kFineClasses ? (cls + 1) * kGranule : (2 * kFineMax) << (cls - kFineClasses);
}

void* allocate_small(std::size_t cls) {
  ThreadCache& c = cache;
  if (FreeBlock* block = c.free[cls]) {
    c.free[cls] = block->next;
    return block;
  }
  const std::size_t size = block_bytes(cls);
  if (c.bump[cls] == nullptr || c.bump[cls] + size > c.bump_end[cls]) {
    Range& r = range();
    if (r.base == nullptr) return nullptr;
    const std::size_t slab = r.next_slab.fetch_add(1, std::memory_order_relaxed);
    if (slab >= kSlabs) return nullptr;
    r.slab_class[slab] = static_cast<unsigned char>(cls);
    c.bump[cls] = r.base + slab * kSlabBytes;
    c.bump_end[cls] = c.bump[cls] + kSlabBytes;
  }
  void* block = c.bump[cls];
  c.bump[cls] += size;
  return block;
}

void* allocate(std::size_t size) {
  if (size == 0) size = 1;
  if (size <= kMaxSmall) {
    if (void* block = allocate_small(class_of(size))) return block;
  }
  return std::malloc(size);
}

void release(void* pointer) noexcept {
  if (pointer == nullptr) return;
  Range& r = range();
  if (!r.owns(pointer)) {
    std::free(pointer);
    return;
  }
  const std::size_t slab = static_cast<std::size_t>(static_cast<char*>(pointer) - r.base) / kSlabBytes;
  auto* block = static_cast<FreeBlock*>(pointer);
  FreeBlock*& head = cache.free[r.slab_class[slab]];
  block->next = head;
  head = block;
}

}  // namespace

void* operator new(std::size_t size) {
  if (void* block = allocate(size)) return block;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* block = allocate(size)) return block;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void operator delete(void* pointer) noexcept { release(pointer); }
void operator delete[](void* pointer) noexcept { release(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { release(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { release(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { release(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { release(pointer); }
