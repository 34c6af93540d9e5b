#include "config/lang/lexer.hpp"

#include <charconv>
#include <cstdlib>

#include "config/lang/config_error.hpp"

namespace aurora::config::lang {
namespace {

bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  explicit Lexer(const SourceFile& file) : file_(file), src_(file.text) {}

  std::vector<Token> run() {
    indents_.push_back(0);
    tokens_.reserve(src_.size() / 3 + 16);
    while (pos_ < src_.size()) {
      if (at_line_start_ && depth_ == 0) {
        if (!read_indentation()) continue;
      }
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
        ++pos_;
        continue;
      }
      if (c == '#') {
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
        continue;
      }
      if (c == '\\' && pos_ + 1 < src_.size() &&
          (src_[pos_ + 1] == '\n' || (src_[pos_ + 1] == '\r' && pos_ + 2 < src_.size() &&
                                      src_[pos_ + 2] == '\n'))) {
        pos_ += src_[pos_ + 1] == '\n' ? 2 : 3;
        new_line();
        continue;
      }
      if (c == '\n') {
        if (depth_ == 0 && !tokens_.empty() && tokens_.back().kind != TokenKind::Newline) {
          push(TokenKind::Newline, "", here());
        }
        ++pos_;
        new_line();
        if (depth_ == 0) at_line_start_ = true;
        continue;
      }
      read_token();
    }
    if (depth_ == 0 && !tokens_.empty() && tokens_.back().kind != TokenKind::Newline &&
        tokens_.back().kind != TokenKind::Dedent) {
      push(TokenKind::Newline, "", here());
    }
    while (indents_.size() > 1) {
      indents_.pop_back();
      push(TokenKind::Dedent, "", here());
    }
    push(TokenKind::End, "", here());
    return std::move(tokens_);
  }

 private:
  Location here() const { return Location{&file_, line_, static_cast<int>(pos_ - line_start_) + 1}; }
  void new_line() {
    ++line_;
    line_start_ = pos_;
  }
  Token& push(TokenKind kind, std::string text, Location loc) {
    Token t;
    t.kind = kind;
    t.text = std::move(text);
    t.loc = loc;
    tokens_.push_back(std::move(t));
    return tokens_.back();
  }

  // Measures the indentation of a logical line; returns false for blank/comment-only lines.
  bool read_indentation() {
    int width = 0;
    size_t p = pos_;
    while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t' || src_[p] == '\f')) {
      width = src_[p] == '\t' ? (width / 8 + 1) * 8 : width + 1;
      ++p;
    }
    if (p >= src_.size()) {
      pos_ = p;
      return false;
    }
    if (src_[p] == '\n' || src_[p] == '#' || src_[p] == '\r') {
      pos_ = p;
      if (src_[p] == '#')
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      if (pos_ < src_.size() && src_[pos_] == '\r') ++pos_;
      if (pos_ < src_.size()) {
        ++pos_;
        new_line();
      }
      return false;
    }
    pos_ = p;
    at_line_start_ = false;
    if (width > indents_.back()) {
      indents_.push_back(width);
      push(TokenKind::Indent, "", here());
    } else {
      while (width < indents_.back()) {
        indents_.pop_back();
        push(TokenKind::Dedent, "", here());
      }
      if (width != indents_.back()) {
        throw_syntax_error(here(), "unindent does not match any outer indentation level",
                           "IndentationError");
      }
    }
    return true;
  }

  void read_token() {
    Location loc = here();
    char c = src_[pos_];
    if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) {
      read_number(loc);
      return;
    }
    if (is_ident_start(c)) {
      size_t start = pos_;
      while (pos_ < src_.size() && is_ident_char(src_[pos_])) ++pos_;
      std::string_view word = src_.substr(start, pos_ - start);
      if (pos_ < src_.size() && (src_[pos_] == '\'' || src_[pos_] == '"') && word.size() <= 2) {
        bool raw = false, unicode = false, ok = true;
        for (char p : word) {
          char l = static_cast<char>(p | 0x20);
          if (l == 'r') raw = true;
          else if (l == 'u') unicode = true;
          else if (l != 'b') ok = false;
        }
        if (ok) {
          read_string(loc, raw, unicode);
          return;
        }
      }
      push(TokenKind::Name, std::string(word), loc);
      return;
    }
    if (c == '\'' || c == '"') {
      read_string(loc, false, false);
      return;
    }
    static const std::string_view singles = "()[]{},:.;@=+-*/%&|^~<>`";
    char next_c = pos_ + 1 < src_.size() ? src_[pos_ + 1] : '\0';
    if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' ||
        c == ':' || c == ';' || c == '~' || c == '`' || (c == '.' && next_c != '.') ||
        (c == '=' && next_c != '=')) {
      if (c == '(' || c == '[' || c == '{') ++depth_;
      if ((c == ')' || c == ']' || c == '}') && depth_ > 0) --depth_;
      ++pos_;
      push(TokenKind::Op, std::string(1, c), loc);
      return;
    }
    static const std::string_view three[] = {"**=", "//=", ">>=", "<<=", "..."};
    static const std::string_view two[] = {"**", "//", "==", "!=", "<>", "<=", ">=", "<<", ">>",
                                           "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "->"};
    for (std::string_view op : three) {
      if (src_.substr(pos_, 3) == op) {
        pos_ += 3;
        push(TokenKind::Op, std::string(op), loc);
        return;
      }
    }
    for (std::string_view op : two) {
      if (src_.substr(pos_, 2) == op) {
        pos_ += 2;
        push(TokenKind::Op, std::string(op == "<>" ? "!=" : op), loc);
        return;
      }
    }
    if (singles.find(c) != std::string_view::npos) {
      if (c == '(' || c == '[' || c == '{') ++depth_;
      if ((c == ')' || c == ']' || c == '}') && depth_ > 0) --depth_;
      ++pos_;
      push(TokenKind::Op, std::string(1, c), loc);
      return;
    }
    throw_syntax_error(loc, std::string("invalid character '") + c + "' in source");
  }

  void read_number(Location loc) {
    size_t start = pos_;
    auto digits = [&](auto pred) {
      while (pos_ < src_.size() && (pred(src_[pos_]) || src_[pos_] == '_')) ++pos_;
    };
    auto finish_int = [&](std::string_view text, int base) {
      std::string clean;
      for (char ch : text)
        if (ch != '_') clean += ch;
      int64_t value = 0;
      auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), value, base);
      if (ec == std::errc::result_out_of_range) {
        throw_syntax_error(loc, "integer literal too large (integers are 64-bit)", "OverflowError");
      }
      if (ec != std::errc() || ptr != clean.data() + clean.size() || clean.empty()) {
        throw_syntax_error(loc, "invalid number literal");
      }
      if (pos_ < src_.size() && (src_[pos_] == 'L' || src_[pos_] == 'l')) ++pos_;
      if (pos_ < src_.size() && is_ident_char(src_[pos_])) throw_syntax_error(here(), "invalid syntax");
      push(TokenKind::Int, std::string(src_.substr(start, pos_ - start)), loc).int_value = value;
    };
    if (src_[pos_] == '0' && pos_ + 1 < src_.size()) {
      char p = static_cast<char>(src_[pos_ + 1] | 0x20);
      if (p == 'x' || p == 'o' || p == 'b') {
        pos_ += 2;
        size_t body = pos_;
        digits([](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; });
        finish_int(src_.substr(body, pos_ - body), p == 'x' ? 16 : p == 'o' ? 8 : 2);
        return;
      }
    }
    digits(is_digit);
    bool is_float = false;
    if (pos_ < src_.size() && src_[pos_] == '.') {
      is_float = true;
      ++pos_;
      digits(is_digit);
    }
    if (pos_ < src_.size() && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
      size_t save = pos_;
      ++pos_;
      if (pos_ < src_.size() && (src_[pos_] == '+' || src_[pos_] == '-')) ++pos_;
      if (pos_ < src_.size() && is_digit(src_[pos_])) {
        is_float = true;
        digits(is_digit);
      } else {
        pos_ = save;
      }
    }
    if (pos_ < src_.size() && (src_[pos_] == 'j' || src_[pos_] == 'J')) {
      throw_syntax_error(loc, "complex numbers are not supported");
    }
    std::string_view text = src_.substr(start, pos_ - start);
    if (is_float) {
      std::string clean;
      for (char ch : text)
        if (ch != '_') clean += ch;
      if (pos_ < src_.size() && is_ident_char(src_[pos_])) throw_syntax_error(here(), "invalid syntax");
      push(TokenKind::Float, std::string(text), loc).float_value = std::strtod(clean.c_str(), nullptr);
      return;
    }
    if (text.size() > 1 && text[0] == '0') {
      // Python 2 legacy octal: 0755.
      finish_int(text.substr(1), 8);
      return;
    }
    finish_int(text, 10);
  }

  void read_string(Location loc, bool raw, bool unicode) {
    char quote = src_[pos_];
    bool triple = src_.substr(pos_, 3) == std::string_view(std::string(3, quote));
    pos_ += triple ? 3 : 1;
    std::string out;
    while (true) {
      if (pos_ >= src_.size()) {
        throw_syntax_error(loc, triple ? "EOF while scanning triple-quoted string literal"
                                       : "EOL while scanning string literal");
      }
      char c = src_[pos_];
      if (c == quote) {
        if (!triple) {
          ++pos_;
          break;
        }
        if (src_.substr(pos_, 3) == std::string_view(std::string(3, quote))) {
          pos_ += 3;
          break;
        }
      }
      if (c == '\n') {
        if (!triple) throw_syntax_error(loc, "EOL while scanning string literal");
        out += c;
        ++pos_;
        new_line();
        continue;
      }
      if (c == '\\' && pos_ + 1 < src_.size()) {
        char e = src_[pos_ + 1];
        if (raw) {
          out += c;
          out += e;
          pos_ += 2;
          if (e == '\n') new_line();
          continue;
        }
        pos_ += 2;
        switch (e) {
          case '\n': new_line(); break;
          case '\\': out += '\\'; break;
          case '\'': out += '\''; break;
          case '"': out += '"'; break;
          case 'a': out += '\a'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'v': out += '\v'; break;
          case 'x': out += static_cast<char>(read_hex(2, loc)); break;
          case 'u':
          case 'U':
            // \u escapes exist only in unicode literals in Python 2.
            if (unicode) append_utf8(out, read_hex(e == 'u' ? 4 : 8, loc));
            else out += std::string("\\") + e;
            break;
          default:
            if (e >= '0' && e <= '7') {
              int v = e - '0';
              for (int i = 0; i < 2 && pos_ < src_.size() && src_[pos_] >= '0' && src_[pos_] <= '7';
                   ++i)
                v = v * 8 + (src_[pos_++] - '0');
              out += static_cast<char>(v);
            } else {
              out += '\\';
              out += e;
            }
        }
        continue;
      }
      out += c;
      ++pos_;
    }
    push(TokenKind::String, std::move(out), loc);
  }

  uint32_t read_hex(int count, Location loc) {
    uint32_t v = 0;
    for (int i = 0; i < count; ++i) {
      if (pos_ >= src_.size() || !std::isxdigit(static_cast<unsigned char>(src_[pos_]))) {
        throw_syntax_error(loc, "invalid \\x escape");
      }
      char h = src_[pos_++];
      v = v * 16 + (is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    return v;
  }

  const SourceFile& file_;
  std::string_view src_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int line_ = 1;
  int depth_ = 0;
  bool at_line_start_ = true;
  std::vector<int> indents_;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(const SourceFile& file) { return Lexer(file).run(); }

}  // namespace aurora::config::lang
