#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"

namespace dbcurl {

// The largest credential or config file dbcurl reads (~/.databrickscfg,
// netrc, config.toml): far above any real one, far below a hostile one.
inline constexpr std::size_t kMaxConfigFileBytes = 1 << 20;

// What reading a whole file gave. curl tells a file it cannot open from one
// whose read fails (a directory opens but does not read), so dbcurl does too.
struct FileContent {
  enum class Outcome { kRead, kCannotOpen, kReadError };
  Outcome outcome = Outcome::kRead;
  std::string bytes;  // what was read, also when the read failed part way
  int error_number = 0;
};

// All of path, or of standard input for "-"; more than max_bytes is a read error.
FileContent read_whole_file(const std::string& path, std::size_t max_bytes = SIZE_MAX);

// Whole-file read; nullopt when the file does not exist (a missing config file
// is not an error anywhere in dbcurl), an Error when it exists but cannot be
// read or is larger than max_bytes.
Result<std::optional<std::string>> read_file_if_exists(const std::string& path, std::size_t max_bytes, int error_code);

// "Warning: FILE is readable by others; run: chmod 600 FILE" when a credential
// file can be read by group or others, as ssh warns about keys; once per file.
void warn_if_shared(const std::string& path);

}  // namespace dbcurl
