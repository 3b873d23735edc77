#pragma once
// A stand-in for libcurl's URL parser (src/apply/url_parser.hpp) in tests of
// src/creds, which has no libcurl: the URL's text as given, with the scheme
// --proto-default's or "http" when it has none, http's and https's default
// ports. Tests of libcurl's own reading
// (127.1, %XX, :08443) use the real parser.

#include <optional>
#include <string>
#include <string_view>

#include "common/exit_codes.hpp"
#include "creds/url.hpp"

namespace dbcurl::testing {

inline Result<UrlParts> parse_url_text(std::string_view url, const std::optional<std::string>& default_protocol) {
  UrlParts parts = split_url(url);
  if (parts.host.empty() || parts.host.starts_with('<')) return make_error(exit_code::kUrlMalformat, "no host");
  if (parts.scheme.empty()) parts.scheme = default_protocol.value_or("http");
  if (parts.scheme == "https") parts.default_port = "443";
  if (parts.scheme == "http") parts.default_port = "80";
  return parts;
}

}  // namespace dbcurl::testing
