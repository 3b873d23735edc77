#include "cli/data_args.hpp"

#include "common/strings.hpp"

namespace dbcurl {

namespace {

Error read_error() { return make_error(exit_code::kReadError, std::string(kReadErrorReason)); }

bool too_large(const FileContent& content) { return content.outcome == FileContent::Outcome::kTooLarge; }

Error too_large_error(const std::string& path, const FileContent& content) {
  return make_error(exit_code::kReadError, limit_message(path, content, kOptionFileLimit));
}

}  // namespace

Result<std::string> data_option_value(std::string_view value, DataKind kind, const FileSystem& files,
                                      const WarningSink& warn) {
  if (kind == DataKind::kRaw || value.empty() || value.front() != '@') return std::string(value);
  const std::string path(value.substr(1));
  FileContent content = files.read_whole_file(path, kOptionFileLimit);
  if (too_large(content)) return too_large_error(path, content);
  if (content.outcome == FileContent::Outcome::kCannotOpen) {
    warn("Couldn't read data from file \"" + path + "\", this makes an empty POST.");
    return std::string();
  }
  if (content.outcome == FileContent::Outcome::kReadError && kind != DataKind::kAscii) return read_error();
  if (kind == DataKind::kAscii) return curl_file_text(content.bytes);
  return std::move(content.bytes);
}

Result<std::vector<std::string>> header_option_values(std::string_view value, const FileSystem& files,
                                                      const WarningSink& warn) {
  if (value.empty() || value.front() != '@') return std::vector<std::string>{std::string(value)};
  const std::string path(value.substr(1));
  const FileContent content = files.read_whole_file(path, kOptionFileLimit);
  if (too_large(content)) return too_large_error(path, content);
  if (content.outcome == FileContent::Outcome::kCannotOpen) {
    warn("Failed to open " + path + "!");
    return std::vector<std::string>{};
  }
  if (content.outcome == FileContent::Outcome::kReadError) return read_error();
  std::vector<std::string> headers;
  for (std::string_view line : split_lines(content.bytes)) {
    if (!line.empty()) headers.emplace_back(line);
  }
  return headers;
}

std::string write_out_option_value(std::string_view value, const FileSystem& files, const WarningSink& warn) {
  if (value.empty() || value.front() != '@') return std::string(value);
  const std::string path(value.substr(1));
  FileContent content = files.read_whole_file(path, kOptionFileLimit);
  if (too_large(content)) {
    warn("Failed to read " + limit_message(path, content, kOptionFileLimit));
    return {};
  }
  if (content.outcome != FileContent::Outcome::kRead) {
    warn("Failed to read " + path);
    return {};
  }
  return curl_file_text(content.bytes);
}

}  // namespace dbcurl
