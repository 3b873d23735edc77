#pragma once
// netrc as curl 7.88 reads it: whitespace-separated tokens, keywords
// case-insensitive, quoted values with \" \n \r \t, a token starting with '#'
// ends the line, macdef bodies skipped to the next empty line.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/environment.hpp"
#include "common/files.hpp"
#include "common/result.hpp"
#include "common/secret.hpp"

namespace dbcurl {

struct NetrcEntry {
  std::string machine;  // empty for "default"
  bool is_default = false;
  std::optional<std::string> login;
  std::optional<SecretString> password;
  std::size_t line = 0;
};

Result<std::vector<NetrcEntry>> parse_netrc(std::string_view text, const std::string& path);
// First entry that names the host (case-insensitive) or a default entry, as curl matches.
const NetrcEntry* find_netrc_entry(const std::vector<NetrcEntry>& entries, std::string_view host);

// A netrc file read, parsed and wiped; nullopt when it does not exist.
Result<std::optional<std::vector<NetrcEntry>>> load_netrc(const FileSystem& files, const std::string& path);
// The first entry whose machine is exactly this host — never "default", which
// is too broad to trust with a Databricks token.
const NetrcEntry* find_netrc_machine(const std::vector<NetrcEntry>& entries, std::string_view host);

// The file dbcurl reads: --netrc-file, else $NETRC, else ~/.netrc.
std::string netrc_path(const std::optional<std::string>& netrc_file, const Environment& env);

}  // namespace dbcurl
