#include "apply/url_parser.hpp"

#include <curl/curl.h>

#include <cstring>

#include "apply/curl_handles.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

// Whether libcurl takes url as having a scheme when --proto-default is set
// (url.c asks urlapi.c's Curl_is_absolute_url, with scheme guessing): up to
// 40 scheme characters, then ":/". libcurl does not export this test;
// tests/integration/test_host_spellings.py compares the outcome with curl's.
bool has_scheme_for_default_protocol(std::string_view url) {
  constexpr std::size_t kMaxSchemeLength = 40;  // 7.88's MAX_SCHEME_LEN
  std::size_t length = 0;
  while (length < url.size() && length < kMaxSchemeLength &&
         (is_ascii_alnum(url[length]) || url[length] == '+' || url[length] == '-' || url[length] == '.'))
    ++length;
  return length > 0 && url.substr(length).starts_with(":/");
}

// One part of a parsed URL; empty when the URL has none.
std::string url_part(CURLU* handle, CURLUPart part, unsigned int flags = 0) {
  char* value = nullptr;
  if (curl_url_get(handle, part, &value, flags) != CURLUE_OK || value == nullptr) return "";
  std::string text(value);
  curl_free(value);
  return text;
}

}  // namespace

Result<UrlParts> parse_url_as_libcurl(std::string_view url, const std::optional<std::string>& default_protocol) {
  std::string text(url);
  if (default_protocol && !has_scheme_for_default_protocol(text)) text = *default_protocol + "://" + text;
  const UrlHandle handle(curl_url());
  if (!handle) return make_error(CURLE_OUT_OF_MEMORY, "out of memory parsing a URL");
  const CURLUcode code =
      curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME);
  if (code != CURLUE_OK) return make_error(CURLE_URL_MALFORMAT, curl_url_strerror(code));

  UrlParts parts;
  parts.scheme = to_lower(url_part(handle.get(), CURLUPART_SCHEME));
  parts.host = url_part(handle.get(), CURLUPART_HOST);
  parts.port = url_part(handle.get(), CURLUPART_PORT);
  parts.userinfo = url_part(handle.get(), CURLUPART_USER);
  // "user:" (an empty password) is still a password: CURLUPART_PASSWORD tells it apart from none.
  char* password = nullptr;
  if (curl_url_get(handle.get(), CURLUPART_PASSWORD, &password, 0) == CURLUE_OK && password != nullptr) {
    parts.userinfo += ":";
    parts.userinfo += password;
    explicit_bzero(password, std::strlen(password));
    curl_free(password);
  }
  parts.rest = url_part(handle.get(), CURLUPART_PATH);
  if (std::string query = url_part(handle.get(), CURLUPART_QUERY); !query.empty()) parts.rest += "?" + query;
  if (std::string fragment = url_part(handle.get(), CURLUPART_FRAGMENT); !fragment.empty())
    parts.rest += "#" + fragment;
  // The scheme's default port as libcurl knows it: asked for with the given port cleared (the last step).
  curl_url_set(handle.get(), CURLUPART_PORT, nullptr, 0);
  parts.default_port = url_part(handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  return parts;
}

}  // namespace dbcurl
