#include "common/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "common/diagnostics.hpp"
#include "common/secret.hpp"

namespace dbcurl {

FileContent read_whole_file(const std::string& path, std::size_t max_bytes) {
  FileContent content;
  const bool standard_input = path == "-";
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    content.outcome = FileContent::Outcome::kCannotOpen;
    content.error_number = errno;
    return content;
  }
  char buffer[16384];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      content.outcome = FileContent::Outcome::kReadError;
      content.error_number = errno;
      break;
    }
    content.bytes.append(buffer, static_cast<std::size_t>(got));
    if (content.bytes.size() > max_bytes) {
      content.outcome = FileContent::Outcome::kReadError;
      content.error_number = EFBIG;
      break;
    }
  }
  if (!standard_input) ::close(fd);
  return content;
}

Result<std::optional<std::string>> read_file_if_exists(const std::string& path, std::size_t max_bytes, int error_code) {
  const auto failure = [&](int error_number) {
    const std::string reason = error_number == EFBIG ? "larger than " + std::to_string(max_bytes) + " bytes"
                                                     : std::string(std::strerror(error_number));
    return make_error(error_code, path + ": " + reason);
  };
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::optional<std::string>{};
    return failure(errno);
  }
  if (S_ISDIR(info.st_mode)) return make_error(error_code, path + ": is a directory");
  if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > max_bytes) return failure(EFBIG);
  FileContent content = read_whole_file(path, max_bytes);
  switch (content.outcome) {
    case FileContent::Outcome::kRead: return std::optional<std::string>{std::move(content.bytes)};
    case FileContent::Outcome::kCannotOpen:
      if (content.error_number == ENOENT) return std::optional<std::string>{};  // removed since the stat
      [[fallthrough]];
    case FileContent::Outcome::kReadError: break;
  }
  wipe_string(content.bytes);  // part of a credential file
  return failure(content.error_number);
}

void warn_if_shared(const std::string& path) {
  static std::set<std::string> warned;  // a file may be read more than once per run
  if (warned.contains(path)) return;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return;
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    warned.insert(path);
    diagnostics().warning(path + " holds credentials and is readable by others; run: chmod 600 " + path);
  }
}

}  // namespace dbcurl
