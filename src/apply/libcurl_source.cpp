#include "apply/libcurl_source.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <optional>

#include "common/redact.hpp"

namespace dbcurl {

namespace {

// curl's --libcurl caps a literal at this many bytes and ends it with "...".
constexpr std::size_t kMaxLiteralBytes = 2000;

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The order curl 7.88's tool sets its options in (tool_operate.c); the program
// lists the setopts in it, so that it reads as curl's. Others go last.
constexpr CURLoption kCurlOrder[] = {
    CURLOPT_TCP_NODELAY,
    CURLOPT_TCP_FASTOPEN,
    CURLOPT_WRITEDATA,
    CURLOPT_INTERLEAVEDATA,
    CURLOPT_WRITEFUNCTION,
    CURLOPT_READDATA,
    CURLOPT_READFUNCTION,
    CURLOPT_SEEKDATA,
    CURLOPT_SEEKFUNCTION,
    CURLOPT_BUFFERSIZE,
    CURLOPT_URL,
    CURLOPT_NOPROGRESS,
    CURLOPT_NOBODY,
    CURLOPT_XOAUTH2_BEARER,
    CURLOPT_PROXY,
    CURLOPT_PROXYTYPE,
    CURLOPT_PROXYUSERPWD,
    CURLOPT_HTTPPROXYTUNNEL,
    CURLOPT_PRE_PROXY,
    CURLOPT_PROXYAUTH,
    CURLOPT_NOPROXY,
    CURLOPT_SUPPRESS_CONNECT_HEADERS,
    CURLOPT_FAILONERROR,
    CURLOPT_REQUEST_TARGET,
    CURLOPT_UPLOAD,
    CURLOPT_DIRLISTONLY,
    CURLOPT_APPEND,
    CURLOPT_NETRC,
    CURLOPT_NETRC_FILE,
    CURLOPT_TRANSFERTEXT,
    CURLOPT_LOGIN_OPTIONS,
    CURLOPT_USERPWD,
    CURLOPT_USERNAME,
    CURLOPT_PASSWORD,
    CURLOPT_RANGE,
    CURLOPT_ERRORBUFFER,
    CURLOPT_TIMEOUT_MS,
    CURLOPT_POSTFIELDS,
    CURLOPT_POSTFIELDSIZE_LARGE,
    CURLOPT_POST,
    CURLOPT_MIMEPOST,
    CURLOPT_MIME_OPTIONS,
    CURLOPT_HTTPAUTH,
    CURLOPT_HTTPHEADER,
    CURLOPT_REFERER,
    CURLOPT_USERAGENT,
    CURLOPT_FOLLOWLOCATION,
    CURLOPT_UNRESTRICTED_AUTH,
    CURLOPT_AUTOREFERER,
    CURLOPT_PROXYHEADER,
    CURLOPT_HEADEROPT,
    CURLOPT_MAXREDIRS,
    CURLOPT_HTTP_VERSION,
    CURLOPT_POSTREDIR,
    CURLOPT_ACCEPT_ENCODING,
    CURLOPT_TRANSFER_ENCODING,
    CURLOPT_HTTP09_ALLOWED,
    CURLOPT_FTPPORT,
    CURLOPT_LOW_SPEED_LIMIT,
    CURLOPT_LOW_SPEED_TIME,
    CURLOPT_MAX_SEND_SPEED_LARGE,
    CURLOPT_MAX_RECV_SPEED_LARGE,
    CURLOPT_RESUME_FROM_LARGE,
    CURLOPT_KEYPASSWD,
    CURLOPT_PROXY_KEYPASSWD,
    CURLOPT_SSH_PRIVATE_KEYFILE,
    CURLOPT_SSH_PUBLIC_KEYFILE,
    CURLOPT_SSH_HOST_PUBLIC_KEY_MD5,
    CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256,
    CURLOPT_SSH_COMPRESSION,
    CURLOPT_CAINFO,
    CURLOPT_PROXY_CAINFO,
    CURLOPT_CAPATH,
    CURLOPT_PROXY_CAPATH,
    CURLOPT_CRLFILE,
    CURLOPT_PROXY_CRLFILE,
    CURLOPT_PINNEDPUBLICKEY,
    CURLOPT_SSL_EC_CURVES,
    CURLOPT_CERTINFO,
    CURLOPT_SSLCERT_BLOB,
    CURLOPT_SSLCERT,
    CURLOPT_PROXY_SSLCERT,
    CURLOPT_SSLCERTTYPE,
    CURLOPT_PROXY_SSLCERTTYPE,
    CURLOPT_SSLKEY_BLOB,
    CURLOPT_SSLKEY,
    CURLOPT_PROXY_SSLKEY,
    CURLOPT_SSLKEYTYPE,
    CURLOPT_PROXY_SSLKEYTYPE,
    CURLOPT_AWS_SIGV4,
    CURLOPT_SSL_VERIFYPEER,
    CURLOPT_SSL_VERIFYHOST,
    CURLOPT_DOH_SSL_VERIFYPEER,
    CURLOPT_DOH_SSL_VERIFYHOST,
    CURLOPT_PROXY_SSL_VERIFYPEER,
    CURLOPT_PROXY_SSL_VERIFYHOST,
    CURLOPT_SSL_VERIFYSTATUS,
    CURLOPT_DOH_SSL_VERIFYSTATUS,
    CURLOPT_SSL_FALSESTART,
    CURLOPT_SSLVERSION,
    CURLOPT_PROXY_SSLVERSION,
    CURLOPT_SSL_OPTIONS,
    CURLOPT_PROXY_SSL_OPTIONS,
    CURLOPT_PATH_AS_IS,
    CURLOPT_SSH_KNOWNHOSTS,
    CURLOPT_FILETIME,
    CURLOPT_CRLF,
    CURLOPT_QUOTE,
    CURLOPT_POSTQUOTE,
    CURLOPT_PREQUOTE,
    CURLOPT_COOKIE,
    CURLOPT_COOKIEFILE,
    CURLOPT_COOKIEJAR,
    CURLOPT_COOKIESESSION,
    CURLOPT_TIMECONDITION,
    CURLOPT_TIMEVALUE_LARGE,
    CURLOPT_CUSTOMREQUEST,
    CURLOPT_STDERR,
    CURLOPT_INTERFACE,
    CURLOPT_KRBLEVEL,
    CURLOPT_XFERINFOFUNCTION,
    CURLOPT_XFERINFODATA,
    CURLOPT_DNS_SERVERS,
    CURLOPT_DNS_INTERFACE,
    CURLOPT_DNS_LOCAL_IP4,
    CURLOPT_DNS_LOCAL_IP6,
    CURLOPT_TELNETOPTIONS,
    CURLOPT_CONNECTTIMEOUT_MS,
    CURLOPT_DOH_URL,
    CURLOPT_SSL_CIPHER_LIST,
    CURLOPT_PROXY_SSL_CIPHER_LIST,
    CURLOPT_TLS13_CIPHERS,
    CURLOPT_PROXY_TLS13_CIPHERS,
    CURLOPT_FTP_USE_EPSV,
    CURLOPT_FTP_USE_EPRT,
    CURLOPT_DEBUGFUNCTION,
    CURLOPT_DEBUGDATA,
    CURLOPT_VERBOSE,
    CURLOPT_SSLENGINE,
    CURLOPT_FTP_CREATE_MISSING_DIRS,
    CURLOPT_MAXFILESIZE_LARGE,
    CURLOPT_IPRESOLVE,
    CURLOPT_USE_SSL,
    CURLOPT_FTP_SSL_CCC,
    CURLOPT_SOCKS5_GSSAPI_NEC,
    CURLOPT_SOCKS5_AUTH,
    CURLOPT_PROXY_SERVICE_NAME,
    CURLOPT_SERVICE_NAME,
    CURLOPT_FTP_ACCOUNT,
    CURLOPT_IGNORE_CONTENT_LENGTH,
    CURLOPT_FTP_SKIP_PASV_IP,
    CURLOPT_FTP_FILEMETHOD,
    CURLOPT_LOCALPORT,
    CURLOPT_LOCALPORTRANGE,
    CURLOPT_FTP_ALTERNATIVE_TO_USER,
    CURLOPT_SSL_SESSIONID_CACHE,
    CURLOPT_HTTP_CONTENT_DECODING,
    CURLOPT_HTTP_TRANSFER_DECODING,
    CURLOPT_TCP_KEEPALIVE,
    CURLOPT_TCP_KEEPIDLE,
    CURLOPT_TCP_KEEPINTVL,
    CURLOPT_TFTP_BLKSIZE,
    CURLOPT_MAIL_FROM,
    CURLOPT_MAIL_RCPT,
    CURLOPT_MAIL_RCPT_ALLLOWFAILS,
    CURLOPT_FTP_USE_PRET,
    CURLOPT_NEW_FILE_PERMS,
    CURLOPT_PROTOCOLS_STR,
    CURLOPT_REDIR_PROTOCOLS_STR,
    CURLOPT_HEADERFUNCTION,
    CURLOPT_HEADERDATA,
    CURLOPT_RESOLVE,
    CURLOPT_CONNECT_TO,
    CURLOPT_TLSAUTH_USERNAME,
    CURLOPT_TLSAUTH_PASSWORD,
    CURLOPT_TLSAUTH_TYPE,
    CURLOPT_PROXY_TLSAUTH_USERNAME,
    CURLOPT_PROXY_TLSAUTH_PASSWORD,
    CURLOPT_PROXY_TLSAUTH_TYPE,
    CURLOPT_GSSAPI_DELEGATION,
    CURLOPT_MAIL_AUTH,
    CURLOPT_SASL_AUTHZID,
    CURLOPT_SASL_IR,
    CURLOPT_SSL_ENABLE_ALPN,
    CURLOPT_ABSTRACT_UNIX_SOCKET,
    CURLOPT_UNIX_SOCKET_PATH,
    CURLOPT_DEFAULT_PROTOCOL,
    CURLOPT_EXPECT_100_TIMEOUT_MS,
    CURLOPT_TFTP_NO_OPTIONS,
    CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS,
    CURLOPT_HAPROXYPROTOCOL,
    CURLOPT_DISALLOW_USERNAME_IN_URL,
    CURLOPT_ALTSVC,
    CURLOPT_HSTS,
    CURLOPT_INFILESIZE_LARGE,  // curl sets the upload size as the transfer starts
};

std::size_t curl_rank(CURLoption option) {
  return static_cast<std::size_t>(std::find(std::begin(kCurlOrder), std::end(kCurlOrder), option) -
                                  std::begin(kCurlOrder));
}

// curl leaves out a long option set to its default: 0, except for these.
long curl_default(CURLoption option) {
  switch (option) {
    case CURLOPT_SSL_VERIFYPEER:
    case CURLOPT_SSL_VERIFYHOST:
    case CURLOPT_SSL_ENABLE_ALPN:
    case CURLOPT_TCP_NODELAY:
    case CURLOPT_PROXY_SSL_VERIFYPEER:
    case CURLOPT_PROXY_SSL_VERIFYHOST:
    case CURLOPT_SOCKS5_AUTH: return 1;
    default: return 0;
  }
}

struct Symbol {
  const char* name;
  unsigned long value;
};
#define DBCURL_SYMBOL(name) \
  Symbol { #name, static_cast < unsigned long>(name) }

// The values curl writes by name. Bit masks list combinations first.
constexpr Symbol kProxyTypes[] = {DBCURL_SYMBOL(CURLPROXY_HTTP),           DBCURL_SYMBOL(CURLPROXY_HTTP_1_0),
                                  DBCURL_SYMBOL(CURLPROXY_HTTPS),          DBCURL_SYMBOL(CURLPROXY_SOCKS4),
                                  DBCURL_SYMBOL(CURLPROXY_SOCKS5),         DBCURL_SYMBOL(CURLPROXY_SOCKS4A),
                                  DBCURL_SYMBOL(CURLPROXY_SOCKS5_HOSTNAME)};
constexpr Symbol kAuths[] = {DBCURL_SYMBOL(CURLAUTH_ANY),
                             DBCURL_SYMBOL(CURLAUTH_ANYSAFE),
                             DBCURL_SYMBOL(CURLAUTH_BASIC),
                             DBCURL_SYMBOL(CURLAUTH_DIGEST),
                             Symbol{"CURLAUTH_GSSNEGOTIATE", CURLAUTH_NEGOTIATE},
                             DBCURL_SYMBOL(CURLAUTH_NTLM),
                             DBCURL_SYMBOL(CURLAUTH_DIGEST_IE),
                             DBCURL_SYMBOL(CURLAUTH_NTLM_WB),
                             DBCURL_SYMBOL(CURLAUTH_ONLY),
                             DBCURL_SYMBOL(CURLAUTH_NONE)};
constexpr Symbol kHttpVersions[] = {DBCURL_SYMBOL(CURL_HTTP_VERSION_NONE), DBCURL_SYMBOL(CURL_HTTP_VERSION_1_0),
                                    DBCURL_SYMBOL(CURL_HTTP_VERSION_1_1),  DBCURL_SYMBOL(CURL_HTTP_VERSION_2_0),
                                    DBCURL_SYMBOL(CURL_HTTP_VERSION_2TLS), DBCURL_SYMBOL(CURL_HTTP_VERSION_3),
                                    DBCURL_SYMBOL(CURL_HTTP_VERSION_3ONLY)};
constexpr Symbol kSslVersions[] = {DBCURL_SYMBOL(CURL_SSLVERSION_DEFAULT), DBCURL_SYMBOL(CURL_SSLVERSION_TLSv1),
                                   DBCURL_SYMBOL(CURL_SSLVERSION_SSLv2),   DBCURL_SYMBOL(CURL_SSLVERSION_SSLv3),
                                   DBCURL_SYMBOL(CURL_SSLVERSION_TLSv1_0), DBCURL_SYMBOL(CURL_SSLVERSION_TLSv1_1),
                                   DBCURL_SYMBOL(CURL_SSLVERSION_TLSv1_2), DBCURL_SYMBOL(CURL_SSLVERSION_TLSv1_3)};
constexpr Symbol kTimeConditions[] = {DBCURL_SYMBOL(CURL_TIMECOND_IFMODSINCE),
                                      DBCURL_SYMBOL(CURL_TIMECOND_IFUNMODSINCE), DBCURL_SYMBOL(CURL_TIMECOND_LASTMOD),
                                      DBCURL_SYMBOL(CURL_TIMECOND_NONE)};
constexpr Symbol kCccModes[] = {DBCURL_SYMBOL(CURLFTPSSL_CCC_NONE), DBCURL_SYMBOL(CURLFTPSSL_CCC_PASSIVE),
                                DBCURL_SYMBOL(CURLFTPSSL_CCC_ACTIVE)};
constexpr Symbol kUseSsl[] = {DBCURL_SYMBOL(CURLUSESSL_NONE), DBCURL_SYMBOL(CURLUSESSL_TRY),
                              DBCURL_SYMBOL(CURLUSESSL_CONTROL), DBCURL_SYMBOL(CURLUSESSL_ALL)};
constexpr Symbol kSslOptions[] = {
    DBCURL_SYMBOL(CURLSSLOPT_ALLOW_BEAST),     DBCURL_SYMBOL(CURLSSLOPT_NO_REVOKE),
    DBCURL_SYMBOL(CURLSSLOPT_NO_PARTIALCHAIN), DBCURL_SYMBOL(CURLSSLOPT_REVOKE_BEST_EFFORT),
    DBCURL_SYMBOL(CURLSSLOPT_NATIVE_CA),       DBCURL_SYMBOL(CURLSSLOPT_AUTO_CLIENT_CERT)};
constexpr Symbol kNetrc[] = {DBCURL_SYMBOL(CURL_NETRC_IGNORED), DBCURL_SYMBOL(CURL_NETRC_OPTIONAL),
                             DBCURL_SYMBOL(CURL_NETRC_REQUIRED)};
#undef DBCURL_SYMBOL

struct Symbols {
  const Symbol* begin = nullptr;
  const Symbol* end = nullptr;
  bool bits = false;
};

template <std::size_t N>
Symbols symbols(const Symbol (&table)[N], bool bits) {
  return {table, table + N, bits};
}

std::optional<Symbols> symbols_of(CURLoption option) {
  switch (option) {
    case CURLOPT_PROXYTYPE: return symbols(kProxyTypes, false);
    case CURLOPT_NETRC: return symbols(kNetrc, false);
    case CURLOPT_HTTP_VERSION: return symbols(kHttpVersions, false);
    case CURLOPT_SSLVERSION:
    case CURLOPT_PROXY_SSLVERSION: return symbols(kSslVersions, false);
    case CURLOPT_TIMECONDITION: return symbols(kTimeConditions, false);
    case CURLOPT_USE_SSL: return symbols(kUseSsl, false);
    case CURLOPT_FTP_SSL_CCC: return symbols(kCccModes, false);
    case CURLOPT_HTTPAUTH:
    case CURLOPT_PROXYAUTH:
    case CURLOPT_SOCKS5_AUTH: return symbols(kAuths, true);
    case CURLOPT_SSL_OPTIONS:
    case CURLOPT_PROXY_SSL_OPTIONS: return symbols(kSslOptions, true);
    default: return std::nullopt;
  }
}

// A value by name as curl writes it: "(long)NAME", or bits joined by " |" over
// lines lined up under the first; what no name covers stays a number.
std::string symbolic(const Symbols& names, long value, std::size_t indent) {
  if (!names.bits) {
    for (const Symbol* symbol = names.begin; symbol != names.end; ++symbol)
      if (symbol->value == static_cast<unsigned long>(value)) return std::string("(long)") + symbol->name;
    return std::to_string(value) + "L";
  }
  std::string out;
  unsigned long rest = static_cast<unsigned long>(value);
  for (const Symbol* symbol = names.begin; symbol != names.end && rest != 0; ++symbol) {
    if ((symbol->value & ~rest) != 0) continue;
    rest &= ~symbol->value;
    if (!out.empty()) out += " |\n" + std::string(indent, ' ');
    out += std::string("(long)") + symbol->name;
  }
  if (rest != 0) {
    if (!out.empty()) out += " |\n" + std::string(indent, ' ');
    out += std::to_string(rest) + "UL";
  }
  return out;
}

}  // namespace

std::string c_string_literal(std::string_view text) {
  const bool cut = text.size() > kMaxLiteralBytes;
  if (cut) text = text.substr(0, kMaxLiteralBytes);
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      case '?': out += "\\?"; break;  // no trigraphs
      default:
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
          // Octal when a hex digit follows: a hex escape would take it in.
          const bool octal = i + 1 < text.size() && is_hex_digit(text[i + 1]);
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, octal ? "\\%03o" : "\\x%02x", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + (cut ? "...\"" : "\"");
}

// A token never reaches the file (docs/SECURITY.md): where one was given on the command
// line, the program holds its redacted form.
std::string LibcurlSource::redacted_literal(std::string_view text) const {
  return c_string_literal(secrets_.redact_text(text));
}

std::string LibcurlSource::option_name(CURLoption option) {
  const curl_easyoption* info = curl_easy_option_by_id(option);
  return std::string("CURLOPT_") + (info != nullptr ? info->name : "UNKNOWN");
}

void LibcurlSource::begin_transfer() { transfers_.emplace_back(); }

LibcurlSource::Transfer& LibcurlSource::current() {
  if (transfers_.empty()) begin_transfer();
  return transfers_.back();
}

void LibcurlSource::add(CURLoption option, const std::string& value, const std::string& code_before) {
  current().setopts.push_back(
      {curl_rank(option), code_before + "  curl_easy_setopt(hnd, " + option_name(option) + ", " + value + ");\n"});
}

void LibcurlSource::record_long(CURLoption option, long value) {
  if (value == curl_default(option)) return;  // as curl, which writes no default
  const std::optional<Symbols> names = symbols_of(option);
  if (!names) {
    add(option, std::to_string(value) + "L");
    return;
  }
  add(option, symbolic(*names, value, std::string("  curl_easy_setopt(hnd, , ").size() + option_name(option).size()));
}

void LibcurlSource::record_offset(CURLoption option, curl_off_t value) {
  if (value == 0) return;
  add(option, "(curl_off_t)" + std::to_string(value));
}

void LibcurlSource::record_string(CURLoption option, const char* value) {
  if (value == nullptr) return;
  add(option, redacted_literal(value));
}

void LibcurlSource::record_bytes(CURLoption option, std::string_view data) {
  // dbcurl hands libcurl a copy (COPYPOSTFIELDS); the program's literal lives
  // as long as its handle, so the program says POSTFIELDS, as curl's does.
  add(option == CURLOPT_COPYPOSTFIELDS ? CURLOPT_POSTFIELDS : option, redacted_literal(data));
}

std::string LibcurlSource::declare_list(const std::vector<std::string>& items) {
  const std::string name = "slist" + std::to_string(++list_count_);
  declarations_.push_back("  struct curl_slist *" + name + ";\n");
  std::string block = "  " + name + " = NULL;\n";
  for (const std::string& item : items) {
    block += "  " + name + " = curl_slist_append(" + name + ", " + redacted_literal(item) + ");\n";
  }
  set_up_.push_back(block);
  clean_up_.push_back("  curl_slist_free_all(" + name + ");\n  " + name + " = NULL;\n");
  return name;
}

void LibcurlSource::record_list(CURLoption option, const curl_slist* list) {
  if (list == nullptr) return;
  std::vector<std::string> items;
  for (const curl_slist* item = list; item != nullptr; item = item->next) items.emplace_back(item->data);
  add(option, declare_list(items));
}

int LibcurlSource::declare_mime(const std::vector<FormPart>& parts, std::string& code) {
  const int number = ++mime_count_;
  const std::string name = "mime" + std::to_string(number);
  declarations_.push_back("  curl_mime *" + name + ";\n");
  set_up_.push_back("  " + name + " = NULL;\n");
  code += "  " + name + " = curl_mime_init(hnd);\n";
  clean_up_.push_back("  curl_mime_free(" + name + ");\n  " + name + " = NULL;\n");
  if (!parts.empty()) declarations_.push_back("  curl_mimepart *part" + std::to_string(number) + ";\n");
  for (const FormPart& part : parts) add_mime_part(part, number, code);
  return number;
}

// curl's calls for one part, in curl's order: its content, then encoder,
// file name, name, type and headers.
void LibcurlSource::add_mime_part(const FormPart& part, int mime, std::string& code) {
  const std::string name = "part" + std::to_string(mime);
  const auto call = [&](std::string_view function, const std::string& arguments) {
    code += "  " + std::string(function) + "(" + name + ", " + arguments + ");\n";
  };
  code += "  " + name + " = curl_mime_addpart(mime" + std::to_string(mime) + ");\n";
  std::optional<std::string> filename = part.filename;
  switch (part.kind) {
    case FormPart::Kind::kParts: {
      const std::string subparts = "mime" + std::to_string(declare_mime(part.subparts, code));
      call("curl_mime_subparts", subparts);
      code += "  " + subparts + " = NULL;\n";  // freed with its parent
      break;
    }
    case FormPart::Kind::kText: call("curl_mime_data", redacted_literal(part.value) + ", CURL_ZERO_TERMINATED"); break;
    case FormPart::Kind::kFile:
    case FormPart::Kind::kFileContent:
      call("curl_mime_filedata", redacted_literal(part.value));
      if (part.kind == FormPart::Kind::kFileContent && !filename) call("curl_mime_filename", "NULL");
      break;
    case FormPart::Kind::kStdin:
      if (!filename) filename = "-";
      [[fallthrough]];
    case FormPart::Kind::kStdinContent:
      // The program reads its own standard input, as curl's does.
      call("curl_mime_data_cb",
           "-1, (curl_read_callback) fread, \\\n                    (curl_seek_callback) fseek, NULL, stdin");
      break;
  }
  if (part.encoder) call("curl_mime_encoder", redacted_literal(*part.encoder));
  if (filename) call("curl_mime_filename", redacted_literal(*filename));
  if (part.name) call("curl_mime_name", redacted_literal(*part.name));
  if (part.type) call("curl_mime_type", redacted_literal(*part.type));
  if (!part.headers.empty()) {
    const std::string list = declare_list(part.headers);
    call("curl_mime_headers", list + ", 1");
    code += "  " + list + " = NULL;\n";  // the part owns it now
  }
}

void LibcurlSource::record_form(CURLoption option, const std::vector<FormPart>& parts) {
  std::string code;
  const int mime = declare_mime(parts, code);
  add(option, "mime" + std::to_string(mime), code);
}

void LibcurlSource::record_pointer(CURLoption option, bool function) {
  // The share handle is how dbcurl's transfers share connections: curl leaves it out too.
  if (option == CURLOPT_SHARE) return;
  const std::string line =
      "  " + option_name(option) + " was set to " + (function ? "a function pointer" : "an object pointer");
  std::vector<Line>& pointers = current().pointers;
  if (std::none_of(pointers.begin(), pointers.end(), [&](const Line& known) { return known.text == line; }))
    pointers.push_back({curl_rank(option), line});
}

void LibcurlSource::record_from_environment(CURLoption option, std::string_view variable) {
  reads_environment_ = true;
  add(option, "getenv(\"" + std::string(variable) + "\")");
}

std::string LibcurlSource::program() const {
  std::string out =
      "/********* Sample code generated by the curl command line tool **********\n"
      " * All curl_easy_setopt() options are documented at:\n"
      " * https://curl.se/libcurl/c/curl_easy_setopt.html\n"
      " ************************************************************************/\n"
      "#include <curl/curl.h>\n";
  if (reads_environment_) out += "#include <stdlib.h>\n";
  out +=
      "\n"
      "int main(int argc, char *argv[])\n"
      "{\n"
      "  CURLcode ret;\n"
      "  CURL *hnd;\n";
  for (const std::string& declaration : declarations_) out += declaration;
  out += "\n";
  for (const std::string& block : set_up_) out += block;
  if (!set_up_.empty()) out += "\n";
  const auto by_rank = [](const Line& a, const Line& b) { return a.rank < b.rank; };
  for (const Transfer& transfer : transfers_) {
    std::vector<Line> setopts = transfer.setopts;
    std::vector<Line> pointers = transfer.pointers;
    std::stable_sort(setopts.begin(), setopts.end(), by_rank);
    std::stable_sort(pointers.begin(), pointers.end(), by_rank);
    out += "  hnd = curl_easy_init();\n";
    for (const Line& line : setopts) out += line.text;
    if (!pointers.empty()) {
      out +=
          "\n  /* Here is a list of options the curl code used that cannot get generated\n"
          "     as source easily. You may choose to either not use them or implement\n"
          "     them yourself.\n\n";
      for (const Line& line : pointers) out += line.text + "\n";
      out += "\n  */\n";
    }
    out += "\n  ret = curl_easy_perform(hnd);\n\n  curl_easy_cleanup(hnd);\n  hnd = NULL;\n";
  }
  for (const std::string& block : clean_up_) out += block;
  out += "\n  return (int)ret;\n}\n/**** End of sample code ****/\n";
  return out;
}

}  // namespace dbcurl
