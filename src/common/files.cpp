#include "common/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

#include "common/secret.hpp"

namespace dbcurl {

namespace {

// The length of the line still open after piece, or nullopt once a line grows
// longer than max_line.
std::optional<std::size_t> open_line_after(std::string_view piece, std::size_t open_line, std::size_t max_line) {
  for (auto end = piece.find('\n'); end != std::string_view::npos; end = piece.find('\n')) {
    if (open_line + end > max_line) return std::nullopt;
    open_line = 0;
    piece.remove_prefix(end + 1);
  }
  if (open_line + piece.size() > max_line) return std::nullopt;
  return open_line + piece.size();
}

}  // namespace

FileContent read_whole_file(const std::string& path, ReadLimit limit) {
  FileContent content;
  const bool standard_input = path == "-";
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    content.outcome = FileContent::Outcome::kCannotOpen;
    content.error_number = errno;
    return content;
  }
  char buffer[16384];
  std::size_t open_line = 0;
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      content.outcome = FileContent::Outcome::kReadError;
      content.error_number = errno;
      break;
    }
    const std::string_view piece(buffer, static_cast<std::size_t>(got));
    if (content.bytes.size() + piece.size() > limit.max_bytes) {
      content.outcome = FileContent::Outcome::kTooLarge;
      break;
    }
    const std::optional<std::size_t> line = open_line_after(piece, open_line, limit.max_line);
    if (!line) {
      content.outcome = FileContent::Outcome::kLineTooLong;
      break;
    }
    open_line = *line;
    content.bytes += piece;
  }
  if (!standard_input) ::close(fd);
  return content;
}

std::string limit_message(const std::string& path, const FileContent& content, ReadLimit limit) {
  if (content.outcome == FileContent::Outcome::kLineTooLong) {
    return path + ": a line longer than " + std::to_string(limit.max_line) + " bytes";
  }
  return path + ": larger than " + std::to_string(limit.max_bytes) + " bytes";
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
  FileContent content = read_whole_file(path, ReadLimit{max_bytes});
  switch (content.outcome) {
    case FileContent::Outcome::kRead: return std::optional<std::string>{std::move(content.bytes)};
    case FileContent::Outcome::kCannotOpen:
      if (content.error_number == ENOENT) return std::optional<std::string>{};  // removed since the stat
      [[fallthrough]];
    case FileContent::Outcome::kReadError: break;
    case FileContent::Outcome::kTooLarge:
    case FileContent::Outcome::kLineTooLong: content.error_number = EFBIG; break;
  }
  wipe_string(content.bytes);  // part of a credential file
  return failure(content.error_number);
}

bool shared_with_others(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  return (info.st_mode & (S_IRWXG | S_IRWXO)) != 0;
}

}  // namespace dbcurl
