#pragma once
// The names curl's tool gives a URL's files: -T's name appended to the URL,
// -O's name from the URL, -o's #N from the URL's glob. "rest" is what follows
// a URL's host and port (creds/url's split_url), so that these stay pure text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/config.hpp"

namespace dbcurl {

// -T to a URL whose path ends in '/' (or has none): the URL with the local
// file's name appended, percent-encoded, before any query.
std::string with_upload_name(const std::string& url, std::string_view rest,
                             const std::optional<std::string>& upload_file);
// -O's name: the last segment of the URL's path (empty when there is none).
std::string remote_name(std::string_view rest);
// -O or --remote-name-all for the index-th URL of a transfer.
bool uses_remote_name(const TransferConfig& transfer, std::size_t index);
// Where a URL's body goes: -o NAME (with #N filled from matches), -O or
// --remote-name-all, in --output-dir; nullopt for stdout.
std::optional<std::string> output_name(const TransferConfig& transfer, std::size_t index, std::string_view rest,
                                       const std::vector<std::string>& matches);

}  // namespace dbcurl
