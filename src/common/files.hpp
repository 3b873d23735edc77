#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "common/result.hpp"

namespace dbcurl {

// The largest credential or config file dbcurl reads (~/.databrickscfg,
// netrc, config.toml): far above any real one, far below a hostile one.
inline constexpr std::size_t kMaxConfigFileBytes = 1 << 20;

// Whole-file read; nullopt when the file does not exist (a missing config file
// is not an error anywhere in dbcurl), an Error when it exists but cannot be
// read or is larger than max_bytes.
Result<std::optional<std::string>> read_file_if_exists(const std::string& path, std::size_t max_bytes, int error_code);

// "Warning: FILE is readable by others; run: chmod 600 FILE" when a credential
// file can be read by group or others, as ssh warns about keys; once per file.
void warn_if_shared(const std::string& path);

}  // namespace dbcurl
