#include "creds/netrc.hpp"

#include "common/files.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

struct Token {
  std::string text;
  std::size_t line;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// libcurl 7.88 reads netrc with fgets() into 4096 bytes (lib/netrc.c,
// lib/curl_get_line.c) and drops a line that does not fit with its '\n': one
// of more bytes than this, a CR included, the last line's too. Its entries are
// not libcurl's, so they are not dbcurl's either.
constexpr std::size_t kLibcurlNetrcLine = 4094;

Result<std::vector<Token>> tokenize(std::string_view text, const std::string& path) {
  std::vector<Token> tokens;
  std::size_t line_number = 0;
  bool in_macdef = false;
  for (std::string_view line : split(text, '\n')) {
    ++line_number;
    if (line.find('\0') != std::string_view::npos) {
      return error_at(exit_code::kConfigInvalid, path, line_number, "NUL byte in line");
    }
    if (line.size() > kLibcurlNetrcLine) continue;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (in_macdef) {
      // libcurl ends a macro body only at a line that starts with its line
      // break (LF or CR), read on as any line; a line of blanks is body.
      if (!line.empty() && line.front() != '\r') continue;
      in_macdef = false;
    }
    std::size_t pos = 0;
    while (pos < line.size()) {
      while (pos < line.size() && is_space(line[pos])) ++pos;
      if (pos >= line.size() || line[pos] == '#') break;
      std::string token;
      if (line[pos] == '"') {
        ++pos;
        bool closed = false;
        while (pos < line.size()) {
          char c = line[pos++];
          if (c == '"') {
            closed = true;
            break;
          }
          if (c == '\\' && pos < line.size()) {
            c = line[pos++];
            c = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
          }
          token += c;
        }
        if (!closed) return error_at(exit_code::kConfigInvalid, path, line_number, "unterminated quoted string");
      } else {
        while (pos < line.size() && !is_space(line[pos])) token += line[pos++];
      }
      if (iequals(token, "macdef")) {
        in_macdef = true;  // the rest of this line names the macro; its body follows
        break;
      }
      tokens.push_back(Token{std::move(token), line_number});
    }
  }
  return tokens;
}

}  // namespace

Result<std::vector<NetrcEntry>> parse_netrc(std::string_view text, const std::string& path) {
  Result<std::vector<Token>> tokens = tokenize(text, path);
  if (!tokens) return tokens.error();
  std::vector<NetrcEntry> entries;
  std::vector<Token>& words = *tokens;
  // Passwords pass through these strings: wipe them however parsing ends.
  struct WipeTokens {
    std::vector<Token>& tokens;
    ~WipeTokens() {
      for (auto& token : tokens) wipe_string(token.text);
    }
  } wipe_on_exit{words};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& keyword = words[i].text;
    const bool has_value = i + 1 < words.size();
    if (iequals(keyword, "default")) {
      entries.push_back(NetrcEntry{"", true, std::nullopt, std::nullopt, words[i].line});
      continue;
    }
    if (!has_value) {
      // A lone last word that is no keyword may be a password whose keyword is missing: never print it.
      const bool known = iequals(keyword, "machine") || iequals(keyword, "login") || iequals(keyword, "password") ||
                         iequals(keyword, "account");
      return error_at(exit_code::kConfigInvalid, path, words[i].line,
                      known ? "'" + keyword + "' needs a value" : "a word without its keyword at the end of the file");
    }
    if (iequals(keyword, "machine")) {
      entries.push_back(NetrcEntry{words[++i].text, false, std::nullopt, std::nullopt, words[i].line});
    } else if (entries.empty()) {
      ++i;  // credentials before any machine are ignored, as curl ignores them
    } else if (iequals(keyword, "login")) {
      entries.back().login = words[++i].text;
    } else if (iequals(keyword, "password")) {
      entries.back().password.emplace(words[++i].text);
    } else {
      ++i;  // "account" and unknown keywords take one value that curl ignores
    }
  }
  return entries;
}

const NetrcEntry* find_netrc_entry(const std::vector<NetrcEntry>& entries, std::string_view host) {
  for (const auto& entry : entries) {
    if (entry.is_default || iequals(entry.machine, host)) return &entry;
  }
  return nullptr;
}

Result<std::optional<std::vector<NetrcEntry>>> load_netrc(const FileSystem& files, const std::string& path) {
  Result<std::optional<std::string>> text =
      files.read_file_if_exists(path, kMaxConfigFileBytes, exit_code::kConfigInvalid);
  if (!text) return text.error();
  if (!*text) return std::optional<std::vector<NetrcEntry>>{};
  Result<std::vector<NetrcEntry>> entries = parse_netrc(**text, path);
  wipe_string(**text);
  if (!entries) return entries.error();
  return std::optional<std::vector<NetrcEntry>>{std::move(*entries)};
}

const NetrcEntry* find_netrc_machine(const std::vector<NetrcEntry>& entries, std::string_view host) {
  for (const auto& entry : entries) {
    if (!entry.is_default && iequals(entry.machine, host)) return &entry;
  }
  return nullptr;
}

std::string netrc_path(const std::optional<std::string>& netrc_file, const Environment& env) {
  if (netrc_file) return *netrc_file;
  if (auto from_env = env.get("NETRC")) return *from_env;
  return home_directory(env) + "/.netrc";
}

}  // namespace dbcurl
