#pragma once
// The UrlParser of src/creds, made of libcurl's own URL parser (CURLU), so
// that dbcurl classifies a request by the scheme, host and port libcurl then
// connects to, not by the URL's text.

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "creds/url.hpp"

namespace dbcurl {

// A URL as libcurl 7.88 reads CURLOPT_URL (url.c): --proto-default's scheme
// put in front of a URL that has none, then curl_url_set with
// CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME.
Result<UrlParts> parse_url_as_libcurl(std::string_view url, const std::optional<std::string>& default_protocol);

}  // namespace dbcurl
