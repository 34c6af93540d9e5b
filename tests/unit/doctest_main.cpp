// The doctest main of every test binary. CTest runs one test case per process, selected with
// --test-case=NAME; a filter that matches nothing (a name CTest split at a ';', say) would pass
// with zero cases run, so that is a failure here.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <string_view>

namespace {

struct FilterOutcome {
  bool query = false;  // --list-test-cases and the like run no test
  unsigned matched = 0;
};
FilterOutcome outcome;

class MatchCounter : public doctest::IReporter {
 public:
  explicit MatchCounter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override { outcome.query = true; }
  void test_run_end(const doctest::TestRunStats& stats) override {
    outcome.matched = stats.numTestCasesPassingFilters;
  }
  void test_run_start() override {}
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};
REGISTER_LISTENER("match-counter", 1, MatchCounter);

bool selects_test_cases(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    for (std::string_view flag : {"--test-case=", "-tc=", "--dt-test-case=", "--dt-tc="}) {
      if (arg.substr(0, flag.size()) == flag) return true;
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (context.shouldExit() || outcome.query) return result;
  if (outcome.matched == 0 && selects_test_cases(argc, argv)) {
    std::fprintf(stderr, "doctest: no test case matches the --test-case filter\n");
    return result == 0 ? 1 : result;
  }
  return result;
}
