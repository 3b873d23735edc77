#pragma once
// The process environment behind a small interface, so resolution is pure and
// unit tests can hand it a map.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dbcurl {

class Environment {
 public:
  virtual ~Environment() = default;
  // nullopt when unset or empty: an empty variable counts as unset.
  virtual std::optional<std::string> get(std::string_view name) const = 0;
};

class ProcessEnvironment final : public Environment {
 public:
  std::optional<std::string> get(std::string_view name) const override;
};

class MapEnvironment final : public Environment {
 public:
  MapEnvironment() = default;
  explicit MapEnvironment(std::map<std::string, std::string, std::less<>> variables)
      : variables_(std::move(variables)) {}
  void set(std::string name, std::string value) { variables_[std::move(name)] = std::move(value); }
  std::optional<std::string> get(std::string_view name) const override;

 private:
  std::map<std::string, std::string, std::less<>> variables_;
};

std::string home_directory(const Environment& env);
// "~" and "~/x" become the home directory, as the Databricks tools expand them.
std::string expand_home(const std::string& path, const Environment& env);

// The .curlrc curl 7.88.1 reads, the first that exists: $CURL_HOME/.curlrc,
// $XDG_CONFIG_HOME/.curlrc, $HOME/.curlrc, then — only without XDG_CONFIG_HOME —
// .config/curlrc under $CURL_HOME if set, else under $HOME (not both: checked
// against the system curl), then the passwd home's .curlrc.
std::optional<std::string> find_curlrc(const Environment& env);

// The file curl 7.88.1's tool finds at NAME (".ssh/known_hosts") under a home:
// the first that is readable under $CURL_HOME, $XDG_CONFIG_HOME, $HOME (each
// when set and not empty), else under the passwd entry's home.
std::optional<std::string> find_in_curl_homes(const Environment& env, std::string_view name);

}  // namespace dbcurl
