#pragma once
// The TokenHttp of a real run: one easy handle per request, never traced
// (-v/--trace show the user's requests only; docs/SECURITY.md), no
// redirects, no cookies, at most kMaxTokenReplyBytes of body within the time
// limit. The URL is read by libcurl's own parser; a request goes over https://
// (through a proxy when the environment names one: TLS end to end), or over
// http:// only to loopback and only directly (CURLOPT_NOPROXY "*"), with the
// proxy decision made by creds/proxy_route as for workspace requests.
// Certificates: CURL_CA_BUNDLE, SSL_CERT_FILE, SSL_CERT_DIR as curl's tool
// reads them, else the system store; the command line's TLS and proxy options
// belong to the user's requests and do not apply here, but for -m and
// --connect-timeout (limits: creds/resolution_limits.hpp).

#include <chrono>

#include "common/environment.hpp"
#include "common/redact.hpp"
#include "creds/resolution_limits.hpp"
#include "creds/token_http.hpp"

namespace dbcurl {

class CurlTokenHttp final : public TokenHttp {
 public:
  // secrets: the run's, which a URL holding one adds its rebuilt form to.
  CurlTokenHttp(const Environment& env, SecretRegistry& secrets, const ResolutionLimits* limits = nullptr,
                std::chrono::milliseconds time_limit = std::chrono::seconds(30))
      : env_(env), secrets_(secrets), limits_(limits), time_limit_(time_limit) {}

  Result<HttpReply> get(const std::string& url, const std::vector<HttpField>& headers) override;
  Result<HttpReply> post_form(const std::string& url, const std::vector<HttpField>& headers,
                              const std::vector<HttpField>& fields, const BasicCredentials* basic) override;

 private:
  Result<HttpReply> perform(const std::string& url, const std::vector<HttpField>& headers, const SecretString* form,
                            const BasicCredentials* basic);
  const Environment& env_;
  SecretRegistry& secrets_;
  const ResolutionLimits* limits_;
  std::chrono::milliseconds time_limit_;
};

}  // namespace dbcurl
