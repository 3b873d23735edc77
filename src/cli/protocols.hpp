#pragma once
// --proto and --proto-redir: curl's protocol-set syntax ("=https", "-all,+http",
// "all,-ftp") turned into the comma list libcurl's CURLOPT_*PROTOCOLS_STR take.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/diagnostics.hpp"

namespace dbcurl {

// The name as libcurl spells it, when known holds it (case-insensitively).
const std::string* find_protocol(std::string_view name, std::span<const std::string> known);

// Starts from defaults and applies each comma-separated token of spec: '+'
// (or nothing) adds, '-' removes, '=' replaces the set; "all" means every
// protocol in known. An unknown name is warned about (and with '=' empties the
// set). Returns the set sorted case-insensitively and joined with ',' ("" for
// none), or nullopt when a token has a modifier other than + - = (curl's
// "is badly used here").
std::optional<std::string> protocol_set(std::string_view spec, std::span<const std::string> defaults,
                                        std::span<const std::string> known, const WarningSink& warn);

}  // namespace dbcurl
