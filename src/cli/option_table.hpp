#pragma once
// The one table of every supported option. It drives the parser, --help, the
// man page, the completions and the supported-option list in the docs.

#include <optional>
#include <span>
#include <string_view>

namespace dbcurl {

enum class OptionId {
  kAbstractUnixSocket,
  kAnyauth,
  kAwsSigv4,
  kBasic,
  kCacert,
  kCapath,
  kCert,
  kCertStatus,
  kCertType,
  kCiphers,
  kCompressed,
  kConfig,
  kConnectTimeout,
  kConnectTo,
  kContinueAt,
  kCookie,
  kCookieJar,
  kCreateDirs,
  kCrlfile,
  kData,
  kDataAscii,
  kDataBinary,
  kDataRaw,
  kDataUrlencode,
  kDigest,
  kDisable,
  kDumpHeader,
  kExpect100Timeout,
  kExplain,
  kFail,
  kFailEarly,
  kFailWithBody,
  kForm,
  kFormString,
  kGet,
  kGlobOff,
  kHead,
  kHeader,
  kHelp,
  kHttp10,
  kHttp11,
  kHttp2,
  kHttp2PriorKnowledge,
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
  kLimitRate,
  kListApiPaths,
  kListProfiles,
  kLocalPort,
  kLocation,
  kLocationTrusted,
  kManual,
  kMaxFilesize,
  kMaxRedirs,
  kMaxTime,
  kNegotiate,
  kNetrc,
  kNetrcFile,
  kNetrcOptional,
  kNext,
  kNoproxy,
  kNtlm,
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
  kProfile,
  kProgressMeter,
  kProxy,
  kProxyHeader,
  kProxyInsecure,
  kProxytunnel,
  kProxyUser,
  kRange,
  kRaw,
  kReferer,
  kRemoteName,
  kRemoteNameAll,
  kRemoveOnError,
  kRequest,
  kRequestTarget,
  kResolve,
  kRetry,
  kRetryAllErrors,
  kRetryConnrefused,
  kRetryDelay,
  kRetryMaxTime,
  kShowError,
  kSilent,
  kSocks4,
  kSocks4a,
  kSocks5,
  kSocks5Hostname,
  kSpeedLimit,
  kSpeedTime,
  kSslNoRevoke,
  kStderr,
  kTcpFastopen,
  kTcpNodelay,
  kTimeCond,
  kTls13Ciphers,
  kTlsMax,
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
  kUser,
  kUserAgent,
  kVerbose,
  kVersion,
  kWriteOut,
};

enum class ArgKind {
  kFlag,   // takes no value and has no --no- form
  kBool,   // takes no value; --no-NAME switches it off
  kValue,  // takes one value: attached (-XPOST) or the next word
};

// What a value is, for completions.
enum class ValueHint { kNone, kText, kFile, kDirectory, kUrl, kMethod, kProfile, kHeader, kData, kSeconds };

struct OptionSpec {
  OptionId id;
  std::string_view long_name;  // without the leading "--"
  char short_name;             // '\0' when there is none
  ArgKind kind;
  std::string_view value_name;  // "<data>", shown in --help; empty for flags
  ValueHint hint;
  bool dbcurl_own;        // not a curl option
  std::string_view help;  // one line
};

std::span<const OptionSpec> option_table();
const OptionSpec* find_long_option(std::string_view name);
const OptionSpec* find_short_option(char name);

}  // namespace dbcurl
