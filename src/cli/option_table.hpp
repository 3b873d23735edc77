#pragma once
// The one table of every supported option. It drives the parser, --help, the
// man page, the completions and the supported-option list in the docs.

#include <optional>
#include <span>
#include <string_view>

namespace dbcurl {

enum class OptionId {
  kCacert,
  kCapath,
  kCompressed,
  kConnectTimeout,
  kData,
  kDataAscii,
  kDataBinary,
  kDataRaw,
  kDisable,
  kExplain,
  kFail,
  kFailEarly,
  kFailWithBody,
  kGet,
  kGlobOff,
  kHead,
  kHeader,
  kHelp,
  kInclude,
  kInsecure,
  kJson,
  kListApiPaths,
  kListProfiles,
  kLocation,
  kLocationTrusted,
  kManual,
  kMaxRedirs,
  kMaxTime,
  kNetrc,
  kNetrcFile,
  kNetrcOptional,
  kNext,
  kProgressMeter,
  kOauth2Bearer,
  kOutput,
  kPaginate,
  kPaginateMax,
  kProfile,
  kRequest,
  kRetry,
  kRetryAllErrors,
  kRetryConnrefused,
  kRetryDelay,
  kRetryMaxTime,
  kShowError,
  kSilent,
  kStderr,
  kTrace,
  kTraceAscii,
  kTraceTime,
  kUrl,
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
