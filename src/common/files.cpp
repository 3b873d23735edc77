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

FileContent DiskFileSystem::read_whole_file(const std::string& path, ReadLimit limit) const {
  FileContent content;
  const bool standard_input = path == "-";
  const int flags = O_RDONLY | O_CLOEXEC | (limit.regular_file_only ? O_NONBLOCK : 0);
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), flags);
  if (fd < 0) {
    content.outcome = FileContent::Outcome::kCannotOpen;
    content.error_number = errno;
    return content;
  }
  if (limit.regular_file_only) {
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
      content.outcome = FileContent::Outcome::kNotRegularFile;
      content.error_number = S_ISDIR(info.st_mode) ? EISDIR : 0;
      if (!standard_input) ::close(fd);
      return content;
    }
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

FileContent read_within_limit(std::string_view text, ReadLimit limit) {
  FileContent content;
  if (text.size() > limit.max_bytes) {
    content.outcome = FileContent::Outcome::kTooLarge;
    content.bytes = text.substr(0, limit.max_bytes);
  } else if (!open_line_after(text, 0, limit.max_line)) {
    content.outcome = FileContent::Outcome::kLineTooLong;
  } else {
    content.bytes = text;
  }
  return content;
}

std::string file_named_dash_as_file(const std::string& path) { return path == "-" ? "./-" : path; }

// The disk's answers, as the stat() this replaced gave them: a directory opens
// but does not read (EISDIR), a path through a file is ENOTDIR, a file past
// max_bytes stops the read at the limit. A config file named "-" is a file of
// that name, never standard input.
Result<std::optional<std::string>> FileSystem::read_file_if_exists(const std::string& path, std::size_t max_bytes,
                                                                   int error_code) const {
  FileContent content = read_whole_file(file_named_dash_as_file(path), ReadLimit{max_bytes, SIZE_MAX, true});
  std::string reason;
  switch (content.outcome) {
    case FileContent::Outcome::kRead: return std::optional<std::string>{std::move(content.bytes)};
    case FileContent::Outcome::kCannotOpen:
      if (content.error_number == ENOENT || content.error_number == ENOTDIR) return std::optional<std::string>{};
      reason = std::strerror(content.error_number);
      break;
    case FileContent::Outcome::kReadError:
      reason = content.error_number == EISDIR ? "is a directory" : std::strerror(content.error_number);
      break;
    case FileContent::Outcome::kNotRegularFile:
      reason = content.error_number == EISDIR ? "is a directory" : "not a regular file (a FIFO or a device)";
      break;
    case FileContent::Outcome::kTooLarge:
    case FileContent::Outcome::kLineTooLong: reason = "larger than " + std::to_string(max_bytes) + " bytes"; break;
  }
  wipe_string(content.bytes);  // part of a credential file
  return make_error(error_code, path + ": " + reason);
}

bool DiskFileSystem::shared_with_others(const std::string& path) const {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  return (info.st_mode & (S_IRWXG | S_IRWXO)) != 0;
}

}  // namespace dbcurl
