#include <doctest/doctest.h>

#include "grammars/grammar_error.hpp"
#include "grammars/job_key.hpp"
#include "grammars/scp_path.hpp"

using namespace aurora;
using namespace aurora::grammars;

static std::string argparse_error(auto&& fn) {
  try {
    fn();
  } catch (const GrammarError& e) {
    return e.argparse_text();
  }
  return "no error";
}

TEST_CASE("job key with four parts parses and renders back") {
  const auto key = JobKey::parse("devcluster/www-data/prod/hello");
  CHECK(key.cluster == "devcluster");
  CHECK(key.role == "www-data");
  CHECK(key.env == "prod");
  CHECK(key.name == "hello");
  CHECK(key.str() == "devcluster/www-data/prod/hello");
  CHECK(key.path_without_cluster() == "www-data/prod/hello");
}

TEST_CASE("job key cluster is not validated, even when empty") {
  CHECK(JobKey::parse("/r/e/n").cluster.empty());
  CHECK(JobKey::parse("we$t/r/e/n").cluster == "we$t");
}

TEST_CASE("job key environments are not restricted client-side") {
  CHECK(JobKey::parse("c/r/anything.goes_1/n").env == "anything.goes_1");
}

TEST_CASE("job key with five segments is rejected as an invalid jobkeytype value") {
  CHECK(argparse_error([] { JobKey::parse("c/r/e/n/0"); }) ==
        "invalid jobkeytype value: 'c/r/e/n/0'");
  CHECK(argparse_error([] { JobKey::parse("c/r/e"); }) == "invalid jobkeytype value: 'c/r/e'");
}

TEST_CASE("job key parts outside [\\w.-] are rejected") {
  CHECK_THROWS_AS(JobKey::parse("c/r o/e/n"), GrammarError);
  CHECK_THROWS_AS(JobKey::parse("c/r/e/"), GrammarError);
  CHECK_THROWS_AS(JobKey::parse("c/r/e/n!"), GrammarError);
  CHECK_NOTHROW(JobKey::parse("c/R_1/e-2/n.3"));
}

TEST_CASE("job key errors are usage errors (exit 2)") {
  try {
    JobKey::parse("x");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
  }
}

TEST_CASE("python repr quoting follows CPython") {
  CHECK(python_str_repr("abc") == "'abc'");
  CHECK(python_str_repr("it's") == "\"it's\"");
  CHECK(python_str_repr("a'b\"c") == "'a\\'b\"c'");
  CHECK(python_str_repr("tab\there") == "'tab\\there'");
}

TEST_CASE("task instance key needs five parts and an integer instance") {
  const auto key = TaskInstanceKey::parse("west/www-data/prod/hello/3");
  CHECK(key.job.str() == "west/www-data/prod/hello");
  CHECK(key.instance == 3);
  CHECK(argparse_error([] { TaskInstanceKey::parse("c/r/e/n"); }) ==
        "invalid parse_task_instance_key value: 'c/r/e/n'");
  try {
    TaskInstanceKey::parse("c/r/e/n/1-2");
    FAIL("expected an error");
  } catch (const GrammarError& e) {
    CHECK(std::string(e.what()) == "Instance must be an integer, but got 1-2");
  }
  try {
    TaskInstanceKey::parse("c/r/e/n");
    FAIL("expected an error");
  } catch (const GrammarError& e) {
    CHECK(std::string(e.what()) ==
          "Task instance specifier c/r/e/n is not in the form CLUSTER/ROLE/ENV/NAME/INSTANCE");
  }
}

TEST_CASE("scp path without a colon is local and passed through") {
  const auto path = ScpPath::parse("/tmp/some file");
  CHECK_FALSE(path.task.has_value());
  CHECK(path.path == "/tmp/some file");
}

TEST_CASE("scp path splits on the first colon") {
  const auto path = ScpPath::parse("west/r/e/n/2:logs/a:b");
  REQUIRE(path.task.has_value());
  CHECK(path.task->instance == 2);
  CHECK(path.path == "logs/a:b");
}

TEST_CASE("scp path with a bad task key is an invalid parameter (exit 6)") {
  try {
    ScpPath::parse("west/r/e/n:file");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::InvalidParameter);
    CHECK(std::string(e.what()) ==
          "Task instance specifier west/r/e/n is not in the form CLUSTER/ROLE/ENV/NAME/INSTANCE");
  }
}
