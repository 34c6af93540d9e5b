#include "config/template/ref.hpp"

#include <cctype>

#include "config/template/template_error.hpp"

namespace aurora::config::templating {
namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_index_char(char c) { return is_word(c) || c == '-' || c == '.' || c == '/'; }

std::vector<RefComponent> split_components(const std::string& address) {
  std::vector<RefComponent> out;
  size_t p = 0;
  const size_t n = address.size();
  auto bad = [&] { throw TemplateError("InvalidRefError", "Badly formed address " + address); };
  while (p < n) {
    if (address[p] == '.') {
      size_t q = p + 1;
      if (q >= n || !(std::isalpha(static_cast<unsigned char>(address[q])) || address[q] == '_')) bad();
      while (q < n && is_word(address[q])) ++q;
      out.push_back({RefComponent::Kind::Member, address.substr(p + 1, q - p - 1)});
      p = q;
    } else if (address[p] == '[') {
      size_t q = p + 1;
      while (q < n && is_index_char(address[q])) ++q;
      if (q == p + 1 || q >= n || address[q] != ']') bad();
      out.push_back({RefComponent::Kind::Index, address.substr(p + 1, q - p - 1)});
      p = q + 1;
    } else {
      bad();
    }
  }
  return out;
}

}  // namespace

Ref Ref::parse(std::string_view address) {
  std::string text(address);
  if (text.empty()) throw TemplateError("InvalidRefError", "Invalid address: ''");
  if (text[0] == '[' || text[0] == '.') return Ref{split_components(text)};
  if (!(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_'))
    throw TemplateError("InvalidRefError", text);
  return Ref{split_components("." + text)};
}

std::string Ref::address() const {
  std::string out;
  for (const auto& c : components) {
    if (c.kind == RefComponent::Kind::Member) {
      out += '.';
      out += c.value;
    } else {
      out += '[' + c.value + ']';
    }
  }
  if (!out.empty() && out[0] == '.') out.erase(0, 1);
  return out;
}

Ref Ref::rest() const { return tail(1); }

Ref Ref::tail(size_t from) const {
  Ref r;
  if (from < components.size()) r.components.assign(components.begin() + from, components.end());
  return r;
}

bool Ref::starts_with(const Ref& prefix) const {
  if (prefix.components.size() > components.size()) return false;
  for (size_t i = 0; i < prefix.components.size(); ++i)
    if (!(components[i] == prefix.components[i])) return false;
  return true;
}

}  // namespace aurora::config::templating
