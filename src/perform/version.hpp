#pragma once

#include <string>

namespace dbcurl {

// "dbcurl X.Y.Z", then curl's banner for the linked libcurl in curl's format,
// so tools that parse curl's banner keep working.
std::string version_banner();

}  // namespace dbcurl
