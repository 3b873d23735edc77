#pragma once
// HTTP for credential sources that ask a server for a token (OAuth discovery
// and token endpoints, identity providers, metadata services), behind a small
// interface: src/creds stays free of libcurl, and resolution is tested with a
// fake. The real one is apply/token_http_client.*: its own easy handle, no
// redirects, a size and time limit, and secrets only over https:// or over
// http:// straight to loopback (docs/SECURITY.md).
//
// Callers add every secret they send or receive to the run's SecretRegistry before
// anything is printed; this interface never prints.

#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/secret.hpp"

namespace dbcurl {

// A header or form field; its value may be a secret, so it is wiped when freed.
struct HttpField {
  std::string name;
  SecretString value;
};

// HTTP Basic credentials, sent as given (callers form-encode where the
// protocol asks, as OAuth client authentication does).
struct BasicCredentials {
  std::string user;
  SecretString password;
};

// Any HTTP answer, whatever its status: the caller reads OAuth error bodies.
struct HttpReply {
  long status = 0;
  std::string content_type;
  SecretString body;  // may hold a token
};

inline constexpr std::size_t kMaxTokenReplyBytes = 1024 * 1024;

class TokenHttp {
 public:
  virtual ~TokenHttp() = default;
  // GET url with headers. An Error (exit code kTokenRequestFailed, or
  // kPlainHttpRefused for an unsafe route) when no reply came: refused, no
  // connection, TLS, timeout, or a body over kMaxTokenReplyBytes.
  virtual Result<HttpReply> get(const std::string& url, const std::vector<HttpField>& headers) = 0;
  // POST application/x-www-form-urlencoded fields (encoded here), with Basic
  // credentials when given.
  virtual Result<HttpReply> post_form(const std::string& url, const std::vector<HttpField>& headers,
                                      const std::vector<HttpField>& fields, const BasicCredentials* basic) = 0;
};

}  // namespace dbcurl
