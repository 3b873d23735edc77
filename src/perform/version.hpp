#pragma once

#include <string>

#include "cli/parse.hpp"

namespace dbcurl {

// "dbcurl X.Y.Z", then curl's banner for the linked libcurl in curl's format,
// so tools that parse curl's banner keep working.
std::string version_banner();

// --engine list: the OpenSSL engines libcurl can use, in curl's format.
std::string engine_list();

// What the parser needs to know about the linked libcurl.
LibcurlFeatures libcurl_features();

}  // namespace dbcurl
