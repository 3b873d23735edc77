#include "common/files.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>

#include "common/diagnostics.hpp"

namespace dbcurl {

Result<std::optional<std::string>> read_file_if_exists(const std::string& path, std::size_t max_bytes, int error_code) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::optional<std::string>{};
    return make_error(error_code, path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return make_error(error_code, path + ": is a directory");
  if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > max_bytes) {
    return make_error(error_code, path + ": larger than " + std::to_string(max_bytes) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(error_code, path + ": " + std::strerror(errno));
  std::string content;
  char buffer[8192];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    content.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (content.size() > max_bytes) {
      return make_error(error_code, path + ": larger than " + std::to_string(max_bytes) + " bytes");
    }
  }
  return std::optional<std::string>{std::move(content)};
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
