#include "apply/token_http_client.hpp"

#include <algorithm>

#include "apply/apply.hpp"
#include "apply/curl_handles.hpp"
#include "build_info.hpp"
#include "cli/url_encode.hpp"
#include "common/redact.hpp"
#include "creds/proxy_route.hpp"
#include "creds/url.hpp"

namespace dbcurl {

namespace {

constexpr std::chrono::milliseconds kConnectLimit{10000};

// The body, in one buffer reserved up front: growing it would leave copies of
// a token in freed memory.
struct ReplyBody {
  std::string bytes;
  bool too_large = false;
};

std::size_t collect_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<ReplyBody*>(user);
  const std::size_t length = size * count;
  if (length > kMaxTokenReplyBytes - body->bytes.size()) {
    body->too_large = true;
    return 0;  // libcurl stops with CURLE_WRITE_ERROR
  }
  body->bytes.append(data, length);
  return length;
}

std::optional<std::string> url_part(CURLU* url, CURLUPart part) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, 0) != CURLUE_OK) return std::nullopt;
  std::string text(value);
  curl_free(value);
  return text;
}

// application/x-www-form-urlencoded, as OAuth token requests are sent.
SecretString encode_form(const std::vector<HttpField>& fields) {
  std::string form;
  for (const HttpField& field : fields) {
    std::string value = url_encode_form(field.value.view());
    form += (form.empty() ? "" : "&") + url_encode_form(field.name) + "=" + value;
    wipe_string(value);
  }
  SecretString secret(form);
  wipe_string(form);
  return secret;
}

}  // namespace

Result<HttpReply> CurlTokenHttp::get(const std::string& url, const std::vector<HttpField>& headers) {
  return perform(url, headers, nullptr, nullptr);
}

Result<HttpReply> CurlTokenHttp::post_form(const std::string& url, const std::vector<HttpField>& headers,
                                           const std::vector<HttpField>& fields, const BasicCredentials* basic) {
  const SecretString form = encode_form(fields);
  return perform(url, headers, &form, basic);
}

Result<HttpReply> CurlTokenHttp::perform(const std::string& url, const std::vector<HttpField>& headers,
                                         const SecretString* form, const BasicCredentials* basic) {
  // libcurl's own reading of the URL decides where the request goes, so the
  // checks below look at what libcurl will use.
  UrlHandle parsed(curl_url());
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return make_error(exit_code::kTokenRequestFailed, "token request: '" + url + "' is not a URL");
  }
  UrlParts parts;
  parts.scheme = url_part(parsed.get(), CURLUPART_SCHEME).value_or("");
  parts.host = url_part(parsed.get(), CURLUPART_HOST).value_or("");
  parts.port = url_part(parsed.get(), CURLUPART_PORT).value_or("");
  const std::string where = parts.scheme + "://" + parts.host + (parts.port.empty() ? "" : ":" + parts.port) +
                            url_part(parsed.get(), CURLUPART_PATH).value_or("");
  // A URL that holds a secret (a metadata service's) is printed as libcurl
  // rebuilt it, which may differ from the registered text (query, case, port
  // spelling): that form is a secret too.
  if (secrets_.redact_text(url) != url) secrets_.add(where);
  if (url_part(parsed.get(), CURLUPART_USER) || url_part(parsed.get(), CURLUPART_PASSWORD)) {
    return make_error(exit_code::kTokenRequestFailed, "token request: refusing a URL with credentials in it (" +
                                                          parts.scheme + "://" + parts.host + ")");
  }
  const ProxyRoute route = libcurl_proxy_route(parts, TransferConfig{}, env_);
  if (parts.scheme == "http") {
    if (route.proxied || !is_loopback_host(parts.host)) {
      return make_error(exit_code::kPlainHttpRefused,
                        "refusing to send a credential request over plain http:// " +
                            (route.proxied ? route.why + " " : std::string()) + "to " + where,
                        "Token endpoints are reached over https://, or over http:// to this machine only.\n");
    }
  } else if (parts.scheme != "https") {
    return make_error(exit_code::kPlainHttpRefused,
                      "refusing to send a credential request over " + parts.scheme + ":// to " + where);
  }

  char error_buffer[CURL_ERROR_SIZE] = {};
  ReplyBody body;
  body.bytes.reserve(kMaxTokenReplyBytes);
  HeaderList header_list;
  for (const HttpField& header : headers) {
    std::string line = header.name + ": " + std::string(header.value.view());
    const bool appended = header_list.append(line);
    wipe_string(line);
    if (!appended) return make_error(exit_code::kTokenRequestFailed, "token request: out of memory");
  }
  const std::string user_agent =
      std::string("dbcurl/") + kVersion + " curl/" + curl_version_info(CURLVERSION_NOW)->version;
  const std::chrono::milliseconds allowed = limits_ != nullptr ? limits_->allow(time_limit_) : time_limit_;
  const std::string cut_short = allowed < time_limit_ ? ", what was left of " + limits_->describe() : "";
  if (allowed.count() == 0) {
    Error not_made =
        make_error(exit_code::kTokenRequestFailed,
                   "token request to " + where + " not made: the time of " + limits_->describe() + " had run out");
    not_made.kind = ErrorKind::kTimedOut;
    return not_made;
  }
  const std::chrono::milliseconds connect_limit =
      limits_ != nullptr ? limits_->allow_connect(kConnectLimit, allowed) : std::min(kConnectLimit, allowed);
  const CaLocations ca = ca_locations(std::nullopt, std::nullopt, /*verifies_peer=*/true, env_);
  // Declared last, so destroyed first: libcurl may call back while it cleans up.
  EasyHandle easy(curl_easy_init());
  if (!easy) return make_error(exit_code::kTokenRequestFailed, "token request: libcurl could not start");

  CURLcode result = CURLE_OK;
  const auto set = [&](CURLoption option, auto value) {
    if (result == CURLE_OK) result = curl_easy_setopt(easy.get(), option, value);
  };
  set(CURLOPT_CURLU, parsed.get());
  set(CURLOPT_PROTOCOLS_STR, parts.scheme.c_str());
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_ERRORBUFFER, error_buffer);
  set(CURLOPT_TIMEOUT_MS, static_cast<long>(allowed.count()));
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_limit.count()));
  set(CURLOPT_WRITEFUNCTION, collect_body);
  set(CURLOPT_WRITEDATA, &body);
  set(CURLOPT_USERAGENT, user_agent.c_str());
  set(CURLOPT_HTTPHEADER, header_list.get());
  if (ca.file) set(CURLOPT_CAINFO, ca.file->c_str());
  if (ca.directory) set(CURLOPT_CAPATH, ca.directory->c_str());
  if (parts.scheme == "http") set(CURLOPT_NOPROXY, "*");  // checked above: loopback, no proxy
  if (form != nullptr) {
    set(CURLOPT_POSTFIELDS, form->c_str());
    set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(form->size()));
  }
  if (basic != nullptr) {
    set(CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    set(CURLOPT_USERNAME, basic->user.c_str());
    set(CURLOPT_PASSWORD, basic->password.c_str());
  }
  if (result == CURLE_OK) result = curl_easy_perform(easy.get());

  HttpReply reply;
  reply.body = SecretString(body.bytes);
  wipe_string(body.bytes);
  if (body.too_large) {
    return make_error(exit_code::kTokenRequestFailed, "token request to " + where + ": the reply is larger than " +
                                                          std::to_string(kMaxTokenReplyBytes / 1024) + " KiB");
  }
  if (result != CURLE_OK) {
    Error failed =
        make_error(exit_code::kTokenRequestFailed, "token request to " + where + " failed: (" + std::to_string(result) +
                                                       ") " + curl_error_text(result, error_buffer) +
                                                       (result == CURLE_OPERATION_TIMEDOUT ? cut_short : ""));
    if (result == CURLE_OPERATION_TIMEDOUT) failed.kind = ErrorKind::kTimedOut;
    return failed;
  }
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &reply.status);
  char* content_type = nullptr;
  if (curl_easy_getinfo(easy.get(), CURLINFO_CONTENT_TYPE, &content_type) == CURLE_OK && content_type != nullptr) {
    reply.content_type = content_type;
  }
  return reply;
}

}  // namespace dbcurl
