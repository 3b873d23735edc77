#pragma once
// The plain result of parsing curl's grammar: what the user asked for, with no
// credential decisions and no libcurl types. One TransferConfig per --next group.

#include <optional>
#include <string>
#include <vector>

#include "common/secret.hpp"

namespace dbcurl {

// libcurl's numbers for options the parser records; static_asserts in
// apply/apply.cpp keep them equal to curl.h's, without curl.h here.
namespace CurlAuth {
inline constexpr unsigned long kBasic = 1UL << 0;
inline constexpr unsigned long kDigest = 1UL << 1;
inline constexpr unsigned long kNegotiate = 1UL << 2;
inline constexpr unsigned long kNtlm = 1UL << 3;
inline constexpr unsigned long kAny = ~(1UL << 4);  // CURLAUTH_ANY: all but DIGEST_IE
inline constexpr unsigned long kNtlmWb = 1UL << 5;
inline constexpr unsigned long kGssapi = kNegotiate;  // CURLAUTH_GSSAPI, for SOCKS5
}  // namespace CurlAuth
namespace HttpVersion {
inline constexpr long k10 = 1, k11 = 2, k2 = 3, k2PriorKnowledge = 5;
}
namespace TlsVersion {
inline constexpr long k1 = 1, k10 = 4, k11 = 5, k12 = 6, k13 = 7;
inline constexpr long kMaxDefault = 1L << 16, kMax10 = 4L << 16, kMax11 = 5L << 16, kMax12 = 6L << 16,
                      kMax13 = 7L << 16;
}  // namespace TlsVersion
namespace FtpMethod {
inline constexpr long kMultiCwd = 1, kNoCwd = 2, kSingleCwd = 3;
}
namespace FtpCcc {
inline constexpr long kPassive = 1, kActive = 2;
}
namespace GssapiDelegation {
inline constexpr long kNone = 0, kPolicy = 1, kAlways = 2;
}

enum class TraceMode { kNone, kVerbose, kAscii, kBinary };

// libcurl's CURL_HET_DEFAULT: curl sets --happy-eyeballs-timeout-ms only when it differs.
inline constexpr long kHappyEyeballsDefaultMs = 200;

// Options that curl keeps across --next.
struct GlobalConfig {
  bool silent = false;      // -s
  bool show_error = false;  // -S
  bool no_progress_meter = false;
  TraceMode trace_mode = TraceMode::kNone;
  std::string trace_file;  // "-" is stdout, "%" is stderr (as curl's)
  bool trace_time = false;
  bool fail_early = false;
  bool parallel = false;   // -Z
  long parallel_max = 50;  // --parallel-max, curl's default (1..300)
  bool parallel_immediate = false;

  // dbcurl's own.
  std::optional<std::string> profile;
  bool explain = false;
  bool list_profiles = false;
  bool list_api_paths = false;

  bool show_version = false;
  bool show_help = false;
  std::optional<std::string> help_category;  // the word after --help, as curl reads it
  bool show_manual = false;
  bool list_engines = false;                // --engine list
  bool styled_output = true;                // bold header names for -i on a terminal
  bool progress_bar = false;                // -#
  long ms_per_transfer = 0;                 // --rate, as the pause between serial transfer starts
  std::optional<std::string> libcurl_file;  // --libcurl ("-" is stdout)
};

// -F / --form-string parts (cli/form.hpp reads curl's grammar).
struct FormPart {
  enum class Kind {
    kText,          // name=value
    kFile,          // name=@file: uploaded with its file name
    kFileContent,   // name=<file: the file's content as a field
    kStdin,         // name=@-: standard input's bytes (in value), file name "-"
    kStdinContent,  // name=<-
    kParts,         // name=( ... =) or name=@a,b: a multipart of subparts
  };
  std::optional<std::string> name;  // none for "=value"
  Kind kind = Kind::kText;
  std::string value;                    // the text, the file name, or standard input's bytes
  std::optional<std::string> type;      // ;type=
  std::optional<std::string> filename;  // ;filename=
  std::optional<std::string> encoder;   // ;encoder=
  std::vector<std::string> headers;     // ;headers=
  std::vector<FormPart> subparts;       // kParts
};

// curl's request kinds that exclude each other ("You can only select one HTTP request method!").
enum class RequestKind { kUnspecified, kHead, kMimePost, kPut, kPost };

struct TransferConfig {
  std::vector<std::string> urls;
  std::vector<std::optional<std::string>> outputs;  // -o NAME, or nullopt for -O; paired with urls in order
  bool globoff = false;                             // -g

  std::optional<std::string> method;     // -X
  std::vector<std::string> headers;      // -H, in order
  std::optional<std::string> post_data;  // -d family, joined with '&'; --json pieces concatenated
  bool json = false;
  std::vector<FormPart> form;  // -F, --form-string
  int open_form_parts = 0;     // "name=(" multiparts not yet closed by "=)"
  RequestKind request_kind =
      RequestKind::kUnspecified;  // set by -I and -F while parsing                     // --json given
  bool get_query = false;         // -G
  bool head = false;              // -I
  bool include_headers = false;   // -i
  bool follow_location = false;   // -L
  bool location_trusted = false;  // --location-trusted: what the user typed may go to other hosts
  long max_redirects = 50;        // --max-redirs, curl\'s default
  bool insecure = false;          // -k
  bool fail = false;              // -f
  bool fail_with_body = false;
  std::optional<std::string> write_out;   // -w (file already read for @file)
  std::optional<std::string> user_agent;  // -A
  std::optional<std::string> cacert;
  std::optional<std::string> capath;
  long max_time_ms = 0;  // -m
  long connect_timeout_ms = 0;
  bool compressed = false;
  long retries = 0;              // --retry
  long retry_delay_seconds = 0;  // --retry-delay
  long retry_max_time_seconds = 0;
  bool retry_all_errors = false;
  bool retry_connection_refused = false;
  bool paginate = false;  // dbcurl's --paginate
  long paginate_max = 0;  // 0: no limit

  // Output.
  std::optional<std::string> dump_header;  // -D
  bool remote_name_all = false;            // --remote-name-all
  std::optional<std::string> output_dir;   // --output-dir
  bool create_dirs = false;
  bool remove_on_error = false;
  bool remote_header_name = false;  // -J: the name from Content-Disposition, with -O
  enum class Clobber { kDefault, kNever, kAlways };
  Clobber clobber = Clobber::kDefault;  // --no-clobber / --clobber
  bool remote_time = false;             // -R
  bool xattr = false;
  bool no_buffer = false;  // -N
  std::optional<std::string> etag_save_file;
  std::optional<std::string> etag_compare_file;

  // Request.
  std::optional<std::string> referer;  // -e, without ";auto"
  bool auto_referer = false;
  std::vector<std::string> cookies;       // -b values with '=': joined with "; "
  std::vector<std::string> cookie_files;  // -b values without '='
  std::optional<std::string> cookie_jar;  // -c
  bool junk_session_cookies = false;      // -j
  std::vector<std::string> url_queries;   // --url-query, already encoded
  std::vector<std::string> upload_files;  // -T, paired with urls in order (as -o is)
  long post_redirects = 0;                // --post301/302/303 bits (CURL_REDIR_POST_*)
  std::optional<std::string> request_target;
  bool path_as_is = false;
  bool raw = false;
  bool transfer_encoding = false;             // --tr-encoding
  std::optional<std::string> range;           // -r
  std::optional<std::string> continue_at;     // -C: bytes, or "-" for the output file's size
  std::optional<std::string> time_condition;  // -z
  std::vector<std::string> proxy_headers;

  // Transfer limits.
  long long limit_rate = 0;  // --limit-rate, bytes/s
  long long max_filesize = 0;
  long speed_limit = 0;  // -Y
  long speed_time = 0;   // -y
  long expect100_timeout_ms = 0;

  // Connection.
  long ip_resolve = 0;               // CURL_IPRESOLVE_*: -4 is 1, -6 is 2
  std::vector<std::string> resolve;  // --resolve
  std::vector<std::string> connect_to;
  std::optional<std::string> unix_socket;
  bool abstract_unix_socket = false;
  std::optional<std::string> interface_name;
  long local_port = 0;        // --local-port N or N-M: 0 leaves the choice to the system
  long local_port_range = 1;  // how many ports from local_port on to try
  bool keepalive = true;      // --no-keepalive
  long keepalive_time = 0;
  bool tcp_nodelay = true;
  bool tcp_fastopen = false;
  long http_version = 0;  // 0: curl's default (HTTP/2 over TLS); else CURL_HTTP_VERSION_*

  // Proxy.
  std::optional<std::string> proxy;        // -x, --socks*
  std::optional<SecretString> proxy_user;  // -U
  std::optional<std::string> noproxy;
  bool proxytunnel = false;
  bool proxy_insecure = false;
  std::optional<std::string> preproxy;
  unsigned long proxy_auth_methods = 0;  // --proxy-basic ... (CurlAuth bits)
  std::optional<std::string> proxy_cacert;
  std::optional<std::string> proxy_capath;
  std::optional<std::string> proxy_cert;
  std::optional<std::string> proxy_cert_type;
  std::optional<std::string> proxy_ciphers;
  std::optional<std::string> proxy_crl_file;
  std::optional<std::string> proxy_key;
  std::optional<std::string> proxy_key_type;
  std::optional<SecretString> proxy_key_password;
  std::optional<std::string> proxy_pinned_public_key;
  std::optional<std::string> proxy_tls13_ciphers;
  bool proxy_tlsv1 = false;
  bool proxy_http10 = false;  // --proxy1.0

  // TLS.
  std::optional<std::string> cert;  // -E
  std::optional<std::string> cert_type;
  std::optional<std::string> key;
  std::optional<std::string> key_type;
  std::optional<SecretString> key_password;  // --pass
  std::optional<std::string> pinned_public_key;
  long tls_min = 0;  // CURL_SSLVERSION_*
  long tls_max = 0;  // CURL_SSLVERSION_MAX_*
  std::optional<std::string> ciphers;
  std::optional<std::string> tls13_ciphers;
  std::optional<std::string> crl_file;
  bool ssl_no_revoke = false;
  bool cert_status = false;
  bool ssl_allow_beast = false;
  bool ssl_auto_client_cert = false;
  bool ssl_revoke_best_effort = false;
  bool proxy_ssl_allow_beast = false;
  bool proxy_ssl_auto_client_cert = false;
  std::optional<std::string> ec_curves;  // --curves
  std::optional<std::string> engine;     // --engine ("list" is handled before any transfer)
  bool false_start = false;
  bool alpn = true;              // --no-alpn
  bool session_id_cache = true;  // --no-sessionid
  // TLS-SRP (--tlsuser ...) for the server and for an HTTPS proxy.
  std::optional<std::string> tls_auth_type;
  std::optional<std::string> tls_user;
  std::optional<SecretString> tls_password;
  std::optional<std::string> proxy_tls_auth_type;
  std::optional<std::string> proxy_tls_user;
  std::optional<SecretString> proxy_tls_password;

  // Name resolution and connection extras.
  // --dns-servers, --dns-interface, --dns-ipv4-addr, --dns-ipv6-addr (c-ares builds only)
  std::optional<std::string> dns_servers, dns_interface, dns_ipv4_address, dns_ipv6_address;
  std::optional<std::string> doh_url;
  bool doh_insecure = false;
  bool doh_cert_status = false;
  long happy_eyeballs_timeout_ms = kHappyEyeballsDefaultMs;
  bool haproxy_protocol = false;
  bool disallow_username_in_url = false;
  std::optional<std::string> alt_svc_file;  // --alt-svc
  std::optional<std::string> hsts_file;     // --hsts

  // --proto, --proto-redir: libcurl's comma lists ("" allows none); --proto-default.
  std::optional<std::string> protocols;
  std::optional<std::string> redirect_protocols;
  std::optional<std::string> default_protocol;

  // HTTP extras.
  bool http09_allowed = false;
  bool ignore_content_length = false;
  bool suppress_connect_headers = false;
  bool form_escape = false;

  // GSS-API and SOCKS5 authentication.
  long gssapi_delegation = 0;  // CURLGSSAPI_DELEGATION_* (--delegation)
  std::optional<std::string> service_name;
  std::optional<std::string> proxy_service_name;  // --proxy-service-name, --socks5-gssapi-service
  unsigned long socks5_auth = 0;                  // --socks5-basic/--socks5-gssapi (CURLAUTH_* bits; 0: default)
  bool socks5_gssapi_nec = false;

  // Authentication methods for plain requests (CURLAUTH_* bits; 0: libcurl's default).
  unsigned long auth_methods = 0;
  std::optional<std::string> aws_sigv4;

  // FTP, SMTP, IMAP, POP3, SSH, TFTP and TELNET: curl's options and defaults.
  bool ftp_append = false;                              // -a
  bool list_only = false;                               // -l
  bool use_ascii = false;                               // -B
  bool crlf = false;                                    // --crlf
  std::vector<std::string> quote, prequote, postquote;  // -Q CMD, -Q +CMD, -Q -CMD
  std::optional<std::string> ftp_port;                  // -P (--ftp-pasv clears it)
  bool disable_epsv = false;
  bool disable_eprt = false;
  bool ftp_create_dirs = false;
  long ftp_method = 0;  // CURLFTPMETHOD_*; 0: not given
  bool ftp_pret = false;
  bool ftp_skip_pasv_ip = true;  // curl's default since 7.74
  std::optional<std::string> ftp_account;
  std::optional<std::string> ftp_alternative_to_user;
  bool ssl_try = false;       // --ssl
  bool ssl_required = false;  // --ssl-reqd
  bool ssl_control = false;   // --ftp-ssl-control
  long ftp_ssl_ccc_mode = 0;  // CURLFTPSSL_CCC_*; 0: no CCC
  std::optional<std::string> krb_level;
  std::optional<std::string> mail_from;
  std::optional<std::string> mail_auth;
  std::vector<std::string> mail_recipients;
  bool mail_rcpt_allowfails = false;
  std::optional<std::string> sasl_authzid;
  bool sasl_ir = false;
  std::optional<std::string> login_options;
  std::optional<std::string> ssh_public_key;  // --pubkey
  std::optional<std::string> host_pubkey_md5;
  std::optional<std::string> host_pubkey_sha256;
  bool ssh_compression = false;
  long create_file_mode = 0;  // 0: libcurl's default
  long tftp_blksize = 0;
  bool tftp_no_options = false;
  std::vector<std::string> telnet_options;

  bool netrc = false;           // -n; --netrc-file implies it, as in curl
  bool netrc_optional = false;  // --netrc-optional, which wins over -n
  std::optional<std::string> netrc_file;
  std::optional<SecretString> user;           // -u user[:password]
  std::optional<SecretString> oauth2_bearer;  // --oauth2-bearer
};

struct CommandLine {
  GlobalConfig global;
  std::vector<TransferConfig> transfers;
};

}  // namespace dbcurl
