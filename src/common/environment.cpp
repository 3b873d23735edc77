#include "common/environment.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

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

std::optional<std::string> find_curlrc(const Environment& env) {
  std::vector<std::string> candidates;
  const auto curl_home = env.get("CURL_HOME");
  const auto xdg = env.get("XDG_CONFIG_HOME");
  const auto home = env.get("HOME");
  if (curl_home) candidates.push_back(*curl_home + "/.curlrc");
  if (xdg) candidates.push_back(*xdg + "/.curlrc");
  if (home) candidates.push_back(*home + "/.curlrc");
  // Without XDG_CONFIG_HOME, one more: .config/curlrc under the first of CURL_HOME, HOME.
  if (!xdg && (curl_home || home)) candidates.push_back(*(curl_home ? curl_home : home) + "/.config/curlrc");
  candidates.push_back(home_directory(env) + "/.curlrc");
  for (const auto& path : candidates) {
    if (::access(path.c_str(), R_OK) == 0) return path;
  }
  return std::nullopt;
}

std::optional<std::string> find_in_curl_homes(const Environment& env, std::string_view name) {
  for (const std::string_view variable : {"CURL_HOME", "XDG_CONFIG_HOME", "HOME"}) {
    const auto home = env.get(variable);
    if (!home || home->empty()) continue;
    std::string path = *home + "/" + std::string(name);
    if (::access(path.c_str(), R_OK) == 0) return path;
  }
  if (const passwd* entry = ::getpwuid(::geteuid()); entry != nullptr && entry->pw_dir != nullptr && *entry->pw_dir) {
    std::string path = std::string(entry->pw_dir) + "/" + std::string(name);
    if (::access(path.c_str(), R_OK) == 0) return path;
  }
  return std::nullopt;
}

}  // namespace dbcurl
