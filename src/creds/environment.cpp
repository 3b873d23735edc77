#include "creds/environment.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace dbcurl {

std::optional<std::string> ProcessEnvironment::get(std::string_view name) const {
  const char* value = std::getenv(std::string(name).c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::optional<std::string> MapEnvironment::get(std::string_view name) const {
  const auto found = variables_.find(name);
  if (found == variables_.end() || found->second.empty()) return std::nullopt;
  return found->second;
}

std::string home_directory(const Environment& env) {
  if (auto home = env.get("HOME")) return *home;
  if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_dir != nullptr) {
    return entry->pw_dir;
  }
  return ".";
}

std::string expand_home(const std::string& path, const Environment& env) {
  if (path == "~") return home_directory(env);
  if (path.starts_with("~/")) return home_directory(env) + path.substr(1);
  return path;
}

}  // namespace dbcurl
