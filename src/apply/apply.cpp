#include "apply/apply.hpp"

#include <algorithm>

#include "build_info.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

constexpr long kReceiveBufferBytes = 100 * 1024;  // curl's tool default

bool has_header(const std::vector<std::string>& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(), [&](const std::string& header) {
    return header.size() > name.size() && istarts_with(header, name) &&
           (header[name.size()] == ':' || header[name.size()] == ';');
  });
}

// A setopt failure is a libcurl error with curl's exit code, as curl reports it.
class Setter {
 public:
  explicit Setter(CURL* easy) : easy_(easy) {}
  template <class T>
  void operator()(CURLoption option, T value) {
    if (result_ == CURLE_OK) result_ = curl_easy_setopt(easy_, option, value);
  }
  Status status() const {
    if (result_ == CURLE_OK) return Ok{};
    return make_error(static_cast<int>(result_), curl_easy_strerror(result_));
  }

 private:
  CURL* easy_;
  CURLcode result_ = CURLE_OK;
};

std::string url_with_query(const std::string& url, const std::string& query) {
  const auto fragment = url.find('#');
  std::string base = url.substr(0, fragment);
  base += base.find('?') == std::string::npos ? '?' : '&';
  base += query;
  if (fragment != std::string::npos) base += url.substr(fragment);
  return base;
}

}  // namespace

std::string default_user_agent(const RequestPlan& plan) {
  const std::string curl_agent = std::string("curl/") + curl_version_info(CURLVERSION_NOW)->version;
  if (!plan.workspace) return curl_agent;
  return std::string("dbcurl/") + kVersion + " " + curl_agent + " auth/" +
         (plan.auth_label.empty() ? std::string("pat") : plan.auth_label);
}

Status apply_transfer(CURL* easy, CURLSH* share, const TransferConfig& transfer, const RequestPlan& plan,
                      const TransferSinks& sinks, const Environment& env, AppliedTransfer& owned) {
  Setter set(easy);
  set(CURLOPT_SHARE, share);
  set(CURLOPT_ERRORBUFFER, sinks.error_buffer);
  set(CURLOPT_BUFFERSIZE, kReceiveBufferBytes);

  const bool query_data = transfer.get_query && transfer.post_data;
  set(CURLOPT_URL, (query_data ? url_with_query(plan.url, *transfer.post_data) : plan.url).c_str());

  set(CURLOPT_WRITEFUNCTION, sinks.write_body);
  set(CURLOPT_WRITEDATA, sinks.body_data);
  set(CURLOPT_HEADERFUNCTION, sinks.write_header);
  set(CURLOPT_HEADERDATA, sinks.header_data);
  if (sinks.error_stream != nullptr) set(CURLOPT_STDERR, sinks.error_stream);
  set(CURLOPT_NOPROGRESS, sinks.progress_meter ? 0L : 1L);
  if (sinks.trace != nullptr) {
    set(CURLOPT_DEBUGFUNCTION, sinks.trace);
    set(CURLOPT_DEBUGDATA, sinks.trace_data);
    set(CURLOPT_VERBOSE, 1L);
  }

  set(CURLOPT_USERAGENT, transfer.user_agent ? transfer.user_agent->c_str() : default_user_agent(plan).c_str());
  set(CURLOPT_MAXREDIRS, transfer.max_redirects);
  set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  set(CURLOPT_TCP_KEEPALIVE, 1L);

  std::vector<std::string> headers = plan.headers;
  if (transfer.json) {
    if (!has_header(headers, "Content-Type")) headers.emplace_back("Content-Type: application/json");
    if (!has_header(headers, "Accept")) headers.emplace_back("Accept: application/json");
  }
  for (const auto& header : headers) {
    if (!owned.headers.append(header)) return make_error(CURLE_OUT_OF_MEMORY, "out of memory");
  }
  if (owned.headers.get() != nullptr) set(CURLOPT_HTTPHEADER, owned.headers.get());

  const std::optional<std::string>& body = plan.body ? plan.body : transfer.post_data;
  if (body && !transfer.get_query) {
    set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    set(CURLOPT_COPYPOSTFIELDS, body->c_str());
  }
  if (transfer.head) set(CURLOPT_NOBODY, 1L);
  if (transfer.method) set(CURLOPT_CUSTOMREQUEST, transfer.method->c_str());
  if (transfer.follow_location) set(CURLOPT_FOLLOWLOCATION, 1L);
  // On workspace requests dbcurl does -f itself, to read the Databricks error body libcurl would drop.
  if (transfer.fail && !plan.workspace) set(CURLOPT_FAILONERROR, 1L);
  if (transfer.compressed) set(CURLOPT_ACCEPT_ENCODING, "");
  if (transfer.max_time_ms > 0) set(CURLOPT_TIMEOUT_MS, transfer.max_time_ms);
  if (transfer.connect_timeout_ms > 0) set(CURLOPT_CONNECTTIMEOUT_MS, transfer.connect_timeout_ms);

  if (transfer.insecure) {
    set(CURLOPT_SSL_VERIFYPEER, 0L);
    set(CURLOPT_SSL_VERIFYHOST, 0L);
  }
  // curl's tool reads these variables; libcurl does not.
  if (transfer.cacert)
    set(CURLOPT_CAINFO, transfer.cacert->c_str());
  else if (auto bundle = env.get("CURL_CA_BUNDLE"))
    set(CURLOPT_CAINFO, bundle->c_str());
  else if (auto file = env.get("SSL_CERT_FILE"))
    set(CURLOPT_CAINFO, file->c_str());
  if (transfer.capath)
    set(CURLOPT_CAPATH, transfer.capath->c_str());
  else if (auto dir = env.get("SSL_CERT_DIR"); dir && !transfer.cacert)
    set(CURLOPT_CAPATH, dir->c_str());

  // Credentials: the plan decided; a workspace bearer never goes through netrc or -u.
  if (plan.auth == AuthMode::kBearer) {
    set(CURLOPT_XOAUTH2_BEARER, plan.bearer->c_str());
    set(CURLOPT_HTTPAUTH, static_cast<unsigned long>(CURLAUTH_BEARER));
  } else {
    if (transfer.user) set(CURLOPT_USERPWD, transfer.user->c_str());
    if (transfer.oauth2_bearer) {
      set(CURLOPT_XOAUTH2_BEARER, transfer.oauth2_bearer->c_str());
      set(CURLOPT_HTTPAUTH, static_cast<unsigned long>(CURLAUTH_BEARER));
    }
    if (transfer.netrc_optional)
      set(CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
    else if (transfer.netrc || transfer.netrc_file)
      set(CURLOPT_NETRC, static_cast<long>(CURL_NETRC_REQUIRED));
    // libcurl 7.88 ignores $NETRC; dbcurl honours it (as libcurl >= 8.16 does).
    if (transfer.netrc_file)
      set(CURLOPT_NETRC_FILE, transfer.netrc_file->c_str());
    else if (auto path = env.get("NETRC"))
      set(CURLOPT_NETRC_FILE, path->c_str());
    // --location-trusted lends only what the user typed to other hosts: never
    // dbcurl's token (above) nor a token libcurl takes from netrc (SPEC §7).
    if (transfer.location_trusted && plan.auth != AuthMode::kNetrc) set(CURLOPT_UNRESTRICTED_AUTH, 1L);
  }
  return set.status();
}

}  // namespace dbcurl
