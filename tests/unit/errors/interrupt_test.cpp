#include <doctest/doctest.h>

#include <signal.h>

#include "errors/error.hpp"
#include "errors/interrupt.hpp"

using namespace aurora;

TEST_CASE("a signal inside a cooperative scope raises the flag instead of exiting") {
  interrupt::install_handler();
  interrupt::reset();
  {
    interrupt::Cooperative scope;
    CHECK_FALSE(interrupt::requested());
    raise(SIGINT);
    CHECK(interrupt::requested());
    try {
      interrupt::sleep_for_ms(10'000);
      FAIL("sleep should have been interrupted");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Interrupted);
    }
  }
  interrupt::reset();
}

TEST_CASE("sleep returns after the deadline when nothing interrupts") {
  interrupt::reset();
  CHECK_NOTHROW(interrupt::sleep_for_ms(1));
}
