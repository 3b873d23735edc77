#include "cli/url_encode.hpp"

#include "common/strings.hpp"

namespace dbcurl {

std::string url_encode_form(std::string_view text) { return percent_encode(text, true); }

Result<std::string> url_encoded_value(std::string_view value, const FileSystem& files, const WarningSink& warn) {
  const auto equals = value.find('=');
  const auto at = value.find('@');
  if (at != std::string_view::npos && (equals == std::string_view::npos || at < equals)) {
    const std::string name(value.substr(0, at));
    Result<std::string> content = data_option_value(value.substr(at), DataKind::kBinary, files, warn);
    if (!content) return content;
    return (name.empty() ? "" : name + "=") + url_encode_form(*content);
  }
  if (equals == std::string_view::npos) return url_encode_form(value);
  const std::string_view name = value.substr(0, equals);
  return (name.empty() ? "" : std::string(name) + "=") + url_encode_form(value.substr(equals + 1));
}

Result<std::string> url_query_value(std::string_view value, const FileSystem& files, const WarningSink& warn) {
  if (value.starts_with("+")) return std::string(value.substr(1));
  return url_encoded_value(value, files, warn);
}

}  // namespace dbcurl
