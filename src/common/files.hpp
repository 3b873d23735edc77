#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace dbcurl {

// The largest credential or config file dbcurl reads (~/.databrickscfg,
// netrc, config.toml): far above any real one, far below a hostile one.
inline constexpr std::size_t kMaxConfigFileBytes = 1 << 20;

// How much of a file dbcurl reads before it stops with an error.
struct ReadLimit {
  std::size_t max_bytes = SIZE_MAX;
  std::size_t max_line = SIZE_MAX;  // bytes in one line, its '\n' not counted
  // Only a regular file is read (kNotRegularFile otherwise), and opening never
  // waits: for the files dbcurl reads unasked, where a FIFO would hang every run.
  bool regular_file_only = false;
};

// Files named in option values (-d @file, -H @file, -w @file, --etag-compare,
// @- for standard input): 1 GiB, far above any request body a command line
// sends, and a bound on memory for /dev/zero (docs/differences.md).
inline constexpr ReadLimit kOptionFileLimit{std::size_t{1} << 30};
// -K files and .curlrc: curl 7.88's longest config line (102398 bytes; curl
// fails on a longer one, and never ends on /dev/zero) and 64 MiB in all, as
// dbcurl reads the whole file before it parses it (docs/differences.md).
inline constexpr ReadLimit kCurlConfigLimit{std::size_t{64} << 20, 102398};

// What reading a whole file gave. curl tells a file it cannot open from one
// whose read fails (a directory opens but does not read), so dbcurl does too.
struct FileContent {
  enum class Outcome { kRead, kCannotOpen, kReadError, kTooLarge, kLineTooLong, kNotRegularFile };
  Outcome outcome = Outcome::kRead;
  std::string bytes;     // what was read, also when the read failed or stopped part way
  int error_number = 0;  // kNotRegularFile: EISDIR for a directory
};

// "PATH: larger than N bytes" or "PATH: a line longer than N bytes", for a
// read that stopped at limit.
std::string limit_message(const std::string& path, const FileContent& content, ReadLimit limit);

// The files dbcurl reads whole (credential and config files, -K and .curlrc,
// @file option values), as ninja's DiskInterface: DiskFileSystem reads the
// disk, unit tests pass a MemoryFileSystem. What libcurl reads or writes as a
// stream (-T, output files, --stderr) and the token cache (whose reads and
// writes check links and owners) use the disk directly.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // All of path, or of standard input for "-", up to the limit: past it the
  // read stops with kTooLarge or kLineTooLong.
  virtual FileContent read_whole_file(const std::string& path, ReadLimit limit = {}) const = 0;
  // Whether path is a regular file that group or others may read, write or
  // run: a credential file that is draws a warning, as ssh warns about keys.
  virtual bool shared_with_others(const std::string& path) const = 0;

  // Whole-file read of a regular file; nullopt when the file does not exist
  // (a missing config file is not an error anywhere in dbcurl), an Error when
  // it exists but is no regular file (a FIFO, a device), cannot be read or is
  // larger than max_bytes.
  Result<std::optional<std::string>> read_file_if_exists(const std::string& path, std::size_t max_bytes,
                                                         int error_code) const;
};

class DiskFileSystem final : public FileSystem {
 public:
  FileContent read_whole_file(const std::string& path, ReadLimit limit = {}) const override;
  bool shared_with_others(const std::string& path) const override;
};

// path, with "-" written as "./-": a file of that name, as curl opens it
// (--etag-compare, config files), never standard input.
std::string file_named_dash_as_file(const std::string& path);

// What reading a file that holds text gives under limit: for fakes, which
// keep the limits as the disk does.
FileContent read_within_limit(std::string_view text, ReadLimit limit);

}  // namespace dbcurl
