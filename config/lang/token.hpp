#pragma once
// Tokens of the .aurora Python dialect; every token knows where it came from for error messages.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace aurora::config::lang {

// One source file kept alive for as long as its AST, so errors can quote the offending line.
struct SourceFile {
  std::string path;
  std::string text;
  std::string_view line(int number) const;  // 1-based, without the newline
};

struct Location {
  const SourceFile* file = nullptr;
  int line = 0;
  int column = 0;  // 1-based
};

enum class TokenKind : uint8_t {
  Name, Int, Float, String, Op, Newline, Indent, Dedent, End,
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;  // name, operator, or the decoded string literal
  int64_t int_value = 0;
  double float_value = 0;
  Location loc;
};

}  // namespace aurora::config::lang
