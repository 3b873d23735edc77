#pragma once
// curl's rules for option values that may name a file: "@file" or "@-".

#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/files.hpp"
#include "common/result.hpp"

namespace dbcurl {

// curl's reason for a file an option names that cannot be read (exit 26); on
// a config file's line curl warns with it and reads on.
inline constexpr std::string_view kReadErrorReason = "error encountered when reading a file";

enum class DataKind {
  kAscii,   // -d, --data-ascii: @file read with CR and LF dropped
  kBinary,  // --data-binary, --json: @file read as is
  kRaw,     // --data-raw: '@' has no meaning
};

// The bytes one -d style option contributes. A file that cannot be opened
// contributes nothing, after curl's warning; one that opens but cannot be read
// (a directory) is an Error for the binary kinds and nothing for -d, as curl.
// Errors carry only the reason; the caller names the option.
Result<std::string> data_option_value(std::string_view value, DataKind kind, const FileSystem& files,
                                      const WarningSink& warn);

// -H value: one header, or one header per non-empty line of @file.
Result<std::vector<std::string>> header_option_values(std::string_view value, const FileSystem& files,
                                                      const WarningSink& warn);

// -w value: the format, or the contents of @file.
std::string write_out_option_value(std::string_view value, const FileSystem& files, const WarningSink& warn);

}  // namespace dbcurl
