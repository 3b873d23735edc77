#include "cli/url_encode.hpp"

#include <cctype>

namespace dbcurl {

std::string url_encode_form(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string url_encoded_value(std::string_view value, const FileReader& read, const WarningSink& warn) {
  const auto equals = value.find('=');
  const auto at = value.find('@');
  if (at != std::string_view::npos && (equals == std::string_view::npos || at < equals)) {
    const std::string name(value.substr(0, at));
    const std::string content = data_option_value(value.substr(at), DataKind::kBinary, read, warn);
    return (name.empty() ? "" : name + "=") + url_encode_form(content);
  }
  if (equals == std::string_view::npos) return url_encode_form(value);
  const std::string_view name = value.substr(0, equals);
  return (name.empty() ? "" : std::string(name) + "=") + url_encode_form(value.substr(equals + 1));
}

std::string url_query_value(std::string_view value, const FileReader& read, const WarningSink& warn) {
  if (value.starts_with("+")) return std::string(value.substr(1));
  return url_encoded_value(value, read, warn);
}

}  // namespace dbcurl
