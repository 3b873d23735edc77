#include "apply/apply.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <type_traits>

#include "build_info.hpp"
#include "common/strings.hpp"

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

bool has_header(const std::vector<std::string>& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(), [&](const std::string& header) {
    return header.size() > name.size() && istarts_with(header, name) &&
           (header[name.size()] == ':' || header[name.size()] == ';');
  });
}

// A setopt failure is a libcurl error with curl's exit code, as curl reports it.
class Setter {
 public:
  Setter(CURL* easy, const char* error_buffer, LibcurlSource* source)
      : easy_(easy), error_buffer_(error_buffer), source_(source) {
    if (source_ != nullptr) source_->begin_transfer();
  }
  template <class T>
  void operator()(CURLoption option, T value) {
    if (result_ == CURLE_OK) result_ = curl_easy_setopt(easy_, option, value);
    if (source_ != nullptr) record(option, value);
  }
  // Data that may hold any byte (the request body); the program gets it as a literal.
  void bytes(CURLoption option, const std::string& data) {
    if (result_ == CURLE_OK) result_ = curl_easy_setopt(easy_, option, data.c_str());
    if (source_ != nullptr) source_->record_bytes(option, data);
  }
  // A setopt whose failure curl 7.88's tool lets pass (and so does dbcurl).
  template <class T>
  void allowing_failure(CURLoption option, T value) {
    curl_easy_setopt(easy_, option, value);
    if (source_ != nullptr) record(option, value);
  }
  // A credential dbcurl resolved: --libcurl's program reads it from variable.
  void credential(CURLoption option, const char* value, std::string_view variable) {
    if (result_ == CURLE_OK) result_ = curl_easy_setopt(easy_, option, value);
    if (source_ != nullptr) source_->record_from_environment(option, variable);
  }
  Status status() const {
    if (result_ == CURLE_OK) return Ok{};
    return make_error(static_cast<int>(result_), curl_error_text(result_, error_buffer_));
  }

 private:
  CURL* easy_;
  const char* error_buffer_;
  LibcurlSource* source_;

  template <class T>
  void record(CURLoption option, T value) {
    const curl_easyoption* info = curl_easy_option_by_id(option);
    const curl_easytype type = info != nullptr ? info->type : CURLOT_OBJECT;
    if constexpr (std::is_integral_v<T>) {
      if (type == CURLOT_OFF_T)
        source_->record_offset(option, static_cast<curl_off_t>(value));
      else
        source_->record_long(option, static_cast<long>(value));
    } else if constexpr (std::is_same_v<T, curl_slist*>) {
      source_->record_list(option, value);
    } else if constexpr (std::is_convertible_v<T, const char*>) {
      if (type == CURLOT_STRING)
        source_->record_string(option, value);
      else
        source_->record_pointer(option, false);
    } else {
      source_->record_pointer(option, type == CURLOT_FUNCTION);
    }
  }
  CURLcode result_ = CURLE_OK;
};

// --proto/--proto-redir. libcurl's string form cannot say "none", which
// "--proto -all" means; the (deprecated) bitmask form can.
void set_protocols(Setter& set, CURLoption option, const std::optional<std::string>& protocols) {
  if (!protocols) return;
  if (!protocols->empty()) {
    set(option, protocols->c_str());
    return;
  }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  set(option == CURLOPT_PROTOCOLS_STR ? CURLOPT_PROTOCOLS : CURLOPT_REDIR_PROTOCOLS, 0L);
#pragma GCC diagnostic pop
}

// -G and --url-query append through libcurl's URL API, as curl does (which
// also normalises the URL, %XX escapes included); plain string appending is
// the fallback for what that API rejects.
std::string url_with_query(const std::string& url, const std::string& query) {
  UrlHandle handle(curl_url());
  char* joined = nullptr;
  if (handle &&
      curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME) ==
          CURLUE_OK &&
      curl_url_set(handle.get(), CURLUPART_QUERY, query.c_str(), CURLU_APPENDQUERY) == CURLUE_OK &&
      curl_url_get(handle.get(), CURLUPART_URL, &joined, 0) == CURLUE_OK) {
    std::string result(joined);
    curl_free(joined);
    return result;
  }
  const auto fragment = url.find('#');
  std::string base = url.substr(0, fragment);
  base += base.find('?') == std::string::npos ? '?' : '&';
  base += query;
  if (fragment != std::string::npos) base += url.substr(fragment);
  return base;
}

// -F parts as libcurl mime parts, nested multiparts included.
CURLcode add_form_parts(CURL* easy, curl_mime* mime, const std::vector<FormPart>& parts, AppliedTransfer& owned) {
  for (const FormPart& part : parts) {
    curl_mimepart* mime_part = curl_mime_addpart(mime);
    if (mime_part == nullptr) return CURLE_OUT_OF_MEMORY;
    const char* filename = part.filename ? part.filename->c_str() : nullptr;
    CURLcode result = CURLE_OK;
    switch (part.kind) {
      case FormPart::Kind::kParts: {
        curl_mime* subparts = curl_mime_init(easy);
        if (subparts == nullptr) return CURLE_OUT_OF_MEMORY;
        result = add_form_parts(easy, subparts, part.subparts, owned);
        if (result == CURLE_OK) result = curl_mime_subparts(mime_part, subparts);
        if (result != CURLE_OK) curl_mime_free(subparts);
        break;
      }
      case FormPart::Kind::kFile:
      case FormPart::Kind::kFileContent:
        result = curl_mime_filedata(mime_part, part.value.c_str());
        // name=<file sends the file's content as a plain field, without a file name.
        if (result == CURLE_OK && part.kind == FormPart::Kind::kFileContent && filename == nullptr)
          result = curl_mime_filename(mime_part, nullptr);
        break;
      case FormPart::Kind::kStdin:
        if (filename == nullptr) filename = "-";
        [[fallthrough]];
      case FormPart::Kind::kText:
      case FormPart::Kind::kStdinContent:
        result = curl_mime_data(mime_part, part.value.data(), part.value.size());
        break;
    }
    if (result == CURLE_OK && filename != nullptr) result = curl_mime_filename(mime_part, filename);
    if (result == CURLE_OK && part.type) result = curl_mime_type(mime_part, part.type->c_str());
    if (result == CURLE_OK && part.encoder) result = curl_mime_encoder(mime_part, part.encoder->c_str());
    if (result == CURLE_OK && !part.headers.empty()) {
      auto& headers = owned.form_headers.emplace_back(std::make_unique<HeaderList>());
      for (const auto& header : part.headers) {
        if (!headers->append(header)) return CURLE_OUT_OF_MEMORY;
      }
      result = curl_mime_headers(mime_part, headers->get(), 0);
    }
    if (result == CURLE_OK && part.name) result = curl_mime_name(mime_part, part.name->c_str());
    if (result != CURLE_OK) return result;
  }
  return CURLE_OK;
}

Status build_form(CURL* easy, const std::vector<FormPart>& parts, AppliedTransfer& owned) {
  owned.form.reset(curl_mime_init(easy));
  if (!owned.form) return make_error(CURLE_OUT_OF_MEMORY, "out of memory");
  const CURLcode result = add_form_parts(easy, owned.form.get(), parts, owned);
  if (result != CURLE_OK) return make_error(static_cast<int>(result), curl_easy_strerror(result));
  return Ok{};
}

// FTP, SMTP, IMAP, POP3, SSH, TFTP and TELNET options, with curl's defaults.
Status apply_other_protocols(Setter& set, const TransferConfig& transfer, const std::string& url,
                             const Environment& env, AppliedTransfer& owned) {
  if (transfer.list_only) set(CURLOPT_DIRLISTONLY, 1L);
  if (transfer.ftp_append) set(CURLOPT_APPEND, 1L);
  if (transfer.use_ascii) set(CURLOPT_TRANSFERTEXT, 1L);
  if (transfer.login_options) set(CURLOPT_LOGIN_OPTIONS, transfer.login_options->c_str());
  if (transfer.ftp_port) set(CURLOPT_FTPPORT, transfer.ftp_port->c_str());
  if (transfer.crlf) set(CURLOPT_CRLF, 1L);
  // A list option, set only when the user gave it.
  bool out_of_memory = false;
  const auto set_list = [&](CURLoption option, const std::vector<std::string>& items) {
    if (items.empty()) return;
    HeaderList& list = *owned.other_lists.emplace_back(std::make_unique<HeaderList>());
    for (const auto& item : items) out_of_memory = !list.append(item) || out_of_memory;
    set(option, list.get());
  };
  set_list(CURLOPT_QUOTE, transfer.quote);
  set_list(CURLOPT_POSTQUOTE, transfer.postquote);
  set_list(CURLOPT_PREQUOTE, transfer.prequote);
  if (transfer.krb_level) set(CURLOPT_KRBLEVEL, transfer.krb_level->c_str());
  set_list(CURLOPT_TELNETOPTIONS, transfer.telnet_options);
  if (transfer.disable_epsv) set(CURLOPT_FTP_USE_EPSV, 0L);
  if (transfer.disable_eprt) set(CURLOPT_FTP_USE_EPRT, 0L);
  if (transfer.ftp_create_dirs) set(CURLOPT_FTP_CREATE_MISSING_DIRS, static_cast<long>(CURLFTP_CREATE_DIR_RETRY));
  if (transfer.ssl_required)
    set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  else if (transfer.ssl_try)
    set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  else if (transfer.ssl_control)
    set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_CONTROL));
  if (transfer.ftp_ssl_ccc_mode != 0) set(CURLOPT_FTP_SSL_CCC, transfer.ftp_ssl_ccc_mode);
  if (transfer.ftp_account) set(CURLOPT_FTP_ACCOUNT, transfer.ftp_account->c_str());
  // curl sets it on every transfer (on by default since 7.74), so --libcurl lists it.
  set(CURLOPT_FTP_SKIP_PASV_IP, transfer.ftp_skip_pasv_ip ? 1L : 0L);
  if (transfer.ftp_method != 0) set(CURLOPT_FTP_FILEMETHOD, transfer.ftp_method);
  if (transfer.ftp_alternative_to_user) set(CURLOPT_FTP_ALTERNATIVE_TO_USER, transfer.ftp_alternative_to_user->c_str());
  if (transfer.tftp_blksize != 0) set(CURLOPT_TFTP_BLKSIZE, transfer.tftp_blksize);
  if (transfer.mail_from) set(CURLOPT_MAIL_FROM, transfer.mail_from->c_str());
  set_list(CURLOPT_MAIL_RCPT, transfer.mail_recipients);
  if (transfer.mail_rcpt_allowfails) set(CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1L);
  if (transfer.ftp_pret) set(CURLOPT_FTP_USE_PRET, 1L);
  if (transfer.create_file_mode != 0) set(CURLOPT_NEW_FILE_PERMS, transfer.create_file_mode);
  if (transfer.mail_auth) set(CURLOPT_MAIL_AUTH, transfer.mail_auth->c_str());
  if (transfer.sasl_authzid) set(CURLOPT_SASL_AUTHZID, transfer.sasl_authzid->c_str());
  if (transfer.sasl_ir) set(CURLOPT_SASL_IR, 1L);
  if (transfer.tftp_no_options) set(CURLOPT_TFTP_NO_OPTIONS, 1L);

  // SSH: curl passes --key and the host key checks only to scp:// and sftp:// transfers.
  if (istarts_with(url, "scp://") || istarts_with(url, "sftp://")) {
    if (transfer.key) set(CURLOPT_SSH_PRIVATE_KEYFILE, transfer.key->c_str());
    if (transfer.ssh_public_key) set(CURLOPT_SSH_PUBLIC_KEYFILE, transfer.ssh_public_key->c_str());
    if (transfer.host_pubkey_md5) set(CURLOPT_SSH_HOST_PUBLIC_KEY_MD5, transfer.host_pubkey_md5->c_str());
    if (transfer.host_pubkey_sha256) set(CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256, transfer.host_pubkey_sha256->c_str());
    if (transfer.ssh_compression) set(CURLOPT_SSH_COMPRESSION, 1L);
    if (!transfer.insecure) {
      const std::string known_hosts = home_directory(env) + "/.ssh/known_hosts";
      struct stat info {};
      if (::stat(known_hosts.c_str(), &info) == 0) set(CURLOPT_SSH_KNOWNHOSTS, known_hosts.c_str());
    }
  }
  if (out_of_memory) return make_error(CURLE_OUT_OF_MEMORY, "out of memory");
  return Ok{};
}

}  // namespace

std::string curl_error_text(CURLcode result, const char* error_buffer) {
  if (error_buffer != nullptr && error_buffer[0] != '\0') return error_buffer;
  return curl_easy_strerror(result);
}

CaLocations ca_locations(const std::optional<std::string>& cacert, const std::optional<std::string>& capath,
                         const Environment& env) {
  // curl's tool reads these variables; libcurl does not.
  CaLocations ca;
  ca.file = cacert ? cacert : env.get("CURL_CA_BUNDLE");
  if (!ca.file) ca.file = env.get("SSL_CERT_FILE");
  ca.directory = capath;
  if (!ca.directory && !cacert) ca.directory = env.get("SSL_CERT_DIR");
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

  std::string url = plan.url;
  for (const auto& query : transfer.url_queries) url = url_with_query(url, query);
  if (transfer.get_query && transfer.post_data) url = url_with_query(url, *transfer.post_data);
  set(CURLOPT_URL, url.c_str());

  set(CURLOPT_WRITEFUNCTION, sinks.write_body);
  set(CURLOPT_WRITEDATA, sinks.body_data);
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
    set.bytes(CURLOPT_COPYPOSTFIELDS, *body);
  }
  if (transfer.head) set(CURLOPT_NOBODY, 1L);
  if (transfer.method) set(CURLOPT_CUSTOMREQUEST, transfer.method->c_str());
  if (transfer.follow_location) set(CURLOPT_FOLLOWLOCATION, 1L);
  // On workspace requests dbcurl does -f itself, to read the Databricks error body libcurl would drop.
  if (transfer.fail && !plan.workspace) set(CURLOPT_FAILONERROR, 1L);
  if (transfer.compressed) set(CURLOPT_ACCEPT_ENCODING, "");
  if (sinks.time_left_ms > 0)
    set(CURLOPT_TIMEOUT_MS, sinks.time_left_ms);
  else if (transfer.max_time_ms > 0)
    set(CURLOPT_TIMEOUT_MS, transfer.max_time_ms);
  if (transfer.connect_timeout_ms > 0) set(CURLOPT_CONNECTTIMEOUT_MS, transfer.connect_timeout_ms);

  if (transfer.insecure) {
    set(CURLOPT_SSL_VERIFYPEER, 0L);
    set(CURLOPT_SSL_VERIFYHOST, 0L);
  }
  const CaLocations ca = ca_locations(transfer.cacert, transfer.capath, env);
  if (ca.file) set(CURLOPT_CAINFO, ca.file->c_str());
  if (ca.directory) set(CURLOPT_CAPATH, ca.directory->c_str());

  // Request details.
  if (transfer.referer) set(CURLOPT_REFERER, transfer.referer->c_str());
  if (transfer.auto_referer) set(CURLOPT_AUTOREFERER, 1L);
  if (!transfer.cookies.empty()) set(CURLOPT_COOKIE, join(transfer.cookies, ";").c_str());
  for (const auto& file : transfer.cookie_files) set(CURLOPT_COOKIEFILE, file.c_str());
  if (transfer.cookie_jar) set(CURLOPT_COOKIEJAR, transfer.cookie_jar->c_str());
  if (transfer.junk_session_cookies) set(CURLOPT_COOKIESESSION, 1L);
  if (transfer.post_redirects != 0) set(CURLOPT_POSTREDIR, transfer.post_redirects);
  if (transfer.request_target) set(CURLOPT_REQUEST_TARGET, transfer.request_target->c_str());
  if (transfer.path_as_is) set(CURLOPT_PATH_AS_IS, 1L);
  if (transfer.raw) {
    set(CURLOPT_HTTP_CONTENT_DECODING, 0L);
    set(CURLOPT_HTTP_TRANSFER_DECODING, 0L);
  }
  if (transfer.transfer_encoding) set(CURLOPT_TRANSFER_ENCODING, 1L);
  if (transfer.range) set(CURLOPT_RANGE, transfer.range->c_str());
  if (transfer.remote_time || transfer.head) set(CURLOPT_FILETIME, 1L);  // curl asks for it with -I too
  if (sinks.resume_from != 0) set(CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(sinks.resume_from));
  if (transfer.time_condition) {
    std::string condition = *transfer.time_condition;
    long kind = CURL_TIMECOND_IFMODSINCE;
    if (!condition.empty() && (condition[0] == '-' || condition[0] == '+')) {
      kind = condition[0] == '-' ? CURL_TIMECOND_IFUNMODSINCE : CURL_TIMECOND_IFMODSINCE;
      condition.erase(0, 1);
    }
    curl_off_t when = curl_getdate(condition.c_str(), nullptr);
    if (when == -1) {
      struct stat info {};
      if (::stat(condition.c_str(), &info) == 0) when = info.st_mtime;
    }
    if (when != -1) {
      set(CURLOPT_TIMECONDITION, kind);
      set(CURLOPT_TIMEVALUE_LARGE, when);
    }
  }
  for (const auto& header : transfer.proxy_headers) {
    if (!owned.proxy_headers.append(header)) return make_error(CURLE_OUT_OF_MEMORY, "out of memory");
  }
  if (owned.proxy_headers.get() != nullptr) {
    set(CURLOPT_PROXYHEADER, owned.proxy_headers.get());
    set(CURLOPT_HEADEROPT, static_cast<long>(CURLHEADER_SEPARATE));
  }
  if (sinks.upload != nullptr) {
    set(CURLOPT_UPLOAD, 1L);
    set(CURLOPT_READFUNCTION, sinks.read_upload);
    set(CURLOPT_READDATA, sinks.upload);
    set(CURLOPT_SEEKFUNCTION, sinks.seek_upload);
    set(CURLOPT_SEEKDATA, sinks.upload);
    if (sinks.upload_size >= 0) set(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(sinks.upload_size));
  }

  if (!transfer.form.empty()) {
    if (Status built = build_form(easy, transfer.form, owned); !built) return built;
    set(CURLOPT_MIMEPOST, owned.form.get());
  }
  if (transfer.form_escape) set(CURLOPT_MIME_OPTIONS, static_cast<long>(CURLMIMEOPT_FORMESCAPE));

  if (sinks.wait_for_multiplexing) set(CURLOPT_PIPEWAIT, 1L);

  // Limits.
  if (transfer.limit_rate > 0) {
    set(CURLOPT_MAX_RECV_SPEED_LARGE, static_cast<curl_off_t>(transfer.limit_rate));
    set(CURLOPT_MAX_SEND_SPEED_LARGE, static_cast<curl_off_t>(transfer.limit_rate));
  }
  if (transfer.max_filesize > 0) set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(transfer.max_filesize));
  if (transfer.speed_limit > 0 || transfer.speed_time > 0) {
    set(CURLOPT_LOW_SPEED_LIMIT, transfer.speed_limit > 0 ? transfer.speed_limit : 1L);
    set(CURLOPT_LOW_SPEED_TIME, transfer.speed_time > 0 ? transfer.speed_time : 30L);
  }
  if (transfer.expect100_timeout_ms > 0) set(CURLOPT_EXPECT_100_TIMEOUT_MS, transfer.expect100_timeout_ms);

  // Connection.
  if (transfer.ip_resolve != 0) set(CURLOPT_IPRESOLVE, transfer.ip_resolve);
  for (const auto& entry : transfer.resolve) owned.resolve.append(entry);
  if (owned.resolve.get() != nullptr) set(CURLOPT_RESOLVE, owned.resolve.get());
  for (const auto& entry : transfer.connect_to) owned.connect_to.append(entry);
  if (owned.connect_to.get() != nullptr) set(CURLOPT_CONNECT_TO, owned.connect_to.get());
  if (transfer.unix_socket) {
    set(transfer.abstract_unix_socket ? CURLOPT_ABSTRACT_UNIX_SOCKET : CURLOPT_UNIX_SOCKET_PATH,
        transfer.unix_socket->c_str());
  }
  if (transfer.interface_name) set(CURLOPT_INTERFACE, transfer.interface_name->c_str());
  if (transfer.local_port) {
    const auto dash = transfer.local_port->find('-');
    const long first = std::strtol(transfer.local_port->c_str(), nullptr, 10);
    set(CURLOPT_LOCALPORT, first);
    if (dash != std::string::npos) {
      set(CURLOPT_LOCALPORTRANGE, std::strtol(transfer.local_port->c_str() + dash + 1, nullptr, 10) - first + 1);
    }
  }
  if (!transfer.keepalive) set(CURLOPT_TCP_KEEPALIVE, 0L);
  if (transfer.keepalive_time > 0) {
    set(CURLOPT_TCP_KEEPIDLE, transfer.keepalive_time);
    set(CURLOPT_TCP_KEEPINTVL, transfer.keepalive_time);
  }
  if (!transfer.tcp_nodelay) set(CURLOPT_TCP_NODELAY, 0L);
  if (transfer.tcp_fastopen) set(CURLOPT_TCP_FASTOPEN, 1L);
  if (transfer.dns_servers) set(CURLOPT_DNS_SERVERS, transfer.dns_servers->c_str());
  if (transfer.dns_interface) set(CURLOPT_DNS_INTERFACE, transfer.dns_interface->c_str());
  if (transfer.dns_ipv4_address) set(CURLOPT_DNS_LOCAL_IP4, transfer.dns_ipv4_address->c_str());
  if (transfer.dns_ipv6_address) set(CURLOPT_DNS_LOCAL_IP6, transfer.dns_ipv6_address->c_str());
  if (transfer.doh_url) set(CURLOPT_DOH_URL, transfer.doh_url->c_str());
  if (transfer.doh_insecure) {
    set(CURLOPT_DOH_SSL_VERIFYPEER, 0L);
    set(CURLOPT_DOH_SSL_VERIFYHOST, 0L);
  }
  if (transfer.doh_cert_status) set(CURLOPT_DOH_SSL_VERIFYSTATUS, 1L);
  if (transfer.happy_eyeballs_timeout_ms) set(CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS, *transfer.happy_eyeballs_timeout_ms);
  if (transfer.haproxy_protocol) set(CURLOPT_HAPROXYPROTOCOL, 1L);
  if (transfer.disallow_username_in_url) set(CURLOPT_DISALLOW_USERNAME_IN_URL, 1L);
  if (transfer.alt_svc_file) set(CURLOPT_ALTSVC, transfer.alt_svc_file->c_str());
  if (transfer.hsts_file) set(CURLOPT_HSTS, transfer.hsts_file->c_str());
  set_protocols(set, CURLOPT_PROTOCOLS_STR, transfer.protocols);
  set_protocols(set, CURLOPT_REDIR_PROTOCOLS_STR, transfer.redirect_protocols);
  if (transfer.default_protocol) set(CURLOPT_DEFAULT_PROTOCOL, transfer.default_protocol->c_str());
  if (transfer.http09_allowed) set(CURLOPT_HTTP09_ALLOWED, 1L);
  if (transfer.ignore_content_length) set(CURLOPT_IGNORE_CONTENT_LENGTH, 1L);
  if (transfer.suppress_connect_headers) set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
  if (transfer.http_version != 0) set(CURLOPT_HTTP_VERSION, transfer.http_version);

  // Proxy.
  if (transfer.proxy) set(CURLOPT_PROXY, transfer.proxy->c_str());
  if (transfer.proxy_user) set(CURLOPT_PROXYUSERPWD, transfer.proxy_user->c_str());
  // The plan found no proxy for a token over http://; "*" makes libcurl drop
  // every proxy (-x, --preproxy, the environment's) for this transfer, so it
  // cannot decide otherwise.
  if (plan.direct_only)
    set(CURLOPT_NOPROXY, "*");
  else if (transfer.noproxy)
    set(CURLOPT_NOPROXY, transfer.noproxy->c_str());
  if (transfer.proxytunnel) set(CURLOPT_HTTPPROXYTUNNEL, 1L);
  if (transfer.proxy_insecure) {
    set(CURLOPT_PROXY_SSL_VERIFYPEER, 0L);
    set(CURLOPT_PROXY_SSL_VERIFYHOST, 0L);
  }

  if (transfer.preproxy) set(CURLOPT_PRE_PROXY, transfer.preproxy->c_str());
  if (transfer.proxy_http10) set(CURLOPT_PROXYTYPE, static_cast<long>(CURLPROXY_HTTP_1_0));
  if (transfer.proxy_auth_methods != 0) set(CURLOPT_PROXYAUTH, transfer.proxy_auth_methods);
  if (transfer.proxy_cacert) set(CURLOPT_PROXY_CAINFO, transfer.proxy_cacert->c_str());
  if (transfer.proxy_capath) set(CURLOPT_PROXY_CAPATH, transfer.proxy_capath->c_str());
  if (transfer.proxy_cert) set(CURLOPT_PROXY_SSLCERT, transfer.proxy_cert->c_str());
  if (transfer.proxy_cert_type) set(CURLOPT_PROXY_SSLCERTTYPE, transfer.proxy_cert_type->c_str());
  if (transfer.proxy_ciphers) set(CURLOPT_PROXY_SSL_CIPHER_LIST, transfer.proxy_ciphers->c_str());
  if (transfer.proxy_crl_file) set(CURLOPT_PROXY_CRLFILE, transfer.proxy_crl_file->c_str());
  if (transfer.proxy_key) set(CURLOPT_PROXY_SSLKEY, transfer.proxy_key->c_str());
  if (transfer.proxy_key_type) set(CURLOPT_PROXY_SSLKEYTYPE, transfer.proxy_key_type->c_str());
  if (transfer.proxy_key_password) set(CURLOPT_PROXY_KEYPASSWD, transfer.proxy_key_password->c_str());
  if (transfer.proxy_pinned_public_key) set(CURLOPT_PROXY_PINNEDPUBLICKEY, transfer.proxy_pinned_public_key->c_str());
  if (transfer.proxy_tls13_ciphers) set(CURLOPT_PROXY_TLS13_CIPHERS, transfer.proxy_tls13_ciphers->c_str());
  if (transfer.proxy_tlsv1) set(CURLOPT_PROXY_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1));
  if (transfer.service_name) set(CURLOPT_SERVICE_NAME, transfer.service_name->c_str());
  if (transfer.proxy_service_name) set(CURLOPT_PROXY_SERVICE_NAME, transfer.proxy_service_name->c_str());
  if (transfer.socks5_auth != 0) set(CURLOPT_SOCKS5_AUTH, transfer.socks5_auth);
  if (transfer.socks5_gssapi_nec) set(CURLOPT_SOCKS5_GSSAPI_NEC, 1L);
  if (transfer.gssapi_delegation != GssapiDelegation::kNone) set(CURLOPT_GSSAPI_DELEGATION, transfer.gssapi_delegation);

  // TLS.
  if (transfer.cert) set(CURLOPT_SSLCERT, transfer.cert->c_str());
  if (transfer.cert_type) set(CURLOPT_SSLCERTTYPE, transfer.cert_type->c_str());
  if (transfer.key) set(CURLOPT_SSLKEY, transfer.key->c_str());
  if (transfer.key_type) set(CURLOPT_SSLKEYTYPE, transfer.key_type->c_str());
  if (transfer.key_password) set(CURLOPT_KEYPASSWD, transfer.key_password->c_str());
  if (transfer.pinned_public_key) set(CURLOPT_PINNEDPUBLICKEY, transfer.pinned_public_key->c_str());
  if (transfer.tls_min != 0 || transfer.tls_max != 0) set(CURLOPT_SSLVERSION, transfer.tls_min | transfer.tls_max);
  if (transfer.ciphers) set(CURLOPT_SSL_CIPHER_LIST, transfer.ciphers->c_str());
  if (transfer.tls13_ciphers) set(CURLOPT_TLS13_CIPHERS, transfer.tls13_ciphers->c_str());
  if (transfer.crl_file) set(CURLOPT_CRLFILE, transfer.crl_file->c_str());
  long ssl_options = 0;
  if (transfer.ssl_no_revoke) ssl_options |= CURLSSLOPT_NO_REVOKE;
  if (transfer.ssl_allow_beast) ssl_options |= CURLSSLOPT_ALLOW_BEAST;
  if (transfer.ssl_auto_client_cert) ssl_options |= CURLSSLOPT_AUTO_CLIENT_CERT;
  if (transfer.ssl_revoke_best_effort) ssl_options |= CURLSSLOPT_REVOKE_BEST_EFFORT;
  if (ssl_options != 0) set(CURLOPT_SSL_OPTIONS, ssl_options);
  long proxy_ssl_options = 0;
  if (transfer.proxy_ssl_allow_beast) proxy_ssl_options |= CURLSSLOPT_ALLOW_BEAST;
  if (transfer.proxy_ssl_auto_client_cert) proxy_ssl_options |= CURLSSLOPT_AUTO_CLIENT_CERT;
  if (proxy_ssl_options != 0) set(CURLOPT_PROXY_SSL_OPTIONS, proxy_ssl_options);
  if (transfer.cert_status) set(CURLOPT_SSL_VERIFYSTATUS, 1L);
  if (transfer.ec_curves) set(CURLOPT_SSL_EC_CURVES, transfer.ec_curves->c_str());
  if (transfer.engine) {
    set(CURLOPT_SSLENGINE, transfer.engine->c_str());
    set(CURLOPT_SSLENGINE_DEFAULT, 1L);
  }
  // curl 7.88's tool lets this setopt fail (libcurl with OpenSSL has no False
  // Start) and goes on with the transfer; so does dbcurl.
  if (transfer.false_start) set.allowing_failure(CURLOPT_SSL_FALSESTART, 1L);
  if (!transfer.alpn) set(CURLOPT_SSL_ENABLE_ALPN, 0L);
  if (!transfer.session_id_cache) set(CURLOPT_SSL_SESSIONID_CACHE, 0L);
  if (transfer.tls_auth_type) set(CURLOPT_TLSAUTH_TYPE, transfer.tls_auth_type->c_str());
  if (transfer.tls_user) set(CURLOPT_TLSAUTH_USERNAME, transfer.tls_user->c_str());
  if (transfer.tls_password) set(CURLOPT_TLSAUTH_PASSWORD, transfer.tls_password->c_str());
  if (transfer.proxy_tls_auth_type) set(CURLOPT_PROXY_TLSAUTH_TYPE, transfer.proxy_tls_auth_type->c_str());
  if (transfer.proxy_tls_user) set(CURLOPT_PROXY_TLSAUTH_USERNAME, transfer.proxy_tls_user->c_str());
  if (transfer.proxy_tls_password) set(CURLOPT_PROXY_TLSAUTH_PASSWORD, transfer.proxy_tls_password->c_str());

  if (Status other = apply_other_protocols(set, transfer, plan.url, env, owned); !other) return other;

  // Authentication methods for what the user typed; dbcurl's bearer (below) overrides them.
  if (transfer.auth_methods != 0) set(CURLOPT_HTTPAUTH, transfer.auth_methods);
  if (transfer.aws_sigv4) set(CURLOPT_AWS_SIGV4, transfer.aws_sigv4->c_str());

  // Credentials: the plan decided; a workspace bearer never goes through netrc or -u.
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
  return set.status();
}

}  // namespace dbcurl
