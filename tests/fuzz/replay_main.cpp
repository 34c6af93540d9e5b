// A libFuzzer-compatible driver for builds without libFuzzer (gcc), so that every ctest run
// exercises each fuzz target: it runs LLVMFuzzerTestOneInput once on every file named on the
// command line (directories are descended), then, with --mutations=N, on N inputs made from the
// corpus by seeded random mutations (bit flips, byte edits, cut and copied ranges, splices of two
// inputs, dictionary tokens from --dict=FILE). The seed is fixed (--seed=S), so a run is
// repeatable; it is not coverage-guided, which is what tests/fuzz/run.sh's libFuzzer runs are for.
// An input that crashes the target is written to fuzz-crash-input before the process dies.
// Address space is capped at 2 GB, as the fuzzer's -malloc_limit_mb is, so that an input that once
// made the code allocate gigabytes fails the replay (std::bad_alloc) instead of passing slowly.

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

using Bytes = std::vector<uint8_t>;

constexpr size_t kMaxMutatedSize = 64 * 1024;
constexpr const char* kCrashFile = "fuzz-crash-input";

// The input being run, for the crash handlers (which may only use async-signal-safe calls).
const Bytes* g_current = nullptr;

void save_current_input() {
  if (g_current == nullptr) return;
  const int fd = ::open(kCrashFile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  size_t written = 0;
  while (written < g_current->size()) {
    const ssize_t n = ::write(fd, g_current->data() + written, g_current->size() - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  ::close(fd);
  static const char kNote[] = "replay: the crashing input is in fuzz-crash-input\n";
  (void)!::write(STDERR_FILENO, kNote, sizeof kNote - 1);
}

void on_fatal_signal(int signal_number) {
  save_current_input();
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

void install_crash_handlers() {
  for (int signal_number : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) {
    ::signal(signal_number, on_fatal_signal);
  }
  std::set_terminate([] {
    save_current_input();
    std::abort();
  });
}

void run(const Bytes& input) {
  g_current = &input;
  LLVMFuzzerTestOneInput(input.data(), input.size());
  g_current = nullptr;
}

std::vector<std::filesystem::path> inputs_of(const std::filesystem::path& arg) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(arg)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(arg))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // a stable order makes a failure reproducible
  } else {
    files.push_back(arg);
  }
  return files;
}

Bytes read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return Bytes{std::istreambuf_iterator<char>(in), {}};
}

// The quoted tokens of a libFuzzer dictionary ("token" or name="token" lines; \xNN, \\ and \"
// escapes).
std::vector<Bytes> read_dictionary(const std::filesystem::path& file) {
  std::vector<Bytes> tokens;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    const size_t open = line.find('"');
    const size_t close = line.rfind('"');
    if (line.empty() || line[0] == '#' || open == std::string::npos || close <= open) continue;
    Bytes token;
    for (size_t i = open + 1; i < close; ++i) {
      if (line[i] == '\\' && i + 1 < close) {
        if (line[i + 1] == 'x' && i + 3 < close) {
          token.push_back(static_cast<uint8_t>(std::stoi(line.substr(i + 2, 2), nullptr, 16)));
          i += 3;
        } else {
          token.push_back(static_cast<uint8_t>(line[++i]));
        }
      } else {
        token.push_back(static_cast<uint8_t>(line[i]));
      }
    }
    if (!token.empty()) tokens.push_back(std::move(token));
  }
  return tokens;
}

class Mutator {
 public:
  Mutator(uint32_t seed, const std::vector<Bytes>& corpus, std::vector<Bytes> dictionary)
      : random_(seed), corpus_(corpus), dictionary_(std::move(dictionary)) {}

  Bytes next() {
    Bytes input = corpus_[below(corpus_.size())];
    const size_t edits = 1 + below(4);
    for (size_t i = 0; i < edits; ++i) edit(input);
    if (input.size() > kMaxMutatedSize) input.resize(kMaxMutatedSize);
    return input;
  }

 private:
  size_t below(size_t bound) { return bound == 0 ? 0 : random_() % bound; }

  void edit(Bytes& input) {
    static constexpr uint8_t kInteresting[] = {0, 1, 0x7f, 0x80, 0xff, '\n', '"', '{', '}', '[',
                                               ']', ':', ',', '/', '%', '\\', '0', '9'};
    const size_t at = below(input.size() + 1);
    switch (below(7)) {
      case 0:  // flip a bit
        if (!input.empty()) input[below(input.size())] ^= static_cast<uint8_t>(1u << below(8));
        break;
      case 1:  // an interesting byte in place of another
        if (!input.empty()) input[below(input.size())] = kInteresting[below(sizeof kInteresting)];
        break;
      case 2:  // insert a random byte
        input.insert(input.begin() + static_cast<std::ptrdiff_t>(at),
                     static_cast<uint8_t>(random_()));
        break;
      case 3: {  // cut a range
        const size_t length = std::min(input.size() - std::min(at, input.size()), 1 + below(16));
        input.erase(input.begin() + static_cast<std::ptrdiff_t>(std::min(at, input.size())),
                    input.begin() + static_cast<std::ptrdiff_t>(std::min(at + length, input.size())));
        break;
      }
      case 4: {  // copy a range elsewhere
        if (input.empty()) break;
        const size_t from = below(input.size());
        const size_t length = std::min(input.size() - from, 1 + below(32));
        const Bytes chunk(input.begin() + static_cast<std::ptrdiff_t>(from),
                          input.begin() + static_cast<std::ptrdiff_t>(from + length));
        input.insert(input.begin() + static_cast<std::ptrdiff_t>(at), chunk.begin(), chunk.end());
        break;
      }
      case 5: {  // splice: this input's head, another's tail
        const Bytes& other = corpus_[below(corpus_.size())];
        const size_t from = below(other.size() + 1);
        input.resize(std::min(at, input.size()));
        input.insert(input.end(), other.begin() + static_cast<std::ptrdiff_t>(from), other.end());
        break;
      }
      default:  // a dictionary token
        if (dictionary_.empty()) break;
        const Bytes& token = dictionary_[below(dictionary_.size())];
        input.insert(input.begin() + static_cast<std::ptrdiff_t>(at), token.begin(), token.end());
        break;
    }
  }

  std::mt19937 random_;
  const std::vector<Bytes>& corpus_;
  std::vector<Bytes> dictionary_;
};

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;  // its shadow memory needs terabytes of address space
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

bool flag_value(std::string_view arg, std::string_view name, std::string& value) {
  if (arg.substr(0, name.size()) != name) return false;
  value = std::string(arg.substr(name.size()));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (!kAddressSanitizer) {
    const rlimit limit{rlim_t{2} << 30, rlim_t{2} << 30};
    setrlimit(RLIMIT_AS, &limit);
  }
  install_crash_handlers();
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  size_t mutations = 0;
  uint32_t seed = 1;
  std::vector<Bytes> dictionary;
  std::vector<Bytes> corpus;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string value;
    if (flag_value(arg, "--mutations=", value)) {
      mutations = std::stoul(value);
      continue;
    }
    if (flag_value(arg, "--seed=", value)) {
      seed = static_cast<uint32_t>(std::stoul(value));
      continue;
    }
    if (flag_value(arg, "--dict=", value)) {
      dictionary = read_dictionary(value);
      continue;
    }
    if (!arg.empty() && arg[0] == '-') continue;  // libFuzzer flags mean nothing here
    if (!std::filesystem::exists(arg)) {
      std::fprintf(stderr, "replay: no such file or directory: %s\n", arg.c_str());
      return 2;
    }
    for (const auto& file : inputs_of(arg)) {
      corpus.push_back(read_file(file));
      run(corpus.back());
    }
  }
  std::fprintf(stderr, "replay: %zu inputs ran without a crash\n", corpus.size());
  if (corpus.empty()) return 1;
  if (mutations > 0) {
    Mutator mutator(seed, corpus, std::move(dictionary));
    for (size_t i = 0; i < mutations; ++i) run(mutator.next());
    std::fprintf(stderr, "replay: %zu mutated inputs (seed %u) ran without a crash\n", mutations,
                 seed);
  }
  return 0;
}
