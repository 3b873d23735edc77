#pragma once
// The one table of every supported option. It drives the parser, --help, the
// man page, the completions and the supported-option list in the docs.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <variant>

#include "cli/config.hpp"

namespace dbcurl {

enum class OptionId {
  kAbstractUnixSocket,
  kAlpn,
  kAltSvc,
  kAnyauth,
  kAppend,
  kAwsSigv4,
  kBasic,
  kBuffer,
  kCacert,
  kCapath,
  kCert,
  kCertStatus,
  kCertType,
  kCiphers,
  kClobber,
  kCompressed,
  kCompressedSsh,
  kConfig,
  kConnectTimeout,
  kConnectTo,
  kContinueAt,
  kCookie,
  kCookieJar,
  kCreateDirs,
  kCreateFileMode,
  kCrlf,
  kCrlfile,
  kCurves,
  kData,
  kDataAscii,
  kDataBinary,
  kDataRaw,
  kDataUrlencode,
  kDelegation,
  kDigest,
  kDisable,
  kDisableEprt,
  kDisableEpsv,
  kDisallowUsernameInUrl,
  kDnsInterface,
  kDnsIpv4Addr,
  kDnsIpv6Addr,
  kDnsServers,
  kDohCertStatus,
  kDohInsecure,
  kDohUrl,
  kDumpHeader,
  kEgdFile,
  kEngine,
  kEprt,
  kEpsv,
  kEtagCompare,
  kEtagSave,
  kExpect100Timeout,
  kExplain,
  kFail,
  kFailEarly,
  kFailWithBody,
  kFalseStart,
  kForm,
  kFormEscape,
  kFormString,
  kFtpAccount,
  kFtpAlternativeToUser,
  kFtpCreateDirs,
  kFtpMethod,
  kFtpPasv,
  kFtpPort,
  kFtpPret,
  kFtpSkipPasvIp,
  kFtpSsl,
  kFtpSslCcc,
  kFtpSslCccMode,
  kFtpSslControl,
  kFtpSslReqd,
  kGet,
  kGlobOff,
  kHappyEyeballsTimeoutMs,
  kHaproxyProtocol,
  kHead,
  kHeader,
  kHelp,
  kHostpubmd5,
  kHostpubsha256,
  kHsts,
  kHttp09,
  kHttp10,
  kHttp11,
  kHttp2,
  kHttp2PriorKnowledge,
  kHttp3,
  kHttp3Only,
  kIgnoreContentLength,
  kInclude,
  kInsecure,
  kInterface,
  kIpv4,
  kIpv6,
  kJson,
  kJunkSessionCookies,
  kKeepalive,
  kKeepaliveTime,
  kKey,
  kKeyType,
  kKrb,
  kKrb4,
  kLibcurl,
  kLimitRate,
  kListApiPaths,
  kListOnly,
  kListProfiles,
  kLocalPort,
  kLocation,
  kLocationTrusted,
  kLoginOptions,
  kMailAuth,
  kMailFrom,
  kMailRcpt,
  kMailRcptAllowfails,
  kManual,
  kMaxFilesize,
  kMaxRedirs,
  kMaxTime,
  kMetalink,
  kNegotiate,
  kNetrc,
  kNetrcFile,
  kNetrcOptional,
  kNext,
  kNoproxy,
  kNpn,
  kNtlm,
  kNtlmWb,
  kOauth2Bearer,
  kOutput,
  kOutputDir,
  kPaginate,
  kPaginateMax,
  kParallel,
  kParallelImmediate,
  kParallelMax,
  kPass,
  kPathAsIs,
  kPinnedpubkey,
  kPost301,
  kPost302,
  kPost303,
  kPreproxy,
  kProfile,
  kProgressBar,
  kProgressMeter,
  kProto,
  kProtoDefault,
  kProtoRedir,
  kProxy,
  kProxy10,
  kProxyAnyauth,
  kProxyBasic,
  kProxyCacert,
  kProxyCapath,
  kProxyCert,
  kProxyCertType,
  kProxyCiphers,
  kProxyCrlfile,
  kProxyDigest,
  kProxyHeader,
  kProxyInsecure,
  kProxyKey,
  kProxyKeyType,
  kProxyNegotiate,
  kProxyNtlm,
  kProxyPass,
  kProxyPinnedpubkey,
  kProxyServiceName,
  kProxySslAllowBeast,
  kProxySslAutoClientCert,
  kProxyTls13Ciphers,
  kProxyTlsauthtype,
  kProxyTlspassword,
  kProxyTlsuser,
  kProxyTlsv1,
  kProxytunnel,
  kProxyUser,
  kPubkey,
  kQuote,
  kRandomFile,
  kRange,
  kRate,
  kRaw,
  kReferer,
  kRemoteHeaderName,
  kRemoteName,
  kRemoteNameAll,
  kRemoteTime,
  kRemoveOnError,
  kRequest,
  kRequestTarget,
  kResolve,
  kRetry,
  kRetryAllErrors,
  kRetryConnrefused,
  kRetryDelay,
  kRetryMaxTime,
  kSaslAuthzid,
  kSaslIr,
  kServiceName,
  kSessionid,
  kShowError,
  kSilent,
  kSocks4,
  kSocks4a,
  kSocks5,
  kSocks5Basic,
  kSocks5Gssapi,
  kSocks5GssapiNec,
  kSocks5GssapiService,
  kSocks5Hostname,
  kSpeedLimit,
  kSpeedTime,
  kSsl,
  kSslAllowBeast,
  kSslAutoClientCert,
  kSslNoRevoke,
  kSslReqd,
  kSslRevokeBestEffort,
  kSslv2,
  kSslv3,
  kStderr,
  kStyledOutput,
  kSuppressConnectHeaders,
  kTcpFastopen,
  kTcpNodelay,
  kTelnetOption,
  kTestEvent,
  kTftpBlksize,
  kTftpNoOptions,
  kTimeCond,
  kTls13Ciphers,
  kTlsauthtype,
  kTlsMax,
  kTlspassword,
  kTlsuser,
  kTlsv1,
  kTlsv10,
  kTlsv11,
  kTlsv12,
  kTlsv13,
  kTrace,
  kTraceAscii,
  kTraceTime,
  kTrEncoding,
  kUnixSocket,
  kUploadFile,
  kUrl,
  kUrlQuery,
  kUseAscii,
  kUser,
  kUserAgent,
  kVerbose,
  kVersion,
  kWriteOut,
  kXattr,
};
// Ids run from 0 to the last one; a new last id moves this.
inline constexpr std::size_t kOptionIdCount = static_cast<std::size_t>(OptionId::kXattr) + 1;

enum class ArgKind {
  kFlag,   // takes no value and has no --no- form
  kBool,   // takes no value; --no-NAME switches it off
  kValue,  // takes one value: attached (-XPOST) or the next word
};

// What a value is, for completions.
enum class ValueHint { kNone, kText, kFile, kDirectory, kUrl, kMethod, kProfile, kHeader, kData, kSeconds };

// curl 7.88's --help categories an option is listed in: bits, as an option
// may be in several.
namespace help_category {
inline constexpr std::uint32_t kAuth = 1U << 0, kConnection = 1U << 1, kCurl = 1U << 2, kDns = 1U << 3, kFile = 1U << 4,
                               kFtp = 1U << 5, kHttp = 1U << 6, kImap = 1U << 7, kMisc = 1U << 8, kOutput = 1U << 9,
                               kPop3 = 1U << 10, kPost = 1U << 11, kProxy = 1U << 12, kScp = 1U << 13, kSftp = 1U << 14,
                               kSmtp = 1U << 15, kSsh = 1U << 16, kTelnet = 1U << 17, kTftp = 1U << 18, kTls = 1U << 19,
                               kUpload = 1U << 20, kVerbose = 1U << 21;
// What --help lists when no category is named.
inline constexpr std::uint32_t kImportant = 1U << 22;
}  // namespace help_category

// How an option's value is read, each kind in one place (cli/parse.cpp) with
// curl's rules and messages. An option with a grammar of its own has none and
// a case in cli/parse.cpp.
enum class ValueKind {
  kOwnGrammar,
  kFlag,          // a bool, switched off by --no-NAME
  kText,          // the value as given
  kSecret,        // the value as given, wiped after use
  kTextList,      // each use adds the value
  kSeconds,       // curl's <fractional seconds>, kept as milliseconds
  kWholeSeconds,  // curl's <seconds> that must fit in milliseconds, kept as seconds
  kCount,         // a whole number, not negative
  kSignedCount,   // a whole number, negative allowed (--max-redirs -1: unlimited)
  kSize,          // a number with an optional G, M, K or B unit
  kBit,           // sets a bit; --no-NAME clears it
  kConstant,      // sets a number
};

// Where a value goes: a member of the transfer's or the global configuration.
struct ValueStore {
  using Member = std::variant<std::monostate, bool TransferConfig::*, bool GlobalConfig::*,
                              std::optional<std::string> TransferConfig::*, std::optional<std::string> GlobalConfig::*,
                              std::optional<SecretString> TransferConfig::*, std::vector<std::string> TransferConfig::*,
                              long TransferConfig::*, long long TransferConfig::*, unsigned long TransferConfig::*>;
  ValueKind kind = ValueKind::kOwnGrammar;
  Member member;
  unsigned long number = 0;    // kBit's bit, kConstant's number
  std::string_view name = {};  // kSize: what curl's warnings call the value
};

struct OptionSpec {
  OptionId id;
  std::string_view long_name;  // without the leading "--"
  char short_name;             // '\0' when there is none
  ArgKind kind;
  std::string_view value_name;  // "<data>", shown in --help; empty for flags (--help shows its optional <category>)
  ValueHint hint;
  bool dbcurl_own;                // not a curl option
  std::string_view help;          // one line; for a documented_negated option, what its --no- form does
  std::uint32_t help_categories;  // help_category bits
  ValueStore store = {};
};

std::span<const OptionSpec> option_table();
// Old names and debug options: parsed, never listed by --help or the docs.
std::span<const OptionSpec> unlisted_options();
// Booleans that curl documents by their --no- form (--no-buffer, --no-alpn …):
// --help, the man page and the completions name them so.
bool documented_negated(const OptionSpec& spec);
const OptionSpec* find_long_option(std::string_view name);
const OptionSpec* find_short_option(char name);

}  // namespace dbcurl
