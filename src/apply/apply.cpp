#include "apply/apply.hpp"

#include "apply/concerns.hpp"
#include "build_info.hpp"

namespace dbcurl {

namespace {

// The parse stage records these without curl.h.
static_assert(CurlAuth::kBasic == CURLAUTH_BASIC && CurlAuth::kDigest == CURLAUTH_DIGEST &&
              CurlAuth::kNegotiate == CURLAUTH_NEGOTIATE && CurlAuth::kNtlm == CURLAUTH_NTLM &&
              CurlAuth::kAny == CURLAUTH_ANY);
static_assert(HttpVersion::k10 == CURL_HTTP_VERSION_1_0 && HttpVersion::k11 == CURL_HTTP_VERSION_1_1 &&
              HttpVersion::k2 == CURL_HTTP_VERSION_2_0 &&
              HttpVersion::k2PriorKnowledge == CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE);
static_assert(TlsVersion::k1 == CURL_SSLVERSION_TLSv1 && TlsVersion::k10 == CURL_SSLVERSION_TLSv1_0 &&
              TlsVersion::k13 == CURL_SSLVERSION_TLSv1_3 && TlsVersion::kMaxDefault == CURL_SSLVERSION_MAX_DEFAULT &&
              TlsVersion::kMax13 == CURL_SSLVERSION_MAX_TLSv1_3);
static_assert(CURL_REDIR_POST_301 == 1 && CURL_REDIR_POST_302 == 2 && CURL_REDIR_POST_303 == 4);
static_assert(CurlAuth::kNtlmWb == CURLAUTH_NTLM_WB && CurlAuth::kGssapi == CURLAUTH_GSSAPI);
static_assert(GssapiDelegation::kNone == CURLGSSAPI_DELEGATION_NONE &&
              GssapiDelegation::kPolicy == CURLGSSAPI_DELEGATION_POLICY_FLAG &&
              GssapiDelegation::kAlways == CURLGSSAPI_DELEGATION_FLAG);

constexpr long kReceiveBufferBytes = 100 * 1024;  // curl's tool default

// Credentials: the plan decided; a workspace bearer never goes through netrc or -u.
void apply_credentials(Setter& set, const TransferConfig& transfer, const RequestPlan& plan, const Environment& env) {
  // Authentication methods for what the user typed; dbcurl's bearer (below) overrides them.
  if (transfer.auth_methods != 0) set(CURLOPT_HTTPAUTH, transfer.auth_methods);
  if (transfer.aws_sigv4) set(CURLOPT_AWS_SIGV4, transfer.aws_sigv4->c_str());

  if (plan.auth == AuthMode::kBearer) {
    set.credential(CURLOPT_XOAUTH2_BEARER, plan.bearer->c_str(), "DATABRICKS_TOKEN");
    set(CURLOPT_HTTPAUTH, static_cast<unsigned long>(CURLAUTH_BEARER));
  } else if (plan.auth == AuthMode::kNetrc) {
    // dbcurl looked the -n entry up for the workspace host. libcurl gets it as
    // credentials for this host, which it drops on a redirect to another
    // scheme, host or port; given CURLOPT_NETRC it would read netrc again on
    // every hop and hand a "default" entry to any host (docs/SECURITY.md).
    set(CURLOPT_USERNAME, "token");
    set.credential(CURLOPT_PASSWORD, plan.netrc_password->c_str(), "DATABRICKS_TOKEN");
  } else {
    if (transfer.user) set(CURLOPT_USERPWD, transfer.user->c_str());
    if (transfer.oauth2_bearer) {
      set(CURLOPT_XOAUTH2_BEARER, transfer.oauth2_bearer->c_str());
      set(CURLOPT_HTTPAUTH, static_cast<unsigned long>(CURLAUTH_BEARER));
    }
    // On a workspace request the plan read netrc; libcurl reading it too would
    // lend a "default" entry to the hosts a redirect leads to.
    if (!plan.workspace) {
      if (transfer.netrc_optional)
        set(CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
      else if (transfer.netrc || transfer.netrc_file)
        set(CURLOPT_NETRC, static_cast<long>(CURL_NETRC_REQUIRED));
      // libcurl 7.88 ignores $NETRC; dbcurl honours it (as libcurl >= 8.16 does).
      if (transfer.netrc_file)
        set(CURLOPT_NETRC_FILE, transfer.netrc_file->c_str());
      else if (auto path = env.get("NETRC"))
        set(CURLOPT_NETRC_FILE, path->c_str());
    }
    // --location-trusted lends only what the user typed to other hosts: never
    // dbcurl's token nor a netrc token (above; docs/SECURITY.md).
    if (transfer.location_trusted) set(CURLOPT_UNRESTRICTED_AUTH, 1L);
  }
}

}  // namespace

std::string curl_error_text(CURLcode result, const char* error_buffer) {
  if (error_buffer != nullptr && error_buffer[0] != '\0') return error_buffer;
  return curl_easy_strerror(result);
}

CaLocations ca_locations(const std::optional<std::string>& cacert, const std::optional<std::string>& capath,
                         bool verifies_peer, const Environment& env) {
  // curl's tool reads these variables (tool_operate.c); libcurl does not.
  CaLocations ca{cacert, capath};
  if (cacert || capath || !verifies_peer) return ca;
  ca.file = env.get("CURL_CA_BUNDLE");
  if (!ca.file) ca.directory = env.get("SSL_CERT_DIR");
  if (!ca.file && !ca.directory) ca.file = env.get("SSL_CERT_FILE");
  return ca;
}

std::string default_user_agent(const RequestPlan& plan) {
  const std::string curl_agent = std::string("curl/") + curl_version_info(CURLVERSION_NOW)->version;
  if (!plan.workspace) return curl_agent;
  return std::string("dbcurl/") + kVersion + " " + curl_agent + " auth/" +
         (plan.auth_label.empty() ? std::string("pat") : plan.auth_label);
}

Status apply_transfer(CURL* easy, CURLSH* share, const TransferConfig& transfer, const RequestPlan& plan,
                      const TransferSinks& sinks, const Environment& env, AppliedTransfer& owned) {
  Setter set(easy, sinks.error_buffer, sinks.source);
  set(CURLOPT_SHARE, share);
  set(CURLOPT_ERRORBUFFER, sinks.error_buffer);
  set(CURLOPT_BUFFERSIZE, kReceiveBufferBytes);

  set(CURLOPT_WRITEFUNCTION, sinks.write_body);
  set(CURLOPT_WRITEDATA, sinks.body_data);
  // Unused without an interleave function; set as curl's tool sets it, so --libcurl lists it.
  set(CURLOPT_INTERLEAVEDATA, sinks.body_data);
  set(CURLOPT_HEADERFUNCTION, sinks.write_header);
  set(CURLOPT_HEADERDATA, sinks.header_data);
  if (sinks.error_stream != nullptr) set(CURLOPT_STDERR, sinks.error_stream);
  set(CURLOPT_NOPROGRESS, sinks.progress_meter ? 0L : 1L);
  if (sinks.progress_meter && sinks.progress != nullptr) {
    set(CURLOPT_XFERINFOFUNCTION, sinks.progress);
    set(CURLOPT_XFERINFODATA, sinks.progress_data);
  }
  if (sinks.trace != nullptr) {
    set(CURLOPT_DEBUGFUNCTION, sinks.trace);
    set(CURLOPT_DEBUGDATA, sinks.trace_data);
    set(CURLOPT_VERBOSE, 1L);
  }

  // curl's defaults; the concerns below may override them.
  set(CURLOPT_USERAGENT, transfer.user_agent ? transfer.user_agent->c_str() : default_user_agent(plan).c_str());
  set(CURLOPT_MAXREDIRS, transfer.max_redirects);
  set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  set(CURLOPT_TCP_KEEPALIVE, 1L);

  if (Status status = apply_request(set, easy, transfer, plan, sinks, owned); !status) return status;
  apply_limits(set, transfer, sinks);
  if (Status status = apply_connection(set, transfer, sinks, owned); !status) return status;
  if (Status status = apply_proxy(set, transfer, plan, owned); !status) return status;
  apply_tls(set, transfer, env);
  if (Status status = apply_other_protocols(set, transfer, plan.url, env, owned); !status) return status;
  apply_credentials(set, transfer, plan, env);
  return set.status();
}

}  // namespace dbcurl
