#include "creds/dbcurl_config.hpp"

// toml++'s internal assertions are off in every build, as in the release
// build (NDEBUG), so that the sanitizer build tests what ships: toml++ 3.3.0
// asserts on a table header such as "[ =", which its parser then reports as an
// ordinary error.
#define TOML_ASSERT(expr) static_cast<void>(0)
#include <toml++/toml.h>

#include <array>

#include "common/files.hpp"
#include "creds/attributes.hpp"

namespace dbcurl {

namespace {

// A key of a malformed config.toml may be a secret pasted in the wrong place
// ("dapi… = 1"), so messages quote only the names dbcurl knows: its own keys
// and the Databricks attributes (a "token" put here by mistake).
bool known_name(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kOwnKeys{"default_profile", "profiles",     "hosts", "host",
                                                            "token_command",   "token_timeout"};
  return std::find(kOwnKeys.begin(), kOwnKeys.end(), name) != kOwnKeys.end() || find_attribute(name) != nullptr;
}

std::string unknown_key(const toml::key& key) {
  return known_name(key.str()) ? "unknown key '" + std::string(key.str()) + "'" : "a key dbcurl does not know";
}

// toml++'s message with what it quotes from the file left out, unless that is
// a name dbcurl knows or a delimiter it expected or saw ("expected '=', saw 'o'").
std::string without_quoted_text(std::string_view description) {
  constexpr std::size_t kLongestDelimiter = 3;
  std::string shown;
  std::size_t open = std::string_view::npos;
  for (std::size_t i = 0; i < description.size(); ++i) {
    if (description[i] != '\'') {
      if (open == std::string_view::npos) shown += description[i];
      continue;
    }
    if (open == std::string_view::npos) {
      open = i;
      continue;
    }
    const std::string_view quoted = description.substr(open + 1, i - open - 1);
    shown += quoted.size() <= kLongestDelimiter || known_name(quoted) ? "'" + std::string(quoted) + "'" : "'\u2026'";
    open = std::string_view::npos;
  }
  if (open != std::string_view::npos) shown += "'\u2026";
  return shown;
}

class ConfigReader {
 public:
  explicit ConfigReader(const std::string& path) : path_(path) {}

  Result<DbcurlConfig> read(const toml::table& root) {
    DbcurlConfig config;
    config.path = path_;
    for (const auto& [key, node] : root) {
      if (key == "default_profile") {
        if (!string_value(node, key, config.default_profile)) return *error_;
      } else if (key == "profiles" || key == "hosts") {
        const toml::table* entries = node.as_table();
        if (entries == nullptr) return fail(node.source(), "'" + std::string(key.str()) + "' must be a table");
        for (const auto& [name, entry] : *entries) {
          const toml::table* table = entry.as_table();
          if (table == nullptr)
            return fail(entry.source(),
                        "'" + std::string(key.str()) + "." + std::string(name.str()) + "' must be a table");
          Status status = key == "profiles" ? read_profile(std::string(name.str()), *table, config)
                                            : read_host(name, *table, config);
          if (!status) return status.error();
        }
      } else {
        return fail(key.source(), unknown_key(key));
      }
    }
    return config;
  }

 private:
  Error fail(const toml::source_region& where, const std::string& message) {
    return make_error(exit_code::kConfigInvalid, path_ + ":" + std::to_string(where.begin.line) + ":" +
                                                     std::to_string(where.begin.column) + ": " + message);
  }

  bool string_value(const toml::node& node, const toml::key& key, std::optional<std::string>& out) {
    const auto* text = node.as_string();
    if (text == nullptr) {
      error_ = fail(node.source(), "'" + std::string(key.str()) + "' must be a string");
      return false;
    }
    out = text->get();
    return true;
  }

  // Reads token_command and token_timeout of a [profiles.X] or [hosts."H"] table.
  Status read_helper(const toml::table& table, const toml::key& key, const toml::node& node,
                     std::optional<HelperCommand>& command, std::optional<std::chrono::milliseconds>& timeout) {
    if (key == "token_command") {
      const toml::array* words = node.as_array();
      if (words == nullptr || words->empty()) {
        return fail(node.source(), "'token_command' must be a non-empty array of strings (argv, not a shell string)");
      }
      HelperCommand helper;
      for (const auto& word : *words) {
        const auto* text = word.as_string();
        if (text == nullptr) return fail(word.source(), "'token_command' must be an array of strings");
        helper.argv.push_back(text->get());
      }
      helper.origin = path_ + ":" + std::to_string(node.source().begin.line);
      command = std::move(helper);
      return Ok{};
    }
    const auto* number = node.as_integer();
    if (number == nullptr || number->get() <= 0 || number->get() > 3600) {
      return fail(node.source(), "'token_timeout' must be a whole number of seconds from 1 to 3600");
    }
    timeout = std::chrono::seconds(number->get());
    (void)table;
    return Ok{};
  }

  Status read_profile(std::string name, const toml::table& table, DbcurlConfig& config) {
    DbcurlProfile profile{std::move(name), std::nullopt, std::nullopt};
    std::optional<std::chrono::milliseconds> timeout;
    for (const auto& [key, node] : table) {
      if (key == "host") {
        if (!string_value(node, key, profile.host)) return *error_;
      } else if (key == "token_command" || key == "token_timeout") {
        if (Status status = read_helper(table, key, node, profile.token_command, timeout); !status) return status;
      } else {
        return fail(key.source(), unknown_key(key) + " in [profiles." + profile.name + "]");
      }
    }
    if (profile.token_command && timeout) profile.token_command->timeout = *timeout;
    config.profiles.push_back(std::move(profile));
    return Ok{};
  }

  Status read_host(const toml::key& name, const toml::table& table, DbcurlConfig& config) {
    Result<WorkspaceHost> host = normalize_host(name.str());
    if (!host) return fail(name.source(), "invalid host '" + std::string(name.str()) + "'");
    std::optional<HelperCommand> command;
    std::optional<std::chrono::milliseconds> timeout;
    for (const auto& [key, node] : table) {
      if (key == "token_command" || key == "token_timeout") {
        if (Status status = read_helper(table, key, node, command, timeout); !status) return status;
      } else {
        return fail(key.source(), unknown_key(key) + " in [hosts.\"" + std::string(name.str()) + "\"]");
      }
    }
    if (!command) return fail(name.source(), "[hosts.\"" + std::string(name.str()) + "\"] needs a token_command");
    if (timeout) command->timeout = *timeout;
    config.hosts.push_back(DbcurlHost{*host, std::move(*command)});
    return Ok{};
  }

  std::string path_;
  std::optional<Error> error_;
};

// toml++ 3.3 has undefined behaviour on some non-ASCII characters (U+00A1 to
// U+0499 reach a __builtin_unreachable in its whitespace check; found by
// tests/fuzz), wherever its lexer meets them in malformed input. So the file
// must be ASCII; a non-ASCII value is written as a \uXXXX escape in a string.
std::optional<Error> non_ascii_byte(std::string_view text, const std::string& path) {
  std::size_t line = 1;
  std::size_t column = 0;
  for (char c : text) {
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return make_error(exit_code::kConfigInvalid,
                        path + ":" + std::to_string(line) + ":" + std::to_string(column) +
                            ": non-ASCII character; write it as a \\uXXXX escape inside a \"string\"");
    }
  }
  return std::nullopt;
}

}  // namespace

const DbcurlProfile* DbcurlConfig::profile(std::string_view name) const {
  for (const auto& entry : profiles) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

const DbcurlHost* DbcurlConfig::host(const WorkspaceHost& workspace) const {
  for (const auto& entry : hosts) {
    if (entry.host.origin() == workspace.origin()) return &entry;
  }
  return nullptr;
}

std::string dbcurl_config_path(const Environment& env) {
  if (auto path = env.get("DBCURL_CONFIG")) return expand_home(*path, env);
  if (auto xdg = env.get("XDG_CONFIG_HOME")) return *xdg + "/dbcurl/config.toml";
  return home_directory(env) + "/.config/dbcurl/config.toml";
}

Result<std::optional<DbcurlConfig>> parse_dbcurl_config(std::string_view text, const std::string& path) {
  if (std::optional<Error> refused = non_ascii_byte(text, path)) return *refused;
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& error) {  // toml++'s error boundary
    const auto& where = error.source().begin;
    return make_error(exit_code::kConfigInvalid, path + ":" + std::to_string(where.line) + ":" +
                                                     std::to_string(where.column) + ": " +
                                                     without_quoted_text(error.description()));
  }
  Result<DbcurlConfig> config = ConfigReader(path).read(root);
  if (!config) return config.error();
  return std::optional<DbcurlConfig>{std::move(*config)};
}

Result<std::optional<DbcurlConfig>> load_dbcurl_config(const Environment& env, const FileSystem& files) {
  const std::string path = dbcurl_config_path(env);
  Result<std::optional<std::string>> text =
      files.read_file_if_exists(path, kMaxConfigFileBytes, exit_code::kConfigInvalid);
  if (!text) return text.error();
  if (!*text) return std::optional<DbcurlConfig>{};
  return parse_dbcurl_config(**text, path);
}

}  // namespace dbcurl
