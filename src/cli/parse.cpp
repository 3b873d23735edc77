#include "cli/parse.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <variant>

#include "cli/form.hpp"
#include "cli/option_table.hpp"
#include "cli/protocols.hpp"
#include "cli/url_encode.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

constexpr int kMaxConfigDepth = 16;

// The options curl 7.88 reads a file name for: a name that looks like an
// option (-k) gets its warning, as an option given one word too early would.
bool names_a_file(OptionId id) {
  switch (id) {
    case OptionId::kAbstractUnixSocket:
    case OptionId::kCacert:
    case OptionId::kCapath:
    case OptionId::kCert:
    case OptionId::kConfig:
    case OptionId::kCrlfile:
    case OptionId::kDumpHeader:
    case OptionId::kEtagCompare:
    case OptionId::kEtagSave:
    case OptionId::kKey:
    case OptionId::kNetrcFile:
    case OptionId::kOutput:
    case OptionId::kProxyCacert:
    case OptionId::kProxyCapath:
    case OptionId::kProxyCert:
    case OptionId::kProxyCrlfile:
    case OptionId::kProxyKey:
    case OptionId::kRandomFile:
    case OptionId::kStderr:
    case OptionId::kTrace:
    case OptionId::kTraceAscii:
    case OptionId::kUnixSocket:
    case OptionId::kUploadFile: return true;
    default: return false;
  }
}

Error option_error(std::string_view word, std::string_view reason) {
  return make_error(exit_code::kUsage, "option " + std::string(word) + ": " + std::string(reason));
}

// curl's "<fractional seconds>" values, as milliseconds. Read with strtod as
// curl does (LC_NUMERIC is "C", see main): leading blanks and hex are accepted, a
// value out of double's range is "too large" (even 1e-400), NaN means none.
Result<long> parse_seconds(std::string_view word, const std::string& value) {
  char* end = nullptr;
  errno = 0;
  const double seconds = std::strtod(value.c_str(), &end);
  if (errno == ERANGE) return option_error(word, "too large number");
  constexpr double kMaxSeconds = static_cast<double>(std::numeric_limits<long>::max()) / 1000;
  if (seconds > kMaxSeconds) return option_error(word, "too large number");
  if (end == value.c_str() || *end != '\0') return option_error(word, "expected a proper numerical parameter");
  if (seconds < 0) return option_error(word, "expected a positive numerical parameter");
  if (std::isnan(seconds)) return 0L;
  // curl truncates to whole milliseconds; the largest value maps to LONG_MAX.
  const double milliseconds = seconds * 1000;
  if (milliseconds >= static_cast<double>(std::numeric_limits<long>::max())) return std::numeric_limits<long>::max();
  return static_cast<long>(milliseconds);
}

Error unsupported_by_libcurl(std::string_view word) {
  return option_error(word, "the installed libcurl version doesn't support this");
}

Status require(bool supported, std::string_view word) {
  if (!supported) return unsupported_by_libcurl(word);
  return Ok{};
}

Error fail_conflict(std::string_view word) {
  return make_error(exit_code::kUsage, "You must select either --fail or --fail-with-body, not both.\noption " +
                                           std::string(word) + ": is badly used here");
}

// curl's <num> values, read with strtol as curl does: leading white space and
// a sign are accepted, anything after the digits is not, and a number out of
// long's range is "too large".
Result<long> parse_whole_number(std::string_view word, const std::string& value, int base = 10) {
  char* end = nullptr;
  errno = 0;
  const long number = std::strtol(value.c_str(), &end, base);
  if (errno == ERANGE) return option_error(word, "too large number");
  if (end == value.c_str() || *end != '\0') return option_error(word, "expected a proper numerical parameter");
  return number;
}

// Most of curl's <num> values refuse a negative number ("-0" is zero).
Result<long> parse_count(std::string_view word, const std::string& value) {
  Result<long> number = parse_whole_number(word, value);
  if (number && *number < 0) return option_error(word, "expected a positive numerical parameter");
  return number;
}

// --retry-delay and --retry-max-time: whole seconds that fit in milliseconds, as curl checks.
Result<long> parse_whole_seconds(std::string_view word, const std::string& value) {
  Result<long> seconds = parse_count(word, value);
  if (seconds && *seconds > std::numeric_limits<long>::max() / 1000) return option_error(word, "too large number");
  return seconds;
}

template <class Bits>
void toggle_bits(Bits& target, Bits bits, bool on) {
  target = on ? (target | bits) : (target & ~bits);
}

std::string_view skip_white_space(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  return text;
}

// curl's <speed>/<bytes> values: a number with one optional unit letter, G, M,
// K or B in either case. The number as curlx_strtoofft reads it: blanks, then
// digits with an optional '+'; a '-' or other white space there is no number.
// `name` is what curl's warnings call the value.
Result<long long> parse_size(std::string_view word, const std::string& value, std::string_view name,
                             const WarningSink& warn) {
  const char* digits = value.c_str() + std::min(value.find_first_not_of(" \t"), value.size());
  char* end = nullptr;
  errno = 0;
  const long long number = *digits == '-' || is_ascii_space(*digits) ? 0 : std::strtoll(digits, &end, 10);
  if (end == nullptr || end == digits || errno == ERANGE) {
    warn("invalid number specified for " + std::string(name));
    return option_error(word, "is badly used here");
  }
  const std::string_view unit_text(end);
  int shift = 0;
  const char unit = unit_text.size() == 1 ? ascii_lower(unit_text[0]) : unit_text.empty() ? 'b' : '\0';
  if (unit == 'g')
    shift = 30;
  else if (unit == 'm')
    shift = 20;
  else if (unit == 'k')
    shift = 10;
  else if (unit != 'b') {
    warn("unsupported " + std::string(name) + " unit. Use G, M, K or B!");
    return option_error(word, "is badly used here");
  }
  if (number > (std::numeric_limits<long long>::max() >> shift)) return option_error(word, "too large number");
  return number << shift;
}

// --tls-max's values as CURL_SSLVERSION_MAX_* numbers; -1 when unknown.
long tls_version_number(std::string_view text) {
  if (text == "default") return TlsVersion::kMaxDefault;
  if (text == "1.0") return TlsVersion::kMax10;
  if (text == "1.1") return TlsVersion::kMax11;
  if (text == "1.2") return TlsVersion::kMax12;
  if (text == "1.3") return TlsVersion::kMax13;
  return -1;
}

// An @file value that could not be read: curl's "option WORD: <reason>".
Error file_value_error(std::string_view word, const Error& error) {
  return make_error(error.exit_code, "option " + std::string(word) + ": " + error.message);
}

// One -d style piece joins the body with '&' (--json pieces join as they are).
Status append_data(std::string_view word, TransferConfig& transfer, Result<std::string> piece, bool json_piece) {
  if (!piece) return file_value_error(word, piece.error());
  if (!transfer.post_data) {
    transfer.post_data = std::move(*piece);
  } else {
    if (!json_piece) *transfer.post_data += '&';
    *transfer.post_data += *piece;
  }
  return Ok{};
}

Status append_headers(std::string_view word, std::vector<std::string>& headers,
                      Result<std::vector<std::string>> values) {
  if (!values) return file_value_error(word, values.error());
  for (std::string& header : *values) headers.push_back(std::move(header));
  return Ok{};
}

template <class... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
// clang 14 (the fuzz build) lacks C++20's deduction for aggregates.
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

// Reads a value by its kind into where its row says it goes.
Status store_value(const ValueStore& store, std::string_view word, const std::string& value, bool on,
                   GlobalConfig& global, TransferConfig& t, const WarningSink& warn) {
  const auto whole_number = [&](long& target) -> Status {
    Result<long> number = store.kind == ValueKind::kSeconds        ? parse_seconds(word, value)
                          : store.kind == ValueKind::kWholeSeconds ? parse_whole_seconds(word, value)
                          : store.kind == ValueKind::kSignedCount  ? parse_whole_number(word, value)
                                                                   : parse_count(word, value);
    if (!number) return number.error();
    target = *number;
    return Ok{};
  };
  return std::visit(Overloaded{
                        [](std::monostate) -> Status { return Ok{}; },
                        [&](bool TransferConfig::*flag) -> Status {
                          t.*flag = on;
                          return Ok{};
                        },
                        [&](bool GlobalConfig::*flag) -> Status {
                          global.*flag = on;
                          return Ok{};
                        },
                        [&](std::optional<std::string> TransferConfig::*text) -> Status {
                          t.*text = value;
                          return Ok{};
                        },
                        [&](std::optional<std::string> GlobalConfig::*text) -> Status {
                          global.*text = value;
                          return Ok{};
                        },
                        [&](std::optional<SecretString> TransferConfig::*secret) -> Status {
                          (t.*secret).emplace(value);
                          return Ok{};
                        },
                        [&](std::vector<std::string> TransferConfig::*list) -> Status {
                          (t.*list).push_back(value);
                          return Ok{};
                        },
                        [&](long TransferConfig::*number) -> Status {
                          if (store.kind == ValueKind::kBit) {
                            toggle_bits(t.*number, static_cast<long>(store.number), on);
                            return Ok{};
                          }
                          if (store.kind == ValueKind::kConstant) {
                            t.*number = static_cast<long>(store.number);
                            return Ok{};
                          }
                          return whole_number(t.*number);
                        },
                        [&](long long TransferConfig::*size) -> Status {
                          Result<long long> bytes = parse_size(word, value, store.name, warn);
                          if (!bytes) return bytes.error();
                          t.*size = *bytes;
                          return Ok{};
                        },
                        [&](unsigned long TransferConfig::*bits) -> Status {
                          toggle_bits(t.*bits, store.number, on);
                          return Ok{};
                        },
                    },
                    store.member);
}

class Parser {
 public:
  explicit Parser(const ParseContext& context) : context_(context) { line_.transfers.emplace_back(); }

  Result<CommandLine> run(const std::vector<std::string>& args) {
    // The default .curlrc, unless the first argument is -q/--disable (curl's rule).
    const bool disabled = !args.empty() && (args[0].starts_with("-q") || args[0] == "--disable");
    if (!disabled && context_.default_config) {
      const FileContent text = context_.io.files.read_whole_file(*context_.default_config, kCurlConfigLimit);
      if (Status status = config_within_limit(*context_.default_config, text); !status) return status.error();
      if (text.outcome != FileContent::Outcome::kCannotOpen) {
        if (Status status = read_config(text.bytes, *context_.default_config); !status) return status.error();
      }
    }
    if (Status status = consume(args); !status) return status.error();
    if (line_.global.show_help) return std::move(line_);
    for (TransferConfig& transfer : line_.transfers) {
      if (Status status = finish_transfer(transfer); !status) return status.error();
    }
    return std::move(line_);
  }

 private:
  TransferConfig& transfer() { return line_.transfers.back(); }

  // What curl checks once all options are read.
  Status finish_transfer(TransferConfig& t) {
    if (t.remote_header_name && (t.include_headers || t.head)) {
      return make_error(exit_code::kUsage, "showing headers and --remote-header-name cannot be combined");
    }
    if (t.remote_header_name && t.continue_at == std::string("-")) {
      return make_error(exit_code::kUsage, "--continue-at and --remote-header-name cannot be combined");
    }
    if (t.etag_compare_file) {
      // curl sends the file's text (curl_file_text), or "" when it is empty
      // or missing; missing is an error unless --etag-save will create it.
      FileContent etag =
          context_.io.files.read_whole_file(file_named_dash_as_file(*t.etag_compare_file), kOptionFileLimit);
      if (etag.outcome == FileContent::Outcome::kTooLarge) {
        return make_error(exit_code::kReadError, limit_message(*t.etag_compare_file, etag, kOptionFileLimit));
      }
      if (etag.outcome == FileContent::Outcome::kCannotOpen && !t.etag_save_file) {
        silenceable_note("Failed to open " + *t.etag_compare_file);
        return make_error(exit_code::kReadError, "");  // reported: no usage lines follow
      }
      const std::string tag = curl_file_text(etag.bytes);
      t.headers.push_back("If-None-Match: " + (tag.empty() ? std::string("\"\"") : tag));
    }
    return Ok{};
  }

  // The words of the command line.
  Status consume(const std::vector<std::string>& words) {
    const std::vector<std::string>* outer_words = words_;
    const std::size_t outer_index = index_;
    words_ = &words;
    bool options_ended = false;
    Status result = Ok{};
    for (index_ = 0; index_ < words.size() && result && !line_.global.show_help; ++index_) {
      const std::string& word = words[index_];
      if (options_ended || word.size() < 2 || word[0] != '-') {
        if (!options_ended && word == "-")
          result = option_error(word, "is unknown");
        else
          transfer().urls.push_back(word);
      } else if (word == "--") {
        options_ended = true;
      } else {
        result = word[1] == '-' ? long_option(word) : short_options(word);
      }
    }
    words_ = outer_words;
    index_ = outer_index;
    return result;
  }

  // -K and .curlrc: one option a line, curl's syntax (see read_config_line).
  Status include_config(std::string_view word, const std::string& path) {
    if (config_depth_ >= kMaxConfigDepth) {
      // curl recurses until it runs out of file descriptors; a clear error instead.
      return make_error(exit_code::kReadError, "option -K: " + path + ": config files nested more than " +
                                                   std::to_string(kMaxConfigDepth) +
                                                   " deep (does one include itself?)");
    }
    // curl reads what it can: a file that opens but fails to read (a directory) is empty.
    const FileContent text = context_.io.files.read_whole_file(path, kCurlConfigLimit);
    if (Status status = config_within_limit(path, text); !status) return status.error();
    if (text.outcome == FileContent::Outcome::kCannotOpen) {
      note("cannot read config from '" + path + "'");
      return file_value_error(word, make_error(exit_code::kReadError, std::string(kReadErrorReason)));
    }
    return read_config(text.bytes, path);
  }

  // Past kCurlConfigLimit a config file is an error naming it (curl fails on a
  // line that long too, and never ends reading -K /dev/zero).
  static Status config_within_limit(const std::string& path, const FileContent& text) {
    if (text.outcome != FileContent::Outcome::kTooLarge && text.outcome != FileContent::Outcome::kLineTooLong) {
      return Ok{};
    }
    return make_error(exit_code::kReadError, "config file " + limit_message(path, text, kCurlConfigLimit));
  }

  // As curl: a line's problem is a warning naming the file, the line and the
  // option as written, and reading goes on, also for a file the line names
  // that cannot be read (a nested -K, -H @file); only a limit ends the run.
  Status read_config(const std::string& text, const std::string& path) {
    ++config_depth_;
    std::size_t number = 0;
    Status result = Ok{};
    for (std::string_view text_line : split_lines(text)) {
      ++number;
      const std::optional<ConfigLine> line = config_line(text_line);
      if (!line) continue;
      const std::string where = path + ":" + std::to_string(number) + ": warning: '" + line->option + "' ";
      if (line->text_after_value) warn(where + "uses unquoted whitespace in the line that may cause side-effects!");
      const std::string word = line->option.starts_with('-') ? line->option : "--" + line->option;
      Status status = config_option(word, line->value);
      if (status) continue;
      const std::string prefix = "option " + word + ": ";
      if (status.error().exit_code != exit_code::kUsage &&
          status.error().message != prefix + std::string(kReadErrorReason)) {
        result = status;
        break;
      }
      // "option WORD: reason" last, after any lines curl prints as errors of their own.
      std::string_view message = status.error().message;
      const std::size_t last_line = message.rfind('\n');
      if (last_line != std::string_view::npos) {
        silenceable_note(message.substr(0, last_line));
        message.remove_prefix(last_line + 1);
      }
      if (message.starts_with(prefix)) message.remove_prefix(prefix.size());
      warn(where + std::string(message));
    }
    --config_depth_;
    return result;
  }

  // One option of a config line and its value, if the line has one; a value
  // the option does not take is curl's "trailing garbage".
  Status config_option(const std::string& word, const std::optional<std::string>& value) {
    std::vector<std::string> words{word};
    if (value) words.push_back(*value);
    const std::vector<std::string>* outer_words = words_;
    const std::size_t outer_index = index_;
    words_ = &words;
    index_ = 0;
    Status status = word.size() < 2  ? option_error(word, "is unknown")
                    : word[1] == '-' ? long_option(word)
                                     : short_options(word);
    const bool value_unused = index_ == 0 && value && !value->empty();
    words_ = outer_words;
    index_ = outer_index;
    if (status && value_unused) return option_error(word, "had unsupported trailing garbage");
    return status;
  }

  void warn(std::string_view text) const {
    if (!line_.global.silent && context_.warn) context_.warn(text);
  }

  void note(std::string_view text) const {
    if ((!line_.global.silent || line_.global.show_error) && context_.note) context_.note(text);
  }

  // Some of curl's error lines are hidden by -s even when -S asks for errors.
  void silenceable_note(std::string_view text) const {
    if (!line_.global.silent && context_.note) context_.note(text);
  }

  // -I and -F fix the request kind while parsing; a second kind is curl's error.
  bool set_request_kind(TransferConfig& t, RequestKind kind) const {
    if (t.request_kind == RequestKind::kUnspecified || t.request_kind == kind) {
      t.request_kind = kind;
      return true;
    }
    warn(request_kind_conflict(kind, t.request_kind));
    return false;
  }

  Status long_option(const std::string& word) {
    std::string_view name = std::string_view(word).substr(2);
    const bool negated = name.starts_with("no-");
    if (negated) name.remove_prefix(3);
    const OptionSpec* spec = find_long_option(name);
    if (spec == nullptr) return option_error(word, "is unknown");
    if (negated && spec->kind != ArgKind::kBool) {
      return option_error(word, "used '--no-' for option that isn't a boolean");
    }
    if (spec->kind != ArgKind::kValue) return apply(*spec, word, {}, !negated);
    if (index_ + 1 >= words_->size()) return option_error(word, "requires parameter");
    return apply(*spec, word, (*words_)[++index_], true);
  }

  Status short_options(const std::string& word) {
    for (std::size_t pos = 1; pos < word.size(); ++pos) {
      const OptionSpec* spec = find_short_option(word[pos]);
      if (spec == nullptr) return option_error(word, "is unknown");
      if (spec->kind != ArgKind::kValue) {
        if (Status status = apply(*spec, word, {}, true); !status) return status;
        continue;
      }
      if (pos + 1 < word.size()) return apply(*spec, word, word.substr(pos + 1), true);
      if (index_ + 1 >= words_->size()) return option_error(word, "requires parameter");
      return apply(*spec, word, (*words_)[++index_], true);
    }
    return Ok{};
  }

  // The one place where an option's meaning lives: its row's value kind, or
  // its case here when its grammar is its own.
  Status apply(const OptionSpec& spec, std::string_view word, const std::string& value, bool on) {
    GlobalConfig& global = line_.global;
    TransferConfig& t = transfer();
    if (names_a_file(spec.id) && value.size() > 1 && value[0] == '-') {
      warn("The file name argument '" + value + "' looks like a flag.");
    }
    const WarningSink warn_sink = [this](std::string_view text) { warn(text); };
    if (spec.store.kind != ValueKind::kOwnGrammar)
      return store_value(spec.store, word, value, on, global, t, warn_sink);
    switch (spec.id) {
      case OptionId::kAbstractUnixSocket:
        t.unix_socket = value;
        t.abstract_unix_socket = true;
        break;
      case OptionId::kStderr:
        if (context_.redirect_errors && !context_.redirect_errors(value)) warn("Failed to open " + value + "!");
        break;
      case OptionId::kAnyauth: t.auth_methods = on ? CurlAuth::kAny : 0; break;
      case OptionId::kDelegation:
        if (value == "none") {
          t.gssapi_delegation = GssapiDelegation::kNone;
        } else if (value == "policy") {
          t.gssapi_delegation = GssapiDelegation::kPolicy;
        } else if (value == "always") {
          t.gssapi_delegation = GssapiDelegation::kAlways;
        } else {
          warn("unrecognized delegation method '" + value + "', using none");
          t.gssapi_delegation = GssapiDelegation::kNone;
        }
        break;
      // Only a c-ares libcurl has these; Debian's uses the threaded resolver.
      case OptionId::kDnsInterface: return set_dns(word, value, t.dns_interface);
      case OptionId::kDnsIpv4Addr: return set_dns(word, value, t.dns_ipv4_address);
      case OptionId::kDnsIpv6Addr: return set_dns(word, value, t.dns_ipv6_address);
      case OptionId::kDnsServers: return set_dns(word, value, t.dns_servers);
      case OptionId::kEgdFile:
      case OptionId::kRandomFile:
      case OptionId::kNpn: break;  // accepted and ignored, as curl 7.88 does
      case OptionId::kEngine:
        if (value == "list") {
          global.list_engines = true;
          return Ok{};
        }
        t.engine = value;
        break;
      case OptionId::kHttp3:
      case OptionId::kHttp3Only: return require(context_.features.http3, word);
      case OptionId::kMetalink:
        silenceable_note("--metalink is disabled");
        return option_error(word, "is badly used here");
      case OptionId::kProto: return set_protocols(word, value, context_.features.protocols, t.protocols);
      case OptionId::kProtoDefault: {
        if (find_protocol(value, context_.features.protocols) == nullptr) {
          Error error = option_error(word, "a specified protocol is unsupported by libcurl");
          error.exit_code = exit_code::kUnsupportedProtocol;  // curl's code, with the usage lines
          return error;
        }
        t.default_protocol = value;
        break;
      }
      case OptionId::kProtoRedir: {
        static const std::vector<std::string> kRedirectDefaults{"ftp", "ftps", "http", "https"};
        return set_protocols(word, value, kRedirectDefaults, t.redirect_protocols);
      }
      case OptionId::kProxyTlsauthtype: return set_tls_auth_type(word, value, t.proxy_tls_auth_type);
      case OptionId::kProxyTlspassword: return set_srp(word, value, t.proxy_tls_password);
      case OptionId::kProxyTlsuser: return set_srp(word, value, t.proxy_tls_user);
      case OptionId::kSslv2: warn("Ignores instruction to use SSLv2"); break;
      case OptionId::kSslv3: warn("Ignores instruction to use SSLv3"); break;
      case OptionId::kTlsauthtype: return set_tls_auth_type(word, value, t.tls_auth_type);
      case OptionId::kTlspassword: return set_srp(word, value, t.tls_password);
      case OptionId::kTlsuser: return set_srp(word, value, t.tls_user);
      case OptionId::kConfig:
        if (Status status = include_config(word, value); !status) return status;
        break;
      case OptionId::kContinueAt: {
        if (value == "-") {
          t.continue_at = value;
          break;
        }
        // curl_off_t is a long here, so curl reads the offset with strtol in
        // any base, after refusing a leading '-'.
        if (value.starts_with('-')) return option_error(word, "expected a positive numerical parameter");
        char* end = nullptr;
        errno = 0;
        const long offset = std::strtol(value.c_str(), &end, 0);
        if (errno == ERANGE) return option_error(word, "too large number");
        if (end == value.c_str() || *end != '\0') return option_error(word, "expected a proper numerical parameter");
        t.continue_at = std::to_string(offset);
        break;
      }
      case OptionId::kCookie:
        if (value.find('=') != std::string::npos)
          t.cookies.push_back(value);
        else
          t.cookie_files.push_back(value);
        break;
      case OptionId::kDataUrlencode:
        return append_data(word, t, url_encoded_value(value, context_.io.files, warn_sink), false);
      case OptionId::kLocalPort: return set_local_port(word, value);
      case OptionId::kParallelMax: {
        Result<long> count = parse_count(word, value);
        if (!count) return count.error();
        // curl clamps it to 1..300, and 0 means its default.
        global.parallel_max = *count < 1 ? 50 : std::min(*count, 300L);
        break;
      }
      case OptionId::kProxyAnyauth: t.proxy_auth_methods = on ? CurlAuth::kAny : 0; break;
      case OptionId::kProxy10:
        t.proxy = value;
        t.proxy_http10 = true;
        break;
      case OptionId::kProxyHeader:
        return append_headers(word, t.proxy_headers, header_option_values(value, context_.io.files, warn_sink));
      case OptionId::kRange: return set_range(word, value);
      case OptionId::kReferer: {
        const auto suffix = value.rfind(";auto");
        t.auto_referer = suffix != std::string::npos && suffix + 5 == value.size();
        const std::string referer = t.auto_referer ? value.substr(0, suffix) : value;
        if (referer.empty())
          t.referer.reset();
        else
          t.referer = referer;
        break;
      }
      // --no-remote-name takes a URL's output slot for stdout, as "-o -" does.
      case OptionId::kRemoteName: t.outputs.emplace_back(on ? std::nullopt : std::optional<std::string>("-")); break;
      case OptionId::kSocks4: t.proxy = "socks4://" + value; break;
      case OptionId::kSocks4a: t.proxy = "socks4a://" + value; break;
      case OptionId::kSocks5: t.proxy = "socks5://" + value; break;
      case OptionId::kSocks5Hostname: t.proxy = "socks5h://" + value; break;
      case OptionId::kTlsMax: {
        const long version = tls_version_number(value);
        if (version < 0) return option_error(word, "is badly used here");
        t.tls_max = version;
        break;
      }
      case OptionId::kUnixSocket:
        t.unix_socket = value;
        t.abstract_unix_socket = false;
        break;
      case OptionId::kUrlQuery: {
        Result<std::string> query = url_query_value(value, context_.io.files, warn_sink);
        if (!query) return file_value_error(word, query.error());
        t.url_queries.push_back(std::move(*query));
        break;
      }
      case OptionId::kData:
      case OptionId::kDataAscii:
        return append_data(word, t, data_option_value(value, DataKind::kAscii, context_.io.files, warn_sink), false);
      case OptionId::kDataBinary:
        return append_data(word, t, data_option_value(value, DataKind::kBinary, context_.io.files, warn_sink), false);
      case OptionId::kDataRaw:
        return append_data(word, t, data_option_value(value, DataKind::kRaw, context_.io.files, warn_sink), false);
      case OptionId::kJson: {
        const bool json_piece = t.json;
        t.json = true;
        return append_data(word, t, data_option_value(value, DataKind::kBinary, context_.io.files, warn_sink),
                           json_piece);
      }
      case OptionId::kDisable: break;  // only meaningful as the first argument, before any .curlrc
      case OptionId::kFail:
        if (on && t.fail_with_body) return fail_conflict(word);
        t.fail = on;
        break;
      case OptionId::kFailWithBody:
        if (on && t.fail) return fail_conflict(word);
        t.fail_with_body = on;
        break;
      case OptionId::kHead:
        if (on && !set_request_kind(t, RequestKind::kHead)) return option_error(word, "is badly used here");
        t.head = on;
        break;
      case OptionId::kForm:
      case OptionId::kFormString:
        if (!set_request_kind(t, RequestKind::kMimePost)) return option_error(word, "is badly used here");
        if (!add_form_field(value, spec.id == OptionId::kFormString,
                            FormBuilder{t.form, t.open_form_parts, context_.io.files, warn_sink})) {
          return option_error(word, "is badly used here");
        }
        break;
      case OptionId::kHeader:
        return append_headers(word, t.headers, header_option_values(value, context_.io.files, warn_sink));
      case OptionId::kHelp:
        // curl stops reading the command line at --help and takes the next
        // word, whatever it is, as the category.
        global.show_help = on;
        if (on && index_ + 1 < words_->size()) global.help_category = (*words_)[index_ + 1];
        break;
      case OptionId::kLocationTrusted:
        t.follow_location = on;
        t.location_trusted = on;
        break;
      case OptionId::kNext:
        // As curl 7.88: -: before the set's first URL starts nothing new.
        if (!t.urls.empty()) line_.transfers.emplace_back();
        break;
      case OptionId::kBuffer:
        // -N means "no buffer"; --buffer and --no-buffer say it themselves.
        t.no_buffer = word.starts_with("--") ? !on : on;
        break;
      case OptionId::kClobber:
        t.clobber = on ? TransferConfig::Clobber::kAlways : TransferConfig::Clobber::kNever;
        break;
      case OptionId::kRate: return set_rate(word, value);
      case OptionId::kProgressMeter: global.no_progress_meter = !on; break;
      case OptionId::kOutput: t.outputs.emplace_back(value); break;
      case OptionId::kTrace: set_trace(TraceMode::kBinary, "--trace", value); break;
      case OptionId::kTraceAscii: set_trace(TraceMode::kAscii, "--trace-ascii", value); break;
      case OptionId::kVerbose:
        if (on)
          set_trace(TraceMode::kVerbose, "-v, --verbose", "%");
        else
          global.trace_mode = TraceMode::kNone;
        break;
      case OptionId::kWriteOut: t.write_out = write_out_option_value(value, context_.io.files, warn_sink); break;
      default: return other_protocol_option(spec.id, word, value, on);
    }
    return Ok{};
  }

  // FTP, SMTP, IMAP, POP3, SSH, TFTP and TELNET options.
  Status other_protocol_option(OptionId id, std::string_view word, const std::string& value, bool on) {
    TransferConfig& t = transfer();
    switch (id) {
      case OptionId::kCreateFileMode: {
        Result<long> mode = parse_whole_number(word, value, 8);
        if (!mode) return mode.error();
        if (*mode > 0777) return option_error(word, "too large number");
        if (*mode < 0) return option_error(word, "expected a positive numerical parameter");
        t.create_file_mode = *mode;
        break;
      }
      case OptionId::kEprt: t.disable_eprt = !on; break;
      case OptionId::kEpsv: t.disable_epsv = !on; break;
      case OptionId::kFtpMethod:
        if (iequals(value, "singlecwd")) {
          t.ftp_method = FtpMethod::kSingleCwd;
        } else if (iequals(value, "nocwd")) {
          t.ftp_method = FtpMethod::kNoCwd;
        } else {
          if (!iequals(value, "multicwd")) warn("unrecognized ftp file method '" + value + "', using default");
          t.ftp_method = FtpMethod::kMultiCwd;
        }
        break;
      case OptionId::kFtpPasv: t.ftp_port.reset(); break;
      case OptionId::kFtpSsl:
      case OptionId::kSsl:
        t.ssl_try = on;
        if (on) warn("--ssl is an insecure option, consider --ssl-reqd instead");
        break;
      case OptionId::kFtpSslCcc:
        if (!on)
          t.ftp_ssl_ccc_mode = 0;
        else if (t.ftp_ssl_ccc_mode == 0)
          t.ftp_ssl_ccc_mode = FtpCcc::kPassive;
        break;
      case OptionId::kFtpSslCccMode:
        if (iequals(value, "active")) {
          t.ftp_ssl_ccc_mode = FtpCcc::kActive;
        } else {
          if (!iequals(value, "passive")) warn("unrecognized ftp CCC method '" + value + "', using default");
          t.ftp_ssl_ccc_mode = FtpCcc::kPassive;
        }
        break;
      case OptionId::kHostpubmd5:
        if (value.size() != 32) return option_error(word, "is badly used here");
        t.host_pubkey_md5 = value;
        break;
      case OptionId::kQuote:
        // "-CMD" runs after the transfer, "+CMD" just before it, "CMD" first.
        if (value.starts_with("-"))
          t.postquote.push_back(value.substr(1));
        else if (value.starts_with("+"))
          t.prequote.push_back(value.substr(1));
        else
          t.quote.push_back(value);
        break;
      case OptionId::kTestEvent: warn("--test-event is ignored unless a debug build!"); break;
      default: break;  // the options read by their kind (store_value)
    }
    return Ok{};
  }

  Status set_protocols(std::string_view word, const std::string& value, std::span<const std::string> defaults,
                       std::optional<std::string>& target) {
    const auto warn_sink = [this](std::string_view text) { warn(text); };
    std::optional<std::string> set = protocol_set(value, defaults, context_.features.protocols, warn_sink);
    if (!set) return option_error(word, "is badly used here");
    target = std::move(set);
    return Ok{};
  }

  // "N", "N/s", "N/m", "N/h" (the default unit), "N/d": at most N transfer starts per unit.
  Status set_rate(std::string_view word, const std::string& value) {
    const auto slash = value.find('/');
    // curl copies the number into a 26-byte buffer first.
    if (std::min(slash, value.size()) > 25) return option_error(word, "too large number");
    Result<long> count = parse_count(word, value.substr(0, slash));
    if (!count) return count.error();
    if (*count < 1) return option_error(word, "is badly used here");
    long unit_ms = 60 * 60 * 1000;
    if (slash != std::string::npos) {
      const char unit = slash + 1 < value.size() ? value[slash + 1] : '\0';
      if (unit == 's')
        unit_ms = 1000;
      else if (unit == 'm')
        unit_ms = 60 * 1000;
      else if (unit == 'd')
        unit_ms = 24 * 60 * 60 * 1000;
      else if (unit != 'h') {
        note("unsupported --rate unit");
        return option_error(word, "is badly used here");
      }
    }
    line_.global.ms_per_transfer = unit_ms / *count;
    return Ok{};
  }

  // -r N (no dash) means "N-", with curl's warning; other characters than
  // digits, '-' and ',' are sent as given, after its warning.
  Status set_range(std::string_view word, const std::string& value) {
    TransferConfig& t = transfer();
    if (!value.empty() && value[0] >= '0' && value[0] <= '9' && value.find('-') == std::string::npos) {
      long long offset = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), offset);
      (void)end;  // curl reads the leading number and ignores the rest
      if (error != std::errc{}) {
        warn("unsupported range point");
        return option_error(word, "is badly used here");
      }
      warn("A specified range MUST include at least one dash (-). Appending one for you!");
      t.range = std::to_string(offset) + "-";
      return Ok{};
    }
    if (value.find_first_not_of("0123456789-,") != std::string::npos) {
      warn(
          "Invalid character is found in given range. A specified range MUST have only digits in "
          "'start'-'stop'. The server's response to this request is uncertain.");
    }
    t.range = value;
    return Ok{};
  }

  // --local-port N or N-M, read as curl reads it: N is the leading digits; a
  // range follows after optional white space, a '-', white space and at most
  // six characters; other text after N is ignored, as curl ignores it.
  Status set_local_port(std::string_view word, const std::string& value) {
    const std::size_t digits = std::min(value.find_first_not_of("0123456789"), value.size());
    const std::string_view rest = skip_white_space(std::string_view(value).substr(digits));
    const bool no_range = digits == value.size() || (!rest.empty() && rest[0] != '-');
    std::string last;
    for (const char c : skip_white_space(rest.substr(std::min<std::size_t>(rest.size(), 1)))) {
      if (is_ascii_space(c) || last.size() == 6) break;
      last += c;
    }
    const Result<long> first = parse_count(word, value.substr(0, digits));
    if (!first || *first > 65535) return option_error(word, "is badly used here");
    long range = 1;
    if (!no_range) {
      const Result<long> last_port = parse_count(word, last);
      if (!last_port || *last_port > 65535 || *last_port < *first) return option_error(word, "is badly used here");
      range = *last_port - *first + 1;
    }
    TransferConfig& t = transfer();
    t.local_port = *first;
    t.local_port_range = range;
    return Ok{};
  }

  Status set_dns(std::string_view word, const std::string& value, std::optional<std::string>& target) {
    if (Status status = require(context_.features.dns_servers, word); !status) return status;
    target = value;
    return Ok{};
  }

  // --tlsuser, --tlspassword and their proxy twins: only with a TLS-SRP libcurl.
  template <class Text>
  Status set_srp(std::string_view word, const std::string& value, std::optional<Text>& target) {
    if (Status status = require(context_.features.tls_srp, word); !status) return status;
    target.emplace(value);
    return Ok{};
  }

  // TLS-SRP is the only kind curl knows.
  Status set_tls_auth_type(std::string_view word, const std::string& value, std::optional<std::string>& target) {
    if (!context_.features.tls_srp || !iequals(value, "SRP")) return unsupported_by_libcurl(word);
    target = value;
    return Ok{};
  }

  void set_trace(TraceMode mode, std::string_view name, const std::string& file) {
    GlobalConfig& global = line_.global;
    if (global.trace_mode != TraceMode::kNone && global.trace_mode != mode) {
      warn(std::string(name) + " overrides an earlier trace/verbose option");
    }
    global.trace_mode = mode;
    global.trace_file = file;
  }

  const ParseContext& context_;
  CommandLine line_;
  const std::vector<std::string>* words_ = nullptr;
  std::size_t index_ = 0;
  int config_depth_ = 0;
};

}  // namespace

std::string request_kind_conflict(RequestKind asked, RequestKind already) {
  const auto name = [](RequestKind kind) -> std::string {
    switch (kind) {
      case RequestKind::kHead: return "HEAD (-I, --head)";
      case RequestKind::kMimePost: return "multipart formpost (-F, --form)";
      case RequestKind::kPut: return "PUT (-T, --upload-file)";
      case RequestKind::kPost: return "POST (-d, --data)";
      case RequestKind::kUnspecified: break;
    }
    return "";
  };
  return "You can only select one HTTP request method! You asked for both " + name(asked) + " and " + name(already) +
         ".";
}

std::optional<std::string> request_method_conflict(const TransferConfig& transfer) {
  // curl's order: the -d data first (unless -G makes it a query), then -T.
  RequestKind kind = transfer.request_kind;
  if (transfer.post_data && !transfer.get_query) {
    if (kind != RequestKind::kUnspecified) return request_kind_conflict(RequestKind::kPost, kind);
    kind = RequestKind::kPost;
  }
  if (!transfer.upload_files.empty() && kind != RequestKind::kUnspecified)
    return request_kind_conflict(RequestKind::kPut, kind);
  return std::nullopt;
}

std::string request_method(const TransferConfig& transfer) {
  if (transfer.method) return *transfer.method;
  if (transfer.head) return "HEAD";
  if (transfer.post_data && !transfer.get_query) return "POST";
  return "GET";
}

Result<CommandLine> parse_command_line(const std::vector<std::string>& args, const ParseContext& context) {
  return Parser(context).run(args);
}

std::optional<ConfigLine> config_line(std::string_view text) {
  text = text.substr(0, text.find('\0'));  // curl reads each line as a C string
  std::size_t pos = 0;
  const auto skip = [&](bool separators) {
    while (pos < text.size() && (is_ascii_space(text[pos]) || (separators && (text[pos] == '=' || text[pos] == ':'))))
      ++pos;
  };
  skip(false);
  if (pos == text.size() || std::string_view("#/*").find(text[pos]) != std::string_view::npos) return std::nullopt;
  // Only an option written without a dash takes '=' or ':' after its name.
  const bool dashed = text[pos] == '-';
  const std::size_t start = pos;
  while (pos < text.size() && !is_ascii_space(text[pos]) && (dashed || (text[pos] != '=' && text[pos] != ':'))) ++pos;
  ConfigLine line{std::string(text.substr(start, pos - start)), std::nullopt, false};
  skip(!dashed);
  if (pos < text.size() && text[pos] == '"') {
    std::string value;
    for (++pos; pos < text.size() && text[pos] != '"'; ++pos) {
      char c = text[pos];
      if (c == '\\') {
        if (++pos == text.size()) break;  // a backslash that ends the line is dropped
        c = text[pos];
        c = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c == 'v' ? '\v' : c;
      }
      value += c;
    }
    line.value = std::move(value);
    return line;
  }
  const std::size_t value_start = pos;
  while (pos < text.size() && !is_ascii_space(text[pos])) ++pos;
  if (pos > value_start) line.value = std::string(text.substr(value_start, pos - value_start));
  skip(false);
  line.text_after_value = pos < text.size() && text[pos] != '#';
  return line;
}

}  // namespace dbcurl
