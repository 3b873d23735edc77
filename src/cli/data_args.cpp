#include "cli/data_args.hpp"

#include <fstream>
#include <iostream>
#include <iterator>

#include "common/strings.hpp"

namespace dbcurl {

FileReader system_file_reader() {
  return [](const std::string& path) -> std::optional<std::string> {
    if (path == "-") {
      return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
}

std::string data_option_value(std::string_view value, DataKind kind, const FileReader& read, const WarningSink& warn) {
  if (kind == DataKind::kRaw || value.empty() || value.front() != '@') return std::string(value);
  const std::string path(value.substr(1));
  std::optional<std::string> content = read(path);
  if (!content) {
    warn("Couldn't read data from file \"" + path + "\", this makes an empty POST.");
    return {};
  }
  if (kind == DataKind::kAscii) std::erase_if(*content, [](char c) { return c == '\r' || c == '\n'; });
  return std::move(*content);
}

std::vector<std::string> header_option_values(std::string_view value, const FileReader& read, const WarningSink& warn) {
  if (value.empty() || value.front() != '@') return {std::string(value)};
  const std::string path(value.substr(1));
  const std::optional<std::string> content = read(path);
  if (!content) {
    warn("Failed to open " + path + "!");
    return {};
  }
  std::vector<std::string> headers;
  for (std::string_view line : split_lines(*content)) {
    if (!line.empty()) headers.emplace_back(line);
  }
  return headers;
}

std::string write_out_option_value(std::string_view value, const FileReader& read, const WarningSink& warn) {
  if (value.empty() || value.front() != '@') return std::string(value);
  const std::string path(value.substr(1));
  std::optional<std::string> content = read(path);
  if (!content) {
    warn("Failed to read " + path);
    return {};
  }
  return std::move(*content);
}

}  // namespace dbcurl
