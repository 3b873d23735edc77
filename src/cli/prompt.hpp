#pragma once

#include <optional>
#include <string>

namespace dbcurl {

// curl's "Enter host password for user 'NAME':" prompt: read from the
// terminal without echo, or from standard input when there is no terminal.
std::optional<std::string> prompt_password(const std::string& user);

}  // namespace dbcurl
