// Expected texts are what CPython's json.dumps prints for the same values (ensure_ascii on;
// indent=2 with separators ',' and ': ', or separators ',' and ':' for compact).
#include <doctest/doctest.h>

#include <limits>
#include <sstream>

#include "api/json_text_writer.hpp"

using aurora::api::JsonTextWriter;

namespace {

std::string number_text(double value) {
  JsonTextWriter out;
  out.number(value);
  return out.take();
}

std::string string_text(std::string_view value) {
  JsonTextWriter out;
  out.string(value);
  return out.take();
}

void write_sample(JsonTextWriter& out) {
  out.begin_object();
  out.key("a");
  out.begin_array();
  out.integer(1);
  out.begin_object();
  out.key("b");
  out.begin_array();
  out.end_array();
  out.end_object();
  out.begin_object();
  out.end_object();
  out.end_array();
  out.key("c");
  out.boolean(true);
  out.key("d");
  out.null();
  out.end_object();
}

}  // namespace

TEST_CASE("an indented document is laid out as json.dumps(indent=2) lays it out") {
  JsonTextWriter out(2);
  write_sample(out);
  CHECK(out.text() ==
        "{\n"
        "  \"a\": [\n"
        "    1,\n"
        "    {\n"
        "      \"b\": []\n"
        "    },\n"
        "    {}\n"
        "  ],\n"
        "  \"c\": true,\n"
        "  \"d\": null\n"
        "}");
}

TEST_CASE("a compact document has no spaces") {
  JsonTextWriter out;
  write_sample(out);
  CHECK(out.text() == R"({"a":[1,{"b":[]},{}],"c":true,"d":null})");
}

TEST_CASE("floats are written as Python's repr writes them") {
  CHECK(number_text(0.0001) == "0.0001");
  CHECK(number_text(1e-05) == "1e-05");
  CHECK(number_text(100000.0) == "100000.0");
  CHECK(number_text(1e15) == "1000000000000000.0");
  CHECK(number_text(1e16) == "1e+16");
  CHECK(number_text(0.1 + 0.2) == "0.30000000000000004");
  CHECK(number_text(-0.5) == "-0.5");
  CHECK(number_text(1.2345678901234568e+17) == "1.2345678901234568e+17");
  CHECK(number_text(5e-324) == "5e-324");
  CHECK(number_text(1.7976931348623157e+308) == "1.7976931348623157e+308");
  CHECK(number_text(10.0) == "10.0");
  CHECK(number_text(-0.0) == "-0.0");
  CHECK(number_text(123.456) == "123.456");
}

TEST_CASE("infinities and NaN, which JSON cannot hold, are written as null") {
  CHECK(number_text(std::numeric_limits<double>::infinity()) == "null");
  CHECK(number_text(std::numeric_limits<double>::quiet_NaN()) == "null");
}

TEST_CASE("strings are ASCII: non-ASCII as \\u escapes, astral characters as surrogate pairs") {
  CHECK(string_text("\xc3\xa9\xf0\x9f\x98\x80\"\\\x01\x7f/\n") ==
        R"("\u00e9\ud83d\ude00\"\\\u0001\u007f/\n")");
  CHECK(string_text("\b\f\r\t") == R"("\b\f\r\t")");
}

TEST_CASE("bytes that are not UTF-8 are taken as Latin-1, so the document stays valid") {
  CHECK(string_text("a\xff" "b") == R"("a\u00ffb")");
  CHECK(string_text("\xc3") == R"("\u00c3")");                              // truncated sequence
  CHECK(string_text("\xc0\xaf") == R"("\u00c0\u00af")");                   // overlong '/'
  CHECK(string_text("\xed\xa0\x80") == R"("\u00ed\u00a0\u0080")");        // a UTF-16 surrogate
}

TEST_CASE("a writer with a sink writes the text there and ends it with a newline") {
  std::ostringstream sink;
  JsonTextWriter out(-1, sink);
  out.begin_array();
  for (int i = 0; i < 300000; ++i) out.integer(i);  // more than one chunk
  out.end_array();
  out.finish();
  const std::string text = sink.str();
  CHECK(text.size() > (size_t{1} << 20));
  CHECK(text.substr(0, 7) == "[0,1,2,");
  CHECK(text.substr(text.size() - 9) == ",299999]\n");
  CHECK(out.text().empty());
}
