#pragma once
// netrc as libcurl 7.88.1 reads it (lib/netrc.c parsenetrc): the file is read
// anew for each host, token by token, and what a word means depends on that
// host. dbcurl asks the same question the same way: which credentials libcurl
// takes for one host and URL user name.

#include <optional>
#include <string>
#include <string_view>

#include "common/environment.hpp"
#include "common/files.hpp"
#include "common/result.hpp"
#include "common/secret.hpp"

namespace dbcurl {

// The credentials libcurl takes from a netrc for one host.
struct NetrcMatch {
  bool by_default = false;           // taken in a "default" entry, not one naming the host
  std::optional<std::string> login;  // the URL's user name when one was given; nullopt: none
  std::optional<SecretString> password;
  std::size_t line = 0;  // the line of that entry's "machine" or "default"
};

// nullopt where libcurl finds none ("Couldn't find host"); an error where
// libcurl fails (".netrc parser error", an unterminated quote it reaches).
Result<std::optional<NetrcMatch>> netrc_lookup(std::string_view text, std::string_view host,
                                               const std::optional<std::string>& url_user, const std::string& path);

// The entry libcurl takes for host, if it names the host ("machine", never
// "default", which is too broad to trust with a Databricks token).
std::optional<NetrcMatch> netrc_machine_match(std::string_view text, std::string_view host, const std::string& path);

// A netrc file's text (limited to kMaxConfigFileBytes); nullopt when it does not exist.
Result<std::optional<SecretString>> load_netrc(const FileSystem& files, const std::string& path);

// The file dbcurl reads: --netrc-file, else $NETRC, else ~/.netrc.
std::string netrc_path(const std::optional<std::string>& netrc_file, const Environment& env);

}  // namespace dbcurl
